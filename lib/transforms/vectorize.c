/* vectorize: --vectorize[=W], loop.for bodies → 1-D `vector` ops of W lanes.
 *
 * Two shapes of loop are vectorized, both along one induction variable
 * (the *lane* loop), W iterations per vector:
 *  - an innermost parallel loop (no parallel loop inside it), with
 *    whatever reduction loops its body holds: matmul's j with its k loop
 *    inside, an elementwise row, softmax's output loop. Lanes are
 *    independent (the loop is parallel), so this is always legal when
 *    every access is *unit-stride* in the lane variable (last index =
 *    iv + something invariant → vector.load/store) or *invariant* (a
 *    scalar that is broadcast where a vector op needs it). Loop-carried
 *    values of inner loops become vectors: matmul keeps W accumulators.
 *  - failing that, an innermost reduction loop whose iter_args are each
 *    combined by one associative op (addf, maximumf, ...): W partial
 *    results, then vector.reduction with the initial value. This reorders
 *    float sums (within docs/reference.md's K-scaled tolerance).
 * The vector loop runs the full groups of W; the rest runs in the
 * original scalar loop, peeled behind it (any trip count is exact). A
 * loop of fewer than W iterations is left scalar. Where `mulf` feeds one
 * `addf`, the pair becomes a vector.fma (one rounding instead of two),
 * unless the mulf carries ML_NO_CONTRACT_ATTR (it must round on its own).
 * Every decision is a remark: what was vectorized at which width, or the
 * first reason it could not be (non-unit stride, an op it cannot widen).
 * W defaults to the host's SIMD width in lanes of the nest's widest scalar
 * type, types under 32 bits counting as 32 (with AVX-512: 16 lanes, 8 when
 * the nest computes with f64 or i64).
 * Loads and stores of i1 along the lane are refused: a vector of i1 is
 * bit-packed in memory, an i1 memref holds a byte per element. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "ir/attrs.h"
#include "ir/diagnostics.h"
#include "ir/strbuf.h"
#include "ir/vector_builder.h"
#include "mlir-c/AffineMap.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/Vector.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Passes.h"
#include "transforms/loop_nests.h"
#include "transforms/tile.h"

typedef struct VectorizeOptions {
  int64_t lanes; /* 0: the host's SIMD width in the nest's element size */
} VectorizeOptions;

/* How a value of the scalar loop varies across the lanes. */
typedef enum {
  UNIFORM, /* the same in every lane: stays scalar */
  UNIT,    /* an index = lane iv + uniform: the mapped value is lane 0's */
  VARYING  /* one value per lane: a vector */
} Kind;

typedef struct Entry {
  const void *key;
  MlirValue value;
  Kind kind;
} Entry;

enum { MAX_FORCED = 64, MAX_VALUES = 64 };

/* One attempt at vectorizing a lane loop. */
typedef struct Vec {
  int64_t lanes;
  Entry *map; /* open addressing on the old value's pointer */
  size_t cap, n;
  const void *forced[MAX_FORCED]; /* inner iter_args known to be VARYING */
  int n_forced;
  const void *conflict; /* an iter_arg assumed UNIFORM that turned VARYING */
  MlBuf why;            /* why the attempt failed */
} Vec;

/* ---- the value map ---- */

static void map_put(Vec *v, MlirValue old, MlirValue value, Kind kind) {
  if (2 * (v->n + 1) > v->cap) {
    size_t cap = v->cap ? 2 * v->cap : 256;
    Entry *grown = calloc(cap, sizeof *grown);
    if (!grown)
      abort();
    for (size_t i = 0; i < v->cap; i++)
      if (v->map[i].key) {
        size_t h = ((uintptr_t)v->map[i].key >> 4) & (cap - 1);
        while (grown[h].key)
          h = (h + 1) & (cap - 1);
        grown[h] = v->map[i];
      }
    free(v->map);
    v->map = grown;
    v->cap = cap;
  }
  size_t h = ((uintptr_t)old.ptr >> 4) & (v->cap - 1);
  while (v->map[h].key && v->map[h].key != old.ptr)
    h = (h + 1) & (v->cap - 1);
  if (!v->map[h].key)
    v->n++;
  v->map[h] = (Entry){old.ptr, value, kind};
}

/* The new value and kind of `old`; values defined outside the lane loop
 * are not in the map and are uniform as they are. */
static Entry map_get(const Vec *v, MlirValue old) {
  if (v->cap) {
    size_t h = ((uintptr_t)old.ptr >> 4) & (v->cap - 1);
    while (v->map[h].key) {
      if (v->map[h].key == old.ptr)
        return v->map[h];
      h = (h + 1) & (v->cap - 1);
    }
  }
  return (Entry){old.ptr, old, UNIFORM};
}

static bool forced(const Vec *v, MlirValue arg) {
  for (int i = 0; i < v->n_forced; i++)
    if (v->forced[i] == arg.ptr)
      return true;
  return false;
}

static bool fail(Vec *v, MlirOperation op, const char *what) {
  char name[64];
  if (!v->why.len)
    ml_buf_printf(&v->why, what, ml_op_name(op, name, sizeof name));
  return false;
}

/* ---- widening ---- */

static bool is_scalar_data(MlirType t) {
  return mlirTypeIsAInteger(t) || mlirTypeIsAFloat(t);
}

/* Bits of an integer or float type, 0 for others. */
static unsigned scalar_bits(MlirType t) {
  return mlirTypeIsAFloat(t)     ? mlirFloatTypeGetWidth(t)
         : mlirTypeIsAInteger(t) ? mlirIntegerTypeGetWidth(t)
                                 : 0;
}

/* Refuses (true, with the reason) a lane-wise access of an i1 memref: it
 * cannot be a vector.load/store. */
static bool refuse_i1(Vec *v, MlirOperation op, MlirValue memref) {
  if (scalar_bits(mlirShapedTypeGetElementType(mlirValueGetType(memref))) != 1)
    return false;
  return !fail(v, op, "cannot widen '%s' of i1 elements (a vector of i1 is "
                      "bit-packed in memory, an i1 memref holds bytes)");
}

/* `e` as a vector: a varying value as it is, a uniform one broadcast. */
static MlirValue widen(const Vec *v, const MlBuilder *b, Entry e) {
  if (e.kind == VARYING)
    return e.value;
  return ml_build_vector_broadcast(
      b, ml_vector_type(mlirValueGetType(e.value), v->lanes), e.value);
}

/* An op copied at `b` with its operands replaced by `operands`. */
static MlirOperation copy_op(const MlBuilder *b, MlirOperation op,
                             const MlirValue *operands) {
  MlirOperation copy = mlirOperationClone(op);
  ml_builder_insert(b, copy); /* takes ownership */
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++)
    mlirOperationSetOperand(copy, i, operands[i]);
  return copy;
}

static bool is_constant(MlirValue x, int64_t c) {
  if (!mlirValueIsAOpResult(x))
    return false;
  MlirOperation def = mlirOpResultGetOwner(x);
  if (!ml_op_named(def, "arith.constant"))
    return false;
  MlirAttribute a = ml_attr(def, "value");
  return mlirAttributeIsAInteger(a) && mlirIntegerAttrGetValueInt(a) == c;
}

/* Index arithmetic on the lane variable: iv + u, u + iv, iv - u and
 * iv * 1 keep unit stride; anything else does not. */
static bool unit_index_op(MlirOperation op, const Entry *in) {
  bool add = ml_op_named(op, "arith.addi"), sub = ml_op_named(op, "arith.subi");
  bool mul = ml_op_named(op, "arith.muli");
  if (!add && !sub && !mul)
    return false;
  MlirValue rhs = mlirOperationGetOperand(op, 1);
  MlirValue lhs = mlirOperationGetOperand(op, 0);
  if (add)
    return (in[0].kind == UNIT) != (in[1].kind == UNIT);
  if (sub)
    return in[0].kind == UNIT && in[1].kind == UNIFORM;
  return (in[0].kind == UNIT && in[1].kind == UNIFORM && is_constant(rhs, 1)) ||
           (in[1].kind == UNIT && in[0].kind == UNIFORM && is_constant(lhs, 1));
}

/* Whether `x` (an old value) is the result of a mulf used only once that
 * may be contracted (no ML_NO_CONTRACT_ATTR: dequantize's product). */
static bool single_use_mulf(MlirValue x) {
  if (!mlirValueIsAOpResult(x) ||
      !ml_op_named(mlirOpResultGetOwner(x), "arith.mulf"))
    return false;
  if (!mlirAttributeIsNull(mlirOperationGetDiscardableAttributeByName(
          mlirOpResultGetOwner(x), mlirStringRefCreateFromCString(ML_NO_CONTRACT_ATTR))))
    return false;
  MlirOpOperand use = mlirValueGetFirstUse(x);
  return !mlirOpOperandIsNull(use) &&
         mlirOpOperandIsNull(mlirOpOperandGetNextUse(use));
}

/* addf(acc, mulf(x, y)) with a widened mulf → vector.fma(x, y, acc). */
static bool contract(const Vec *v, const MlBuilder *b, MlirOperation op,
                     const Entry *in, MlirValue *out) {
  for (int k = 0; k < 2; k++) {
    if (in[k].kind != VARYING ||
        !single_use_mulf(mlirOperationGetOperand(op, k)))
      continue;
    MlirOperation mul = mlirOpResultGetOwner(in[k].value);
    MlirValue acc = widen(v, b, in[1 - k]);
    *out = ml_build_vector_fma(b, mlirOperationGetOperand(mul, 0),
                               mlirOperationGetOperand(mul, 1), acc);
    mlirOperationDestroy(mul);
    return true;
  }
  return false;
}

/* An arith/math op: scalar when all operands are uniform, index
 * arithmetic on the lane variable, or the same op on vectors. */
static bool emit_compute(Vec *v, const MlBuilder *b, MlirOperation op) {
  intptr_t n = mlirOperationGetNumOperands(op);
  if (n > 8 || mlirOperationGetNumResults(op) != 1 ||
      mlirOperationGetNumRegions(op) != 0)
    return fail(v, op, "cannot widen '%s'");
  Entry in[8];
  MlirValue operands[8];
  bool any_unit = false, any_varying = false;
  for (intptr_t i = 0; i < n; i++) {
    in[i] = map_get(v, mlirOperationGetOperand(op, i));
    operands[i] = in[i].value;
    any_unit |= in[i].kind == UNIT;
    any_varying |= in[i].kind == VARYING;
  }
  MlirValue old = mlirOperationGetResult(op, 0);
  if (any_unit) {
    if (any_varying || !unit_index_op(op, in))
      return fail(v, op, "non-unit stride: the loop's induction variable "
                         "feeds '%s'");
    MlirOperation copy = copy_op(b, op, operands);
    map_put(v, old, mlirOperationGetResult(copy, 0), UNIT);
    return true;
  }
  if (!any_varying) {
    MlirOperation copy = copy_op(b, op, operands);
    map_put(v, old, mlirOperationGetResult(copy, 0), UNIFORM);
    return true;
  }
  MlirType type = mlirValueGetType(old);
  if (!is_scalar_data(type))
    return fail(v, op, "cannot widen '%s': its result is not an integer or float");
  MlirValue result;
  if (ml_op_named(op, "arith.addf") && contract(v, b, op, in, &result)) {
    map_put(v, old, result, VARYING);
    return true;
  }
  for (intptr_t i = 0; i < n; i++)
    operands[i] = widen(v, b, in[i]);
  MlirOperation copy = copy_op(b, op, operands);
  result = mlirOperationGetResult(copy, 0);
  mlirValueSetType(result, ml_vector_type(type, v->lanes));
  map_put(v, old, result, VARYING);
  return true;
}

/* Whether memref type `t` is laid out densely (identity layout). */
static bool dense_layout(MlirType t) {
  MlirAttribute layout = mlirMemRefTypeGetLayout(t);
  return mlirAttributeIsNull(layout) ||
         (mlirAttributeIsAAffineMap(layout) &&
          mlirAffineMapIsIdentity(mlirAffineMapAttrGetValue(layout)));
}

/* The access pattern of a load/store whose indices are operands
 * [first, first + n): UNIFORM (same address in every lane), UNIT (lanes
 * along the last dim) or VARYING (anything else: not vectorizable). */
static Kind access(const Vec *v, MlirOperation op, intptr_t first, intptr_t n,
                   MlirValue *indices) {
  Kind k = UNIFORM;
  for (intptr_t i = 0; i < n; i++) {
    Entry e = map_get(v, mlirOperationGetOperand(op, first + i));
    indices[i] = e.value;
    if (e.kind == VARYING || (e.kind == UNIT && i != n - 1))
      return VARYING;
    if (e.kind == UNIT)
      k = UNIT;
  }
  return k;
}

static bool emit_load(Vec *v, const MlBuilder *b, MlirOperation op) {
  MlirValue memref = map_get(v, mlirOperationGetOperand(op, 0)).value;
  intptr_t n = mlirOperationGetNumOperands(op) - 1;
  MlirValue indices[16], old = mlirOperationGetResult(op, 0);
  if (n > 16)
    return fail(v, op, "cannot widen '%s' of rank > 16");
  Kind k = access(v, op, 1, n, indices);
  if (k == VARYING)
    return fail(v, op, "non-unit stride: '%s' does not read along the last "
                       "dim of its memref in the vectorized loop");
  if (k == UNIFORM) {
    MlirValue operands[17] = {memref};
    memcpy(operands + 1, indices, (size_t)n * sizeof *indices);
    MlirOperation copy = copy_op(b, op, operands);
    map_put(v, old, mlirOperationGetResult(copy, 0), UNIFORM);
    return true;
  }
  if (!dense_layout(mlirValueGetType(memref)))
    return fail(v, op, "non-unit stride: '%s' reads a memref with a "
                       "non-identity layout");
  if (refuse_i1(v, op, memref))
    return false;
  MlirType type = ml_vector_type(mlirValueGetType(old), v->lanes);
  map_put(v, old, ml_build_vector_load(b, type, memref, n, indices), VARYING);
  return true;
}

static bool emit_store(Vec *v, const MlBuilder *b, MlirOperation op) {
  Entry value = map_get(v, mlirOperationGetOperand(op, 0));
  MlirValue memref = map_get(v, mlirOperationGetOperand(op, 1)).value;
  intptr_t n = mlirOperationGetNumOperands(op) - 2;
  MlirValue indices[16];
  if (n > 16)
    return fail(v, op, "cannot widen '%s' of rank > 16");
  Kind k = access(v, op, 2, n, indices);
  if (k == UNIFORM)
    return fail(v, op, "'%s' writes the same element in every iteration");
  if (k == VARYING)
    return fail(v, op, "non-unit stride: '%s' does not write along the last "
                       "dim of its memref in the vectorized loop");
  if (!dense_layout(mlirValueGetType(memref)))
    return fail(v, op, "non-unit stride: '%s' writes a memref with a "
                       "non-identity layout");
  if (refuse_i1(v, op, memref))
    return false;
  if (value.kind == UNIT)
    return fail(v, op, "'%s' stores the induction variable as data");
  ml_build_vector_store(b, widen(v, b, value), memref, n, indices);
  return true;
}

static bool emit_block(Vec *v, MlirBlock block, const MlBuilder *b);

/* A loop.for inside the lane loop: bounds must be uniform; a carried
 * value becomes a vector when its init or its next value varies. */
static bool emit_inner_loop(Vec *v, const MlBuilder *b, MlirOperation loop) {
  MlBound bound[3];
  intptr_t first_init;
  ml_tile_loop_bounds(loop, &bound[0], &bound[1], &bound[2], &first_init);
  for (int k = 0; k < 3; k++) {
    if (mlirValueIsNull(bound[k].value))
      continue;
    Entry e = map_get(v, bound[k].value);
    if (e.kind != UNIFORM)
      return fail(v, loop, "an inner '%s' has bounds that vary with the "
                           "vectorized loop");
    bound[k].value = e.value;
  }
  MlirBlock body = ml_loop_body(loop);
  intptr_t n = mlirOperationGetNumResults(loop);
  if (n > MAX_VALUES)
    return fail(v, loop, "an inner '%s' carries too many values");
  MlirValue inits[MAX_VALUES];
  Kind kinds[MAX_VALUES];
  for (intptr_t i = 0; i < n; i++) {
    Entry init = map_get(v, mlirOperationGetOperand(loop, first_init + i));
    MlirValue arg = mlirBlockGetArgument(body, 1 + i);
    if (init.kind == UNIT)
      return fail(v, loop, "an inner '%s' carries the induction variable");
    kinds[i] = init.kind == VARYING || forced(v, arg) ? VARYING : UNIFORM;
    if (kinds[i] == VARYING && !is_scalar_data(mlirValueGetType(arg)))
      return fail(v, loop, "an inner '%s' carries a value that is not an "
                           "integer or float");
    inits[i] = kinds[i] == VARYING ? widen(v, b, init) : init.value;
  }
  MlLoop nl = ml_build_loop_for_bounds(b, bound[0], bound[1], bound[2],
                                       ml_attr_int(loop, "iterator_kind") == 1,
                                       n, inits);
  map_put(v, mlirBlockGetArgument(body, 0), nl.iv, UNIFORM);
  for (intptr_t i = 0; i < n; i++)
    map_put(v, mlirBlockGetArgument(body, 1 + i), ml_loop_iter_arg(&nl, i),
            kinds[i]);
  if (!emit_block(v, body, &nl.body))
    return false;
  MlirOperation yield = mlirBlockGetTerminator(body);
  MlirValue next[MAX_VALUES];
  for (intptr_t i = 0; i < n; i++) {
    Entry e = map_get(v, mlirOperationGetOperand(yield, i));
    if (e.kind == UNIT)
      return fail(v, loop, "an inner '%s' carries the induction variable");
    if (e.kind == VARYING && kinds[i] == UNIFORM) {
      v->conflict = mlirBlockGetArgument(body, 1 + i).ptr;
      return false;
    }
    next[i] = kinds[i] == VARYING ? widen(v, &nl.body, e) : e.value;
  }
  ml_build_loop_yield(&nl.body, n, next);
  for (intptr_t i = 0; i < n; i++)
    map_put(v, mlirOperationGetResult(loop, i), mlirOperationGetResult(nl.op, i),
            kinds[i]);
  return true;
}

/* Whether `op` computes lane by lane with no side effects. */
static bool is_compute(MlirOperation op) {
  MlirIdentifier id = mlirOperationGetName(op);
  MlirStringRef name = mlirIdentifierStr(id);
  return (name.length > 6 && !strncmp(name.data, "arith.", 6)) ||
         (name.length > 5 && !strncmp(name.data, "math.", 5));
}

/* Emits the widened ops of `block` (its terminator excepted) at `b`. */
static bool emit_block(Vec *v, MlirBlock block, const MlBuilder *b) {
  MlirOperation term = mlirBlockGetTerminator(block);
  for (MlirOperation op = mlirBlockGetFirstOperation(block);
       !mlirOperationIsNull(op) && !mlirOperationEqual(op, term);
       op = mlirOperationGetNextInBlock(op)) {
    bool ok;
    if (ml_op_named(op, "loop.for"))
      ok = emit_inner_loop(v, b, op);
    else if (ml_op_named(op, "memref.load"))
      ok = emit_load(v, b, op);
    else if (ml_op_named(op, "memref.store"))
      ok = emit_store(v, b, op);
    else if (is_compute(op))
      ok = emit_compute(v, b, op);
    else
      ok = fail(v, op, "cannot widen '%s'");
    if (!ok)
      return false;
  }
  return true;
}

/* ---- lane loops ---- */

/* An associative op that folds an iter_arg, and its vector.kind. */
typedef struct Combiner {
  const char *op, *kind;
} Combiner;

static const Combiner combiners[] = {
    {"arith.addf", "add"},         {"arith.mulf", "mul"},
    {"arith.maximumf", "maximumf"}, {"arith.minimumf", "minimumf"},
    {"arith.maxnumf", "maxnumf"},   {"arith.minnumf", "minnumf"},
    {"arith.addi", "add"},         {"arith.muli", "mul"},
    {"arith.maxsi", "maxsi"},       {"arith.minsi", "minsi"},
    {"arith.maxui", "maxui"},       {"arith.minui", "minui"},
    {"arith.andi", "and"},         {"arith.ori", "or"},
    {"arith.xori", "xor"}};

/* The value x with kind(x, identity) == x, as a scalar constant. */
static MlirValue identity(const MlBuilder *b, const char *kind, MlirType t) {
  if (mlirTypeIsAFloat(t)) {
    double one = !strcmp(kind, "mul") ? 1.0 : 0.0;
    if (strstr(kind, "max"))
      one = -__builtin_inf();
    if (strstr(kind, "min"))
      one = __builtin_inf();
    return ml_build_scalar_constant(b, t, one);
  }
  unsigned w = mlirIntegerTypeGetWidth(t);
  int64_t top = w >= 64 ? INT64_MAX : (int64_t)((UINT64_C(1) << (w - 1)) - 1);
  int64_t c = 0;
  if (!strcmp(kind, "mul"))
    c = 1;
  else if (!strcmp(kind, "and") || !strcmp(kind, "minui"))
    c = -1;
  else if (!strcmp(kind, "maxsi"))
    c = -top - 1;
  else if (!strcmp(kind, "minsi"))
    c = top;
  return ml_build_int_constant(b, t, c);
}

/* The combiner of iter_arg #i of reduction loop `loop`: its only use is
 * an op of the table whose result is only yielded, as value #i. */
static const Combiner *combiner_of(MlirOperation loop, intptr_t i) {
  MlirBlock body = ml_loop_body(loop);
  MlirValue arg = mlirBlockGetArgument(body, 1 + i);
  MlirOpOperand use = mlirValueGetFirstUse(arg);
  if (!is_scalar_data(mlirValueGetType(arg)) || mlirOpOperandIsNull(use) ||
      !mlirOpOperandIsNull(mlirOpOperandGetNextUse(use)))
    return NULL;
  MlirOperation op = mlirOpOperandGetOwner(use);
  if (mlirOperationGetNumResults(op) != 1)
    return NULL;
  MlirOpOperand next = mlirValueGetFirstUse(mlirOperationGetResult(op, 0));
  MlirOperation yield = mlirBlockGetTerminator(body);
  if (mlirOpOperandIsNull(next) ||
      !mlirOpOperandIsNull(mlirOpOperandGetNextUse(next)) ||
      !mlirOperationEqual(mlirOpOperandGetOwner(next), yield) ||
      mlirOpOperandGetOperandNumber(next) != (unsigned)i)
    return NULL;
  for (size_t k = 0; k < sizeof combiners / sizeof combiners[0]; k++)
    if (ml_op_named(op, combiners[k].op))
      return &combiners[k];
  return NULL;
}

static bool writes_memory(MlirBlock body) {
  for (MlirOperation op = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    if (ml_op_named(op, "memref.store") || ml_op_named(op, "loop.for"))
      return true;
  return false;
}

/* The lane loop as a dim of `lanes`-iteration tiles; false (with the
 * reason in v->why) when it cannot be one. */
static bool lane_dim(Vec *v, MlirOperation loop, MlTileDim *d,
                     intptr_t *first_init) {
  MlBound step;
  memset(d, 0, sizeof *d);
  ml_tile_loop_bounds(loop, &d->lb, &d->ub, &step, first_init);
  if (!mlirValueIsNull(step.value) || step.c != 1)
    return fail(v, loop, "its step is not 1 (a non-unit stride)");
  bool known = mlirValueIsNull(d->lb.value) && mlirValueIsNull(d->ub.value);
  d->loop = loop;
  d->step = 1;
  d->tile = v->lanes;
  d->trips = known ? (d->ub.c > d->lb.c ? d->ub.c - d->lb.c : 0) : -1;
  d->remainder = !known || d->trips % v->lanes != 0;
  if (known && d->trips < v->lanes) {
    ml_buf_printf(&v->why, "trip count %lld is less than the width %lld",
                  (long long)d->trips, (long long)v->lanes);
    return false;
  }
  return true;
}

/* Moves every op of the detached block `from` in front of `op`. */
static void move_before(MlirBlock from, MlirOperation op) {
  MlirBlock to = mlirOperationGetBlock(op);
  for (MlirOperation o = mlirBlockGetFirstOperation(from); !mlirOperationIsNull(o);
       o = mlirBlockGetFirstOperation(from)) {
    mlirOperationRemoveFromParent(o);
    mlirBlockInsertOwnedOperationBefore(to, op, o); /* takes ownership */
  }
}

/* Builds the vector loop in front of lane loop `loop` (a parallel loop,
 * or a reduction whose n iter_args fold with comb[]), running the full
 * groups of lanes up to *end: null when its body cannot be widened. An
 * attempt is built in a detached block and dropped whole on failure;
 * inner carried values found varying only after the fact restart it with
 * them marked. */
static MlirOperation build_vector_loop(Vec *v, MlirOperation loop,
                                       const MlTileDim *d,
                                       const Combiner *const *comb, intptr_t n,
                                       MlBound *end) {
  MlirBlock body = ml_loop_body(loop);
  for (;;) {
    v->n = 0;
    if (v->cap)
      memset(v->map, 0, v->cap * sizeof *v->map);
    v->conflict = NULL;
    MlirBlock scratch = mlirBlockCreate(0, NULL, NULL);
    MlBuilder b = ml_builder_at_end(scratch, mlirOperationGetLocation(loop));
    MlirValue inits[MAX_VALUES];
    for (intptr_t i = 0; i < n; i++) {
      MlirType t = mlirValueGetType(mlirBlockGetArgument(body, 1 + i));
      inits[i] = ml_build_vector_broadcast(&b, ml_vector_type(t, v->lanes),
                                           identity(&b, comb[i]->kind, t));
    }
    *end = d->remainder ? ml_tile_full_end(&b, d) : d->ub;
    MlLoop nl = ml_build_loop_for_bounds(&b, d->lb, *end, ml_bound_const(v->lanes),
                                         n > 0, n, inits);
    map_put(v, mlirBlockGetArgument(body, 0), nl.iv, UNIT);
    for (intptr_t i = 0; i < n; i++)
      map_put(v, mlirBlockGetArgument(body, 1 + i), ml_loop_iter_arg(&nl, i),
              VARYING);
    bool ok = emit_block(v, body, &nl.body);
    MlirValue next[MAX_VALUES];
    MlirOperation yield = mlirBlockGetTerminator(body);
    for (intptr_t i = 0; ok && i < n; i++)
      next[i] = widen(v, &nl.body, map_get(v, mlirOperationGetOperand(yield, i)));
    if (ok) {
      ml_build_loop_yield(&nl.body, n, next);
      move_before(scratch, loop);
    }
    mlirBlockDestroy(scratch);
    if (ok)
      return nl.op;
    if (!v->conflict || v->n_forced == MAX_FORCED)
      return (MlirOperation){NULL};
    v->forced[v->n_forced++] = v->conflict;
  }
}

/* Vectorizes lane loop `loop` (parallel, or a reduction with combiners)
 * and peels its remainder; false with the reason in v->why. */
static bool vectorize_lane_loop(Vec *v, MlirOperation loop) {
  MlTileDim d;
  intptr_t first_init;
  if (!lane_dim(v, loop, &d, &first_init))
    return false;
  intptr_t n = mlirOperationGetNumResults(loop);
  const Combiner *comb[MAX_VALUES];
  if (n > MAX_VALUES)
    return fail(v, loop, "it carries too many values");
  for (intptr_t i = 0; i < n; i++)
    if (!(comb[i] = combiner_of(loop, i)))
      return fail(v, loop, "a carried value is not folded by one associative "
                           "op (add, mul, max, min, and, or, xor)");
  MlBound end;
  MlirOperation vl = build_vector_loop(v, loop, &d, comb, n, &end);
  if (mlirOperationIsNull(vl))
    return false;
  MlirContext ctx = mlirOperationGetContext(loop);
  mlirOperationSetInherentAttributeByName(
      vl, mlirStringRefCreateFromCString("vector_width"),
      mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 64), v->lanes));
  MlBuilder after = ml_builder_before(loop);
  MlirValue folded[MAX_VALUES];
  for (intptr_t i = 0; i < n; i++)
    folded[i] = ml_build_vector_reduction(
        &after, comb[i]->kind, mlirOperationGetResult(vl, i),
        mlirOperationGetOperand(loop, first_init + i));
  ml_buf_clear(&v->why);
  if (n)
    ml_buf_printf(&v->why, "vectorized reduction at width %lld",
                  (long long)v->lanes);
  else
    ml_buf_printf(&v->why, "vectorized at width %lld", (long long)v->lanes);
  if (d.trips >= 0 && d.remainder)
    ml_buf_printf(&v->why, ", remainder of %lld peeled",
                  (long long)(d.trips % v->lanes));
  else if (d.remainder)
    ml_buf_puts(&v->why, ", remainder peeled");
  ml_remark(vl, "%s", ml_buf_str(&v->why));
  if (d.remainder) {
    ml_loop_rebound(loop, end, d.ub, n ? folded : NULL);
  } else {
    for (intptr_t i = 0; i < n; i++)
      mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(loop, i), folded[i]);
    mlirOperationDestroy(loop);
  }
  return true;
}

/* ---- choosing lane loops ---- */

static MlirWalkResult find_parallel(MlirOperation op, void *user) {
  MlirOperation *root = user;
  if (!mlirOperationEqual(op, *root) && ml_op_named(op, "loop.for") &&
      ml_attr_int(op, "iterator_kind") == 0) {
    *root = (MlirOperation){NULL};
    return MlirWalkResultInterrupt;
  }
  return MlirWalkResultAdvance;
}

static bool has_parallel_inside(MlirOperation loop) {
  MlirOperation root = loop;
  mlirOperationWalk(loop, find_parallel, &root, MlirWalkPreOrder);
  return mlirOperationIsNull(root);
}

/* The loop.for ops directly in `loop`'s body. */
static intptr_t child_loops(MlirOperation loop, MlirOperation *out, intptr_t max) {
  intptr_t n = 0;
  MlirBlock body = ml_loop_body(loop);
  for (MlirOperation op = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    if (ml_op_named(op, "loop.for") && n < max)
      out[n++] = op;
  return n;
}

/* Vectorizes the innermost parallel loops under `loop` (and `loop`
 * itself), else the innermost reduction loops, with a remark for each. */
static void vectorize_nest(Vec *v, MlirOperation loop) {
  bool parallel = ml_attr_int(loop, "iterator_kind") == 0;
  ml_buf_clear(&v->why);
  v->n_forced = 0;
  if (parallel && !has_parallel_inside(loop)) {
    if (vectorize_lane_loop(v, loop))
      return;
    ml_remark(loop, "not vectorized: %s", ml_buf_str(&v->why));
  }
  MlirOperation kids[64];
  intptr_t n = child_loops(loop, kids, 64);
  for (intptr_t i = 0; i < n; i++)
    vectorize_nest(v, kids[i]);
  if (parallel || n > 0)
    return;
  ml_buf_clear(&v->why);
  v->n_forced = 0;
  if (mlirOperationGetNumResults(loop) == 0) {
    ml_remark(loop, "reduction not vectorized: it accumulates in memory, "
                    "not in loop-carried values");
    return;
  }
  MlirBlock body = ml_loop_body(loop);
  if (writes_memory(body)) {
    ml_remark(loop, "reduction not vectorized: its body writes memory");
    return;
  }
  if (!vectorize_lane_loop(v, loop))
    ml_remark(loop, "reduction not vectorized: %s", ml_buf_str(&v->why));
}

/* ---- the pass ---- */

/* The host's SIMD width in 32-bit lanes. */
static int64_t host_lanes(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f"))
    return 16;
  if (__builtin_cpu_supports("avx"))
    return 8;
#endif
  return 4;
}

/* Raises *user (bits) to the widest integer or float result of `op`. */
static MlirWalkResult widest(MlirOperation op, void *user) {
  unsigned *bits = user;
  for (intptr_t i = 0; i < mlirOperationGetNumResults(op); i++) {
    unsigned w = scalar_bits(mlirValueGetType(mlirOperationGetResult(op, i)));
    *bits = w > *bits ? w : *bits;
  }
  return MlirWalkResultAdvance;
}

/* The host's width for nest `root`: its SIMD bits over the widest scalar
 * type the nest computes with, counted as at least 32 bits (narrower
 * types keep the 32-bit lane count). */
static int64_t host_lanes_for(MlirOperation root) {
  unsigned bits = 32;
  mlirOperationWalk(root, widest, &bits, MlirWalkPreOrder);
  return host_lanes() * 32 / bits;
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  const VectorizeOptions *o = options;
  if (ml_refuse_mlt_ops(module, "vectorize"))
    return mlirLogicalResultFailure();
  size_t n;
  MlirOperation *roots = ml_loop_roots(module, &n);
  Vec v;
  memset(&v, 0, sizeof v);
  /* Nests are disjoint: rewriting one leaves the others' handles valid. */
  for (size_t i = 0; i < n; i++) {
    v.lanes = o->lanes ? o->lanes : host_lanes_for(roots[i]);
    vectorize_nest(&v, roots[i]);
  }
  free(v.map);
  ml_buf_free(&v.why);
  free(roots);
  return mlirLogicalResultSuccess();
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__loop__, mlirGetDialectHandle__arith__,
    mlirGetDialectHandle__vector__, NULL};

static const MlPassSpec spec = {
    "Vectorize", "vectorize",
    "Widen innermost parallel loops (else reductions) to vector ops",
    "builtin.module", deps, run, sizeof(VectorizeOptions)};

MlirPass mloptCreateVectorizePass(int64_t lanes) {
  VectorizeOptions o = {lanes > 1 ? lanes : 0};
  return ml_pass_create(&spec, &o);
}

/* --vectorize[=W]: W lanes per vector, 2 to 256; no value: the host's. */
MlirLogicalResult ml_add_vectorize(MlirOpPassManager pm, MlirStringRef value,
                                   MlBuf *err) {
  long long lanes = 0;
  if (value.data) {
    char item[32], *stop = NULL;
    size_t len = value.length < sizeof item - 1 ? value.length : sizeof item - 1;
    memcpy(item, value.data, len);
    item[len] = '\0';
    errno = 0;
    lanes = strtoll(item, &stop, 10);
    if (value.length == 0 || value.length >= sizeof item || *stop ||
        errno == ERANGE || lanes < 2 || lanes > 256) {
      ml_buf_printf(err, "invalid value '%.*s' for --vectorize: expected a "
                         "width W from 2 to 256 (lanes per vector), or no value "
                         "for the host's SIMD width",
                    (int)value.length, value.data);
      return mlirLogicalResultFailure();
    }
  }
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateVectorizePass(lanes));
  return mlirLogicalResultSuccess();
}
