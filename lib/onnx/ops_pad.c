/* ops_pad: ONNX ops that make a tensor larger from its own elements —
 * Expand (broadcast), Tile (repeat) and Pad (constant, edge or reflect) —
 * as mlt.broadcast, mlt.reshape, mlt.slice and mlt.concat. */
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <string.h>

/* Expand: numpy broadcast of x and a shape known at import time. */
static MlirLogicalResult import_expand(MlImporter *im,
                                       const Onnx__NodeProto *n) {
  (void)n;
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], s[ML_ONNX_MAX_RANK], out[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d), ns;
  ML_ONNX_TRY(ml_onnx_const_ints(im, 1, s, ML_ONNX_MAX_RANK, &ns));
  intptr_t ro = r > ns ? r : ns;
  for (intptr_t i = 0; i < ro; i++) {
    int64_t a = i < ro - r ? 1 : d[i - (ro - r)];
    int64_t b = i < ro - ns ? 1 : s[i - (ro - ns)];
    if (a != b && a != 1 && b != 1)
      return ml_onnx_error(im, "shape does not broadcast: dim %ld is %lld "
                               "and %lld", (long)i, (long long)a, (long long)b);
    out[i] = a == 1 ? b : a;
  }
  ml_onnx_define(im, 0, ml_onnx_broadcast_to(im, x, ro, out));
  return mlirLogicalResultSuccess();
}

/* Tile: [d0, d1, ...] repeated [r0, r1, ...] times is [1, d0, 1, d1, ...]
 * broadcast to [r0, d0, r1, d1, ...] and reshaped to [r0*d0, r1*d1, ...]. */
static MlirLogicalResult import_tile(MlImporter *im, const Onnx__NodeProto *n) {
  (void)n;
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], rep[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d), nr;
  ML_ONNX_TRY(ml_onnx_const_ints(im, 1, rep, ML_ONNX_MAX_RANK, &nr));
  if (nr != r)
    return ml_onnx_error(im, "repeats has %ld entries for rank %ld", (long)nr,
                         (long)r);
  if (2 * r > ML_ONNX_MAX_RANK)
    return ml_onnx_error(im, "unsupported rank %ld (at most %d)", (long)r,
                         ML_ONNX_MAX_RANK / 2);
  int64_t ones[ML_ONNX_MAX_RANK], wide[ML_ONNX_MAX_RANK], out[ML_ONNX_MAX_RANK];
  for (intptr_t i = 0; i < r; i++) {
    if (rep[i] < 0)
      return ml_onnx_error(im, "repeats must not be negative");
    ones[2 * i] = 1, ones[2 * i + 1] = d[i];
    wide[2 * i] = rep[i], wide[2 * i + 1] = d[i];
    out[i] = rep[i] * d[i];
  }
  x = ml_onnx_reshape(im, x, 2 * r, ones);
  x = ml_onnx_broadcast_to(im, x, 2 * r, wide);
  ml_onnx_define(im, 0, ml_onnx_reshape(im, x, r, out));
  return mlirLogicalResultSuccess();
}

/* The `size` elements Pad adds before (`before`) or after x along `axis`. */
static MlirValue border(MlImporter *im, MlirValue x, int64_t axis,
                        int64_t size, bool before, int mode, MlirAttribute fill) {
  int64_t d[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  int64_t n = d[axis];
  if (mode == 0) { /* constant */
    d[axis] = size;
    MlirType t = ml_tensor_type(ml_element_type(x), r, d);
    return ml_build_mlt_constant(&im->b, mlirDenseElementsAttrSplatGet(t, fill));
  }
  if (mode == 1) { /* edge: the first or last slice, repeated */
    MlirValue e = ml_onnx_slice_axis(im, x, axis, before ? 0 : n - 1, 1, 1);
    d[axis] = size;
    return ml_onnx_broadcast_to(im, e, r, d);
  }
  /* reflect: x[size], ..., x[1] before; x[n-2], ..., x[n-1-size] after */
  return ml_onnx_slice_axis(im, x, axis, before ? size : n - 2, size, -1);
}

static MlirLogicalResult import_pad(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], pads[2 * ML_ONNX_MAX_RANK], axes[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d), np = 0, na = r;
  double value = 0;
  if (im->opset < 11) {
    const int64_t *p = ml_onnx_attr_ints(n, "pads", &np);
    if (np > 2 * ML_ONNX_MAX_RANK)
      return ml_onnx_error(im, "too many pads");
    if (np)
      memcpy(pads, p, (size_t)np * sizeof *pads);
    value = ml_onnx_attr_float(n, "value", 0.0f);
  } else {
    ML_ONNX_TRY(ml_onnx_const_ints(im, 1, pads, 2 * ML_ONNX_MAX_RANK, &np));
    if (ml_onnx_has_input(im, 2)) {
      const MlOnnxTensor *v;
      ML_ONNX_TRY(ml_onnx_known_input(im, 2, &v));
      if (v->count != 1)
        return ml_onnx_error(im, "constant_value must be one element");
      value = ml_onnx_tensor_float(v, 0);
    }
    if (ml_onnx_has_input(im, 3))
      ML_ONNX_TRY(ml_onnx_const_ints(im, 3, axes, ML_ONNX_MAX_RANK, &na));
  }
  if (!ml_onnx_has_input(im, 3))
    for (intptr_t i = 0; i < r; i++)
      axes[i] = i;
  if (np != 2 * na)
    return ml_onnx_error(im, "pads has %ld entries, not 2 per padded axis "
                             "(%ld)", (long)np, (long)(2 * na));
  char buf[16];
  const char *m = ml_onnx_attr_string(n, "mode", "constant", buf, sizeof buf);
  int mode = !strcmp(m, "constant") ? 0 : !strcmp(m, "edge") ? 1
             : !strcmp(m, "reflect") ? 2 : -1;
  if (mode < 0)
    return ml_onnx_error(im, "unsupported mode '%s'", m);
  MlirType elt = ml_element_type(x);
  MlirAttribute fill = mlirTypeIsAFloat(elt)
                           ? mlirFloatAttrDoubleGet(im->ctx, elt, value)
                           : mlirIntegerAttrGet(elt, (int64_t)value);
  bool seen[ML_ONNX_MAX_RANK] = {false};
  for (intptr_t i = 0; i < na; i++) {
    int64_t axis, lo = pads[i], hi = pads[i + na];
    ML_ONNX_TRY(ml_onnx_axis(im, "axis", axes[i], r, &axis));
    if (seen[axis])
      return ml_onnx_error(im, "axis %lld is padded twice", (long long)axis);
    seen[axis] = true;
    int64_t size = ml_shape_of(x, d) ? d[axis] : 1;
    if (lo < 0 || hi < 0) { /* negative pads crop */
      int64_t keep = size + (lo < 0 ? lo : 0) + (hi < 0 ? hi : 0);
      if (keep < 0)
        return ml_onnx_error(im, "negative pads remove more than dim %lld",
                             (long long)axis);
      x = ml_onnx_slice_axis(im, x, axis, lo < 0 ? -lo : 0, keep, 1);
      size = keep;
      lo = lo < 0 ? 0 : lo, hi = hi < 0 ? 0 : hi;
    }
    if (!lo && !hi)
      continue;
    if ((mode == 2 && (lo >= size || hi >= size)) || (mode && size == 0))
      return ml_onnx_error(im, "%s padding of %lld and %lld does not fit dim "
                               "%lld of size %lld", m, (long long)lo,
                           (long long)hi, (long long)axis, (long long)size);
    MlirValue parts[3];
    intptr_t k = 0;
    if (lo)
      parts[k++] = border(im, x, axis, lo, true, mode, fill);
    parts[k++] = x;
    if (hi)
      parts[k++] = border(im, x, axis, hi, false, mode, fill);
    ml_shape_of(x, d);
    d[axis] = size + lo + hi;
    x = ml_build_mlt_concat(&im->b, k, parts, axis,
                            ml_tensor_type(elt, ml_rank(x), d));
  }
  ml_onnx_define(im, 0, x);
  return mlirLogicalResultSuccess();
}

static const char *const no_attrs[] = {NULL};
static const char *const pad_attrs[] = {"mode", "pads", "value", NULL};

const MlOnnxOp ml_onnx_pad_ops[] = {
    {"Expand", import_expand, no_attrs},
    {"Tile", import_tile, no_attrs},
    {"Pad", import_pad, pad_attrs},
    {NULL, NULL, NULL},
};
