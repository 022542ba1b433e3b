/* sizes.h: the parser of list-valued pass flags (--tile=32,32,8,
 * --unroll=6,2): N or N,N,... of integers >= a minimum, at most a given
 * count, with one message naming the flag when the value is bad. */
#ifndef MLOPT_COMPILER_SIZES_H
#define MLOPT_COMPILER_SIZES_H

#include <stdbool.h>
#include <stdint.h>

#include "ir/strbuf.h"
#include "mlir-c/Support.h"

/* How a flag's list reads and what it allows. */
typedef struct MlSizesSpec {
  const char *flag;  /* "tile", spelled --tile in messages */
  const char *noun;  /* "tile size" (plural adds an s) */
  const char *hint;  /* "0 leaves a dim untiled" */
  int64_t min;       /* the smallest allowed value */
  intptr_t max;      /* how many values at most */
} MlSizesSpec;

/* Parses `value` ("N" or "N,N,...": decimal integers, no spaces) into
 * out[0..spec->max) and *n. On a bad value appends one message,
 * "invalid value 'V' for --FLAG: ...", to `err` and returns false. */
bool ml_parse_sizes(const MlSizesSpec *spec, MlirStringRef value, int64_t *out,
                    intptr_t *n, MlBuf *err);

#endif
