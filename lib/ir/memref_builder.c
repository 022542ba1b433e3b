/* memref_builder: memref.subview and memref.collapse_shape (see the
 * header); result types are computed here, as the ops' verifiers expect. */
#include "ir/memref_builder.h"

#include <stdlib.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

static MlirNamedAttribute named(const MlBuilder *b, const char *name,
                                MlirAttribute a) {
  return mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString(name)), a);
}

MlirValue ml_build_memref_slice0(const MlBuilder *b, MlirValue src, MlirValue i) {
  MlirType t = mlirValueGetType(src);
  intptr_t rank = mlirShapedTypeGetRank(t);
  int64_t strides[8], offset, dyn = mlirShapedTypeGetDynamicStrideOrOffset();
  if (rank < 2 || rank > 8 ||
      mlirLogicalResultIsFailure(mlirMemRefTypeGetStridesAndOffset(t, strides, &offset)))
    abort(); /* callers slice static memrefs of rank 2..8 */
  int64_t offsets[8] = {dyn}, sizes[8] = {1}, unit[8], shape[8];
  for (intptr_t d = 0; d < rank; d++) {
    unit[d] = 1;
    if (d > 0) {
      offsets[d] = 0;
      sizes[d] = mlirShapedTypeGetDimSize(t, d);
      shape[d - 1] = sizes[d];
    }
  }
  MlirAttribute layout = mlirStridedLayoutAttrGet(b->ctx, dyn, rank - 1, strides + 1);
  MlirType result = mlirMemRefTypeGet(mlirShapedTypeGetElementType(t), rank - 1,
                                      shape, layout, mlirAttributeGetNull());
  MlirOperationState s = ml_state(b, "memref.subview");
  MlirValue operands[2] = {src, i};
  mlirOperationStateAddOperands(&s, 2, operands);
  MlirNamedAttribute attrs[4] = {
      named(b, "static_offsets", mlirDenseI64ArrayGet(b->ctx, rank, offsets)),
      named(b, "static_sizes", mlirDenseI64ArrayGet(b->ctx, rank, sizes)),
      named(b, "static_strides", mlirDenseI64ArrayGet(b->ctx, rank, unit)),
      named(b, "operandSegmentSizes",
            mlirDenseI32ArrayGet(b->ctx, 4, (const int32_t[]){1, 1, 0, 0})),
  };
  mlirOperationStateAddAttributes(&s, 4, attrs);
  mlirOperationStateAddResults(&s, 1, &result);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

MlirValue ml_build_memref_collapse(const MlBuilder *b, MlirValue src,
                                   intptr_t n_groups, const int64_t *groups) {
  MlirType t = mlirValueGetType(src);
  int64_t shape[8];
  MlirAttribute reassoc[8];
  MlirType i64 = mlirIntegerTypeGet(b->ctx, 64);
  intptr_t d = 0;
  for (intptr_t g = 0; g < n_groups; g++) {
    MlirAttribute dims[8];
    shape[g] = 1;
    for (int64_t k = 0; k < groups[g]; k++, d++) {
      dims[k] = mlirIntegerAttrGet(i64, d);
      shape[g] *= mlirShapedTypeGetDimSize(t, d);
    }
    reassoc[g] = mlirArrayAttrGet(b->ctx, groups[g], dims);
  }
  MlirType result = mlirMemRefTypeContiguousGet(mlirShapedTypeGetElementType(t),
                                                n_groups, shape,
                                                mlirAttributeGetNull());
  MlirOperationState s = ml_state(b, "memref.collapse_shape");
  mlirOperationStateAddOperands(&s, 1, &src);
  MlirNamedAttribute a =
      named(b, "reassociation", mlirArrayAttrGet(b->ctx, n_groups, reassoc));
  mlirOperationStateAddAttributes(&s, 1, &a);
  mlirOperationStateAddResults(&s, 1, &result);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}
