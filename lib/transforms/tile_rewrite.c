/* tile_rewrite: the loop surgery behind --tile (tile.c decides what).
 *
 * Everything is built from two moves, both exact for any trip count:
 *  - *rebound*: replace a loop.for by one with other bounds (or inits) that
 *    takes over its body region, so the induction variable and every use
 *    of it stay as they are;
 *  - *clone*: copy a whole nest (mlirOperationClone remaps the values
 *    defined inside it), then rebound the copy's loops.
 * A dim of T iterations per tile runs its full tiles in a tile loop
 * `lb to full step T*s` around a point loop `%it to %it + T*s step s`, and
 * the partial last tile (when there is one) in a peeled remainder loop
 * `full to ub step s`; full is a constant for static bounds and computed
 * with arith on index values otherwise. */
#include <stdlib.h>

#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "transforms/loop_nests.h"
#include "transforms/tile.h"

void ml_tile_loop_bounds(MlirOperation loop, MlBound *lb, MlBound *ub,
                         MlBound *step, intptr_t *num_bound_operands) {
  static const char *const names[3] = {"static_lower_bound",
                                       "static_upper_bound", "static_step"};
  MlBound *out[3] = {lb, ub, step};
  MlirAttribute segments = ml_attr(loop, "operandSegmentSizes");
  intptr_t next = 0;
  for (int k = 0; k < 3; k++) {
    if (mlirDenseI32ArrayGetElement(segments, k) == 1)
      *out[k] = ml_bound_value(mlirOperationGetOperand(loop, next++));
    else
      *out[k] = ml_bound_const(ml_attr_int(loop, names[k]));
  }
  *num_bound_operands = next;
}

/* The bound as an index value (a constant is materialized at `b`). */
static MlirValue value_of(const MlBuilder *b, MlBound bound) {
  return mlirValueIsNull(bound.value) ? ml_build_index_constant(b, bound.c)
                                      : bound.value;
}

/* it + n as a bound: an arith.addi at `b`. */
static MlBound plus(const MlBuilder *b, MlirValue it, int64_t n) {
  return ml_bound_value(
      ml_build_binary(b, "arith.addi", it, ml_build_index_constant(b, n)));
}

/* Where the full tiles of `d` end: lb + (trips / T) * T * s, or ub itself
 * when the tiles divide the trip count. */
MlBound ml_tile_full_end(const MlBuilder *b, const MlTileDim *d) {
  int64_t span = d->tile * d->step;
  if (!d->remainder)
    return d->ub;
  if (d->trips >= 0)
    return ml_bound_const(d->lb.c + (d->trips / d->tile) * span);
  bool from_zero = mlirValueIsNull(d->lb.value) && d->lb.c == 0;
  MlirValue lb = {NULL}, ub = value_of(b, d->ub), n = ub;
  if (!from_zero) {
    lb = value_of(b, d->lb);
    n = ml_build_binary(b, "arith.subi", ub, lb);
  }
  n = ml_build_binary(b, "arith.maxsi", n, ml_build_index_constant(b, 0));
  MlirValue trips = n;
  if (d->step != 1) /* ceil(n / s) */
    trips = ml_build_binary(
        b, "arith.divui",
        ml_build_binary(b, "arith.addi", n, ml_build_index_constant(b, d->step - 1)),
        ml_build_index_constant(b, d->step));
  MlirValue tiles = ml_build_binary(b, "arith.divui", trips,
                                    ml_build_index_constant(b, d->tile));
  MlirValue len = ml_build_binary(b, "arith.muli", tiles,
                                  ml_build_index_constant(b, span));
  return ml_bound_value(from_zero ? len : ml_build_binary(b, "arith.addi", lb, len));
}

MlirOperation ml_loop_rebound(MlirOperation loop, MlBound lb, MlBound ub,
                             const MlirValue *inits) {
  MlBound old_lb, old_ub, step;
  intptr_t first_init;
  ml_tile_loop_bounds(loop, &old_lb, &old_ub, &step, &first_init);
  intptr_t n_inits = mlirOperationGetNumResults(loop);
  MlirValue own[16];
  if (!inits) {
    for (intptr_t i = 0; i < n_inits && i < 16; i++)
      own[i] = mlirOperationGetOperand(loop, first_init + i);
    inits = own;
  }
  MlBuilder b = ml_builder_before(loop);
  MlLoop nl = ml_build_loop_for_bounds(&b, lb, ub, step,
                                       ml_attr_int(loop, "iterator_kind") == 1,
                                       n_inits, inits);
  /* The new loop's fresh block is dropped; the old body, arguments and
   * all, moves in. */
  mlirRegionTakeBody(mlirOperationGetRegion(nl.op, 0),
                     mlirOperationGetRegion(loop, 0));
  ml_loop_copy_attrs(loop, nl.op, "tile_sizes");
  for (intptr_t i = 0; i < n_inits; i++)
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(loop, i),
                                  mlirOperationGetResult(nl.op, i));
  mlirOperationDestroy(loop);
  return nl.op;
}

/* A copy of `op` inserted at `b`. */
static MlirOperation clone_at(const MlBuilder *b, MlirOperation op) {
  MlirOperation copy = mlirOperationClone(op);
  ml_builder_insert(b, copy); /* takes ownership */
  return copy;
}

static MlBuilder before_terminator(MlirBlock block) {
  return ml_builder_before(mlirBlockGetTerminator(block));
}

/* Strip-mines `d` where it stands:
 *   %t = loop.for %it = lb to full step T*s iter_args(inits) {
 *     %p = loop.for %i = %it to %it + T*s step s iter_args(%t's) { body }
 *     loop.yield %p }
 *   %r = loop.for %i = full to ub step s iter_args(%t) { body }
 * and the loop's users read %r (%t without a remainder). */
static void strip_mine(const MlTileDim *d) {
  MlirOperation loop = d->loop;
  MlBound lb, ub, step;
  intptr_t first_init;
  ml_tile_loop_bounds(loop, &lb, &ub, &step, &first_init);
  intptr_t n_inits = mlirOperationGetNumResults(loop);
  MlirValue inits[16];
  for (intptr_t i = 0; i < n_inits && i < 16; i++)
    inits[i] = mlirOperationGetOperand(loop, first_init + i);

  MlBuilder b = ml_builder_before(loop);
  MlBound full = ml_tile_full_end(&b, d);
  MlLoop tl = ml_build_loop_for_bounds(&b, d->lb, full,
                                       ml_bound_const(d->tile * d->step),
                                       d->reduction, n_inits, inits);
  MlirValue carried[16], results[16];
  for (intptr_t i = 0; i < n_inits; i++)
    carried[i] = ml_loop_iter_arg(&tl, i);
  MlBound point_ub = plus(&tl.body, tl.iv, d->tile * d->step);
  MlirOperation point = ml_loop_rebound(clone_at(&tl.body, loop), ml_bound_value(tl.iv),
                                point_ub, carried);
  for (intptr_t i = 0; i < n_inits; i++)
    results[i] = mlirOperationGetResult(point, i);
  ml_build_loop_yield(&tl.body, n_inits, results);

  for (intptr_t i = 0; i < n_inits; i++)
    results[i] = mlirOperationGetResult(tl.op, i);
  if (d->remainder) {
    ml_loop_rebound(loop, full, d->ub, results);
  } else {
    for (intptr_t i = 0; i < n_inits; i++)
      mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(loop, i), results[i]);
    mlirOperationDestroy(loop);
  }
}

/* The interchanging part of a band: dims[0..n) perfectly nested, no
 * iter_args, bounds defined outside the band. */
typedef struct Band {
  const MlTileDim *dims;
  int n;
  MlirOperation root;
  MlBound full[ML_TILE_MAX_DIMS]; /* where each tiled dim's full tiles end */
  MlirValue tile_iv[ML_TILE_MAX_DIMS];
} Band;

/* One copy of the band at `b` whose dim k runs: the current tile for
 * tiled dims before `rem` (all tiled dims when rem < 0), the remainder
 * `full to ub` for dim `rem`, and its whole range otherwise. */
static void emit_points(const Band *band, const MlBuilder *b, int rem) {
  MlBound ubs[ML_TILE_MAX_DIMS];
  int last = rem < 0 ? band->n : rem;
  for (int k = 0; k < last; k++)
    if (band->dims[k].tile)
      ubs[k] = plus(b, band->tile_iv[k], band->dims[k].tile * band->dims[k].step);
  MlirOperation cur = clone_at(b, band->root);
  for (int k = 0; k < band->n; k++) {
    const MlTileDim *d = &band->dims[k];
    if (k < last && d->tile)
      cur = ml_loop_rebound(cur, ml_bound_value(band->tile_iv[k]), ubs[k], NULL);
    else if (k == rem)
      cur = ml_loop_rebound(cur, band->full[k], d->ub, NULL);
    if (k + 1 < band->n) /* perfectly nested: the body starts with dim k+1 */
      cur = mlirBlockGetFirstOperation(
          mlirRegionGetFirstBlock(mlirOperationGetRegion(cur, 0)));
  }
}

/* The tile loops of the tiled dims from `k` on, at `b`, each followed by
 * its peeled remainder; the innermost holds the full-tile point loops. */
static void emit_tiles(Band *band, const MlBuilder *b, int k) {
  while (k < band->n && !band->dims[k].tile)
    k++;
  if (k == band->n) {
    emit_points(band, b, -1);
    return;
  }
  const MlTileDim *d = &band->dims[k];
  MlLoop tl = ml_build_loop_for_bounds(b, d->lb, band->full[k],
                                       ml_bound_const(d->tile * d->step),
                                       d->reduction, 0, NULL);
  ml_build_loop_yield(&tl.body, 0, NULL);
  band->tile_iv[k] = tl.iv;
  MlBuilder inner = before_terminator(tl.body.block);
  emit_tiles(band, &inner, k + 1);
  if (d->remainder)
    emit_points(band, b, k);
}

void ml_tile_rewrite_band(MlTileDim *dims, int n) {
  /* The sizes are used up here; no copy of the root keeps them. */
  mlirOperationRemoveAttributeByName(dims[0].loop,
                                     mlirStringRefCreateFromCString("tile_sizes"));
  /* In-place dims first, innermost first: each copy made later (of an
   * outer in-place loop or of the band) then carries the result. */
  int perfect = n;
  for (int k = n - 1; k >= 0; k--) {
    if (!dims[k].in_place)
      continue;
    perfect = k;
    if (dims[k].tile)
      strip_mine(&dims[k]);
  }
  bool tiled = false;
  for (int k = 0; k < perfect; k++)
    tiled |= dims[k].tile != 0;
  if (!tiled)
    return;
  Band band = {dims, perfect, dims[0].loop, {{{NULL}, 0}}, {{NULL}}};
  MlBuilder top = ml_builder_before(band.root);
  for (int k = 0; k < perfect; k++)
    if (dims[k].tile)
      band.full[k] = ml_tile_full_end(&top, &dims[k]);
  emit_tiles(&band, &top, 0);
  mlirOperationDestroy(band.root);
}
