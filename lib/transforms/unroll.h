/* unroll.h: what the two halves of --unroll share: unroll.c picks the
 * loops and factors (flag, unroll attributes, the pass) and
 * unroll_rewrite.c unrolls one loop. */
#ifndef MLOPT_TRANSFORMS_UNROLL_H
#define MLOPT_TRANSFORMS_UNROLL_H

#include <stdbool.h>
#include <stdint.h>

#include "mlir-c/IR.h"

enum {
  ML_UNROLL_MAX_FACTORS = 16, /* flag values at most */
  ML_UNROLL_MAX_FACTOR = 64   /* a larger factor is refused with a remark */
};

/* Unrolls `loop` by `factor` (> 1): a parallel loop is unrolled and
 * jammed, a reduction loop plainly unrolled (copies chained through its
 * iter_args); full groups of `factor` iterations run in a new loop, the
 * rest in the original loop rebounded (the peeled remainder). Emits one
 * remark at the loop saying what was done or why not; `from_attr` says the
 * factor came from the loop's unroll attribute. `loop` is destroyed when
 * anything was unrolled. */
void ml_unroll_loop(MlirOperation loop, int64_t factor, bool from_attr);

#endif
