/* ref_contraction: mlt.matmul, mlt.batch_matmul and mlt.conv2d.
 *
 * Float products of f32/f16/bf16 inputs are exact in double and are summed
 * in double, so each output carries one final rounding plus a summation
 * error far below the result dtype's precision. Integer contractions
 * multiply and add in uint64_t (wrapping) and wrap to the result width, which
 * equals accumulating in that width: i8 operands are sign-extended and
 * accumulate into i32. */
#include "ref_internal.h"

/* Operand and result dtypes of a contraction: equal operands; i8 gives i32,
 * anything else gives itself. */
static int contraction_types(const MlRefTensor *a, const MlRefTensor *b,
                             const MlRefTensor *out) {
  if (a->dtype != b->dtype || a->dtype == ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  MlRefDtype want = a->dtype == ML_REF_I8 ? ML_REF_I32 : a->dtype;
  return out->dtype == want ? ML_REF_OK : ML_REF_ERR_DTYPE;
}

/* out[o] = sum over k of a[ia + k*sa] * b[ib + k*sb], K terms. */
static void dot(const MlRefTensor *a, int64_t ia, int64_t sa,
                const MlRefTensor *b, int64_t ib, int64_t sb, int64_t k_len,
                MlRefTensor *out, int64_t o) {
  if (ml_ref_dtype_is_float(a->dtype)) {
    double acc = 0;
    for (int64_t k = 0; k < k_len; k++)
      acc += ml_ref_load_f(a, ia + k * sa) * ml_ref_load_f(b, ib + k * sb);
    ml_ref_store_f(out, o, acc);
    return;
  }
  uint64_t acc = 0;
  for (int64_t k = 0; k < k_len; k++)
    acc += (uint64_t)ml_ref_load_i(a, ia + k * sa) * (uint64_t)ml_ref_load_i(b, ib + k * sb);
  ml_ref_store_i(out, o, acc);
}

/* (batch x M x K) . (batch x K x N) with already checked shapes. */
static void batched(const MlRefTensor *a, const MlRefTensor *b, int64_t batch,
                    int64_t m, int64_t k, int64_t n, MlRefTensor *out) {
  for (int64_t p = 0; p < batch; p++)
    for (int64_t i = 0; i < m; i++)
      for (int64_t j = 0; j < n; j++)
        dot(a, (p * m + i) * k, 1, b, p * k * n + j, n, k, out,
            (p * m + i) * n + j);
}

/* (M x K) . (K x N) -> (M x N). */
int ml_ref_matmul(const MlRefTensor *a, const MlRefTensor *b, MlRefTensor *out) {
  if (ml_ref_check(a) || ml_ref_check(b) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  int st = contraction_types(a, b, out);
  if (st)
    return st;
  if (a->rank != 2 || b->rank != 2 || out->rank != 2 ||
      a->shape[1] != b->shape[0] || out->shape[0] != a->shape[0] ||
      out->shape[1] != b->shape[1])
    return ML_REF_ERR_SHAPE;
  batched(a, b, 1, a->shape[0], a->shape[1], b->shape[1], out);
  return ML_REF_OK;
}

/* (B x M x K) . (B x K x N) -> (B x M x N). */
int ml_ref_batch_matmul(const MlRefTensor *a, const MlRefTensor *b,
                        MlRefTensor *out) {
  if (ml_ref_check(a) || ml_ref_check(b) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  int st = contraction_types(a, b, out);
  if (st)
    return st;
  if (a->rank != 3 || b->rank != 3 || out->rank != 3 ||
      a->shape[0] != b->shape[0] || a->shape[2] != b->shape[1] ||
      out->shape[0] != a->shape[0] || out->shape[1] != a->shape[1] ||
      out->shape[2] != b->shape[2])
    return ML_REF_ERR_SHAPE;
  batched(a, b, a->shape[0], a->shape[1], a->shape[2], b->shape[2], out);
  return ML_REF_OK;
}

/*===-- conv2d ----------------------------------------------------------===*/

/* An image tensor seen as (N, C, H, W) whatever its layout: sizes and
 * element strides. */
typedef struct {
  int64_t n, c, h, w;
  int64_t sn, sc, sh, sw;
} Image;

/* Reads the NCHW or NHWC dims of a rank-4 tensor. */
static Image image_of(const MlRefTensor *t, MlRefLayout layout) {
  const int64_t *s = t->shape;
  Image im;
  if (layout == ML_REF_NCHW) {
    im = (Image){s[0], s[1], s[2], s[3], s[1] * s[2] * s[3], s[2] * s[3], s[3], 1};
  } else {
    im = (Image){s[0], s[3], s[1], s[2], s[1] * s[2] * s[3], 1, s[2] * s[3], s[3]};
  }
  return im;
}

/* A filter seen as (O, I, KH, KW): OIHW for NCHW, HWIO for NHWC. */
typedef struct {
  int64_t o, i, kh, kw;
  int64_t so, si, skh, skw;
} Filter;

/* Reads the OIHW (NCHW) or HWIO (NHWC) dims of a rank-4 filter. */
static Filter filter_of(const MlRefTensor *t, MlRefLayout layout) {
  const int64_t *s = t->shape;
  Filter f;
  if (layout == ML_REF_NCHW)
    f = (Filter){s[0], s[1], s[2], s[3], s[1] * s[2] * s[3], s[2] * s[3], s[3], 1};
  else
    f = (Filter){s[3], s[2], s[0], s[1], 1, s[3], s[1] * s[2] * s[3], s[2] * s[3]};
  return f;
}

/* Output size of a window of `k` taps dilated by `d` sliding with stride
 * `s` over `in` padded by lo and hi; 0 when it does not fit. */
static int64_t window_out(int64_t in, int64_t lo, int64_t hi, int64_t k,
                          int64_t s, int64_t d) {
  int64_t span = d * (k - 1) + 1, padded = in + lo + hi;
  return padded < span ? 0 : (padded - span) / s + 1;
}

/* Checks conv2d's attributes and shapes (as Conv2dOp::verify does). */
static int conv_check(const MlRefTensor *input, const MlRefTensor *filter,
                      MlRefLayout layout, const int64_t *st, const int64_t *pad,
                      const int64_t *dil, int64_t groups, const MlRefTensor *out) {
  if ((layout != ML_REF_NCHW && layout != ML_REF_NHWC) || !st || !pad || !dil)
    return ML_REF_ERR_INVALID;
  if (st[0] < 1 || st[1] < 1 || dil[0] < 1 || dil[1] < 1 || groups < 1 ||
      pad[0] < 0 || pad[1] < 0 || pad[2] < 0 || pad[3] < 0)
    return ML_REF_ERR_ATTR;
  int tst = contraction_types(input, filter, out);
  if (tst)
    return tst;
  if (input->rank != 4 || filter->rank != 4 || out->rank != 4)
    return ML_REF_ERR_SHAPE;
  Image x = image_of(input, layout), y = image_of(out, layout);
  Filter f = filter_of(filter, layout);
  /* Bound attributes (2^20) and spatial dims (2^40) so no index
   * arithmetic below can overflow. */
  const int64_t attr_max = INT64_C(1) << 20, dim_max = INT64_C(1) << 40;
  if (st[0] > attr_max || st[1] > attr_max || dil[0] > attr_max ||
      dil[1] > attr_max || pad[0] > attr_max || pad[1] > attr_max ||
      pad[2] > attr_max || pad[3] > attr_max)
    return ML_REF_ERR_ATTR;
  if (x.h > dim_max || x.w > dim_max || f.kh > dim_max || f.kw > dim_max)
    return ML_REF_ERR_SHAPE;
  int64_t oh = window_out(x.h, pad[0], pad[2], f.kh, st[0], dil[0]);
  int64_t ow = window_out(x.w, pad[1], pad[3], f.kw, st[1], dil[1]);
  if (x.c % groups != 0 || x.c / groups != f.i || f.o % groups != 0 || oh < 1 || ow < 1 ||
      y.n != x.n || y.c != f.o || y.h != oh || y.w != ow)
    return ML_REF_ERR_SHAPE;
  return ML_REF_OK;
}

/* Direct convolution: one dot product over (ic, kh, kw) per output element,
 * skipping taps that fall in the zero padding. */
int ml_ref_conv2d(const MlRefTensor *input, const MlRefTensor *filter,
                  MlRefLayout layout, const int64_t strides[2],
                  const int64_t padding[4], const int64_t dilations[2],
                  int64_t groups, MlRefTensor *out) {
  if (ml_ref_check(input) || ml_ref_check(filter) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  int st = conv_check(input, filter, layout, strides, padding, dilations, groups, out);
  if (st)
    return st;
  Image x = image_of(input, layout), y = image_of(out, layout);
  Filter f = filter_of(filter, layout);
  bool fp = ml_ref_dtype_is_float(input->dtype);
  int64_t o_per_group = f.o / groups;
  for (int64_t n = 0; n < y.n; n++)
    for (int64_t oc = 0; oc < y.c; oc++)
      for (int64_t oh = 0; oh < y.h; oh++)
        for (int64_t ow = 0; ow < y.w; ow++) {
          int64_t c0 = (oc / o_per_group) * f.i; /* first input channel */
          double acc_f = 0;
          uint64_t acc_i = 0;
          for (int64_t ic = 0; ic < f.i; ic++)
            for (int64_t kh = 0; kh < f.kh; kh++) {
              int64_t h = oh * strides[0] - padding[0] + kh * dilations[0];
              if (h < 0 || h >= x.h)
                continue;
              for (int64_t kw = 0; kw < f.kw; kw++) {
                int64_t w = ow * strides[1] - padding[1] + kw * dilations[1];
                if (w < 0 || w >= x.w)
                  continue;
                int64_t xi = n * x.sn + (c0 + ic) * x.sc + h * x.sh + w * x.sw;
                int64_t fi = oc * f.so + ic * f.si + kh * f.skh + kw * f.skw;
                if (fp)
                  acc_f += ml_ref_load_f(input, xi) * ml_ref_load_f(filter, fi);
                else
                  acc_i += (uint64_t)ml_ref_load_i(input, xi) *
                           (uint64_t)ml_ref_load_i(filter, fi);
              }
            }
          int64_t yi = n * y.sn + oc * y.sc + oh * y.sh + ow * y.sw;
          if (fp)
            ml_ref_store_f(out, yi, acc_f);
          else
            ml_ref_store_i(out, yi, acc_i);
        }
  return ML_REF_OK;
}
