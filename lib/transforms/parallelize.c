/* parallelize: --parallelize, the outer parallel loops of every loop.for
 * nest on OpenMP threads.
 *
 * The *band* of a nest starts at its outermost loop.for and takes the
 * perfectly nested parallel loops below it, up to three: a loop joins when
 * it is its parent's whole body (besides the terminator), is `parallel`
 * and has bounds defined outside the band. Those dims are collapsed into
 * one iteration space, so a short outer loop (a batch of 1, 7 rows) still
 * gives every thread work. The innermost loop of a nest joins only while
 * the band has fewer than PAR_FEW iterations: it is the loop --vectorize
 * widened or LLVM will, and a collapsed dim costs a division per iteration.
 *
 * The band becomes one scf.parallel whose body is the innermost band
 * loop's body, loop.for ops and all (--convert-loop-to-scf lowers them
 * wherever they are); --lower-to-llvm turns scf.parallel into OpenMP
 * (convert-scf-to-openmp: omp.parallel + omp.wsloop with a static
 * schedule, collapse(n)), so the code links against libomp. Iterations of
 * a parallel loop are independent by the loop dialect's contract, so no
 * dependence analysis is needed; loops carrying a value (iter_args) are
 * reductions and stay sequential inside each thread's iterations.
 * Every nest gets one remark at its outermost loop. Nests already inside
 * an scf.parallel or an OpenMP region are left alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "ir/attrs.h"
#include "ir/builder.h"
#include "ir/diagnostics.h"
#include "ir/strbuf.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/SCF.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Passes.h"
#include "transforms/loop_nests.h"
#include "transforms/tile.h"

enum {
  PAR_MAX_DIMS = 3, /* dims collapsed into one scf.parallel at most */
  PAR_FEW = 64      /* fewer band iterations than this: take the innermost loop too */
};

/* One loop of the band, outermost first. */
typedef struct Dim {
  MlirOperation loop;
  MlBound lb, ub, step;
  int64_t trips; /* static trip count; -1 when a bound or the step is SSA */
} Dim;

/* Why the band ends below its last dim (for refusal remarks). */
typedef enum { NO_LOOP, SEVERAL_LOOPS, OTHER_OPS, REDUCTION, DEPENDS, MAX_DIMS, INNERMOST } Stop;

/* `loop`'s body is one loop.for and the terminator: that loop, else null. */
static MlirOperation perfect_inner(MlirOperation loop) {
  MlirOperation first = mlirBlockGetFirstOperation(ml_loop_body(loop));
  if (!ml_op_named(first, "loop.for") ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(first),
                          mlirBlockGetTerminator(ml_loop_body(loop))))
    return (MlirOperation){NULL};
  return first;
}

/* Does a bound of `loop` read the induction variable of dims[0..n)? */
static bool depends_on_band(MlirOperation loop, const Dim *dims, int n) {
  MlBound lb, ub, step;
  intptr_t nb;
  ml_tile_loop_bounds(loop, &lb, &ub, &step, &nb);
  for (intptr_t i = 0; i < nb; i++) {
    MlirValue v = mlirOperationGetOperand(loop, i);
    if (!mlirValueIsABlockArgument(v))
      continue;
    MlirOperation owner = mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v));
    for (int k = 0; k < n; k++)
      if (mlirOperationEqual(owner, dims[k].loop))
        return true;
  }
  return false;
}

/* Fills `d` from `loop`. */
static void describe(Dim *d, MlirOperation loop) {
  intptr_t nb;
  ml_tile_loop_bounds(loop, &d->lb, &d->ub, &d->step, &nb);
  d->loop = loop;
  d->trips = -1;
  if (mlirValueIsNull(d->lb.value) && mlirValueIsNull(d->ub.value) &&
      mlirValueIsNull(d->step.value) && d->step.c > 0)
    d->trips = d->ub.c <= d->lb.c
                   ? 0
                   : (int64_t)(((uint64_t)d->ub.c - (uint64_t)d->lb.c - 1) /
                                   (uint64_t)d->step.c + 1);
}

/* The product of the dims' trip counts; -1 if one is unknown (or huge). */
static int64_t band_trips(const Dim *dims, int n) {
  int64_t total = 1;
  for (int k = 0; k < n; k++)
    if (dims[k].trips < 0 || __builtin_mul_overflow(total, dims[k].trips, &total))
      return -1;
  return total;
}

/* The band rooted at `root` (a parallel loop) into dims; returns its depth
 * and sets *why to the reason it ends there. */
static int find_band(MlirOperation root, Dim *dims, Stop *why) {
  int n = 0;
  describe(&dims[n++], root);
  for (;;) {
    MlirOperation cur = dims[n - 1].loop, inner = perfect_inner(cur);
    int loops = ml_loop_count_children(cur);
    if (mlirOperationIsNull(inner)) {
      *why = loops == 0 ? NO_LOOP : loops > 1 ? SEVERAL_LOOPS : OTHER_OPS;
      return n;
    }
    if (ml_attr_int(inner, "iterator_kind") != 0) {
      *why = REDUCTION;
      return n;
    }
    if (depends_on_band(inner, dims, n)) {
      *why = DEPENDS;
      return n;
    }
    if (n == PAR_MAX_DIMS) {
      *why = MAX_DIMS;
      return n;
    }
    int64_t trips = band_trips(dims, n);
    if (ml_loop_count_children(inner) == 0 && (trips < 0 || trips >= PAR_FEW)) {
      *why = INNERMOST;
      return n;
    }
    describe(&dims[n++], inner);
  }
}

/* Appends "64x33" (one trip count per dim, "?" when not static). */
static void trip_list(MlBuf *out, const Dim *dims, int n) {
  for (int k = 0; k < n; k++) {
    if (dims[k].trips < 0)
      ml_buf_printf(out, "%s?", k ? "x" : "");
    else
      ml_buf_printf(out, "%s%lld", k ? "x" : "", (long long)dims[k].trips);
  }
}

/* Index constants built for one band, each value once. */
typedef struct Consts {
  int64_t c[3 * PAR_MAX_DIMS];
  MlirValue v[3 * PAR_MAX_DIMS];
  int n;
} Consts;

/* A bound as an index value, built at `b` when it is a constant. */
static MlirValue bound_value(const MlBuilder *b, Consts *consts, MlBound bound) {
  if (!mlirValueIsNull(bound.value))
    return bound.value;
  for (int i = 0; i < consts->n; i++)
    if (consts->c[i] == bound.c)
      return consts->v[i];
  consts->c[consts->n] = bound.c;
  return consts->v[consts->n++] = ml_build_index_constant(b, bound.c);
}

/* Replaces the band dims[0..n) by one scf.parallel holding the innermost
 * band loop's body; the band's loops are destroyed. */
static void rewrite_band(const Dim *dims, int n) {
  MlirOperation root = dims[0].loop;
  MlBuilder b = ml_builder_before(root);
  MlirValue lbs[PAR_MAX_DIMS], ubs[PAR_MAX_DIMS], steps[PAR_MAX_DIMS];
  Consts consts = {.n = 0};
  for (int k = 0; k < n; k++) {
    lbs[k] = bound_value(&b, &consts, dims[k].lb);
    ubs[k] = bound_value(&b, &consts, dims[k].ub);
    steps[k] = bound_value(&b, &consts, dims[k].step);
  }
  MlParallel par = ml_build_scf_parallel(&b, n, lbs, ubs, steps);
  MlirBlock inner = ml_loop_body(dims[n - 1].loop);
  MlirOperation term = mlirBlockGetTerminator(inner);
  for (MlirOperation op = mlirBlockGetFirstOperation(inner);
       !mlirOperationEqual(op, term);) {
    MlirOperation next = mlirOperationGetNextInBlock(op);
    mlirOperationMoveBefore(op, par.body.before);
    op = next;
  }
  for (int k = 0; k < n; k++)
    mlirValueReplaceAllUsesOfWith(mlirBlockGetArgument(ml_loop_body(dims[k].loop), 0),
                                  ml_parallel_iv(&par, k));
  mlirOperationDestroy(root); /* the whole band, its bodies now empty */
}

/* Parallelizes the nest rooted at `root`, or says why not. */
static void parallelize_nest(MlirOperation root) {
  if (ml_attr_int(root, "iterator_kind") != 0) {
    ml_remark(root, "not parallelized: outermost loop is a reduction");
    return;
  }
  Dim dims[PAR_MAX_DIMS];
  Stop why;
  int n = find_band(root, dims, &why);
  int64_t trips = band_trips(dims, n);
  MlBuf msg = {0};
  if (trips >= 0 && trips <= 1) {
    if (n == 1) {
      int loops = ml_loop_count_children(root);
      ml_buf_printf(&msg, "not parallelized: outermost loop runs %lld "
                          "iteration%s",
                    (long long)trips, trips == 1 ? "" : "s");
      if (why == REDUCTION)
        ml_buf_puts(&msg, " and the loop below it is a reduction");
      else if (why == SEVERAL_LOOPS)
        ml_buf_printf(&msg, " and its body holds %d loops", loops);
      else if (why == OTHER_OPS)
        ml_buf_puts(&msg, " and its body holds other ops besides its loop");
      else if (why == DEPENDS)
        ml_buf_puts(&msg, " and the loop below it has bounds that depend on it");
    } else {
      ml_buf_printf(&msg, "not parallelized: %d-deep parallel band (", n);
      trip_list(&msg, dims, n);
      ml_buf_printf(&msg, " iterations) runs %lld iteration%s", (long long)trips,
                    trips == 1 ? "" : "s");
    }
    ml_remark(root, "%s", ml_buf_str(&msg));
  } else {
    ml_buf_printf(&msg, "parallelized %d-deep band (", n);
    trip_list(&msg, dims, n);
    ml_buf_puts(&msg, " iterations) on OpenMP threads");
    ml_remark(root, "%s", ml_buf_str(&msg));
    rewrite_band(dims, n);
  }
  ml_buf_free(&msg);
}

/* Collected nest roots, and the first op that is not loop-level. */
static bool has_prefix(MlirOperation op, const char *prefix) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  size_t n = strlen(prefix);
  return name.length > n && memcmp(name.data, prefix, n) == 0;
}

/* Is `op` already inside an scf.parallel, scf.forall or OpenMP op (a
 * second --parallelize leaves it alone)? */
static bool threaded(MlirOperation op) {
  for (MlirOperation p = mlirOperationGetParentOperation(op); !mlirOperationIsNull(p);
       p = mlirOperationGetParentOperation(p))
    if (ml_op_named(p, "scf.parallel") || ml_op_named(p, "scf.forall") ||
        has_prefix(p, "omp."))
      return true;
  return false;
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  (void)options;
  if (ml_refuse_mlt_ops(module, "parallelize"))
    return mlirLogicalResultFailure();
  size_t n;
  MlirOperation *roots = ml_loop_roots(module, &n);
  /* Nests are disjoint: rewriting one leaves the others' handles valid. */
  for (size_t i = 0; i < n; i++)
    if (!threaded(roots[i]))
      parallelize_nest(roots[i]);
  free(roots);
  return mlirLogicalResultSuccess();
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__loop__, mlirGetDialectHandle__scf__,
    mlirGetDialectHandle__arith__, NULL};

static const MlPassSpec spec = {
    "Parallelize", "parallelize",
    "Run the outer parallel band of loop.for nests on OpenMP threads "
    "(scf.parallel)",
    "builtin.module", deps, run, 0};

MlirPass mloptCreateParallelizePass(void) { return ml_pass_create(&spec, NULL); }

/* --parallelize (takes no value). */
MlirLogicalResult ml_add_parallelize(MlirOpPassManager pm, MlirStringRef value,
                                     MlBuf *err) {
  (void)value;
  (void)err;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateParallelizePass());
  return mlirLogicalResultSuccess();
}
