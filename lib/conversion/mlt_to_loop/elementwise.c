/* elementwise: mlt's binary (broadcasting), unary, leaky_relu, clamp, cast,
 * quantize/dequantize (one element in quant.c), broadcast, cmp, select and
 * not/and/or/xor ops, each as one parallel loop nest over the result that
 * loads the operands' elements, computes with arith/math, and stores. i1
 * elements are arith's i1 (a byte each in memory once lowered to LLVM). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

/* Loads `operand`'s element for the nest's current position. */
static MlirValue load_broadcast(const MlNest *nest, MlirValue operand) {
  MlirValue idx[8];
  intptr_t r = ml_broadcast_indices(nest, operand, idx);
  return ml_build_load(&nest->inner, operand, r, idx);
}

static void store(const MlNest *nest, MlirValue value, MlirValue dest) {
  ml_build_store(&nest->inner, value, dest, nest->rank, nest->ivs);
}

/* The arith/math op for a binary mlt op on float or integer elements. */
static const char *binary_op(MlirOperation op, bool fp) {
  static const struct {
    const char *mlt, *f, *i;
  } table[] = {{"add", "arith.addf", "arith.addi"},
               {"sub", "arith.subf", "arith.subi"},
               {"mul", "arith.mulf", "arith.muli"},
               {"div", "arith.divf", "arith.divsi"},
               {"max", "arith.maximumf", "arith.maxsi"},
               {"min", "arith.minimumf", "arith.minsi"},
               {"pow", "math.powf", NULL},
               {"and", NULL, "arith.andi"},
               {"or", NULL, "arith.ori"},
               {"xor", NULL, "arith.xori"}};
  for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
    if (ml_op_is(op, table[k].mlt))
      return fp ? table[k].f : table[k].i;
  return NULL;
}

/* One element of a unary op; NULL name means not a unary op. */
static MlirValue unary(const MlBuilder *b, MlirOperation op, MlirValue x,
                       bool *known) {
  MlirType t = mlirValueGetType(x);
  bool fp = ml_is_float(t);
  *known = true;
  if (ml_op_is(op, "relu"))
    return ml_build_binary(b, fp ? "arith.maximumf" : "arith.maxsi", x,
                           ml_build_scalar_constant(b, t, 0));
  if (ml_op_is(op, "neg"))
    return fp ? ml_build_unary(b, "arith.negf", x)
              : ml_build_binary(b, "arith.subi", ml_build_scalar_constant(b, t, 0), x);
  if (ml_op_is(op, "abs"))
    return ml_build_unary(b, fp ? "math.absf" : "math.absi", x);
  if (ml_op_is(op, "sigmoid")) { /* 1 / (1 + exp(-x)) */
    MlirValue one = ml_build_scalar_constant(b, t, 1);
    MlirValue e = ml_build_unary(b, "math.exp", ml_build_unary(b, "arith.negf", x));
    return ml_build_binary(b, "arith.divf", one, ml_build_binary(b, "arith.addf", one, e));
  }
  if (ml_op_is(op, "gelu")) {
    /* 0.5 x erfc(-x / sqrt 2): no cancellation for x << 0, where the
     * textbook 0.5 x (1 + erf(x / sqrt 2)) loses every digit. */
    MlirValue half = ml_build_scalar_constant(b, t, 0.5);
    MlirValue r2 = ml_build_scalar_constant(b, t, -0.70710678118654752440);
    MlirValue erfc = ml_build_unary(b, "math.erfc", ml_build_binary(b, "arith.mulf", x, r2));
    MlirValue hx = ml_build_binary(b, "arith.mulf", half, x);
    return ml_build_binary(b, "arith.mulf", hx, erfc);
  }
  static const struct {
    const char *mlt, *math;
  } direct[] = {{"tanh", "math.tanh"}, {"exp", "math.exp"},   {"log", "math.log"},
                {"sqrt", "math.sqrt"}, {"rsqrt", "math.rsqrt"}, {"erf", "math.erf"}};
  for (size_t k = 0; k < sizeof direct / sizeof direct[0]; k++)
    if (ml_op_is(op, direct[k].mlt))
      return ml_build_unary(b, direct[k].math, x);
  *known = false;
  return x;
}

/* x >= 0 ? x : alpha * x, alpha rounded to x's type; NaN fails the
 * compare and stays NaN through the multiply. */
static MlirValue leaky_relu(const MlBuilder *b, MlirOperation op, MlirValue x) {
  MlirType t = mlirValueGetType(x);
  MlirValue alpha = ml_build_scalar_constant(b, t, ml_attr_float(op, "alpha"));
  MlirValue neg = ml_build_binary(b, "arith.mulf", x, alpha);
  MlirValue pos = ml_build_cmpf(b, 3 /* oge */, x, ml_build_scalar_constant(b, t, 0));
  return ml_build_select(b, pos, x, neg);
}

/* An f64 bound for an integer type of width `w`: truncated toward zero
 * and saturated to the type's range. */
static double int_bound(double v, unsigned w) {
  double lo = -ldexp(1.0, (int)w - 1);
  double hi = w >= 64 ? 9223372036854774784.0 : ldexp(1.0, (int)w - 1) - 1;
  v = trunc(v);
  return v < lo ? lo : v > hi ? hi : v;
}

/* min(max(x, lo), hi); integer bounds are truncated and saturated. */
static MlirValue clamp(const MlBuilder *b, MlirOperation op, MlirValue x) {
  MlirType t = mlirValueGetType(x);
  bool fp = ml_is_float(t);
  double lo = ml_attr_float(op, "min");
  double hi = ml_attr_float(op, "max");
  unsigned w = fp ? 0 : mlirIntegerTypeGetWidth(t);
  MlirValue l = ml_build_scalar_constant(b, t, fp ? lo : int_bound(lo, w));
  MlirValue h = ml_build_scalar_constant(b, t, fp ? hi : int_bound(hi, w));
  MlirValue m = ml_build_binary(b, fp ? "arith.maximumf" : "arith.maxsi", x, l);
  return ml_build_binary(b, fp ? "arith.minimumf" : "arith.minsi", m, h);
}

/* mlt.cmp as arith.cmpf / arith.cmpi. Floats: ordered predicates (oeq,
 * olt, ...: false on NaN) except ne, which is une (true on NaN), as NumPy;
 * integers: signed. Both tables follow mlt's CmpPredicate order. */
static MlirValue compare(const MlBuilder *b, MlirOperation op, MlirValue x,
                         MlirValue y) {
  static const int64_t fpred[] = {1 /* oeq */, 13 /* une */, 4 /* olt */,
                                  5 /* ole */, 2 /* ogt */, 3 /* oge */};
  static const int64_t ipred[] = {0 /* eq */,  1 /* ne */,  2 /* slt */,
                                  3 /* sle */, 4 /* sgt */, 5 /* sge */};
  int64_t k = ml_attr_int(op, "predicate");
  return ml_is_float(mlirValueGetType(x)) ? ml_build_cmpf(b, fpred[k], x, y)
                                          : ml_build_cmpi(b, ipred[k], x, y);
}

static bool is_i1(MlirType t) {
  return mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 1;
}

/* Conversions to and from i1: nonzero (NaN included: une) is true, true
 * is 1 (zero-extended, never -1). */
static MlirValue cast_i1(const MlBuilder *b, MlirValue x, MlirType to) {
  MlirType from = mlirValueGetType(x);
  if (is_i1(to))
    return ml_is_float(from)
               ? ml_build_cmpf(b, 13 /* une */, x, ml_build_scalar_constant(b, from, 0))
               : ml_build_cmpi(b, 1 /* ne */, x, ml_build_int_constant(b, from, 0));
  return ml_build_value_op(b, ml_is_float(to) ? "arith.uitofp" : "arith.extui",
                           1, &x, to);
}

static unsigned float_width(MlirType t) {
  return mlirTypeIsAF64(t) ? 64 : mlirTypeIsAF32(t) ? 32 : 16;
}

/* f64 -> f32 rounded to odd (toward zero, last bit set when inexact), so
 * that a further rounding to f16 or bf16 is correct (f32 keeps more than
 * two extra bits): LLVM lowers f64 -> f16/bf16 to compiler-rt calls
 * (__truncdfhf2, __truncdfbf2) the JIT cannot always link. From the RNE
 * result t: keep t when exact or odd, else step to the odd neighbour on
 * the truncation side (t - 1 ulp if t rounded up in magnitude, t + 1 ulp
 * if down); NaN and inf come through as truncf makes them. */
static MlirValue f64_to_f32_odd(const MlBuilder *b, MlirValue d) {
  MlirType f32 = mlirF32TypeGet(b->ctx), i32 = mlirIntegerTypeGet(b->ctx, 32);
  MlirValue t = ml_build_value_op(b, "arith.truncf", 1, &d, f32);
  MlirValue back = ml_build_value_op(b, "arith.extf", 1, &t, mlirValueGetType(d));
  MlirValue bits = ml_build_value_op(b, "arith.bitcast", 1, &t, i32);
  MlirValue one = ml_build_int_constant(b, i32, 1);
  MlirValue exact = ml_build_cmpf(b, 8 /* ueq */, back, d);
  MlirValue odd = ml_build_cmpi(b, 1 /* ne */, ml_build_binary(b, "arith.andi", bits, one),
                                ml_build_int_constant(b, i32, 0));
  MlirValue up = ml_build_cmpf(b, 2 /* ogt */, ml_build_unary(b, "math.absf", back),
                               ml_build_unary(b, "math.absf", d));
  MlirValue step = ml_build_select(b, up, ml_build_binary(b, "arith.subi", bits, one),
                                   ml_build_binary(b, "arith.ori", bits, one));
  MlirValue r = ml_build_select(b, ml_build_binary(b, "arith.ori", exact, odd), bits, step);
  return ml_build_value_op(b, "arith.bitcast", 1, &r, f32);
}

/* Converts one element to `to`: float<->float extf/truncf, int<->int
 * extsi/trunci (wrapping), int->float sitofp, float->int toward zero and
 * saturating (NaN gives 0). */
static MlirValue cast(const MlBuilder *b, MlirValue x, MlirType to) {
  MlirType from = mlirValueGetType(x);
  if (mlirTypeEqual(from, to))
    return x;
  if (is_i1(from) || is_i1(to))
    return cast_i1(b, x, to);
  bool ff = ml_is_float(from), ft = ml_is_float(to);
  if (ff && ft) {
    unsigned wf = float_width(from), wt = float_width(to);
    if (wf == wt) /* f16 <-> bf16 through f32 */
      return ml_build_value_op(b, "arith.truncf", 1,
                               (MlirValue[]){ml_build_value_op(
                                   b, "arith.extf", 1, &x, mlirF32TypeGet(b->ctx))},
                               to);
    if (wf == 64 && wt == 16) {
      MlirValue odd = f64_to_f32_odd(b, x);
      return ml_build_value_op(b, "arith.truncf", 1, &odd, to);
    }
    return ml_build_value_op(b, wf < wt ? "arith.extf" : "arith.truncf", 1, &x, to);
  }
  if (!ff && !ft) {
    unsigned wf = mlirIntegerTypeGetWidth(from), wt = mlirIntegerTypeGetWidth(to);
    return ml_build_value_op(b, wf < wt ? "arith.extsi" : "arith.trunci", 1, &x, to);
  }
  if (!ff)
    return ml_build_value_op(b, "arith.sitofp", 1, &x, to);
  /* float -> int: widen to f64 (exact for every bound), clamp, convert. */
  MlirType f64 = mlirF64TypeGet(b->ctx);
  MlirValue d = float_width(from) == 64 ? x
                                        : ml_build_value_op(b, "arith.extf", 1, &x, f64);
  unsigned w = mlirIntegerTypeGetWidth(to);
  double hi = w >= 64 ? 9223372036854774784.0 /* largest f64 below 2^63 */
                      : ldexp(1.0, (int)w - 1) - 1;
  double lo = -ldexp(1.0, (int)w - 1);
  /* maxnumf/minnumf take the non-NaN operand: NaN -> lo; select it to 0. */
  MlirValue c = ml_build_binary(b, "arith.maxnumf", d, ml_build_scalar_constant(b, f64, lo));
  c = ml_build_binary(b, "arith.minnumf", c, ml_build_scalar_constant(b, f64, hi));
  MlirValue i = ml_build_value_op(b, "arith.fptosi", 1, &c, to);
  MlirValue is_nan = ml_build_cmpf(b, 14 /* uno */, d, d);
  MlirValue sel[3] = {is_nan, ml_build_scalar_constant(b, to, 0), i};
  MlirValue r = ml_build_value_op(b, "arith.select", 3, sel, to);
  if (w < 64)
    return r;
  /* i64: 2^63 and above saturate to INT64_MAX, which f64 cannot hold. */
  MlirValue big = ml_build_cmpf(b, 3 /* oge */, d,
                                ml_build_scalar_constant(b, f64, ldexp(1.0, 63)));
  MlirValue max = ml_build_int_constant(b, to, INT64_MAX);
  MlirValue pick[3] = {big, max, r};
  return ml_build_value_op(b, "arith.select", 3, pick, to);
}

/* Integer x / y as mlt defines it: toward zero, 0 for y == 0, and
 * MIN / -1 wrapping to MIN. Both exceptions trap in a plain divsi (x86
 * idiv raises SIGFPE), so the divisor is made safe first. */
static MlirValue int_div(const MlBuilder *b, MlirValue x, MlirValue y) {
  MlirType t = mlirValueGetType(x);
  MlirValue zero = ml_build_int_constant(b, t, 0), one = ml_build_int_constant(b, t, 1);
  MlirValue is_zero = ml_build_cmpi(b, 0 /* eq */, y, zero);
  MlirValue is_m1 = ml_build_cmpi(b, 0 /* eq */, y, ml_build_int_constant(b, t, -1));
  MlirValue unsafe = ml_build_binary(b, "arith.ori", is_zero, is_m1);
  MlirValue safe = ml_build_value_op(b, "arith.select", 3, (MlirValue[]){unsafe, one, y}, t);
  MlirValue q = ml_build_binary(b, "arith.divsi", x, safe);
  MlirValue neg = ml_build_binary(b, "arith.subi", zero, x); /* x / -1, wrapping */
  q = ml_build_value_op(b, "arith.select", 3, (MlirValue[]){is_m1, neg, q}, t);
  return ml_build_value_op(b, "arith.select", 3, (MlirValue[]){is_zero, zero, q}, t);
}

MlirValue ml_elementwise_scalar(const MlBuilder *b, MlirOperation op,
                                const MlirValue *args, MlirType elt) {
  bool known;
  if (ml_op_is(op, "div") && !ml_is_float(elt))
    return int_div(b, args[0], args[1]);
  if (ml_op_is(op, "cmp"))
    return compare(b, op, args[0], args[1]);
  if (ml_op_is(op, "select"))
    return ml_build_select(b, args[0], args[1], args[2]);
  if (ml_op_is(op, "not")) /* x xor true */
    return ml_build_binary(b, "arith.xori", args[0], ml_build_int_constant(b, elt, 1));
  if (mlirOperationGetNumOperands(op) == 2)
    return ml_build_binary(b, binary_op(op, ml_is_float(elt)), args[0], args[1]);
  if (ml_op_is(op, "clamp"))
    return clamp(b, op, args[0]);
  if (ml_op_is(op, "leaky_relu"))
    return leaky_relu(b, op, args[0]);
  if (ml_op_is(op, "cast"))
    return cast(b, args[0], elt);
  if (ml_op_is(op, "quantize"))
    return ml_quantize_scalar(b, op, args[0], elt);
  if (ml_op_is(op, "dequantize"))
    return ml_dequantize_scalar(b, op, args[0], elt);
  if (ml_op_is(op, "broadcast"))
    return args[0];
  MlirValue r = unary(b, op, args[0], &known);
  (void)known; /* callers only pass elementwise ops */
  return r;
}

MlirLogicalResult ml_lower_elementwise(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  int64_t shape[8];
  intptr_t rank = ml_shape_of(dest, shape);
  MlNest nest = ml_build_parallel_nest(&b, rank, shape);
  MlirValue args[3];
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++)
    args[i] = load_broadcast(&nest, mlirOperationGetOperand(op, i));
  store(&nest, ml_elementwise_scalar(&nest.inner, op, args, ml_element_type(dest)), dest);
  return mlirLogicalResultSuccess();
}

bool ml_is_elementwise(MlirOperation op) {
  static const char *names[] = {
      "add", "sub", "mul", "div", "max", "min", "pow", "relu", "sigmoid",
      "tanh", "gelu", "exp", "log", "sqrt", "rsqrt", "neg", "abs", "erf",
      "leaky_relu", "clamp", "cast", "broadcast", "cmp", "select", "not",
      "and", "or", "xor", "quantize", "dequantize"};
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
    if (ml_op_is(op, names[k]))
      return true;
  return false;
}
