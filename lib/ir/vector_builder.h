/* vector_builder.h: ml_build_* helpers for the upstream `vector` ops that
 * --vectorize emits (1-D vectors of a scalar element type). */
#ifndef MLOPT_IR_VECTOR_BUILDER_H
#define MLOPT_IR_VECTOR_BUILDER_H

#include "ir/builder.h"

/* vector<lanes x elt>. */
MlirType ml_vector_type(MlirType elt, int64_t lanes);
/* vector.broadcast of the scalar `x` to `type`. */
MlirValue ml_build_vector_broadcast(const MlBuilder *b, MlirType type, MlirValue x);
/* vector.load of `type` from `memref` at `indices` (lanes along the last dim). */
MlirValue ml_build_vector_load(const MlBuilder *b, MlirType type,
                               MlirValue memref, intptr_t n,
                               const MlirValue *indices);
/* vector.store of `value` into `memref` at `indices`. */
void ml_build_vector_store(const MlBuilder *b, MlirValue value, MlirValue memref,
                           intptr_t n, const MlirValue *indices);
/* vector.fma: x * y + acc, lane by lane (one rounding). */
MlirValue ml_build_vector_fma(const MlBuilder *b, MlirValue x, MlirValue y,
                              MlirValue acc);
/* vector.reduction <kind> of `v` combined with the scalar `acc`; kind is a
 * vector.kind name ("add", "maximumf", ...). */
MlirValue ml_build_vector_reduction(const MlBuilder *b, const char *kind,
                                    MlirValue v, MlirValue acc);

#endif
