/* unroll: --unroll=N / --unroll=a,b,..., unroll-and-jam of loop.for nests
 * (register blocking).
 *
 * Which loops: in each nest (an outermost loop.for of a function and
 * everything inside it), every parallel loop with no parallel loop inside
 * it ends a *path*: the parallel loops from the nest's root down to it.
 * `--unroll=N` unrolls that innermost parallel loop by N; `--unroll=a,b,c`
 * gives factors to the innermost three parallel loops of each path,
 * outermost first (matmul's i, j, k(reduction) nest: `--unroll=6,2`
 * unrolls i by 6 and j by 2); 1 leaves a loop alone. A loop on several
 * paths keeps the factor of the first (in program order). A loop's own
 * `unroll` attribute wins over the flag (a schedule is more specific) and
 * is consumed; without a flag value only attributes are read.
 * Loops are unrolled innermost first, so an outer loop jams the copies of
 * the already unrolled inner ones: the K loop of a matmul then carries
 * a*b accumulators. The rewriting lives in unroll_rewrite.c. */
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "compiler/sizes.h"
#include "ir/attrs.h"
#include "ir/diagnostics.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Passes.h"
#include "transforms/loop_nests.h"
#include "transforms/unroll.h"

typedef struct UnrollOptions {
  int64_t factors[ML_UNROLL_MAX_FACTORS];
  intptr_t n;   /* 0: unroll attributes only; else per innermost loops */
  bool invalid; /* a factor < 1 or too many: run() refuses */
} UnrollOptions;

/* One loop.for of the module, in program (pre-)order. */
typedef struct Loop {
  MlirOperation op;
  int parent;         /* index of the closest enclosing loop.for, or -1 */
  bool parallel;
  bool inner_parallel; /* a parallel loop.for is nested in it */
  int64_t factor;      /* 0: none assigned */
  bool from_attr;
} Loop;

typedef struct Loops {
  Loop *v;
  size_t n, cap;
} Loops;

/* Is `op` inside a function (the loops we work on)? */
static bool in_function(MlirOperation op) {
  for (MlirOperation p = mlirOperationGetParentOperation(op); !mlirOperationIsNull(p);
       p = mlirOperationGetParentOperation(p))
    if (ml_op_named(p, "func.func"))
      return true;
  return false;
}

/* The index of the closest loop.for around `op` among the loops found so
 * far (pre-order: it was found before `op`), or -1. */
static int enclosing(const Loops *l, MlirOperation op) {
  MlirOperation p = mlirOperationGetParentOperation(op);
  for (; !mlirOperationIsNull(p); p = mlirOperationGetParentOperation(p))
    if (ml_op_named(p, "loop.for"))
      break;
  if (mlirOperationIsNull(p))
    return -1;
  for (size_t i = l->n; i-- > 0;)
    if (mlirOperationEqual(l->v[i].op, p))
      return (int)i;
  return -1;
}

static MlirWalkResult collect(MlirOperation op, void *user) {
  Loops *l = user;
  if (!ml_op_named(op, "loop.for") || !in_function(op))
    return MlirWalkResultAdvance;
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 32;
    l->v = realloc(l->v, l->cap * sizeof *l->v);
    if (!l->v)
      abort();
  }
  Loop *loop = &l->v[l->n];
  memset(loop, 0, sizeof *loop);
  loop->op = op;
  loop->parent = enclosing(l, op);
  loop->parallel = ml_attr_int(op, "iterator_kind") == 0;
  l->n++;
  return MlirWalkResultAdvance;
}

/* Assigns the flag's factors along the path ending at the innermost
 * parallel loop `leaf`: the last factor to `leaf`, the one before to the
 * next parallel loop out, and so on. */
static void assign_path(Loops *l, int leaf, const UnrollOptions *o) {
  intptr_t k = o->n;
  for (int i = leaf; i >= 0 && k > 0; i = l->v[i].parent) {
    if (!l->v[i].parallel)
      continue;
    k--;
    if (l->v[i].factor == 0)
      l->v[i].factor = o->factors[k];
  }
}

/* Decides every loop's factor: attributes first (and removes them, so no
 * copy made later carries one), then the flag along each path. */
static void decide(Loops *l, const UnrollOptions *o) {
  for (size_t i = 0; i < l->n; i++) {
    Loop *loop = &l->v[i];
    if (loop->parallel)
      for (int p = loop->parent; p >= 0; p = l->v[p].parent)
        l->v[p].inner_parallel = true;
    if (!mlirAttributeIsNull(ml_attr(loop->op, "unroll"))) {
      loop->factor = ml_attr_int(loop->op, "unroll");
      loop->from_attr = true;
      mlirOperationRemoveAttributeByName(loop->op,
                                         mlirStringRefCreateFromCString("unroll"));
    }
  }
  if (o->n == 0)
    return;
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].parallel && !l->v[i].inner_parallel)
      assign_path(l, (int)i, o);
}

/* Explains nests where nothing was asked for: no factor at all, or a
 * flag but no parallel loop. */
static void explain_idle(const Loops *l, const UnrollOptions *o) {
  for (size_t i = 0; i < l->n; i++) {
    if (l->v[i].parent >= 0)
      continue;
    bool any_factor = false, any_parallel = false;
    for (size_t j = i; j < l->n && (j == i || l->v[j].parent >= 0); j++) {
      any_factor |= l->v[j].factor != 0;
      any_parallel |= l->v[j].parallel;
    }
    if (any_factor)
      continue;
    if (o->n == 0)
      ml_remark(l->v[i].op, "not unrolled: no unroll factor (give --unroll=N or "
                            "an unroll attribute)");
    else if (!any_parallel)
      ml_remark(l->v[i].op, "not unrolled: the nest has no parallel loop");
  }
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  const UnrollOptions *o = options;
  if (o->invalid) {
    mlirEmitError(mlirOperationGetLocation(module),
                  "--unroll: unroll factors must be >= 1 and at most 16 of them");
    return mlirLogicalResultFailure();
  }
  if (ml_refuse_mlt_ops(module, "unroll"))
    return mlirLogicalResultFailure();
  Loops l = {NULL, 0, 0};
  mlirOperationWalk(module, collect, &l, MlirWalkPreOrder);
  decide(&l, o);
  explain_idle(&l, o);
  /* Innermost first (reverse pre-order): unrolling a loop replaces only
   * it and what it holds, so the handles of the loops around it and of
   * other nests stay valid. */
  for (size_t i = l.n; i-- > 0;)
    if (l.v[i].factor > 1)
      ml_unroll_loop(l.v[i].op, l.v[i].factor, l.v[i].from_attr);
  free(l.v);
  return mlirLogicalResultSuccess();
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__loop__, mlirGetDialectHandle__arith__, NULL};

static const MlPassSpec spec = {
    "Unroll", "unroll",
    "Unroll-and-jam the innermost parallel loops of loop.for nests",
    "builtin.module", deps, run, sizeof(UnrollOptions)};

MlirPass mloptCreateUnrollPass(intptr_t numFactors, const int64_t *factors) {
  UnrollOptions o;
  memset(&o, 0, sizeof o);
  o.invalid = numFactors < 0 || numFactors > ML_UNROLL_MAX_FACTORS;
  for (intptr_t i = 0; !o.invalid && i < numFactors; i++) {
    o.invalid = factors[i] < 1;
    o.factors[i] = factors[i];
  }
  o.n = o.invalid ? 0 : numFactors;
  return ml_pass_create(&spec, &o);
}

/* --unroll[=N[,N...]]: no value reads unroll attributes only. */
MlirLogicalResult ml_add_unroll(MlirOpPassManager pm, MlirStringRef value,
                                MlBuf *err) {
  static const MlSizesSpec flag = {"unroll", "unroll factor",
                                   "1 leaves a loop as it is", 1,
                                   ML_UNROLL_MAX_FACTORS};
  int64_t factors[ML_UNROLL_MAX_FACTORS];
  intptr_t n = 0;
  if (value.data && !ml_parse_sizes(&flag, value, factors, &n, err))
    return mlirLogicalResultFailure();
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateUnrollPass(n, factors));
  return mlirLogicalResultSuccess();
}
