/* quant: one element of mlt.quantize and mlt.dequantize (int8, per-tensor
 * scale and zero point) in arith/math, for the elementwise nests and fused
 * groups (elementwise.c dispatches here).
 *
 * Both are written to be bit-identical to the C reference
 * (runtime/reference/ref_quant.c) however they are vectorized: every
 * rounding is one IEEE f32 operation with no freedom left to the compiler —
 * a true divf by the scale (no reciprocal: no fastmath flags anywhere), a
 * roundeven, compares and selects for the clamp, exact integer conversions,
 * and for dequantize one mulf marked ML_NO_CONTRACT_ATTR so --vectorize
 * never fuses it with a following addf into an FMA. */
#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

/* arith.cmpf predicates (arith's enum). */
enum { CMPF_OGT = 2, CMPF_OLT = 4, CMPF_UNO = 14 };

/* x as f32: f16/bf16 widen exactly, f64 rounds to nearest even. */
static MlirValue to_f32(const MlBuilder *b, MlirValue x) {
  MlirType t = mlirValueGetType(x), f32 = mlirF32TypeGet(b->ctx);
  if (mlirTypeIsAF32(t))
    return x;
  return ml_build_value_op(b, mlirTypeIsAF64(t) ? "arith.truncf" : "arith.extf",
                           1, &x, f32);
}

/* q = clamp(roundeven(x / scale), -128 - zp, 127 - zp) + zp as i8, NaN
 * giving zp. The clamp bounds are integers, so clamping in f32 after the
 * rounding saturates ±inf and huge quotients; the clamped value is an
 * integer in [-255, 255], exact through fptosi and the i32 add. */
MlirValue ml_quantize_scalar(const MlBuilder *b, MlirOperation op, MlirValue x,
                             MlirType result) {
  MlirType f32 = mlirF32TypeGet(b->ctx), i32 = mlirIntegerTypeGet(b->ctx, 32);
  int64_t zp = ml_attr_int(op, "zero_point");
  MlirValue scale = ml_build_scalar_constant(b, f32, ml_attr_float(op, "scale"));
  MlirValue d = ml_build_binary(b, "arith.divf", to_f32(b, x), scale);
  MlirValue r = ml_build_unary(b, "math.roundeven", d);
  MlirValue lo = ml_build_scalar_constant(b, f32, (double)(-128 - zp));
  MlirValue hi = ml_build_scalar_constant(b, f32, (double)(127 - zp));
  /* NaN fails both ordered compares and is replaced below. */
  r = ml_build_select(b, ml_build_cmpf(b, CMPF_OLT, r, lo), lo, r);
  r = ml_build_select(b, ml_build_cmpf(b, CMPF_OGT, r, hi), hi, r);
  r = ml_build_select(b, ml_build_cmpf(b, CMPF_UNO, d, d),
                      ml_build_scalar_constant(b, f32, 0), r);
  MlirValue i = ml_build_value_op(b, "arith.fptosi", 1, &r, i32);
  if (zp != 0)
    i = ml_build_binary(b, "arith.addi", i, ml_build_int_constant(b, i32, zp));
  return ml_build_value_op(b, "arith.trunci", 1, &i, result);
}

/* y = (f32)(q - zp) * scale: the difference in i32 for i8 and in i64 for
 * i32 (exact either way; none when zp = 0), sitofp (round to nearest even,
 * exact below 2^24), and one f32 multiply that must round on its own. */
MlirValue ml_dequantize_scalar(const MlBuilder *b, MlirOperation op, MlirValue q,
                               MlirType result) {
  MlirType t = mlirValueGetType(q);
  int64_t zp = ml_attr_int(op, "zero_point");
  MlirValue v = q;
  if (zp != 0) {
    MlirType wide = mlirIntegerTypeGet(b->ctx, mlirIntegerTypeGetWidth(t) == 8 ? 32 : 64);
    v = ml_build_value_op(b, "arith.extsi", 1, &q, wide);
    v = ml_build_binary(b, "arith.subi", v, ml_build_int_constant(b, wide, zp));
  }
  MlirValue f = ml_build_value_op(b, "arith.sitofp", 1, &v, result);
  MlirValue scale = ml_build_scalar_constant(b, result, ml_attr_float(op, "scale"));
  MlirValue y = ml_build_binary(b, "arith.mulf", f, scale);
  mlirOperationSetDiscardableAttributeByName(
      mlirOpResultGetOwner(y), mlirStringRefCreateFromCString(ML_NO_CONTRACT_ATTR),
      mlirUnitAttrGet(b->ctx));
  return y;
}
