//===- LoopDialect.cpp - registration of the loop dialect (ODS glue) -------===//
#include "LoopDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlopt::loop;

#include "LoopDialect.cpp.inc"
#include "LoopEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "LoopAttrs.cpp.inc"
#define GET_TYPEDEF_CLASSES
#include "LoopTypes.cpp.inc"

void LoopDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "LoopOps.cpp.inc"
      >();
}

#define GET_OP_CLASSES
#include "LoopOps.cpp.inc"
