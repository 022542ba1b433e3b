/* unroll_rewrite: the loop surgery behind --unroll (unroll.c picks what).
 *
 * Unrolling a loop L by F builds a new loop `lb to full step F*s` before L
 * whose body holds F copies of L's body, copy u reading `iv + u*s` for the
 * induction variable, and rebounds L itself to `full to ub` (it keeps its
 * body: the peeled remainder). `full` is lb plus the full groups of F
 * iterations: a constant for static bounds, `lb + c` when the upper bound
 * is `lb + c` (as --tile writes its point loops), else computed with arith
 * on index values; without a remainder it is ub and L is erased.
 *
 * A parallel L is unrolled and *jammed*: its body's ops are walked in
 * order; an inner loop.for whose bounds do not depend on L's induction
 * variable becomes one loop carrying every copy's iter_args (copy u's
 * values at u*n .. u*n+n-1) and its body is jammed the same way, so the
 * innermost reduction of a matmul carries F independent accumulators;
 * every other op (an inner loop with bounds depending on L too) is cloned
 * F times in place, copy 0 first. Legal because L's iterations are
 * independent. A reduction L is plainly unrolled: F whole copies of the
 * body in order, each starting from the values the previous one yields.
 *
 * Copies are made with mlirOperationClone (which remaps what is defined
 * inside the cloned op) and a walk of the clone that replaces every
 * operand defined in L's body by its copy-u counterpart (a hash map from
 * old values to their F copies), so ops with regions are remapped too. */
#include <stdlib.h>
#include <string.h>

#include "ir/attrs.h"
#include "ir/builder.h"
#include "ir/diagnostics.h"
#include "ir/strbuf.h"
#include "mlir-c/BuiltinAttributes.h"
#include "transforms/loop_nests.h"
#include "transforms/tile.h"
#include "transforms/unroll.h"

/* ---- a pointer-keyed hash table with fixed-size zeroed payloads ---- */

typedef struct Table {
  const void **keys;
  unsigned char *data;
  size_t cap, count, width;
} Table;

static size_t hash_ptr(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x;
}

static void *table_at(Table *t, const void *key, bool insert);

/* Doubles the capacity, reinserting every entry. */
static void table_grow(Table *t) {
  Table old = *t;
  t->cap = old.cap ? 2 * old.cap : 64;
  t->count = 0;
  t->keys = calloc(t->cap, sizeof *t->keys);
  t->data = calloc(t->cap, t->width);
  if (!t->keys || !t->data)
    abort();
  for (size_t i = 0; i < old.cap; i++)
    if (old.keys[i])
      memcpy(table_at(t, old.keys[i], true), old.data + i * old.width, old.width);
  free(old.keys);
  free(old.data);
}

/* The payload of `key` (inserted zeroed when `insert`), or NULL. The
 * pointer is valid until the next insertion. */
static void *table_at(Table *t, const void *key, bool insert) {
  if (insert && 2 * (t->count + 1) > t->cap)
    table_grow(t);
  if (t->cap == 0)
    return NULL;
  size_t mask = t->cap - 1;
  for (size_t i = hash_ptr(key) & mask;; i = (i + 1) & mask) {
    if (t->keys[i] == key)
      return t->data + i * t->width;
    if (!t->keys[i]) {
      if (!insert)
        return NULL;
      t->keys[i] = key;
      t->count++;
      return t->data + i * t->width;
    }
  }
}

static void table_free(Table *t) {
  free(t->keys);
  free(t->data);
}

/* ---- the state of one unrolling ---- */

typedef struct Unroller {
  MlirOperation loop; /* L, the original */
  MlirValue iv;       /* L's induction variable */
  int copies;         /* F */
  Table map;          /* old value -> its F copies (null: itself) */
  Table varying;      /* memo of is_varying: 1 no, 2 yes */
  int jammed, unjammed;   /* inner loops jammed / cloned F times */
  int acc_depth, acc;     /* the deepest jammed loop carrying values */
} Unroller;

static void map_set(Unroller *r, MlirValue old, int u, MlirValue copy) {
  MlirValue *slots = table_at(&r->map, old.ptr, true);
  slots[u] = copy;
}

/* Copy u of `v`: `v` itself when defined outside L's body. */
static MlirValue map_get(Unroller *r, MlirValue v, int u) {
  MlirValue *slots = table_at(&r->map, v.ptr, false);
  return slots && !mlirValueIsNull(slots[u]) ? slots[u] : v;
}

/* Is `op` `ancestor` or nested in it? */
static bool within(MlirOperation op, MlirOperation ancestor) {
  for (; !mlirOperationIsNull(op); op = mlirOperationGetParentOperation(op))
    if (mlirOperationEqual(op, ancestor))
      return true;
  return false;
}

/* ---- which values differ between copies ---- */

static bool is_varying(Unroller *r, MlirValue v);

/* Does a bound or the step of `loop` depend on L's induction variable? */
static bool bounds_vary(Unroller *r, MlirOperation loop) {
  MlBound lb, ub, step;
  intptr_t nb;
  ml_tile_loop_bounds(loop, &lb, &ub, &step, &nb);
  for (intptr_t i = 0; i < nb; i++)
    if (is_varying(r, mlirOperationGetOperand(loop, i)))
      return true;
  return false;
}

typedef struct VaryWalk {
  Unroller *r;
  bool found;
} VaryWalk;

static MlirWalkResult operand_varies(MlirOperation op, void *user) {
  VaryWalk *w = user;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++)
    if (is_varying(w->r, mlirOperationGetOperand(op, i))) {
      w->found = true;
      return MlirWalkResultInterrupt;
    }
  return MlirWalkResultAdvance;
}

/* May `v` differ between the copies? True for L's induction variable and
 * what is computed from it; conservatively true for every value carried
 * by an inner loop and for block arguments of ops other than loop.for. */
static bool is_varying(Unroller *r, MlirValue v) {
  if (mlirValueEqual(v, r->iv))
    return true;
  unsigned char *memo = table_at(&r->varying, v.ptr, false);
  if (memo)
    return *memo == 2;
  bool varies;
  if (mlirValueIsABlockArgument(v)) {
    MlirOperation owner = mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v));
    if (!within(owner, r->loop))
      varies = false;
    else if (ml_op_named(owner, "loop.for") && mlirBlockArgumentGetArgNumber(v) == 0)
      varies = bounds_vary(r, owner);
    else
      varies = true;
  } else {
    MlirOperation owner = mlirOpResultGetOwner(v);
    if (!within(owner, r->loop)) {
      varies = false;
    } else if (ml_op_named(owner, "loop.for")) {
      varies = true;
    } else {
      VaryWalk w = {r, false};
      mlirOperationWalk(owner, operand_varies, &w, MlirWalkPreOrder);
      varies = w.found;
    }
  }
  *(unsigned char *)table_at(&r->varying, v.ptr, true) = varies ? 2 : 1;
  return varies;
}

/* ---- copying ops ---- */

typedef struct RemapWalk {
  Unroller *r;
  int u;
} RemapWalk;

static MlirWalkResult remap_operands(MlirOperation op, void *user) {
  RemapWalk *w = user;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++) {
    MlirValue v = mlirOperationGetOperand(op, i);
    MlirValue copy = map_get(w->r, v, w->u);
    if (!mlirValueEqual(copy, v))
      mlirOperationSetOperand(op, i, copy);
  }
  return MlirWalkResultAdvance;
}

/* Copy u of `op` (regions and all) inserted at `b`; its results become
 * copy u of op's. */
static void clone_copy(Unroller *r, const MlBuilder *b, MlirOperation op, int u) {
  MlirOperation copy = mlirOperationClone(op);
  ml_builder_insert(b, copy); /* takes ownership */
  RemapWalk w = {r, u};
  mlirOperationWalk(copy, remap_operands, &w, MlirWalkPreOrder);
  for (intptr_t i = 0; i < mlirOperationGetNumResults(op); i++)
    map_set(r, mlirOperationGetResult(op, i), u, mlirOperationGetResult(copy, i));
}

/* Does `name` start with one of the NULL-terminated `prefixes`? */
static bool named_any(MlirOperation op, const char *const *prefixes) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  for (; *prefixes; prefixes++) {
    size_t n = strlen(*prefixes);
    if (name.length >= n && !memcmp(name.data, *prefixes, n))
      return true;
  }
  return false;
}

/* Can one copy of `op` serve all F? It must compute from values that are
 * the same in every copy and have no side effects (arith, math, index and
 * value-only vector ops), or, when `reads` (the copies of `op` are adjacent,
 * as in a jammed block: nothing can write in between), only read memory. */
static bool shareable(Unroller *r, MlirOperation op, bool reads) {
  static const char *const pure[] = {
      "arith.", "math.", "index.", "vector.broadcast", "vector.splat",
      "vector.fma", "vector.reduction", "vector.extract", "vector.insert",
      "vector.shape_cast", "vector.bitcast", "vector.create_mask",
      "vector.constant_mask", "vector.step", "vector.shuffle", NULL};
  static const char *const read_only[] = {"memref.load", "vector.load",
                                          "vector.transfer_read",
                                          "vector.maskedload", NULL};
  if (!named_any(op, pure) && !(reads && named_any(op, read_only)))
    return false;
  if (mlirOperationGetNumRegions(op) > 0 || mlirOperationGetNumResults(op) == 0)
    return false;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++)
    if (is_varying(r, mlirOperationGetOperand(op, i)))
      return false;
  return true;
}

/* Copy 0's results of `op` as every copy's. */
static void share_copy0(Unroller *r, MlirOperation op) {
  for (intptr_t i = 0; i < mlirOperationGetNumResults(op); i++) {
    MlirValue v = mlirOperationGetResult(op, i);
    MlirValue first = map_get(r, v, 0);
    for (int u = 1; u < r->copies; u++)
      map_set(r, v, u, first);
  }
}

static MlirValue *new_values(intptr_t n) {
  MlirValue *v = malloc((size_t)(n ? n : 1) * sizeof *v);
  if (!v)
    abort();
  return v;
}

static void jam_block(Unroller *r, MlirBlock src, const MlBuilder *b, int depth);

/* The F copies of the inner loop `op` (bounds independent of L) as one
 * loop at `b` carrying all their values; its body jammed in turn. */
static void jam_loop(Unroller *r, MlirOperation op, const MlBuilder *b, int depth) {
  MlBound lb, ub, step;
  intptr_t nb;
  ml_tile_loop_bounds(op, &lb, &ub, &step, &nb);
  MlBound *bounds[3] = {&lb, &ub, &step};
  for (int k = 0; k < 3; k++) /* the same in every copy: take copy 0's */
    if (!mlirValueIsNull(bounds[k]->value))
      bounds[k]->value = map_get(r, bounds[k]->value, 0);
  intptr_t n = mlirOperationGetNumResults(op), F = r->copies;
  MlirValue *values = new_values(F * n);
  for (int u = 0; u < F; u++)
    for (intptr_t i = 0; i < n; i++)
      values[u * n + i] = map_get(r, mlirOperationGetOperand(op, nb + i), u);
  MlLoop nl = ml_build_loop_for_bounds(b, lb, ub, step,
                                       ml_attr_int(op, "iterator_kind") == 1,
                                       F * n, values);
  ml_loop_copy_attrs(op, nl.op, "unroll");
  MlirBlock body = ml_loop_body(op);
  for (int u = 0; u < F; u++) {
    map_set(r, mlirBlockGetArgument(body, 0), u, nl.iv);
    for (intptr_t i = 0; i < n; i++)
      map_set(r, mlirBlockGetArgument(body, 1 + i), u,
              ml_loop_iter_arg(&nl, u * n + i));
  }
  jam_block(r, body, &nl.body, depth + 1);
  MlirOperation yield = mlirBlockGetTerminator(body);
  for (int u = 0; u < F; u++)
    for (intptr_t i = 0; i < n; i++)
      values[u * n + i] = map_get(r, mlirOperationGetOperand(yield, i), u);
  ml_build_loop_yield(&nl.body, F * n, values);
  for (int u = 0; u < F; u++)
    for (intptr_t i = 0; i < n; i++)
      map_set(r, mlirOperationGetResult(op, i), u,
              mlirOperationGetResult(nl.op, u * n + i));
  free(values);
  r->jammed++;
  if (n > 0 && (depth > r->acc_depth || (depth == r->acc_depth && F * n > r->acc))) {
    r->acc_depth = depth;
    r->acc = (int)(F * n);
  }
}

/* Appends the F copies of `src`'s ops (its terminator aside) at `b`,
 * jamming the inner loops that can be. */
static void jam_block(Unroller *r, MlirBlock src, const MlBuilder *b, int depth) {
  MlirOperation end = mlirBlockGetTerminator(src);
  for (MlirOperation op = mlirBlockGetFirstOperation(src);
       !mlirOperationEqual(op, end); op = mlirOperationGetNextInBlock(op)) {
    if (ml_op_named(op, "loop.for")) {
      if (!bounds_vary(r, op)) {
        jam_loop(r, op, b, depth);
        continue;
      }
      r->unjammed++;
    } else if (shareable(r, op, true)) {
      clone_copy(r, b, op, 0);
      share_copy0(r, op);
      continue;
    }
    for (int u = 0; u < r->copies; u++)
      clone_copy(r, b, op, u);
  }
}

/* The F whole copies of reduction loop L's body at `b`, each starting
 * from the previous one's yielded values; `args` are the new loop's
 * iter_args and receive the last copy's yielded values. */
static void chain_copies(Unroller *r, const MlBuilder *b, MlirValue *args,
                         intptr_t n) {
  MlirBlock body = ml_loop_body(r->loop);
  MlirOperation yield = mlirBlockGetTerminator(body);
  for (int u = 0; u < r->copies; u++) {
    for (intptr_t i = 0; i < n; i++)
      map_set(r, mlirBlockGetArgument(body, 1 + i), u, args[i]);
    for (MlirOperation op = mlirBlockGetFirstOperation(body);
         !mlirOperationEqual(op, yield); op = mlirOperationGetNextInBlock(op)) {
      if (u > 0 && shareable(r, op, false)) /* copy 0's serves */
        share_copy0(r, op);
      else
        clone_copy(r, b, op, u);
    }
    for (intptr_t i = 0; i < n; i++)
      args[i] = map_get(r, mlirOperationGetOperand(yield, i), u);
  }
}

/* ---- trip counts and the split point ---- */

/* `v`'s value if it is an arith.constant of index type, in *c. */
static bool constant_of(MlirValue v, int64_t *c) {
  if (!mlirValueIsAOpResult(v))
    return false;
  MlirOperation op = mlirOpResultGetOwner(v);
  if (!ml_op_named(op, "arith.constant"))
    return false;
  MlirAttribute a = ml_attr(op, "value");
  if (mlirAttributeIsNull(a) || !mlirAttributeIsAInteger(a))
    return false;
  *c = mlirIntegerAttrGetValueInt(a);
  return true;
}

/* How far ub lies above lb when that is known statically: both constant,
 * or ub = arith.addi lb, c (a --tile point loop). */
static bool static_span(MlBound lb, MlBound ub, int64_t *span) {
  if (mlirValueIsNull(lb.value) && mlirValueIsNull(ub.value))
    return !__builtin_sub_overflow(ub.c, lb.c, span);
  if (mlirValueIsNull(lb.value) || mlirValueIsNull(ub.value) ||
      !mlirValueIsAOpResult(ub.value))
    return false;
  MlirOperation add = mlirOpResultGetOwner(ub.value);
  if (!ml_op_named(add, "arith.addi"))
    return false;
  for (int k = 0; k < 2; k++)
    if (mlirValueEqual(mlirOperationGetOperand(add, k), lb.value))
      return constant_of(mlirOperationGetOperand(add, 1 - k), span);
  return false;
}

/* The bound as an index value (a constant is materialized at `b`). */
static MlirValue value_of(const MlBuilder *b, MlBound bound) {
  return mlirValueIsNull(bound.value) ? ml_build_index_constant(b, bound.c)
                                      : bound.value;
}

/* lb + n as a bound. */
static MlBound offset(const MlBuilder *b, MlBound lb, int64_t n) {
  if (mlirValueIsNull(lb.value))
    return ml_bound_const(lb.c + n);
  return ml_bound_value(
      ml_build_binary(b, "arith.addi", lb.value, ml_build_index_constant(b, n)));
}

/* Where the groups of F iterations end when the trip count is only known
 * at run time: lb + (ceil(max(ub - lb, 0) / s) / F) * F * s. */
static MlBound runtime_full(const MlBuilder *b, MlBound lb, MlBound ub,
                            int64_t step, int64_t F) {
  MlirValue l = value_of(b, lb);
  MlirValue n = ml_build_binary(b, "arith.subi", value_of(b, ub), l);
  n = ml_build_binary(b, "arith.maxsi", n, ml_build_index_constant(b, 0));
  if (step != 1)
    n = ml_build_binary(
        b, "arith.divui",
        ml_build_binary(b, "arith.addi", n, ml_build_index_constant(b, step - 1)),
        ml_build_index_constant(b, step));
  MlirValue groups = ml_build_binary(b, "arith.divui", n,
                                     ml_build_index_constant(b, F));
  MlirValue len = ml_build_binary(b, "arith.muli", groups,
                                  ml_build_index_constant(b, F * step));
  return ml_bound_value(ml_build_binary(b, "arith.addi", l, len));
}

/* ---- one loop ---- */

/* The remark for an unrolled loop. */
static void explain(MlirOperation loop, const Unroller *r, int64_t factor,
                    bool from_attr, bool reduction, intptr_t carried,
                    int64_t trips, int64_t rest) {
  MlBuf msg = {0};
  ml_buf_printf(&msg, "unrolled by %d", r->copies);
  if (from_attr)
    ml_buf_puts(&msg, " (unroll attribute)");
  if (factor != r->copies)
    ml_buf_printf(&msg, " (factor %lld clamped to the trip count)",
                  (long long)factor);
  if (reduction) {
    if (carried)
      ml_buf_printf(&msg, ", not jammed (a reduction loop: copies chained "
                          "through %lld carried value%s)",
                    (long long)carried, carried == 1 ? "" : "s");
    else
      ml_buf_puts(&msg, ", not jammed (a reduction loop: copies run in order)");
  } else if (r->jammed) {
    ml_buf_puts(&msg, " and jammed");
    if (r->acc)
      ml_buf_printf(&msg, " (%d accumulator%s in the innermost loop)", r->acc,
                    r->acc == 1 ? "" : "s");
  }
  if (r->unjammed)
    ml_buf_printf(&msg, ", %d inner loop%s not jammed (bounds depend on the "
                        "unrolled loop)",
                  r->unjammed, r->unjammed == 1 ? "" : "s");
  if (trips < 0)
    ml_buf_puts(&msg, ", remainder peeled");
  else if (rest)
    ml_buf_printf(&msg, ", remainder of %lld iteration%s peeled", (long long)rest,
                  rest == 1 ? "" : "s");
  else
    ml_buf_puts(&msg, ", no remainder");
  ml_remark(loop, "%s", ml_buf_str(&msg));
  ml_buf_free(&msg);
}

void ml_unroll_loop(MlirOperation loop, int64_t factor, bool from_attr) {
  MlBound lb, ub, step;
  intptr_t nb;
  ml_tile_loop_bounds(loop, &lb, &ub, &step, &nb);
  const char *source = from_attr ? " (unroll attribute)" : "";
  if (factor > ML_UNROLL_MAX_FACTOR) {
    ml_remark(loop, "not unrolled: factor %lld%s is above the limit of %d",
              (long long)factor, source, ML_UNROLL_MAX_FACTOR);
    return;
  }
  if (!mlirValueIsNull(step.value)) {
    ml_remark(loop, "not unrolled: its step is an SSA value");
    return;
  }
  int64_t span, trips = -1;
  if (static_span(lb, ub, &span))
    trips = span <= 0 ? 0 : (int64_t)(((uint64_t)span - 1) / (uint64_t)step.c + 1);
  if (trips >= 0 && trips <= 1) {
    ml_remark(loop, "not unrolled: trip count %lld", (long long)trips);
    return;
  }
  int64_t F = trips >= 0 && factor > trips ? trips : factor, group;
  if (__builtin_mul_overflow(F, step.c, &group)) {
    ml_remark(loop, "not unrolled: factor %lld times the step %lld overflows",
              (long long)F, (long long)step.c);
    return;
  }
  bool reduction = ml_attr_int(loop, "iterator_kind") == 1;
  intptr_t n = mlirOperationGetNumResults(loop);
  MlirValue *args = new_values(n);
  for (intptr_t i = 0; i < n; i++)
    args[i] = mlirOperationGetOperand(loop, nb + i);

  /* The split: full groups run to `full`, the rest from there to ub. */
  MlBuilder b = ml_builder_before(loop);
  int64_t rest = trips >= 0 ? trips % F : -1;
  MlBound full = ub;
  if (trips >= 0 && rest)
    full = offset(&b, lb, (trips / F) * group);
  else if (trips < 0)
    full = runtime_full(&b, lb, ub, step.c, F);

  MlLoop main = ml_build_loop_for_bounds(&b, lb, full, ml_bound_const(group),
                                         reduction, n, args);
  ml_loop_copy_attrs(loop, main.op, "unroll");
  Unroller r;
  memset(&r, 0, sizeof r);
  r.loop = loop;
  r.iv = mlirBlockGetArgument(ml_loop_body(loop), 0);
  r.copies = (int)F;
  r.map.width = (size_t)F * sizeof(MlirValue);
  r.varying.width = 1;
  for (int u = 0; u < F; u++)
    map_set(&r, r.iv, u,
            u == 0 ? main.iv
                   : ml_build_binary(&main.body, "arith.addi", main.iv,
                                     ml_build_index_constant(&main.body,
                                                             u * step.c)));
  if (reduction) {
    for (intptr_t i = 0; i < n; i++)
      args[i] = ml_loop_iter_arg(&main, i);
    chain_copies(&r, &main.body, args, n);
    ml_build_loop_yield(&main.body, n, args);
  } else {
    jam_block(&r, ml_loop_body(loop), &main.body, 0);
    ml_build_loop_yield(&main.body, 0, NULL);
  }
  explain(loop, &r, factor, from_attr, reduction, n, trips, rest);
  table_free(&r.map);
  table_free(&r.varying);

  for (intptr_t i = 0; i < n; i++)
    args[i] = mlirOperationGetResult(main.op, i);
  if (trips < 0 || rest) {
    ml_loop_rebound(loop, full, ub, args); /* tile_rewrite.c */
  } else {
    for (intptr_t i = 0; i < n; i++)
      mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(loop, i), args[i]);
    mlirOperationDestroy(loop);
  }
  free(args);
}
