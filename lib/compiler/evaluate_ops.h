/* evaluate_ops.h: one mlt op through the reference (evaluate_ops.c). */
#ifndef MLOPT_COMPILER_EVALUATE_OPS_H
#define MLOPT_COMPILER_EVALUATE_OPS_H

#include <stdint.h>

#include "mlir-c/IR.h"
#include "reference.h"

/* How an op's result is compared: its tolerance class, the number of
 * terms K each element combines (0: none), the operand scale the
 * reduction class's atol is multiplied by (ml_ref_scale), for results
 * that are positions along an axis (argmax, argmin) the axis size (2 for
 * cmp: false or true), for select the largest |x - y| (what picking
 * the other operand costs), and the quantization steps. */
typedef struct MlEvalHow {
  MlRefOpClass cls;
  int64_t k;
  double scale;
  int64_t positions; /* 0: the result holds values */
  double either;
  /* quantize: its scale (an inexact input's error divided by it is the
   * number of steps the result may move); dequantize: its scale (which
   * multiplies the input's error in steps). 0 for every other op. */
  double quantize_step, dequantize_step;
} MlEvalHow;

/* Status codes beyond MlRefStatus. */
enum {
  ML_EVAL_UNKNOWN = -1,  /* no reference for this op name */
  ML_EVAL_REPORTED = -2, /* failed; a diagnostic on the op says why */
};

/* Computes mlt op `op` (`name` is the part after "mlt.") on its `n`
 * operand values `in` into `out`, allocated with the result's shape and
 * dtype. Returns ML_REF_OK, an MlRefStatus or one of the codes above. */
int ml_eval_mlt_op(MlirOperation op, const char *name, const MlRefTensor *in,
                   intptr_t n, MlRefTensor *out, MlEvalHow *how);

/* The dense elements attribute of ranked tensor type `type` holding `t`'s
 * values (what mlt.constant needs to hold a folded result): the raw
 * buffer, except i1, which MLIR packs as bits while I1 tensors hold a
 * byte per element. Null for an element count that does not fit. */
MlirAttribute ml_eval_dense_attr(MlirType type, const MlRefTensor *t);

#endif
