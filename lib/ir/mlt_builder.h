/* mlt_builder.h: building tensor-level (mlt) ops, one helper per op, for
 * front ends such as the ONNX importer. Result types are given by the
 * caller (mlt ops do not infer them); enums are their ODS numbers. */
#ifndef MLOPT_IR_MLT_BUILDER_H
#define MLOPT_IR_MLT_BUILDER_H

#include <stdbool.h>
#include <stdint.h>

#include "ir/builder.h"

enum { ML_REDUCE_SUM, ML_REDUCE_MAX, ML_REDUCE_MIN, ML_REDUCE_MEAN,
       ML_REDUCE_PROD };
enum { ML_POOL_MAX, ML_POOL_AVG };

/* A ranked tensor type of `rank` dims and element type `elt`. */
MlirType ml_tensor_type(MlirType elt, intptr_t rank, const int64_t *dims);
/* The element type of shaped value v. */
MlirType ml_element_type(MlirValue v);
/* Copies v's dims into `shape`; returns the rank. */
intptr_t ml_shape_of(MlirValue v, int64_t *shape);

/* Elementwise: `name` is "mlt.relu", "mlt.exp", ... (result type = x's) or
 * "mlt.add", "mlt.max", ... (result type given: the broadcast shape). */
MlirValue ml_build_mlt_unary(const MlBuilder *b, const char *name, MlirValue x);
MlirValue ml_build_mlt_binary(const MlBuilder *b, const char *name,
                              MlirValue x, MlirValue y, MlirType result);
MlirValue ml_build_mlt_leaky_relu(const MlBuilder *b, MlirValue x,
                                  double alpha);
MlirValue ml_build_mlt_clamp(const MlBuilder *b, MlirValue x, double lo,
                             double hi);
MlirValue ml_build_mlt_cast(const MlBuilder *b, MlirValue x, MlirType result);
/* mlt.quantize (float x -> i8) and mlt.dequantize (i8/i32 x -> f32) with
 * a per-tensor f32 scale and i32 zero point; the result has x's shape. */
MlirValue ml_build_mlt_quantize(const MlBuilder *b, MlirValue x, float scale,
                                int32_t zero_point);
MlirValue ml_build_mlt_dequantize(const MlBuilder *b, MlirValue x, float scale,
                                  int32_t zero_point);
/* mlt.cmp with predicate `pred` (ML_CMP_*), result of i1 elements. */
enum { ML_CMP_EQ, ML_CMP_NE, ML_CMP_LT, ML_CMP_LE, ML_CMP_GT, ML_CMP_GE };
MlirValue ml_build_mlt_cmp(const MlBuilder *b, int pred, MlirValue x,
                           MlirValue y, MlirType result);
/* mlt.select: x where cond holds, else y (three-way broadcasting). */
MlirValue ml_build_mlt_select(const MlBuilder *b, MlirValue cond, MlirValue x,
                              MlirValue y, MlirType result);

/* Contractions. `strides`, `dilations`: 2 entries; `padding`: top, left,
 * bottom, right. */
MlirValue ml_build_mlt_matmul(const MlBuilder *b, const char *name,
                              MlirValue x, MlirValue y, MlirType result);
MlirValue ml_build_mlt_conv2d(const MlBuilder *b, MlirValue x, MlirValue w,
                              const int64_t strides[2],
                              const int64_t padding[4],
                              const int64_t dilations[2], int64_t groups,
                              MlirType result);
MlirValue ml_build_mlt_pool2d(const MlBuilder *b, int kind, MlirValue x,
                              const int64_t kernel[2], const int64_t strides[2],
                              const int64_t padding[4], MlirType result);

/* Reductions. */
MlirValue ml_build_mlt_softmax(const MlBuilder *b, MlirValue x, int64_t axis);
MlirValue ml_build_mlt_reduce(const MlBuilder *b, int kind, MlirValue x,
                              intptr_t n_axes, const int64_t *axes,
                              bool keepdims, MlirType result);
/* mlt.argmax / mlt.argmin (`name`). */
MlirValue ml_build_mlt_arg(const MlBuilder *b, const char *name, MlirValue x,
                           int64_t axis, bool keepdims, bool select_last,
                           MlirType result);

/* Data movement. */
MlirValue ml_build_mlt_transpose(const MlBuilder *b, MlirValue x,
                                 const int64_t *perm, MlirType result);
/* mlt.reshape, or mlt.broadcast (`name`). */
MlirValue ml_build_mlt_reshape(const MlBuilder *b, const char *name,
                               MlirValue x, MlirType result);
MlirValue ml_build_mlt_concat(const MlBuilder *b, intptr_t n,
                              const MlirValue *xs, int64_t axis,
                              MlirType result);
MlirValue ml_build_mlt_slice(const MlBuilder *b, MlirValue x,
                             const int64_t *offsets, const int64_t *strides,
                             MlirType result);
MlirValue ml_build_mlt_gather(const MlBuilder *b, MlirValue x, MlirValue idx,
                              int64_t axis, MlirType result);
/* mlt.constant holding the elements attribute `value`. */
MlirValue ml_build_mlt_constant(const MlBuilder *b, MlirAttribute value);

#endif
