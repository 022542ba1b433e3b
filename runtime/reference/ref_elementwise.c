/* ref_elementwise: mlt's binary (numpy broadcasting), unary, leaky_relu,
 * clamp and cast.
 *
 * Floats are computed in double from the exactly decoded inputs and rounded
 * once into the result, which makes add/sub/mul/div/sqrt correctly rounded
 * and the transcendental ops within a rounding of the true value. Integer
 * arithmetic is done on uint64_t (no signed-overflow UB) and wraps to the
 * element width on the store. */
#include <math.h>

#include "ref_internal.h"

/*===-- Binary ----------------------------------------------------------===*/

/* One float element of a binary op. */
static double binary_f(MlRefBinaryKind kind, double x, double y) {
  switch (kind) {
  case ML_REF_ADD: return x + y;
  case ML_REF_SUB: return x - y;
  case ML_REF_MUL: return x * y;
  case ML_REF_DIV: return x / y;
  case ML_REF_MAX: return ml_ref_fmax(x, y);
  case ML_REF_MIN: return ml_ref_fmin(x, y);
  case ML_REF_POW: return pow(x, y);
  }
  return NAN;
}

/* One integer element of a binary op, wrapping; x / 0 is 0. */
static uint64_t binary_i(MlRefBinaryKind kind, int64_t x, int64_t y) {
  uint64_t ux = (uint64_t)x, uy = (uint64_t)y;
  switch (kind) {
  case ML_REF_ADD: return ux + uy;
  case ML_REF_SUB: return ux - uy;
  case ML_REF_MUL: return ux * uy;
  case ML_REF_DIV:
    if (y == 0)
      return 0;
    if (x == INT64_MIN && y == -1)
      return ux; /* wraps back to INT64_MIN */
    return (uint64_t)(x / y);
  case ML_REF_MAX: return (uint64_t)(x > y ? x : y);
  case ML_REF_MIN: return (uint64_t)(x < y ? x : y);
  case ML_REF_POW: return 0; /* rejected before */
  }
  return 0;
}

/* Elementwise a (kind) b over the broadcast result shape. */
int ml_ref_binary(MlRefBinaryKind kind, const MlRefTensor *a,
                  const MlRefTensor *b, MlRefTensor *out) {
  if (ml_ref_check(a) || ml_ref_check(b) || ml_ref_check(out) ||
      (unsigned)kind > ML_REF_POW)
    return ML_REF_ERR_INVALID;
  bool fp = ml_ref_dtype_is_float(a->dtype);
  if (a->dtype != b->dtype || out->dtype != a->dtype ||
      (kind == ML_REF_POW && !fp) || a->dtype == ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  if (!ml_ref_broadcasts_to((const MlRefTensor *[]){a, b}, 2, out))
    return ML_REF_ERR_SHAPE;
  int64_t sa[ML_REF_MAX_RANK], sb[ML_REF_MAX_RANK];
  ml_ref_broadcast_strides(a, out->rank, sa);
  ml_ref_broadcast_strides(b, out->rank, sb);
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t ia = ml_ref_offset(out->rank, out->shape, sa, i);
    int64_t ib = ml_ref_offset(out->rank, out->shape, sb, i);
    if (fp)
      ml_ref_store_f(out, i, binary_f(kind, ml_ref_load_f(a, ia), ml_ref_load_f(b, ib)));
    else
      ml_ref_store_i(out, i, binary_i(kind, ml_ref_load_i(a, ia), ml_ref_load_i(b, ib)));
  }
  return ML_REF_OK;
}

/*===-- Unary -----------------------------------------------------------===*/

/* One float element of a unary op, in double. */
static double unary_f(MlRefUnaryKind kind, double x) {
  switch (kind) {
  case ML_REF_RELU: return ml_ref_fmax(x, 0.0);
  case ML_REF_SIGMOID: return 1.0 / (1.0 + exp(-x));
  case ML_REF_TANH: return tanh(x);
  /* x * Phi(x) = x/2 * erfc(-x/sqrt 2): no cancellation for x << 0. */
  case ML_REF_GELU: return 0.5 * x * erfc(-x * 0.70710678118654752440);
  case ML_REF_EXP: return exp(x);
  case ML_REF_LOG: return log(x);
  case ML_REF_SQRT: return sqrt(x);
  case ML_REF_RSQRT: return 1.0 / sqrt(x);
  case ML_REF_NEG: return -x;
  case ML_REF_ABS: return fabs(x);
  case ML_REF_ERF: return erf(x);
  }
  return NAN;
}

/* Elementwise kind(x); integers only for relu, neg and abs. */
int ml_ref_unary(MlRefUnaryKind kind, const MlRefTensor *in, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out) || (unsigned)kind > ML_REF_ERF)
    return ML_REF_ERR_INVALID;
  bool fp = ml_ref_dtype_is_float(in->dtype);
  bool int_ok = kind == ML_REF_RELU || kind == ML_REF_NEG || kind == ML_REF_ABS;
  if (out->dtype != in->dtype || (!fp && !int_ok) || in->dtype == ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  if (!ml_ref_same_shape(in, out))
    return ML_REF_ERR_SHAPE;
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    if (fp) {
      ml_ref_store_f(out, i, unary_f(kind, ml_ref_load_f(in, i)));
      continue;
    }
    int64_t x = ml_ref_load_i(in, i);
    uint64_t r = (uint64_t)x;
    if (kind == ML_REF_RELU)
      r = x > 0 ? r : 0;
    else if (kind == ML_REF_NEG || (kind == ML_REF_ABS && x < 0))
      r = 0 - r;
    ml_ref_store_i(out, i, r);
  }
  return ML_REF_OK;
}

/* x >= 0 ? x : alpha * x with alpha rounded to the element type first:
 * the product of two elements is exact in double, so one rounding. */
int ml_ref_leaky_relu(const MlRefTensor *in, double alpha, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (!ml_ref_dtype_is_float(in->dtype) || out->dtype != in->dtype)
    return ML_REF_ERR_DTYPE;
  if (!ml_ref_same_shape(in, out))
    return ML_REF_ERR_SHAPE;
  double a = ml_ref_round(in->dtype, alpha);
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    double x = ml_ref_load_f(in, i);
    ml_ref_store_f(out, i, x >= 0 || isnan(x) ? x : a * x);
  }
  return ML_REF_OK;
}

/*===-- Clamp and cast --------------------------------------------------===*/

/* min(max(x, lo), hi) with the bounds converted to the element type. */
int ml_ref_clamp(const MlRefTensor *in, double lo, double hi, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (out->dtype != in->dtype || in->dtype == ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  if (!ml_ref_same_shape(in, out))
    return ML_REF_ERR_SHAPE;
  if (!(lo <= hi)) /* also rejects NaN bounds */
    return ML_REF_ERR_ATTR;
  int64_t n = ml_ref_numel(out);
  if (ml_ref_dtype_is_float(in->dtype)) {
    double l = ml_ref_round(in->dtype, lo), h = ml_ref_round(in->dtype, hi);
    for (int64_t i = 0; i < n; i++)
      ml_ref_store_f(out, i, ml_ref_fmin(ml_ref_fmax(ml_ref_load_f(in, i), l), h));
    return ML_REF_OK;
  }
  int64_t l = ml_ref_saturate(in->dtype, lo), h = ml_ref_saturate(in->dtype, hi);
  for (int64_t i = 0; i < n; i++) {
    int64_t x = ml_ref_load_i(in, i);
    x = x < l ? l : x > h ? h : x;
    ml_ref_store_i(out, i, (uint64_t)x);
  }
  return ML_REF_OK;
}

/* Converts every element to out->dtype (rules in reference.h). */
int ml_ref_cast(const MlRefTensor *in, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (!ml_ref_same_shape(in, out))
    return ML_REF_ERR_SHAPE;
  bool from_fp = ml_ref_dtype_is_float(in->dtype);
  bool to_fp = ml_ref_dtype_is_float(out->dtype);
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    if (from_fp && to_fp) /* exact read, one rounding */
      ml_ref_store_f(out, i, ml_ref_load_f(in, i));
    else if (from_fp) /* toward zero, saturating, NaN -> 0 */
      ml_ref_store_i(out, i, (uint64_t)ml_ref_saturate(out->dtype, ml_ref_load_f(in, i)));
    else /* int -> int wraps; int -> float rounds once (store_i) */
      ml_ref_store_i(out, i, (uint64_t)ml_ref_load_i(in, i));
  }
  return ML_REF_OK;
}
