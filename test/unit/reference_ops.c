/* reference_ops: the plain-C reference implementation of the mlt ops
 * (runtime/reference) on small hand-checked cases.
 *
 * One testX(void) per op family. Expected values were worked out by hand or
 * with numpy (in double, rounded once to f32) when the test was written;
 * the test itself is plain C. Each family also checks its error returns on
 * mismatched shapes, dtypes and attributes. Runs clean under
 * -fsanitize=address,undefined. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "reference.h"
#include "test_util.h"

#define SHAPE(...) ((const int64_t[]){__VA_ARGS__})
#define LEN(a) ((int64_t)(sizeof(a) / sizeof((a)[0])))

/* A tensor view of `data` with `rank` dims from `shape` (NULL for rank 0). */
static MlRefTensor tensor(MlRefDtype dtype, void *data, int rank,
                          const int64_t *shape) {
  MlRefTensor t = {dtype, rank, {0}, data};
  for (int d = 0; d < rank; d++)
    t.shape[d] = shape[d];
  return t;
}

/* True if `out` matches `want` (same dtype and shape as out) within
 * rtol/atol; prints the first mismatch. */
static bool matches(const MlRefTensor *out, const void *want, double rtol,
                    double atol) {
  MlRefTensor e = *out;
  e.data = (void *)want;
  MlRefCompare c = ml_ref_compare(&e, out, rtol, atol);
  if (!c.ok)
    fprintf(stderr, "  status %d, %lld mismatch(es), first at %lld: want %.9g got %.9g\n",
            c.status, (long long)c.mismatches, (long long)c.first_mismatch,
            c.expected_at_first, c.actual_at_first);
  return c.ok;
}

/* f32 results computed in double and rounded once: within about 1 ulp of
 * numpy's. */
#define NEAR(out, want) CHECK(matches(out, want, 2.5e-7, 0))
#define EXACT(out, want) CHECK(matches(out, want, 0, 0))

/*===-- Element types ---------------------------------------------------===*/

/* f16/bf16 round to nearest even (ties, subnormals, overflow), with no
 * double rounding from f64 or i64. */
static void testDtypes(void) {
  fprintf(stderr, "testDtypes\n");
  const struct {
    float x;
    uint16_t bits;
  } f16[] = {
      {1.0f, 0x3C00},           {65504.0f, 0x7BFF},  {65519.0f, 0x7BFF},
      {65520.0f, 0x7C00},       /* tie above max -> inf */
      {1.0f + 0x1p-11f, 0x3C00}, /* tie -> even */
      {1.0f + 0x3p-11f, 0x3C02}, /* tie -> even (up) */
      {0x1p-24f, 0x0001},       {0x1p-25f, 0x0000},  {0x3p-25f, 0x0002},
      {0x1p-14f, 0x0400},       {-0.0f, 0x8000},     {0.1f, 0x2E66},
      {-INFINITY, 0xFC00},
  };
  for (size_t k = 0; k < sizeof f16 / sizeof f16[0]; k++) {
    CHECK(ml_ref_f32_to_f16(f16[k].x) == f16[k].bits);
    if (f16[k].x == 1.0f || f16[k].x == 65504.0f || f16[k].x == 0x1p-24f)
      CHECK(ml_ref_f16_to_f32(f16[k].bits) == f16[k].x);
  }
  CHECK(isnan(ml_ref_f16_to_f32(ml_ref_f32_to_f16(NAN))));
  CHECK(ml_ref_f16_to_f32(0x7C00) == INFINITY);
  CHECK(ml_ref_f16_to_f32(0x8001) == -0x1p-24f);

  CHECK(ml_ref_f32_to_bf16(1.0f) == 0x3F80);
  CHECK(ml_ref_f32_to_bf16(1.0f + 0x1p-8f) == 0x3F80); /* tie -> even */
  CHECK(ml_ref_f32_to_bf16(1.0f + 0x3p-8f) == 0x3F82); /* tie -> even */
  CHECK(ml_ref_f32_to_bf16(1.0f + 0x1p-8f + 0x1p-20f) == 0x3F81);
  CHECK(ml_ref_f32_to_bf16(3.4028235e38f) == 0x7F80); /* FLT_MAX -> inf */
  CHECK(ml_ref_f32_to_bf16(0x1p-133f) == 0x0001);     /* smallest subnormal */
  CHECK(ml_ref_bf16_to_f32(0x4049) == 3.140625f);
  CHECK(isnan(ml_ref_bf16_to_f32(ml_ref_f32_to_bf16(NAN))));

  /* f64 -> f16 just above a tie: through f32 it would become the tie and
   * round down; directly it rounds up. */
  double d = 1.0 + 0x1p-11 + 0x1p-40;
  uint16_t h = 0;
  MlRefTensor td = tensor(ML_REF_F64, &d, 0, NULL), th = tensor(ML_REF_F16, &h, 0, NULL);
  CHECK(ml_ref_cast(&td, &th) == 0 && h == 0x3C01);
  /* i64 -> bf16: 2^60 + 2^52 + 1 is just above a bf16 tie; through double
   * it would become the tie and round to even (2^60). */
  int64_t big = (INT64_C(1) << 60) + (INT64_C(1) << 52) + 1;
  uint16_t b = 0;
  MlRefTensor ti = tensor(ML_REF_I64, &big, 0, NULL), tb = tensor(ML_REF_BF16, &b, 0, NULL);
  CHECK(ml_ref_cast(&ti, &tb) == 0 && b == 0x5D81);

  CHECK(ml_ref_dtype_size(ML_REF_BF16) == 2 && ml_ref_dtype_size(ML_REF_I64) == 8);
  CHECK(strcmp(ml_ref_dtype_name(ML_REF_BF16), "bf16") == 0);
  CHECK(ml_ref_numel(&td) == 1);
  MlRefTensor bad = tensor(ML_REF_F32, NULL, 2, SHAPE(2, -1));
  CHECK(ml_ref_numel(&bad) == -1);
  bad = tensor(ML_REF_F32, NULL, 2, SHAPE(INT64_C(1) << 40, INT64_C(1) << 40));
  CHECK(ml_ref_numel(&bad) == -1); /* byte size overflows */
  CHECK(ml_ref_numel(NULL) == -1);
}

/*===-- Elementwise -----------------------------------------------------===*/

static void testBinary(void) {
  fprintf(stderr, "testBinary\n");
  float a[] = {1.5f, -2.0f, 0.25f}, b[] = {10, 20, 30, 40}, out[12];
  MlRefTensor ta = tensor(ML_REF_F32, a, 2, SHAPE(3, 1));
  MlRefTensor tb = tensor(ML_REF_F32, b, 1, SHAPE(4));
  MlRefTensor to = tensor(ML_REF_F32, out, 2, SHAPE(3, 4));
  const float sum[] = {11.5, 21.5, 31.5, 41.5, 8, 18, 28, 38, 10.25, 20.25, 30.25, 40.25};
  CHECK(ml_ref_binary(ML_REF_ADD, &ta, &tb, &to) == 0);
  EXACT(&to, sum);

  /* [2,1,5] * [3,1] -> [2,3,5] */
  float x[10], y[] = {0.5f, -1, 3}, prod[30];
  for (int i = 0; i < 10; i++)
    x[i] = (float)i - 4;
  MlRefTensor tx = tensor(ML_REF_F32, x, 3, SHAPE(2, 1, 5));
  MlRefTensor ty = tensor(ML_REF_F32, y, 2, SHAPE(3, 1));
  MlRefTensor tp = tensor(ML_REF_F32, prod, 3, SHAPE(2, 3, 5));
  const float want_prod[] = {-2, -1.5, -1, -0.5, 0, 4,  3,  2,  1,  -0, -12, -9, -6, -3, 0,
                             0.5, 1,   1.5, 2,   2.5, -1, -2, -3, -4, -5, 3,   6,  9,  12, 15};
  CHECK(ml_ref_binary(ML_REF_MUL, &tx, &ty, &tp) == 0);
  EXACT(&tp, want_prod);

  /* A scalar broadcasts against anything. */
  float s = 2, two[2] = {3, -4}, r2[2];
  MlRefTensor ts = tensor(ML_REF_F32, &s, 0, NULL), t2 = tensor(ML_REF_F32, two, 1, SHAPE(2));
  MlRefTensor tr2 = tensor(ML_REF_F32, r2, 1, SHAPE(2));
  CHECK(ml_ref_binary(ML_REF_SUB, &ts, &t2, &tr2) == 0 && r2[0] == -1 && r2[1] == 6);

  float pb[] = {2, 9, 0.5f, 10}, pe[] = {0.5f, -0.5f, 3, 1.5f}, pr[4];
  MlRefTensor tpb = tensor(ML_REF_F32, pb, 1, SHAPE(4)), tpe = tensor(ML_REF_F32, pe, 1, SHAPE(4));
  MlRefTensor tpr = tensor(ML_REF_F32, pr, 1, SHAPE(4));
  const float want_pow[] = {1.41421354f, 0.333333343f, 0.125f, 31.622776f};
  CHECK(ml_ref_binary(ML_REF_POW, &tpb, &tpe, &tpr) == 0);
  NEAR(&tpr, want_pow);

  /* Float max/min propagate NaN and order -0 < +0. */
  float ma[] = {NAN, 1, -0.0f, 3}, mb[] = {1, NAN, 0.0f, -3}, mr[4];
  MlRefTensor tma = tensor(ML_REF_F32, ma, 1, SHAPE(4)), tmb = tensor(ML_REF_F32, mb, 1, SHAPE(4));
  MlRefTensor tmr = tensor(ML_REF_F32, mr, 1, SHAPE(4));
  CHECK(ml_ref_binary(ML_REF_MAX, &tma, &tmb, &tmr) == 0);
  CHECK(isnan(mr[0]) && isnan(mr[1]) && mr[2] == 0 && !signbit(mr[2]) && mr[3] == 3);
  CHECK(ml_ref_binary(ML_REF_MIN, &tma, &tmb, &tmr) == 0);
  CHECK(isnan(mr[0]) && mr[2] == 0 && signbit(mr[2]) && mr[3] == -3);

  /* Integers: division truncates, x / 0 = 0, INT_MIN / -1 wraps. */
  int32_t ia[] = {7, -7, 7, -7, 5, INT32_MIN}, ib[] = {2, 2, -2, -2, 0, -1}, ir[6];
  MlRefTensor tia = tensor(ML_REF_I32, ia, 1, SHAPE(6)), tib = tensor(ML_REF_I32, ib, 1, SHAPE(6));
  MlRefTensor tir = tensor(ML_REF_I32, ir, 1, SHAPE(6));
  const int32_t want_div[] = {3, -3, -3, 3, 0, INT32_MIN};
  CHECK(ml_ref_binary(ML_REF_DIV, &tia, &tib, &tir) == 0);
  EXACT(&tir, want_div);
  int64_t la[] = {INT64_MAX, INT64_MIN}, lb[] = {2, -1}, lr[2];
  MlRefTensor tla = tensor(ML_REF_I64, la, 1, SHAPE(2)), tlb = tensor(ML_REF_I64, lb, 1, SHAPE(2));
  MlRefTensor tlr = tensor(ML_REF_I64, lr, 1, SHAPE(2));
  CHECK(ml_ref_binary(ML_REF_MUL, &tla, &tlb, &tlr) == 0 && lr[0] == -2 && lr[1] == INT64_MIN);
  CHECK(ml_ref_binary(ML_REF_DIV, &tla, &tlb, &tlr) == 0 && lr[0] == INT64_MAX / 2 &&
        lr[1] == INT64_MIN);
  int8_t ca[] = {100, -100}, cb[] = {100, 100}, cr[2];
  MlRefTensor tca = tensor(ML_REF_I8, ca, 1, SHAPE(2)), tcb = tensor(ML_REF_I8, cb, 1, SHAPE(2));
  MlRefTensor tcr = tensor(ML_REF_I8, cr, 1, SHAPE(2));
  CHECK(ml_ref_binary(ML_REF_ADD, &tca, &tcb, &tcr) == 0 && cr[0] == -56 && cr[1] == 0);
  CHECK(ml_ref_binary(ML_REF_SUB, &tcb, &tca, &tcr) == 0 && cr[0] == 0 && cr[1] == -56);

  /* Errors. */
  MlRefTensor t3 = tensor(ML_REF_F32, a, 1, SHAPE(3));
  CHECK(ml_ref_binary(ML_REF_ADD, &t3, &tb, &to) == ML_REF_ERR_SHAPE); /* 3 vs 4 */
  MlRefTensor wrong = tensor(ML_REF_F32, out, 2, SHAPE(4, 3));
  CHECK(ml_ref_binary(ML_REF_ADD, &ta, &tb, &wrong) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_binary(ML_REF_ADD, &ta, &tia, &to) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_binary(ML_REF_POW, &tia, &tib, &tir) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_binary(ML_REF_ADD, NULL, &tb, &to) == ML_REF_ERR_INVALID);
  CHECK(ml_ref_binary((MlRefBinaryKind)99, &ta, &tb, &to) == ML_REF_ERR_INVALID);
}

static void testUnary(void) {
  fprintf(stderr, "testUnary\n");
  float x[] = {-3, -0.5f, 0, 0.5f, 1, 2.5f, 7}, y[7];
  MlRefTensor tx = tensor(ML_REF_F32, x, 1, SHAPE(7)), ty = tensor(ML_REF_F32, y, 1, SHAPE(7));
  static const struct {
    MlRefUnaryKind kind;
    float want[7];
  } cases[] = {
      {ML_REF_SIGMOID, {0.0474258736f, 0.377540678f, 0.5f, 0.622459352f, 0.731058598f,
                        0.924141824f, 0.999088943f}},
      {ML_REF_TANH, {-0.995054781f, -0.462117165f, 0, 0.462117165f, 0.761594176f,
                     0.986614287f, 0.999998331f}},
      {ML_REF_GELU, {-0.00404969417f, -0.154268771f, 0, 0.345731229f, 0.841344774f,
                     2.48447585f, 7}},
      {ML_REF_EXP, {0.0497870669f, 0.606530666f, 1, 1.64872122f, 2.71828175f, 12.1824942f,
                    1096.63318f}},
      {ML_REF_RELU, {0, 0, 0, 0.5f, 1, 2.5f, 7}},
      {ML_REF_NEG, {3, 0.5f, -0.0f, -0.5f, -1, -2.5f, -7}},
      {ML_REF_ABS, {3, 0.5f, 0, 0.5f, 1, 2.5f, 7}},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    CHECK(ml_ref_unary(cases[k].kind, &tx, &ty) == 0);
    NEAR(&ty, cases[k].want);
  }
  float p[] = {0.25f, 1, 2, 10, 1e-3f}, q[5];
  MlRefTensor tp = tensor(ML_REF_F32, p, 1, SHAPE(5)), tq = tensor(ML_REF_F32, q, 1, SHAPE(5));
  const float want_log[] = {-1.38629436f, 0, 0.693147182f, 2.30258512f, -6.90775537f};
  const float want_sqrt[] = {0.5f, 1, 1.41421354f, 3.1622777f, 0.0316227749f};
  const float want_rsqrt[] = {2, 1, 0.707106769f, 0.316227764f, 31.622776f};
  CHECK(ml_ref_unary(ML_REF_LOG, &tp, &tq) == 0);
  NEAR(&tq, want_log);
  CHECK(ml_ref_unary(ML_REF_SQRT, &tp, &tq) == 0);
  NEAR(&tq, want_sqrt);
  CHECK(ml_ref_unary(ML_REF_RSQRT, &tp, &tq) == 0);
  NEAR(&tq, want_rsqrt);

  /* gelu far in the negative tail is tiny but not 0 (erfc, no cancellation). */
  float g = -10, gr;
  MlRefTensor tg = tensor(ML_REF_F32, &g, 0, NULL), tgr = tensor(ML_REF_F32, &gr, 0, NULL);
  CHECK(ml_ref_unary(ML_REF_GELU, &tg, &tgr) == 0 && gr < 0 && gr > -1e-21f);

  /* f32 overflow gives inf (exp(100) = 2.7e43), log(0) = -inf, sqrt(-1) NaN. */
  float big[] = {100, 0, -1}, bigr[3];
  MlRefTensor tbig = tensor(ML_REF_F32, big, 1, SHAPE(3)), tbigr = tensor(ML_REF_F32, bigr, 1, SHAPE(3));
  CHECK(ml_ref_unary(ML_REF_EXP, &tbig, &tbigr) == 0 && bigr[0] == INFINITY);
  CHECK(ml_ref_unary(ML_REF_LOG, &tbig, &tbigr) == 0 && bigr[1] == -INFINITY && isnan(bigr[2]));
  CHECK(ml_ref_unary(ML_REF_SQRT, &tbig, &tbigr) == 0 && isnan(bigr[2]));

  /* bf16 exp(1) = 2.71875 (0x402E), rounded once. */
  uint16_t one = ml_ref_f32_to_bf16(1.0f), e = 0;
  MlRefTensor tb = tensor(ML_REF_BF16, &one, 0, NULL), te = tensor(ML_REF_BF16, &e, 0, NULL);
  CHECK(ml_ref_unary(ML_REF_EXP, &tb, &te) == 0 && e == 0x402E);

  /* Integers: relu, neg and abs wrap (abs(-128) = -128 in i8). */
  int8_t c[] = {-128, -5, 0, 7, 127}, cr[5];
  MlRefTensor tc = tensor(ML_REF_I8, c, 1, SHAPE(5)), tcr = tensor(ML_REF_I8, cr, 1, SHAPE(5));
  const int8_t want_abs[] = {-128, 5, 0, 7, 127}, want_neg[] = {-128, 5, 0, -7, -127};
  const int8_t want_relu[] = {0, 0, 0, 7, 127};
  CHECK(ml_ref_unary(ML_REF_ABS, &tc, &tcr) == 0);
  EXACT(&tcr, want_abs);
  CHECK(ml_ref_unary(ML_REF_NEG, &tc, &tcr) == 0);
  EXACT(&tcr, want_neg);
  CHECK(ml_ref_unary(ML_REF_RELU, &tc, &tcr) == 0);
  EXACT(&tcr, want_relu);

  CHECK(ml_ref_unary(ML_REF_EXP, &tc, &tcr) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_unary(ML_REF_EXP, &tx, &tq) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_unary(ML_REF_EXP, &tx, &tcr) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_unary(ML_REF_EXP, &tx, NULL) == ML_REF_ERR_INVALID);
}

static void testClampCast(void) {
  fprintf(stderr, "testClampCast\n");
  float x[] = {-1, 3, 7, NAN}, y[4];
  MlRefTensor tx = tensor(ML_REF_F32, x, 1, SHAPE(4)), ty = tensor(ML_REF_F32, y, 1, SHAPE(4));
  CHECK(ml_ref_clamp(&tx, 0, 6, &ty) == 0);
  CHECK(y[0] == 0 && y[1] == 3 && y[2] == 6 && isnan(y[3]));
  /* Integer bounds: toward zero, saturated to the type. */
  int8_t c[] = {-128, -3, 50, 51, 127}, cr[5];
  MlRefTensor tc = tensor(ML_REF_I8, c, 1, SHAPE(5)), tcr = tensor(ML_REF_I8, cr, 1, SHAPE(5));
  const int8_t want_c[] = {-128, -3, 50, 50, 50};
  CHECK(ml_ref_clamp(&tc, -1000, 50.7, &tcr) == 0);
  EXACT(&tcr, want_c);
  CHECK(ml_ref_clamp(&tx, 6, 0, &ty) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_clamp(&tx, NAN, 0, &ty) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_clamp(&tx, 0, 6, &tcr) == ML_REF_ERR_DTYPE);

  /* float -> int: toward zero, saturating, NaN -> 0. */
  float f[] = {1e10f, -1e10f, 2.9f, -2.9f, NAN, 127.9f, -128.9f, INFINITY};
  int8_t fi[8];
  MlRefTensor tf = tensor(ML_REF_F32, f, 1, SHAPE(8)), tfi = tensor(ML_REF_I8, fi, 1, SHAPE(8));
  const int8_t want_fi[] = {127, -128, 2, -2, 0, 127, -128, 127};
  CHECK(ml_ref_cast(&tf, &tfi) == 0);
  EXACT(&tfi, want_fi);
  float g[] = {1e30f, -1e30f, 9.2233715e18f /* 2^63 - 2^39 */, -9.2233720e18f /* -2^63 */};
  int64_t gl[4];
  MlRefTensor tg = tensor(ML_REF_F32, g, 1, SHAPE(4)), tgl = tensor(ML_REF_I64, gl, 1, SHAPE(4));
  const int64_t want_gl[] = {INT64_MAX, INT64_MIN, INT64_C(9223371487098961920), INT64_MIN};
  CHECK(ml_ref_cast(&tg, &tgl) == 0);
  EXACT(&tgl, want_gl);

  /* int -> int wraps on narrowing, sign-extends on widening. */
  int32_t w[] = {300, -129, 255, -5};
  int8_t wn[4];
  int64_t ww[4];
  MlRefTensor tw = tensor(ML_REF_I32, w, 1, SHAPE(4)), twn = tensor(ML_REF_I8, wn, 1, SHAPE(4));
  MlRefTensor tww = tensor(ML_REF_I64, ww, 1, SHAPE(4));
  const int8_t want_wn[] = {44, 127, -1, -5};
  const int64_t want_ww[] = {300, -129, 255, -5};
  CHECK(ml_ref_cast(&tw, &twn) == 0);
  EXACT(&twn, want_wn);
  CHECK(ml_ref_cast(&tw, &tww) == 0);
  EXACT(&tww, want_ww);

  /* int -> float rounds to nearest even; float -> f16 overflows to inf. */
  int32_t big = 16777217;
  float bf;
  MlRefTensor tbig = tensor(ML_REF_I32, &big, 0, NULL), tbf = tensor(ML_REF_F32, &bf, 0, NULL);
  CHECK(ml_ref_cast(&tbig, &tbf) == 0 && bf == 16777216.0f);
  float h[] = {65520, 0.1f, -2};
  uint16_t hb[3];
  MlRefTensor th = tensor(ML_REF_F32, h, 1, SHAPE(3)), thb = tensor(ML_REF_F16, hb, 1, SHAPE(3));
  CHECK(ml_ref_cast(&th, &thb) == 0 && hb[0] == 0x7C00 && hb[1] == 0x2E66 && hb[2] == 0xC000);
  /* f16 -> bf16 (0.1 in f16 is 0.0999755859375 -> bf16 0x3DCD). */
  uint16_t bb[3];
  MlRefTensor tbb = tensor(ML_REF_BF16, bb, 1, SHAPE(3));
  CHECK(ml_ref_cast(&thb, &tbb) == 0 && bb[0] == 0x7F80 && bb[1] == 0x3DCD && bb[2] == 0xC000);

  /* f64 -> f32 beyond the f32 range gives inf. */
  double huge[] = {1e300, -1e300};
  float hf[2];
  MlRefTensor thuge = tensor(ML_REF_F64, huge, 1, SHAPE(2)), thf = tensor(ML_REF_F32, hf, 1, SHAPE(2));
  CHECK(ml_ref_cast(&thuge, &thf) == 0 && hf[0] == INFINITY && hf[1] == -INFINITY);

  MlRefTensor t3 = tensor(ML_REF_I8, wn, 1, SHAPE(3));
  CHECK(ml_ref_cast(&tw, &t3) == ML_REF_ERR_SHAPE);
}

/*===-- Quantization ----------------------------------------------------===*/

/* quantize: ties to even, the clamp (±inf saturate), NaN -> zero point,
 * a true division (a reciprocal multiply would miss the two ties below);
 * dequantize: exact differences, one f32 multiply. */
static void testQuant(void) {
  fprintf(stderr, "testQuant\n");
  float x[] = {0.25f, 0.75f, -0.25f, -0.75f, 1.25f, 100, -100, INFINITY,
               -INFINITY, NAN, 62.5f, -65.5f, -0.0f};
  int8_t q[13];
  MlRefTensor tx = tensor(ML_REF_F32, x, 1, SHAPE(13)), tq = tensor(ML_REF_I8, q, 1, SHAPE(13));
  /* x / 0.5 = 0.5 1.5 -0.5 -1.5 2.5 200 -200 inf -inf NaN 125 -131 -0,
   * rounded 0 2 -0 -2 2, clamped to [-131, 124], + 3 */
  const int8_t want_q[] = {3, 5, 3, 1, 5, 127, -128, 127, -128, 3, 127, -128, 3};
  CHECK(ml_ref_quantize(&tx, 0.5f, 3, &tq) == 0);
  EXACT(&tq, want_q);
  /* zero point -128: clamped to [0, 255], so everything <= 0 gives -128 */
  const int8_t want_lo[] = {-128, -126, -128, -128, -126, 72, -128, 127, -128, -128, -3, -128, -128};
  CHECK(ml_ref_quantize(&tx, 0.5f, -128, &tq) == 0);
  EXACT(&tq, want_lo);
  /* 0x1.a00002p+1f / 0.1f is exactly 32.5 in f32 (-> 32), but times
   * (1 / 0.1f) it is 32.500004 (-> 33); likewise -72.5 and -72.500008. */
  float t[] = {0x1.a00002p+1f, -0x1.d00002p+2f};
  int8_t tt[2];
  MlRefTensor ttx = tensor(ML_REF_F32, t, 1, SHAPE(2)), ttq = tensor(ML_REF_I8, tt, 1, SHAPE(2));
  const int8_t want_t[] = {32, -72};
  CHECK(ml_ref_quantize(&ttx, 0.1f, 0, &ttq) == 0);
  EXACT(&ttq, want_t);
  /* f16 input: 0x3C00 = 1.0 / 0.4f = 2.4999999 -> f32 2.5 -> 2 */
  uint16_t h[] = {0x3C00, 0xBC00};
  int8_t hq[2];
  MlRefTensor th = tensor(ML_REF_F16, h, 1, SHAPE(2)), thq = tensor(ML_REF_I8, hq, 1, SHAPE(2));
  CHECK(ml_ref_quantize(&th, 0.4f, 0, &thq) == 0 && hq[0] == 2 && hq[1] == -2);

  int8_t d8[] = {-128, 127, 3, 0};
  float y[4];
  MlRefTensor td8 = tensor(ML_REF_I8, d8, 1, SHAPE(4)), ty = tensor(ML_REF_F32, y, 1, SHAPE(4));
  const float want_y[] = {-131 * 0.05f, 124 * 0.05f, 0, -3 * 0.05f};
  CHECK(ml_ref_dequantize(&td8, 0.05f, 3, &ty) == 0);
  EXACT(&ty, want_y);
  /* i32: the difference in int64 (no wrap), then rounded to f32 once */
  int32_t d32[] = {INT32_MAX, INT32_MIN, 16777217, 0};
  MlRefTensor td32 = tensor(ML_REF_I32, d32, 1, SHAPE(4));
  CHECK(ml_ref_dequantize(&td32, 1.0f, -1000000000, &ty) == 0);
  CHECK(ty.dtype == ML_REF_F32 && y[0] == (float)(INT64_C(3147483647)) &&
        y[1] == (float)(INT64_C(-1147483648)) && y[2] == (float)(INT64_C(1016777217)) &&
        y[3] == 1e9f);

  CHECK(ml_ref_quantize(&tx, 0.0f, 0, &tq) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_quantize(&tx, -1.0f, 0, &tq) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_quantize(&tx, INFINITY, 0, &tq) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_quantize(&tx, NAN, 0, &tq) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_quantize(&tx, 1.0f, 128, &tq) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_quantize(&tx, 1.0f, 0, &ty) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_quantize(&td8, 1.0f, 0, &td8) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_dequantize(&td8, 1.0f, -129, &ty) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_dequantize(&td32, 1.0f, -129, &ty) == ML_REF_OK);
  CHECK(ml_ref_dequantize(&ty, 1.0f, 0, &ty) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_dequantize(&td8, 1.0f, 0, &td8) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_quantize(NULL, 1.0f, 0, &tq) == ML_REF_ERR_INVALID);
}

/*===-- Contractions ----------------------------------------------------===*/

static void testMatmul(void) {
  fprintf(stderr, "testMatmul\n");
  float a[] = {1, 2, 3, 4, 5, 6}, b[] = {7, 8, 9, 10, 11, 12}, c[4];
  MlRefTensor ta = tensor(ML_REF_F32, a, 2, SHAPE(2, 3)), tb = tensor(ML_REF_F32, b, 2, SHAPE(3, 2));
  MlRefTensor tc = tensor(ML_REF_F32, c, 2, SHAPE(2, 2));
  const float want[] = {58, 64, 139, 154};
  CHECK(ml_ref_matmul(&ta, &tb, &tc) == 0);
  EXACT(&tc, want);

  /* [1,3] . [3,1]: accumulated in double, the exact 1 survives
   * (a sequential f32 sum gives 0). */
  float u[] = {1e8f, 1, -1e8f}, v[] = {1, 1, 1}, w;
  MlRefTensor tu = tensor(ML_REF_F32, u, 2, SHAPE(1, 3)), tv = tensor(ML_REF_F32, v, 2, SHAPE(3, 1));
  MlRefTensor tw = tensor(ML_REF_F32, &w, 2, SHAPE(1, 1));
  CHECK(ml_ref_matmul(&tu, &tv, &tw) == 0 && w == 1);

  /* i8 x i8 -> i32, K = 7, extreme values. */
  int8_t ia[] = {127, -128, 5, -7, 100, -100, 3, 1, 2, 3, 4, 5, 6, 7};
  int8_t ib[] = {127,  1, -1, -128, 2, -2, 99,  3, -3, -99, 4,
                 -4,   120, 5, -5, -120, 6, -6, 11, 7, -7};
  int32_t ic[6];
  MlRefTensor tia = tensor(ML_REF_I8, ia, 2, SHAPE(2, 7)), tib = tensor(ML_REF_I8, ib, 2, SHAPE(7, 3));
  MlRefTensor tic = tensor(ML_REF_I32, ic, 2, SHAPE(2, 3));
  const int32_t want_i[] = {57734, -221, 221, -271, 140, -140};
  CHECK(ml_ref_matmul(&tia, &tib, &tic) == 0);
  EXACT(&tic, want_i);

  /* i32 contractions wrap: 65536 * 65536 = 2^32 -> 0. */
  int32_t big = 65536, r = 7;
  MlRefTensor t1 = tensor(ML_REF_I32, &big, 2, SHAPE(1, 1)), tr = tensor(ML_REF_I32, &r, 2, SHAPE(1, 1));
  CHECK(ml_ref_matmul(&t1, &t1, &tr) == 0 && r == 0);

  /* batch_matmul [2,2,3] . [2,3,1]. */
  float ba[12], bb[] = {1, 2, 3, -1, 0.5f, 2}, bc[4];
  for (int i = 0; i < 12; i++)
    ba[i] = ((float)i - 5) / 4;
  MlRefTensor tba = tensor(ML_REF_F32, ba, 3, SHAPE(2, 2, 3));
  MlRefTensor tbb = tensor(ML_REF_F32, bb, 3, SHAPE(2, 3, 1));
  MlRefTensor tbc = tensor(ML_REF_F32, bc, 3, SHAPE(2, 2, 1));
  const float want_b[] = {-5.5f, -1, 1.5f, 2.625f};
  CHECK(ml_ref_batch_matmul(&tba, &tbb, &tbc) == 0);
  EXACT(&tbc, want_b);

  /* Errors. */
  CHECK(ml_ref_matmul(&ta, &ta, &tc) == ML_REF_ERR_SHAPE); /* K: 3 vs 2 */
  MlRefTensor tc8 = tensor(ML_REF_I8, ic, 2, SHAPE(2, 3));
  CHECK(ml_ref_matmul(&tia, &tib, &tc8) == ML_REF_ERR_DTYPE); /* i8 needs i32 */
  CHECK(ml_ref_matmul(&ta, &tib, &tc) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_matmul(&tba, &tbb, &tbc) == ML_REF_ERR_SHAPE); /* rank 3 */
  MlRefTensor tbb1 = tensor(ML_REF_F32, bb, 3, SHAPE(1, 3, 1));
  CHECK(ml_ref_batch_matmul(&tba, &tbb1, &tbc) == ML_REF_ERR_SHAPE); /* batch 2 vs 1 */
  MlRefTensor nodata = tensor(ML_REF_F32, NULL, 2, SHAPE(2, 2));
  CHECK(ml_ref_matmul(&ta, &tb, &nodata) == ML_REF_ERR_INVALID);
}

/* x[i] = (7 i mod 23) - 11 for a 1x4x5x7 NCHW input; w[i] = (5 i mod 13) - 6
 * for a 6x2x3x2 OIHW filter (groups = 2). */
static void conv_data(float *x, float *w) {
  for (int i = 0; i < 140; i++)
    x[i] = (float)((i * 7) % 23 - 11);
  for (int i = 0; i < 72; i++)
    w[i] = (float)((i * 5) % 13 - 6);
}

static void testConv2d(void) {
  fprintf(stderr, "testConv2d\n");
  /* Hand-checked: 3x3 of 1..9, 2x2 ones -> window sums. */
  float x1[9], w1[4] = {1, 1, 1, 1}, y1[4];
  for (int i = 0; i < 9; i++)
    x1[i] = (float)i + 1;
  MlRefTensor tx1 = tensor(ML_REF_F32, x1, 4, SHAPE(1, 1, 3, 3));
  MlRefTensor tw1 = tensor(ML_REF_F32, w1, 4, SHAPE(1, 1, 2, 2));
  MlRefTensor ty1 = tensor(ML_REF_F32, y1, 4, SHAPE(1, 1, 2, 2));
  const int64_t s1[2] = {1, 1}, p0[4] = {0, 0, 0, 0}, d1[2] = {1, 1};
  const float want1[] = {12, 16, 24, 28};
  CHECK(ml_ref_conv2d(&tx1, &tw1, ML_REF_NCHW, s1, p0, d1, 1, &ty1) == 0);
  EXACT(&ty1, want1);

  /* groups = 2, strides [2, 3], padding [1, 0, 2, 1], dilations [1, 2]:
   * 1x4x5x7 * 6x2x3x2 -> 1x6x3x2 (numpy). */
  float x[140], w[72], y[36];
  conv_data(x, w);
  const int64_t st[2] = {2, 3}, pad[4] = {1, 0, 2, 1}, dil[2] = {1, 2};
  const float want[] = {-7,  77,  -214, 43,  126,  79,   88,  59,  77,  94,  -95, -97,
                        -51, -167, 121, -76, 35,   104,  -97, -7,  -25, -94, 100, 102,
                        104, 81,  -71,  34,  -156, -178, -98, -234, 91, 97,  56,  62};
  MlRefTensor tx = tensor(ML_REF_F32, x, 4, SHAPE(1, 4, 5, 7));
  MlRefTensor tw = tensor(ML_REF_F32, w, 4, SHAPE(6, 2, 3, 2));
  MlRefTensor ty = tensor(ML_REF_F32, y, 4, SHAPE(1, 6, 3, 2));
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NCHW, st, pad, dil, 2, &ty) == 0);
  EXACT(&ty, want);

  /* The same in NHWC / HWIO (transposed with ml_ref_transpose). */
  float xh[140], wh[72], yh[36];
  MlRefTensor txh = tensor(ML_REF_F32, xh, 4, SHAPE(1, 5, 7, 4));
  MlRefTensor twh = tensor(ML_REF_F32, wh, 4, SHAPE(3, 2, 2, 6));
  MlRefTensor tyh = tensor(ML_REF_F32, yh, 4, SHAPE(1, 3, 2, 6));
  CHECK(ml_ref_transpose(&tx, SHAPE(0, 2, 3, 1), &txh) == 0);
  CHECK(ml_ref_transpose(&tw, SHAPE(2, 3, 1, 0), &twh) == 0);
  const float want_nhwc[] = {-7,  88, -51, -97, 104, -98, 77,  59,   -167, -7,  81,  -234,
                             -214, 77, 121, -25, -71, 91,  43,  94,   -76,  -94, 34,  97,
                             126, -95, 35,  100, -156, 56, 79, -97,  104,  102, -178, 62};
  CHECK(ml_ref_conv2d(&txh, &twh, ML_REF_NHWC, st, pad, dil, 2, &tyh) == 0);
  EXACT(&tyh, want_nhwc);

  /* i8 -> i32 at the extremes: 27 products of -128 * -128 and -128 * 127. */
  int8_t xi[27], wi[54];
  int32_t yi[2];
  memset(xi, 0x80, sizeof xi); /* -128 */
  for (int i = 0; i < 54; i++)
    wi[i] = (int8_t)(i < 27 ? -128 : 127);
  MlRefTensor txi = tensor(ML_REF_I8, xi, 4, SHAPE(1, 3, 3, 3));
  MlRefTensor twi = tensor(ML_REF_I8, wi, 4, SHAPE(2, 3, 3, 3));
  MlRefTensor tyi = tensor(ML_REF_I32, yi, 4, SHAPE(1, 2, 1, 1));
  CHECK(ml_ref_conv2d(&txi, &twi, ML_REF_NCHW, s1, p0, d1, 1, &tyi) == 0);
  CHECK(yi[0] == 442368 && yi[1] == -438912);

  /* Errors. */
  const int64_t s0[2] = {0, 1}, pneg[4] = {0, -1, 0, 0};
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NCHW, s0, pad, dil, 2, &ty) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NCHW, st, pneg, dil, 2, &ty) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NCHW, st, pad, dil, 0, &ty) == ML_REF_ERR_ATTR);
  /* groups = 1: the filter takes 2 channels, the input has 4. */
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NCHW, st, pad, dil, 1, &ty) == ML_REF_ERR_SHAPE);
  /* groups = 4 does not divide the 6 output channels (and 4 / 4 != 2). */
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NCHW, st, pad, dil, 4, &ty) == ML_REF_ERR_SHAPE);
  MlRefTensor ty_bad = tensor(ML_REF_F32, y, 4, SHAPE(1, 6, 2, 3));
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NCHW, st, pad, dil, 2, &ty_bad) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NHWC, st, pad, dil, 2, &ty) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_conv2d(&tx, &tw, ML_REF_NCHW, NULL, pad, dil, 2, &ty) == ML_REF_ERR_INVALID);
  CHECK(ml_ref_conv2d(&txi, &twi, ML_REF_NCHW, s1, p0, d1, 1, &ty1) == ML_REF_ERR_DTYPE);
}

/*===-- Reductions ------------------------------------------------------===*/

static void testPool2d(void) {
  fprintf(stderr, "testPool2d\n");
  /* avg, count_include_pad = false: the corner window holds only x[0][0]. */
  float x[9], y[9];
  for (int i = 0; i < 9; i++)
    x[i] = (float)i + 1;
  MlRefTensor tx = tensor(ML_REF_F32, x, 4, SHAPE(1, 1, 3, 3));
  MlRefTensor ty = tensor(ML_REF_F32, y, 4, SHAPE(1, 1, 3, 3));
  const int64_t k2[2] = {2, 2}, s1[2] = {1, 1}, ptl[4] = {1, 1, 0, 0};
  const float want_avg[] = {1, 1.5f, 2.5f, 2.5f, 3, 4, 5.5f, 6, 7};
  CHECK(ml_ref_pool2d(ML_REF_POOL_AVG, &tx, ML_REF_NCHW, k2, s1, ptl, &ty) == 0);
  EXACT(&ty, want_avg);

  /* 1x2x4x5 of negative values, kernel 3x2, strides 2, padding [1,0,1,1]:
   * max ignores the padding (never 0). NCHW and NHWC (numpy). */
  float v[40], vh[40], r[12];
  for (int i = 0; i < 40; i++)
    v[i] = (float)((i * 11) % 17 - 8) - 20;
  MlRefTensor tv = tensor(ML_REF_F32, v, 4, SHAPE(1, 2, 4, 5));
  MlRefTensor tvh = tensor(ML_REF_F32, vh, 4, SHAPE(1, 4, 5, 2));
  CHECK(ml_ref_transpose(&tv, SHAPE(0, 2, 3, 1), &tvh) == 0);
  MlRefTensor tr = tensor(ML_REF_F32, r, 4, SHAPE(1, 2, 2, 3));
  MlRefTensor trh = tensor(ML_REF_F32, r, 4, SHAPE(1, 2, 3, 2));
  const int64_t k32[2] = {3, 2}, s2[2] = {2, 2}, p[4] = {1, 0, 1, 1};
  const float want_max[] = {-13, -12, -14, -13, -15, -14, -12, -13, -15, -14, -12, -15};
  const float want_max_h[] = {-13, -12, -12, -13, -14, -15, -13, -14, -15, -12, -14, -15};
  const float want_avg2[] = {-20.5f, -19.75f, -16, -20.1666667f, -20.8333333f, -21.3333333f,
                             -17.25f, -20.75f, -17, -21.1666667f, -19, -22.3333333f};
  const float want_avg2_h[] = {-20.5f, -17.25f, -19.75f, -20.75f, -16, -17, -20.1666667f,
                               -21.1666667f, -20.8333333f, -19, -21.3333333f, -22.3333333f};
  CHECK(ml_ref_pool2d(ML_REF_POOL_MAX, &tv, ML_REF_NCHW, k32, s2, p, &tr) == 0);
  EXACT(&tr, want_max);
  CHECK(ml_ref_pool2d(ML_REF_POOL_MAX, &tvh, ML_REF_NHWC, k32, s2, p, &trh) == 0);
  EXACT(&trh, want_max_h);
  CHECK(ml_ref_pool2d(ML_REF_POOL_AVG, &tv, ML_REF_NCHW, k32, s2, p, &tr) == 0);
  NEAR(&tr, want_avg2);
  CHECK(ml_ref_pool2d(ML_REF_POOL_AVG, &tvh, ML_REF_NHWC, k32, s2, p, &trh) == 0);
  NEAR(&trh, want_avg2_h);

  /* Integer max pooling. */
  int8_t c[] = {-128, -7, -9, -100}, cr;
  MlRefTensor tc = tensor(ML_REF_I8, c, 4, SHAPE(1, 1, 2, 2)), tcr = tensor(ML_REF_I8, &cr, 4, SHAPE(1, 1, 1, 1));
  const int64_t p0[4] = {0, 0, 0, 0};
  CHECK(ml_ref_pool2d(ML_REF_POOL_MAX, &tc, ML_REF_NCHW, k2, s1, p0, &tcr) == 0 && cr == -7);

  /* Errors. */
  const int64_t pbig[4] = {2, 0, 0, 0};
  CHECK(ml_ref_pool2d(ML_REF_POOL_MAX, &tx, ML_REF_NCHW, k2, s1, pbig, &ty) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_pool2d(ML_REF_POOL_AVG, &tc, ML_REF_NCHW, k2, s1, p0, &tcr) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_pool2d(ML_REF_POOL_MAX, &tx, ML_REF_NCHW, k2, s1, p0, &ty) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_pool2d(ML_REF_POOL_MAX, &tx, ML_REF_NCHW, k2, s1, NULL, &ty) == ML_REF_ERR_INVALID);
}

static void testReduce(void) {
  fprintf(stderr, "testReduce\n");
  float x[24], r[8];
  for (int i = 0; i < 24; i++)
    x[i] = (float)i;
  MlRefTensor tx = tensor(ML_REF_F32, x, 3, SHAPE(2, 3, 4));
  MlRefTensor t231 = tensor(ML_REF_F32, r, 3, SHAPE(2, 3, 1));
  const float want_sum_last[] = {6, 22, 38, 54, 70, 86};
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tx, SHAPE(-1), 1, true, &t231) == 0);
  EXACT(&t231, want_sum_last);
  MlRefTensor t3 = tensor(ML_REF_F32, r, 1, SHAPE(3));
  const float want_sum02[] = {60, 92, 124};
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tx, SHAPE(2, -3), 2, false, &t3) == 0);
  EXACT(&t3, want_sum02);
  MlRefTensor t24 = tensor(ML_REF_F32, r, 2, SHAPE(2, 4));
  const float want_mean[] = {4, 5, 6, 7, 16, 17, 18, 19};
  CHECK(ml_ref_reduce(ML_REF_REDUCE_MEAN, &tx, SHAPE(1), 1, false, &t24) == 0);
  EXACT(&t24, want_mean);
  MlRefTensor t0 = tensor(ML_REF_F32, r, 0, NULL), t111 = tensor(ML_REF_F32, r, 3, SHAPE(1, 1, 1));
  CHECK(ml_ref_reduce(ML_REF_REDUCE_MAX, &tx, SHAPE(0, 1, 2), 3, false, &t0) == 0 && r[0] == 23);
  CHECK(ml_ref_reduce(ML_REF_REDUCE_MIN, &tx, SHAPE(0, 1, 2), 3, true, &t111) == 0 && r[0] == 0);
  x[5] = NAN;
  CHECK(ml_ref_reduce(ML_REF_REDUCE_MAX, &tx, SHAPE(0, 1, 2), 3, false, &t0) == 0 && isnan(r[0]));
  x[5] = 5;

  /* Integers wrap: i32 prod 65536 * 32768 = 2^31 -> INT32_MIN; i8 sum. */
  int32_t p[] = {65536, 32768, 65536, 65536}, pr[2];
  MlRefTensor tp = tensor(ML_REF_I32, p, 2, SHAPE(2, 2)), tpr = tensor(ML_REF_I32, pr, 1, SHAPE(2));
  CHECK(ml_ref_reduce(ML_REF_REDUCE_PROD, &tp, SHAPE(1), 1, false, &tpr) == 0 &&
        pr[0] == INT32_MIN && pr[1] == 0);
  int8_t c[] = {100, 100, -128, -1}, cr[2];
  MlRefTensor tc = tensor(ML_REF_I8, c, 2, SHAPE(2, 2)), tcr = tensor(ML_REF_I8, cr, 2, SHAPE(2, 1));
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tc, SHAPE(-1), 1, true, &tcr) == 0 && cr[0] == -56 &&
        cr[1] == 127);

  /* Errors. */
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tx, SHAPE(1, -2), 2, false, &t3) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tx, SHAPE(3), 1, false, &t3) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tx, SHAPE(0), 0, false, &t3) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_reduce(ML_REF_REDUCE_MEAN, &tc, SHAPE(1), 1, true, &tcr) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tx, SHAPE(-1), 1, false, &t231) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tx, SHAPE(-1), 1, true, &t24) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, &tx, NULL, 1, true, &t231) == ML_REF_ERR_INVALID);
}

static void testSoftmax(void) {
  fprintf(stderr, "testSoftmax\n");
  float x[] = {1, 2, 3, 4, 5, -1, 0, 1, 0, -1, 1000, 1001, 1002, 999, 1000}, y[15];
  MlRefTensor tx = tensor(ML_REF_F32, x, 2, SHAPE(3, 5)), ty = tensor(ML_REF_F32, y, 2, SHAPE(3, 5));
  const float want[] = {0.0116562312f, 0.0316849202f, 0.0861285478f, 0.23412165f,
                        0.636408627f,  0.0674508065f, 0.183350295f, 0.498397797f,
                        0.183350295f,  0.0674508065f, 0.0801589265f, 0.217894539f,
                        0.592298806f,  0.0294888206f, 0.0801589265f};
  CHECK(ml_ref_softmax(&tx, 1, &ty) == 0);
  NEAR(&ty, want);
  for (int row = 0; row < 3; row++) { /* each row sums to 1 */
    double s = 0;
    for (int k = 0; k < 5; k++)
      s += y[row * 5 + k];
    CHECK(fabs(s - 1) < 1e-6);
  }
  /* axis = -2 on the first two rows: columns sum to 1. */
  MlRefTensor tx2 = tensor(ML_REF_F32, x, 2, SHAPE(2, 5)), ty2 = tensor(ML_REF_F32, y, 2, SHAPE(2, 5));
  const float want0[] = {0.880797088f, 0.880797088f, 0.880797088f, 0.982013762f, 0.997527361f,
                         0.119202919f, 0.119202919f, 0.119202919f, 0.0179862101f, 0.00247262325f};
  CHECK(ml_ref_softmax(&tx2, -2, &ty2) == 0);
  NEAR(&ty2, want0);

  /* f16: [0, ln 3] -> [0.25, 0.75] exactly representable. */
  uint16_t h[2] = {ml_ref_f32_to_f16(0), ml_ref_f32_to_f16(1.0986123f)}, hr[2];
  MlRefTensor th = tensor(ML_REF_F16, h, 1, SHAPE(2)), thr = tensor(ML_REF_F16, hr, 1, SHAPE(2));
  CHECK(ml_ref_softmax(&th, 0, &thr) == 0);
  CHECK(fabsf(ml_ref_f16_to_f32(hr[0]) - 0.25f) <= 0x1p-11f &&
        fabsf(ml_ref_f16_to_f32(hr[1]) - 0.75f) <= 0x1p-10f);

  MlRefTensor t0 = tensor(ML_REF_F32, x, 0, NULL), t0o = tensor(ML_REF_F32, y, 0, NULL);
  CHECK(ml_ref_softmax(&t0, 0, &t0o) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_softmax(&tx, 2, &ty) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_softmax(&tx, -3, &ty) == ML_REF_ERR_ATTR);
  int32_t i[2], io[2];
  MlRefTensor ti = tensor(ML_REF_I32, i, 1, SHAPE(2)), tio = tensor(ML_REF_I32, io, 1, SHAPE(2));
  CHECK(ml_ref_softmax(&ti, 0, &tio) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_softmax(&tx, 1, &ty2) == ML_REF_ERR_SHAPE);
}

/*===-- Data movement ---------------------------------------------------===*/

static void testDataMovement(void) {
  fprintf(stderr, "testDataMovement\n");
  int32_t x[24], y[24];
  for (int i = 0; i < 24; i++)
    x[i] = i;
  MlRefTensor tx = tensor(ML_REF_I32, x, 3, SHAPE(2, 3, 4));
  MlRefTensor ty = tensor(ML_REF_I32, y, 3, SHAPE(4, 2, 3));
  const int32_t want_t[] = {0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21,
                            2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23};
  CHECK(ml_ref_transpose(&tx, SHAPE(2, 0, 1), &ty) == 0);
  EXACT(&ty, want_t);
  CHECK(ml_ref_transpose(&tx, SHAPE(0, 0, 1), &ty) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_transpose(&tx, SHAPE(1, 0, 2), &ty) == ML_REF_ERR_SHAPE);

  MlRefTensor t6x4 = tensor(ML_REF_I32, y, 2, SHAPE(6, 4)), t5 = tensor(ML_REF_I32, y, 1, SHAPE(5));
  CHECK(ml_ref_reshape(&tx, &t6x4) == 0 && memcmp(x, y, sizeof x) == 0);
  CHECK(ml_ref_reshape(&tx, &t5) == ML_REF_ERR_SHAPE);

  /* broadcast [3,1] -> [2,3,5]. */
  float b[] = {1, 2, 3}, bo[30];
  MlRefTensor tb = tensor(ML_REF_F32, b, 2, SHAPE(3, 1)), tbo = tensor(ML_REF_F32, bo, 3, SHAPE(2, 3, 5));
  CHECK(ml_ref_broadcast(&tb, &tbo) == 0);
  CHECK(bo[0] == 1 && bo[4] == 1 && bo[5] == 2 && bo[14] == 3 && bo[15] == 1 && bo[29] == 3);
  MlRefTensor tb4 = tensor(ML_REF_F32, bo, 1, SHAPE(4));
  MlRefTensor tb3 = tensor(ML_REF_F32, b, 1, SHAPE(3));
  CHECK(ml_ref_broadcast(&tb3, &tb4) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_broadcast(&tbo, &tb) == ML_REF_ERR_SHAPE); /* rank shrinks */

  /* concat [2,1] and [2,3] on axis -1; bf16 bits copied verbatim. */
  uint16_t c1[] = {1, 2}, c2[] = {3, 4, 5, 6, 7, 8}, co[8];
  MlRefTensor ins[2] = {tensor(ML_REF_BF16, c1, 2, SHAPE(2, 1)), tensor(ML_REF_BF16, c2, 2, SHAPE(2, 3))};
  MlRefTensor tco = tensor(ML_REF_BF16, co, 2, SHAPE(2, 4));
  const uint16_t want_c[] = {1, 3, 4, 5, 2, 6, 7, 8};
  CHECK(ml_ref_concat(ins, 2, -1, &tco) == 0 && memcmp(co, want_c, sizeof co) == 0);
  /* axis 0: [1,3] and [2,3] -> [3,3]. */
  MlRefTensor ins0[2] = {tensor(ML_REF_BF16, c2, 2, SHAPE(1, 3)), tensor(ML_REF_BF16, c2, 2, SHAPE(2, 3))};
  uint16_t co0[9];
  MlRefTensor tco0 = tensor(ML_REF_BF16, co0, 2, SHAPE(3, 3));
  const uint16_t want_c0[] = {3, 4, 5, 3, 4, 5, 6, 7, 8};
  CHECK(ml_ref_concat(ins0, 2, 0, &tco0) == 0 && memcmp(co0, want_c0, sizeof co0) == 0);
  CHECK(ml_ref_concat(ins, 2, 0, &tco) == ML_REF_ERR_SHAPE);  /* dims 1 vs 3 off-axis */
  CHECK(ml_ref_concat(ins, 2, 2, &tco) == ML_REF_ERR_ATTR);
  CHECK(ml_ref_concat(ins, 1, 1, &tco) == ML_REF_ERR_SHAPE);  /* sizes add to 1, not 4 */
  CHECK(ml_ref_concat(ins, 0, 1, &tco) == ML_REF_ERR_INVALID);
  MlRefTensor tcof = tensor(ML_REF_F16, co, 2, SHAPE(2, 4));
  CHECK(ml_ref_concat(ins, 2, 1, &tcof) == ML_REF_ERR_DTYPE);
}

/*===-- Booleans (I1): cmp, select, logic, casts -------------------------===*/

static void testBooleans(void) {
  fprintf(stderr, "testBooleans\n");
  /* cmp: a 3x1 column against a row of 3; NaN false except NE, -0 == +0. */
  float col[] = {NAN, -0.0f, 1}, row[] = {NAN, 0, 2};
  uint8_t o[9];
  MlRefTensor tc = tensor(ML_REF_F32, col, 2, SHAPE(3, 1)), tr = tensor(ML_REF_F32, row, 1, SHAPE(3));
  MlRefTensor to = tensor(ML_REF_I1, o, 2, SHAPE(3, 3));
  const uint8_t eq[] = {0, 0, 0, 0, 1, 0, 0, 0, 0}, ne[] = {1, 1, 1, 1, 0, 1, 1, 1, 1};
  const uint8_t lt[] = {0, 0, 0, 0, 0, 1, 0, 0, 1}, ge[] = {0, 0, 0, 0, 1, 0, 0, 1, 0};
  CHECK(ml_ref_cmp(ML_REF_CMP_EQ, &tc, &tr, &to) == 0);
  EXACT(&to, eq);
  CHECK(ml_ref_cmp(ML_REF_CMP_NE, &tc, &tr, &to) == 0);
  EXACT(&to, ne);
  CHECK(ml_ref_cmp(ML_REF_CMP_LT, &tc, &tr, &to) == 0);
  EXACT(&to, lt);
  CHECK(ml_ref_cmp(ML_REF_CMP_GE, &tc, &tr, &to) == 0);
  EXACT(&to, ge);
  int8_t ia[] = {-8, 7, 0}, ib[] = {7};
  MlRefTensor tia = tensor(ML_REF_I8, ia, 1, SHAPE(3)), tib = tensor(ML_REF_I8, ib, 1, SHAPE(1));
  MlRefTensor to3 = tensor(ML_REF_I1, o, 1, SHAPE(3));
  const uint8_t le[] = {1, 1, 1}, gt[] = {0, 0, 0};
  CHECK(ml_ref_cmp(ML_REF_CMP_LE, &tia, &tib, &to3) == 0); /* signed */
  EXACT(&to3, le);
  CHECK(ml_ref_cmp(ML_REF_CMP_GT, &tia, &tib, &to3) == 0);
  EXACT(&to3, gt);
  CHECK(ml_ref_cmp(ML_REF_CMP_EQ, &tc, &tia, &to) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_cmp(ML_REF_CMP_EQ, &to, &to, &to) == ML_REF_ERR_DTYPE); /* I1 operands */
  CHECK(ml_ref_cmp(ML_REF_CMP_EQ, &tc, &tr, &to3) == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_cmp((MlRefCmpKind)6, &tc, &tr, &to) == ML_REF_ERR_INVALID);

  /* select: cond (3x1) x (scalar) y (row of 3), three-way broadcasting;
   * a cond byte of 2 counts as true. */
  uint8_t cond[] = {1, 0, 2};
  float x = 5, so[9];
  MlRefTensor tcond = tensor(ML_REF_I1, cond, 2, SHAPE(3, 1)), tx = tensor(ML_REF_F32, &x, 0, NULL);
  MlRefTensor tso = tensor(ML_REF_F32, so, 2, SHAPE(3, 3));
  const float want[] = {5, 5, 5, NAN, 0, 2, 5, 5, 5};
  CHECK(ml_ref_select(&tcond, &tx, &tr, &tso) == 0);
  EXACT(&tso, want);
  CHECK(ml_ref_select(&tc, &tx, &tr, &tso) == ML_REF_ERR_DTYPE);   /* cond not I1 */
  CHECK(ml_ref_select(&tcond, &tx, &tia, &tso) == ML_REF_ERR_DTYPE); /* x, y differ */
  CHECK(ml_ref_select(&tcond, &tx, &tr, &to3) == ML_REF_ERR_DTYPE);
  MlRefTensor tso2 = tensor(ML_REF_F32, so, 2, SHAPE(1, 3));
  CHECK(ml_ref_select(&tcond, &tx, &tr, &tso2) == ML_REF_ERR_SHAPE);

  /* logic and not; I1 only. */
  uint8_t a[] = {0, 1, 1, 0}, b[] = {1, 1}, lo[4];
  MlRefTensor ta = tensor(ML_REF_I1, a, 2, SHAPE(2, 2)), tb = tensor(ML_REF_I1, b, 1, SHAPE(2));
  MlRefTensor tlo = tensor(ML_REF_I1, lo, 2, SHAPE(2, 2));
  const uint8_t and_[] = {0, 1, 1, 0}, xor_[] = {1, 0, 0, 1}, not_[] = {1, 0, 0, 1};
  CHECK(ml_ref_logic(ML_REF_AND, &ta, &tb, &tlo) == 0);
  EXACT(&tlo, and_);
  CHECK(ml_ref_logic(ML_REF_XOR, &ta, &tb, &tlo) == 0);
  EXACT(&tlo, xor_);
  CHECK(ml_ref_not(&ta, &tlo) == 0);
  EXACT(&tlo, not_);
  CHECK(ml_ref_logic(ML_REF_OR, &ta, &tia, &tlo) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_not(&tia, &to3) == ML_REF_ERR_DTYPE);

  /* cast: nonzero (NaN, -inf, a denormal) is true, -0 false; true is 1. */
  float f[] = {0, -0.0f, NAN, -INFINITY, 0x1p-149f, 0.5f};
  uint8_t fb[6];
  MlRefTensor tf = tensor(ML_REF_F32, f, 1, SHAPE(6)), tfb = tensor(ML_REF_I1, fb, 1, SHAPE(6));
  const uint8_t fbw[] = {0, 0, 1, 1, 1, 1};
  CHECK(ml_ref_cast(&tf, &tfb) == 0);
  EXACT(&tfb, fbw);
  int32_t back[6];
  MlRefTensor tback = tensor(ML_REF_I32, back, 1, SHAPE(6));
  const int32_t backw[] = {0, 0, 1, 1, 1, 1};
  CHECK(ml_ref_cast(&tfb, &tback) == 0);
  EXACT(&tback, backw);
  CHECK(ml_ref_cast(&tback, &tfb) == 0 && fb[0] == 0 && fb[5] == 1);

  /* Arithmetic refuses I1. */
  CHECK(ml_ref_binary(ML_REF_ADD, &ta, &ta, &tlo) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_unary(ML_REF_NEG, &ta, &tlo) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_matmul(&ta, &ta, &tlo) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_reduce(ML_REF_REDUCE_MAX, &ta, SHAPE(0), 1, false, &tb) == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_dtype_size(ML_REF_I1) == 1 && !strcmp(ml_ref_dtype_name(ML_REF_I1), "i1"));
}

/*===-- Comparison and tolerances ---------------------------------------===*/

static void testCompare(void) {
  fprintf(stderr, "testCompare\n");
  float e[] = {NAN, INFINITY, -INFINITY, 1, 100, 0};
  float a[] = {NAN, INFINITY, -INFINITY, 1.000001f, 100.001f, 1e-7f};
  MlRefTensor te = tensor(ML_REF_F32, e, 1, SHAPE(6)), ta = tensor(ML_REF_F32, a, 1, SHAPE(6));
  MlRefCompare c = ml_ref_compare(&te, &ta, 1e-5, 1e-6);
  CHECK(c.status == 0 && c.ok && c.mismatches == 0 && c.first_mismatch == -1);
  CHECK(c.max_abs_err > 9.9e-4 && c.max_abs_err < 1.1e-3); /* 100 vs 100.001 */
  CHECK(c.max_rel_err > 9e-7 && c.max_rel_err < 1.1e-5);
  c = ml_ref_compare(&te, &ta, 1e-7, 0); /* 1.000001, 100.001 and 1e-7 now fail */
  CHECK(!c.ok && c.mismatches == 3 && c.first_mismatch == 3);
  CHECK(c.expected_at_first == 1 && c.actual_at_first == 1.000001f);

  /* NaN vs number, inf vs -inf, inf vs large finite: mismatches. */
  float e2[] = {NAN, 1, INFINITY, INFINITY}, a2[] = {1, NAN, -INFINITY, 3e38f};
  MlRefTensor te2 = tensor(ML_REF_F32, e2, 1, SHAPE(4)), ta2 = tensor(ML_REF_F32, a2, 1, SHAPE(4));
  c = ml_ref_compare(&te2, &ta2, 1, 1);
  CHECK(!c.ok && c.mismatches == 4 && c.first_mismatch == 0 && isinf(c.max_abs_err));

  /* Integers are exact, even beyond 2^53. */
  int64_t ie[] = {INT64_C(1) << 62, -5}, ia[] = {(INT64_C(1) << 62) + 1, -5};
  MlRefTensor tie = tensor(ML_REF_I64, ie, 1, SHAPE(2)), tia = tensor(ML_REF_I64, ia, 1, SHAPE(2));
  c = ml_ref_compare(&tie, &tia, 0, 0);
  CHECK(!c.ok && c.mismatches == 1 && c.first_mismatch == 0 && c.max_abs_err == 1);

  /* Not comparable. */
  MlRefTensor ta5 = tensor(ML_REF_F32, a, 1, SHAPE(5));
  CHECK(ml_ref_compare(&te, &ta5, 0, 0).status == ML_REF_ERR_SHAPE);
  CHECK(ml_ref_compare(&te, &tia, 0, 0).status == ML_REF_ERR_DTYPE);
  CHECK(ml_ref_compare(&te, NULL, 0, 0).status == ML_REF_ERR_INVALID);
  CHECK(ml_ref_compare(&te, &ta, -1, 0).status == ML_REF_ERR_INVALID);
  CHECK(!ml_ref_compare(&te, &ta5, 0, 0).ok);
}

static void testTolerance(void) {
  fprintf(stderr, "testTolerance\n");
  double r, a;
  ml_ref_tolerance(ML_REF_CLASS_ELEMENTWISE, ML_REF_F32, 1, &r, &a);
  CHECK(r == 1e-5 && a == 1e-6);
  ml_ref_tolerance(ML_REF_CLASS_TRANSCENDENTAL, ML_REF_F32, 1, &r, &a);
  CHECK(fabs(r - 1.4e-5) < 1e-12 && a == 1e-6);
  ml_ref_tolerance(ML_REF_CLASS_REDUCTION, ML_REF_F32, 100, &r, &a);
  CHECK(r == 1e-5 && fabs(a - (1e-5 + 100 * 0x1p-23)) < 1e-12);
  ml_ref_tolerance(ML_REF_CLASS_SOFTMAX, ML_REF_F32, 100, &r, &a);
  CHECK(fabs(r - (1.4e-5 + 10 * 0x1p-23)) < 1e-12 && a == 1e-6);
  ml_ref_tolerance(ML_REF_CLASS_EXACT, ML_REF_F32, 1, &r, &a);
  CHECK(r == 0 && a == 0);
  ml_ref_tolerance(ML_REF_CLASS_REDUCTION, ML_REF_I32, 1000, &r, &a);
  CHECK(r == 0 && a == 0);
  ml_ref_tolerance(ML_REF_CLASS_TRANSCENDENTAL, ML_REF_BF16, 1, &r, &a);
  CHECK(r == 1e-2 && a == 1e-2);
  ml_ref_tolerance(ML_REF_CLASS_ELEMENTWISE, ML_REF_F16, 0, &r, &a);
  CHECK(r == 1e-2 && a == 1e-3);
  CHECK(ml_ref_unary_class(ML_REF_GELU) == ML_REF_CLASS_TRANSCENDENTAL);
  CHECK(ml_ref_unary_class(ML_REF_RELU) == ML_REF_CLASS_EXACT);
  CHECK(ml_ref_binary_class(ML_REF_POW) == ML_REF_CLASS_TRANSCENDENTAL);
  CHECK(ml_ref_binary_class(ML_REF_DIV) == ML_REF_CLASS_ELEMENTWISE);
  CHECK(ml_ref_reduce_class(ML_REF_REDUCE_MEAN) == ML_REF_CLASS_REDUCTION);
  CHECK(ml_ref_reduce_class(ML_REF_REDUCE_PROD) == ML_REF_CLASS_PRODUCT);

  /* A compiled-style dot product (sequential f32 accumulation) stays
   * within the REDUCTION bound of the reference. */
  enum { K = 257 };
  float u[K], v[K], seq = 0, ref;
  for (int k = 0; k < K; k++) {
    u[k] = (float)((k * 37) % 101 - 50) / 50;
    v[k] = (float)((k * 53) % 103 - 51) / 51;
    seq += u[k] * v[k];
  }
  MlRefTensor tu = tensor(ML_REF_F32, u, 2, SHAPE(1, K)), tv = tensor(ML_REF_F32, v, 2, SHAPE(K, 1));
  MlRefTensor tr = tensor(ML_REF_F32, &ref, 2, SHAPE(1, 1)), ts = tensor(ML_REF_F32, &seq, 2, SHAPE(1, 1));
  CHECK(ml_ref_matmul(&tu, &tv, &tr) == 0);
  ml_ref_tolerance(ML_REF_CLASS_REDUCTION, ML_REF_F32, K, &r, &a);
  CHECK(ml_ref_compare(&tr, &ts, r, a).ok);
}

/* Every entry point refuses NULL and malformed descriptors. */
static void testInvalid(void) {
  fprintf(stderr, "testInvalid\n");
  float d[4] = {0};
  MlRefTensor ok = tensor(ML_REF_F32, d, 1, SHAPE(4));
  MlRefTensor rank9 = ok, negdim = ok, nodata = ok, baddtype = ok;
  rank9.rank = 9;
  negdim.shape[0] = -4;
  nodata.data = NULL;
  baddtype.dtype = (MlRefDtype)42;
  const MlRefTensor *bad[] = {NULL, &rank9, &negdim, &nodata, &baddtype};
  const int64_t two[2] = {1, 1}, four[4] = {0, 0, 0, 0}, axes[1] = {0};
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    const MlRefTensor *b = bad[k];
    MlRefTensor *out = (MlRefTensor *)b;
    CHECK(ml_ref_binary(ML_REF_ADD, &ok, b, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_unary(ML_REF_RELU, b, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_clamp(&ok, 0, 1, out) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_cast(b, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_matmul(&ok, b, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_batch_matmul(b, &ok, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_conv2d(&ok, &ok, ML_REF_NCHW, two, four, two, 1, out) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_pool2d(ML_REF_POOL_MAX, b, ML_REF_NCHW, two, two, four, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_reduce(ML_REF_REDUCE_SUM, b, axes, 1, false, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_softmax(&ok, 0, out) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_transpose(b, axes, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_reshape(&ok, out) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_broadcast(b, &ok) == ML_REF_ERR_INVALID);
    if (b)
      CHECK(ml_ref_concat(b, 1, 0, &ok) == ML_REF_ERR_INVALID);
    CHECK(ml_ref_compare(b, &ok, 0, 0).status == ML_REF_ERR_INVALID);
  }
  CHECK(ml_ref_concat(NULL, 1, 0, &ok) == ML_REF_ERR_INVALID);
  CHECK(strcmp(ml_ref_status_str(ML_REF_ERR_SHAPE), "shape mismatch") == 0);
}

int main(void) {
  testDtypes();
  testBinary();
  testUnary();
  testClampCast();
  testQuant();
  testMatmul();
  testConv2d();
  testPool2d();
  testReduce();
  testSoftmax();
  testDataMovement();
  testBooleans();
  testCompare();
  testTolerance();
  testInvalid();
  return finish();
}
