/* naive_peer: the workloads of `make bench` as plain C loops, the floor any
 * compiler should beat. Built with gcc -O3 -march=native -fopenmp (no
 * -ffast-math: float reductions stay in order, so dot-product loops are not
 * vectorized, as a C compiler must do by default).
 *
 * Loop orders: matmul is i-k-j (the innermost loop runs along rows of B and
 * C, so gcc vectorizes it); conv is n, oc, c, kh, kw, oh, ow (the innermost
 * loop runs along an output row); Q·Kᵀ in attention is i-j-k (a dot product
 * along rows of Q and K). The outermost loop of each is `omp parallel for`:
 * at 1 thread that is plain serial code, at 2 threads rows are split.
 *
 * usage: see common.h. */
#include "common.h"

#include <math.h>
#include <omp.h>

typedef struct {
  long m, n, k;            /* matmul / mlp; attention: L, D, DH */
  long nb, c, h, w, oc, kh, kw, pad;
  float *a, *b, *bias, *out;
  float *wq, *wk, *wv, *q, *kk, *v, *s; /* attention */
} Ctx;

/* c[m×n] (+)= a[m×k] · b[k×n], i-k-j; c is set to `init` rows first
 * (zeros, or the bias row when init != NULL). */
static void matmul(long m, long n, long k, const float *a, const float *b, float *c,
                   const float *init) {
#pragma omp parallel for schedule(static)
  for (long i = 0; i < m; i++) {
    float *ci = c + i * n;
    for (long j = 0; j < n; j++) ci[j] = init ? init[j] : 0.0f;
    for (long p = 0; p < k; p++) {
      float aip = a[i * k + p];
      const float *bp = b + p * n;
      for (long j = 0; j < n; j++) ci[j] += aip * bp[j];
    }
  }
}

/* Softmax of each row of x[r×c], in place: max, exp and sum, scale. */
static void softmax_rows(long r, long c, float *x) {
#pragma omp parallel for schedule(static)
  for (long i = 0; i < r; i++) {
    float *xi = x + i * c;
    float mx = -INFINITY;
    for (long j = 0; j < c; j++) mx = xi[j] > mx ? xi[j] : mx;
    float sum = 0.0f;
    for (long j = 0; j < c; j++) {
      xi[j] = expf(xi[j] - mx);
      sum += xi[j];
    }
    float inv = 1.0f / sum;
    for (long j = 0; j < c; j++) xi[j] *= inv;
  }
}

static void run_sgemm(void *p) {
  Ctx *x = p;
  matmul(x->m, x->n, x->k, x->a, x->b, x->out, NULL);
}

static void run_mlp(void *p) {
  Ctx *x = p;
  matmul(x->m, x->n, x->k, x->a, x->b, x->out, x->bias);
  long mn = x->m * x->n;
  for (long i = 0; i < mn; i++) x->out[i] = x->out[i] > 0.0f ? x->out[i] : 0.0f;
}

/* NCHW × OIHW, stride 1, symmetric padding `pad`. */
static void run_conv(void *p) {
  Ctx *x = p;
  long oh_n = x->h + 2 * x->pad - x->kh + 1, ow_n = x->w + 2 * x->pad - x->kw + 1;
  for (long n = 0; n < x->nb; n++) {
#pragma omp parallel for schedule(static)
    for (long o = 0; o < x->oc; o++) {
      float *out = x->out + (n * x->oc + o) * oh_n * ow_n;
      for (long i = 0; i < oh_n * ow_n; i++) out[i] = 0.0f;
      for (long c = 0; c < x->c; c++) {
        const float *in = x->a + (n * x->c + c) * x->h * x->w;
        for (long r = 0; r < x->kh; r++)
          for (long s = 0; s < x->kw; s++) {
            float wt = x->b[((o * x->c + c) * x->kh + r) * x->kw + s];
            long lo = x->pad - s > 0 ? x->pad - s : 0;
            long hi = x->w + x->pad - s < ow_n ? x->w + x->pad - s : ow_n;
            for (long oh = 0; oh < oh_n; oh++) {
              long ih = oh + r - x->pad;
              if (ih < 0 || ih >= x->h) continue;
              const float *row = in + ih * x->w + s - x->pad;
              float *orow = out + oh * ow_n;
              for (long ow = lo; ow < hi; ow++) orow[ow] += wt * row[ow];
            }
          }
      }
    }
  }
}

static void run_softmax(void *p) {
  Ctx *x = p;
  memcpy(x->out, x->a, x->m * x->n * sizeof(float));
  softmax_rows(x->m, x->n, x->out);
}

/* One head: Q,K,V = X·W*, S = Q·Kᵀ/sqrt(DH), P = softmax(S), O = P·V. */
static void run_attention(void *p) {
  Ctx *x = p;
  long l = x->m, d = x->n, dh = x->k;
  matmul(l, dh, d, x->a, x->wq, x->q, NULL);
  matmul(l, dh, d, x->a, x->wk, x->kk, NULL);
  matmul(l, dh, d, x->a, x->wv, x->v, NULL);
  float scale = 1.0f / sqrtf((float)dh);
#pragma omp parallel for schedule(static)
  for (long i = 0; i < l; i++)
    for (long j = 0; j < l; j++) {
      float acc = 0.0f;
      for (long t = 0; t < dh; t++) acc += x->q[i * dh + t] * x->kk[j * dh + t];
      x->s[i * l + j] = acc * scale;
    }
  softmax_rows(l, l, x->s);
  matmul(l, dh, l, x->s, x->v, x->out, NULL);
}

int main(int argc, char **argv) {
  BenchArgs a = bench_parse(argc, argv);
  omp_set_num_threads(a.threads);
  Ctx x = {0};
  const char *w = a.workload;
  if (!strcmp(w, "sgemm") || !strcmp(w, "mlp")) {
    bench_need(&a, 3);
    x.m = a.dims[0], x.n = a.dims[1], x.k = a.dims[2];
    x.a = bench_random(x.m * x.k, 1), x.b = bench_random(x.k * x.n, 2);
    x.bias = bench_random(x.n, 3), x.out = bench_zeros(x.m * x.n);
    bench_time(&a, !strcmp(w, "sgemm") ? run_sgemm : run_mlp, &x);
    bench_checksum(x.out, x.m * x.n);
  } else if (!strcmp(w, "conv")) {
    bench_need(&a, 8);
    x.nb = a.dims[0], x.c = a.dims[1], x.h = a.dims[2], x.w = a.dims[3];
    x.oc = a.dims[4], x.kh = a.dims[5], x.kw = a.dims[6], x.pad = a.dims[7];
    long oh = x.h + 2 * x.pad - x.kh + 1, ow = x.w + 2 * x.pad - x.kw + 1;
    x.a = bench_random(x.nb * x.c * x.h * x.w, 1);
    x.b = bench_random(x.oc * x.c * x.kh * x.kw, 2);
    x.out = bench_zeros(x.nb * x.oc * oh * ow);
    bench_time(&a, run_conv, &x);
    bench_checksum(x.out, x.nb * x.oc * oh * ow);
  } else if (!strcmp(w, "softmax")) {
    bench_need(&a, 2);
    x.m = a.dims[0], x.n = a.dims[1];
    x.a = bench_random(x.m * x.n, 1), x.out = bench_zeros(x.m * x.n);
    bench_time(&a, run_softmax, &x);
    bench_checksum(x.out, x.m * x.n);
  } else if (!strcmp(w, "attention")) {
    bench_need(&a, 3);
    x.m = a.dims[0], x.n = a.dims[1], x.k = a.dims[2];
    long l = x.m, d = x.n, dh = x.k;
    x.a = bench_random(l * d, 1);
    x.wq = bench_random(d * dh, 2), x.wk = bench_random(d * dh, 3), x.wv = bench_random(d * dh, 4);
    x.q = bench_zeros(l * dh), x.kk = bench_zeros(l * dh), x.v = bench_zeros(l * dh);
    x.s = bench_zeros(l * l), x.out = bench_zeros(l * dh);
    bench_time(&a, run_attention, &x);
    bench_checksum(x.out, l * dh);
  } else {
    bench_na("unknown workload");
  }
  return 0;
}
