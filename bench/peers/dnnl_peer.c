/* dnnl_peer: the workloads of `make bench` on Debian's oneDNN (libdnnl2,
 * C API, OpenMP threading through libgomp), each as oneDNN means it to be
 * used for inference: primitives created once, only execution timed.
 *
 *   sgemm      dnnl_sgemm (row-major, no transposes)
 *   mlp        one matmul primitive: src M×K, weights K×N (plain row-major),
 *              bias 1×N, relu as an eltwise post-op (fused epilogue)
 *   conv       convolution forward (inference), direct algorithm, every
 *              tensor in the layout the primitive prefers (format_tag any:
 *              blocked, e.g. nChw16c); input and weights are reordered into
 *              it once, outside the timing, and the output stays blocked
 *   softmax    softmax forward primitive, axis 1, in place
 *   attention  matmul primitives for Q, K, V (one primitive, three calls),
 *              Q·Kᵀ (K read through transposed strides, 1/sqrt(DH) as the
 *              output scale), softmax primitive, P·V
 *
 * Threads: OMP_NUM_THREADS from the driver (oneDNN reads it through
 * libgomp). The ISA oneDNN dispatches to is printed to stderr. */
#include "common.h"

#include <dnnl.h>
#include <math.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    dnnl_status_t st_ = (call);                                              \
    if (st_ != dnnl_success) {                                               \
      fprintf(stderr, "dnnl_peer: %s failed (status %d)\n", #call, (int)st_); \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

static dnnl_engine_t engine;
static dnnl_stream_t stream;

enum { MAXARGS = 6 };

/* A primitive with its arguments bound, ready to execute. */
typedef struct {
  dnnl_primitive_t prim;
  dnnl_exec_arg_t args[MAXARGS];
  int nargs;
} Call;

static void call_run(const Call *c) { CHECK(dnnl_primitive_execute(c->prim, stream, c->nargs, c->args)); }

static void call_arg(Call *c, int what, dnnl_memory_t m) {
  c->args[c->nargs].arg = what;
  c->args[c->nargs].memory = m;
  c->nargs++;
}

static dnnl_memory_desc_t md_tag(int nd, const dnnl_dims_t dims, dnnl_format_tag_t tag) {
  dnnl_memory_desc_t md;
  CHECK(dnnl_memory_desc_init_by_tag(&md, nd, dims, dnnl_f32, tag));
  return md;
}

static dnnl_memory_t mem(const dnnl_memory_desc_t *md, void *data) {
  dnnl_memory_t m;
  CHECK(dnnl_memory_create(&m, md, engine, data ? data : DNNL_MEMORY_ALLOCATE));
  return m;
}

static dnnl_primitive_t prim(const_dnnl_op_desc_t desc, const_dnnl_primitive_attr_t attr) {
  dnnl_primitive_desc_t pd;
  dnnl_primitive_t p;
  CHECK(dnnl_primitive_desc_create(&pd, desc, attr, engine, NULL));
  CHECK(dnnl_primitive_create(&p, pd));
  CHECK(dnnl_primitive_desc_destroy(pd));
  return p;
}

/* A matmul [m×k]·[k×n] (+ bias) with optional attributes; b_trans reads
 * the weights from an n×k row-major buffer. */
static dnnl_primitive_t matmul_prim(long m, long n, long k, int bias, int b_trans,
                                    const_dnnl_primitive_attr_t attr) {
  dnnl_dims_t sd = {m, k}, wd = {k, n}, bd = {1, n}, dd = {m, n};
  dnnl_memory_desc_t smd = md_tag(2, sd, dnnl_ab), dmd = md_tag(2, dd, dnnl_ab), bmd, wmd;
  wmd = md_tag(2, wd, b_trans ? dnnl_ba : dnnl_ab);
  if (bias) bmd = md_tag(2, bd, dnnl_ab);
  dnnl_matmul_desc_t desc;
  CHECK(dnnl_matmul_desc_init(&desc, &smd, &wmd, bias ? &bmd : NULL, &dmd));
  return prim(&desc, attr);
}

typedef struct {
  long m, n, k;
  float *a, *b, *out;
  Call c[8];
  int ncalls;
} Ctx;

static void run_sgemm(void *p) {
  Ctx *x = p;
  CHECK(dnnl_sgemm('N', 'N', x->m, x->n, x->k, 1.0f, x->a, x->k, x->b, x->n, 0.0f, x->out, x->n));
}

static void run_calls(void *p) {
  Ctx *x = p;
  for (int i = 0; i < x->ncalls; i++) call_run(&x->c[i]);
  CHECK(dnnl_stream_wait(stream));
}

static void setup_mlp(Ctx *x) {
  long m = x->m, n = x->n, k = x->k;
  dnnl_post_ops_t po;
  dnnl_primitive_attr_t attr;
  CHECK(dnnl_post_ops_create(&po));
  CHECK(dnnl_post_ops_append_eltwise(po, 1.0f, dnnl_eltwise_relu, 0.0f, 0.0f));
  CHECK(dnnl_primitive_attr_create(&attr));
  CHECK(dnnl_primitive_attr_set_post_ops(attr, po));
  Call *c = &x->c[x->ncalls++];
  c->prim = matmul_prim(m, n, k, 1, 0, attr);
  dnnl_dims_t sd = {m, k}, wd = {k, n}, bd = {1, n}, dd = {m, n};
  dnnl_memory_desc_t smd = md_tag(2, sd, dnnl_ab), wmd = md_tag(2, wd, dnnl_ab);
  dnnl_memory_desc_t bmd = md_tag(2, bd, dnnl_ab), dmd = md_tag(2, dd, dnnl_ab);
  call_arg(c, DNNL_ARG_SRC, mem(&smd, bench_random(m * k, 1)));
  call_arg(c, DNNL_ARG_WEIGHTS, mem(&wmd, bench_random(k * n, 2)));
  call_arg(c, DNNL_ARG_BIAS, mem(&bmd, bench_random(n, 3)));
  call_arg(c, DNNL_ARG_DST, mem(&dmd, NULL));
  CHECK(dnnl_primitive_attr_destroy(attr));
  CHECK(dnnl_post_ops_destroy(po));
}

/* Reorders plain `data` (md `from`) into a new memory of md `to`. */
static dnnl_memory_t reordered(const dnnl_memory_desc_t *from, float *data,
                               const dnnl_memory_desc_t *to) {
  dnnl_memory_t src = mem(from, data), dst = mem(to, NULL);
  dnnl_primitive_desc_t pd;
  dnnl_primitive_t r;
  CHECK(dnnl_reorder_primitive_desc_create(&pd, from, engine, to, engine, NULL));
  CHECK(dnnl_primitive_create(&r, pd));
  dnnl_exec_arg_t args[2] = {{DNNL_ARG_FROM, src}, {DNNL_ARG_TO, dst}};
  CHECK(dnnl_primitive_execute(r, stream, 2, args));
  CHECK(dnnl_stream_wait(stream));
  CHECK(dnnl_primitive_destroy(r));
  CHECK(dnnl_primitive_desc_destroy(pd));
  return dst;
}

static void setup_conv(Ctx *x, const long *d) {
  long nb = d[0], c = d[1], h = d[2], w = d[3], oc = d[4], kh = d[5], kw = d[6], pad = d[7];
  long oh = h + 2 * pad - kh + 1, ow = w + 2 * pad - kw + 1;
  dnnl_dims_t sd = {nb, c, h, w}, wd = {oc, c, kh, kw}, dd = {nb, oc, oh, ow};
  dnnl_dims_t strides = {1, 1}, padl = {pad, pad}, padr = {pad, pad};
  dnnl_memory_desc_t sany = md_tag(4, sd, dnnl_format_tag_any);
  dnnl_memory_desc_t wany = md_tag(4, wd, dnnl_format_tag_any);
  dnnl_memory_desc_t dany = md_tag(4, dd, dnnl_format_tag_any);
  dnnl_convolution_desc_t desc;
  CHECK(dnnl_convolution_forward_desc_init(&desc, dnnl_forward_inference, dnnl_convolution_direct,
                                           &sany, &wany, NULL, &dany, strides, padl, padr));
  dnnl_primitive_desc_t pd;
  CHECK(dnnl_primitive_desc_create(&pd, &desc, NULL, engine, NULL));
  const dnnl_memory_desc_t *smd = dnnl_primitive_desc_query_md(pd, dnnl_query_src_md, 0);
  const dnnl_memory_desc_t *wmd = dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0);
  const dnnl_memory_desc_t *dmd = dnnl_primitive_desc_query_md(pd, dnnl_query_dst_md, 0);
  const char *impl = "?";
  CHECK(dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl));
  fprintf(stderr, "dnnl: conv implementation %s\n", impl);
  dnnl_memory_desc_t splain = md_tag(4, sd, dnnl_nchw), wplain = md_tag(4, wd, dnnl_oihw);
  Call *cl = &x->c[x->ncalls++];
  CHECK(dnnl_primitive_create(&cl->prim, pd));
  call_arg(cl, DNNL_ARG_SRC, reordered(&splain, bench_random(nb * c * h * w, 1), smd));
  call_arg(cl, DNNL_ARG_WEIGHTS, reordered(&wplain, bench_random(oc * c * kh * kw, 2), wmd));
  call_arg(cl, DNNL_ARG_DST, mem(dmd, NULL));
  CHECK(dnnl_primitive_desc_destroy(pd));
}

static dnnl_primitive_t softmax_prim(long r, long c) {
  dnnl_dims_t dd = {r, c};
  dnnl_memory_desc_t md = md_tag(2, dd, dnnl_ab);
  dnnl_softmax_desc_t desc;
  CHECK(dnnl_softmax_forward_desc_init(&desc, dnnl_forward_inference, &md, 1));
  return prim(&desc, NULL);
}

static void setup_softmax(Ctx *x) {
  dnnl_dims_t dd = {x->m, x->n};
  dnnl_memory_desc_t md = md_tag(2, dd, dnnl_ab);
  Call *c = &x->c[x->ncalls++];
  c->prim = softmax_prim(x->m, x->n);
  dnnl_memory_t in = mem(&md, bench_random(x->m * x->n, 1)), out = mem(&md, NULL);
  call_arg(c, DNNL_ARG_SRC, in);
  call_arg(c, DNNL_ARG_DST, out);
}

static void setup_attention(Ctx *x) {
  long l = x->m, d = x->n, dh = x->k;
  dnnl_dims_t xd = {l, d}, wd = {d, dh}, qd = {l, dh}, ktd = {dh, l}, sd = {l, l};
  dnnl_memory_desc_t xmd = md_tag(2, xd, dnnl_ab), wmd = md_tag(2, wd, dnnl_ab);
  dnnl_memory_desc_t qmd = md_tag(2, qd, dnnl_ab), smd = md_tag(2, sd, dnnl_ab);
  dnnl_memory_desc_t ktmd = md_tag(2, ktd, dnnl_ba); /* K (l×dh row-major) seen as dh×l */
  dnnl_memory_t mx = mem(&xmd, bench_random(l * d, 1));
  dnnl_memory_t mq = mem(&qmd, NULL), mv = mem(&qmd, NULL), ms = mem(&smd, NULL);
  dnnl_memory_t mo = mem(&qmd, NULL);
  float *kbuf = bench_zeros(l * dh);
  dnnl_memory_t mk = mem(&qmd, kbuf), mkt = mem(&ktmd, kbuf);
  dnnl_primitive_t proj = matmul_prim(l, dh, d, 0, 0, NULL);
  dnnl_memory_t wts[3] = {mem(&wmd, bench_random(d * dh, 2)), mem(&wmd, bench_random(d * dh, 3)),
                          mem(&wmd, bench_random(d * dh, 4))};
  dnnl_memory_t outs[3] = {mq, mk, mv};
  for (int i = 0; i < 3; i++) {
    Call *c = &x->c[x->ncalls++];
    c->prim = proj;
    call_arg(c, DNNL_ARG_SRC, mx);
    call_arg(c, DNNL_ARG_WEIGHTS, wts[i]);
    call_arg(c, DNNL_ARG_DST, outs[i]);
  }
  dnnl_primitive_attr_t attr;
  float scale = 1.0f / sqrtf((float)dh);
  CHECK(dnnl_primitive_attr_create(&attr));
  CHECK(dnnl_primitive_attr_set_output_scales(attr, 1, 0, &scale));
  Call *c = &x->c[x->ncalls++];
  c->prim = matmul_prim(l, l, dh, 0, 1, attr);
  call_arg(c, DNNL_ARG_SRC, mq);
  call_arg(c, DNNL_ARG_WEIGHTS, mkt);
  call_arg(c, DNNL_ARG_DST, ms);
  CHECK(dnnl_primitive_attr_destroy(attr));
  c = &x->c[x->ncalls++];
  c->prim = softmax_prim(l, l);
  call_arg(c, DNNL_ARG_SRC, ms);
  call_arg(c, DNNL_ARG_DST, ms);
  c = &x->c[x->ncalls++];
  c->prim = matmul_prim(l, dh, l, 0, 0, NULL);
  call_arg(c, DNNL_ARG_SRC, ms);
  call_arg(c, DNNL_ARG_WEIGHTS, mv);
  call_arg(c, DNNL_ARG_DST, mo);
}

static const char *isa_name(dnnl_cpu_isa_t isa) {
  switch (isa) {
  case dnnl_cpu_isa_avx512_core_bf16: return "avx512_core_bf16";
  case dnnl_cpu_isa_avx512_core_vnni: return "avx512_core_vnni";
  case dnnl_cpu_isa_avx512_core: return "avx512_core";
  case dnnl_cpu_isa_avx2_vnni: return "avx2_vnni";
  case dnnl_cpu_isa_avx2: return "avx2";
  default: return "other";
  }
}

int main(int argc, char **argv) {
  BenchArgs a = bench_parse(argc, argv);
  CHECK(dnnl_engine_create(&engine, dnnl_cpu, 0));
  CHECK(dnnl_stream_create(&stream, engine, dnnl_stream_default_flags));
  const dnnl_version_t *v = dnnl_version();
  fprintf(stderr, "dnnl: v%d.%d.%d, cpu runtime %u, isa %s\n", v->major, v->minor, v->patch,
          v->cpu_runtime, isa_name(dnnl_get_effective_cpu_isa()));
  Ctx x = {0};
  const char *w = a.workload;
  if (!strcmp(w, "sgemm")) {
    bench_need(&a, 3);
    x.m = a.dims[0], x.n = a.dims[1], x.k = a.dims[2];
    x.a = bench_random(x.m * x.k, 1), x.b = bench_random(x.k * x.n, 2);
    x.out = bench_zeros(x.m * x.n);
    bench_time(&a, run_sgemm, &x);
    bench_checksum(x.out, x.m * x.n);
    return 0;
  }
  if (!strcmp(w, "mlp") || !strcmp(w, "attention")) {
    bench_need(&a, 3);
    x.m = a.dims[0], x.n = a.dims[1], x.k = a.dims[2];
    if (!strcmp(w, "mlp"))
      setup_mlp(&x);
    else
      setup_attention(&x);
  } else if (!strcmp(w, "conv")) {
    bench_need(&a, 8);
    setup_conv(&x, a.dims);
  } else if (!strcmp(w, "softmax")) {
    bench_need(&a, 2);
    x.m = a.dims[0], x.n = a.dims[1];
    setup_softmax(&x);
  } else {
    bench_na("unknown workload");
  }
  bench_time(&a, run_calls, &x);
  /* the output: the destination of the last call (blocked for conv, which
   * changes the order of the elements but not their sums) */
  const Call *last = &x.c[x.ncalls - 1];
  for (int i = 0; i < last->nargs; i++)
    if (last->args[i].arg == DNNL_ARG_DST) {
      void *data;
      const dnnl_memory_desc_t *md;
      CHECK(dnnl_memory_get_data_handle(last->args[i].memory, &data));
      CHECK(dnnl_memory_get_memory_desc(last->args[i].memory, &md));
      bench_checksum(data, dnnl_memory_desc_get_size(md) / sizeof(float));
    }
  return 0;
}
