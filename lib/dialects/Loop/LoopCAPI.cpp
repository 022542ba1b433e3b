//===- LoopCAPI.cpp - the loop dialect handle for the C API ----------------===//
#include "LoopDialect.h"
#include "mlir/CAPI/Registration.h"
#include "mlopt-c/Dialects.h"

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Loop, loop, mlopt::loop::LoopDialect)
