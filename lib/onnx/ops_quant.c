/* ops_quant: ONNX's QuantizeLinear and DequantizeLinear, int8 and per
 * tensor, as mlt.quantize / mlt.dequantize.
 *
 * The scale must be a known f32 scalar and the zero point a known scalar
 * of the quantized type: int8 (absent means 0 for DequantizeLinear of
 * int8), or int32 for DequantizeLinear of int32 (an accumulator). uint8 —
 * ONNX's type when QuantizeLinear has no zero point —, per-axis scales
 * (more than one element) and float8/int4/int16 are refused as
 * unsupported. The mlt ops round and saturate exactly as ONNX says (ties
 * to even, x / scale a true f32 division). */
#include <math.h>

#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinTypes.h"

enum {
  DT_FLOAT = ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT,
  DT_INT8 = ONNX__TENSOR_PROTO__DATA_TYPE__INT8,
  DT_INT32 = ONNX__TENSOR_PROTO__DATA_TYPE__INT32,
};

/* Input `index`, `what`, as a known per-tensor scalar. */
static MlirLogicalResult known_scalar(MlImporter *im, int index, const char *what,
                                      const MlOnnxTensor **t) {
  ML_ONNX_TRY(ml_onnx_known_input(im, index, t));
  if ((*t)->count != 1)
    return ml_onnx_error(im, "unsupported per-axis quantization: %s has %lld "
                             "elements (only a per-tensor scalar)",
                         what, (long long)(*t)->count);
  return mlirLogicalResultSuccess();
}

/* The scale (input 1): a known f32 scalar, finite and > 0. */
static MlirLogicalResult scale_of(MlImporter *im, const char *what, float *scale) {
  const MlOnnxTensor *t;
  ML_ONNX_TRY(known_scalar(im, 1, what, &t));
  if (t->dtype != DT_FLOAT)
    return ml_onnx_error(im, "unsupported element type %s for %s (float only)",
                         ml_onnx_dtype_name(t->dtype), what);
  *scale = ((const float *)t->data)[0];
  if (!(isfinite(*scale) && *scale > 0))
    return ml_onnx_error(im, "%s must be a finite number > 0, got %g", what,
                         (double)*scale);
  return mlirLogicalResultSuccess();
}

/* The zero point (input 2), a known scalar of type `dtype`; absent means
 * 0 when `absent_ok`. */
static MlirLogicalResult zero_point_of(MlImporter *im, const char *what,
                                       int32_t dtype, bool absent_ok,
                                       int32_t *zp) {
  *zp = 0;
  if (!ml_onnx_has_input(im, 2)) {
    if (absent_ok)
      return mlirLogicalResultSuccess();
    return ml_onnx_error(im, "unsupported element type UINT8: without %s the "
                             "result is uint8 (int8 quantization only)",
                         what);
  }
  const MlOnnxTensor *t;
  ML_ONNX_TRY(known_scalar(im, 2, what, &t));
  if (t->dtype != dtype)
    return ml_onnx_error(im, "unsupported element type %s for %s (%s only)",
                         ml_onnx_dtype_name(t->dtype), what,
                         ml_onnx_dtype_name(dtype));
  *zp = (int32_t)ml_onnx_tensor_int(t, 0);
  return mlirLogicalResultSuccess();
}

/* y = saturate(round_half_even(x / y_scale) + y_zero_point) as int8. */
static MlirLogicalResult import_quantize(MlImporter *im,
                                         const Onnx__NodeProto *n) {
  (void)n;
  MlirValue x;
  float scale;
  int32_t zp;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  ML_ONNX_TRY(ml_onnx_need_float(im, x));
  ML_ONNX_TRY(scale_of(im, "y_scale", &scale));
  ML_ONNX_TRY(zero_point_of(im, "y_zero_point", DT_INT8, false, &zp));
  ml_onnx_define(im, 0, ml_build_mlt_quantize(&im->b, x, scale, zp));
  return mlirLogicalResultSuccess();
}

/* y = (x - x_zero_point) * x_scale from int8 or int32 x. */
static MlirLogicalResult import_dequantize(MlImporter *im,
                                           const Onnx__NodeProto *n) {
  (void)n;
  MlirValue x;
  float scale;
  int32_t zp;
  ML_ONNX_TRY(ml_onnx_require(im, 0, &x));
  MlirType elt = ml_element_type(x);
  bool i8 = mlirTypeIsAInteger(elt) && mlirIntegerTypeGetWidth(elt) == 8;
  bool i32 = mlirTypeIsAInteger(elt) && mlirIntegerTypeGetWidth(elt) == 32;
  if (!i8 && !i32)
    return ml_onnx_error(im, "unsupported element type: DequantizeLinear "
                             "takes int8 or int32 x");
  ML_ONNX_TRY(scale_of(im, "x_scale", &scale));
  ML_ONNX_TRY(zero_point_of(im, "x_zero_point", i8 ? DT_INT8 : DT_INT32, true, &zp));
  ml_onnx_define(im, 0, ml_build_mlt_dequantize(&im->b, x, scale, zp));
  return mlirLogicalResultSuccess();
}

/* `axis` only selects the axis of per-axis scales, which are refused. */
static const char *const quant_attrs[] = {"axis", NULL};

const MlOnnxOp ml_onnx_quant_ops[] = {
    {"QuantizeLinear", import_quantize, quant_attrs},
    {"DequantizeLinear", import_dequantize, quant_attrs},
    {NULL, NULL, NULL},
};
