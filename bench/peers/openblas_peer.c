/* openblas_peer: the workloads of `make bench` on Debian's OpenBLAS
 * (libopenblas0-pthread), the way a C program built on BLAS computes them.
 *
 *   sgemm      cblas_sgemm, row-major, no transposes
 *   mlp        C := bias rows; cblas_sgemm with beta = 1; relu pass in C
 *   conv       im2col (C·KH·KW × OH·OW) then one cblas_sgemm per image
 *   attention  cblas_sgemm for Q, K, V, Q·Kᵀ (transposed B, alpha = 1/sqrt(DH))
 *              and P·V; the row softmax in between is plain C (serial)
 *   softmax    n/a (BLAS has none)
 *
 * Threads: openblas_set_num_threads(THREADS) (the driver also sets
 * OPENBLAS_NUM_THREADS and unsets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE so
 * OpenBLAS picks its own kernel for this CPU; bench/README.md). The kernel
 * it picked is printed to stderr (openblas_get_corename). */
#include "common.h"

#include <cblas.h>
#include <math.h>

extern void openblas_set_num_threads(int);
extern char *openblas_get_corename(void);
extern char *openblas_get_config(void);

typedef struct {
  long m, n, k;
  long nb, c, h, w, oc, kh, kw, pad, oh, ow;
  float *a, *b, *bias, *out, *col;
  float *wq, *wk, *wv, *q, *kk, *v, *s;
} Ctx;

static void run_sgemm(void *p) {
  Ctx *x = p;
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, x->m, x->n, x->k, 1.0f, x->a, x->k,
              x->b, x->n, 0.0f, x->out, x->n);
}

static void run_mlp(void *p) {
  Ctx *x = p;
  for (long i = 0; i < x->m; i++) memcpy(x->out + i * x->n, x->bias, x->n * sizeof(float));
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, x->m, x->n, x->k, 1.0f, x->a, x->k,
              x->b, x->n, 1.0f, x->out, x->n);
  long mn = x->m * x->n;
  for (long i = 0; i < mn; i++) x->out[i] = x->out[i] > 0.0f ? x->out[i] : 0.0f;
}

/* im2col of image n into x->col: row (c, r, s), column (oh, ow). */
static void im2col(Ctx *x, long n) {
  for (long c = 0; c < x->c; c++) {
    const float *in = x->a + (n * x->c + c) * x->h * x->w;
    for (long r = 0; r < x->kh; r++)
      for (long s = 0; s < x->kw; s++) {
        float *dst = x->col + ((c * x->kh + r) * x->kw + s) * x->oh * x->ow;
        for (long oh = 0; oh < x->oh; oh++) {
          long ih = oh + r - x->pad;
          for (long ow = 0; ow < x->ow; ow++) {
            long iw = ow + s - x->pad;
            dst[oh * x->ow + ow] =
                (ih >= 0 && ih < x->h && iw >= 0 && iw < x->w) ? in[ih * x->w + iw] : 0.0f;
          }
        }
      }
  }
}

static void run_conv(void *p) {
  Ctx *x = p;
  long kdim = x->c * x->kh * x->kw, pix = x->oh * x->ow;
  for (long n = 0; n < x->nb; n++) {
    im2col(x, n);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, x->oc, pix, kdim, 1.0f, x->b, kdim,
                x->col, pix, 0.0f, x->out + n * x->oc * pix, pix);
  }
}

static void run_attention(void *p) {
  Ctx *x = p;
  long l = x->m, d = x->n, dh = x->k;
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, l, dh, d, 1.0f, x->a, d, x->wq, dh,
              0.0f, x->q, dh);
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, l, dh, d, 1.0f, x->a, d, x->wk, dh,
              0.0f, x->kk, dh);
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, l, dh, d, 1.0f, x->a, d, x->wv, dh,
              0.0f, x->v, dh);
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, l, l, dh, 1.0f / sqrtf((float)dh), x->q,
              dh, x->kk, dh, 0.0f, x->s, l);
  for (long i = 0; i < l; i++) {
    float *si = x->s + i * l;
    float mx = -INFINITY, sum = 0.0f;
    for (long j = 0; j < l; j++) mx = si[j] > mx ? si[j] : mx;
    for (long j = 0; j < l; j++) sum += (si[j] = expf(si[j] - mx));
    float inv = 1.0f / sum;
    for (long j = 0; j < l; j++) si[j] *= inv;
  }
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, l, dh, l, 1.0f, x->s, l, x->v, dh, 0.0f,
              x->out, dh);
}

int main(int argc, char **argv) {
  BenchArgs a = bench_parse(argc, argv);
  openblas_set_num_threads(a.threads);
  fprintf(stderr, "openblas: core %s; config %s\n", openblas_get_corename(), openblas_get_config());
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
    x.oh = x.h + 2 * x.pad - x.kh + 1, x.ow = x.w + 2 * x.pad - x.kw + 1;
    x.a = bench_random(x.nb * x.c * x.h * x.w, 1);
    x.b = bench_random(x.oc * x.c * x.kh * x.kw, 2);
    x.col = bench_zeros(x.c * x.kh * x.kw * x.oh * x.ow);
    x.out = bench_zeros(x.nb * x.oc * x.oh * x.ow);
    bench_time(&a, run_conv, &x);
    bench_checksum(x.out, x.nb * x.oc * x.oh * x.ow);
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
  } else if (!strcmp(w, "softmax")) {
    bench_na("BLAS has no softmax");
  } else {
    bench_na("unknown workload");
  }
  return 0;
}
