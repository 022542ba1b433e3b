/* suggest.h: "did you mean" for misspelled flags and pass names. */
#ifndef MLOPT_IR_SUGGEST_H
#define MLOPT_IR_SUGGEST_H

#include <stddef.h>

/* Tracks the closest candidate seen so far to `word`. */
typedef struct MlSuggest {
  const char *word;
  const char *best; /* NULL until a close enough candidate is offered */
  size_t best_dist;
} MlSuggest;

void ml_suggest_init(MlSuggest *s, const char *word);
/* Offers `candidate` (borrowed; must outlive `s`). */
void ml_suggest_offer(MlSuggest *s, const char *candidate);

#endif
