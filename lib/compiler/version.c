/* version: the versions baked in at configure time. */
#include "mlopt-c/Support.h"

#ifndef MLOPT_VERSION
#error "MLOPT_VERSION must be defined by the build"
#endif

MlirStringRef mloptGetVersion(void) {
  return mlirStringRefCreateFromCString(MLOPT_VERSION);
}

MlirStringRef mloptGetMlirVersion(void) {
  return mlirStringRefCreateFromCString(MLOPT_MLIR_VERSION);
}
