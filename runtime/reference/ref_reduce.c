/* ref_reduce: mlt.reduce, mlt.argmax/argmin, mlt.softmax and mlt.pool2d.
 *
 * Float sums, means, products and softmax denominators accumulate in double
 * and round once into the result; float max/min propagate NaN and order
 * -0 < +0 (arith.maximumf/minimumf). Integer sum/prod wrap. argmax and
 * argmin compare the elements exactly (floats as double, integers as
 * int64) and treat NaN as the extreme, as NumPy does. */
#include <math.h>

#include "ref_internal.h"

/*===-- reduce ----------------------------------------------------------===*/

/* Folds float element v into acc for kind (count handled by the caller). */
static double fold_f(MlRefReduceKind kind, double acc, double v) {
  switch (kind) {
  case ML_REF_REDUCE_SUM:
  case ML_REF_REDUCE_MEAN: return acc + v;
  case ML_REF_REDUCE_PROD: return acc * v;
  case ML_REF_REDUCE_MAX: return ml_ref_fmax(acc, v);
  case ML_REF_REDUCE_MIN: return ml_ref_fmin(acc, v);
  }
  return NAN;
}

/* Folds integer element v into acc (wrapping sum and product). */
static uint64_t fold_i(MlRefReduceKind kind, uint64_t acc, int64_t v) {
  int64_t a = ml_ref_to_signed(acc);
  switch (kind) {
  case ML_REF_REDUCE_SUM: return acc + (uint64_t)v;
  case ML_REF_REDUCE_PROD: return acc * (uint64_t)v;
  case ML_REF_REDUCE_MAX: return (uint64_t)(v > a ? v : a);
  case ML_REF_REDUCE_MIN: return (uint64_t)(v < a ? v : a);
  case ML_REF_REDUCE_MEAN: return 0; /* rejected before */
  }
  return 0;
}

/* The identity a reduction starts from. */
static double init_f(MlRefReduceKind kind) {
  return kind == ML_REF_REDUCE_PROD  ? 1.0
         : kind == ML_REF_REDUCE_MAX ? -INFINITY
         : kind == ML_REF_REDUCE_MIN ? INFINITY
                                     : 0.0;
}

/* The integer identity: 1, the type's minimum/maximum, or 0. */
static uint64_t init_i(MlRefReduceKind kind, MlRefDtype dtype) {
  return kind == ML_REF_REDUCE_PROD  ? 1
         : kind == ML_REF_REDUCE_MAX ? (uint64_t)ml_ref_int_min(dtype)
         : kind == ML_REF_REDUCE_MIN ? (uint64_t)ml_ref_int_max(dtype)
                                     : 0;
}

/* For each result element, folds the reduced sub-box of the input. */
int ml_ref_reduce(MlRefReduceKind kind, const MlRefTensor *in,
                  const int64_t *axes, int n_axes, bool keepdims,
                  MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out) || !axes ||
      (unsigned)kind > ML_REF_REDUCE_PROD)
    return ML_REF_ERR_INVALID;
  bool fp = ml_ref_dtype_is_float(in->dtype);
  if (out->dtype != in->dtype || (kind == ML_REF_REDUCE_MEAN && !fp) ||
      in->dtype == ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  bool reduced[ML_REF_MAX_RANK] = {false};
  if (n_axes < 1 || n_axes > in->rank)
    return ML_REF_ERR_ATTR;
  for (int k = 0; k < n_axes; k++) {
    int a = ml_ref_axis(axes[k], in->rank);
    if (a < 0 || reduced[a])
      return ML_REF_ERR_ATTR;
    reduced[a] = true;
  }
  /* Split the input dims into kept (the result's) and reduced ones. */
  int64_t in_strides[ML_REF_MAX_RANK];
  ml_ref_strides(in, in_strides);
  int64_t kshape[ML_REF_MAX_RANK], kstr[ML_REF_MAX_RANK];
  int64_t rshape[ML_REF_MAX_RANK], rstr[ML_REF_MAX_RANK];
  int nk = 0, nr = 0, od = 0;
  int64_t count = 1;
  for (int d = 0; d < in->rank; d++) {
    if (reduced[d]) {
      rshape[nr] = in->shape[d];
      rstr[nr++] = in_strides[d];
      count *= in->shape[d];
      if (keepdims && (od >= out->rank || out->shape[od++] != 1))
        return ML_REF_ERR_SHAPE;
    } else {
      kshape[nk] = in->shape[d];
      kstr[nk++] = in_strides[d];
      if (od >= out->rank || out->shape[od++] != in->shape[d])
        return ML_REF_ERR_SHAPE;
    }
  }
  if (od != out->rank)
    return ML_REF_ERR_SHAPE;
  int64_t n_out = ml_ref_numel(out);
  for (int64_t o = 0; o < n_out; o++) {
    int64_t base = ml_ref_offset(nk, kshape, kstr, o);
    double acc_f = init_f(kind);
    uint64_t acc_i = init_i(kind, in->dtype);
    for (int64_t r = 0; r < count; r++) {
      int64_t i = base + ml_ref_offset(nr, rshape, rstr, r);
      if (fp)
        acc_f = fold_f(kind, acc_f, ml_ref_load_f(in, i));
      else
        acc_i = fold_i(kind, acc_i, ml_ref_load_i(in, i));
    }
    if (!fp)
      ml_ref_store_i(out, o, acc_i);
    else
      ml_ref_store_f(out, o, kind == ML_REF_REDUCE_MEAN ? acc_f / (double)count : acc_f);
  }
  return ML_REF_OK;
}

/*===-- argmax / argmin --------------------------------------------------===*/

/* Does element x replace the current best b? Strictly better, or equal
 * with select_last; a NaN beats any number and, with select_last, an
 * earlier NaN. */
static bool arg_better_f(MlRefArgKind kind, bool last, double x, double b) {
  if (isnan(b))
    return last && isnan(x);
  if (isnan(x))
    return true;
  if (x == b)
    return last;
  return kind == ML_REF_ARGMAX ? x > b : x < b;
}

static bool arg_better_i(MlRefArgKind kind, bool last, int64_t x, int64_t b) {
  if (x == b)
    return last;
  return kind == ML_REF_ARGMAX ? x > b : x < b;
}

/* For each position off the axis, scans the axis for the best element. */
int ml_ref_arg_reduce(MlRefArgKind kind, const MlRefTensor *in, int64_t axis,
                      bool keepdims, bool select_last, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out) || (unsigned)kind > ML_REF_ARGMIN)
    return ML_REF_ERR_INVALID;
  if ((out->dtype != ML_REF_I32 && out->dtype != ML_REF_I64) ||
      in->dtype == ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  if (in->rank < 1)
    return ML_REF_ERR_SHAPE;
  int a = ml_ref_axis(axis, in->rank);
  if (a < 0)
    return ML_REF_ERR_ATTR;
  int64_t len = in->shape[a];
  if (len == 0 || (out->dtype == ML_REF_I32 && len - 1 > INT32_MAX))
    return ML_REF_ERR_SHAPE;
  if (out->rank != in->rank - (keepdims ? 0 : 1))
    return ML_REF_ERR_SHAPE;
  for (int d = 0, o = 0; d < in->rank; d++) {
    if (d == a && !keepdims)
      continue;
    if (out->shape[o++] != (d == a ? 1 : in->shape[d]))
      return ML_REF_ERR_SHAPE;
  }
  /* (outer, len, inner) view around the axis; out is (outer, inner). */
  int64_t outer = 1, inner = 1;
  for (int d = 0; d < a; d++)
    outer *= in->shape[d];
  for (int d = a + 1; d < in->rank; d++)
    inner *= in->shape[d];
  bool fp = ml_ref_dtype_is_float(in->dtype);
  for (int64_t p = 0; p < outer; p++)
    for (int64_t q = 0; q < inner; q++) {
      int64_t base = p * len * inner + q, best = 0;
      for (int64_t k = 1; k < len; k++) {
        int64_t i = base + k * inner, b = base + best * inner;
        bool better = fp ? arg_better_f(kind, select_last, ml_ref_load_f(in, i),
                                        ml_ref_load_f(in, b))
                         : arg_better_i(kind, select_last, ml_ref_load_i(in, i),
                                        ml_ref_load_i(in, b));
        if (better)
          best = k;
      }
      ml_ref_store_i(out, p * inner + q, (uint64_t)best);
    }
  return ML_REF_OK;
}

/*===-- softmax ---------------------------------------------------------===*/

/* Softmax of every 1-D fibre along the axis, in double. */
int ml_ref_softmax(const MlRefTensor *in, int64_t axis, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (!ml_ref_dtype_is_float(in->dtype) || out->dtype != in->dtype)
    return ML_REF_ERR_DTYPE;
  if (in->rank < 1 || !ml_ref_same_shape(in, out))
    return ML_REF_ERR_SHAPE;
  int a = ml_ref_axis(axis, in->rank);
  if (a < 0)
    return ML_REF_ERR_ATTR;
  /* (outer, len, inner) view around the axis. */
  int64_t outer = 1, inner = 1, len = in->shape[a];
  for (int d = 0; d < a; d++)
    outer *= in->shape[d];
  for (int d = a + 1; d < in->rank; d++)
    inner *= in->shape[d];
  for (int64_t p = 0; p < outer; p++)
    for (int64_t q = 0; q < inner; q++) {
      int64_t base = p * len * inner + q;
      double mx = -INFINITY, sum = 0;
      for (int64_t k = 0; k < len; k++)
        mx = ml_ref_fmax(mx, ml_ref_load_f(in, base + k * inner));
      for (int64_t k = 0; k < len; k++)
        sum += exp(ml_ref_load_f(in, base + k * inner) - mx);
      for (int64_t k = 0; k < len; k++)
        ml_ref_store_f(out, base + k * inner,
                       exp(ml_ref_load_f(in, base + k * inner) - mx) / sum);
    }
  return ML_REF_OK;
}

/*===-- pool2d ----------------------------------------------------------===*/

/* (N, C, H, W) sizes and strides of a rank-4 tensor in `layout`. */
static void nchw_view(const MlRefTensor *t, MlRefLayout layout, int64_t dims[4],
                      int64_t strides[4]) {
  const int64_t *s = t->shape;
  bool nchw = layout == ML_REF_NCHW;
  dims[0] = s[0];
  dims[1] = nchw ? s[1] : s[3];
  dims[2] = nchw ? s[2] : s[1];
  dims[3] = nchw ? s[3] : s[2];
  strides[0] = s[1] * s[2] * s[3];
  strides[1] = nchw ? s[2] * s[3] : 1;
  strides[2] = nchw ? s[3] : s[2] * s[3];
  strides[3] = nchw ? 1 : s[3];
}

/* Checks pool2d's attributes and shapes (as Pool2dOp::verify does). */
static int pool_check(MlRefPoolKind kind, const MlRefTensor *in, MlRefLayout layout,
                      const int64_t *k, const int64_t *st, const int64_t *pad,
                      const MlRefTensor *out) {
  if ((unsigned)kind > ML_REF_POOL_AVG ||
      (layout != ML_REF_NCHW && layout != ML_REF_NHWC) || !k || !st || !pad)
    return ML_REF_ERR_INVALID;
  if (out->dtype != in->dtype || in->dtype == ML_REF_I1 ||
      (kind == ML_REF_POOL_AVG && !ml_ref_dtype_is_float(in->dtype)))
    return ML_REF_ERR_DTYPE;
  const int64_t attr_max = INT64_C(1) << 20;
  for (int d = 0; d < 2; d++)
    if (k[d] < 1 || st[d] < 1 || k[d] > attr_max || st[d] > attr_max ||
        pad[d] < 0 || pad[d + 2] < 0 || pad[d] >= k[d] || pad[d + 2] >= k[d])
      return ML_REF_ERR_ATTR;
  if (in->rank != 4 || out->rank != 4)
    return ML_REF_ERR_SHAPE;
  int64_t x[4], y[4], xs[4], ys[4];
  nchw_view(in, layout, x, xs);
  nchw_view(out, layout, y, ys);
  if (x[2] > (INT64_C(1) << 40) || x[3] > (INT64_C(1) << 40))
    return ML_REF_ERR_SHAPE;
  for (int d = 0; d < 2; d++) {
    int64_t padded = x[2 + d] + pad[d] + pad[d + 2];
    int64_t o = padded < k[d] ? 0 : (padded - k[d]) / st[d] + 1;
    if (o < 1 || y[2 + d] != o)
      return ML_REF_ERR_SHAPE;
  }
  if (y[0] != x[0] || y[1] != x[1])
    return ML_REF_ERR_SHAPE;
  return ML_REF_OK;
}

/* Max or average of the in-bounds part of each window. */
int ml_ref_pool2d(MlRefPoolKind kind, const MlRefTensor *in, MlRefLayout layout,
                  const int64_t kernel[2], const int64_t strides[2],
                  const int64_t padding[4], MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  int st = pool_check(kind, in, layout, kernel, strides, padding, out);
  if (st)
    return st;
  int64_t x[4], y[4], xs[4], ys[4];
  nchw_view(in, layout, x, xs);
  nchw_view(out, layout, y, ys);
  bool fp = ml_ref_dtype_is_float(in->dtype);
  for (int64_t n = 0; n < y[0]; n++)
    for (int64_t c = 0; c < y[1]; c++)
      for (int64_t oh = 0; oh < y[2]; oh++)
        for (int64_t ow = 0; ow < y[3]; ow++) {
          double acc_f = kind == ML_REF_POOL_MAX ? -INFINITY : 0.0;
          int64_t acc_i = ml_ref_int_min(in->dtype), count = 0;
          for (int64_t kh = 0; kh < kernel[0]; kh++) {
            int64_t h = oh * strides[0] - padding[0] + kh;
            for (int64_t kw = 0; kw < kernel[1]; kw++) {
              int64_t w = ow * strides[1] - padding[1] + kw;
              if (h < 0 || h >= x[2] || w < 0 || w >= x[3])
                continue; /* padding: ignored, not counted */
              int64_t i = n * xs[0] + c * xs[1] + h * xs[2] + w * xs[3];
              count++;
              if (!fp) {
                int64_t v = ml_ref_load_i(in, i);
                acc_i = v > acc_i ? v : acc_i;
              } else if (kind == ML_REF_POOL_MAX) {
                acc_f = ml_ref_fmax(acc_f, ml_ref_load_f(in, i));
              } else {
                acc_f += ml_ref_load_f(in, i);
              }
            }
          }
          int64_t o = n * ys[0] + c * ys[1] + oh * ys[2] + ow * ys[3];
          if (!fp)
            ml_ref_store_i(out, o, (uint64_t)acc_i);
          else
            ml_ref_store_f(out, o, kind == ML_REF_POOL_AVG ? acc_f / (double)count : acc_f);
        }
  return ML_REF_OK;
}
