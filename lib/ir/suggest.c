/* suggest: picks the candidate with the smallest edit distance to a word,
 * among those close enough to be a plausible typo (at most a third of the
 * word's length, and at most 3 edits). */
#include "ir/suggest.h"

#include <stdlib.h>
#include <string.h>

/* Levenshtein distance with one row of memory; stops early past `limit`. */
static size_t distance(const char *a, const char *b, size_t limit) {
  size_t la = strlen(a), lb = strlen(b);
  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;
  size_t *row = malloc((lb + 1) * sizeof *row);
  if (!row)
    abort();
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0], best = row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t v = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < v)
        v = up + 1;
      if (row[j - 1] + 1 < v)
        v = row[j - 1] + 1;
      row[j] = v;
      diag = up;
      if (v < best)
        best = v;
    }
    if (best > limit) {
      free(row);
      return limit + 1;
    }
  }
  size_t d = row[lb];
  free(row);
  return d;
}

void ml_suggest_init(MlSuggest *s, const char *word) {
  s->word = word;
  s->best = NULL;
  size_t limit = strlen(word) / 3;
  s->best_dist = (limit < 1 ? 1 : limit > 3 ? 3 : limit) + 1;
}

void ml_suggest_offer(MlSuggest *s, const char *candidate) {
  size_t d = distance(s->word, candidate, s->best_dist - 1);
  if (d < s->best_dist) {
    s->best = candidate;
    s->best_dist = d;
  }
}
