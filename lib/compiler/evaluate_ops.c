/* evaluate_ops: one mlt op through its plain-C reference function.
 *
 * Reads the op's attributes, calls the ml_ref_* function of its family and
 * says which tolerance class its result belongs to, with the reduction
 * length K and the operand scale the class's atol is multiplied by. */
#include "compiler/evaluate_ops.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Diagnostics.h"

typedef struct Named {
  const char *name;
  int kind;
} Named;

static const Named binary_ops[] = {
    {"add", ML_REF_ADD}, {"sub", ML_REF_SUB}, {"mul", ML_REF_MUL},
    {"div", ML_REF_DIV}, {"max", ML_REF_MAX}, {"min", ML_REF_MIN},
    {"pow", ML_REF_POW}, {NULL, 0}};

static const Named logic_ops[] = {
    {"and", ML_REF_AND}, {"or", ML_REF_OR}, {"xor", ML_REF_XOR}, {NULL, 0}};

static const Named unary_ops[] = {
    {"relu", ML_REF_RELU}, {"sigmoid", ML_REF_SIGMOID}, {"tanh", ML_REF_TANH},
    {"gelu", ML_REF_GELU}, {"exp", ML_REF_EXP},         {"log", ML_REF_LOG},
    {"sqrt", ML_REF_SQRT}, {"rsqrt", ML_REF_RSQRT},     {"neg", ML_REF_NEG},
    {"abs", ML_REF_ABS},   {"erf", ML_REF_ERF},         {NULL, 0}};

/* The kind of `name` in `table`, or -1. */
static int lookup(const Named *table, const char *name) {
  for (; table->name; table++)
    if (!strcmp(table->name, name))
      return table->kind;
  return -1;
}

/* Product of dims [from, to) of `t`. */
static int64_t dims(const MlRefTensor *t, int from, int to) {
  int64_t p = 1;
  for (int d = from; d < to; d++)
    p *= t->shape[d];
  return p;
}

/* Stores element `i` of `out`: `f` for a float dtype, else `n`. */
static void store(MlRefTensor *out, int64_t i, double f, int64_t n) {
  switch (out->dtype) {
  case ML_REF_F32: ((float *)out->data)[i] = (float)f; break;
  case ML_REF_F64: ((double *)out->data)[i] = f; break;
  case ML_REF_F16: ((uint16_t *)out->data)[i] = ml_ref_f32_to_f16((float)f); break;
  case ML_REF_BF16: ((uint16_t *)out->data)[i] = ml_ref_f32_to_bf16((float)f); break;
  case ML_REF_I8: ((int8_t *)out->data)[i] = (int8_t)n; break;
  case ML_REF_I32: ((int32_t *)out->data)[i] = (int32_t)n; break;
  case ML_REF_I64: ((int64_t *)out->data)[i] = n; break;
  case ML_REF_I1: ((uint8_t *)out->data)[i] = n != 0; break;
  }
}

/* mlt.constant: a splat or dense elements attribute copied into `out`. */
static int constant(MlirOperation op, MlRefTensor *out) {
  MlirAttribute a = ml_attr(op, "value");
  int64_t n = ml_ref_numel(out);
  if (!mlirAttributeIsADenseElements(a)) {
    mlirEmitError(mlirOperationGetLocation(op),
                  "--check reads only dense constants; this attribute kind "
                  "has no reference value");
    return ML_EVAL_REPORTED;
  }
  if (mlirDenseElementsAttrIsSplat(a)) {
    MlirAttribute s = mlirDenseElementsAttrGetSplatValue(a);
    bool fp = ml_ref_dtype_is_float(out->dtype);
    double f = fp ? mlirFloatAttrGetValueDouble(s) : 0;
    int64_t v = fp ? 0 : mlirIntegerAttrGetValueInt(s);
    for (int64_t i = 0; i < n; i++)
      store(out, i, f, v);
    return ML_REF_OK;
  }
  if (out->dtype == ML_REF_I1) { /* MLIR packs i1 elements as bits */
    for (int64_t i = 0; i < n; i++)
      store(out, i, 0, mlirDenseElementsAttrGetBoolValue(a, i));
    return ML_REF_OK;
  }
  /* Dense storage is row-major at the element's natural size (f16/bf16
   * as their bits), exactly MlRefTensor's layout. */
  if (n) /* an empty attribute's raw data is NULL */
    memcpy(out->data, mlirDenseElementsAttrGetRawData(a),
           (size_t)n * (size_t)ml_ref_dtype_size(out->dtype));
  return ML_REF_OK;
}

MlirAttribute ml_eval_dense_attr(MlirType type, const MlRefTensor *t) {
  int64_t n = ml_ref_numel(t);
  if (n < 0 || n > INT32_MAX)
    return mlirAttributeGetNull();
  if (t->dtype != ML_REF_I1)
    return mlirDenseElementsAttrRawBufferGet(
        type, (size_t)n * (size_t)ml_ref_dtype_size(t->dtype), t->data);
  int *bits = malloc((size_t)(n ? n : 1) * sizeof *bits);
  if (!bits)
    abort();
  for (int64_t i = 0; i < n; i++)
    bits[i] = ((const uint8_t *)t->data)[i] != 0;
  MlirAttribute a = mlirDenseElementsAttrBoolGet(type, (intptr_t)n, bits);
  free(bits);
  return a;
}

static int conv2d(MlirOperation op, const MlRefTensor *in, MlRefTensor *out,
                  MlEvalHow *how) {
  int64_t strides[2], padding[4], dilations[2];
  ml_attr_i64s(op, "strides", strides, 2);
  ml_attr_i64s(op, "padding", padding, 4);
  ml_attr_i64s(op, "dilations", dilations, 2);
  MlRefLayout layout = ml_attr_int(op, "layout") ? ML_REF_NHWC : ML_REF_NCHW;
  /* K: the filter's per-group input channels times its window */
  how->k = layout == ML_REF_NCHW ? dims(&in[1], 1, 4) : dims(&in[1], 0, 3);
  how->cls = ML_REF_CLASS_REDUCTION;
  how->scale = ml_ref_scale(&in[0]) * ml_ref_scale(&in[1]);
  return ml_ref_conv2d(&in[0], &in[1], layout, strides, padding, dilations,
                       ml_attr_int(op, "groups"), out);
}

static int reduce(MlirOperation op, const MlRefTensor *in, MlRefTensor *out,
                  MlEvalHow *how) {
  int64_t axes[ML_REF_MAX_RANK];
  intptr_t n = ml_attr_i64s(op, "axes", axes, ML_REF_MAX_RANK);
  if (n > ML_REF_MAX_RANK)
    return ML_REF_ERR_ATTR;
  MlRefReduceKind kind = (MlRefReduceKind)ml_attr_int(op, "kind");
  how->cls = ml_ref_reduce_class(kind);
  how->k = 1;
  for (intptr_t i = 0; i < n; i++)
    how->k *= in->shape[axes[i] < 0 ? axes[i] + in->rank : axes[i]];
  if (how->cls == ML_REF_CLASS_REDUCTION)
    how->scale = ml_ref_scale(in);
  return ml_ref_reduce(kind, in, axes, (int)n, ml_attr_flag(op, "keepdims"),
                       out);
}

static int pool2d(MlirOperation op, const MlRefTensor *in, MlRefTensor *out,
                  MlEvalHow *how) {
  int64_t kernel[2], strides[2], padding[4];
  ml_attr_i64s(op, "kernel", kernel, 2);
  ml_attr_i64s(op, "strides", strides, 2);
  ml_attr_i64s(op, "padding", padding, 4);
  MlRefPoolKind kind = ml_attr_int(op, "kind") ? ML_REF_POOL_AVG : ML_REF_POOL_MAX;
  if (kind == ML_REF_POOL_AVG) {
    how->cls = ML_REF_CLASS_REDUCTION;
    how->k = kernel[0] * kernel[1];
    how->scale = ml_ref_scale(in);
  }
  return ml_ref_pool2d(kind, in,
                       ml_attr_int(op, "layout") ? ML_REF_NHWC : ML_REF_NCHW,
                       kernel, strides, padding, out);
}

static int softmax(MlirOperation op, const MlRefTensor *in, MlRefTensor *out,
                   MlEvalHow *how) {
  int64_t axis = ml_attr_int(op, "axis");
  how->cls = ML_REF_CLASS_SOFTMAX;
  how->k = in->rank ? in->shape[axis < 0 ? axis + in->rank : axis] : 1;
  return ml_ref_softmax(in, axis, out);
}

/* argmax / argmin: positions along the axis (evaluate.c's chain rule
 * says how exactly they are compared). */
static int arg_reduce(MlirOperation op, MlRefArgKind kind, const MlRefTensor *in,
                      MlRefTensor *out, MlEvalHow *how) {
  int64_t axis = ml_attr_int(op, "axis");
  if (in->rank >= 1 && axis >= -in->rank && axis < in->rank)
    how->positions = in->shape[axis < 0 ? axis + in->rank : axis];
  return ml_ref_arg_reduce(kind, in, axis,
                           ml_attr_flag(op, "keepdims"),
                           ml_attr_flag(op, "select_last"), out);
}

/* `in` broadcast to `shape`'s dims and converted to f64 (the caller frees
 * t->data); false if that fails. */
static bool as_f64(const MlRefTensor *in, const MlRefTensor *shape,
                   MlRefTensor *t) {
  MlRefTensor wide = *shape;
  wide.dtype = in->dtype;
  *t = *shape;
  t->dtype = ML_REF_F64;
  size_t n = (size_t)ml_ref_numel(shape);
  wide.data = calloc(n ? n : 1, (size_t)ml_ref_dtype_size(in->dtype));
  t->data = calloc(n ? n : 1, sizeof(double));
  bool ok = wide.data && t->data && ml_ref_broadcast(in, &wide) == ML_REF_OK &&
            ml_ref_cast(&wide, t) == ML_REF_OK;
  free(wide.data);
  return ok;
}

/* The largest |x - y| over select's broadcast `out`: the most a flipped
 * condition can move an element (infinite when x or y is not finite). */
static double spread(const MlRefTensor *x, const MlRefTensor *y,
                     const MlRefTensor *out) {
  MlRefTensor dx, dy;
  double worst = 0;
  bool okx = as_f64(x, out, &dx), oky = as_f64(y, out, &dy), ok = okx && oky;
  for (int64_t i = 0; ok && i < ml_ref_numel(out); i++) {
    double e = fabs(((double *)dx.data)[i] - ((double *)dy.data)[i]);
    worst = isnan(e) ? INFINITY : e > worst ? e : worst;
  }
  free(dx.data);
  free(dy.data);
  return ok ? worst : INFINITY;
}

static int slice(MlirOperation op, const MlRefTensor *in, MlRefTensor *out) {
  int64_t offsets[ML_REF_MAX_RANK], strides[ML_REF_MAX_RANK];
  if (ml_attr_i64s(op, "offsets", offsets, ML_REF_MAX_RANK) != in->rank ||
      ml_attr_i64s(op, "strides", strides, ML_REF_MAX_RANK) != in->rank)
    return ML_REF_ERR_ATTR;
  return ml_ref_slice(in, offsets, strides, out);
}

int ml_eval_mlt_op(MlirOperation op, const char *name, const MlRefTensor *in,
                   intptr_t n, MlRefTensor *out, MlEvalHow *how) {
  *how = (MlEvalHow){ML_REF_CLASS_EXACT, 0, 1.0, 0, 0, 0, 0};
  int kind;
  if ((kind = lookup(binary_ops, name)) >= 0 && n == 2) {
    how->cls = ml_ref_binary_class((MlRefBinaryKind)kind);
    return ml_ref_binary((MlRefBinaryKind)kind, &in[0], &in[1], out);
  }
  if ((kind = lookup(logic_ops, name)) >= 0 && n == 2)
    return ml_ref_logic((MlRefLogicKind)kind, &in[0], &in[1], out);
  if (!strcmp(name, "not") && n == 1)
    return ml_ref_not(in, out);
  if (!strcmp(name, "cmp") && n == 2) {
    how->positions = 2; /* false or true: unchecked from inexact operands */
    return ml_ref_cmp((MlRefCmpKind)ml_attr_int(op, "predicate"), &in[0],
                      &in[1], out);
  }
  if (!strcmp(name, "select") && n == 3) {
    int status = ml_ref_select(&in[0], &in[1], &in[2], out);
    if (status == ML_REF_OK)
      how->either = spread(&in[1], &in[2], out);
    return status;
  }
  if ((kind = lookup(unary_ops, name)) >= 0 && n == 1) {
    how->cls = ml_ref_unary_class((MlRefUnaryKind)kind);
    return ml_ref_unary((MlRefUnaryKind)kind, in, out);
  }
  if (!strcmp(name, "matmul") || !strcmp(name, "batch_matmul")) {
    how->cls = ML_REF_CLASS_REDUCTION;
    how->k = in[0].shape[in[0].rank - 1];
    how->scale = ml_ref_scale(&in[0]) * ml_ref_scale(&in[1]);
    return name[0] == 'm' ? ml_ref_matmul(&in[0], &in[1], out)
                          : ml_ref_batch_matmul(&in[0], &in[1], out);
  }
  if (!strcmp(name, "conv2d"))
    return conv2d(op, in, out, how);
  if (!strcmp(name, "reduce"))
    return reduce(op, in, out, how);
  if (!strcmp(name, "pool2d"))
    return pool2d(op, in, out, how);
  if (!strcmp(name, "softmax"))
    return softmax(op, in, out, how);
  if (!strcmp(name, "clamp"))
    return ml_ref_clamp(in, ml_attr_float(op, "min"), ml_attr_float(op, "max"),
                        out);
  if (!strcmp(name, "cast"))
    return ml_ref_cast(in, out);
  if (!strcmp(name, "leaky_relu")) {
    how->cls = ML_REF_CLASS_ELEMENTWISE; /* one correctly rounded multiply */
    return ml_ref_leaky_relu(in, ml_attr_float(op, "alpha"), out);
  }
  /* quantize/dequantize: exact (bit-identical f32 steps); evaluate.c's
   * chain rule widens them for inexact inputs by their scale. */
  if (!strcmp(name, "quantize") && n == 1) {
    how->quantize_step = ml_attr_float(op, "scale");
    return ml_ref_quantize(in, (float)how->quantize_step,
                           (int32_t)ml_attr_int(op, "zero_point"), out);
  }
  if (!strcmp(name, "dequantize") && n == 1) {
    how->dequantize_step = ml_attr_float(op, "scale");
    return ml_ref_dequantize(in, (float)how->dequantize_step,
                             (int32_t)ml_attr_int(op, "zero_point"), out);
  }
  if (!strcmp(name, "argmax"))
    return arg_reduce(op, ML_REF_ARGMAX, in, out, how);
  if (!strcmp(name, "argmin"))
    return arg_reduce(op, ML_REF_ARGMIN, in, out, how);
  if (!strcmp(name, "transpose")) {
    int64_t perm[ML_REF_MAX_RANK];
    if (ml_attr_i64s(op, "perm", perm, ML_REF_MAX_RANK) > ML_REF_MAX_RANK)
      return ML_REF_ERR_ATTR;
    return ml_ref_transpose(in, perm, out);
  }
  if (!strcmp(name, "reshape"))
    return ml_ref_reshape(in, out);
  if (!strcmp(name, "broadcast"))
    return ml_ref_broadcast(in, out);
  if (!strcmp(name, "concat"))
    return ml_ref_concat(in, (int)n, ml_attr_int(op, "axis"), out);
  if (!strcmp(name, "slice"))
    return slice(op, in, out);
  if (!strcmp(name, "gather") && n == 2)
    return ml_ref_gather(&in[0], &in[1], ml_attr_int(op, "axis"), out);
  if (!strcmp(name, "constant"))
    return constant(op, out);
  return ML_EVAL_UNKNOWN;
}
