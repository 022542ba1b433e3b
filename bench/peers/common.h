/* common.h: what every C peer of `make bench` shares — the command line,
 * random data, and the timing loop — so that OpenBLAS, oneDNN and naive C
 * are timed exactly alike (and like bench/peers/torch_peer.py and the
 * driver's ml-run loop; bench/README.md "How each number is taken").
 *
 * A peer is run once per (workload, thread count):
 *   PEER THREADS MIN_SECONDS MAX_SECONDS WORKLOAD DIMS...
 * and prints one line, "min_ms median_ms runs", or "n/a: why" (exit 2)
 * when it has no implementation of the workload. Thread counts are set by
 * the driver through the environment (OMP_NUM_THREADS,
 * OPENBLAS_NUM_THREADS); THREADS is passed too so a peer can check or set
 * its library's count itself. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  int threads;
  double min_s, max_s;
  const char *workload;
  long dims[8];
  int ndims;
} BenchArgs;

static void bench_usage(const char *prog) {
  fprintf(stderr,
          "usage: %s THREADS MIN_SECONDS MAX_SECONDS WORKLOAD DIMS...\n"
          "  sgemm M N K | mlp M N K | conv N C H W OC KH KW PAD | softmax R C | attention L D DH\n",
          prog);
  exit(1);
}

static BenchArgs bench_parse(int argc, char **argv) {
  BenchArgs a = {0};
  if (argc < 5 || argc - 5 > 8) bench_usage(argv[0]);
  a.threads = atoi(argv[1]);
  a.min_s = atof(argv[2]);
  a.max_s = atof(argv[3]);
  a.workload = argv[4];
  a.ndims = argc - 5;
  for (int i = 0; i < a.ndims; i++) a.dims[i] = atol(argv[5 + i]);
  return a;
}

/* Checks the dimension count of workload `w`. */
static void bench_need(const BenchArgs *a, int n) {
  if (a->ndims != n) {
    fprintf(stderr, "bench: %s needs %d dimensions, got %d\n", a->workload, n, a->ndims);
    exit(1);
  }
}

static void bench_na(const char *why) {
  printf("n/a: %s\n", why);
  exit(2);
}

static double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* 64-byte aligned floats, uniform in [-1, 1) (splitmix64, fixed seed). */
static float *bench_random(size_t n, uint64_t seed) {
  float *p = aligned_alloc(64, ((n * sizeof(float)) + 63) / 64 * 64);
  if (!p) {
    fprintf(stderr, "bench: out of memory\n");
    exit(1);
  }
  uint64_t s = seed * 0x9e3779b97f4a7c15ull + 1;
  for (size_t i = 0; i < n; i++) {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    p[i] = (float)((int32_t)(z >> 40) - (1 << 23)) / (float)(1 << 23);
  }
  return p;
}

static float *bench_zeros(size_t n) {
  float *p = bench_random(n, 0);
  memset(p, 0, n * sizeof(float));
  return p;
}

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

/* The timing loop: one timed warm-up call; if it alone took MAX_SECONDS or
 * more it is the only sample (slow naive kernels), otherwise calls are
 * repeated until at least 3 runs and MIN_SECONDS have passed (or MAX_SECONDS,
 * or 10000 runs). Prints "min_ms median_ms runs". */
static void bench_time(const BenchArgs *a, void (*fn)(void *), void *ctx) {
  enum { MAXRUNS = 10000 };
  static double t[MAXRUNS];
  int n = 0;
  double t0 = bench_now();
  fn(ctx);
  double warm = bench_now() - t0;
  if (warm >= a->max_s) {
    t[n++] = warm;
  } else {
    double start = bench_now();
    while (n < MAXRUNS) {
      double s = bench_now();
      fn(ctx);
      double e = bench_now();
      t[n++] = e - s;
      double spent = e - start;
      /* enough, or one more call would pass MAX_SECONDS; never past 3x */
      if ((n >= 3 && (spent >= a->min_s || spent + t[n - 1] > a->max_s)) || spent >= 3 * a->max_s)
        break;
    }
  }
  qsort(t, n, sizeof t[0], cmp_double);
  double med = n % 2 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
  printf("%.6f %.6f %d\n", t[0] * 1e3, med * 1e3, n);
}

/* Prints "checksum SUM_ABS SUM_SQUARES" of an output to stderr: the peers
 * draw the same inputs (bench_random's seeds), so run.py can check that they
 * computed the same thing. */
static void bench_checksum(const float *p, size_t n) {
  double a = 0, q = 0;
  for (size_t i = 0; i < n; i++) {
    a += p[i] < 0 ? -p[i] : p[i];
    q += (double)p[i] * p[i];
  }
  fprintf(stderr, "checksum %.9e %.9e\n", a, q);
}

#endif
