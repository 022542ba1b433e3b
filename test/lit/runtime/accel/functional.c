// accel_rt_matmul is exact: i8 (negative values, the i32 accumulator
// wrapping) and f32 / f16 / bf16 products equal a naive C loop bit for bit
// (both compiled with -ffp-contract=off), accumulate adds to the
// accumulator and overwrite replaces it, and every f16 and bf16 value is
// converted to f32 exactly. Each case prints "ok" or a FAIL line.
// RUN: %accel_cc %s -o %t %accel_rt
// RUN: %t | FileCheck %s --implicit-check-not=FAIL
// RUN: %if valgrind %{ %valgrind %t > /dev/null %}
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accel_rt.h"

static int failures;

static void report(const char *name, int64_t bad) {
  if (accel_rt_error()) {
    printf("FAIL %s: %s\n", name, accel_rt_error());
    accel_rt_clear_error();
    failures++;
  } else if (bad) {
    printf("FAIL %s: %lld mismatches\n", name, (long long)bad);
    failures++;
  } else {
    printf("%s: ok\n", name);
  }
}

static uint64_t seed = 12345;
static uint32_t next_random(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return (uint32_t)(seed >> 33);
}

/* i8 in [-128, 127], the extremes more often than chance. */
static int8_t random_i8(void) {
  uint32_t r = next_random() % 10;
  if (r == 0)
    return -128;
  if (r == 1)
    return 127;
  return (int8_t)((int)(next_random() % 256) - 128);
}

/* A float with a few fraction bits, either sign. */
static float random_f32(void) {
  return ((float)(int)(next_random() % 2001) - 1000.0f) / 64.0f;
}

/* C (m x n) = A (m x k) * B (k x n) + C0 in i32 with wrapping, the naive way. */
static void naive_i8(int32_t *c, const int32_t *c0, const int8_t *a, const int8_t *b,
                     int m, int k, int n) {
  for (int i = 0; i < m; i++)
    for (int j = 0; j < n; j++) {
      int64_t s = c0 ? c0[i * n + j] : 0;
      for (int p = 0; p < k; p++)
        s += (int64_t)a[i * k + p] * b[p * n + j];
      c[i * n + j] = (int32_t)(uint32_t)(uint64_t)s;
    }
}

// CHECK-LABEL: i8 13x37x11 exact buffers: ok
// CHECK-NEXT: i8 13x37x11 in padded buffers: ok
// CHECK-NEXT: i8 accumulate twice: ok
// CHECK-NEXT: i8 overwrite: ok
// CHECK-NEXT: i8 accumulate wraps past INT32_MAX and INT32_MIN: ok
// CHECK-NEXT: i8 K = 140000 wraps: ok
static void test_i8(void) {
  enum { M = 13, K = 37, N = 11 };
  int8_t a[M * K], b[K * N];
  int32_t want[M * N], got[M * N], twice[M * N];
  for (int i = 0; i < M * K; i++)
    a[i] = random_i8();
  for (int i = 0; i < K * N; i++)
    b[i] = random_i8();
  naive_i8(want, NULL, a, b, M, K, N);

  accel_rt_configure(16, 16, 1 << 20, 1 << 16, 64, ACCEL_RT_I8, ACCEL_RT_I32);
  int64_t mark = accel_rt_mark();
  int64_t la = accel_rt_alloc(ACCEL_RT_SPAD, M, K), lb = accel_rt_alloc(ACCEL_RT_SPAD, K, N);
  int64_t c = accel_rt_alloc(ACCEL_RT_ACC, M, N);
  int64_t t1 = accel_rt_dma_in(la, a, K, 1, M, K), t2 = accel_rt_dma_in(lb, b, N, 1, K, N);
  accel_rt_after(t1);
  accel_rt_after(t2);
  int64_t tm = accel_rt_matmul(c, la, lb, 0);
  accel_rt_after(tm);
  accel_rt_wait(accel_rt_dma_out(c, got, N, 1, M, N));
  report("i8 13x37x11 exact buffers", memcmp(got, want, sizeof got) != 0);

  /* The same product in 16x40 / 40x16 buffers: the zero padding adds nothing. */
  int64_t pa = accel_rt_alloc(ACCEL_RT_SPAD, 16, 40), pb = accel_rt_alloc(ACCEL_RT_SPAD, 40, 16);
  int64_t pc = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_after(accel_rt_dma_in(pa, a, K, 1, M, K));
  accel_rt_after(accel_rt_dma_in(pb, b, N, 1, K, N));
  accel_rt_after(accel_rt_matmul(pc, pa, pb, 0));
  int32_t padded[16 * 16];
  memset(padded, 0x55, sizeof padded);
  accel_rt_wait(accel_rt_dma_out(pc, padded, 16, 1, 16, 16));
  int64_t bad = 0;
  for (int i = 0; i < 16; i++)
    for (int j = 0; j < 16; j++)
      bad += padded[i * 16 + j] != (i < M && j < N ? want[i * N + j] : 0);
  report("i8 13x37x11 in padded buffers", bad);

  /* acc += A*B on top of the first result gives 2 A*B; overwrite gives A*B. */
  accel_rt_wait(accel_rt_matmul(c, la, lb, 1));
  accel_rt_wait(accel_rt_dma_out(c, twice, N, 1, M, N));
  bad = 0;
  for (int i = 0; i < M * N; i++)
    bad += twice[i] != (int32_t)(2u * (uint32_t)want[i]);
  report("i8 accumulate twice", bad);
  accel_rt_wait(accel_rt_matmul(c, la, lb, 0));
  accel_rt_wait(accel_rt_dma_out(c, got, N, 1, M, N));
  report("i8 overwrite", memcmp(got, want, sizeof got) != 0);

  /* Start from values near the i32 limits (a DMA into the accumulator). */
  int32_t c0[M * N];
  for (int i = 0; i < M * N; i++)
    c0[i] = i % 2 ? INT32_MAX - (int32_t)(next_random() % 1000)
                  : INT32_MIN + (int32_t)(next_random() % 1000);
  for (int i = 0; i < M * K; i++)
    a[i] = (int8_t)(i % 3 ? 127 : -128);
  accel_rt_wait(accel_rt_dma_in(la, a, K, 1, M, K));
  naive_i8(want, c0, a, b, M, K, N);
  accel_rt_wait(accel_rt_dma_in(c, c0, N, 1, M, N));
  accel_rt_wait(accel_rt_matmul(c, la, lb, 1));
  accel_rt_wait(accel_rt_dma_out(c, got, N, 1, M, N));
  report("i8 accumulate wraps past INT32_MAX and INT32_MIN", memcmp(got, want, sizeof got) != 0);
  accel_rt_release(mark);

  /* (-128)^2 * 140000 = 2293760000 > INT32_MAX: the sum itself wraps. */
  enum { BIG = 140000 };
  int8_t *v = malloc(BIG);
  memset(v, 0x80, BIG);
  int64_t lv = accel_rt_alloc(ACCEL_RT_SPAD, 1, BIG), rv = accel_rt_alloc(ACCEL_RT_SPAD, BIG, 1);
  int64_t cv = accel_rt_alloc(ACCEL_RT_ACC, 1, 1);
  accel_rt_after(accel_rt_dma_in(lv, v, BIG, 1, 1, BIG));
  accel_rt_after(accel_rt_dma_in(rv, v, 1, 1, BIG, 1));
  accel_rt_after(accel_rt_matmul(cv, lv, rv, 0));
  int32_t dot;
  accel_rt_wait(accel_rt_dma_out(cv, &dot, 1, 1, 1, 1));
  report("i8 K = 140000 wraps", dot != (int32_t)(uint32_t)(16384ull * BIG));
  free(v);
  accel_rt_release(mark);
}

/* The naive float loop: s = C0 (or +0), then s = s + a*b in k order. */
static void naive_f32(float *c, const float *c0, const float *a, const float *b, int m,
                      int k, int n) {
  for (int i = 0; i < m; i++)
    for (int j = 0; j < n; j++) {
      float s = c0 ? c0[i * n + j] : 0.0f;
      for (int p = 0; p < k; p++) {
        float prod = a[i * k + p] * b[p * n + j];
        s = s + prod;
      }
      c[i * n + j] = s;
    }
}

/* Runs C = A*B, then C = C0 + A*B (a DMA'd bias, accumulate), on the
 * device with inputs `a`, `b` of element type `type` (host arrays of that
 * type) and compares with naive_f32 on their f32 values `af`, `bf`. */
static void check_float(const char *name, int32_t type, const void *a, const void *b,
                        const float *af, const float *bf, int m, int k, int n) {
  float *want = malloc(sizeof(float) * m * n), *got = malloc(sizeof(float) * m * n);
  float *c0 = malloc(sizeof(float) * m * n);
  for (int i = 0; i < m * n; i++)
    c0[i] = random_f32();
  accel_rt_configure(16, 16, 1 << 20, 1 << 16, 64, type, ACCEL_RT_F32);
  int64_t mark = accel_rt_mark();
  int64_t la = accel_rt_alloc(ACCEL_RT_SPAD, m, k), lb = accel_rt_alloc(ACCEL_RT_SPAD, k, n);
  int64_t c = accel_rt_alloc(ACCEL_RT_ACC, m, n);
  accel_rt_after(accel_rt_dma_in(la, a, k, 1, m, k));
  accel_rt_after(accel_rt_dma_in(lb, b, n, 1, k, n));
  accel_rt_after(accel_rt_matmul(c, la, lb, 0));
  accel_rt_wait(accel_rt_dma_out(c, got, n, 1, m, n));
  naive_f32(want, NULL, af, bf, m, k, n);
  char label[64];
  snprintf(label, sizeof label, "%s %dx%dx%d", name, m, k, n);
  report(label, memcmp(got, want, sizeof(float) * m * n) != 0);

  accel_rt_after(accel_rt_dma_in(c, c0, n, 1, m, n));
  accel_rt_after(accel_rt_matmul(c, la, lb, 1));
  accel_rt_wait(accel_rt_dma_out(c, got, n, 1, m, n));
  naive_f32(want, c0, af, bf, m, k, n);
  snprintf(label, sizeof label, "%s bias + A*B", name);
  report(label, memcmp(got, want, sizeof(float) * m * n) != 0);
  accel_rt_release(mark);
  free(want);
  free(got);
  free(c0);
}

/* The top half of an f32 (truncation: any bf16 inputs do; bookworm's
 * libgcc has no __truncsfbf2 for a (__bf16) cast). */
static __bf16 to_bf16(float f) {
  uint32_t bits;
  memcpy(&bits, &f, 4);
  uint16_t top = (uint16_t)(bits >> 16);
  __bf16 h;
  memcpy(&h, &top, 2);
  return h;
}

// CHECK-LABEL: f32 16x100x9: ok
// CHECK-NEXT: f32 bias + A*B: ok
// CHECK-NEXT: f16 7x64x16: ok
// CHECK-NEXT: f16 bias + A*B: ok
// CHECK-NEXT: bf16 16x33x5: ok
// CHECK-NEXT: bf16 bias + A*B: ok
static void test_floats(void) {
  enum { MAXE = 16 * 100 };
  float af[MAXE], bf[MAXE];
  _Float16 ah[MAXE], bh[MAXE];
  __bf16 ab[MAXE], bb[MAXE];
  for (int i = 0; i < MAXE; i++) {
    af[i] = random_f32() * 1.001f; /* all 24 mantissa bits in play */
    bf[i] = random_f32() / 3.0f;
  }
  check_float("f32", ACCEL_RT_F32, af, bf, af, bf, 16, 100, 9);

  for (int i = 0; i < MAXE; i++) {
    ah[i] = (_Float16)(random_f32() / 7.0f);
    bh[i] = (_Float16)(random_f32() / 5.0f);
    af[i] = (float)ah[i];
    bf[i] = (float)bh[i];
  }
  check_float("f16", ACCEL_RT_F16, ah, bh, af, bf, 7, 64, 16);

  for (int i = 0; i < MAXE; i++) {
    ab[i] = to_bf16(random_f32() / 7.0f);
    bb[i] = to_bf16(random_f32() / 5.0f);
    af[i] = (float)ab[i];
    bf[i] = (float)bb[i];
  }
  check_float("bf16", ACCEL_RT_BF16, ab, bb, af, bf, 16, 33, 5);
}

/* Every one of the 65536 bit patterns of `type` through a 1x1 by 1x256
 * product with 1.0: the device's f32 value must be the compiler's. */
static int64_t check_conversions(int32_t type) {
  accel_rt_configure(16, 256, 1 << 20, 1 << 16, 64, type, ACCEL_RT_F32);
  int64_t mark = accel_rt_mark();
  int64_t one = accel_rt_alloc(ACCEL_RT_SPAD, 1, 1), row = accel_rt_alloc(ACCEL_RT_SPAD, 1, 256);
  int64_t c = accel_rt_alloc(ACCEL_RT_ACC, 1, 256);
  uint16_t one_bits = type == ACCEL_RT_F16 ? 0x3c00 : 0x3f80, bits[256];
  float got[256];
  int64_t bad = 0;
  accel_rt_wait(accel_rt_dma_in(one, &one_bits, 1, 1, 1, 1));
  for (int hi = 0; hi < 256; hi++) {
    for (int lo = 0; lo < 256; lo++)
      bits[lo] = (uint16_t)(hi << 8 | lo);
    accel_rt_wait(accel_rt_dma_in(row, bits, 256, 1, 1, 256));
    accel_rt_wait(accel_rt_matmul(c, one, row, 0));
    accel_rt_wait(accel_rt_dma_out(c, got, 256, 1, 1, 256));
    for (int lo = 0; lo < 256; lo++) {
      float want;
      if (type == ACCEL_RT_F16) {
        _Float16 h;
        memcpy(&h, &bits[lo], 2);
        want = (float)h;
      } else {
        __bf16 h;
        memcpy(&h, &bits[lo], 2);
        want = (float)h;
      }
      want = 0.0f + 1.0f * want; /* as the device computes it */
      if (isnan(want) ? !isnan(got[lo]) : memcmp(&want, &got[lo], 4) != 0)
        bad++;
    }
  }
  accel_rt_release(mark);
  return bad;
}

// CHECK-LABEL: all f16 values convert exactly: ok
// CHECK-NEXT: all bf16 values convert exactly: ok
static void test_conversions(void) {
  report("all f16 values convert exactly", check_conversions(ACCEL_RT_F16));
  report("all bf16 values convert exactly", check_conversions(ACCEL_RT_BF16));
}

int main(void) {
  test_i8();
  test_floats();
  test_conversions();
  return failures != 0;
}
