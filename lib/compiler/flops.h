/* flops.h: the arithmetic op count of a function's contractions, for the
 * GFLOP/s figure of `ml-run --repeat`. */
#ifndef MLOPT_COMPILER_FLOPS_H
#define MLOPT_COMPILER_FLOPS_H

#include "mlir-c/IR.h"

/* The flops of one call of func.func `func` as parsed (tensor level, before
 * any pass): 2*M*N*K per mlt.matmul, 2*B*M*N*K per mlt.batch_matmul,
 * 2*N*OH*OW*OC*(C/groups)*KH*KW per mlt.conv2d, including those inside
 * mlt.fused. Returns 0 when the count is unknown: no contraction, one under
 * another region (a loop or branch runs it some number of times) or a call
 * (its callee is not counted). */
double ml_count_flops(MlirOperation func);

#endif
