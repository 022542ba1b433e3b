/* ops_elementwise: ONNX's elementwise ops (math, activations, Clip, Cast,
 * and the identities Identity/Dropout) as mlt elementwise ops. */
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinTypes.h"

#include <float.h>
#include <math.h>
#include <string.h>

static const char *const no_attrs[] = {NULL};

/* The mlt op for an ONNX unary op, and whether it needs floats. */
static const struct {
  const char *onnx, *mlt;
  bool float_only;
} unary_ops[] = {
    {"Relu", "mlt.relu", false},    {"Sigmoid", "mlt.sigmoid", true},
    {"Tanh", "mlt.tanh", true},     {"Exp", "mlt.exp", true},
    {"Log", "mlt.log", true},       {"Sqrt", "mlt.sqrt", true},
    {"Neg", "mlt.neg", false},      {"Abs", "mlt.abs", false},
    {"Erf", "mlt.erf", true},
};

static MlirLogicalResult import_unary(MlImporter *im,
                                      const Onnx__NodeProto *n) {
  MlirValue x;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)))
    return mlirLogicalResultFailure();
  for (size_t i = 0; i < sizeof unary_ops / sizeof *unary_ops; i++) {
    if (strcmp(unary_ops[i].onnx, n->op_type) != 0)
      continue;
    if (unary_ops[i].float_only &&
        mlirLogicalResultIsFailure(ml_onnx_need_float(im, x)))
      return mlirLogicalResultFailure();
    ml_onnx_define(im, 0, ml_build_mlt_unary(&im->b, unary_ops[i].mlt, x));
    return mlirLogicalResultSuccess();
  }
  return ml_onnx_error(im, "no unary mapping"); /* the table is wrong */
}

/* Reciprocal: 1 / x. */
static MlirLogicalResult import_reciprocal(MlImporter *im,
                                           const Onnx__NodeProto *n) {
  (void)n;
  MlirValue x, y;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)) ||
      mlirLogicalResultIsFailure(ml_onnx_need_float(im, x)))
    return mlirLogicalResultFailure();
  MlirValue one = ml_onnx_scalar(im, ml_element_type(x), 1.0);
  if (mlirLogicalResultIsFailure(ml_onnx_binary(im, "mlt.div", one, x, &y)))
    return mlirLogicalResultFailure();
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_leaky_relu(MlImporter *im,
                                           const Onnx__NodeProto *n) {
  MlirValue x;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)) ||
      mlirLogicalResultIsFailure(ml_onnx_need_float(im, x)))
    return mlirLogicalResultFailure();
  double alpha = ml_onnx_attr_float(n, "alpha", 0.01f);
  ml_onnx_define(im, 0, ml_build_mlt_leaky_relu(&im->b, x, alpha));
  return mlirLogicalResultSuccess();
}

/* The binary ops; Max, Min, Sum and Mean take any number of inputs. */
static const struct {
  const char *onnx, *mlt;
} binary_ops[] = {{"Add", "mlt.add"}, {"Sub", "mlt.sub"}, {"Mul", "mlt.mul"},
                  {"Div", "mlt.div"}, {"Max", "mlt.max"}, {"Min", "mlt.min"},
                  {"Sum", "mlt.add"}, {"Mean", "mlt.add"}};

/* Before opset 7, `broadcast = 1` with `axis` aligns y's dims with x's
 * from `axis` on (numpy aligns them at the end): y gains trailing 1s. */
static MlirLogicalResult legacy_broadcast(MlImporter *im, MlirValue x,
                                          MlirValue *y) {
  const Onnx__AttributeProto *axis = ml_onnx_attr(im->node, "axis");
  if (!ml_onnx_attr_int(im->node, "broadcast", 0) || !axis)
    return mlirLogicalResultSuccess();
  int64_t d[ML_ONNX_MAX_RANK], a;
  intptr_t rx = ml_rank(x), ry = ml_shape_of(*y, d);
  if (mlirLogicalResultIsFailure(ml_onnx_axis(im, "axis", axis->i, rx, &a)))
    return mlirLogicalResultFailure();
  if (a + ry > rx)
    return ml_onnx_error(im, "operand 1 of rank %ld does not fit at axis %lld",
                         (long)ry, (long long)a);
  for (intptr_t i = ry; i < rx - a; i++)
    d[i] = 1;
  *y = ml_onnx_reshape(im, *y, rx - a, d);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_binary(MlImporter *im,
                                       const Onnx__NodeProto *n) {
  const char *mlt = NULL;
  for (size_t i = 0; i < sizeof binary_ops / sizeof *binary_ops; i++)
    if (strcmp(binary_ops[i].onnx, n->op_type) == 0)
      mlt = binary_ops[i].mlt;
  MlirValue acc;
  if (!mlt || mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &acc)))
    return mlirLogicalResultFailure();
  for (size_t k = 1; k < n->n_input; k++) {
    MlirValue y;
    if (mlirLogicalResultIsFailure(ml_onnx_require(im, (intptr_t)k, &y)) ||
        mlirLogicalResultIsFailure(legacy_broadcast(im, acc, &y)) ||
        mlirLogicalResultIsFailure(ml_onnx_binary(im, mlt, acc, y, &acc)))
      return mlirLogicalResultFailure();
  }
  if (strcmp(n->op_type, "Mean") == 0 && n->n_input > 1) {
    if (mlirLogicalResultIsFailure(ml_onnx_need_float(im, acc)))
      return mlirLogicalResultFailure();
    MlirValue count = ml_onnx_scalar(im, ml_element_type(acc), (double)n->n_input);
    if (mlirLogicalResultIsFailure(
            ml_onnx_binary(im, "mlt.div", acc, count, &acc)))
      return mlirLogicalResultFailure();
  }
  ml_onnx_define(im, 0, acc);
  return mlirLogicalResultSuccess();
}

/* Pow: float base; the exponent is cast to the base's type. */
static MlirLogicalResult import_pow(MlImporter *im, const Onnx__NodeProto *n) {
  (void)n;
  MlirValue x, y, z;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)) ||
      mlirLogicalResultIsFailure(ml_onnx_require(im, 1, &y)) ||
      mlirLogicalResultIsFailure(ml_onnx_need_float(im, x)))
    return mlirLogicalResultFailure();
  if (!mlirTypeEqual(ml_element_type(x), ml_element_type(y))) {
    int64_t dims[ML_ONNX_MAX_RANK];
    intptr_t r = ml_shape_of(y, dims);
    y = ml_build_mlt_cast(&im->b, y, ml_tensor_type(ml_element_type(x), r, dims));
  }
  if (mlirLogicalResultIsFailure(ml_onnx_binary(im, "mlt.pow", x, y, &z)))
    return mlirLogicalResultFailure();
  ml_onnx_define(im, 0, z);
  return mlirLogicalResultSuccess();
}

/* A Clip bound: attribute `attr` (opset < 11) or input `k`; *have is false
 * when absent. Known bounds come back in *value, others in *v. */
static MlirLogicalResult clip_bound(MlImporter *im, const char *attr,
                                    intptr_t k, bool *have, bool *known,
                                    double *value, MlirValue *v) {
  const Onnx__AttributeProto *a = ml_onnx_attr(im->node, attr);
  *have = *known = false;
  if (a && a->has_f) {
    *have = *known = true;
    *value = a->f;
    return mlirLogicalResultSuccess();
  }
  if (!ml_onnx_has_input(im, k))
    return mlirLogicalResultSuccess();
  *have = true;
  *v = ml_onnx_input(im, k);
  if (ml_rank(*v) != 0 && !(ml_rank(*v) == 1 &&
                            mlirShapedTypeGetDimSize(mlirValueGetType(*v), 0) == 1))
    return ml_onnx_error(im, "bound %ld must be a scalar", (long)k);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_clip(MlImporter *im, const Onnx__NodeProto *n) {
  (void)n;
  MlirValue x, vlo = {NULL}, vhi = {NULL};
  bool has_lo, has_hi, known_lo, known_hi;
  double lo = -INFINITY, hi = INFINITY;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)) ||
      mlirLogicalResultIsFailure(
          clip_bound(im, "min", 1, &has_lo, &known_lo, &lo, &vlo)) ||
      mlirLogicalResultIsFailure(
          clip_bound(im, "max", 2, &has_hi, &known_hi, &hi, &vhi)))
    return mlirLogicalResultFailure();
  /* Known values in inputs are read through the value table. */
  MlirType elt = ml_element_type(x);
  const MlOnnxTensor *t;
  if (has_lo && !known_lo && ml_onnx_values_get(&im->values, n->input[1], false)->known) {
    if (mlirLogicalResultIsFailure(ml_onnx_known_input(im, 1, &t)))
      return mlirLogicalResultFailure();
    lo = ml_onnx_tensor_float(t, 0);
    known_lo = true;
  }
  if (has_hi && !known_hi && ml_onnx_values_get(&im->values, n->input[2], false)->known) {
    if (mlirLogicalResultIsFailure(ml_onnx_known_input(im, 2, &t)))
      return mlirLogicalResultFailure();
    hi = ml_onnx_tensor_float(t, 0);
    known_hi = true;
  }
  MlirValue y = x;
  if ((!has_lo || known_lo) && (!has_hi || known_hi) && mlirTypeIsAFloat(elt)) {
    if (has_lo || has_hi)
      y = ml_build_mlt_clamp(&im->b, x, has_lo ? lo : -FLT_MAX,
                             has_hi ? hi : FLT_MAX);
    ml_onnx_define(im, 0, y);
    return mlirLogicalResultSuccess();
  }
  /* Integer elements or bounds computed at run time: max, then min. */
  if (has_lo) {
    MlirValue b = known_lo ? ml_onnx_scalar(im, elt, lo) : vlo;
    if (mlirLogicalResultIsFailure(ml_onnx_binary(im, "mlt.max", y, b, &y)))
      return mlirLogicalResultFailure();
  }
  if (has_hi) {
    MlirValue b = known_hi ? ml_onnx_scalar(im, elt, hi) : vhi;
    if (mlirLogicalResultIsFailure(ml_onnx_binary(im, "mlt.min", y, b, &y)))
      return mlirLogicalResultFailure();
  }
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult import_cast(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue x;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)))
    return mlirLogicalResultFailure();
  int64_t to = ml_onnx_attr_int(n, "to", 0);
  MlirType elt = ml_onnx_element_type(im->ctx, (int32_t)to);
  if (strcmp(n->op_type, "CastLike") == 0) { /* the type of input 1 */
    MlirValue like;
    if (mlirLogicalResultIsFailure(ml_onnx_require(im, 1, &like)))
      return mlirLogicalResultFailure();
    elt = ml_element_type(like);
  }
  if (mlirTypeIsNull(elt))
    return ml_onnx_error(im, "unsupported element type %s",
                         ml_onnx_dtype_name((int32_t)to));
  int64_t dims[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, dims);
  if (!mlirTypeEqual(elt, ml_element_type(x)))
    x = ml_build_mlt_cast(&im->b, x, ml_tensor_type(elt, r, dims));
  ml_onnx_define(im, 0, x);
  return mlirLogicalResultSuccess();
}

/* Identity, and Dropout at inference (no mask, no training mode). */
static MlirLogicalResult import_identity(MlImporter *im,
                                         const Onnx__NodeProto *n) {
  MlirValue x;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)))
    return mlirLogicalResultFailure();
  if (strcmp(n->op_type, "Dropout") == 0) {
    if (ml_onnx_num_outputs(im) > 1)
      return ml_onnx_error(im, "unsupported output 'mask' (inference only)");
    if (ml_onnx_has_input(im, 2)) {
      const MlOnnxTensor *t;
      if (mlirLogicalResultIsFailure(ml_onnx_known_input(im, 2, &t)))
        return mlirLogicalResultFailure();
      if (t->count && ml_onnx_tensor_int(t, 0))
        return ml_onnx_error(im, "unsupported training_mode (inference only)");
    }
  }
  ml_onnx_define(im, 0, x);
  return mlirLogicalResultSuccess();
}

/* mlt.<name>(x, scalar c) with x's element type. */
static MlirLogicalResult with_scalar(MlImporter *im, const char *name,
                                     MlirValue x, double c, MlirValue *out) {
  return ml_onnx_binary(im, name, x, ml_onnx_scalar(im, ml_element_type(x), c), out);
}

/* relu(x) + alpha * (exp(min(x, 0) / scale) - 1): the negative branch of
 * Elu, Selu and Celu, exact for any alpha (ONNX's reference formula). */
static MlirLogicalResult exp_linear(MlImporter *im, MlirValue x, double alpha,
                                    double scale, MlirValue *out) {
  MlirValue neg, pos = ml_build_mlt_unary(&im->b, "mlt.relu", x);
  if (mlirLogicalResultIsFailure(with_scalar(im, "mlt.min", x, 0.0, &neg)) ||
      (scale != 1.0 &&
       mlirLogicalResultIsFailure(with_scalar(im, "mlt.div", neg, scale, &neg))))
    return mlirLogicalResultFailure();
  neg = ml_build_mlt_unary(&im->b, "mlt.exp", neg);
  if (mlirLogicalResultIsFailure(with_scalar(im, "mlt.sub", neg, 1.0, &neg)) ||
      mlirLogicalResultIsFailure(with_scalar(im, "mlt.mul", neg, alpha, &neg)))
    return mlirLogicalResultFailure();
  return ml_onnx_binary(im, "mlt.add", pos, neg, out);
}

/* The activations ONNX defines as formulas, spelled out in mlt ops. */
static MlirLogicalResult import_activation(MlImporter *im,
                                           const Onnx__NodeProto *n) {
  MlirValue x, y, t;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)) ||
      mlirLogicalResultIsFailure(ml_onnx_need_float(im, x)))
    return mlirLogicalResultFailure();
  const char *op = n->op_type;
  MlirLogicalResult r = mlirLogicalResultSuccess();
  if (!strcmp(op, "Elu")) {
    r = exp_linear(im, x, ml_onnx_attr_float(n, "alpha", 1.0f), 1.0, &y);
  } else if (!strcmp(op, "Selu")) {
    r = exp_linear(im, x, ml_onnx_attr_float(n, "alpha", 1.67326319217681884765625f),
                   1.0, &y);
    if (mlirLogicalResultIsSuccess(r))
      r = with_scalar(im, "mlt.mul", y,
                      ml_onnx_attr_float(n, "gamma", 1.05070102214813232421875f),
                      &y);
  } else if (!strcmp(op, "Celu")) {
    double alpha = ml_onnx_attr_float(n, "alpha", 1.0f);
    if (alpha <= 0)
      return ml_onnx_error(im, "alpha must be positive");
    r = exp_linear(im, x, alpha, alpha, &y);
  } else if (!strcmp(op, "HardSigmoid") || !strcmp(op, "HardSwish")) {
    bool swish = !strcmp(op, "HardSwish");
    double alpha = swish ? 1.0 / 6 : ml_onnx_attr_float(n, "alpha", 0.2f);
    double beta = swish ? 0.5 : ml_onnx_attr_float(n, "beta", 0.5f);
    r = with_scalar(im, "mlt.mul", x, alpha, &y);
    if (mlirLogicalResultIsSuccess(r))
      r = with_scalar(im, "mlt.add", y, beta, &y);
    if (mlirLogicalResultIsSuccess(r)) {
      y = ml_build_mlt_clamp(&im->b, y, 0.0, 1.0);
      if (swish)
        r = ml_onnx_binary(im, "mlt.mul", x, y, &y);
    }
  } else if (!strcmp(op, "Softplus") || !strcmp(op, "Mish")) {
    /* log(exp(x) + 1); Mish is x * tanh(softplus(x)) */
    y = ml_build_mlt_unary(&im->b, "mlt.exp", x);
    r = with_scalar(im, "mlt.add", y, 1.0, &y);
    if (mlirLogicalResultIsSuccess(r)) {
      y = ml_build_mlt_unary(&im->b, "mlt.log", y);
      if (!strcmp(op, "Mish"))
        r = ml_onnx_binary(im, "mlt.mul", x,
                           ml_build_mlt_unary(&im->b, "mlt.tanh", y), &y);
    }
  } else if (!strcmp(op, "Softsign")) { /* x / (1 + |x|) */
    r = with_scalar(im, "mlt.add", ml_build_mlt_unary(&im->b, "mlt.abs", x),
                    1.0, &t);
    if (mlirLogicalResultIsSuccess(r))
      r = ml_onnx_binary(im, "mlt.div", x, t, &y);
  } else { /* PRelu: relu(x) + slope * min(x, 0), slope broadcast to x */
    MlirValue slope;
    r = ml_onnx_require(im, 1, &slope);
    int64_t d[ML_ONNX_MAX_RANK], c[ML_ONNX_MAX_RANK];
    intptr_t rank = ml_shape_of(x, d);
    if (mlirLogicalResultIsSuccess(r) && im->opset < 7 && rank > 2 &&
        ml_rank(slope) == 1 && ml_shape_of(slope, c) && c[0] == d[1]) {
      /* before opset 7 a [C] slope applies along dim 1 */
      for (intptr_t i = 1; i < rank - 1; i++)
        c[i] = 1;
      slope = ml_onnx_reshape(im, slope, rank - 1, c);
    }
    if (mlirLogicalResultIsSuccess(r))
      r = with_scalar(im, "mlt.min", x, 0.0, &t);
    if (mlirLogicalResultIsSuccess(r))
      r = ml_onnx_binary(im, "mlt.mul", t, slope, &t);
    if (mlirLogicalResultIsSuccess(r))
      r = ml_onnx_binary(im, "mlt.add", ml_build_mlt_unary(&im->b, "mlt.relu", x),
                         t, &y);
    if (mlirLogicalResultIsSuccess(r) &&
        !mlirTypeEqual(mlirValueGetType(y), mlirValueGetType(x)))
      return ml_onnx_error(im, "slope must broadcast to the input's shape");
  }
  if (mlirLogicalResultIsFailure(r))
    return r;
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

/* Equal, Less, Greater, LessOrEqual, GreaterOrEqual: mlt.cmp (bool). */
static const struct {
  const char *onnx;
  int pred;
} compare_ops[] = {{"Equal", ML_CMP_EQ},       {"Less", ML_CMP_LT},
                   {"Greater", ML_CMP_GT},     {"LessOrEqual", ML_CMP_LE},
                   {"GreaterOrEqual", ML_CMP_GE}};

static MlirLogicalResult import_compare(MlImporter *im,
                                        const Onnx__NodeProto *n) {
  MlirValue x, y;
  MlirType t;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)) ||
      mlirLogicalResultIsFailure(ml_onnx_require(im, 1, &y)))
    return mlirLogicalResultFailure();
  if (!mlirTypeEqual(ml_element_type(x), ml_element_type(y)))
    return ml_onnx_error(im, "operand element types differ");
  if (mlirTypeIsAInteger(ml_element_type(x)) &&
      mlirIntegerTypeGetWidth(ml_element_type(x)) == 1)
    return ml_onnx_error(im, "unsupported element type: comparing bools");
  if (mlirLogicalResultIsFailure(ml_onnx_broadcast(
          im, x, y, mlirIntegerTypeGet(im->ctx, 1), &t)))
    return mlirLogicalResultFailure();
  int pred = ML_CMP_EQ;
  for (size_t i = 0; i < sizeof compare_ops / sizeof *compare_ops; i++)
    if (!strcmp(compare_ops[i].onnx, n->op_type))
      pred = compare_ops[i].pred;
  ml_onnx_define(im, 0, ml_build_mlt_cmp(&im->b, pred, x, y, t));
  return mlirLogicalResultSuccess();
}

/* Not, And, Or, Xor on bools. */
static MlirLogicalResult import_logic(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue x, y;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &x)))
    return mlirLogicalResultFailure();
  MlirType elt = ml_element_type(x);
  if (!mlirTypeIsAInteger(elt) || mlirIntegerTypeGetWidth(elt) != 1)
    return ml_onnx_error(im, "needs bool operands");
  if (!strcmp(n->op_type, "Not")) {
    ml_onnx_define(im, 0, ml_build_mlt_unary(&im->b, "mlt.not", x));
    return mlirLogicalResultSuccess();
  }
  const char *name = !strcmp(n->op_type, "And") ? "mlt.and"
                     : !strcmp(n->op_type, "Or") ? "mlt.or" : "mlt.xor";
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 1, &y)) ||
      mlirLogicalResultIsFailure(ml_onnx_binary(im, name, x, y, &y)))
    return mlirLogicalResultFailure();
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

/* Where: mlt.select with the three-way broadcast shape. */
static MlirLogicalResult import_where(MlImporter *im, const Onnx__NodeProto *n) {
  (void)n;
  MlirValue c, x, y;
  MlirType t;
  if (mlirLogicalResultIsFailure(ml_onnx_require(im, 0, &c)) ||
      mlirLogicalResultIsFailure(ml_onnx_require(im, 1, &x)) ||
      mlirLogicalResultIsFailure(ml_onnx_require(im, 2, &y)))
    return mlirLogicalResultFailure();
  MlirType ce = ml_element_type(c);
  if (!mlirTypeIsAInteger(ce) || mlirIntegerTypeGetWidth(ce) != 1)
    return ml_onnx_error(im, "the condition must be bool");
  if (!mlirTypeEqual(ml_element_type(x), ml_element_type(y)))
    return ml_onnx_error(im, "operand element types differ");
  if (mlirLogicalResultIsFailure(
          ml_onnx_broadcast(im, x, y, ml_element_type(x), &t)))
    return mlirLogicalResultFailure();
  if (mlirLogicalResultIsFailure(ml_onnx_broadcast_types(
          im, mlirValueGetType(c), t, ml_element_type(x), &t)))
    return mlirLogicalResultFailure();
  ml_onnx_define(im, 0, ml_build_mlt_select(&im->b, c, x, y, t));
  return mlirLogicalResultSuccess();
}

static const char *const leaky_attrs[] = {"alpha", NULL};
static const char *const legacy_attrs[] = {"broadcast", "axis", NULL};
static const char *const selu_attrs[] = {"alpha", "gamma", NULL};
static const char *const hard_sigmoid_attrs[] = {"alpha", "beta", NULL};
static const char *const clip_attrs[] = {"min", "max", NULL};
static const char *const cast_attrs[] = {"to", NULL};
static const char *const dropout_attrs[] = {"ratio", "seed", "is_test", NULL};

const MlOnnxOp ml_onnx_elementwise_ops[] = {
    {"Relu", import_unary, no_attrs},
    {"Sigmoid", import_unary, no_attrs},
    {"Tanh", import_unary, no_attrs},
    {"Exp", import_unary, no_attrs},
    {"Log", import_unary, no_attrs},
    {"Sqrt", import_unary, no_attrs},
    {"Neg", import_unary, no_attrs},
    {"Abs", import_unary, no_attrs},
    {"Erf", import_unary, no_attrs},
    {"Reciprocal", import_reciprocal, no_attrs},
    {"LeakyRelu", import_leaky_relu, leaky_attrs},
    {"PRelu", import_activation, no_attrs},
    {"Elu", import_activation, leaky_attrs},
    {"Selu", import_activation, selu_attrs},
    {"Celu", import_activation, leaky_attrs},
    {"HardSigmoid", import_activation, hard_sigmoid_attrs},
    {"HardSwish", import_activation, no_attrs},
    {"Softplus", import_activation, no_attrs},
    {"Softsign", import_activation, no_attrs},
    {"Mish", import_activation, no_attrs},
    {"Add", import_binary, legacy_attrs},
    {"Sub", import_binary, legacy_attrs},
    {"Mul", import_binary, legacy_attrs},
    {"Div", import_binary, legacy_attrs},
    {"Max", import_binary, no_attrs},
    {"Min", import_binary, no_attrs},
    {"Sum", import_binary, no_attrs},
    {"Mean", import_binary, no_attrs},
    {"Pow", import_pow, no_attrs},
    {"Equal", import_compare, no_attrs},
    {"Less", import_compare, no_attrs},
    {"Greater", import_compare, no_attrs},
    {"LessOrEqual", import_compare, no_attrs},
    {"GreaterOrEqual", import_compare, no_attrs},
    {"Not", import_logic, no_attrs},
    {"And", import_logic, no_attrs},
    {"Or", import_logic, no_attrs},
    {"Xor", import_logic, no_attrs},
    {"Where", import_where, no_attrs},
    {"Clip", import_clip, clip_attrs},
    {"Cast", import_cast, cast_attrs},
    {"CastLike", import_cast, no_attrs},
    {"Identity", import_identity, no_attrs},
    {"Dropout", import_identity, dropout_attrs},
    {NULL, NULL, NULL},
};
