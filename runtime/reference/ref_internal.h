/* ref_internal.h: helpers the reference kernels share (ref_tensor.c).
 *
 * Elements are read as double (floats) or int64_t (integers) and written
 * back with one rounding (floats, to nearest even) or wrapping (integers),
 * whatever the storage dtype. Not part of the public API. */
#ifndef MLOPT_RUNTIME_REFERENCE_INTERNAL_H
#define MLOPT_RUNTIME_REFERENCE_INTERNAL_H

#include "reference.h"

/* Validates a tensor descriptor; ML_REF_OK or ML_REF_ERR_INVALID. */
int ml_ref_check(const MlRefTensor *t);
/* True if a and b have the same rank and dims. */
bool ml_ref_same_shape(const MlRefTensor *a, const MlRefTensor *b);
/* Row-major strides (in elements) of `t`. */
void ml_ref_strides(const MlRefTensor *t, int64_t strides[ML_REF_MAX_RANK]);
/* The offset of row-major position `linear` of `shape` (rank dims) in a
 * tensor whose dims have `strides` (0 for a broadcast dim). */
int64_t ml_ref_offset(int rank, const int64_t *shape, const int64_t *strides,
                      int64_t linear);
/* Strides of `in` seen through a result of rank `rank` (numpy alignment
 * from the trailing dim; broadcast dims get stride 0). */
void ml_ref_broadcast_strides(const MlRefTensor *in, int rank,
                              int64_t strides[ML_REF_MAX_RANK]);
/* The numpy broadcast of the n tensors `in` is exactly out's shape. */
bool ml_ref_broadcasts_to(const MlRefTensor *const *in, int n,
                          const MlRefTensor *out);
/* Normalizes axis in [-rank, rank) to [0, rank); -1 when out of range. */
int ml_ref_axis(int64_t axis, int rank);

/* Element `i` of a float tensor as double (exact). */
double ml_ref_load_f(const MlRefTensor *t, int64_t i);
/* Stores `v` rounded to nearest even into float tensor element `i`. */
void ml_ref_store_f(MlRefTensor *t, int64_t i, double v);
/* Element `i` of an integer tensor, sign-extended. */
int64_t ml_ref_load_i(const MlRefTensor *t, int64_t i);
/* Stores the low bits of `v` (two's complement wrap) into element `i`. */
void ml_ref_store_i(MlRefTensor *t, int64_t i, uint64_t v);
/* `v` rounded to what a float dtype can hold (round to nearest even). */
double ml_ref_round(MlRefDtype dtype, double v);
/* Smallest and largest value of an integer dtype. */
int64_t ml_ref_int_min(MlRefDtype dtype);
int64_t ml_ref_int_max(MlRefDtype dtype);
/* Float -> integer dtype: toward zero, saturating, NaN -> 0. */
int64_t ml_ref_saturate(MlRefDtype dtype, double v);
/* Integer -> double rounded to odd at 53 bits: one further rounding to
 * f32/f16/bf16 is then correctly rounded (no double-rounding error). */
double ml_ref_int_to_double_odd(int64_t v);
/* Two's complement reinterpretation of a uint64_t (portable, no UB). */
int64_t ml_ref_to_signed(uint64_t u);

/* max/min as arith.maximumf/minimumf: NaN if either is NaN, -0 < +0. */
double ml_ref_fmax(double a, double b);
double ml_ref_fmin(double a, double b);

#endif
