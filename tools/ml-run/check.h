/* check.h: ml-run --check, the compiled entry against the C reference. */
#ifndef MLOPT_TOOLS_ML_RUN_CHECK_H
#define MLOPT_TOOLS_ML_RUN_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "array.h"
#include "compiler/evaluate.h"
#include "signature.h"

typedef struct MlCheck {
  MlEvalResult *results; /* one per output */
  size_t num_results;
} MlCheck;

/* Evaluates the entry of the module as parsed (before any pass) on
 * `inputs` through the reference. False with `err` set if the entry is not
 * a tensor function, or with diagnostics if an op has no reference. */
bool ml_check_prepare(MlirModule module, const MlSignature *sig,
                      const MlArray *inputs, MlCheck *check, MlBuf *err);

/* Prints one line per output (errors, tolerance, ok or the first
 * mismatch) and says whether all match. `rtol`/`atol` >= 0 replace the
 * policy's tolerance. */
bool ml_check_compare(const MlCheck *check, const MlSignature *sig,
                      const MlArray *outputs, double rtol, double atol);

void ml_check_free(MlCheck *check);

#endif
