/* flops: how many arithmetic ops one call of a function performs, so that
 * `ml-run --repeat` can turn its time into GFLOP/s.
 *
 * Only contractions count, as multiply-adds times two: 2*M*N*K for a matrix
 * product, the same per output element and filter tap for a convolution.
 * That is the convention of BLAS and cuDNN benchmarks, so the figure
 * compares with theirs; elementwise ops, reductions and pooling are memory
 * bound and add nothing (a function with only those has no count). The
 * count is read from the function as parsed, where mlt ops still exist and
 * tensor types give every dimension. A contraction that may not run exactly
 * once per call (inside a loop or a branch) or work hidden behind a call
 * makes the count unknown (0) rather than wrong. */
#include "compiler/flops.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ir/attrs.h"
#include "mlir-c/BuiltinTypes.h"

typedef struct Count {
  MlirOperation func; /* the function counted */
  double flops;
  bool unknown;
} Count;

/* Dimension `d` of the type of operand `i` (i < 0: of result 0). */
static double dim(MlirOperation op, int i, intptr_t d) {
  MlirValue v = i < 0 ? mlirOperationGetResult(op, 0)
                      : mlirOperationGetOperand(op, i);
  return (double)mlirShapedTypeGetDimSize(mlirValueGetType(v), d);
}

/* 2*N*OH*OW*OC*(C/groups)*KH*KW; the filter holds C/groups channels. */
static double conv2d_flops(MlirOperation op) {
  if (ml_attr_int(op, "layout") == 0) /* NCHW x OIHW -> NOHW */
    return 2 * dim(op, -1, 0) * dim(op, -1, 2) * dim(op, -1, 3) *
           dim(op, 1, 0) * dim(op, 1, 1) * dim(op, 1, 2) * dim(op, 1, 3);
  /* NHWC x HWIO -> NHWO */
  return 2 * dim(op, -1, 0) * dim(op, -1, 1) * dim(op, -1, 2) *
         dim(op, 1, 3) * dim(op, 1, 2) * dim(op, 1, 0) * dim(op, 1, 1);
}

/* The flops of `op` if it is a contraction, else 0. */
static double contraction_flops(MlirOperation op) {
  if (ml_op_named(op, "mlt.matmul")) /* (M x K) . (K x N) */
    return 2 * dim(op, 0, 0) * dim(op, 1, 1) * dim(op, 0, 1);
  if (ml_op_named(op, "mlt.batch_matmul")) /* (B x M x K) . (B x K x N) */
    return 2 * dim(op, 0, 0) * dim(op, 0, 1) * dim(op, 1, 2) * dim(op, 0, 2);
  if (ml_op_named(op, "mlt.conv2d"))
    return conv2d_flops(op);
  return 0;
}

/* True if every op between `op` and the function is an mlt.fused, so
 * `op` runs exactly once per call. */
static bool runs_once(MlirOperation op, MlirOperation func) {
  for (MlirOperation p = mlirOperationGetParentOperation(op);
       !mlirOperationEqual(p, func); p = mlirOperationGetParentOperation(p))
    if (!ml_op_named(p, "mlt.fused"))
      return false;
  return true;
}

/* Walk callback: adds one op's flops; stops when the count is unknown. */
static MlirWalkResult count_op(MlirOperation op, void *user) {
  Count *c = user;
  if (ml_op_named(op, "func.call") || ml_op_named(op, "func.call_indirect")) {
    c->unknown = true;
    return MlirWalkResultInterrupt;
  }
  double n = contraction_flops(op);
  if (n > 0 && !runs_once(op, c->func)) {
    c->unknown = true;
    return MlirWalkResultInterrupt;
  }
  c->flops += n;
  return MlirWalkResultAdvance;
}

/* Sums the contractions of `func`; 0 if it has none or they are unknown. */
double ml_count_flops(MlirOperation func) {
  Count c = {func, 0, false};
  if (mlirOperationIsNull(func))
    return 0;
  mlirOperationWalk(func, count_op, &c, MlirWalkPreOrder);
  return c.unknown ? 0 : c.flops;
}
