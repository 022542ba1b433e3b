/* evaluate.h: runs a tensor-level function op by op through the plain-C
 * reference (runtime/reference), and says how closely compiled code must
 * match each result. The oracle behind `ml-run --check`. */
#ifndef MLOPT_COMPILER_EVALUATE_H
#define MLOPT_COMPILER_EVALUATE_H

#include <stdbool.h>
#include <stdint.h>

#include "mlir-c/IR.h"
#include "reference.h"

/* One result of the function, with the tolerance a compiled result gets
 * (docs/reference.md, "chains of ops"). */
typedef struct MlEvalResult {
  MlRefTensor value; /* data owned: release with ml_evaluate_free */
  double rtol, atol;
  int64_t reduction_length; /* the longest K on the chain; 0: none */
} MlEvalResult;

/* Evaluates func.func `func`, whose arguments and results are ranked
 * tensors and whose body is mlt ops, on `args` (one per argument, of the
 * argument's shape and dtype). Fills `results` (one per function result).
 * An op it cannot evaluate gets a located error and the call fails with
 * nothing to free. */
bool ml_evaluate(MlirOperation func, const MlRefTensor *args,
                 MlEvalResult *results);
void ml_evaluate_free(MlEvalResult *results, intptr_t n);

/* The reference dtype of an MLIR element type; false for other types. */
bool ml_eval_dtype(MlirType element, MlRefDtype *dtype);

#endif
