/* schedule: C = A · B (optionally batched) as one software-pipelined tile
 * loop on the accelerator.
 *
 * Tiles: an output tile is mt x nt (the PE array, or less when the matrix
 * is smaller); K is cut into the fewest equal tiles kt such that the
 * scratchpad holds `buffers` copies of an A tile (mt x kt) and a B tile
 * (kt x nt). Every (batch, i, j, k) tile is one step of a single scf.for,
 * k fastest, so the pipeline never drains between output tiles. Edge tiles
 * use the DMA's sizes (zero-filled buffers), so one buffer shape serves
 * every step.
 *
 * Double buffering (buffers = 2): step s computes from slot s % 2 while the
 * loads of step s + 1 fill the other slot; those loads wait for the matmul
 * of step s - 1, the last reader of that slot. Output tiles alternate
 * between two accumulators, so a tile's dma_out overlaps the next tile's
 * matmuls; the first matmul of a tile (`=`, not `+=`) waits for the dma_out
 * that last read its accumulator. dma_outs are chained, so waiting for the
 * last two covers all of them. With buffers = 1 the loads of step s + 1
 * wait for the matmul of step s instead (no overlap), which is what the
 * double-buffered schedule is measured against.
 *
 * A reuse: when K is one tile, consecutive steps of a row of output tiles
 * share their A tile, so A is loaded once per row (its slot alternates per
 * row) and only B streams; that halves the traffic of DMA-bound targets
 * (f32 inputs).
 *
 * Loop-carried tokens: the current step's two loads, the previous matmul,
 * and the last dma_out of each accumulator. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>

#include "conversion/mlt_to_accel/accel_lowering.h"
#include "conversion/mlt_to_loop/lowering.h"
#include "ir/accel_builder.h"
#include "ir/diagnostics.h"
#include "ir/memref_builder.h"
#include "ir/scf_builder.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

enum { CMPI_EQ = 0, CMPI_ULT = 6 };

/* One operand: the memref, and its 2-D view when it is the same for every
 * batch (rank 2, or a leading dim of 1). */
typedef struct Operand {
  MlirValue mem;
  MlirValue shared; /* null when sliced per batch */
} Operand;

typedef struct Plan {
  int64_t batches, m, n, k;
  int64_t mt, nt, kt;     /* tile sizes */
  int64_t ni, nj, nk;     /* tiles per dim */
  int64_t steps;
  int buffers;
  bool reuse_a; /* one K tile: the A tile stays for a whole row of outputs */
} Plan;

/* Everything one step needs, computed from its step number. */
typedef struct Step {
  MlirValue batch, i0, j0, k0, kk; /* element offsets; kk is the K tile */
} Step;

static MlirValue cst(const MlBuilder *b, int64_t v) {
  return ml_build_index_constant(b, v);
}

static MlirValue op2(const MlBuilder *b, const char *name, MlirValue x, MlirValue y) {
  return ml_build_binary(b, name, x, y);
}

/* `x` when cond holds else `y`; no select when both are the same value. */
static MlirValue pick(const MlBuilder *b, MlirValue cond, MlirValue x, MlirValue y) {
  if (mlirValueEqual(x, y))
    return x;
  return ml_build_select(b, cond, x, y);
}

static int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

/* q = x / n and x % n, skipping the arithmetic when n is 1. */
static MlirValue divmod(const MlBuilder *b, MlirValue x, int64_t n, MlirValue *rem) {
  if (n == 1) {
    *rem = cst(b, 0);
    return x;
  }
  *rem = op2(b, "arith.remui", x, cst(b, n));
  return op2(b, "arith.divui", x, cst(b, n));
}

static MlirValue scaled(const MlBuilder *b, MlirValue x, int64_t n) {
  return n == 1 ? x : op2(b, "arith.muli", x, cst(b, n));
}

static Step decode(const MlBuilder *b, const Plan *p, MlirValue s) {
  Step st;
  MlirValue i, j;
  MlirValue t = divmod(b, s, p->nk, &st.kk);
  t = divmod(b, t, p->nj, &j);
  st.batch = divmod(b, t, p->ni, &i);
  st.i0 = scaled(b, i, p->mt);
  st.j0 = scaled(b, j, p->nt);
  st.k0 = scaled(b, st.kk, p->kt);
  return st;
}

/* The extent of a tile starting at `off` along a dim of `total`: `full`,
 * or what is left at the edge. */
static MlirValue extent(const MlBuilder *b, MlirValue off, int64_t full, int64_t total) {
  if (total % full == 0)
    return cst(b, full);
  return op2(b, "arith.minsi", cst(b, full), op2(b, "arith.subi", cst(b, total), off));
}

/* The 2-D view of an operand at a step's batch. */
static MlirValue view(const MlBuilder *b, const Operand *o, const Step *st) {
  return mlirValueIsNull(o->shared) ? ml_build_memref_slice0(b, o->mem, st->batch)
                                    : o->shared;
}

/* dma_in of a (rows x cols) tile at (r0, c0) of `src` into `buf`; sizes
 * only where an edge can be partial. */
static MlirValue load(const MlBuilder *b, MlirValue src, MlirValue r0, MlirValue c0,
                      int64_t rows, int64_t total_rows, int64_t cols,
                      int64_t total_cols, MlirValue buf, MlValues after) {
  MlirValue offs[2] = {r0, c0};
  MlirValue sizes[2] = {extent(b, r0, rows, total_rows), extent(b, c0, cols, total_cols)};
  bool edge = total_rows % rows || total_cols % cols;
  return ml_build_accel_dma_in(b, src, (MlValues){2, offs},
                               (MlValues){edge ? 2 : 0, sizes}, buf, after);
}

/* The A and B tiles of step `st` into slot buffers `a`, `bb`. */
static void load_step(const MlBuilder *b, const Plan *p, const Operand *A,
                      const Operand *B, const Step *st, MlirValue a, MlirValue bb,
                      MlValues after, MlirValue *ta, MlirValue *tb) {
  *ta = load(b, view(b, A, st), st->i0, st->k0, p->mt, p->m, p->kt, p->k, a, after);
  *tb = load(b, view(b, B, st), st->k0, st->j0, p->kt, p->k, p->nt, p->n, bb, after);
}

/* When step `next` exists, loads its tiles into `a`, `bb` after `dep`;
 * *ta, *tb are the new load tokens (unchanged past the last step). With
 * A reuse, A is loaded only when `next` starts a row of output tiles (its
 * A tile is the previous step's otherwise). */
static void prefetch(const MlBuilder *b, const Plan *p, const Operand *A,
                     const Operand *B, MlirValue has_next, MlirValue next, MlirValue a,
                     MlirValue bb, MlirValue dep, MlirValue *ta, MlirValue *tb) {
  MlirType token = ml_accel_token_type(b->ctx);
  MlirType types[2] = {token, token};
  MlScfIf pf = ml_build_scf_if(b, has_next, 2, types);
  Step ns = decode(&pf.then_b, p, next);
  MlirValue loaded[2], keep[2] = {*ta, *tb};
  if (p->reuse_a) {
    const MlBuilder *tb_ = &pf.then_b;
    MlirValue rem;
    divmod(tb_, next, p->nj, &rem);
    MlScfIf row = ml_build_scf_if(tb_, ml_build_cmpi(tb_, CMPI_EQ, rem, cst(tb_, 0)), 1,
                                  &token);
    MlirValue t = load(&row.then_b, view(&row.then_b, A, &ns), ns.i0, ns.k0, p->mt, p->m,
                       p->kt, p->k, a, (MlValues){1, &dep});
    ml_build_scf_yield(&row.then_b, 1, &t);
    ml_build_scf_yield(&row.else_b, 1, ta);
    loaded[0] = mlirOperationGetResult(row.op, 0);
    loaded[1] = load(tb_, view(tb_, B, &ns), ns.k0, ns.j0, p->kt, p->k, p->nt, p->n, bb,
                     (MlValues){1, &dep});
  } else {
    load_step(&pf.then_b, p, A, B, &ns, a, bb, (MlValues){1, &dep}, &loaded[0], &loaded[1]);
  }
  ml_build_scf_yield(&pf.then_b, 2, loaded);
  ml_build_scf_yield(&pf.else_b, 2, keep);
  *ta = mlirOperationGetResult(pf.op, 0);
  *tb = mlirOperationGetResult(pf.op, 1);
}

/* Picks tile sizes within the target's memories; false (with `why`
 * filled) when even the smallest tiles do not fit. */
static bool plan_tiles(Plan *p, const MlAccelTarget *t, char *why, size_t n) {
  int64_t in = ml_accel_code_bytes(t->in_type), acc = ml_accel_code_bytes(t->acc_type);
  p->mt = p->m < t->pe_rows ? p->m : t->pe_rows;
  p->nt = p->n < t->pe_cols ? p->n : t->pe_cols;
  int64_t per_k = p->buffers * (p->mt + p->nt) * in; /* spad bytes per unit of kt */
  int64_t kt_max = t->spad_bytes / per_k;
  if (kt_max < 1) {
    snprintf(why, n,
             "the %" PRId64 "-byte scratchpad cannot hold %d x (%" PRId64 "x1 + 1x%" PRId64
             ") %s tiles",
             t->spad_bytes, p->buffers, p->mt, p->nt, ml_accel_elt_name(t->in_type));
    return false;
  }
  int64_t acc_need = p->buffers * p->mt * p->nt * acc;
  if (acc_need > t->acc_bytes) {
    snprintf(why, n,
             "the %" PRId64 "-byte accumulator cannot hold %d %" PRId64 "x%" PRId64
             " %s tiles (%" PRId64 " bytes)%s",
             t->acc_bytes, p->buffers, p->mt, p->nt, ml_accel_elt_name(t->acc_type),
             acc_need, p->buffers == 2 ? "; try buffers=1" : "");
    return false;
  }
  p->nk = ceil_div(p->k, kt_max);
  p->kt = ceil_div(p->k, p->nk);
  p->ni = ceil_div(p->m, p->mt);
  p->nj = ceil_div(p->n, p->nt);
  p->steps = p->batches * p->ni * p->nj * p->nk;
  p->reuse_a = p->nk == 1 && p->nj > 1;
  return true;
}

static Operand operand(const MlBuilder *b, MlirValue mem) {
  Operand o = {mem, {NULL}};
  MlirType t = mlirValueGetType(mem);
  if (mlirShapedTypeGetRank(t) == 2)
    o.shared = mem;
  else if (mlirShapedTypeGetDimSize(t, 0) == 1)
    o.shared = ml_build_memref_slice0(b, mem, cst(b, 0));
  return o;
}

/* The last two dims of a memref. */
static void dims2(MlirValue v, int64_t *r, int64_t *c) {
  MlirType t = mlirValueGetType(v);
  intptr_t rank = mlirShapedTypeGetRank(t);
  *r = mlirShapedTypeGetDimSize(t, rank - 2);
  *c = mlirShapedTypeGetDimSize(t, rank - 1);
}

/* A new private function `<caller>_accel<k>` taking a, bm, c, placed
 * before the caller and carrying the target; a call of it at `host`.
 * Returns a builder inside its body (before the return) and its
 * arguments in args[]. */
static MlBuilder outline(MlirOperation op, const MlBuilder *host, MlirValue *args) {
  MlirOperation caller = mlirOperationGetParentOperation(op);
  MlirOperation module = mlirOperationGetParentOperation(caller);
  MlirStringRef base = mlirStringAttrGetValue(
      mlirOperationGetAttributeByName(caller, mlirStringRefCreateFromCString("sym_name")));
  char name[256];
  MlirSymbolTable table = mlirSymbolTableCreate(module);
  for (int k = 0;; k++) {
    snprintf(name, sizeof name, "%.*s_accel%d", (int)base.length, base.data, k);
    if (mlirOperationIsNull(
            mlirSymbolTableLookup(table, mlirStringRefCreateFromCString(name))))
      break;
  }
  mlirSymbolTableDestroy(table);
  MlirType types[3];
  MlirLocation locs[3];
  for (int i = 0; i < 3; i++) {
    types[i] = mlirValueGetType(args[i]);
    locs[i] = host->loc;
  }
  MlBuilder at_caller = ml_builder_before(caller);
  at_caller.loc = host->loc;
  MlirOperation fn = ml_build_func_decl(
      &at_caller, name, mlirFunctionTypeGet(host->ctx, 3, types, 0, NULL));
  mlirOperationSetDiscardableAttributeByName(
      fn, mlirStringRefCreateFromCString("accel.target"), ml_accel_find_target(op, NULL));
  MlirBlock body = mlirBlockCreate(3, types, locs);
  mlirRegionAppendOwnedBlock(mlirOperationGetRegion(fn, 0), body); /* takes ownership */
  MlBuilder end = ml_builder_at_end(body, host->loc);
  MlirOperationState ret = ml_state(&end, "func.return");
  MlBuilder inside = ml_builder_before(ml_build_op(&end, &ret));
  ml_build_func_call(host, name, 3, args, 0, NULL);
  for (int i = 0; i < 3; i++)
    args[i] = mlirBlockGetArgument(body, i);
  return inside;
}

MlirLogicalResult ml_accel_emit_matmul(MlirOperation op, const MlBuilder *host,
                                       MlirValue a, MlirValue bm, MlirValue c,
                                       const MlAccelTarget *t, int buffers) {
  const MlBuilder *b = host;
  Plan p = {0};
  p.buffers = buffers;
  int64_t k2;
  dims2(a, &p.m, &p.k);
  dims2(bm, &k2, &p.n);
  MlirType ct = mlirValueGetType(c);
  p.batches = mlirShapedTypeGetRank(ct) == 3 ? mlirShapedTypeGetDimSize(ct, 0) : 1;
  if (p.m == 0 || p.n == 0 || p.batches == 0) {
    ml_remark(op, "on the accelerator: nothing to compute (an empty product)");
    return mlirLogicalResultSuccess();
  }
  if (p.k == 0) { /* an empty sum: zeros, written on the host */
    int64_t shape[3];
    intptr_t rank = ml_shape_of(c, shape);
    MlNest nest = ml_build_parallel_nest(b, rank, shape);
    ml_build_store(&nest.inner, ml_build_scalar_constant(&nest.inner, ml_element_type(c), 0),
                   c, rank, nest.ivs);
    ml_remark(op, "not on the accelerator: K is 0, the product is zeros");
    return mlirLogicalResultSuccess();
  }
  char why[256];
  if (!plan_tiles(&p, t, why, sizeof why)) {
    ml_accel_refuse(op, "%s", why);
    return mlirLogicalResultFailure();
  }
  /* The tile loop is a kernel function of its own: the runtime releases
   * its buffers when it returns, so each contraction of the caller has the
   * whole scratchpad. */
  MlirValue args[3] = {a, bm, c};
  MlBuilder kernel = outline(op, host, args);
  b = &kernel;
  a = args[0], bm = args[1], c = args[2];
  MlirContext ctx = b->ctx;
  MlirType in = ml_accel_elt_type(ctx, t->in_type), acc = ml_accel_elt_type(ctx, t->acc_type);
  MlirType token = ml_accel_token_type(ctx);
  Operand A = operand(b, a), B = operand(b, bm), C = operand(b, c);

  /* Buffers: slots 0 and 1 (the same buffer when single-buffered). */
  MlirValue abuf[2], bbuf[2], cbuf[2];
  for (int s = 0; s < p.buffers; s++) {
    abuf[s] = ml_build_accel_alloc(b, ml_accel_buf_type(ctx, false, p.mt, p.kt, in));
    bbuf[s] = ml_build_accel_alloc(b, ml_accel_buf_type(ctx, false, p.kt, p.nt, in));
    cbuf[s] = ml_build_accel_alloc(b, ml_accel_buf_type(ctx, true, p.mt, p.nt, acc));
  }
  if (p.buffers == 1)
    abuf[1] = abuf[0], bbuf[1] = bbuf[0], cbuf[1] = cbuf[0];

  /* Prologue: step 0's tiles into slot 0. */
  MlirValue zero = cst(b, 0);
  Step first = decode(b, &p, zero);
  MlirValue ta, tb;
  load_step(b, &p, &A, &B, &first, abuf[0], bbuf[0], (MlValues){0, NULL}, &ta, &tb);

  /* for s: iter_args(loads a, b; previous matmul; last dma_out of acc 0, 1) */
  MlirValue inits[5] = {ta, tb, ta, ta, ta};
  MlScfFor loop = ml_build_scf_for(b, zero, cst(b, p.steps), cst(b, 1), 5, inits);
  const MlBuilder *lb = &loop.body;
  MlirValue la = ml_scf_for_iter_arg(&loop, 0), lbt = ml_scf_for_iter_arg(&loop, 1),
            mm_prev = ml_scf_for_iter_arg(&loop, 2), out0 = ml_scf_for_iter_arg(&loop, 3),
            out1 = ml_scf_for_iter_arg(&loop, 4);
  MlirValue s = loop.iv;
  MlirValue one = cst(lb, 1);
  MlirValue next = op2(lb, "arith.addi", s, one);
  MlirValue has_next = ml_build_cmpi(lb, CMPI_ULT, next, cst(lb, p.steps));
  MlirValue odd = ml_build_cmpi(lb, CMPI_EQ, op2(lb, "arith.andi", s, one), one);
  MlirValue b_cur = pick(lb, odd, bbuf[1], bbuf[0]), b_nxt = pick(lb, odd, bbuf[0], bbuf[1]);
  /* A's slot follows the step, or with A reuse the row of output tiles. */
  MlirValue a_odd = odd, a_next_odd = odd;
  if (p.reuse_a) {
    MlirValue unused_rem;
    MlirValue row = divmod(lb, s, p.nj, &unused_rem);
    MlirValue next_row = divmod(lb, next, p.nj, &unused_rem);
    a_odd = ml_build_cmpi(lb, CMPI_EQ, op2(lb, "arith.andi", row, one), one);
    a_next_odd = ml_build_cmpi(lb, CMPI_EQ, op2(lb, "arith.andi", next_row, one), one);
  }
  MlirValue a_cur = pick(lb, a_odd, abuf[1], abuf[0]);
  MlirValue a_nxt = p.reuse_a ? pick(lb, a_next_odd, abuf[1], abuf[0])
                              : pick(lb, odd, abuf[0], abuf[1]);

  MlirValue new_la = la, new_lb = lbt;
  if (p.buffers == 2)
    prefetch(lb, &p, &A, &B, has_next, next, a_nxt, b_nxt, mm_prev, &new_la, &new_lb);

  /* The matmul of step s into the accumulator of its output tile. */
  Step st = decode(lb, &p, s);
  MlirValue unused;
  MlirValue tile = divmod(lb, s, p.nk, &unused);
  MlirValue tile_odd = ml_build_cmpi(lb, CMPI_EQ, op2(lb, "arith.andi", tile, one), one);
  MlirValue c_cur = pick(lb, tile_odd, cbuf[1], cbuf[0]);
  MlirValue out_mine = pick(lb, tile_odd, out1, out0);   /* last reader of c_cur */
  MlirValue out_last = pick(lb, tile_odd, out0, out1);   /* the newest dma_out */
  if (p.buffers == 1)
    out_mine = out_last = out0;
  MlirValue mm;
  MlirValue first_deps[3] = {la, lbt, out_mine}, more_deps[2] = {la, lbt};
  if (p.nk == 1) {
    mm = ml_build_accel_matmul(lb, c_cur, a_cur, b_cur, false, (MlValues){3, first_deps});
  } else {
    MlirValue is_first = ml_build_cmpi(lb, CMPI_EQ, st.kk, cst(lb, 0));
    MlScfIf br = ml_build_scf_if(lb, is_first, 1, &token);
    MlirValue m0 = ml_build_accel_matmul(&br.then_b, c_cur, a_cur, b_cur, false,
                                         (MlValues){3, first_deps});
    ml_build_scf_yield(&br.then_b, 1, &m0);
    MlirValue m1 = ml_build_accel_matmul(&br.else_b, c_cur, a_cur, b_cur, true,
                                         (MlValues){2, more_deps});
    ml_build_scf_yield(&br.else_b, 1, &m1);
    mm = mlirOperationGetResult(br.op, 0);
  }
  if (p.buffers == 1)
    prefetch(lb, &p, &A, &B, has_next, next, a_nxt, b_nxt, mm, &new_la, &new_lb);

  /* After the last K tile: the output tile goes home, chained after the
   * previous dma_out. */
  MlirType toks[2] = {token, token};
  MlScfIf out = {{NULL}, *lb, *lb};
  if (p.nk > 1)
    out = ml_build_scf_if(lb, ml_build_cmpi(lb, CMPI_EQ, st.kk, cst(lb, p.nk - 1)), 2, toks);
  const MlBuilder *ob = &out.then_b;
  MlirValue offs[2] = {st.i0, st.j0};
  MlirValue sizes[2] = {extent(ob, st.i0, p.mt, p.m), extent(ob, st.j0, p.nt, p.n)};
  bool edge = p.m % p.mt || p.n % p.nt;
  MlirValue deps[2] = {mm, out_last};
  MlirValue o = ml_build_accel_dma_out(ob, c_cur, view(ob, &C, &st), (MlValues){2, offs},
                                       (MlValues){edge ? 2 : 0, sizes}, (MlValues){2, deps});
  MlirValue outs[2] = {o, o};
  if (p.buffers == 2) {
    outs[0] = ml_build_select(ob, tile_odd, out0, o);
    outs[1] = ml_build_select(ob, tile_odd, o, out1);
  }
  if (p.nk > 1) {
    ml_build_scf_yield(ob, 2, outs);
    MlirValue keep[2] = {out0, out1};
    ml_build_scf_yield(&out.else_b, 2, keep);
    outs[0] = mlirOperationGetResult(out.op, 0);
    outs[1] = mlirOperationGetResult(out.op, 1);
  }
  MlirValue carried[5] = {new_la, new_lb, mm, outs[0], outs[1]};
  ml_build_scf_yield(lb, 5, carried);

  MlirValue done[2] = {mlirOperationGetResult(loop.op, 3), mlirOperationGetResult(loop.op, 4)};
  ml_build_accel_wait(b, (MlValues){p.buffers == 2 ? 2 : 1, done});

  int64_t in_b = ml_accel_code_bytes(t->in_type);
  ml_remark(op,
            "on the accelerator: %s%" PRId64 "x%" PRId64 " * %" PRId64 "x%" PRId64
            " in %" PRId64 " step%s of %" PRId64 "x%" PRId64 " * %" PRId64 "x%" PRId64
            " tiles, %s (%" PRId64 " of %" PRId64 " scratchpad bytes)",
            p.batches > 1 ? "batched " : "", p.m, p.k, p.k, p.n, p.steps,
            p.steps == 1 ? "" : "s", p.mt, p.kt,
            p.kt, p.nt, p.buffers == 2 ? "double-buffered" : "single-buffered",
            p.buffers * (p.mt * p.kt + p.kt * p.nt) * in_b, t->spad_bytes);
  return mlirLogicalResultSuccess();
}
