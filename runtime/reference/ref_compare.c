/* ref_compare: comparing computed tensors with the reference, and the
 * tolerance policy (docs/reference.md has the numbers and why).
 *
 * Closeness is NumPy's isclose, |a - e| <= atol + rtol * |e| (asymmetric:
 * relative to the expected value), extended so NaN matches NaN and an
 * infinity matches only itself. The tolerances come from a per-dtype base
 * (rtol, atol), a budget for approximated transcendental functions, and
 * accumulation terms in the reduction length K: eps_acc * K on atol for
 * sums of products (sequential accumulation error grows like K for
 * unit-variance data, measured) and eps_acc * sqrt(K) on rtol for softmax's
 * sum of positive terms, with eps_acc the epsilon of the accumulator (f32
 * for f32/f16/bf16, f64 for f64). */
#include <math.h>

#include "ref_internal.h"

/*===-- compare ---------------------------------------------------------===*/

/* Records element i as a mismatch. */
static void mismatch(MlRefCompare *c, int64_t i, double e, double a) {
  if (c->mismatches++ == 0) {
    c->first_mismatch = i;
    c->expected_at_first = e;
    c->actual_at_first = a;
  }
}

/* Compares one float pair, updating the error maxima. */
static void compare_f(MlRefCompare *c, int64_t i, double e, double a,
                      double rtol, double atol) {
  if (isnan(e) || isnan(a) || isinf(e) || isinf(a)) {
    bool same = (isnan(e) && isnan(a)) || (!isnan(e) && !isnan(a) && e == a);
    if (!same) {
      c->max_abs_err = INFINITY;
      c->max_rel_err = INFINITY;
      mismatch(c, i, e, a);
    }
    return;
  }
  double d = fabs(a - e);
  if (d > c->max_abs_err)
    c->max_abs_err = d;
  if (e != 0 && d / fabs(e) > c->max_rel_err)
    c->max_rel_err = d / fabs(e);
  if (!(d <= atol + rtol * fabs(e)))
    mismatch(c, i, e, a);
}

/* Compares one integer pair: exactly, or by the isclose test on the exact
 * difference when a tolerance is given. */
static void compare_i(MlRefCompare *c, int64_t i, int64_t e, int64_t a,
                      double rtol, double atol) {
  uint64_t du = a >= e ? (uint64_t)a - (uint64_t)e : (uint64_t)e - (uint64_t)a;
  double d = (double)du, ae = fabs((double)e);
  if (d > c->max_abs_err)
    c->max_abs_err = d;
  if (e != 0 && d / ae > c->max_rel_err)
    c->max_rel_err = d / ae;
  if (du != 0 && !(d <= atol + rtol * ae))
    mismatch(c, i, (double)e, (double)a);
}

/* Element-by-element isclose of actual against expected (reference.h). */
MlRefCompare ml_ref_compare(const MlRefTensor *expected,
                            const MlRefTensor *actual, double rtol, double atol) {
  MlRefCompare c = {ML_REF_OK, false, 0, -1, 0, 0, 0, 0};
  if (ml_ref_check(expected) || ml_ref_check(actual) || !(rtol >= 0) || !(atol >= 0))
    c.status = ML_REF_ERR_INVALID;
  else if (expected->dtype != actual->dtype)
    c.status = ML_REF_ERR_DTYPE;
  else if (!ml_ref_same_shape(expected, actual))
    c.status = ML_REF_ERR_SHAPE;
  if (c.status)
    return c;
  int64_t n = ml_ref_numel(expected);
  bool fp = ml_ref_dtype_is_float(expected->dtype);
  for (int64_t i = 0; i < n; i++) {
    if (fp)
      compare_f(&c, i, ml_ref_load_f(expected, i), ml_ref_load_f(actual, i), rtol, atol);
    else
      compare_i(&c, i, ml_ref_load_i(expected, i), ml_ref_load_i(actual, i), rtol, atol);
  }
  c.ok = c.mismatches == 0;
  return c;
}

/*===-- tolerance policy ------------------------------------------------===*/

/* Per-dtype base of the policy. */
typedef struct {
  double rtol, atol; /* one elementwise op */
  double approx;     /* extra rtol for approximated transcendentals */
  double eps_acc;    /* epsilon of the accumulator of reductions */
} Base;

/* The policy's base numbers for a dtype. */
static Base base_of(MlRefDtype dtype) {
  const double f32_eps = 0x1p-23;
  switch (dtype) {
  case ML_REF_F32: return (Base){1e-5, 1e-6, 4e-6, f32_eps};
  case ML_REF_F16: return (Base){1e-2, 1e-3, 0, f32_eps};
  case ML_REF_BF16: return (Base){1e-2, 1e-2, 0, f32_eps};
  case ML_REF_F64: return (Base){1e-12, 1e-15, 1e-13, 0x1p-52};
  default: return (Base){0, 0, 0, 0}; /* integers: exact */
  }
}

/* rtol/atol of class `cls` on `dtype` with K = reduction_length. */
void ml_ref_tolerance(MlRefOpClass cls, MlRefDtype dtype,
                      int64_t reduction_length, double *rtol, double *atol) {
  Base b = base_of(dtype);
  double k = reduction_length < 1 ? 1.0 : (double)reduction_length;
  double r = b.rtol, a = b.atol;
  switch (cls) {
  case ML_REF_CLASS_EXACT: r = a = 0; break;
  case ML_REF_CLASS_ELEMENTWISE: break;
  case ML_REF_CLASS_TRANSCENDENTAL: r += b.approx; break;
  case ML_REF_CLASS_SOFTMAX: r += b.approx + b.eps_acc * sqrt(k); break;
  case ML_REF_CLASS_REDUCTION: a = b.atol * sqrt(k) + b.eps_acc * k; break;
  case ML_REF_CLASS_PRODUCT: r += b.eps_acc * k; break;
  }
  if (!ml_ref_dtype_is_float(dtype))
    r = a = 0;
  if (rtol)
    *rtol = r;
  if (atol)
    *atol = a;
}

/* max(1, RMS) of a float tensor; 1 for integers and empty tensors. */
double ml_ref_scale(const MlRefTensor *t) {
  int64_t n = ml_ref_numel(t);
  if (n <= 0 || !ml_ref_dtype_is_float(t->dtype) || !t->data)
    return 1.0;
  double sum = 0;
  for (int64_t i = 0; i < n; i++) {
    double v = ml_ref_load_f(t, i);
    if (isfinite(v))
      sum += v * v;
  }
  double rms = sqrt(sum / (double)n);
  return rms > 1.0 ? rms : 1.0;
}

/* max/min are exact, pow is transcendental, the rest correctly rounded. */
MlRefOpClass ml_ref_binary_class(MlRefBinaryKind kind) {
  switch (kind) {
  case ML_REF_MAX:
  case ML_REF_MIN: return ML_REF_CLASS_EXACT;
  case ML_REF_POW: return ML_REF_CLASS_TRANSCENDENTAL;
  default: return ML_REF_CLASS_ELEMENTWISE;
  }
}

/* relu/neg/abs are exact, sqrt correctly rounded, the rest transcendental. */
MlRefOpClass ml_ref_unary_class(MlRefUnaryKind kind) {
  switch (kind) {
  case ML_REF_RELU:
  case ML_REF_NEG:
  case ML_REF_ABS: return ML_REF_CLASS_EXACT;
  case ML_REF_SQRT: return ML_REF_CLASS_ELEMENTWISE;
  default: return ML_REF_CLASS_TRANSCENDENTAL;
  }
}

/* max/min are exact, prod a product, sum/mean sums. */
MlRefOpClass ml_ref_reduce_class(MlRefReduceKind kind) {
  switch (kind) {
  case ML_REF_REDUCE_MAX:
  case ML_REF_REDUCE_MIN: return ML_REF_CLASS_EXACT;
  case ML_REF_REDUCE_PROD: return ML_REF_CLASS_PRODUCT;
  default: return ML_REF_CLASS_REDUCTION;
  }
}
