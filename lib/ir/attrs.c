/* attrs: reading an op's name and inherent attributes (attrs.h). */
#include "ir/attrs.h"

#include <stdio.h>
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"

bool ml_op_named(MlirOperation op, const char *name) {
  MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(op));
  return n.length == strlen(name) && memcmp(n.data, name, n.length) == 0;
}

const char *ml_op_name(MlirOperation op, char *buf, size_t size) {
  MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(op));
  snprintf(buf, size, "%.*s", (int)n.length, n.data);
  return buf;
}

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
