/* loop_nests.h: what the loop-level passes (--tile, --vectorize, --unroll,
 * --parallelize) share: finding their loop nests, refusing IR that is not
 * loop-level yet, and carrying schedule attributes over to a rebuilt loop. */
#ifndef MLOPT_TRANSFORMS_LOOP_NESTS_H
#define MLOPT_TRANSFORMS_LOOP_NESTS_H

#include <stdbool.h>
#include <stddef.h>

#include "mlir-c/IR.h"

/* The body block of a loop.for. */
MlirBlock ml_loop_body(MlirOperation loop);
/* How many loop.for ops `loop`'s body holds directly. */
int ml_loop_count_children(MlirOperation loop);

/* If an mlt op is left in `module`, emits "'mlt.x' is not loop-level:
 * --FLAG works on loop.for nests over memrefs; run --lower-to-loops first"
 * at the first one and returns true. */
bool ml_refuse_mlt_ops(MlirOperation module, const char *flag);

/* The outermost loop.for ops of the functions in `module` (no loop.for
 * around them), in pre-order: a malloc'ed array of *n (free it). */
MlirOperation *ml_loop_roots(MlirOperation module, size_t *n);

/* Gives `to` the schedule attributes of `from` (tile_sizes, vector_width,
 * unroll) except `consumed`, which the calling pass has acted on, and
 * every discardable attribute. */
void ml_loop_copy_attrs(MlirOperation from, MlirOperation to, const char *consumed);

#endif
