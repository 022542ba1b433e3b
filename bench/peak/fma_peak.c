/* fma_peak: the machine's measured peak single-precision FMA rate.
 *
 * Each thread runs a loop of independent fused multiply-adds on NACC vector
 * accumulators (enough to cover the FMA latency times the number of FMA
 * pipes on every x86 core we know of: 16 of the 32 zmm registers on
 * AVX-512, 12 of the 16 ymm registers on AVX2 — 16 there spills to the
 * stack and measured half the rate), on AVX-512 when the compiler targets
 * it (-march=native on an AVX-512 machine) and AVX2 + FMA otherwise. The
 * rate counts two flops per FMA lane, as sgemm's 2·M·N·K does, so
 * "fraction of peak" is the sgemm GFLOP/s divided by this figure.
 *
 * usage: fma_peak THREADS [SECONDS]   prints "fma_peak: T threads, G GFLOP/s (ISA)"
 * The best of 5 trials is reported (the least disturbed by a shared machine). */
#define _GNU_SOURCE
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#ifdef __AVX512F__
typedef __m512 vec;
#define LANES 16
#define NACC 16
#define ISA "AVX-512"
#define vset(x) _mm512_set1_ps(x)
#define vfma(a, b, c) _mm512_fmadd_ps(a, b, c)
#define vadd(a, b) _mm512_add_ps(a, b)
#define vsum(a) _mm512_reduce_add_ps(a)
#elif defined(__FMA__)
typedef __m256 vec;
#define LANES 8
#define NACC 12
#define ISA "AVX2+FMA"
#define vset(x) _mm256_set1_ps(x)
#define vfma(a, b, c) _mm256_fmadd_ps(a, b, c)
#define vadd(a, b) _mm256_add_ps(a, b)
static float vsum(__m256 a) {
  float t[8];
  _mm256_storeu_ps(t, a);
  return t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6] + t[7];
}
#else
#error "fma_peak needs FMA (build with -march=native on an x86-64 FMA machine)"
#endif

typedef struct {
  long iters;
  float sink;
} Job;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* iters × NACC independent FMAs per lane; x·1 + 1e-7 keeps values finite. */
static void *worker(void *arg) {
  Job *job = arg;
  vec acc[NACC];
  for (int i = 0; i < NACC; i++) acc[i] = vset((float)i);
  vec m = vset(0.9999999f), a = vset(1e-7f);
  for (long it = 0; it < job->iters; it++) {
#pragma GCC unroll 16
    for (int i = 0; i < NACC; i++) acc[i] = vfma(acc[i], m, a);
    __asm__ volatile("" : "+x"(m)); /* keep the loop from being folded */
  }
  vec s = acc[0];
  for (int i = 1; i < NACC; i++) s = vadd(s, acc[i]);
  job->sink = vsum(s);
  return NULL;
}

/* One trial: `threads` workers of `iters` iterations each; GFLOP/s. */
static double trial(int threads, long iters) {
  pthread_t tid[64];
  Job jobs[64];
  double t0 = now();
  for (int t = 0; t < threads; t++) {
    jobs[t].iters = iters;
    pthread_create(&tid[t], NULL, worker, &jobs[t]);
  }
  for (int t = 0; t < threads; t++) pthread_join(tid[t], NULL);
  double dt = now() - t0;
  return 2.0 * LANES * NACC * (double)iters * threads / dt * 1e-9;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  double seconds = argc > 2 ? atof(argv[2]) : 0.3;
  if (threads < 1 || threads > 64) {
    fprintf(stderr, "fma_peak: THREADS must be 1..64\n");
    return 1;
  }
  /* calibrate: iterations for about `seconds` per trial */
  long iters = 1 << 20;
  double g = trial(1, iters);
  iters = (long)(seconds * g * 1e9 / (2.0 * LANES * NACC));
  if (iters < (1 << 20)) iters = 1 << 20;
  double best = 0;
  for (int r = 0; r < 5; r++) {
    double x = trial(threads, iters);
    if (x > best) best = x;
  }
  printf("fma_peak: %d threads, %.1f GFLOP/s (%s, %d accumulators)\n", threads, best, ISA, NACC);
  return 0;
}
