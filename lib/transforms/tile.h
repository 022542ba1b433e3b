/* tile.h: what the two halves of --tile share: tile.c decides (bands,
 * sizes, remarks, the pass and its flag) and tile_rewrite.c rewrites the
 * loops it was told to. */
#ifndef MLOPT_TRANSFORMS_TILE_H
#define MLOPT_TRANSFORMS_TILE_H

#include <stdbool.h>
#include <stdint.h>

#include "ir/builder.h"

enum { ML_TILE_MAX_DIMS = 16 };

/* One loop of a band, outermost first. */
typedef struct MlTileDim {
  MlirOperation loop; /* the loop.for, as found before any rewriting */
  bool in_place;      /* strip-mined where it stands, never interchanged */
  bool reduction;     /* its iterator kind */
  MlBound lb, ub;     /* static (value null) or SSA bounds */
  int64_t step;       /* static step; 0 when the step is an SSA value */
  int64_t trips;      /* static trip count; -1 when a bound is SSA */
  int64_t tile;       /* iterations per tile; 0 leaves the dim untiled */
  bool remainder;     /* a partial last tile exists (or may, at run time) */
} MlTileDim;

/* The bounds and step of `loop` (values of its operands, or constants of
 * its static_* attributes); *num_bound_operands is how many operands the
 * bounds take (its iter_args inits follow them). */
void ml_tile_loop_bounds(MlirOperation loop, MlBound *lb, MlBound *ub,
                         MlBound *step, intptr_t *num_bound_operands);

/* Where the full tiles of `d` end: lb + (trips / T) * T * s (arith at `b`
 * when a bound is SSA), or ub itself when d->remainder is false. */
MlBound ml_tile_full_end(const MlBuilder *b, const MlTileDim *d);

/* Replaces `loop` by a loop.for running `lb to ub` with its step, kind and
 * body; its iter_args start from `inits` (NULL: the loop's own). Returns
 * the new loop; `loop` is destroyed and its results' uses moved over.
 * (Shared with --vectorize, which peels remainders the same way.) */
MlirOperation ml_loop_rebound(MlirOperation loop, MlBound lb, MlBound ub,
                              const MlirValue *inits);

/* Rewrites the band dims[0..n): strip-mines the in-place dims where they
 * stand (innermost first), then, if an interchangeable dim is tiled,
 * replaces the band by its tile loops (outermost) around point loops, with
 * each partial last tile peeled into a remainder nest. Leaves verified IR;
 * the band's root loop is gone afterwards when anything was tiled. */
void ml_tile_rewrite_band(MlTileDim *dims, int n);

#endif
