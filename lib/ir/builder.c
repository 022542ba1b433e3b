/* builder: creating ops at an insertion point, one helper per op we emit. */
#include "ir/builder.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

MlBuilder ml_builder_before(MlirOperation op) {
  MlBuilder b = {mlirOperationGetContext(op), mlirOperationGetLocation(op),
                 mlirOperationGetBlock(op), op};
  return b;
}

MlBuilder ml_builder_at_end(MlirBlock block, MlirLocation loc) {
  MlBuilder b = {mlirLocationGetContext(loc), loc, block, {NULL}};
  return b;
}

MlirOperationState ml_state(const MlBuilder *b, const char *name) {
  return mlirOperationStateGet(mlirStringRefCreateFromCString(name), b->loc);
}

MlirOperation ml_build_op(const MlBuilder *b, MlirOperationState *state) {
  MlirOperation op = mlirOperationCreate(state);
  if (mlirOperationIsNull(b->before))
    mlirBlockAppendOwnedOperation(b->block, op); /* takes ownership */
  else
    mlirBlockInsertOwnedOperationBefore(b->block, b->before, op);
  return op;
}

MlirValue ml_build_index_constant(const MlBuilder *b, int64_t value) {
  MlirType index = mlirIndexTypeGet(b->ctx);
  MlirOperationState s = ml_state(b, "arith.constant");
  MlirNamedAttribute attr = mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("value")),
      mlirIntegerAttrGet(index, value));
  mlirOperationStateAddAttributes(&s, 1, &attr);
  mlirOperationStateAddResults(&s, 1, &index);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

MlirOperation ml_build_scf_yield(const MlBuilder *b, intptr_t n,
                                 const MlirValue *values) {
  MlirOperationState s = ml_state(b, "scf.yield");
  mlirOperationStateAddOperands(&s, n, values);
  return ml_build_op(b, &s);
}
