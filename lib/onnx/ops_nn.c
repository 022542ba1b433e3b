/* ops_nn: ONNX's neural-network ops — MatMul, Gemm, Conv, pooling,
 * Softmax, LogSoftmax — as mlt contractions, pools and reductions
 * (normalizations are in ops_norm.c). */
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <stdlib.h>
#include <string.h>

/* MatMul with numpy semantics: 1-D operands gain and lose a dim, batch
 * dims broadcast and go through mlt.batch_matmul. */
static MlirLogicalResult import_matmul(MlImporter *im,
                                       const Onnx__NodeProto *n) {
  (void)n;
  MlirValue a, b;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &a));
  ML_ONNX_TRY(ml_onnx_require(im, 1, &b));
  ML_ONNX_TRY(ml_onnx_need_float(im, a));
  if (!mlirTypeEqual(ml_element_type(a), ml_element_type(b)))
    return ml_onnx_error(im, "operand element types differ");
  int64_t da[ML_ONNX_MAX_RANK + 1], db[ML_ONNX_MAX_RANK + 1];
  intptr_t ra = ml_shape_of(a, da), rb = ml_shape_of(b, db);
  if (ra == 0 || rb == 0)
    return ml_onnx_error(im, "operands must have rank 1 or more");
  bool vec_a = ra == 1, vec_b = rb == 1;
  if (vec_a) { /* [K] -> [1, K] */
    da[1] = da[0], da[0] = 1, ra = 2;
    a = ml_onnx_reshape(im, a, 2, da);
  }
  if (vec_b) { /* [K] -> [K, 1] */
    db[1] = 1, rb = 2;
    b = ml_onnx_reshape(im, b, 2, db);
  }
  int64_t m = da[ra - 2], k = da[ra - 1], nn = db[rb - 1];
  if (db[rb - 2] != k)
    return ml_onnx_error(im, "inner dims differ: %lld and %lld",
                         (long long)k, (long long)db[rb - 2]);
  /* Batch dims, broadcast. */
  intptr_t rbatch = (ra > rb ? ra : rb) - 2;
  int64_t batch[ML_ONNX_MAX_RANK];
  for (intptr_t i = 0; i < rbatch; i++) {
    intptr_t ia = i - (rbatch - (ra - 2)), ib = i - (rbatch - (rb - 2));
    int64_t x = ia >= 0 ? da[ia] : 1, y = ib >= 0 ? db[ib] : 1;
    if (x != y && x != 1 && y != 1)
      return ml_onnx_error(im, "batch dims do not broadcast: %lld and %lld",
                           (long long)x, (long long)y);
    batch[i] = x == 1 ? y : x;
  }
  int64_t nb = ml_onnx_product(batch, rbatch);
  MlirType elt = ml_element_type(a);
  MlirValue c;
  if (rb == 2) { /* [batch..., M, K] · [K, N] is one matmul of nb*M rows */
    int64_t s[2] = {nb * m, k}, t[2] = {nb * m, nn};
    a = ml_onnx_reshape(im, a, 2, s);
    c = ml_build_mlt_matmul(&im->b, "mlt.matmul", a, b,
                            ml_tensor_type(elt, 2, t));
  } else {
    int64_t full[ML_ONNX_MAX_RANK + 1];
    memcpy(full, batch, (size_t)rbatch * sizeof *full);
    full[rbatch] = m, full[rbatch + 1] = k;
    a = ml_onnx_broadcast_to(im, a, rbatch + 2, full);
    full[rbatch] = k, full[rbatch + 1] = nn;
    b = ml_onnx_broadcast_to(im, b, rbatch + 2, full);
    int64_t s3[3] = {nb, m, k}, t3[3] = {nb, k, nn}, r3[3] = {nb, m, nn};
    a = ml_onnx_reshape(im, a, 3, s3);
    b = ml_onnx_reshape(im, b, 3, t3);
    c = ml_build_mlt_matmul(&im->b, "mlt.batch_matmul", a, b,
                            ml_tensor_type(elt, 3, r3));
  }
  /* Back to [batch..., M, N], dropping the dims 1-D operands gained. */
  int64_t out[ML_ONNX_MAX_RANK + 1];
  intptr_t ro = 0;
  for (intptr_t i = 0; i < rbatch; i++)
    out[ro++] = batch[i];
  if (!vec_a)
    out[ro++] = m;
  if (!vec_b)
    out[ro++] = nn;
  ml_onnx_define(im, 0, ml_onnx_reshape(im, c, ro, out));
  return mlirLogicalResultSuccess();
}

/* x · scale (skipped for 1). */
static MlirLogicalResult scale_by(MlImporter *im, MlirValue *x, double s) {
  if (s == 1.0)
    return mlirLogicalResultSuccess();
  return ml_onnx_binary(im, "mlt.mul", *x, ml_onnx_scalar(im, ml_element_type(*x), s),
                        x);
}

/* Gemm: alpha · op(A) · op(B) + beta · C. */
/* Operand k of a Gemm, transposed when `trans`: a constant weight matrix
 * (a Linear layer's, exported with transB = 1) is transposed here, once,
 * instead of by an mlt.transpose at every call. */
static MlirLogicalResult gemm_operand(MlImporter *im, intptr_t k, bool trans,
                                      MlirValue *out) {
  const MlOnnxTensor *w = ml_onnx_known(im, k);
  if (trans && w && w->rank == 2) {
    MlOnnxTensor *t = ml_onnx_tensor_transpose(w);
    *out = ml_build_mlt_constant(&im->b, ml_onnx_tensor_attr(im, t));
    ml_onnx_tensor_free(t);
    return mlirLogicalResultSuccess();
  }
  ML_ONNX_TRY(ml_onnx_require(im, k, out));
  if (!trans || ml_rank(*out) != 2)
    return mlirLogicalResultSuccess();
  int64_t d[2], perm[2] = {1, 0};
  ml_shape_of(*out, d);
  int64_t t[2] = {d[1], d[0]};
  *out = ml_build_mlt_transpose(&im->b, *out, perm,
                                ml_tensor_type(ml_element_type(*out), 2, t));
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_gemm(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue a, b;
  ML_ONNX_TRY(gemm_operand(im, 0, ml_onnx_attr_int(n, "transA", 0) != 0, &a));
  ML_ONNX_TRY(gemm_operand(im, 1, ml_onnx_attr_int(n, "transB", 0) != 0, &b));
  ML_ONNX_TRY(ml_onnx_need_float(im, a));
  if (ml_rank(a) != 2 || ml_rank(b) != 2)
    return ml_onnx_error(im, "A and B must be matrices");
  int64_t da[2], db[2];
  ml_shape_of(a, da);
  ml_shape_of(b, db);
  if (da[1] != db[0])
    return ml_onnx_error(im, "inner dims differ: %lld and %lld",
                         (long long)da[1], (long long)db[0]);
  int64_t mn[2] = {da[0], db[1]};
  MlirValue y = ml_build_mlt_matmul(&im->b, "mlt.matmul", a, b,
                                    ml_tensor_type(ml_element_type(a), 2, mn));
  ML_ONNX_TRY(scale_by(im, &y, ml_onnx_attr_float(n, "alpha", 1.0f)));
  if (ml_onnx_has_input(im, 2)) {
    MlirValue c = ml_onnx_input(im, 2);
    ML_ONNX_TRY(scale_by(im, &c, ml_onnx_attr_float(n, "beta", 1.0f)));
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", y, c, &y));
  }
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

/* The padding of one spatial dim from auto_pad or pads: lo, hi. */
typedef struct Window {
  int64_t in, k, stride, dilation, lo, hi;
} Window;

/* Reads kernel_shape/strides/dilations/pads/auto_pad for `ns` spatial dims
 * of sizes `in` (kernel sizes `k` when the op has no kernel_shape). */
static MlirLogicalResult read_windows(MlImporter *im, const Onnx__NodeProto *n,
                                      intptr_t ns, const int64_t *in,
                                      const int64_t *k, Window *w) {
  intptr_t nk, nst, nd, np;
  const int64_t *ks = ml_onnx_attr_ints(n, "kernel_shape", &nk);
  const int64_t *st = ml_onnx_attr_ints(n, "strides", &nst);
  const int64_t *dl = ml_onnx_attr_ints(n, "dilations", &nd);
  const int64_t *pd = ml_onnx_attr_ints(n, "pads", &np);
  if ((ks && nk != ns) || (st && nst != ns) || (dl && nd != ns) ||
      (pd && np != 2 * ns))
    return ml_onnx_error(im, "kernel_shape, strides, dilations or pads do not "
                             "match the %ld spatial dims", (long)ns);
  char buf[32];
  const char *ap = ml_onnx_attr_string(n, "auto_pad", "NOTSET", buf, sizeof buf);
  bool same_upper = !strcmp(ap, "SAME_UPPER"), same_lower = !strcmp(ap, "SAME_LOWER");
  if (strcmp(ap, "NOTSET") && strcmp(ap, "VALID") && !same_upper && !same_lower)
    return ml_onnx_error(im, "unsupported auto_pad '%s'", ap);
  for (intptr_t i = 0; i < ns; i++) {
    w[i].in = in[i];
    w[i].k = ks ? ks[i] : k[i];
    w[i].stride = st ? st[i] : 1;
    w[i].dilation = dl ? dl[i] : 1;
    if (w[i].k <= 0 || w[i].stride <= 0 || w[i].dilation <= 0)
      return ml_onnx_error(im, "kernel, strides and dilations must be "
                               "positive");
    if (ks && k && ks[i] != k[i])
      return ml_onnx_error(im, "kernel_shape %lld differs from the weights' "
                               "%lld", (long long)ks[i], (long long)k[i]);
    w[i].lo = pd && !strcmp(ap, "NOTSET") ? pd[i] : 0;
    w[i].hi = pd && !strcmp(ap, "NOTSET") ? pd[i + ns] : 0;
    if (same_upper || same_lower) {
      int64_t out = (in[i] + w[i].stride - 1) / w[i].stride;
      int64_t span = (w[i].k - 1) * w[i].dilation + 1;
      int64_t total = (out - 1) * w[i].stride + span - in[i];
      if (total < 0)
        total = 0;
      w[i].lo = same_upper ? total / 2 : total - total / 2;
      w[i].hi = total - w[i].lo;
    }
    if (w[i].lo < 0 || w[i].hi < 0)
      return ml_onnx_error(im, "pads must not be negative");
  }
  return mlirLogicalResultSuccess();
}

static int64_t window_out(const Window *w) {
  int64_t span = (w->k - 1) * w->dilation + 1;
  int64_t n = w->in + w->lo + w->hi - span;
  return n < 0 ? 0 : n / w->stride + 1;
}

/* A 1-D op's operand [N, C, L] viewed as [N, C, 1, L]. */
static MlirValue as_2d(MlImporter *im, MlirValue x) {
  int64_t d[4];
  ml_shape_of(x, d);
  int64_t e[4] = {d[0], d[1], 1, d[2]};
  return ml_onnx_reshape(im, x, 4, e);
}

/* Fails unless x has rank 3 or 4 (1-D or 2-D spatial). */
static MlirLogicalResult spatial_rank(MlImporter *im, MlirValue x) {
  intptr_t r = ml_rank(x);
  if (r == 3 || r == 4)
    return mlirLogicalResultSuccess();
  return ml_onnx_error(im, "unsupported %ld-D %s (1-D and 2-D only)",
                       (long)(r - 2), im->node->op_type);
}

static MlirLogicalResult import_conv(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue x, w;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_require(im, 1, &w));
  ML_ONNX_TRY(ml_onnx_need_float(im, x));
  ML_ONNX_TRY(spatial_rank(im, x));
  if (ml_rank(w) != ml_rank(x))
    return ml_onnx_error(im, "weights must have the input's rank");
  bool one_d = ml_rank(x) == 3;
  int64_t dx[4], dw[4];
  intptr_t ns = ml_shape_of(x, dx) - 2;
  ml_shape_of(w, dw);
  Window win[2];
  ML_ONNX_TRY(read_windows(im, n, ns, dx + 2, dw + 2, win));
  if (one_d) { /* [N, C, L] as [N, C, 1, L] */
    x = as_2d(im, x);
    w = as_2d(im, w);
    win[1] = win[0];
    win[0] = (Window){1, 1, 1, 1, 0, 0};
  }
  int64_t groups = ml_onnx_attr_int(n, "group", 1);
  int64_t strides[2] = {win[0].stride, win[1].stride};
  int64_t dil[2] = {win[0].dilation, win[1].dilation};
  int64_t pad[4] = {win[0].lo, win[1].lo, win[0].hi, win[1].hi};
  int64_t out[4] = {dx[0], dw[0], window_out(&win[0]), window_out(&win[1])};
  MlirValue y = ml_build_mlt_conv2d(&im->b, x, w, strides, pad, dil, groups,
                                    ml_tensor_type(ml_element_type(x), 4, out));
  if (ml_onnx_has_input(im, 2)) { /* bias [O] as [O, 1, 1] */
    int64_t bd[3] = {dw[0], 1, 1};
    MlirValue bias = ml_onnx_reshape(im, ml_onnx_input(im, 2), 3, bd);
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", y, bias, &y));
  }
  if (one_d) {
    int64_t o3[3] = {out[0], out[1], out[3]};
    y = ml_onnx_reshape(im, y, 3, o3);
  }
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

/* Inputs (not padding) in the window of output position i of `w`. */
static int64_t inside(const Window *w, int64_t i) {
  int64_t lo = i * w->stride - w->lo, hi = lo + w->k;
  lo = lo < 0 ? 0 : lo;
  hi = hi > w->in ? w->in : hi;
  return hi > lo ? hi - lo : 0;
}

/* A constant [OH, OW]: the fraction of each pooling window that is input,
 * which turns mlt.pool2d's average over inputs into AveragePool's
 * count_include_pad average over the whole window. */
static MlirValue window_fraction(MlImporter *im, const Window *win,
                                 const int64_t *out, MlirType elt) {
  int64_t n = out[2] * out[3];
  MlirAttribute *v = calloc((size_t)n, sizeof *v);
  if (!v)
    abort();
  for (int64_t i = 0; i < out[2]; i++)
    for (int64_t j = 0; j < out[3]; j++)
      v[i * out[3] + j] = mlirFloatAttrDoubleGet(
          im->ctx, elt,
          (double)(inside(&win[0], i) * inside(&win[1], j)) /
              (double)(win[0].k * win[1].k));
  MlirValue c = ml_build_mlt_constant(
      &im->b, mlirDenseElementsAttrGet(ml_tensor_type(elt, 2, out + 2), n, v));
  free(v);
  return c;
}

/* MaxPool and AveragePool (1-D and 2-D). */
static MlirLogicalResult import_pool(MlImporter *im, const Onnx__NodeProto *n) {
  bool avg = strcmp(n->op_type, "AveragePool") == 0;
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(spatial_rank(im, x));
  if (avg)
    ML_ONNX_TRY(ml_onnx_need_float(im, x));
  if (ml_onnx_num_outputs(im) > 1)
    return ml_onnx_error(im, "unsupported output 'Indices'");
  if (!ml_onnx_attr(n, "kernel_shape"))
    return ml_onnx_error(im, "needs attribute kernel_shape");
  int64_t dx[4];
  intptr_t ns = ml_shape_of(x, dx) - 2;
  Window win[2];
  ML_ONNX_TRY(read_windows(im, n, ns, dx + 2, NULL, win));
  for (intptr_t i = 0; i < ns; i++)
    if (win[i].dilation != 1)
      return ml_onnx_error(im, "unsupported dilations (pooling with "
                               "dilation 1 only)");
  /* ceil_mode: extra high padding for the last partial window, unless it
   * would start in the padding (as PyTorch and onnxruntime count). */
  if (ml_onnx_attr_int(n, "ceil_mode", 0))
    for (intptr_t i = 0; i < ns; i++) {
      Window *w = &win[i];
      int64_t span = w->in + w->lo + w->hi - w->k;
      int64_t out = (span + w->stride - 1) / w->stride + 1;
      if ((out - 1) * w->stride >= w->in + w->lo)
        out--;
      int64_t need = (out - 1) * w->stride + w->k - (w->in + w->lo + w->hi);
      if (need > 0)
        w->hi += need;
    }
  bool padded = false;
  for (intptr_t i = 0; i < ns; i++)
    padded |= win[i].lo || win[i].hi;
  bool include_pad = avg && ml_onnx_attr_int(n, "count_include_pad", 0) && padded;
  if (include_pad && ml_onnx_attr_int(n, "ceil_mode", 0))
    return ml_onnx_error(im, "unsupported count_include_pad = 1 with "
                             "ceil_mode = 1");
  bool one_d = ns == 1;
  if (one_d) {
    x = as_2d(im, x);
    win[1] = win[0];
    win[0] = (Window){1, 1, 1, 1, 0, 0};
  }
  int64_t kernel[2] = {win[0].k, win[1].k};
  int64_t strides[2] = {win[0].stride, win[1].stride};
  int64_t pad[4] = {win[0].lo, win[1].lo, win[0].hi, win[1].hi};
  int64_t out[4] = {dx[0], dx[1], window_out(&win[0]), window_out(&win[1])};
  MlirValue y =
      ml_build_mlt_pool2d(&im->b, avg ? ML_POOL_AVG : ML_POOL_MAX, x, kernel,
                          strides, pad, ml_tensor_type(ml_element_type(x), 4, out));
  if (include_pad) /* mean over the window's inputs -> sum / window size */
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", y, window_fraction(im, win, out,
                                                         ml_element_type(x)),
                       &y));
  if (one_d) {
    int64_t o3[3] = {out[0], out[1], out[3]};
    y = ml_onnx_reshape(im, y, 3, o3);
  }
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

/* GlobalAveragePool / GlobalMaxPool: a reduction over the spatial dims. */
static MlirLogicalResult import_global_pool(MlImporter *im,
                                            const Onnx__NodeProto *n) {
  bool avg = strcmp(n->op_type, "GlobalAveragePool") == 0;
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  if (avg)
    ML_ONNX_TRY(ml_onnx_need_float(im, x));
  int64_t d[ML_ONNX_MAX_RANK], axes[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  if (r < 3)
    return ml_onnx_error(im, "needs rank 3 or more (N, C, spatial...)");
  for (intptr_t i = 2; i < r; i++)
    axes[i - 2] = i, d[i] = 1;
  ml_onnx_define(im, 0,
                 ml_build_mlt_reduce(&im->b, avg ? ML_REDUCE_MEAN : ML_REDUCE_MAX,
                                     x, r - 2, axes, true,
                                     ml_tensor_type(ml_element_type(x), r, d)));
  return mlirLogicalResultSuccess();
}

/* Softmax's axis: before opset 13 the input is viewed as 2-D at `axis`
 * (default 1); from 13 on it is one axis (default -1). Sets *x to the
 * view and *axis to the axis within it. */
static MlirLogicalResult softmax_view(MlImporter *im, const Onnx__NodeProto *n,
                                      MlirValue *x, int64_t *axis) {
  int64_t d[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(*x, d);
  bool legacy = im->opset < 13;
  ML_ONNX_TRY(ml_onnx_axis(im, "axis", ml_onnx_attr_int(n, "axis", legacy ? 1 : -1),
                   r, axis));
  if (!legacy || *axis == r - 1)
    return mlirLogicalResultSuccess();
  int64_t v[2] = {ml_onnx_product(d, *axis), ml_onnx_product(d + *axis, r - *axis)};
  *x = ml_onnx_reshape(im, *x, 2, v);
  *axis = 1;
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_softmax(MlImporter *im,
                                        const Onnx__NodeProto *n) {
  MlirValue x, y;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_need_float(im, x));
  MlirValue in = x;
  int64_t axis, d[ML_ONNX_MAX_RANK];
  ML_ONNX_TRY(softmax_view(im, n, &x, &axis));
  if (strcmp(n->op_type, "Softmax") == 0) {
    y = ml_build_mlt_softmax(&im->b, x, axis);
  } else { /* LogSoftmax: (x - max) - log(sum(exp(x - max))) */
    intptr_t r = ml_shape_of(x, d);
    d[axis] = 1;
    MlirType kept = ml_tensor_type(ml_element_type(x), r, d);
    MlirValue m = ml_build_mlt_reduce(&im->b, ML_REDUCE_MAX, x, 1, &axis,
                                      true, kept);
    MlirValue s, l;
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.sub", x, m, &s));
    MlirValue e = ml_build_mlt_unary(&im->b, "mlt.exp", s);
    l = ml_build_mlt_reduce(&im->b, ML_REDUCE_SUM, e, 1, &axis, true, kept);
    l = ml_build_mlt_unary(&im->b, "mlt.log", l);
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.sub", s, l, &y));
  }
  intptr_t r = ml_shape_of(in, d);
  ml_onnx_define(im, 0, ml_onnx_reshape(im, y, r, d));
  return mlirLogicalResultSuccess();
}

static const char *const no_attrs[] = {NULL};
/* Gemm's opset < 7 `broadcast` of C is numpy's: nothing to do. */
static const char *const gemm_attrs[] = {"alpha", "beta", "transA", "transB",
                                         "broadcast", NULL};
static const char *const conv_attrs[] = {"auto_pad", "dilations", "group",
                                         "kernel_shape", "pads", "strides",
                                         NULL};
static const char *const pool_attrs[] = {"auto_pad", "ceil_mode", "dilations",
                                         "kernel_shape", "pads",
                                         "storage_order", "strides",
                                         "count_include_pad", NULL};
static const char *const axis_attrs[] = {"axis", NULL};

const MlOnnxOp ml_onnx_nn_ops[] = {
    {"MatMul", import_matmul, no_attrs},
    {"Gemm", import_gemm, gemm_attrs},
    {"Conv", import_conv, conv_attrs},
    {"MaxPool", import_pool, pool_attrs},
    {"AveragePool", import_pool, pool_attrs},
    {"GlobalAveragePool", import_global_pool, no_attrs},
    {"GlobalMaxPool", import_global_pool, no_attrs},
    {"Softmax", import_softmax, axis_attrs},
    {"LogSoftmax", import_softmax, axis_attrs},
    {NULL, NULL, NULL},
};
