/* accel_rt.c: libmlopt_accel_rt, the simulator behind accel_rt.h.
 *
 * One device per process, kept in the static `dev`: the target, a stack of
 * buffers (host memory the simulator owns, bump-allocated against the
 * scratchpad and accumulator capacities), the tokens' completion cycles,
 * the three engines' and the host's clocks and the counters. Not
 * thread-safe: a host running compiled code on several threads must
 * serialize the calls (the device is one in-order machine anyway).
 *
 * Every op is checked, timed by the header's cycle model (issue(): start,
 * completion, races against each buffer's last reader and writer), and
 * only then executed functionally by accel_compute.c, so buffer contents
 * follow program order. Errors are sticky (fail()): the first is kept, and
 * later device calls do nothing and return 0. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The library is built with hidden visibility; only the ABI is exported. */
#pragma GCC visibility push(default)
#include "accel_rt.h"
#pragma GCC visibility pop
#include "accel_internal.h"

enum { LOAD, STORE, PE, ENGINES };

/* The latest op that read or wrote some buffer memory. */
typedef struct Access {
  int64_t end;     /* its completion cycle; 0 for none */
  int64_t token;
  const char *op;  /* "dma_in", "dma_out" or "matmul" */
  int64_t buffer;  /* the buffer it used (a released one, for reused memory) */
  int writes;
} Access;

typedef struct Buffer {
  int64_t id, rows, cols, bytes, offset;
  int32_t kind;
  unsigned char *data;            /* rows x cols, row-major */
  int64_t valid_rows, valid_cols; /* set by dma_in and matmul; the rest is padding */
  Access write, read;             /* the last writer; the latest-ending reader */
} Buffer;

static struct {
  int configured;
  int64_t pe_rows, pe_cols, capacity[2], dma;
  int32_t type[2];                 /* element type per kind: in_type, acc_type */
  Buffer *bufs;                    /* the allocation stack; ids increase along it */
  int64_t nbufs, cap_bufs, next_id;
  int64_t used[2];                 /* bytes in use per kind: the bump pointer */
  Access freed[2];                 /* latest access to released memory, per kind */
  int64_t freed_top[2];            /* and the top of the released memory */
  int64_t *tokens;                 /* completion cycle of token i + 1 */
  int64_t ntokens, cap_tokens;
  int64_t after;                   /* latest completion among pending after()s */
  int64_t engine_free[ENGINES];
  int64_t host;                    /* the host's clock */
  accel_rt_stats stats;
} dev;

static char error_text[512];
static int failed;

static const char *const kind_names[2] = {"scratchpad", "accumulator"};

/* Records the first error; later ones are dropped. */
static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void fail(const char *fmt, ...) {
  if (failed)
    return;
  failed = 1;
  int n = snprintf(error_text, sizeof error_text, "accel_rt: ");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(error_text + n, sizeof error_text - (size_t)n, fmt, ap);
  va_end(ap);
}

static int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }
static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }

/* ---- Target and allocation ---------------------------------------------- */

/* A target as #accel.target spells it (the accumulator type follows). */
static void format_target(char *out, size_t size, int64_t pe_rows, int64_t pe_cols,
                          int64_t spad, int64_t acc, int64_t dma, int32_t in_type) {
  snprintf(out, size, "<pe = %" PRId64 "x%" PRId64 ", spad = %" PRId64 ", acc = %" PRId64
           ", dma = %" PRId64 ", in = %s>", pe_rows, pe_cols, spad, acc, dma,
           accel_type_name(in_type));
}

void accel_rt_configure(int64_t pe_rows, int64_t pe_cols, int64_t spad_bytes,
                        int64_t acc_bytes, int64_t dma_bytes_per_cycle,
                        int32_t in_type, int32_t acc_type) {
  if (failed)
    return;
  if (dev.configured && pe_rows == dev.pe_rows && pe_cols == dev.pe_cols &&
      spad_bytes == dev.capacity[ACCEL_RT_SPAD] &&
      acc_bytes == dev.capacity[ACCEL_RT_ACC] && dma_bytes_per_cycle == dev.dma &&
      in_type == dev.type[ACCEL_RT_SPAD] && acc_type == dev.type[ACCEL_RT_ACC])
    return;
  const char *fn = "accel_rt_configure";
  if (pe_rows <= 0 || pe_cols <= 0) {
    fail("%s: PE array rows and columns must be > 0, got %" PRId64 "x%" PRId64,
         fn, pe_rows, pe_cols);
    return;
  }
  if (spad_bytes <= 0 || acc_bytes <= 0 || dma_bytes_per_cycle <= 0) {
    fail("%s: scratchpad, accumulator and DMA bytes must be > 0, got %" PRId64
         ", %" PRId64 ", %" PRId64, fn, spad_bytes, acc_bytes, dma_bytes_per_cycle);
    return;
  }
  if (in_type != ACCEL_RT_I8 && in_type != ACCEL_RT_F16 && in_type != ACCEL_RT_BF16 &&
      in_type != ACCEL_RT_F32) {
    fail("%s: input type code %" PRId32 " (%s) is not one of i8, f16, bf16, f32",
         fn, in_type, accel_type_name(in_type));
    return;
  }
  int32_t want = in_type == ACCEL_RT_I8 ? ACCEL_RT_I32 : ACCEL_RT_F32;
  if (acc_type != want) {
    fail("%s: accumulator type code %" PRId32 " (%s) must be %s for input type %s",
         fn, acc_type, accel_type_name(acc_type), accel_type_name(want),
         accel_type_name(in_type));
    return;
  }
  if (dev.nbufs > 0) {
    char from[160], to[160];
    format_target(from, sizeof from, dev.pe_rows, dev.pe_cols, dev.capacity[ACCEL_RT_SPAD],
                  dev.capacity[ACCEL_RT_ACC], dev.dma, dev.type[ACCEL_RT_SPAD]);
    format_target(to, sizeof to, pe_rows, pe_cols, spad_bytes, acc_bytes,
                  dma_bytes_per_cycle, in_type);
    fail("%s: cannot change the target from %s to %s while %" PRId64
         " buffers are allocated; release them first", fn, from, to, dev.nbufs);
    return;
  }
  dev.configured = 1;
  dev.pe_rows = pe_rows;
  dev.pe_cols = pe_cols;
  dev.capacity[ACCEL_RT_SPAD] = spad_bytes;
  dev.capacity[ACCEL_RT_ACC] = acc_bytes;
  dev.dma = dma_bytes_per_cycle;
  dev.type[ACCEL_RT_SPAD] = in_type;
  dev.type[ACCEL_RT_ACC] = acc_type;
}

int64_t accel_rt_mark(void) { return dev.nbufs; }

/* Pops every buffer above `mark`. Also runs after an error, so a failed
 * run still frees its buffers on the way out. Released memory remembers
 * its latest access: a buffer allocated over it must not be used before
 * that completes (a race like any other). */
void accel_rt_release(int64_t mark) {
  if (mark < 0 || mark > dev.nbufs) {
    fail("accel_rt_release: mark %" PRId64 " is not between 0 and the "
         "allocation stack's height %" PRId64, mark, dev.nbufs);
    return;
  }
  while (dev.nbufs > mark) {
    Buffer *b = &dev.bufs[--dev.nbufs];
    int k = b->kind;
    const Access *last = b->read.end > b->write.end ? &b->read : &b->write;
    if (last->end > dev.freed[k].end)
      dev.freed[k] = *last;
    dev.freed_top[k] = max64(dev.freed_top[k], b->offset + b->bytes);
    dev.used[k] -= b->bytes;
    free(b->data);
  }
}

int64_t accel_rt_alloc(int32_t kind, int64_t rows, int64_t cols) {
  const char *fn = "accel_rt_alloc";
  if (failed)
    return 0;
  if (!dev.configured)
    return fail("%s before accel_rt_configure", fn), 0;
  if (kind != ACCEL_RT_SPAD && kind != ACCEL_RT_ACC)
    return fail("%s: buffer kind %" PRId32 " is not ACCEL_RT_SPAD (0) or ACCEL_RT_ACC (1)",
                fn, kind), 0;
  if (rows < 1 || cols < 1)
    return fail("%s: buffer dimensions must be > 0, got %" PRId64 "x%" PRId64, fn, rows,
                cols), 0;
  int64_t bytes, cap = dev.capacity[kind], used = dev.used[kind];
  if (__builtin_mul_overflow(rows, cols, &bytes) ||
      __builtin_mul_overflow(bytes, (int64_t)accel_elem_size(dev.type[kind]), &bytes))
    bytes = INT64_MAX;
  if (bytes > cap - used)
    return fail("%s of a %" PRId64 "x%" PRId64 " %s buffer (%" PRId64 " bytes) exceeds the "
                "%s: %" PRId64 " bytes, %" PRId64 " in use", fn, rows, cols,
                kind_names[kind], bytes, kind_names[kind], cap, used), 0;
  if (dev.nbufs == dev.cap_bufs) {
    int64_t n = dev.cap_bufs ? 2 * dev.cap_bufs : 16;
    Buffer *grown = realloc(dev.bufs, (size_t)n * sizeof *grown);
    if (!grown)
      return fail("%s: out of host memory", fn), 0;
    dev.bufs = grown;
    dev.cap_bufs = n;
  }
  unsigned char *data = calloc((size_t)bytes, 1);
  if (!data)
    return fail("%s: out of host memory for a %" PRId64 "-byte buffer", fn, bytes), 0;
  Buffer *b = &dev.bufs[dev.nbufs++];
  *b = (Buffer){.id = ++dev.next_id, .rows = rows, .cols = cols, .bytes = bytes,
                .offset = used, .kind = kind, .data = data};
  if (used < dev.freed_top[kind]) /* over released memory: conservatively */
    b->write = dev.freed[kind];  /* wait for its latest access */
  dev.used[kind] = used + bytes;
  return b->id;
}

/* The live buffer `handle` (binary search: ids increase along the stack),
 * or NULL after an error naming it as `role`. */
static Buffer *find(const char *fn, const char *role, int64_t handle) {
  int64_t lo = 0, hi = dev.nbufs;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    if (dev.bufs[mid].id < handle)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < dev.nbufs && dev.bufs[lo].id == handle)
    return &dev.bufs[lo];
  fail("%s: %s %" PRId64 " is not a live buffer (never returned by accel_rt_alloc, "
       "or released)", fn, role, handle);
  return NULL;
}

/* ---- Tokens and the cycle model ----------------------------------------- */

/* The completion cycle of `token` in *end; 0 after an error. */
static int token_end(const char *fn, int64_t token, int64_t *end) {
  if (token <= 0 || token > dev.ntokens)
    return fail("%s: unknown token %" PRId64 " (the last one issued is %" PRId64 ")", fn,
                token, dev.ntokens), 0;
  *end = dev.tokens[token - 1];
  return 1;
}

void accel_rt_after(int64_t token) {
  int64_t end;
  if (!failed && token_end("accel_rt_after", token, &end))
    dev.after = max64(dev.after, end);
}

void accel_rt_wait(int64_t token) {
  int64_t end;
  if (failed || !token_end("accel_rt_wait", token, &end))
    return;
  dev.host = max64(dev.host, end);
  dev.stats.cycles = max64(dev.stats.cycles, dev.host);
}

/* An op as the cycle model sees it. */
typedef struct Op {
  const char *fn, *name; /* "accel_rt_dma_in", "dma_in" */
  int engine;
  int64_t occupancy, latency;
  Buffer *reads[3];
  int nreads;
  Buffer *write;
} Op;

/* Whether an op starting at `start` comes after `last`, the latest access
 * to b's memory it conflicts with; else an error naming both. */
static int ordered(const Op *op, int64_t token, int64_t start, int writing,
                   const Buffer *b, const Access *last) {
  if (start >= last->end)
    return 1;
  char reused[96] = "";
  if (last->buffer != b->id)
    snprintf(reused, sizeof reused, " on released buffer %" PRId64 " (the same memory)",
             last->buffer);
  fail("%s: race on %s buffer %" PRId64 ": %s (token %" PRId64 ") %s it from cycle %" PRId64
       ", but %s (token %" PRId64 ")%s %s it until cycle %" PRId64
       "; order them with after(%" PRId64 ") or a wait",
       op->fn, kind_names[b->kind], b->id, op->name, token, writing ? "writes" : "reads",
       start, last->op, last->token, reused, last->writes ? "writes" : "reads", last->end,
       last->token);
  return 0;
}

/* Times `op`: it starts when its engine is free, its after() tokens have
 * completed and the host has issued it; checks it against the last
 * accesses of its buffers and records it. Returns its token, 0 on error. */
static int64_t issue(const Op *op) {
  int64_t token = dev.ntokens + 1;
  int64_t start = max64(max64(dev.engine_free[op->engine], dev.after), dev.host);
  Buffer *w = op->write;
  if (w && (!ordered(op, token, start, 1, w, &w->write) ||
            !ordered(op, token, start, 1, w, &w->read)))
    return 0;
  for (int i = 0; i < op->nreads; i++)
    if (!ordered(op, token, start, 0, op->reads[i], &op->reads[i]->write))
      return 0;
  if (dev.ntokens == dev.cap_tokens) {
    int64_t n = dev.cap_tokens ? 2 * dev.cap_tokens : 1024;
    int64_t *grown = realloc(dev.tokens, (size_t)n * sizeof *grown);
    if (!grown)
      return fail("%s: out of host memory for tokens", op->fn), 0;
    dev.tokens = grown;
    dev.cap_tokens = n;
  }
  int64_t end = start + op->occupancy + op->latency;
  dev.tokens[dev.ntokens++] = end;
  dev.engine_free[op->engine] = start + op->occupancy;
  dev.after = 0;
  dev.stats.cycles = max64(dev.stats.cycles, end);
  for (int i = 0; i < op->nreads; i++) {
    Buffer *r = op->reads[i];
    if (end >= r->read.end)
      r->read = (Access){end, token, op->name, r->id, 0};
  }
  if (w)
    w->write = (Access){end, token, op->name, w->id, 1};
  return token;
}

/* ---- Ops ----------------------------------------------------------------- */

/* The checks common to dma_in and dma_out. */
static int dma_ok(const char *fn, const Buffer *b, const void *host, int64_t rs,
                  int64_t cs, int64_t rows, int64_t cols) {
  if (!host)
    return fail("%s: the host pointer is NULL", fn), 0;
  if (rows < 1 || rows > b->rows || cols < 1 || cols > b->cols)
    return fail("%s: a %" PRId64 "x%" PRId64 " tile does not fit %s buffer %" PRId64
                " (%" PRId64 "x%" PRId64 "); rows and cols must be between 1 and the "
                "buffer's", fn, rows, cols, kind_names[b->kind], b->id, b->rows,
                b->cols), 0;
  /* Every element offset r*rs + c*cs, in bytes, must fit a ptrdiff_t. */
  int64_t esize = (int64_t)accel_elem_size(dev.type[b->kind]), off_r, off_c, lo, hi;
  if (__builtin_mul_overflow(rs, rows - 1, &off_r) ||
      __builtin_mul_overflow(cs, cols - 1, &off_c) ||
      __builtin_add_overflow(min64(off_r, 0), min64(off_c, 0), &lo) ||
      __builtin_add_overflow(max64(off_r, 0), max64(off_c, 0), &hi) ||
      __builtin_mul_overflow(lo, esize, &lo) || __builtin_mul_overflow(hi, esize, &hi))
    return fail("%s: strides %" PRId64 ", %" PRId64 " over a %" PRId64 "x%" PRId64
                " tile overflow the address range", fn, rs, cs, rows, cols), 0;
  return 1;
}

static int64_t ceil_div(int64_t a, int64_t b) { return a / b + (a % b != 0); }

int64_t accel_rt_dma_in(int64_t buf, const void *src, int64_t row_stride,
                        int64_t col_stride, int64_t rows, int64_t cols) {
  const char *fn = "accel_rt_dma_in";
  if (failed)
    return 0;
  Buffer *b = find(fn, "buffer", buf);
  if (!b || !dma_ok(fn, b, src, row_stride, col_stride, rows, cols))
    return 0;
  size_t esize = accel_elem_size(dev.type[b->kind]);
  int64_t bytes = rows * cols * (int64_t)esize;
  Op op = {fn, "dma_in", LOAD, ceil_div(bytes, dev.dma), ACCEL_RT_DMA_LATENCY, {0}, 0, b};
  int64_t token = issue(&op);
  if (!token)
    return 0;
  accel_copy_in(b->data, b->rows, b->cols, src, row_stride, col_stride, rows, cols, esize);
  b->valid_rows = rows;
  b->valid_cols = cols;
  dev.stats.load_busy_cycles += op.occupancy;
  dev.stats.bytes_in += bytes;
  dev.stats.dma_in_count++;
  return token;
}

int64_t accel_rt_dma_out(int64_t buf, void *dst, int64_t row_stride,
                         int64_t col_stride, int64_t rows, int64_t cols) {
  const char *fn = "accel_rt_dma_out";
  if (failed)
    return 0;
  Buffer *b = find(fn, "buffer", buf);
  if (!b || !dma_ok(fn, b, dst, row_stride, col_stride, rows, cols))
    return 0;
  size_t esize = accel_elem_size(dev.type[b->kind]);
  int64_t bytes = rows * cols * (int64_t)esize;
  Op op = {fn, "dma_out", STORE, ceil_div(bytes, dev.dma), ACCEL_RT_DMA_LATENCY, {b}, 1, NULL};
  int64_t token = issue(&op);
  if (!token)
    return 0;
  accel_copy_out(b->data, b->cols, dst, row_stride, col_stride, rows, cols, esize);
  dev.stats.store_busy_cycles += op.occupancy;
  dev.stats.bytes_out += bytes;
  dev.stats.dma_out_count++;
  return token;
}

/* Whether b is of `kind`; else an error naming it as `role`. */
static int kind_ok(const Buffer *b, const char *role, int32_t kind) {
  if (b->kind == kind)
    return 1;
  return fail("accel_rt_matmul: %s (buffer %" PRId64 ") must be %s %s buffer, got %s %s "
              "buffer", role, b->id, kind == ACCEL_RT_ACC ? "an" : "a", kind_names[kind],
              b->kind == ACCEL_RT_ACC ? "an" : "a", kind_names[b->kind]), 0;
}

int64_t accel_rt_matmul(int64_t acc, int64_t lhs, int64_t rhs, int32_t accumulate) {
  const char *fn = "accel_rt_matmul";
  if (failed)
    return 0;
  Buffer *c = find(fn, "acc", acc);
  Buffer *a = c ? find(fn, "lhs", lhs) : NULL;
  Buffer *b = a ? find(fn, "rhs", rhs) : NULL;
  if (!b || !kind_ok(c, "acc", ACCEL_RT_ACC) || !kind_ok(a, "lhs", ACCEL_RT_SPAD) ||
      !kind_ok(b, "rhs", ACCEL_RT_SPAD))
    return 0;
  int64_t m = a->rows, k = a->cols, n = b->cols;
  if (b->rows != k)
    return fail("%s: lhs %" PRId64 "x%" PRId64 " and rhs %" PRId64 "x%" PRId64
                " disagree on K: %" PRId64 " vs %" PRId64, fn, m, k, b->rows, n, k,
                b->rows), 0;
  if (c->rows != m || c->cols != n)
    return fail("%s: acc %" PRId64 "x%" PRId64 " does not match the %" PRId64 "x%" PRId64
                " product of lhs and rhs", fn, c->rows, c->cols, m, n), 0;
  if (m > dev.pe_rows || n > dev.pe_cols)
    return fail("%s: tile of %" PRId64 "x%" PRId64 " exceeds the %" PRId64 "x%" PRId64
                " PE array", fn, m, n, dev.pe_rows, dev.pe_cols), 0;
  Op op = {fn, "matmul", PE, k + dev.pe_rows + dev.pe_cols, 0,
           {a, b, c}, accumulate ? 3 : 2, c};
  int64_t token = issue(&op);
  if (!token)
    return 0;
  if (dev.type[ACCEL_RT_SPAD] == ACCEL_RT_I8)
    accel_matmul_i8((uint32_t *)(void *)c->data, (const int8_t *)a->data,
                    (const int8_t *)b->data, m, k, n, accumulate);
  else if (accel_matmul_float((float *)(void *)c->data, a->data, b->data,
                              dev.type[ACCEL_RT_SPAD], m, k, n, accumulate))
    return fail("%s: out of host memory", fn), 0;
  /* Useful work and the valid extent of the result, from the operands'. */
  dev.stats.macs += a->valid_rows * min64(a->valid_cols, b->valid_rows) * b->valid_cols;
  c->valid_rows = accumulate ? max64(c->valid_rows, a->valid_rows) : a->valid_rows;
  c->valid_cols = accumulate ? max64(c->valid_cols, b->valid_cols) : b->valid_cols;
  dev.stats.pe_busy_cycles += op.occupancy;
  dev.stats.matmul_count++;
  return token;
}

/* ---- Counters and errors -------------------------------------------------- */

void accel_rt_get_stats(accel_rt_stats *out) {
  if (!out)
    return;
  *out = dev.stats;
  out->pe_rows = dev.pe_rows;
  out->pe_cols = dev.pe_cols;
  double capacity = (double)dev.pe_rows * (double)dev.pe_cols * (double)dev.stats.cycles;
  out->pe_utilization = capacity > 0 ? (double)dev.stats.macs / capacity : 0.0;
}

void accel_rt_reset_stats(void) {
  memset(&dev.stats, 0, sizeof dev.stats);
  memset(dev.engine_free, 0, sizeof dev.engine_free);
  dev.host = 0;
  dev.after = 0;
  dev.ntokens = 0; /* tokens count from 1 again */
  for (int64_t i = 0; i < dev.nbufs; i++)
    dev.bufs[i].write = dev.bufs[i].read = (Access){0};
  memset(dev.freed, 0, sizeof dev.freed);
  memset(dev.freed_top, 0, sizeof dev.freed_top);
}

const char *accel_rt_error(void) { return failed ? error_text : NULL; }

void accel_rt_clear_error(void) {
  failed = 0;
  error_text[0] = '\0';
}
