/* node: what a node mapping reads (inputs, attributes, shapes) and how it
 * reports errors, so ops_*.c stay about the ops. */
#include "onnx/importer.h"

#include "ir/mlt_builder.h"
#include "ir/strbuf.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"

#include <stdarg.h>
#include <string.h>

MlirLocation ml_onnx_model_loc(MlImporter *im) {
  return mlirLocationFileLineColGet(
      im->ctx, mlirStringRefCreateFromCString(im->source), 0, 0);
}

MlirLogicalResult ml_onnx_error(MlImporter *im, const char *fmt, ...) {
  MlBuf msg = {0};
  MlirLocation loc = ml_onnx_model_loc(im);
  const Onnx__NodeProto *n = im->node;
  if (n) {
    loc = im->b.loc;
    if (n->name && n->name[0])
      ml_buf_printf(&msg, "node '%s' (%s): ", n->name, n->op_type);
    else
      ml_buf_printf(&msg, "node #%ld (%s): ", (long)im->node_index,
                    n->op_type);
  }
  va_list ap;
  va_start(ap, fmt);
  ml_buf_vprintf(&msg, fmt, ap);
  va_end(ap);
  mlirEmitError(loc, ml_buf_str(&msg));
  ml_buf_free(&msg);
  return mlirLogicalResultFailure();
}

/* The table entry of input `k`, or NULL when absent or empty. */
static MlOnnxValue *input_entry(MlImporter *im, intptr_t k) {
  const Onnx__NodeProto *n = im->node;
  if (k >= (intptr_t)n->n_input || !n->input[k][0])
    return NULL;
  return ml_onnx_values_get(&im->values, n->input[k], false);
}

bool ml_onnx_has_input(MlImporter *im, intptr_t k) {
  return input_entry(im, k) != NULL;
}

MlirValue ml_onnx_input(MlImporter *im, intptr_t k) {
  MlOnnxValue *e = input_entry(im, k);
  MlirValue none = {NULL};
  if (!e)
    return none;
  /* Constants become ops at their first use as a value (a shape operand
   * read only through ml_onnx_known_input never does). */
  if (mlirValueIsNull(e->value) && e->known)
    e->value = ml_build_mlt_constant(&im->b, ml_onnx_tensor_attr(im, e->known));
  return e->value;
}

MlirLogicalResult ml_onnx_require(MlImporter *im, intptr_t k, MlirValue *out) {
  *out = ml_onnx_input(im, k);
  if (mlirValueIsNull(*out))
    return ml_onnx_error(im, "needs input %ld", (long)k);
  return mlirLogicalResultSuccess();
}

const MlOnnxTensor *ml_onnx_known(MlImporter *im, intptr_t k) {
  MlOnnxValue *e = input_entry(im, k);
  return e ? e->known : NULL;
}

MlirLogicalResult ml_onnx_known_input(MlImporter *im, intptr_t k,
                                      const MlOnnxTensor **out) {
  MlOnnxValue *e = input_entry(im, k);
  if (!e)
    return ml_onnx_error(im, "needs input %ld", (long)k);
  if (e->known) {
    *out = e->known;
    return mlirLogicalResultSuccess();
  }
  if (e->graph_input)
    return ml_onnx_error(
        im, "input %ld ('%s') must be a constant known at import time, but "
            "it is graph input '%s': freeze it to a value (ml-import-onnx "
            "--const %s=VALUE.pb, or constants= in Python)", (long)k, e->name,
        e->name, e->name);
  return ml_onnx_error(im, "unsupported dynamic shape: input %ld ('%s') must "
                           "be a constant known at import time, but the graph "
                           "computes it from values known only at run time",
                       (long)k, e->name);
}

MlirLogicalResult ml_onnx_const_ints(MlImporter *im, intptr_t k, int64_t *out,
                                     intptr_t max, intptr_t *n) {
  const MlOnnxTensor *t;
  if (mlirLogicalResultIsFailure(ml_onnx_known_input(im, k, &t)))
    return mlirLogicalResultFailure();
  if (t->dtype != 7 && t->dtype != 6) /* INT64, INT32 */
    return ml_onnx_error(im, "input %ld must hold integers, not %s", (long)k,
                         ml_onnx_dtype_name(t->dtype));
  if (t->rank > 1 || t->count > max)
    return ml_onnx_error(im, "input %ld must be a list of at most %ld "
                             "integers", (long)k, (long)max);
  for (int64_t i = 0; i < t->count; i++)
    out[i] = ml_onnx_tensor_int(t, i);
  *n = (intptr_t)t->count;
  return mlirLogicalResultSuccess();
}

intptr_t ml_onnx_num_outputs(MlImporter *im) {
  intptr_t n = (intptr_t)im->node->n_output;
  while (n > 0 && !im->node->output[n - 1][0])
    n--;
  return n;
}

const Onnx__AttributeProto *ml_onnx_attr(const Onnx__NodeProto *n,
                                         const char *name) {
  for (size_t i = 0; i < n->n_attribute; i++)
    if (n->attribute[i]->name && strcmp(n->attribute[i]->name, name) == 0)
      return n->attribute[i];
  return NULL;
}

int64_t ml_onnx_attr_int(const Onnx__NodeProto *n, const char *name,
                         int64_t dflt) {
  const Onnx__AttributeProto *a = ml_onnx_attr(n, name);
  return a && a->has_i ? a->i : dflt;
}

float ml_onnx_attr_float(const Onnx__NodeProto *n, const char *name,
                         float dflt) {
  const Onnx__AttributeProto *a = ml_onnx_attr(n, name);
  return a && a->has_f ? a->f : dflt;
}

const int64_t *ml_onnx_attr_ints(const Onnx__NodeProto *n, const char *name,
                                 intptr_t *count) {
  const Onnx__AttributeProto *a = ml_onnx_attr(n, name);
  *count = a ? (intptr_t)a->n_ints : 0;
  return a ? a->ints : NULL;
}

const char *ml_onnx_attr_string(const Onnx__NodeProto *n, const char *name,
                                const char *dflt, char *buf, size_t size) {
  const Onnx__AttributeProto *a = ml_onnx_attr(n, name);
  if (!a || !a->has_s)
    return dflt;
  size_t len = a->s.len < size - 1 ? a->s.len : size - 1;
  if (len)
    memcpy(buf, a->s.data, len);
  buf[len] = 0;
  return buf;
}

intptr_t ml_rank(MlirValue v) {
  return mlirShapedTypeGetRank(mlirValueGetType(v));
}

int64_t ml_onnx_product(const int64_t *dims, intptr_t n) {
  int64_t p = 1;
  for (intptr_t i = 0; i < n; i++)
    p *= dims[i];
  return p;
}

MlirLogicalResult ml_onnx_need_float(MlImporter *im, MlirValue x) {
  if (mlirTypeIsAFloat(ml_element_type(x)))
    return mlirLogicalResultSuccess();
  return ml_onnx_error(im, "unsupported element type: %s needs floats",
                       im->node->op_type);
}


MlirLogicalResult ml_onnx_axis(MlImporter *im, const char *what, int64_t axis,
                               intptr_t rank, int64_t *out) {
  if (axis < -rank || axis >= (rank ? rank : 1))
    return ml_onnx_error(im, "%s %lld is out of range for rank %ld", what,
                         (long long)axis, (long)rank);
  *out = axis < 0 ? axis + rank : axis;
  return mlirLogicalResultSuccess();
}

MlirLogicalResult ml_onnx_broadcast(MlImporter *im, MlirValue x, MlirValue y,
                                    MlirType elt, MlirType *out) {
  return ml_onnx_broadcast_types(im, mlirValueGetType(x), mlirValueGetType(y),
                                 elt, out);
}

MlirLogicalResult ml_onnx_broadcast_types(MlImporter *im, MlirType x,
                                          MlirType y, MlirType elt,
                                          MlirType *out) {
  int64_t a[ML_ONNX_MAX_RANK], b[ML_ONNX_MAX_RANK], r[ML_ONNX_MAX_RANK];
  intptr_t ra = mlirShapedTypeGetRank(x), rb = mlirShapedTypeGetRank(y);
  for (intptr_t i = 0; i < ra; i++)
    a[i] = mlirShapedTypeGetDimSize(x, i);
  for (intptr_t i = 0; i < rb; i++)
    b[i] = mlirShapedTypeGetDimSize(y, i);
  intptr_t rr = ra > rb ? ra : rb;
  for (intptr_t i = 0; i < rr; i++) {
    int64_t da = i < rr - ra ? 1 : a[i - (rr - ra)];
    int64_t db = i < rr - rb ? 1 : b[i - (rr - rb)];
    if (da != db && da != 1 && db != 1)
      return ml_onnx_error(im, "shapes do not broadcast: dim %ld is %lld "
                               "and %lld", (long)i, (long long)da,
                           (long long)db);
    r[i] = da == 1 ? db : da;
  }
  *out = ml_tensor_type(elt, rr, r);
  return mlirLogicalResultSuccess();
}

MlirValue ml_onnx_scalar(MlImporter *im, MlirType elt, double value) {
  MlirType t = ml_tensor_type(elt, 0, NULL);
  MlirAttribute v =
      mlirTypeIsAInteger(elt)
          ? mlirIntegerAttrGet(elt, (int64_t)value)
          : mlirFloatAttrDoubleGet(im->ctx, elt, value);
  return ml_build_mlt_constant(&im->b, mlirDenseElementsAttrSplatGet(t, v));
}

/* mlt.reshape or mlt.broadcast (`name`) of x to `dims`, if it changes. */
static MlirValue reshape_as(MlImporter *im, const char *name, MlirValue x,
                            intptr_t rank, const int64_t *dims) {
  MlirType t = ml_tensor_type(ml_element_type(x), rank, dims);
  if (mlirTypeEqual(t, mlirValueGetType(x)))
    return x;
  return ml_build_mlt_reshape(&im->b, name, x, t);
}

MlirValue ml_onnx_reshape(MlImporter *im, MlirValue x, intptr_t rank,
                          const int64_t *dims) {
  return reshape_as(im, "mlt.reshape", x, rank, dims);
}

MlirValue ml_onnx_broadcast_to(MlImporter *im, MlirValue x, intptr_t rank,
                               const int64_t *dims) {
  return reshape_as(im, "mlt.broadcast", x, rank, dims);
}

MlirValue ml_onnx_slice_axis(MlImporter *im, MlirValue x, int64_t axis,
                             int64_t offset, int64_t size, int64_t stride) {
  int64_t d[ML_ONNX_MAX_RANK], off[ML_ONNX_MAX_RANK] = {0},
                               st[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  for (intptr_t i = 0; i < r; i++)
    st[i] = 1;
  off[axis] = size ? offset : 0, st[axis] = stride, d[axis] = size;
  return ml_build_mlt_slice(&im->b, x, off, st,
                            ml_tensor_type(ml_element_type(x), r, d));
}

MlirLogicalResult ml_onnx_binary(MlImporter *im, const char *name, MlirValue x,
                                 MlirValue y, MlirValue *out) {
  MlirType elt = ml_element_type(x), t;
  if (!mlirTypeEqual(elt, ml_element_type(y)))
    return ml_onnx_error(im, "operand element types differ");
  if (mlirLogicalResultIsFailure(ml_onnx_broadcast(im, x, y, elt, &t)))
    return mlirLogicalResultFailure();
  *out = ml_build_mlt_binary(&im->b, name, x, y, t);
  return mlirLogicalResultSuccess();
}
