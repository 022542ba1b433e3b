/* fuse: --fuse, grouping producer -> consumer mlt ops into mlt.fused
 * regions that --lower-to-loops turns into one loop nest with the
 * intermediates in registers.
 *
 * Rules (TVM/XLA style), applied greedily in program order per block:
 *  - an elementwise op joins the group of an operand's producer when it has
 *    the group's shape (broadcast operands stay group inputs): elementwise
 *    chains fuse, and elementwise consumers (bias, activation, residual
 *    add) fuse into a matmul / batch_matmul epilogue;
 *  - a matmul / batch_matmul starts a group (its operands are always group
 *    inputs), so non-elementwise work is never duplicated or recomputed;
 *  - an mlt.reduce takes the elementwise group producing its input into a
 *    reduction group (the reduce ends it: sum(exp(x - m)) reads x once and
 *    stores one value per row). When that group's values have other users
 *    too, the reduction group gets *copies* of the elementwise ops it needs
 *    (elementwise work is cheap to recompute; memory traffic is not), and
 *    the originals stay for the other users: a decomposed softmax becomes
 *    max-reduce, exp-sum and exp-scale, three passes over x and no
 *    intermediate tensor;
 *  - a value used outside its group stays materialized (a group result);
 *    a join that would make such a use come before the group is refused;
 *  - splat constants used only inside a group move into it.
 * Not yet: conv2d epilogues, and softmax / pool2d inside groups, which
 * the group lowering (conversion/mlt_to_loop/fused.c) cannot do yet; each
 * refusal is a remark at the op, as is every fusion (ml-opt --remarks). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "ir/builder.h"
#include "ir/diagnostics.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Passes.h"

enum { MAX_MEMBERS = 256 };

typedef struct Group {
  MlirOperation ops[MAX_MEMBERS]; /* in block order */
  bool copy[MAX_MEMBERS];         /* recomputed here, owned by another group */
  int n;
  bool contraction; /* started by a matmul / batch_matmul */
  bool reduction;   /* ends with an mlt.reduce: nothing joins after it */
  bool copies;      /* has copies: built before the groups it copies from */
} Group;

typedef struct Fuser {
  Group *groups;
  size_t n, cap;
} Fuser;

static bool is_contraction(MlirOperation op) {
  return ml_op_is(op, "matmul") || ml_op_is(op, "batch_matmul");
}

/* The group owning `op` (not merely holding a copy of it), or NULL. */
static Group *group_of(Fuser *f, MlirOperation op) {
  for (size_t g = 0; g < f->n; g++)
    for (int i = 0; i < f->groups[g].n; i++)
      if (!f->groups[g].copy[i] && mlirOperationEqual(f->groups[g].ops[i], op))
        return &f->groups[g];
  return NULL;
}

/* Does some group hold a copy of `producer` for `user`? Then user's use of
 * it disappears when that group is built. */
static bool use_recomputed(Fuser *f, MlirOperation user, MlirOperation producer) {
  for (size_t g = 0; g < f->n; g++) {
    const Group *h = &f->groups[g];
    bool has_user = false, has_copy = false;
    for (int i = 0; i < h->n; i++) {
      has_user |= !h->copy[i] && mlirOperationEqual(h->ops[i], user);
      has_copy |= h->copy[i] && mlirOperationEqual(h->ops[i], producer);
    }
    if (has_user && has_copy)
      return true;
  }
  return false;
}

static bool in_group(const Group *g, MlirOperation op) {
  for (int i = 0; i < g->n; i++)
    if (mlirOperationEqual(g->ops[i], op))
      return true;
  return false;
}

static Group *new_group(Fuser *f, MlirOperation op) {
  if (f->n == f->cap) {
    f->cap = f->cap ? 2 * f->cap : 16;
    f->groups = realloc(f->groups, f->cap * sizeof *f->groups);
    if (!f->groups)
      abort();
  }
  Group *g = &f->groups[f->n++];
  memset(g, 0, sizeof *g);
  g->n = 1;
  g->ops[0] = op;
  g->contraction = is_contraction(op);
  return g;
}

/* The shape of a value's ranked tensor type. */
static bool same_shape(MlirValue a, MlirValue b) {
  MlirType ta = mlirValueGetType(a), tb = mlirValueGetType(b);
  if (mlirShapedTypeGetRank(ta) != mlirShapedTypeGetRank(tb))
    return false;
  for (intptr_t d = 0; d < mlirShapedTypeGetRank(ta); d++)
    if (mlirShapedTypeGetDimSize(ta, d) != mlirShapedTypeGetDimSize(tb, d))
      return false;
  return true;
}

/* An op outside `g` (other than `x`) that uses a group value before `x`,
 * or null: the group op will sit at `x`, so such a use would precede it.
 * Uses that a reduction group recomputes do not count. */
static MlirOperation early_user(Fuser *f, const Group *g, MlirOperation x) {
  for (int i = 0; i < g->n; i++)
    for (intptr_t r = 0; r < mlirOperationGetNumResults(g->ops[i]); r++)
      for (MlirOpOperand u = mlirValueGetFirstUse(mlirOperationGetResult(g->ops[i], r));
           !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u)) {
        MlirOperation user = mlirOpOperandGetOwner(u);
        if (in_group(g, user) || mlirOperationEqual(user, x) ||
            use_recomputed(f, user, g->ops[i]))
          continue;
        if (!mlirBlockEqual(mlirOperationGetBlock(user), mlirOperationGetBlock(x)) ||
            !mlirOperationIsBeforeInBlock(x, user))
          return user; /* before x, or nested where order is unclear */
      }
  return (MlirOperation){NULL};
}

/* Tries to add elementwise `x` to the group of one of its operands'
 * producers; remarks on the outcome. */
static bool try_join(Fuser *f, MlirOperation x) {
  char xn[64], pn[64], un[64];
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(x); i++) {
    MlirValue v = mlirOperationGetOperand(x, i);
    if (!mlirValueIsAOpResult(v))
      continue;
    MlirOperation p = mlirOpResultGetOwner(v);
    Group *g = group_of(f, p);
    if (!g)
      continue;
    ml_op_name(x, xn, sizeof xn);
    ml_op_name(g->ops[0], pn, sizeof pn);
    if (g->reduction) {
      ml_remark(x, "not fused with %s: a reduction group ends at its reduce", pn);
      continue;
    }
    if (!same_shape(v, mlirOperationGetResult(x, 0))) {
      ml_remark(x, "not fused with %s: operand #%ld is broadcast to a larger "
                   "shape, so it stays a group input", pn, (long)i);
      continue;
    }
    MlirOperation user = early_user(f, g, x);
    if (!mlirOperationIsNull(user)) {
      ml_remark(x, "not fused with %s: %s uses the group's value before %s",
                pn, ml_op_name(user, un, sizeof un), xn);
      continue;
    }
    if (g->n == MAX_MEMBERS) {
      ml_remark(x, "not fused with %s: the group has %d ops already", pn,
                MAX_MEMBERS);
      continue;
    }
    g->ops[g->n++] = x;
    if (g->contraction)
      ml_remark(x, "fused %s into %s epilogue", xn, pn);
    else
      ml_remark(x, "fused %s into elementwise group of %s", xn, pn);
    return true;
  }
  return false;
}

/* Does a value of g's member `i` have a user outside g other than `x`
 * (uses that other groups recompute aside)? */
static bool used_elsewhere(Fuser *f, const Group *g, int i, MlirOperation x) {
  for (intptr_t r = 0; r < mlirOperationGetNumResults(g->ops[i]); r++)
    for (MlirOpOperand u = mlirValueGetFirstUse(mlirOperationGetResult(g->ops[i], r));
         !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u)) {
      MlirOperation user = mlirOpOperandGetOwner(u);
      if (!in_group(g, user) && !mlirOperationEqual(user, x) &&
          !use_recomputed(f, user, g->ops[i]))
        return true;
    }
  return false;
}

/* Fuses the elementwise group producing mlt.reduce `x`'s input into x's
 * input: x joins that group when nothing else uses its values, else x
 * starts a reduction group holding copies of the members its input needs.
 * Remarks on the outcome; false if x stays alone. */
static bool try_reduce(Fuser *f, MlirOperation x) {
  char xn[64], pn[64];
  MlirValue v = mlirOperationGetOperand(x, 0);
  Group *g = mlirValueIsAOpResult(v) ? group_of(f, mlirOpResultGetOwner(v)) : NULL;
  if (!g)
    return false;
  ml_op_name(x, xn, sizeof xn);
  ml_op_name(g->ops[0], pn, sizeof pn);
  if (g->contraction || g->reduction) {
    ml_remark(x, "not fused with %s: %s", pn,
              g->contraction ? "its group holds a contraction, which the reduction "
                               "would have to recompute"
                             : "a reduction group ends at its reduce");
    return false;
  }
  /* The members x's input depends on, and whether any is used elsewhere. */
  bool need[MAX_MEMBERS] = {false}, shared = false;
  int n_need = 0;
  for (int i = g->n - 1; i >= 0; i--) {
    need[i] = mlirOperationEqual(g->ops[i], mlirOpResultGetOwner(v));
    for (int j = i + 1; j < g->n && !need[i]; j++)
      for (intptr_t k = 0; k < mlirOperationGetNumOperands(g->ops[j]) && need[j]; k++) {
        MlirValue a = mlirOperationGetOperand(g->ops[j], k);
        need[i] |= mlirValueIsAOpResult(a) &&
                   mlirOperationEqual(mlirOpResultGetOwner(a), g->ops[i]);
      }
    n_need += need[i];
  }
  for (int i = 0; i < g->n; i++)
    shared |= used_elsewhere(f, g, i, x);
  if (!shared) { /* no outside user: nothing can come before the group */
    if (g->n == MAX_MEMBERS) {
      ml_remark(x, "not fused with %s: the group is full", pn);
      return false;
    }
    g->ops[g->n++] = x;
    g->reduction = true;
    ml_remark(x, "fused elementwise group of %s into %s's input", pn, xn);
    return true;
  }
  if (n_need + 1 > MAX_MEMBERS)
    return false;
  Group copy = {0};
  for (int i = 0; i < g->n; i++)
    if (need[i]) {
      copy.copy[copy.n] = true;
      copy.ops[copy.n++] = g->ops[i];
    }
  copy.ops[copy.n++] = x;
  copy.reduction = copy.copies = true;
  *new_group(f, x) = copy; /* g may move: not used below */
  ml_remark(x, "fused %d elementwise op%s of the group of %s into %s's input, "
               "recomputed there (their values are also used elsewhere)",
            n_need, n_need == 1 ? "" : "s", pn, xn);
  return true;
}

/* Remarks on a non-elementwise consumer of a group's value: why it did not
 * join. */
static void explain_refusal(Fuser *f, MlirOperation x) {
  char xn[64], pn[64];
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(x); i++) {
    MlirValue v = mlirOperationGetOperand(x, i);
    if (!mlirValueIsAOpResult(v))
      continue;
    MlirOperation p = mlirOpResultGetOwner(v);
    bool grouped = group_of(f, p) != NULL;
    if (!grouped && !ml_op_is(p, "conv2d"))
      continue;
    ml_op_name(x, xn, sizeof xn);
    ml_op_name(p, pn, sizeof pn);
    if (ml_op_is(p, "conv2d") && ml_is_elementwise(x))
      ml_remark(x, "not fused into %s epilogue: conv2d groups are not lowered "
                   "yet", pn);
    else if (ml_op_is(x, "softmax") || ml_op_is(x, "pool2d"))
      ml_remark(x, "not fused with %s: %s is a reduction, which groups do "
                   "not hold yet", pn, xn);
    else if (is_contraction(x))
      ml_remark(x, "not fused with %s: %s starts its own group (its operands "
                   "stay materialized, never recomputed)", pn, xn);
    else if (!ml_is_elementwise(x))
      ml_remark(x, "not fused with %s: %s is not elementwise", pn, xn);
    return;
  }
}

/* Forms the groups of one block. */
static void form_groups(Fuser *f, MlirBlock block) {
  for (MlirOperation op = mlirBlockGetFirstOperation(block); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op)) {
    if (mlirOperationGetNumResults(op) != 1 ||
        !mlirTypeIsARankedTensor(mlirValueGetType(mlirOperationGetResult(op, 0))))
      continue;
    if (is_contraction(op)) {
      explain_refusal(f, op);
      new_group(f, op);
    } else if (ml_is_elementwise(op) && !ml_op_is(op, "broadcast")) {
      if (!try_join(f, op)) {
        explain_refusal(f, op);
        new_group(f, op);
      }
    } else if (ml_op_is(op, "reduce")) {
      try_reduce(f, op);
    } else if (!ml_op_is(op, "constant")) {
      explain_refusal(f, op);
    }
  }
}

/* True if `op` is a splat mlt.constant whose users are all in `g`. */
static bool movable_constant(const Group *g, MlirOperation op) {
  if (!ml_op_is(op, "constant"))
    return false;
  MlirAttribute a = mlirOperationGetAttributeByName(
      op, mlirStringRefCreateFromCString("value"));
  if (!mlirAttributeIsADenseElements(a) || !mlirDenseElementsAttrIsSplat(a))
    return false;
  for (MlirOpOperand u = mlirValueGetFirstUse(mlirOperationGetResult(op, 0));
       !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u))
    if (!in_group(g, mlirOpOperandGetOwner(u)))
      return false;
  return true;
}

/* Old value -> value inside the group body. */
typedef struct Map {
  MlirValue from[4 * MAX_MEMBERS], to[4 * MAX_MEMBERS];
  int n;
} Map;

static MlirValue map_get(const Map *m, MlirValue v) {
  for (int i = 0; i < m->n; i++)
    if (mlirValueEqual(m->from[i], v))
      return m->to[i];
  return (MlirValue){NULL};
}

static void map_put(Map *m, MlirValue from, MlirValue to) {
  if (m->n < 4 * MAX_MEMBERS) {
    m->from[m->n] = from;
    m->to[m->n++] = to;
  }
}

/* True if a result of a member is used outside the group. */
static bool escapes(const Group *g, MlirValue v) {
  for (MlirOpOperand u = mlirValueGetFirstUse(v); !mlirOpOperandIsNull(u);
       u = mlirOpOperandGetNextUse(u))
    if (!in_group(g, mlirOpOperandGetOwner(u)))
      return true;
  return false;
}

/* Replaces the members of `g` with one mlt.fused op at its last member. */
static void build_group(const Group *g, Map *map) {
  MlirOperation last = g->ops[g->n - 1];
  MlirLocation loc = mlirOperationGetLocation(g->ops[0]);
  MlirValue inputs[4 * MAX_MEMBERS], results[MAX_MEMBERS];
  MlirOperation consts[MAX_MEMBERS];
  intptr_t ni = 0, nr = 0, nc = 0;
  map->n = 0;
  for (int i = 0; i < g->n; i++)
    for (intptr_t k = 0; k < mlirOperationGetNumOperands(g->ops[i]); k++) {
      MlirValue v = mlirOperationGetOperand(g->ops[i], k);
      MlirOperation p = mlirValueIsAOpResult(v) ? mlirOpResultGetOwner(v)
                                                : (MlirOperation){NULL};
      if (!mlirOperationIsNull(p) && in_group(g, p))
        continue;
      bool seen = false;
      for (intptr_t j = 0; j < ni && !seen; j++)
        seen = mlirValueEqual(inputs[j], v);
      for (intptr_t j = 0; j < nc && !seen; j++)
        seen = mlirOperationEqual(consts[j], p);
      if (seen)
        continue;
      if (!mlirOperationIsNull(p) && movable_constant(g, p) && nc < MAX_MEMBERS)
        consts[nc++] = p;
      else if (ni < 4 * MAX_MEMBERS)
        inputs[ni++] = v;
    }
  MlirType result_types[MAX_MEMBERS];
  for (int i = 0; i < g->n; i++) {
    MlirValue r = mlirOperationGetResult(g->ops[i], 0);
    if (!g->copy[i] && escapes(g, r)) {
      results[nr] = r;
      result_types[nr++] = mlirValueGetType(r);
    }
  }

  /* The body: block arguments for the inputs, then clones of the moved
   * constants and the members, operands remapped. */
  MlirType in_types[4 * MAX_MEMBERS];
  MlirLocation in_locs[4 * MAX_MEMBERS];
  for (intptr_t j = 0; j < ni; j++) {
    in_types[j] = mlirValueGetType(inputs[j]);
    in_locs[j] = loc;
  }
  MlirBlock body = mlirBlockCreate(ni, in_types, in_locs);
  for (intptr_t j = 0; j < ni; j++)
    map_put(map, inputs[j], mlirBlockGetArgument(body, j));
  MlBuilder in = ml_builder_at_end(body, loc);
  for (intptr_t j = 0; j < nc; j++) {
    MlirOperation c = mlirOperationClone(consts[j]);
    mlirBlockAppendOwnedOperation(body, c); /* takes ownership */
    map_put(map, mlirOperationGetResult(consts[j], 0), mlirOperationGetResult(c, 0));
  }
  for (int i = 0; i < g->n; i++) {
    MlirOperation c = mlirOperationClone(g->ops[i]);
    for (intptr_t k = 0; k < mlirOperationGetNumOperands(c); k++)
      mlirOperationSetOperand(c, k, map_get(map, mlirOperationGetOperand(g->ops[i], k)));
    mlirBlockAppendOwnedOperation(body, c); /* takes ownership */
    map_put(map, mlirOperationGetResult(g->ops[i], 0), mlirOperationGetResult(c, 0));
  }
  MlirValue yielded[MAX_MEMBERS];
  for (intptr_t j = 0; j < nr; j++)
    yielded[j] = map_get(map, results[j]);
  MlirOperationState ys = ml_state(&in, "mlt.yield");
  mlirOperationStateAddOperands(&ys, nr, yielded);
  ml_build_op(&in, &ys);

  MlirRegion region = mlirRegionCreate();
  mlirRegionAppendOwnedBlock(region, body); /* takes ownership */
  MlBuilder at = ml_builder_before(last);
  at.loc = loc;
  MlirOperationState fs = ml_state(&at, "mlt.fused");
  mlirOperationStateAddOperands(&fs, ni, inputs);
  mlirOperationStateAddResults(&fs, nr, result_types);
  mlirOperationStateAddOwnedRegions(&fs, 1, &region); /* takes ownership */
  MlirOperation fused = ml_build_op(&at, &fs);

  for (intptr_t j = 0; j < nr; j++)
    mlirValueReplaceAllUsesOfWith(results[j], mlirOperationGetResult(fused, j));
  char names[512] = "", n[64];
  for (int i = 0; i < g->n; i++) {
    size_t len = strlen(names);
    snprintf(names + len, sizeof names - len, "%s%s", i ? " + " : "",
             ml_op_name(g->ops[i], n, sizeof n));
  }
  ml_remark(fused, "formed mlt.fused group of %d ops (%s) with %ld input%s and "
                   "%ld result%s", g->n, names, (long)ni, ni == 1 ? "" : "s",
            (long)nr, nr == 1 ? "" : "s");
  for (int i = g->n - 1; i >= 0; i--)
    if (!g->copy[i])
      mlirOperationDestroy(g->ops[i]);
  for (intptr_t j = 0; j < nc; j++)
    if (mlirOpOperandIsNull(mlirValueGetFirstUse(mlirOperationGetResult(consts[j], 0))))
      mlirOperationDestroy(consts[j]);
}

/* The blocks of every func.func directly in the module. */
static MlirLogicalResult run(MlirOperation module, void *options) {
  (void)options;
  Map *map = malloc(sizeof *map);
  if (!map)
    abort();
  MlirBlock top = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation fn = mlirBlockGetFirstOperation(top); !mlirOperationIsNull(fn);
       fn = mlirOperationGetNextInBlock(fn)) {
    if (!ml_op_named(fn, "func.func"))
      continue;
    MlirRegion region = mlirOperationGetRegion(fn, 0);
    for (MlirBlock b = mlirRegionGetFirstBlock(region); !mlirBlockIsNull(b);
         b = mlirBlockGetNextInRegion(b)) {
      Fuser f = {NULL, 0, 0};
      form_groups(&f, b);
      /* Groups recomputing others' ops first, while those still exist. */
      for (int pass = 0; pass < 2; pass++)
        for (size_t g = 0; g < f.n; g++)
          if (f.groups[g].n > 1 && f.groups[g].copies == (pass == 0))
            build_group(&f.groups[g], map);
      free(f.groups);
    }
  }
  free(map);
  return mlirLogicalResultSuccess();
}

static MlirDialectHandle (*const deps[])(void) = {mlirGetDialectHandle__mlt__, NULL};

static const MlPassSpec spec = {
    "Fuse", "fuse",
    "Group producer-consumer mlt ops into mlt.fused regions", "builtin.module",
    deps, run, 0};

MlirPass mloptCreateFusePass(void) { return ml_pass_create(&spec, NULL); }

MlirLogicalResult ml_add_fuse(MlirOpPassManager pm, MlirStringRef value, MlBuf *err) {
  (void)value;
  (void)err;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateFusePass());
  return mlirLogicalResultSuccess();
}
