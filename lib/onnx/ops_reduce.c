/* ops_reduce: ONNX's Reduce* ops and ArgMax/ArgMin as mlt.reduce (after
 * abs, square or exp for L1, L2, SumSquare and LogSumExp), mlt.argmax and
 * mlt.argmin. */
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinTypes.h"

#include <string.h>

/* Each reduce: mlt.reduce of kind `kind` on pre(x), then post(). */
enum { PRE_NONE, PRE_ABS, PRE_SQUARE, PRE_EXP };
enum { POST_NONE, POST_SQRT, POST_LOG };
static const struct {
  const char *onnx;
  int kind, pre, post;
  int64_t axes_input_since; /* opset from which axes is an input */
} reduce_ops[] = {
    {"ReduceSum", ML_REDUCE_SUM, PRE_NONE, POST_NONE, 13},
    {"ReduceMean", ML_REDUCE_MEAN, PRE_NONE, POST_NONE, 18},
    {"ReduceMax", ML_REDUCE_MAX, PRE_NONE, POST_NONE, 18},
    {"ReduceMin", ML_REDUCE_MIN, PRE_NONE, POST_NONE, 18},
    {"ReduceProd", ML_REDUCE_PROD, PRE_NONE, POST_NONE, 18},
    {"ReduceL1", ML_REDUCE_SUM, PRE_ABS, POST_NONE, 18},
    {"ReduceL2", ML_REDUCE_SUM, PRE_SQUARE, POST_SQRT, 18},
    {"ReduceSumSquare", ML_REDUCE_SUM, PRE_SQUARE, POST_NONE, 18},
    {"ReduceLogSum", ML_REDUCE_SUM, PRE_NONE, POST_LOG, 18},
    {"ReduceLogSumExp", ML_REDUCE_SUM, PRE_EXP, POST_LOG, 18},
};

/* The reduction of x over `axes` with dims kept, as the table row says;
 * LogSumExp subtracts the max first so exp cannot overflow. */
static MlirLogicalResult reduce_kept(MlImporter *im, size_t op, MlirValue x,
                                     intptr_t na, const int64_t *axes,
                                     MlirValue *out) {
  int64_t d[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  for (intptr_t i = 0; i < na; i++)
    d[axes[i]] = 1;
  MlirType kept = ml_tensor_type(ml_element_type(x), r, d);
  MlirValue m = {NULL};
  switch (reduce_ops[op].pre) {
  case PRE_ABS:
    x = ml_build_mlt_unary(&im->b, "mlt.abs", x);
    break;
  case PRE_SQUARE:
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", x, x, &x));
    break;
  case PRE_EXP:
    m = ml_build_mlt_reduce(&im->b, ML_REDUCE_MAX, x, na, axes, true, kept);
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.sub", x, m, &x));
    x = ml_build_mlt_unary(&im->b, "mlt.exp", x);
    break;
  }
  MlirValue y = ml_build_mlt_reduce(&im->b, reduce_ops[op].kind, x, na, axes,
                                    true, kept);
  if (reduce_ops[op].post == POST_SQRT)
    y = ml_build_mlt_unary(&im->b, "mlt.sqrt", y);
  if (reduce_ops[op].post == POST_LOG)
    y = ml_build_mlt_unary(&im->b, "mlt.log", y);
  if (!mlirValueIsNull(m))
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", y, m, &y));
  *out = y;
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_reduce(MlImporter *im,
                                       const Onnx__NodeProto *n) {
  size_t op = 0;
  while (strcmp(reduce_ops[op].onnx, n->op_type) != 0)
    op++;
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  bool plain = reduce_ops[op].pre == PRE_NONE && reduce_ops[op].post == POST_NONE;
  if ((reduce_ops[op].kind == ML_REDUCE_MEAN || !plain) &&
      !mlirTypeIsAFloat(ml_element_type(x)))
    return ml_onnx_error(im, "unsupported element type: %s needs floats",
                         n->op_type);
  int64_t d[ML_ONNX_MAX_RANK], axes[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d), na = 0;
  if (im->opset < reduce_ops[op].axes_input_since) {
    const int64_t *a = ml_onnx_attr_ints(n, "axes", &na);
    if (na > r)
      return ml_onnx_error(im, "more axes than dims");
    if (na)
      memcpy(axes, a, (size_t)na * sizeof *axes);
  } else if (ml_onnx_has_input(im, 1)) {
    ML_ONNX_TRY(ml_onnx_const_ints(im, 1, axes, ML_ONNX_MAX_RANK, &na));
  }
  if (na == 0 && ml_onnx_attr_int(n, "noop_with_empty_axes", 0)) {
    ml_onnx_define(im, 0, x);
    return mlirLogicalResultSuccess();
  }
  bool reduced[ML_ONNX_MAX_RANK] = {false};
  if (na == 0) /* all dims */
    for (intptr_t i = 0; i < r; i++)
      axes[na++] = i;
  for (intptr_t i = 0; i < na; i++) {
    ML_ONNX_TRY(ml_onnx_axis(im, "axis", axes[i], r, &axes[i]));
    if (reduced[axes[i]])
      return ml_onnx_error(im, "axis %lld is listed twice",
                           (long long)axes[i]);
    reduced[axes[i]] = true;
  }
  bool keep = ml_onnx_attr_int(n, "keepdims", 1) != 0;
  int64_t out[ML_ONNX_MAX_RANK];
  intptr_t ro = 0;
  for (intptr_t i = 0; i < r; i++)
    if (!reduced[i])
      out[ro++] = d[i];
    else if (keep)
      out[ro++] = 1;
  if (r == 0) { /* a scalar reduces to itself */
    ml_onnx_define(im, 0, x);
    return mlirLogicalResultSuccess();
  }
  MlirValue y;
  if (plain) {
    y = ml_build_mlt_reduce(&im->b, reduce_ops[op].kind, x, na, axes, keep,
                            ml_tensor_type(ml_element_type(x), ro, out));
  } else {
    ML_ONNX_TRY(reduce_kept(im, op, x, na, axes, &y));
    y = ml_onnx_reshape(im, y, ro, out);
  }
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_arg(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue x;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  int64_t d[ML_ONNX_MAX_RANK], axis;
  intptr_t r = ml_shape_of(x, d);
  if (r == 0)
    return ml_onnx_error(im, "needs rank 1 or more");
  ML_ONNX_TRY(ml_onnx_axis(im, "axis", ml_onnx_attr_int(n, "axis", 0), r, &axis));
  bool keep = ml_onnx_attr_int(n, "keepdims", 1) != 0;
  bool last = ml_onnx_attr_int(n, "select_last_index", 0) != 0;
  intptr_t ro = 0;
  int64_t out[ML_ONNX_MAX_RANK];
  for (intptr_t i = 0; i < r; i++)
    if (i != axis)
      out[ro++] = d[i];
    else if (keep)
      out[ro++] = 1;
  MlirType i64 = mlirIntegerTypeGet(im->ctx, 64);
  const char *name = strcmp(n->op_type, "ArgMax") ? "mlt.argmin" : "mlt.argmax";
  ml_onnx_define(im, 0, ml_build_mlt_arg(&im->b, name, x, axis, keep, last,
                                         ml_tensor_type(i64, ro, out)));
  return mlirLogicalResultSuccess();
}

static const char *const reduce_attrs[] = {"axes", "keepdims",
                                           "noop_with_empty_axes", NULL};
static const char *const arg_attrs[] = {"axis", "keepdims",
                                        "select_last_index", NULL};

const MlOnnxOp ml_onnx_reduce_ops[] = {
    {"ReduceSum", import_reduce, reduce_attrs},
    {"ReduceMean", import_reduce, reduce_attrs},
    {"ReduceMax", import_reduce, reduce_attrs},
    {"ReduceMin", import_reduce, reduce_attrs},
    {"ReduceProd", import_reduce, reduce_attrs},
    {"ReduceL1", import_reduce, reduce_attrs},
    {"ReduceL2", import_reduce, reduce_attrs},
    {"ReduceSumSquare", import_reduce, reduce_attrs},
    {"ReduceLogSum", import_reduce, reduce_attrs},
    {"ReduceLogSumExp", import_reduce, reduce_attrs},
    {"ArgMax", import_arg, arg_attrs},
    {"ArgMin", import_arg, arg_attrs},
    {NULL, NULL, NULL},
};
