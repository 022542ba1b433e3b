//===- MltCAPI.cpp - the mlt dialect handle for the C API -----------------===//
#include "MltDialect.h"
#include "mlir/CAPI/Registration.h"
#include "mlopt-c/Dialects.h"

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Mlt, mlt, mlopt::mlt::MltDialect)
