//===- AccelCAPI.cpp - the accel dialect handle for the C API -------------===//
#include "AccelDialect.h"
#include "mlir/CAPI/Registration.h"
#include "mlopt-c/Dialects.h"

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Accel, accel, mlopt::accel::AccelDialect)
