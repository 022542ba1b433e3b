/* ops_conv_transpose: ONNX ConvTranspose as an mlt.conv2d over the input
 * with strides-1 zeros between its elements (built by reshape + concat),
 * padded by dilation·(k-1) minus the pads, with the weights regrouped to
 * [C_out, C_in/g, kh, kw] and flipped in space (a transpose and a slice
 * with stride -1: constant weights fold at import time). Correct for every
 * stride and group count; it multiplies the inserted zeros too, so a
 * strided ConvTranspose costs stride² times a direct one. */
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <string.h>

/* One spatial dim: input size, kernel, stride, dilation, output padding,
 * the pads at both ends and the output size. */
typedef struct Dim {
  int64_t in, k, s, d, out_pad, lo, hi, out;
} Dim;

/* Reads the attributes of `ns` spatial dims into `dim`. */
static MlirLogicalResult read_dims(MlImporter *im, const Onnx__NodeProto *n,
                                   intptr_t ns, const int64_t *in,
                                   const int64_t *k, Dim *dim) {
  intptr_t nk, nst, nd, np, nop, nos;
  const int64_t *ks = ml_onnx_attr_ints(n, "kernel_shape", &nk);
  const int64_t *st = ml_onnx_attr_ints(n, "strides", &nst);
  const int64_t *dl = ml_onnx_attr_ints(n, "dilations", &nd);
  const int64_t *pd = ml_onnx_attr_ints(n, "pads", &np);
  const int64_t *op = ml_onnx_attr_ints(n, "output_padding", &nop);
  const int64_t *os = ml_onnx_attr_ints(n, "output_shape", &nos);
  if ((ks && nk != ns) || (st && nst != ns) || (dl && nd != ns) ||
      (pd && np != 2 * ns) || (op && nop != ns) || (os && nos != ns))
    return ml_onnx_error(im, "kernel_shape, strides, dilations, pads, "
                             "output_padding or output_shape do not match "
                             "the %ld spatial dims", (long)ns);
  char buf[32];
  const char *ap = ml_onnx_attr_string(n, "auto_pad", "NOTSET", buf, sizeof buf);
  bool upper = !strcmp(ap, "SAME_UPPER"), lower = !strcmp(ap, "SAME_LOWER");
  if (strcmp(ap, "NOTSET") && strcmp(ap, "VALID") && !upper && !lower)
    return ml_onnx_error(im, "unsupported auto_pad '%s'", ap);
  for (intptr_t i = 0; i < ns; i++) {
    Dim *m = &dim[i];
    m->in = in[i];
    m->k = k[i];
    m->s = st ? st[i] : 1;
    m->d = dl ? dl[i] : 1;
    m->out_pad = op ? op[i] : 0;
    if (ks && ks[i] != k[i])
      return ml_onnx_error(im, "kernel_shape %lld differs from the weights' "
                               "%lld", (long long)ks[i], (long long)k[i]);
    if (m->s <= 0 || m->d <= 0 || m->out_pad < 0 || m->out_pad >= m->s + m->d)
      return ml_onnx_error(im, "strides and dilations must be positive and "
                               "output_padding below them");
    int64_t full = m->s * (m->in - 1) + m->out_pad + (m->k - 1) * m->d + 1;
    if (os || upper || lower) { /* pads from the output size */
      m->out = os ? os[i] : m->in * m->s;
      /* Negative total padding extends the output with zeros, as ONNX's
       * reference does (halves rounded down, as in Python). */
      int64_t total = full - m->out;
      int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);
      m->lo = upper ? half : total - half;
      m->hi = total - m->lo;
    } else {
      m->lo = pd && !strcmp(ap, "NOTSET") ? pd[i] : 0;
      m->hi = pd && !strcmp(ap, "NOTSET") ? pd[i + ns] : 0;
      m->out = full - m->lo - m->hi;
    }
    if (((m->lo < 0 || m->hi < 0) && !os) || m->out <= 0)
      return ml_onnx_error(im, "pads must not be negative or leave no output");
  }
  return mlirLogicalResultSuccess();
}

/* A splat zero tensor of x's element type with x's dims but `axis` = size. */
static MlirValue zeros_like(MlImporter *im, MlirValue x, int64_t axis,
                            int64_t size) {
  int64_t d[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  d[axis] = size;
  MlirType elt = ml_element_type(x);
  return ml_build_mlt_constant(
      &im->b, mlirDenseElementsAttrSplatGet(
                  ml_tensor_type(elt, r, d),
                  mlirFloatAttrDoubleGet(im->ctx, elt, 0.0)));
}

/* x [N, C, H, W] with s-1 zeros after every element of dims 2 and 3:
 * [N, C, H*sh, W*sw] (the trailing zeros are cropped by the caller). */
static MlirValue stuff_zeros(MlImporter *im, MlirValue x, int64_t sh,
                             int64_t sw) {
  int64_t d[4];
  ml_shape_of(x, d);
  if (sh == 1 && sw == 1)
    return x;
  int64_t e[6] = {d[0], d[1], d[2], 1, d[3], 1};
  x = ml_onnx_reshape(im, x, 6, e);
  MlirType elt = ml_element_type(x);
  if (sh > 1) {
    MlirValue parts[2] = {x, zeros_like(im, x, 3, sh - 1)};
    e[3] = sh;
    x = ml_build_mlt_concat(&im->b, 2, parts, 3, ml_tensor_type(elt, 6, e));
  }
  if (sw > 1) {
    MlirValue parts[2] = {x, zeros_like(im, x, 5, sw - 1)};
    e[5] = sw;
    x = ml_build_mlt_concat(&im->b, 2, parts, 5, ml_tensor_type(elt, 6, e));
  }
  int64_t o[4] = {d[0], d[1], d[2] * sh, d[3] * sw};
  return ml_onnx_reshape(im, x, 4, o);
}

/* w [C_in, C_out/g, kh, kw] as conv weights [C_out, C_in/g, kh, kw],
 * flipped in both spatial dims. */
static MlirValue conv_weights(MlImporter *im, MlirValue w, int64_t groups) {
  int64_t d[4];
  ml_shape_of(w, d);
  MlirType elt = ml_element_type(w);
  int64_t cin_g = d[0] / groups, cout_g = d[1];
  int64_t g5[5] = {groups, cin_g, cout_g, d[2], d[3]};
  int64_t t5[5] = {groups, cout_g, cin_g, d[2], d[3]};
  int64_t perm[5] = {0, 2, 1, 3, 4};
  w = ml_onnx_reshape(im, w, 5, g5);
  w = ml_build_mlt_transpose(&im->b, w, perm, ml_tensor_type(elt, 5, t5));
  int64_t o[4] = {groups * cout_g, cin_g, d[2], d[3]};
  w = ml_onnx_reshape(im, w, 4, o);
  int64_t off[4] = {0, 0, d[2] - 1, d[3] - 1}, st[4] = {1, 1, -1, -1};
  return ml_build_mlt_slice(&im->b, w, off, st, ml_tensor_type(elt, 4, o));
}

static MlirLogicalResult import_conv_transpose(MlImporter *im,
                                               const Onnx__NodeProto *n) {
  MlirValue x, w;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_require(im, 1, &w));
  if (!mlirTypeIsAFloat(ml_element_type(x)))
    return ml_onnx_error(im, "unsupported element type: ConvTranspose needs "
                             "floats");
  intptr_t r = ml_rank(x);
  if ((r != 3 && r != 4) || ml_rank(w) != r)
    return ml_onnx_error(im, "unsupported %ld-D ConvTranspose (1-D and 2-D "
                             "only)", (long)(r - 2));
  int64_t dx[4], dw[4];
  intptr_t ns = ml_shape_of(x, dx) - 2;
  ml_shape_of(w, dw);
  int64_t groups = ml_onnx_attr_int(n, "group", 1);
  if (groups <= 0 || dx[1] != dw[0] || dw[0] % groups)
    return ml_onnx_error(im, "weights have %lld input channels for %lld in "
                             "%lld groups", (long long)dw[0],
                         (long long)dx[1], (long long)groups);
  Dim dim[2];
  ML_ONNX_TRY(read_dims(im, n, ns, dx + 2, dw + 2, dim));
  if (ns == 1) { /* [N, C, L] as [N, C, 1, L] */
    int64_t x4[4] = {dx[0], dx[1], 1, dx[2]}, w4[4] = {dw[0], dw[1], 1, dw[2]};
    x = ml_onnx_reshape(im, x, 4, x4);
    w = ml_onnx_reshape(im, w, 4, w4);
    dim[1] = dim[0];
    dim[0] = (Dim){1, 1, 1, 1, 0, 0, 0, 1};
  }
  x = stuff_zeros(im, x, dim[0].s, dim[1].s);
  w = conv_weights(im, w, groups);
  /* Padding of the stuffed input: d(k-1) - pad, plus output_padding at the
   * end, minus the s-1 trailing zeros; a negative amount crops. */
  int64_t pad[4], crop_lo[2], keep[2], d4[4];
  ml_shape_of(x, d4);
  bool crop = false;
  for (int i = 0; i < 2; i++) {
    Dim *m = &dim[i];
    int64_t lo = m->d * (m->k - 1) - m->lo;
    int64_t hi = m->d * (m->k - 1) - m->hi + m->out_pad - (m->s - 1);
    crop_lo[i] = lo < 0 ? -lo : 0;
    keep[i] = d4[2 + i] - crop_lo[i] - (hi < 0 ? -hi : 0);
    crop |= lo < 0 || hi < 0;
    pad[i] = lo < 0 ? 0 : lo;
    pad[i + 2] = hi < 0 ? 0 : hi;
  }
  if (crop) {
    int64_t off[4] = {0, 0, crop_lo[0], crop_lo[1]}, st[4] = {1, 1, 1, 1};
    int64_t o[4] = {d4[0], d4[1], keep[0], keep[1]};
    x = ml_build_mlt_slice(&im->b, x, off, st,
                           ml_tensor_type(ml_element_type(x), 4, o));
  }
  int64_t strides[2] = {1, 1}, dil[2] = {dim[0].d, dim[1].d};
  int64_t out[4] = {dx[0], groups * dw[1], dim[0].out, dim[1].out};
  MlirValue y = ml_build_mlt_conv2d(&im->b, x, w, strides, pad, dil, groups,
                                    ml_tensor_type(ml_element_type(x), 4, out));
  if (ml_onnx_has_input(im, 2)) {
    int64_t bd[3] = {out[1], 1, 1};
    MlirValue bias = ml_onnx_reshape(im, ml_onnx_input(im, 2), 3, bd);
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", y, bias, &y));
  }
  if (ns == 1) {
    int64_t o3[3] = {out[0], out[1], out[3]};
    y = ml_onnx_reshape(im, y, 3, o3);
  }
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

static const char *const attrs[] = {"auto_pad", "dilations", "group",
                                    "kernel_shape", "output_padding",
                                    "output_shape", "pads", "strides", NULL};

const MlOnnxOp ml_onnx_conv_transpose_ops[] = {
    {"ConvTranspose", import_conv_transpose, attrs},
    {NULL, NULL, NULL},
};
