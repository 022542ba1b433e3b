/* vector_builder: the vector ops --vectorize emits, one helper each. */
#include <stdio.h>

#include "ir/vector_builder.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

MlirType ml_vector_type(MlirType elt, int64_t lanes) {
  return mlirVectorTypeGet(1, &lanes, elt);
}

MlirValue ml_build_vector_broadcast(const MlBuilder *b, MlirType type, MlirValue x) {
  return ml_build_value_op(b, "vector.broadcast", 1, &x, type);
}

MlirValue ml_build_vector_load(const MlBuilder *b, MlirType type,
                               MlirValue memref, intptr_t n,
                               const MlirValue *indices) {
  MlirOperationState s = ml_state(b, "vector.load");
  mlirOperationStateAddOperands(&s, 1, &memref);
  mlirOperationStateAddOperands(&s, n, indices);
  mlirOperationStateAddResults(&s, 1, &type);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

void ml_build_vector_store(const MlBuilder *b, MlirValue value, MlirValue memref,
                           intptr_t n, const MlirValue *indices) {
  MlirOperationState s = ml_state(b, "vector.store");
  MlirValue vm[2] = {value, memref};
  mlirOperationStateAddOperands(&s, 2, vm);
  mlirOperationStateAddOperands(&s, n, indices);
  ml_build_op(b, &s);
}

MlirValue ml_build_vector_fma(const MlBuilder *b, MlirValue x, MlirValue y,
                              MlirValue acc) {
  MlirValue xya[3] = {x, y, acc};
  return ml_build_value_op(b, "vector.fma", 3, xya, mlirValueGetType(acc));
}

MlirValue ml_build_vector_reduction(const MlBuilder *b, const char *kind,
                                    MlirValue v, MlirValue acc) {
  char text[64];
  snprintf(text, sizeof text, "#vector.kind<%s>", kind);
  MlirAttribute k = mlirAttributeParseGet(b->ctx, mlirStringRefCreateFromCString(text));
  MlirOperationState s = ml_state(b, "vector.reduction");
  MlirNamedAttribute named = mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("kind")), k);
  mlirOperationStateAddAttributes(&s, 1, &named);
  MlirValue va[2] = {v, acc};
  mlirOperationStateAddOperands(&s, 2, va);
  MlirType elt = mlirValueGetType(acc);
  mlirOperationStateAddResults(&s, 1, &elt);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}
