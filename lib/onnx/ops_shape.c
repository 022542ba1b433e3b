/* ops_shape: ONNX's data-movement ops — Transpose, Reshape, Flatten,
 * Squeeze, Unsqueeze, Concat, Slice, Split, Gather — and Constant. Shapes
 * that depend on operand values need those values at import time. */
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Integers from attribute `attr` (before opset `since`) or input `k`;
 * *present is false when neither is given. */
static MlirLogicalResult int_list(MlImporter *im, const char *attr,
                                  int64_t since, intptr_t k, int64_t *out,
                                  intptr_t *n, bool *present) {
  *present = false;
  *n = 0;
  if (im->opset < since) {
    const int64_t *v = ml_onnx_attr_ints(im->node, attr, n);
    if (!v)
      return mlirLogicalResultSuccess();
    if (*n > ML_ONNX_MAX_RANK)
      return ml_onnx_error(im, "too many %s", attr);
    memcpy(out, v, (size_t)*n * sizeof *out);
    *present = true;
    return mlirLogicalResultSuccess();
  }
  if (!ml_onnx_has_input(im, k))
    return mlirLogicalResultSuccess();
  *present = true;
  return ml_onnx_const_ints(im, k, out, ML_ONNX_MAX_RANK, n);
}

static MlirLogicalResult import_transpose(MlImporter *im,
                                          const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], perm[ML_ONNX_MAX_RANK], out[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d), np;
  const int64_t *p = ml_onnx_attr_ints(n, "perm", &np);
  if (p && np != r)
    return ml_onnx_error(im, "perm has %ld entries for rank %ld", (long)np,
                         (long)r);
  bool seen[ML_ONNX_MAX_RANK] = {false};
  for (intptr_t i = 0; i < r; i++) {
    perm[i] = p ? p[i] : r - 1 - i;
    if (perm[i] < 0 || perm[i] >= r || seen[perm[i]])
      return ml_onnx_error(im, "perm is not a permutation of 0..%ld",
                           (long)r - 1);
    seen[perm[i]] = true;
    out[i] = d[perm[i]];
  }
  ml_onnx_define(im, 0, ml_build_mlt_transpose(&im->b, x, perm,
                                               ml_tensor_type(ml_element_type(x), r, out)));
  return mlirLogicalResultSuccess();
}

/* Defines output 0 as x reshaped to `rank` dims, checking the count. */
static MlirLogicalResult define_reshaped(MlImporter *im, MlirValue x,
                                         intptr_t rank, const int64_t *dims) {
  int64_t d[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  if (ml_onnx_product(d, r) != ml_onnx_product(dims, rank))
    return ml_onnx_error(im, "the new shape holds %lld elements, the input "
                             "%lld", (long long)ml_onnx_product(dims, rank),
                         (long long)ml_onnx_product(d, r));
  ml_onnx_define(im, 0, ml_onnx_reshape(im, x, rank, dims));
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_reshape(MlImporter *im,
                                        const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], s[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d), ns;
  bool present;
  ML_ONNX_TRY(int_list(im, "shape", 5, 1, s, &ns, &present));
  if (!present)
    return ml_onnx_error(im, "needs a shape");
  bool allowzero = ml_onnx_attr_int(n, "allowzero", 0) != 0;
  intptr_t infer = -1;
  int64_t known = 1;
  for (intptr_t i = 0; i < ns; i++) {
    if (s[i] == 0 && !allowzero) {
      if (i >= r)
        return ml_onnx_error(im, "shape entry %ld is 0 (copy) past the "
                                 "input's rank", (long)i);
      s[i] = d[i];
    }
    if (s[i] == -1) {
      if (infer >= 0)
        return ml_onnx_error(im, "shape has more than one -1");
      infer = i;
      continue;
    }
    if (s[i] < 0)
      return ml_onnx_error(im, "shape entry %ld is %lld", (long)i,
                           (long long)s[i]);
    known *= s[i];
  }
  if (infer >= 0) {
    if (known == 0 || ml_onnx_product(d, r) % known)
      return ml_onnx_error(im, "cannot infer the -1 dim: %lld elements into "
                               "parts of %lld", (long long)ml_onnx_product(d, r),
                           (long long)known);
    s[infer] = ml_onnx_product(d, r) / known;
  }
  return define_reshaped(im, x, ns, s);
}

static MlirLogicalResult import_flatten(MlImporter *im,
                                        const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], axis;
  intptr_t r = ml_shape_of(x, d);
  int64_t a = ml_onnx_attr_int(n, "axis", 1);
  if (a == r) /* axis may equal the rank: [prod, 1] */
    axis = r;
  else
    ML_ONNX_TRY(ml_onnx_axis(im, "axis", a, r, &axis));
  int64_t s[2] = {ml_onnx_product(d, axis), ml_onnx_product(d + axis, r - axis)};
  return define_reshaped(im, x, 2, s);
}

/* Squeeze (drop the listed size-1 dims, or all of them) and Unsqueeze
 * (insert size-1 dims at the listed positions of the result). */
static MlirLogicalResult import_squeeze(MlImporter *im,
                                        const Onnx__NodeProto *n) {
  bool un = strcmp(n->op_type, "Unsqueeze") == 0;
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], axes[ML_ONNX_MAX_RANK], out[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d), na, ro = 0;
  bool present, marked[ML_ONNX_MAX_RANK] = {false};
  ML_ONNX_TRY(int_list(im, "axes", 13, 1, axes, &na, &present));
  if (un && !present)
    return ml_onnx_error(im, "needs axes");
  intptr_t rr = un ? r + na : r; /* the rank axes refer to */
  if (rr > ML_ONNX_MAX_RANK)
    return ml_onnx_error(im, "unsupported rank %ld", (long)rr);
  for (intptr_t i = 0; i < na; i++) {
    int64_t a;
    ML_ONNX_TRY(ml_onnx_axis(im, "axis", axes[i], rr, &a));
    if (marked[a])
      return ml_onnx_error(im, "axis %lld is listed twice", (long long)a);
    if (!un && d[a] != 1)
      return ml_onnx_error(im, "cannot squeeze dim %lld of size %lld",
                           (long long)a, (long long)d[a]);
    marked[a] = true;
  }
  for (intptr_t i = 0, k = 0; i < rr; i++) {
    if (un)
      out[ro++] = marked[i] ? 1 : d[k++];
    else if (!(present ? marked[i] : d[i] == 1))
      out[ro++] = d[i];
  }
  return define_reshaped(im, x, ro, out);
}

static MlirLogicalResult import_concat(MlImporter *im,
                                       const Onnx__NodeProto *n) {
  MlirValue xs[64];
  if (n->n_input == 0 || n->n_input > 64)
    return ml_onnx_error(im, "unsupported number of inputs %zu", n->n_input);
  if (!ml_onnx_attr(n, "axis"))
    return ml_onnx_error(im, "needs attribute axis");
  int64_t d[ML_ONNX_MAX_RANK], e[ML_ONNX_MAX_RANK], axis;
  for (size_t i = 0; i < n->n_input; i++)
    ML_ONNX_TRY(ml_onnx_require(im, (intptr_t)i, &xs[i]));
  intptr_t r = ml_shape_of(xs[0], d);
  ML_ONNX_TRY(ml_onnx_axis(im, "axis", ml_onnx_attr_int(n, "axis", 0), r, &axis));
  int64_t total = 0;
  for (size_t i = 0; i < n->n_input; i++) {
    if (ml_shape_of(xs[i], e) != r || !mlirTypeEqual(ml_element_type(xs[i]), ml_element_type(xs[0])))
      return ml_onnx_error(im, "input %zu differs in rank or element type", i);
    for (intptr_t k = 0; k < r; k++)
      if (k != axis && e[k] != d[k])
        return ml_onnx_error(im, "input %zu differs in dim %ld", i, (long)k);
    total += e[axis];
  }
  if (n->n_input == 1) {
    ml_onnx_define(im, 0, xs[0]);
    return mlirLogicalResultSuccess();
  }
  d[axis] = total;
  ml_onnx_define(im, 0, ml_build_mlt_concat(&im->b, (intptr_t)n->n_input, xs,
                                            axis, ml_tensor_type(ml_element_type(xs[0]), r, d)));
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_slice(MlImporter *im, const Onnx__NodeProto *n) {
  (void)n;
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], starts[ML_ONNX_MAX_RANK], ends[ML_ONNX_MAX_RANK],
      axes[ML_ONNX_MAX_RANK], steps[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d), ns, ne, na, nt;
  bool has_s, has_e, has_a, has_t;
  ML_ONNX_TRY(int_list(im, "starts", 10, 1, starts, &ns, &has_s));
  ML_ONNX_TRY(int_list(im, "ends", 10, 2, ends, &ne, &has_e));
  ML_ONNX_TRY(int_list(im, "axes", 10, 3, axes, &na, &has_a));
  ML_ONNX_TRY(int_list(im, "steps", 10, 4, steps, &nt, &has_t));
  if (!has_s || !has_e || ns != ne || (has_a && na != ns) ||
      (has_t && nt != ns))
    return ml_onnx_error(im, "starts, ends, axes and steps must have one "
                             "entry per sliced axis");
  int64_t off[ML_ONNX_MAX_RANK] = {0}, st[ML_ONNX_MAX_RANK], out[ML_ONNX_MAX_RANK];
  bool seen[ML_ONNX_MAX_RANK] = {false};
  for (intptr_t i = 0; i < r; i++)
    st[i] = 1, out[i] = d[i];
  for (intptr_t i = 0; i < ns; i++) {
    int64_t a, dim, step = has_t ? steps[i] : 1;
    ML_ONNX_TRY(ml_onnx_axis(im, "axis", has_a ? axes[i] : i, r, &a));
    if (seen[a])
      return ml_onnx_error(im, "axis %lld is sliced twice", (long long)a);
    seen[a] = true;
    if (step == 0)
      return ml_onnx_error(im, "steps must not be 0");
    dim = d[a];
    int64_t s = starts[i], e = ends[i];
    s = s < 0 ? s + dim : s;
    e = e < 0 ? e + dim : e;
    int64_t lo = step > 0 ? 0 : -1, hi = step > 0 ? dim : dim - 1;
    s = s < lo + (step < 0) ? lo + (step < 0) : s > hi ? hi : s;
    e = e < lo ? lo : e > hi ? hi : e;
    int64_t size = step > 0 ? (e - s + step - 1) / step : (s - e - step - 1) / -step;
    if (size <= 0) /* an empty result dim */
      size = 0, s = 0;
    off[a] = s, st[a] = step, out[a] = size;
  }
  ml_onnx_define(im, 0, ml_build_mlt_slice(&im->b, x, off, st,
                                           ml_tensor_type(ml_element_type(x), r, out)));
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_split(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], axis;
  intptr_t r = ml_shape_of(x, d), outs = (intptr_t)n->n_output;
  ML_ONNX_TRY(ml_onnx_axis(im, "axis", ml_onnx_attr_int(n, "axis", 0), r, &axis));
  int64_t *sizes = calloc((size_t)outs + 1, sizeof *sizes);
  intptr_t ns = 0;
  bool present = false;
  MlirLogicalResult res = mlirLogicalResultSuccess();
  if (im->opset < 13) {
    const int64_t *v = ml_onnx_attr_ints(n, "split", &ns);
    if ((present = v != NULL) && ns == outs)
      memcpy(sizes, v, (size_t)ns * sizeof *sizes);
  } else if (ml_onnx_has_input(im, 1)) {
    const MlOnnxTensor *t;
    present = true;
    res = ml_onnx_known_input(im, 1, &t);
    if (mlirLogicalResultIsSuccess(res) && (ns = (intptr_t)t->count) == outs)
      for (intptr_t i = 0; i < ns; i++)
        sizes[i] = ml_onnx_tensor_int(t, i);
  }
  if (mlirLogicalResultIsSuccess(res) && present && ns != outs)
    res = ml_onnx_error(im, "split has %ld sizes for %ld outputs", (long)ns,
                        (long)outs);
  if (mlirLogicalResultIsSuccess(res) && !present) {
    if (outs == 0 || d[axis] % outs)
      res = ml_onnx_error(im, "dim %lld of size %lld does not split into %ld "
                              "equal parts", (long long)axis,
                          (long long)d[axis], (long)outs);
    for (intptr_t i = 0; i < outs; i++)
      sizes[i] = outs ? d[axis] / outs : 0;
  }
  int64_t at = 0;
  for (intptr_t i = 0; i < outs && mlirLogicalResultIsSuccess(res); i++) {
    if (sizes[i] < 0 || at + sizes[i] > d[axis])
      res = ml_onnx_error(im, "split sizes must not be negative and must add up to "
                              "%lld", (long long)d[axis]);
    else
      ml_onnx_define(im, i, ml_onnx_slice_axis(im, x, axis, at, sizes[i], 1));
    at += sizes[i];
  }
  if (mlirLogicalResultIsSuccess(res) && at != d[axis])
    res = ml_onnx_error(im, "split sizes add up to %lld, not %lld",
                        (long long)at, (long long)d[axis]);
  free(sizes);
  return res;
}

static MlirLogicalResult import_gather(MlImporter *im,
                                       const Onnx__NodeProto *n) {
  MlirValue x, idx;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_require(im, 1, &idx));
  MlirType it = ml_element_type(idx);
  if (!mlirTypeIsAInteger(it) || (mlirIntegerTypeGetWidth(it) != 32 &&
                                  mlirIntegerTypeGetWidth(it) != 64))
    return ml_onnx_error(im, "indices must be int32 or int64");
  int64_t d[ML_ONNX_MAX_RANK], di[ML_ONNX_MAX_RANK], out[2 * ML_ONNX_MAX_RANK],
      axis;
  intptr_t r = ml_shape_of(x, d), ri = ml_shape_of(idx, di), ro = 0;
  ML_ONNX_TRY(ml_onnx_axis(im, "axis", ml_onnx_attr_int(n, "axis", 0), r, &axis));
  if (r - 1 + ri > ML_ONNX_MAX_RANK)
    return ml_onnx_error(im, "unsupported result rank %ld", (long)(r - 1 + ri));
  for (intptr_t i = 0; i < axis; i++)
    out[ro++] = d[i];
  for (intptr_t i = 0; i < ri; i++)
    out[ro++] = di[i];
  for (intptr_t i = axis + 1; i < r; i++)
    out[ro++] = d[i];
  ml_onnx_define(im, 0, ml_build_mlt_gather(&im->b, x, idx, axis,
                                            ml_tensor_type(ml_element_type(x), ro, out)));
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_constant(MlImporter *im,
                                         const Onnx__NodeProto *n) {
  if (n->n_attribute != 1)
    return ml_onnx_error(im, "needs exactly one value attribute");
  const Onnx__AttributeProto *a = n->attribute[0];
  MlOnnxTensor *t = NULL;
  if (!a->name)
    return ml_onnx_error(im, "its attribute has no name");
  if (!strcmp(a->name, "value")) {
    if (!a->t)
      return ml_onnx_error(im, "attribute 'value' holds no tensor");
    ML_ONNX_TRY(ml_onnx_tensor_decode(im, a->t, "attribute 'value'", &t));
  } else if (!strcmp(a->name, "value_float") ||
             !strcmp(a->name, "value_floats")) {
    bool one = !strcmp(a->name, "value_float");
    t = ml_onnx_tensor_new(1, one ? 0 : 1, one ? 1 : (int64_t)a->n_floats);
    if (one)
      ((float *)t->data)[0] = a->f;
    else if (a->n_floats)
      memcpy(t->data, a->floats, a->n_floats * sizeof(float));
  } else if (!strcmp(a->name, "value_int") || !strcmp(a->name, "value_ints")) {
    bool one = !strcmp(a->name, "value_int");
    t = ml_onnx_tensor_new(7, one ? 0 : 1, one ? 1 : (int64_t)a->n_ints);
    if (one)
      ((int64_t *)t->data)[0] = a->i;
    else if (a->n_ints)
      memcpy(t->data, a->ints, a->n_ints * sizeof(int64_t));
  } else {
    return ml_onnx_error(im, "unsupported attribute '%s'", a->name);
  }
  MlirValue none = {NULL}; /* an op only where it is used as a value */
  ml_onnx_define_known(im, 0, none, t);
  return mlirLogicalResultSuccess();
}

/* Shape and Size: known at import time (static shapes), so they become
 * constants and the shape arithmetic after them folds (fold.c). */
static MlirLogicalResult import_shape(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  bool size = strcmp(n->op_type, "Size") == 0;
  int64_t start = ml_onnx_attr_int(n, "start", 0);
  int64_t end = ml_onnx_attr_int(n, "end", r);
  start = start < 0 ? start + r : start;
  end = end < 0 ? end + r : end;
  start = start < 0 ? 0 : start > r ? r : start;
  end = end < 0 ? 0 : end > r ? r : end;
  if (!size && end <= start)
    return ml_onnx_error(im, "unsupported empty shape slice");
  MlOnnxTensor *t = ml_onnx_tensor_new(7, size ? 0 : 1, size ? 1 : end - start);
  int64_t *v = t->data;
  if (size)
    v[0] = ml_onnx_product(d, r);
  else
    for (int64_t i = start; i < end; i++)
      v[i - start] = d[i];
  MlirValue none = {NULL};
  ml_onnx_define_known(im, 0, none, t);
  return mlirLogicalResultSuccess();
}

/* ConstantOfShape: a splat of `value` (default f32 0) with a known shape. */
static MlirLogicalResult import_constant_of_shape(MlImporter *im,
                                                  const Onnx__NodeProto *n) {
  int64_t dims[ML_ONNX_MAX_RANK];
  intptr_t r;
  ML_ONNX_TRY(ml_onnx_const_ints(im, 0, dims, ML_ONNX_MAX_RANK, &r));
  for (intptr_t i = 0; i < r; i++)
    if (dims[i] < 0)
      return ml_onnx_error(im, "dim %lld is negative", (long long)dims[i]);
  MlOnnxTensor *fill = NULL;
  const Onnx__AttributeProto *a = ml_onnx_attr(n, "value");
  if (a && a->t)
    ML_ONNX_TRY(ml_onnx_tensor_decode(im, a->t, "attribute 'value'", &fill));
  else
    fill = ml_onnx_tensor_new(1, 1, 1), ((float *)fill->data)[0] = 0.0f;
  if (fill->count != 1) {
    ml_onnx_tensor_free(fill);
    return ml_onnx_error(im, "attribute 'value' must hold one element");
  }
  MlirType elt = ml_onnx_element_type(im->ctx, fill->dtype);
  MlirAttribute one = ml_onnx_tensor_attr(im, fill);
  ml_onnx_tensor_free(fill);
  MlirAttribute splat = mlirDenseElementsAttrSplatGet(
      ml_tensor_type(elt, r, dims),
      mlirDenseElementsAttrGetSplatValue(one));
  ml_onnx_define(im, 0, ml_build_mlt_constant(&im->b, splat));
  return mlirLogicalResultSuccess();
}

/* Range: start, limit and delta known at import time, so the result is. */
static MlirLogicalResult import_range(MlImporter *im, const Onnx__NodeProto *n) {
  (void)n;
  const MlOnnxTensor *v[3];
  for (int i = 0; i < 3; i++) {
    ML_ONNX_TRY(ml_onnx_known_input(im, i, &v[i]));
    if (v[i]->count != 1 || v[i]->dtype != v[0]->dtype)
      return ml_onnx_error(im, "start, limit and delta must be scalars of "
                               "one type");
  }
  int32_t dt = v[0]->dtype;
  if (dt != 1 && dt != 6 && dt != 7) /* FLOAT, INT32, INT64 */
    return ml_onnx_error(im, "unsupported element type %s",
                         ml_onnx_dtype_name(dt));
  double start = ml_onnx_tensor_float(v[0], 0), limit = ml_onnx_tensor_float(v[1], 0),
         delta = ml_onnx_tensor_float(v[2], 0);
  if (delta == 0)
    return ml_onnx_error(im, "delta must not be 0");
  double steps = ceil((limit - start) / delta);
  int64_t count = steps > 0 ? (int64_t)steps : 0;
  if (count > (INT64_C(1) << 24))
    return ml_onnx_error(im, "unsupported range of %lld elements",
                         (long long)count);
  MlOnnxTensor *t = ml_onnx_tensor_new(dt, 1, count);
  for (int64_t i = 0; i < count; i++) {
    if (dt == 1) /* as ONNX's reference: start + i * delta in the type */
      ((float *)t->data)[i] = (float)start + (float)i * (float)delta;
    else if (dt == 6)
      ((int32_t *)t->data)[i] = (int32_t)(ml_onnx_tensor_int(v[0], 0) +
                                          i * ml_onnx_tensor_int(v[2], 0));
    else
      ((int64_t *)t->data)[i] =
          ml_onnx_tensor_int(v[0], 0) + i * ml_onnx_tensor_int(v[2], 0);
  }
  MlirValue none = {NULL};
  ml_onnx_define_known(im, 0, none, t);
  return mlirLogicalResultSuccess();
}

/* DepthToSpace (modes DCR and CRD) and SpaceToDepth: a reshape to 6-D, a
 * transpose and a reshape back. */
static MlirLogicalResult import_depth_space(MlImporter *im,
                                            const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], b = ml_onnx_attr_int(n, "blocksize", 0);
  if (ml_shape_of(x, d) != 4 || b <= 0)
    return ml_onnx_error(im, "needs an NCHW input and a positive blocksize");
  bool to_space = strcmp(n->op_type, "DepthToSpace") == 0;
  char buf[8];
  bool crd = to_space && !strcmp(ml_onnx_attr_string(n, "mode", "DCR", buf,
                                                     sizeof buf), "CRD");
  int64_t N = d[0], C = d[1], H = d[2], W = d[3], six[6], t6[6], perm[6],
          out[4];
  if (to_space) {
    if (C % (b * b))
      return ml_onnx_error(im, "channels %lld are not a multiple of %lld",
                           (long long)C, (long long)(b * b));
    int64_t c = C / (b * b);
    int64_t dcr[6] = {N, b, b, c, H, W}, pd[6] = {0, 3, 4, 1, 5, 2};
    int64_t crd6[6] = {N, c, b, b, H, W}, pc[6] = {0, 1, 4, 2, 5, 3};
    memcpy(six, crd ? crd6 : dcr, sizeof six);
    memcpy(perm, crd ? pc : pd, sizeof perm);
    out[0] = N, out[1] = c, out[2] = H * b, out[3] = W * b;
  } else {
    if (H % b || W % b)
      return ml_onnx_error(im, "H and W must be multiples of %lld",
                           (long long)b);
    int64_t s6[6] = {N, C, H / b, b, W / b, b}, ps[6] = {0, 3, 5, 1, 2, 4};
    memcpy(six, s6, sizeof six);
    memcpy(perm, ps, sizeof perm);
    out[0] = N, out[1] = C * b * b, out[2] = H / b, out[3] = W / b;
  }
  for (int i = 0; i < 6; i++)
    t6[i] = six[perm[i]];
  x = ml_onnx_reshape(im, x, 6, six);
  x = ml_build_mlt_transpose(&im->b, x, perm,
                             ml_tensor_type(ml_element_type(x), 6, t6));
  ml_onnx_define(im, 0, ml_onnx_reshape(im, x, 4, out));
  return mlirLogicalResultSuccess();
}

/* EyeLike: ones on diagonal k of a matrix shaped like the input. */
static MlirLogicalResult import_eye_like(MlImporter *im,
                                         const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK];
  if (ml_shape_of(x, d) != 2)
    return ml_onnx_error(im, "needs a 2-D input");
  int32_t dt = (int32_t)ml_onnx_attr_int(n, "dtype", 0);
  MlirType elt = dt ? ml_onnx_element_type(im->ctx, dt) : ml_element_type(x);
  if (mlirTypeIsNull(elt))
    return ml_onnx_error(im, "unsupported element type %s",
                         ml_onnx_dtype_name(dt));
  int64_t k = ml_onnx_attr_int(n, "k", 0);
  MlirAttribute one = mlirTypeIsAFloat(elt)
                          ? mlirFloatAttrDoubleGet(im->ctx, elt, 1.0)
                          : mlirIntegerAttrGet(elt, 1);
  MlirAttribute zero = mlirTypeIsAFloat(elt)
                           ? mlirFloatAttrDoubleGet(im->ctx, elt, 0.0)
                           : mlirIntegerAttrGet(elt, 0);
  int64_t count = d[0] * d[1];
  MlirAttribute *elems = calloc(count ? (size_t)count : 1, sizeof *elems);
  if (!elems)
    abort();
  for (int64_t i = 0; i < d[0]; i++)
    for (int64_t j = 0; j < d[1]; j++)
      elems[i * d[1] + j] = j - i == k ? one : zero;
  ml_onnx_define(im, 0, ml_build_mlt_constant(
                            &im->b, mlirDenseElementsAttrGet(
                                        ml_tensor_type(elt, 2, d), count, elems)));
  free(elems);
  return mlirLogicalResultSuccess();
}

static const char *const no_attrs[] = {NULL};
static const char *const perm_attrs[] = {"perm", NULL};
static const char *const d2s_attrs[] = {"blocksize", "mode", NULL};
static const char *const eye_attrs[] = {"dtype", "k", NULL};
static const char *const shape_attrs[] = {"start", "end", NULL};
static const char *const value_attrs[] = {"value", NULL};
static const char *const reshape_attrs[] = {"shape", "allowzero", NULL};
static const char *const axis_attrs[] = {"axis", NULL};
static const char *const axes_attrs[] = {"axes", NULL};
static const char *const slice_attrs[] = {"starts", "ends", "axes", NULL};
static const char *const split_attrs[] = {"axis", "split", NULL};
static const char *const constant_attrs[] = {
    "value", "value_float", "value_floats", "value_int", "value_ints",
    "value_string", "value_strings", "sparse_value", NULL};

const MlOnnxOp ml_onnx_shape_ops[] = {
    {"Transpose", import_transpose, perm_attrs},
    {"Reshape", import_reshape, reshape_attrs},
    {"Flatten", import_flatten, axis_attrs},
    {"Squeeze", import_squeeze, axes_attrs},
    {"Unsqueeze", import_squeeze, axes_attrs},
    {"Concat", import_concat, axis_attrs},
    {"Slice", import_slice, slice_attrs},
    {"Split", import_split, split_attrs},
    {"Gather", import_gather, axis_attrs},
    {"Constant", import_constant, constant_attrs},
    {"Shape", import_shape, shape_attrs},
    {"Size", import_shape, no_attrs},
    {"ConstantOfShape", import_constant_of_shape, value_attrs},
    {"Range", import_range, no_attrs},
    {"DepthToSpace", import_depth_space, d2s_attrs},
    {"SpaceToDepth", import_depth_space, d2s_attrs},
    {"EyeLike", import_eye_like, eye_attrs},
    {NULL, NULL, NULL},
};
