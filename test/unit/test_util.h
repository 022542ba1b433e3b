/* test_util.h: what every C unit test needs: a CHECK that counts failures
 * without stopping, and a growable text buffer usable as an
 * MlirStringCallback (for printed IR and diagnostics). */
#ifndef MLOPT_TEST_UNIT_TEST_UTIL_H
#define MLOPT_TEST_UNIT_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mlir-c/Support.h"

static int failures;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

typedef struct {
  char *data; /* NUL-terminated, NULL while empty */
  size_t len;
} Text;

/* An MlirStringCallback appending to the Text in `user`. */
static inline void append(MlirStringRef s, void *user) {
  Text *t = user;
  char *p = realloc(t->data, t->len + s.length + 1);
  if (!p)
    abort();
  memcpy(p + t->len, s.data, s.length);
  t->len += s.length;
  p[t->len] = '\0';
  t->data = p;
}

/* The text so far, "" while empty. */
static inline const char *text_str(const Text *t) { return t->data ? t->data : ""; }

/* Prints the verdict and gives main's exit code. */
static inline int finish(void) {
  fprintf(stderr, "%s: %d failure(s)\n", failures ? "FAIL" : "PASS", failures);
  return failures ? 1 : 0;
}

#endif
