/* ref_quant: mlt.quantize and mlt.dequantize (int8, per-tensor scale and
 * zero point; ONNX QuantizeLinear / DequantizeLinear).
 *
 * Unlike the rest of the reference, these are not computed in double: the
 * ops are *defined* as a sequence of f32 operations (one division or one
 * multiply, each rounded to nearest even), and the compiled code must match
 * them bit for bit. Each step below is one correctly rounded f32 operation
 * (the casts force the rounding whatever FLT_EVAL_METHOD is), no step is a
 * multiply-add that could be contracted (and FP_CONTRACT is off anyway),
 * and rounding half to even is done by hand so the result does not depend
 * on the floating-point environment's rounding mode. */
#include <math.h>

#include "ref_internal.h"

#pragma STDC FP_CONTRACT OFF

/* v rounded to the nearest integer, ties to even (C23's roundevenf). */
static float round_half_even(float v) {
  if (!(fabsf(v) < 0x1p23f)) /* already an integer, ±inf or NaN */
    return v;
  float f = floorf(v);
  float frac = v - f; /* exact: both below 2^23 */
  if (frac > 0.5f || (frac == 0.5f && fmodf(f, 2.0f) != 0.0f))
    f += 1.0f;
  return f;
}

/* Checks what both ops share: descriptors, shapes and a finite scale > 0. */
static int check(const MlRefTensor *in, float scale, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (!ml_ref_same_shape(in, out))
    return ML_REF_ERR_SHAPE;
  if (!(isfinite(scale) && scale > 0.0f))
    return ML_REF_ERR_ATTR;
  return ML_REF_OK;
}

/* One element: r = roundeven(x / scale) in f32, clamped to [-128 - zp,
 * 127 - zp] (integers, so ±inf saturate), plus zp; NaN gives zp. */
static int8_t quantize_one(float x, float scale, int32_t zp) {
  float d = (float)(x / scale);
  if (isnan(d))
    return (int8_t)zp;
  float r = round_half_even(d);
  float lo = (float)(-128 - zp), hi = (float)(127 - zp);
  r = r < lo ? lo : r > hi ? hi : r;
  return (int8_t)((int32_t)r + zp); /* in [-128, 127] */
}

int ml_ref_quantize(const MlRefTensor *in, float scale, int32_t zero_point,
                    MlRefTensor *out) {
  int status = check(in, scale, out);
  if (status)
    return status;
  if (!ml_ref_dtype_is_float(in->dtype) || out->dtype != ML_REF_I8)
    return ML_REF_ERR_DTYPE;
  if (zero_point < -128 || zero_point > 127)
    return ML_REF_ERR_ATTR;
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    /* f16/bf16 are exact in f32; f64 rounds to nearest even */
    float x = (float)ml_ref_load_f(in, i);
    ((int8_t *)out->data)[i] = quantize_one(x, scale, zero_point);
  }
  return ML_REF_OK;
}

int ml_ref_dequantize(const MlRefTensor *in, float scale, int32_t zero_point,
                      MlRefTensor *out) {
  int status = check(in, scale, out);
  if (status)
    return status;
  if ((in->dtype != ML_REF_I8 && in->dtype != ML_REF_I32) ||
      out->dtype != ML_REF_F32)
    return ML_REF_ERR_DTYPE;
  if (in->dtype == ML_REF_I8 && (zero_point < -128 || zero_point > 127))
    return ML_REF_ERR_ATTR;
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t d = ml_ref_load_i(in, i) - (int64_t)zero_point; /* exact */
    /* to f32 rounded once (through a round-to-odd double), then one f32
     * multiply */
    float f = (float)ml_ref_int_to_double_odd(d);
    ((float *)out->data)[i] = (float)(f * scale);
  }
  return ML_REF_OK;
}
