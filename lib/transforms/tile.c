/* tile: --tile=N / --tile=a,b,c, loop tiling on loop.for nests.
 *
 * A *band* starts at each outermost loop.for of a function and follows
 * the only loop.for of each body down, one dim per loop, outermost first:
 *  - while the loops nest perfectly (a body is the next loop and its
 *    terminator), carry no value and have bounds defined outside the band,
 *    the band is *interchangeable*: its tiled dims get tile loops that are
 *    hoisted outermost (keeping their parallel/reduction kind) around point
 *    loops in the original order;
 *  - from the first loop that carries a value (iter_args: matmul's K, a
 *    reduce's axes), shares its parent's body with other ops, or has
 *    bounds depending on an outer loop, each dim is strip-mined *in place*
 *    (tile loop and point loop both carry the values): moving a loop that
 *    carries a value outward would need its accumulator in memory.
 * Reduction loops without iter_args (accumulating into a buffer) are
 * interchanged like parallel ones: tiling only regroups their iterations.
 * A dim whose tile covers its trip count is left untiled; a partial last
 * tile is peeled into a remainder loop (tile_rewrite.c), so any trip count
 * is exact. Sizes come from the band root's `tile_sizes` attribute when it
 * has one (a schedule is more specific than a flag), else from the flag.
 * Every band gets one remark at its root saying what was done and why not.
 * The IR rewriting lives in tile_rewrite.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "compiler/sizes.h"
#include "ir/attrs.h"
#include "ir/diagnostics.h"
#include "ir/strbuf.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Passes.h"
#include "transforms/loop_nests.h"
#include "transforms/tile.h"

typedef struct TileOptions {
  int64_t sizes[ML_TILE_MAX_DIMS];
  intptr_t n;   /* 0: tile_sizes attributes only; 1: every dim; else per dim */
  bool invalid; /* a size < 0 or too many sizes: run() refuses */
} TileOptions;

/* Why a band stops interchanging at a dim (the dims from there on are
 * strip-mined in place). */
typedef enum { IN_BAND, CARRIES, SHARES, DEPENDS } Stop;

static const char *const stop_verb[] = {"", "carries a value",
                                        "shares its parent's body with other ops",
                                        "has bounds that depend on an outer loop"};

/* What became of one dim. */
typedef enum { ZERO, TILED, COVERS, SSA_STEP, OVERFLOW, MANY_VALUES } Fate;

/* The only loop.for directly in `loop`'s body, or null (none, several). */
static MlirOperation sole_loop(MlirOperation loop) {
  if (ml_loop_count_children(loop) != 1)
    return (MlirOperation){NULL};
  MlirOperation op = mlirBlockGetFirstOperation(ml_loop_body(loop));
  while (!ml_op_named(op, "loop.for"))
    op = mlirOperationGetNextInBlock(op);
  return op;
}

/* Is `loop`'s body exactly `inner` and the terminator? */
static bool nests_perfectly(MlirOperation loop, MlirOperation inner) {
  MlirOperation first = mlirBlockGetFirstOperation(ml_loop_body(loop));
  return mlirOperationEqual(first, inner) &&
         mlirOperationEqual(mlirOperationGetNextInBlock(inner),
                            mlirBlockGetTerminator(ml_loop_body(loop)));
}

/* Does a bound of `loop` read the induction variable of dims[0..n)? */
static bool depends_on_band(MlirOperation loop, const MlTileDim *dims, int n) {
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

/* Fills `d` from `loop` (untiled for now). */
static void describe(MlTileDim *d, MlirOperation loop, bool in_place) {
  MlBound step;
  intptr_t nb;
  ml_tile_loop_bounds(loop, &d->lb, &d->ub, &step, &nb);
  d->loop = loop;
  d->in_place = in_place;
  d->reduction = ml_attr_int(loop, "iterator_kind") == 1;
  d->step = mlirValueIsNull(step.value) ? step.c : 0;
  d->trips = -1;
  if (d->step > 0 && mlirValueIsNull(d->lb.value) && mlirValueIsNull(d->ub.value))
    d->trips = d->ub.c <= d->lb.c
                   ? 0
                   : (int64_t)(((uint64_t)d->ub.c - (uint64_t)d->lb.c - 1) /
                                   (uint64_t)d->step + 1);
  d->tile = 0;
  d->remainder = false;
}

/* The band rooted at `root` into dims; returns its depth. *first_in_place
 * is the first in-place dim (the depth if none) and *why its reason. */
static int find_band(MlirOperation root, MlTileDim *dims, int *first_in_place,
                     Stop *why) {
  int n = 0;
  *first_in_place = -1;
  *why = IN_BAND;
  MlirOperation prev = {NULL};
  for (MlirOperation cur = root; !mlirOperationIsNull(cur) && n < ML_TILE_MAX_DIMS;
       cur = sole_loop(cur)) {
    if (*why == IN_BAND) {
      if (mlirOperationGetNumResults(cur) > 0)
        *why = CARRIES;
      else if (n > 0 && !nests_perfectly(prev, cur))
        *why = SHARES;
      else if (n > 0 && depends_on_band(cur, dims, n))
        *why = DEPENDS;
      if (*why != IN_BAND)
        *first_in_place = n;
    }
    describe(&dims[n++], cur, *why != IN_BAND);
    prev = cur;
  }
  if (*first_in_place < 0)
    *first_in_place = n;
  return n;
}

/* Decides dim `d`'s tile for the requested size `r`. */
static Fate decide(MlTileDim *d, int64_t r) {
  int64_t span;
  if (r == 0)
    return ZERO;
  if (d->step == 0)
    return SSA_STEP;
  if (mlirOperationGetNumResults(d->loop) > 16) /* the builder's bound */
    return MANY_VALUES;
  if (d->trips >= 0 && r >= d->trips)
    return COVERS;
  if (__builtin_mul_overflow(r, d->step, &span))
    return OVERFLOW;
  d->tile = r;
  d->remainder = d->trips < 0 || d->trips % r != 0;
  return TILED;
}

/* Appends "dim 2" or "dims 0, 2" for the dims flagged in `set`. */
static void dim_list(MlBuf *out, const bool *set, int n) {
  int count = 0;
  for (int k = 0; k < n; k++)
    count += set[k];
  ml_buf_puts(out, count == 1 ? "dim " : "dims ");
  for (int k = 0, i = 0; k < n; k++)
    if (set[k])
      ml_buf_printf(out, "%s%d", i++ ? ", " : "", k);
}

/* Appends "32x0x8" (one size per dim). */
static void size_list(MlBuf *out, const int64_t *sizes, int n) {
  for (int k = 0; k < n; k++)
    ml_buf_printf(out, "%s%lld", k ? "x" : "", (long long)sizes[k]);
}

/* The one-line account of a band, remarked at its root. */
static void explain(MlirOperation root, const MlTileDim *dims, int n,
                    const Fate *fate, const int64_t *requested, bool from_attr,
                    intptr_t extra, int first_in_place, Stop why) {
  MlBuf msg = {0};
  bool tiled = false, any = false, place[ML_TILE_MAX_DIMS] = {false},
       rem[ML_TILE_MAX_DIMS] = {false};
  int64_t sizes[ML_TILE_MAX_DIMS];
  for (int k = 0; k < n; k++) {
    tiled |= fate[k] == TILED;
    any |= requested[k] != 0;
    sizes[k] = dims[k].tile;
    place[k] = fate[k] == TILED && dims[k].in_place;
    rem[k] = fate[k] == TILED && dims[k].remainder;
  }
  const char *source = from_attr ? " from tile_sizes" : "";
  if (tiled) {
    ml_buf_printf(&msg, "tiled %d-deep band with ", n);
    size_list(&msg, sizes, n);
    ml_buf_puts(&msg, source);
  } else if (!any) {
    ml_buf_printf(&msg, "not tiled: tile size 0 for every dim of the %d-deep "
                        "band", n);
  } else {
    ml_buf_printf(&msg, "not tiled: %d-deep band with tile sizes ", n);
    size_list(&msg, requested, n);
    ml_buf_puts(&msg, source);
  }
  for (int k = 0; k < n; k++) {
    if (fate[k] == COVERS)
      ml_buf_printf(&msg, ", dim %d untiled (tile %lld >= its %lld iterations)", k,
                    (long long)requested[k], (long long)dims[k].trips);
    else if (fate[k] == SSA_STEP)
      ml_buf_printf(&msg, ", dim %d untiled (its step is an SSA value)", k);
    else if (fate[k] == MANY_VALUES)
      ml_buf_printf(&msg, ", dim %d untiled (it carries more than 16 values)", k);
    else if (fate[k] == OVERFLOW)
      ml_buf_printf(&msg, ", dim %d untiled (tile %lld times its step overflows)",
                    k, (long long)requested[k]);
  }
  bool any_place = false;
  for (int k = 0; k < n; k++)
    any_place |= place[k];
  if (any_place) {
    ml_buf_puts(&msg, ", ");
    dim_list(&msg, place, n);
    bool only_first = true;
    for (int k = 0; k < n; k++)
      only_first &= place[k] == (k == first_in_place);
    if (only_first)
      ml_buf_printf(&msg, " strip-mined in place (it %s)", stop_verb[why]);
    else
      ml_buf_printf(&msg, " strip-mined in place (at or below dim %d, which %s)",
                    first_in_place, stop_verb[why]);
  }
  if (extra > 0) {
    int below = ml_loop_count_children(dims[n - 1].loop);
    ml_buf_printf(&msg, ", ignored %lld tile size%s beyond the band (",
                  (long long)extra, extra == 1 ? "" : "s");
    if (n == ML_TILE_MAX_DIMS)
      ml_buf_printf(&msg, "at most %d dims", ML_TILE_MAX_DIMS);
    else if (below == 0)
      ml_buf_printf(&msg, "dim %d's body holds no loop", n - 1);
    else
      ml_buf_printf(&msg, "dim %d's body holds %d loops", n - 1, below);
    ml_buf_puts(&msg, ")");
  }
  if (tiled) {
    bool any_rem = false;
    for (int k = 0; k < n; k++)
      any_rem |= rem[k];
    if (any_rem) {
      int count = 0;
      for (int k = 0; k < n; k++)
        count += rem[k];
      ml_buf_printf(&msg, ", remainder%s of ", count == 1 ? "" : "s");
      dim_list(&msg, rem, n);
      ml_buf_puts(&msg, " peeled");
    } else {
      ml_buf_puts(&msg, ", no remainder");
    }
  }
  ml_remark(root, "%s", ml_buf_str(&msg));
  ml_buf_free(&msg);
}

/* Tiles the band rooted at `root`. */
static void tile_band(MlirOperation root, const TileOptions *o) {
  MlTileDim dims[ML_TILE_MAX_DIMS];
  int first_in_place;
  Stop why;
  int n = find_band(root, dims, &first_in_place, &why);

  /* The sizes: the root's tile_sizes, else the flag's. */
  int64_t requested[ML_TILE_MAX_DIMS] = {0}, attr[ML_TILE_MAX_DIMS];
  intptr_t extra = 0;
  bool from_attr = false;
  if (!mlirAttributeIsNull(ml_attr(root, "tile_sizes"))) {
    intptr_t na = ml_attr_i64s(root, "tile_sizes", attr, ML_TILE_MAX_DIMS);
    from_attr = true;
    for (int k = 0; k < n && k < na; k++)
      requested[k] = attr[k];
    extra = na > n ? na - n : 0;
  } else if (o->n == 0) {
    ml_remark(root, "not tiled: no tile sizes (give --tile=N or a tile_sizes "
                    "attribute on the band's outermost loop)");
    return;
  } else if (o->n == 1) {
    for (int k = 0; k < n; k++)
      requested[k] = o->sizes[0];
  } else {
    for (int k = 0; k < n && k < o->n; k++)
      requested[k] = o->sizes[k];
    extra = o->n > n ? o->n - n : 0;
  }

  Fate fate[ML_TILE_MAX_DIMS];
  for (int k = 0; k < n; k++)
    fate[k] = decide(&dims[k], requested[k]);
  explain(root, dims, n, fate, requested, from_attr, extra, first_in_place, why);
  ml_tile_rewrite_band(dims, n);
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  const TileOptions *o = options;
  if (o->invalid) {
    mlirEmitError(mlirOperationGetLocation(module),
                  "--tile: tile sizes must be >= 0 and at most 16 of them");
    return mlirLogicalResultFailure();
  }
  if (ml_refuse_mlt_ops(module, "tile"))
    return mlirLogicalResultFailure();
  size_t n;
  MlirOperation *roots = ml_loop_roots(module, &n);
  /* Bands are disjoint: rewriting one leaves the others' handles valid. */
  for (size_t i = 0; i < n; i++)
    tile_band(roots[i], o);
  free(roots);
  return mlirLogicalResultSuccess();
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__loop__, mlirGetDialectHandle__arith__, NULL};

static const MlPassSpec spec = {
    "Tile", "tile", "Tile the outer band of loop.for nests (remainders peeled)",
    "builtin.module", deps, run, sizeof(TileOptions)};

MlirPass mloptCreateTilePass(intptr_t numSizes, const int64_t *sizes) {
  TileOptions o;
  memset(&o, 0, sizeof o);
  o.invalid = numSizes < 0 || numSizes > ML_TILE_MAX_DIMS;
  for (intptr_t i = 0; !o.invalid && i < numSizes; i++) {
    o.invalid = sizes[i] < 0;
    o.sizes[i] = sizes[i];
  }
  o.n = o.invalid ? 0 : numSizes;
  return ml_pass_create(&spec, &o);
}

/* --tile[=N[,N...]]: no value reads tile_sizes attributes only. */
MlirLogicalResult ml_add_tile(MlirOpPassManager pm, MlirStringRef value,
                              MlBuf *err) {
  int64_t sizes[ML_TILE_MAX_DIMS];
  intptr_t n = 0;
  static const MlSizesSpec flag = {"tile", "tile size", "0 leaves a dim untiled",
                                   0, ML_TILE_MAX_DIMS};
  if (value.data && !ml_parse_sizes(&flag, value, sizes, &n, err))
    return mlirLogicalResultFailure();
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateTilePass(n, sizes));
  return mlirLogicalResultSuccess();
}
