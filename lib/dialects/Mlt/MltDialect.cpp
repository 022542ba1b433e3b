//===- MltDialect.cpp - registration of the mlt dialect (ODS glue) --------===//
#include "MltDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"

using namespace mlir;
using namespace mlopt::mlt;

#include "MltDialect.cpp.inc"
#include "MltEnums.cpp.inc"

void MltDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "MltOps.cpp.inc"
      >();
}

#define GET_OP_CLASSES
#include "MltOps.cpp.inc"
