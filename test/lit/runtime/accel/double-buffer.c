// Double buffering on the simulator: C = A * B with 512x512 i8 operands
// on a 16x16 PE array (256 KiB scratchpad, 64 KiB accumulator, 64 bytes
// per DMA cycle), written directly against the runtime ABI with 16x16
// output tiles and K in two steps of 256.
//
// Single-buffered: one slot per operand; the host waits for each matmul
// before loading the next tiles, so every step pays both loads and the
// DMA latency before its matmul: 64 + 64 + 100 + (256 + 32) = 516 cycles,
// 2048 steps, + 116 for the last tile's dma_out = 1056884 cycles.
// Double-buffered: two slots per operand and two accumulator tiles; the
// loads for step s+1 only wait for the matmul that last read their slot
// (step s-1), so they run under matmul s and the PE array never idles
// after the first step: 228 + 2048 * 288 + 116 = 590168 cycles.
// Both results are checked against a naive loop.
// RUN: %accel_cc %s -o %t %accel_rt
// RUN: %t | FileCheck %s --match-full-lines
// CHECK:      single-buffered: cycles 1056884, PE utilization 0.4961, result ok
// CHECK-NEXT: double-buffered: cycles 590168, PE utilization 0.8884, result ok
// CHECK-NEXT: double < single: yes (1.79x faster)
// CHECK-NEXT: error: (none)
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accel_rt.h"

enum { N = 512, T = 16, TK = 256, TILES = N / T, KSTEPS = N / TK };

static int8_t *A, *B;
static int32_t *C, *want;

/* The tile loads of step kk of output tile (i, j) into slots a, b. */
static int64_t load_a(int64_t a, int i, int kk) {
  return accel_rt_dma_in(a, &A[(size_t)i * T * N + (size_t)kk * TK], N, 1, T, TK);
}
static int64_t load_b(int64_t b, int j, int kk) {
  return accel_rt_dma_in(b, &B[(size_t)kk * TK * N + (size_t)j * T], N, 1, TK, T);
}
static int64_t store_c(int64_t c, int i, int j) {
  return accel_rt_dma_out(c, &C[(size_t)i * T * N + (size_t)j * T], N, 1, T, T);
}

/* One slot per operand: every step loads, then computes, then waits. */
static void single_buffered(void) {
  int64_t a = accel_rt_alloc(ACCEL_RT_SPAD, T, TK), b = accel_rt_alloc(ACCEL_RT_SPAD, TK, T);
  int64_t c = accel_rt_alloc(ACCEL_RT_ACC, T, T);
  int64_t out = 0, mm = 0;
  for (int i = 0; i < TILES; i++)
    for (int j = 0; j < TILES; j++) {
      for (int kk = 0; kk < KSTEPS; kk++) {
        int64_t ta = load_a(a, i, kk), tb = load_b(b, j, kk);
        accel_rt_after(ta);
        accel_rt_after(tb);
        if (kk == 0 && out)
          accel_rt_after(out); /* the previous tile has left the accumulator */
        mm = accel_rt_matmul(c, a, b, kk > 0);
        accel_rt_wait(mm); /* before the next loads overwrite a and b */
      }
      accel_rt_after(mm);
      out = store_c(c, i, j);
    }
  accel_rt_wait(out);
}

/* Two slots per operand and two accumulator tiles; step s = (tile, kk)
 * uses operand slot s % 2 and accumulator slot tile % 2. */
static void double_buffered(void) {
  int64_t a[2], b[2], c[2];
  int64_t ta[2], tb[2], last_mm[2] = {0, 0}, out[2] = {0, 0};
  for (int s = 0; s < 2; s++) {
    a[s] = accel_rt_alloc(ACCEL_RT_SPAD, T, TK);
    b[s] = accel_rt_alloc(ACCEL_RT_SPAD, TK, T);
    c[s] = accel_rt_alloc(ACCEL_RT_ACC, T, T);
  }
  const int steps = TILES * TILES * KSTEPS;
  /* Loads of step s into its slot, once the matmul that read it is done. */
#define LOAD(s)                                                                  \
  do {                                                                           \
    int slot_ = (s) % 2, tile_ = (s) / KSTEPS, kk_ = (s) % KSTEPS;               \
    if (last_mm[slot_])                                                          \
      accel_rt_after(last_mm[slot_]);                                            \
    ta[slot_] = load_a(a[slot_], tile_ / TILES, kk_);                            \
    if (last_mm[slot_])                                                          \
      accel_rt_after(last_mm[slot_]);                                            \
    tb[slot_] = load_b(b[slot_], tile_ % TILES, kk_);                            \
  } while (0)
  LOAD(0);
  for (int s = 0; s < steps; s++) {
    if (s + 1 < steps)
      LOAD(s + 1); /* prefetch under this step's matmul */
    int slot = s % 2, tile = s / KSTEPS, kk = s % KSTEPS, cs = tile % 2;
    accel_rt_after(ta[slot]);
    accel_rt_after(tb[slot]);
    if (kk == 0 && out[cs])
      accel_rt_after(out[cs]); /* tile - 2 has left this accumulator */
    last_mm[slot] = accel_rt_matmul(c[cs], a[slot], b[slot], kk > 0);
    if (kk == KSTEPS - 1) {
      accel_rt_after(last_mm[slot]);
      out[cs] = store_c(c[cs], tile / TILES, tile % TILES);
    }
  }
#undef LOAD
  accel_rt_wait(out[0]);
  accel_rt_wait(out[1]);
}

/* Runs one schedule from a reset device; returns its cycles. */
static int64_t run(const char *name, void (*schedule)(void)) {
  memset(C, 0x5a, sizeof(int32_t) * N * N);
  int64_t mark = accel_rt_mark();
  accel_rt_reset_stats();
  schedule();
  accel_rt_release(mark);
  accel_rt_stats s;
  accel_rt_get_stats(&s);
  int ok = memcmp(C, want, sizeof(int32_t) * N * N) == 0;
  printf("%s: cycles %lld, PE utilization %.4f, result %s\n", name, (long long)s.cycles,
         s.pe_utilization, ok ? "ok" : "WRONG");
  return ok ? s.cycles : -1;
}

int main(void) {
  A = malloc(N * N);
  B = malloc(N * N);
  C = malloc(sizeof(int32_t) * N * N);
  want = calloc((size_t)N * N, sizeof(int32_t));
  uint32_t r = 1;
  for (int i = 0; i < N * N; i++) {
    r = r * 1103515245u + 12345u;
    A[i] = (int8_t)(r >> 24);
    r = r * 1103515245u + 12345u;
    B[i] = (int8_t)(r >> 24);
  }
  for (int i = 0; i < N; i++)
    for (int k = 0; k < N; k++)
      for (int j = 0; j < N; j++)
        want[i * N + j] += A[i * N + k] * B[k * N + j];

  accel_rt_configure(T, T, 262144, 65536, 64, ACCEL_RT_I8, ACCEL_RT_I32);
  int64_t single = run("single-buffered", single_buffered);
  int64_t dbl = run("double-buffered", double_buffered);
  int faster = single > 0 && dbl > 0 && dbl < single;
  printf("double < single: %s (%.2fx faster)\n", faster ? "yes" : "no",
         dbl > 0 ? (double)single / (double)dbl : 0.0);
  const char *e = accel_rt_error();
  printf("error: %s\n", e ? e : "(none)");
  free(A);
  free(B);
  free(C);
  free(want);
  return !faster || e != NULL;
}
