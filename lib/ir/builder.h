/* builder.h: a small builder over MlirOperationState so passes read as
 * "build this op here" rather than open-coded state plumbing (STYLE.md
 * rule 4). All handles are borrowed. */
#ifndef MLOPT_IR_BUILDER_H
#define MLOPT_IR_BUILDER_H

#include <stdint.h>

#include "mlir-c/IR.h"

typedef struct MlBuilder {
  MlirContext ctx;
  MlirLocation loc;
  MlirBlock block;
  MlirOperation before; /* insert before this op; null: append to block */
} MlBuilder;

/* A builder inserting right before `op`, with `op`'s location. */
MlBuilder ml_builder_before(MlirOperation op);
/* A builder appending to `block`. */
MlBuilder ml_builder_at_end(MlirBlock block, MlirLocation loc);

/* Creates the op described by `state` and inserts it at the builder. */
MlirOperation ml_build_op(const MlBuilder *b, MlirOperationState *state);
/* A state for op `name` at the builder's location. */
MlirOperationState ml_state(const MlBuilder *b, const char *name);

/* arith.constant of type index. */
MlirValue ml_build_index_constant(const MlBuilder *b, int64_t value);
/* scf.yield of `n` values. */
MlirOperation ml_build_scf_yield(const MlBuilder *b, intptr_t n,
                                 const MlirValue *values);

#endif
