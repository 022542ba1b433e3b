/* attrs: reading an op's inherent attributes by name (attrs.h). */
#include "ir/attrs.h"

#include "mlir-c/BuiltinAttributes.h"

MlirAttribute ml_attr(MlirOperation op, const char *name) {
  return mlirOperationGetInherentAttributeByName(
      op, mlirStringRefCreateFromCString(name));
}

int64_t ml_attr_int(MlirOperation op, const char *name) {
  return mlirIntegerAttrGetValueInt(ml_attr(op, name));
}

double ml_attr_float(MlirOperation op, const char *name) {
  return mlirFloatAttrGetValueDouble(ml_attr(op, name));
}

bool ml_attr_flag(MlirOperation op, const char *name) {
  return !mlirAttributeIsNull(ml_attr(op, name));
}

intptr_t ml_attr_i64s(MlirOperation op, const char *name, int64_t *out,
                      intptr_t max) {
  MlirAttribute a = ml_attr(op, name);
  intptr_t n = mlirDenseArrayGetNumElements(a);
  for (intptr_t i = 0; i < n && i < max; i++)
    out[i] = mlirDenseI64ArrayGetElement(a, i);
  return n;
}
