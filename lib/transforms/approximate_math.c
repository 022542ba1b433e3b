/* approximate_math: --approximate-math, f32 math.exp, math.log, math.tanh
 * and math.erf (scalars or vectors) rewritten as polynomials in arith and
 * math.fma ops.
 *
 * Why: LLVM has no vector expf/logf/tanhf/erff, so a vector<16xf32>
 * math.exp left to --lower-to-llvm becomes 16 scalar libm calls, and
 * softmax or gelu run at libm speed however well they are vectorized. The
 * expansions here are straight-line code (FMA Horner chains, bit tricks for
 * 2^n and the exponent, selects for the special values) that widens with
 * the value's type. Accuracy on f32 (measured against double-precision
 * results, see docs/passes.md): exp and log within 2 ulp, tanh within 3,
 * erf within 3.4e-7 absolute; inf, -inf, NaN, 0, negatives (log) and
 * denormal inputs and results give what libm gives.
 *
 * Coefficients: exp, log and tanh are Cephes' single-precision minimax
 * polynomials (Moshier, Cody-Waite reduction for exp and log); erf is the
 * rational x·P(x²)/Q(x²) on [-4, 4] used by Eigen and XLA for f32.
 * Only f32 is rewritten; other element types keep their libm calls. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "ir/attrs.h"
#include "ir/builder.h"
#include "ir/diagnostics.h"
#include "ir/oplist.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/Math.h"
#include "mlopt-c/Passes.h"

/* arith.cmpf predicates (arith's enum). */
enum { CMPF_OEQ = 1, CMPF_OLT = 4, CMPF_ULT = 11, CMPF_UNO = 14 };

/* The builder and the f32 (or vector-of-f32) type being expanded, with the
 * i32 type of the same shape for bit manipulation. */
typedef struct Ex {
  MlBuilder b;
  MlirType f, i;
} Ex;

static MlirValue fc(const Ex *e, double v) { return ml_build_splat_constant(&e->b, e->f, v); }
static MlirValue ic(const Ex *e, int64_t v) { return ml_build_splat_constant(&e->b, e->i, (double)v); }
static MlirValue op2(const Ex *e, const char *name, MlirValue x, MlirValue y) {
  return ml_build_binary(&e->b, name, x, y);
}
static MlirValue mul(const Ex *e, MlirValue x, MlirValue y) { return op2(e, "arith.mulf", x, y); }
static MlirValue add(const Ex *e, MlirValue x, MlirValue y) { return op2(e, "arith.addf", x, y); }
static MlirValue sub(const Ex *e, MlirValue x, MlirValue y) { return op2(e, "arith.subf", x, y); }
static MlirValue fma3(const Ex *e, MlirValue x, MlirValue y, MlirValue z) {
  MlirValue xyz[3] = {x, y, z};
  return ml_build_value_op(&e->b, "math.fma", 3, xyz, e->f);
}
static MlirValue cast(const Ex *e, const char *name, MlirValue x, MlirType to) {
  return ml_build_value_op(&e->b, name, 1, &x, to);
}
static MlirValue select3(const Ex *e, MlirValue c, MlirValue t, MlirValue f) {
  return ml_build_select(&e->b, c, t, f);
}
static MlirValue cmpf(const Ex *e, int64_t pred, MlirValue x, MlirValue y) {
  return ml_build_cmpf(&e->b, pred, x, y);
}

/* c[0]·x^(n-1) + ... + c[n-1], by Horner's rule with FMAs. */
static MlirValue horner(const Ex *e, MlirValue x, int n, const double *c) {
  MlirValue p = fc(e, c[0]);
  for (int k = 1; k < n; k++)
    p = fma3(e, p, x, fc(e, c[k]));
  return p;
}

/* 2^k for i32 k in [-126, 127]: k + 127 in the exponent field. */
static MlirValue pow2(const Ex *e, MlirValue k) {
  MlirValue biased = op2(e, "arith.addi", k, ic(e, 127));
  return cast(e, "arith.bitcast", op2(e, "arith.shli", biased, ic(e, 23)), e->f);
}

/* exp(x) = 2^k · e^r with k = round(x / ln 2), r = x - k ln 2 (two-part
 * ln 2, so r is exact), e^r by a degree-7 polynomial on |r| <= ln2/2. x
 * is clamped to [-104, 88.8], where the result underflows to 0 or
 * overflows to inf anyway; 2^k is applied as two halves so that k in
 * [-150, 128] never leaves the normal exponent range (denormal results
 * come out of the last multiply). NaN is selected back at the end. */
static MlirValue expand_exp(const Ex *e, MlirValue x) {
  static const double p[] = {1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3,
                             4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1};
  MlirValue xc = op2(e, "arith.minnumf", op2(e, "arith.maxnumf", x, fc(e, -104.0)),
                     fc(e, 88.8));
  MlirValue k = ml_build_unary(&e->b, "math.floor",
                               fma3(e, xc, fc(e, 1.44269504088896341), fc(e, 0.5)));
  MlirValue r = fma3(e, k, fc(e, -0.693359375), xc);
  r = fma3(e, k, fc(e, 2.12194440e-4), r);
  MlirValue y = fma3(e, horner(e, r, 6, p), mul(e, r, r), r);
  y = add(e, y, fc(e, 1.0));
  MlirValue ki = cast(e, "arith.fptosi", k, e->i);
  MlirValue k1 = op2(e, "arith.shrsi", ki, ic(e, 1));
  MlirValue k2 = op2(e, "arith.subi", ki, k1);
  MlirValue res = mul(e, mul(e, y, pow2(e, k1)), pow2(e, k2));
  return select3(e, cmpf(e, CMPF_UNO, x, x), x, res);
}

/* log(x) = e·ln 2 + log(m) with x = m·2^e, m in [sqrt(1/2), sqrt(2)),
 * log(1+f) = f - f²/2 + f³·P(f). Denormals are scaled by 2^23 first.
 * x < 0 or NaN gives NaN, 0 gives -inf, +inf gives +inf. */
static MlirValue expand_log(const Ex *e, MlirValue x) {
  static const double p[] = {7.0376836292e-2,  -1.1514610310e-1, 1.1676998740e-1,
                             -1.2420140846e-1, 1.4249322787e-1,  -1.6668057665e-1,
                             2.0000714765e-1,  -2.4999993993e-1, 3.3333331174e-1};
  MlirValue tiny = cmpf(e, CMPF_OLT, x, fc(e, 1.17549435e-38));
  MlirValue xs = select3(e, tiny, mul(e, x, fc(e, 8388608.0)), x);
  MlirValue bits = cast(e, "arith.bitcast", xs, e->i);
  MlirValue ex = op2(e, "arith.subi", op2(e, "arith.shrsi", bits, ic(e, 23)), ic(e, 126));
  ex = op2(e, "arith.subi", ex, select3(e, tiny, ic(e, 23), ic(e, 0)));
  MlirValue mbits = op2(e, "arith.ori", op2(e, "arith.andi", bits, ic(e, 0x007FFFFF)),
                        ic(e, 0x3F000000));
  MlirValue m = cast(e, "arith.bitcast", mbits, e->f); /* [0.5, 1) */
  MlirValue low = cmpf(e, CMPF_OLT, m, fc(e, 0.707106781186547524));
  ex = op2(e, "arith.subi", ex, select3(e, low, ic(e, 1), ic(e, 0)));
  MlirValue f = add(e, sub(e, m, fc(e, 1.0)), select3(e, low, m, fc(e, 0.0)));
  MlirValue z = mul(e, f, f);
  MlirValue y = mul(e, mul(e, f, z), horner(e, f, 9, p));
  MlirValue fe = cast(e, "arith.sitofp", ex, e->f);
  y = fma3(e, fe, fc(e, -2.12194440e-4), y);
  y = fma3(e, z, fc(e, -0.5), y);
  MlirValue res = fma3(e, fe, fc(e, 0.693359375), add(e, f, y));
  res = select3(e, cmpf(e, CMPF_OEQ, x, fc(e, INFINITY)), x, res);
  res = select3(e, cmpf(e, CMPF_OEQ, x, fc(e, 0.0)), fc(e, -INFINITY), res);
  return select3(e, cmpf(e, CMPF_ULT, x, fc(e, 0.0)), fc(e, NAN), res);
}

/* tanh(x): an odd polynomial below |x| = 0.625, else
 * 1 - 2/(e^(2|x|) + 1) with the exp above (inf → 1, NaN → NaN); the sign
 * of x copied onto either. */
static MlirValue expand_tanh(const Ex *e, MlirValue x) {
  static const double p[] = {-5.70498872745e-3, 2.06390887954e-2, -5.37397155531e-2,
                             1.33314422036e-1, -3.33332819422e-1};
  MlirValue ax = ml_build_unary(&e->b, "math.absf", x);
  MlirValue z = mul(e, x, x);
  MlirValue small = fma3(e, mul(e, horner(e, z, 5, p), z), x, x);
  MlirValue t = expand_exp(e, add(e, ax, ax));
  MlirValue big = sub(e, fc(e, 1.0), op2(e, "arith.divf", fc(e, 2.0), add(e, t, fc(e, 1.0))));
  MlirValue y = select3(e, cmpf(e, CMPF_OLT, ax, fc(e, 0.625)), small, big);
  return op2(e, "math.copysign", y, x); /* also tanh(-0) = -0 */
}

/* erf(x) = x·P(x²)/Q(x²) on x clamped to [-4, 4] (erf is ±1 in f32
 * beyond); NaN propagates through the clamp (minimumf/maximumf). */
static MlirValue expand_erf(const Ex *e, MlirValue x) {
  static const double p[] = {-2.72614225801306e-10, 2.77068142495902e-08,
                             -2.10102402082508e-06, -5.69250639462346e-05,
                             -7.34990630326855e-04, -2.95459980854025e-03,
                             -1.60960333262415e-02};
  static const double q[] = {-1.45660718464996e-05, -2.13374055278905e-04,
                             -1.68282697438203e-03, -7.37332916720468e-03,
                             -1.42647390514189e-02};
  MlirValue xc = op2(e, "arith.minimumf", op2(e, "arith.maximumf", x, fc(e, -4.0)),
                     fc(e, 4.0));
  MlirValue z = mul(e, xc, xc);
  return op2(e, "arith.divf", mul(e, xc, horner(e, z, 7, p)), horner(e, z, 5, q));
}

/* erfc(x): 1 - erf(x) below x = 0.5 (erfc is in (0.48, 2] there, so
 * erf's absolute error stays small relative to it); above,
 * e^(-x²)·P(t) with t = 1/(1 + x/2), P a degree-9 fit of erfc(x)·e^(x²)
 * on [0.5, 10.1] (relative error 1.4e-9 in exact arithmetic), x² split
 * into hi + lo with an FMA so that e^(-x²) keeps f32 accuracy at large x.
 * x is clamped at 10.1, where erfc underflows to 0. */
static MlirValue expand_erfc(const Ex *e, MlirValue x) {
  static const double p[] = {-0.07444571703672409, 0.3513946235179901,
                             -0.611286997795105,   0.4067842960357666,
                             -0.1084606871008873,  0.2356107532978058,
                             0.23475708067417145,  0.2836562693119049,
                             0.2819787561893463,   3.7684669678128557e-06};
  MlirValue small = sub(e, fc(e, 1.0), expand_erf(e, x));
  MlirValue xc = op2(e, "arith.minimumf", x, fc(e, 10.1));
  MlirValue t = op2(e, "arith.divf", fc(e, 1.0), fma3(e, xc, fc(e, 0.5), fc(e, 1.0)));
  MlirValue pt = horner(e, t, 10, p);
  MlirValue hi = mul(e, xc, xc);
  MlirValue lo = fma3(e, xc, xc, ml_build_unary(&e->b, "arith.negf", hi));
  MlirValue scaled = fma3(e, ml_build_unary(&e->b, "arith.negf", pt), lo, pt);
  MlirValue big = mul(e, expand_exp(e, ml_build_unary(&e->b, "arith.negf", hi)), scaled);
  return select3(e, cmpf(e, CMPF_OLT, x, fc(e, 0.5)), small, big);
}

/* f32, or a vector of f32? */
static bool is_f32(MlirType t) {
  if (mlirTypeIsAVector(t)) {
    if (mlirShapedTypeGetRank(t) > 8 || mlirVectorTypeIsScalable(t))
      return false;
    t = mlirShapedTypeGetElementType(t);
  }
  return mlirTypeIsAF32(t);
}

static const char *const kOps[] = {"math.exp", "math.log", "math.tanh", "math.erf",
                                   "math.erfc"};

static MlirWalkResult collect(MlirOperation op, void *user) {
  for (size_t k = 0; k < sizeof kOps / sizeof *kOps; k++)
    if (ml_op_named(op, kOps[k]) && is_f32(mlirValueGetType(mlirOperationGetResult(op, 0))))
      ml_oplist_push(user, op);
  return MlirWalkResultAdvance;
}

/* Replaces `op` by its expansion. */
static void expand(MlirOperation op) {
  MlirValue x = mlirOperationGetOperand(op, 0);
  MlirType f = mlirValueGetType(x);
  MlirType i32 = mlirIntegerTypeGet(mlirOperationGetContext(op), 32);
  Ex e = {ml_builder_before(op), f, ml_type_like(f, i32)};
  MlirValue y;
  if (ml_op_named(op, "math.exp"))
    y = expand_exp(&e, x);
  else if (ml_op_named(op, "math.log"))
    y = expand_log(&e, x);
  else if (ml_op_named(op, "math.tanh"))
    y = expand_tanh(&e, x);
  else if (ml_op_named(op, "math.erf"))
    y = expand_erf(&e, x);
  else
    y = expand_erfc(&e, x);
  mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(op, 0), y);
  mlirOperationDestroy(op);
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  (void)options;
  MlOpList f = {0};
  mlirOperationWalk(module, collect, &f, MlirWalkPostOrder);
  for (size_t k = 0; k < f.n; k++) {
    char name[32];
    ml_remark(f.ops[k], "%s replaced by a polynomial approximation",
              ml_op_name(f.ops[k], name, sizeof name));
    expand(f.ops[k]);
  }
  ml_oplist_free(&f);
  return mlirLogicalResultSuccess();
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__arith__, mlirGetDialectHandle__math__, NULL};

static const MlPassSpec spec = {
    "ApproximateMath", "approximate-math",
    "Replace f32 math.exp/log/tanh/erf with polynomial approximations",
    "builtin.module", deps, run, 0};

MlirPass mloptCreateApproximateMathPass(void) { return ml_pass_create(&spec, NULL); }

/* --approximate-math (takes no value). */
MlirLogicalResult ml_add_approximate_math(MlirOpPassManager pm, MlirStringRef value,
                                          MlBuf *err) {
  (void)value;
  (void)err;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateApproximateMathPass());
  return mlirLogicalResultSuccess();
}
