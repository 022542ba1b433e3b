/* memref_builder.h: memref views without copies — a rank-reduced slice
 * along the leading dimension and a collapse of contiguous dimensions —
 * for lowerings that hand 2-D tiles of bigger buffers to other ops. */
#ifndef MLOPT_IR_MEMREF_BUILDER_H
#define MLOPT_IR_MEMREF_BUILDER_H

#include "ir/builder.h"

/* memref.subview src[i, 0, ...][1, d1, ...][1, ...]: the rank-reduced
 * view of src's slice i along dim 0 (result strided with a dynamic
 * offset). `i` is an index value. */
MlirValue ml_build_memref_slice0(const MlBuilder *b, MlirValue src, MlirValue i);

/* memref.collapse_shape of an identity-layout memref: `groups[g]`
 * consecutive dims become dim g of the result (n_groups groups covering
 * every dim in order). */
MlirValue ml_build_memref_collapse(const MlBuilder *b, MlirValue src,
                                   intptr_t n_groups, const int64_t *groups);

#endif
