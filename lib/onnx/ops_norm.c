/* ops_norm: ONNX's normalizations — BatchNormalization (inference),
 * InstanceNormalization, LayerNormalization, LpNormalization,
 * MeanVarianceNormalization — spelled out as mlt reductions and
 * elementwise ops, which --fuse groups again. */
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinTypes.h"

#include <string.h>

/* mean over `axes` with the dims kept. */
static MlirValue mean(MlImporter *im, MlirValue x, intptr_t na,
                      const int64_t *axes) {
  int64_t d[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  for (intptr_t i = 0; i < na; i++)
    d[axes[i]] = 1;
  return ml_build_mlt_reduce(&im->b, ML_REDUCE_MEAN, x, na, axes, true,
                             ml_tensor_type(ml_element_type(x), r, d));
}

/* A per-channel [C] parameter as [C, 1, ...] against x of rank r. */
static MlirLogicalResult per_channel(MlImporter *im, intptr_t k, MlirValue x,
                                     MlirValue *out) {
  int64_t d[ML_ONNX_MAX_RANK], cd[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  ML_ONNX_TRY(ml_onnx_require(im, k, out));
  if (ml_rank(*out) != 1 ||
      mlirShapedTypeGetDimSize(mlirValueGetType(*out), 0) != d[1])
    return ml_onnx_error(im, "input %ld must have shape [%lld]", (long)k,
                         (long long)d[1]);
  cd[0] = d[1];
  for (intptr_t i = 1; i < r - 1; i++)
    cd[i] = 1;
  *out = ml_onnx_reshape(im, *out, r - 1, cd);
  return mlirLogicalResultSuccess();
}

/* (x - mean) * rsqrt(var + eps) over `axes`; *m and *inv get the mean and
 * the rsqrt when not NULL. */
static MlirLogicalResult standardize(MlImporter *im, MlirValue x, intptr_t na,
                                     const int64_t *axes, double eps,
                                     MlirValue *out, MlirValue *m,
                                     MlirValue *inv) {
  MlirValue mu = mean(im, x, na, axes), dev, var, r;
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.sub", x, mu, &dev));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", dev, dev, &var));
  var = mean(im, var, na, axes);
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", var,
                     ml_onnx_scalar(im, ml_element_type(x), eps), &r));
  r = ml_build_mlt_unary(&im->b, "mlt.rsqrt", r);
  if (m)
    *m = mu;
  if (inv)
    *inv = r;
  return ml_onnx_binary(im, "mlt.mul", dev, r, out);
}

/* BatchNormalization at inference:
 * (x - mean) · scale / sqrt(var + epsilon) + bias, per channel (dim 1). */
static MlirLogicalResult import_batch_norm(MlImporter *im,
                                           const Onnx__NodeProto *n) {
  MlirValue x, p[4];
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_need_float(im, x));
  for (int i = 0; i < 4; i++)
    ML_ONNX_TRY(ml_onnx_require(im, i + 1, &p[i]));
  if (ml_onnx_attr_int(n, "training_mode", 0) || ml_onnx_num_outputs(im) > 1)
    return ml_onnx_error(im, "unsupported training mode (inference only)");
  if (!ml_onnx_attr_int(n, "spatial", 1))
    return ml_onnx_error(im, "unsupported spatial = 0");
  int64_t d[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  if (r < 2)
    return ml_onnx_error(im, "needs rank 2 or more (N, C, ...)");
  for (int i = 0; i < 4; i++)
    ML_ONNX_TRY(per_channel(im, i + 1, x, &p[i]));
  MlirType elt = ml_element_type(x);
  MlirValue eps = ml_onnx_scalar(im, elt, ml_onnx_attr_float(n, "epsilon", 1e-5f));
  MlirValue v, y;
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", p[3], eps, &v));
  v = ml_build_mlt_unary(&im->b, "mlt.rsqrt", v);
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", p[0], v, &v)); /* scale / sqrt(var+eps) */
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.sub", x, p[2], &y));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", y, v, &y));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", y, p[1], &y));
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

/* InstanceNormalization: per (n, c) over the spatial dims. */
static MlirLogicalResult import_instance_norm(MlImporter *im,
                                              const Onnx__NodeProto *n) {
  MlirValue x, scale, bias, y;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_need_float(im, x));
  intptr_t r = ml_rank(x);
  if (r < 3)
    return ml_onnx_error(im, "needs rank 3 or more (N, C, spatial...)");
  ML_ONNX_TRY(per_channel(im, 1, x, &scale));
  ML_ONNX_TRY(per_channel(im, 2, x, &bias));
  int64_t axes[ML_ONNX_MAX_RANK];
  for (intptr_t i = 2; i < r; i++)
    axes[i - 2] = i;
  ML_ONNX_TRY(standardize(im, x, r - 2, axes, ml_onnx_attr_float(n, "epsilon", 1e-5f),
                  &y, NULL, NULL));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", y, scale, &y));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", y, bias, &y));
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

/* LayerNormalization over dims axis..r-1: outputs Y, Mean, InvStdDev. */
static MlirLogicalResult import_layer_norm(MlImporter *im,
                                           const Onnx__NodeProto *n) {
  MlirValue x, scale;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_require(im, 1, &scale));
  ML_ONNX_TRY(ml_onnx_need_float(im, x));
  if (ml_onnx_attr_int(n, "stash_type", 1) != 1)
    return ml_onnx_error(im, "unsupported stash_type (float only)");
  int64_t d[ML_ONNX_MAX_RANK], axis, axes[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(x, d);
  ML_ONNX_TRY(ml_onnx_axis(im, "axis", ml_onnx_attr_int(n, "axis", -1), r, &axis));
  intptr_t na = 0;
  for (intptr_t i = axis; i < r; i++)
    axes[na++] = i;
  MlirValue mu, inv, y;
  ML_ONNX_TRY(standardize(im, x, na, axes, ml_onnx_attr_float(n, "epsilon", 1e-5f), &y,
                  &mu, &inv));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", y, scale, &y));
  if (ml_onnx_has_input(im, 2))
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", y, ml_onnx_input(im, 2), &y));
  ml_onnx_define(im, 0, y);
  ml_onnx_define(im, 1, mu);
  ml_onnx_define(im, 2, inv);
  return mlirLogicalResultSuccess();
}

/* LpNormalization: x / ||x||_p along one axis (p = 1 or 2). */
static MlirLogicalResult import_lp_norm(MlImporter *im,
                                        const Onnx__NodeProto *n) {
  MlirValue x, s, y;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_need_float(im, x));
  int64_t d[ML_ONNX_MAX_RANK], axis, p = ml_onnx_attr_int(n, "p", 2);
  intptr_t r = ml_shape_of(x, d);
  ML_ONNX_TRY(ml_onnx_axis(im, "axis", ml_onnx_attr_int(n, "axis", -1), r, &axis));
  if (p != 1 && p != 2)
    return ml_onnx_error(im, "unsupported p = %lld (1 or 2)", (long long)p);
  if (p == 1)
    s = ml_build_mlt_unary(&im->b, "mlt.abs", x);
  else
    ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", x, x, &s));
  d[axis] = 1;
  s = ml_build_mlt_reduce(&im->b, ML_REDUCE_SUM, s, 1, &axis, true,
                          ml_tensor_type(ml_element_type(x), r, d));
  if (p == 2)
    s = ml_build_mlt_unary(&im->b, "mlt.sqrt", s);
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.div", x, s, &y));
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

/* MeanVarianceNormalization, as ONNX's function body spells it:
 * (x - E[x]) / (sqrt(E[x²] - E[x]²) + 1e-9) over `axes` (default 0, 2, 3). */
static MlirLogicalResult import_mvn(MlImporter *im, const Onnx__NodeProto *n) {
  MlirValue x, sq, msq, var, y;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_need_float(im, x));
  intptr_t r = ml_rank(x), na;
  const int64_t *a = ml_onnx_attr_ints(n, "axes", &na);
  int64_t axes[ML_ONNX_MAX_RANK] = {0, 2, 3};
  bool seen[ML_ONNX_MAX_RANK] = {false};
  if (!a)
    na = 3;
  if (na > r)
    return ml_onnx_error(im, "more axes than dims");
  for (intptr_t i = 0; i < na; i++) {
    ML_ONNX_TRY(ml_onnx_axis(im, "axis", a ? a[i] : axes[i], r, &axes[i]));
    if (seen[axes[i]])
      return ml_onnx_error(im, "axis %lld is listed twice", (long long)axes[i]);
    seen[axes[i]] = true;
  }
  MlirValue mu = mean(im, x, na, axes);
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", x, x, &sq));
  msq = mean(im, sq, na, axes);
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.mul", mu, mu, &sq));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.sub", msq, sq, &var));
  var = ml_build_mlt_unary(&im->b, "mlt.sqrt", var);
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.add", var,
                     ml_onnx_scalar(im, ml_element_type(x), 1e-9), &var));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.sub", x, mu, &y));
  ML_ONNX_TRY(ml_onnx_binary(im, "mlt.div", y, var, &y));
  ml_onnx_define(im, 0, y);
  return mlirLogicalResultSuccess();
}

static const char *const bn_attrs[] = {"epsilon", "momentum", "training_mode",
                                       "spatial", "is_test", NULL};
static const char *const eps_attrs[] = {"epsilon", NULL};
static const char *const ln_attrs[] = {"axis", "epsilon", "stash_type", NULL};
static const char *const lp_attrs[] = {"axis", "p", NULL};
static const char *const axes_attrs[] = {"axes", NULL};

const MlOnnxOp ml_onnx_norm_ops[] = {
    {"BatchNormalization", import_batch_norm, bn_attrs},
    {"InstanceNormalization", import_instance_norm, eps_attrs},
    {"LayerNormalization", import_layer_norm, ln_attrs},
    {"LpNormalization", import_lp_norm, lp_attrs},
    {"MeanVarianceNormalization", import_mvn, axes_attrs},
    {NULL, NULL, NULL},
};
