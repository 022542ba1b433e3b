//===- AccelDialect.cpp - registration of the accel dialect (ODS glue) ----===//
//
// Pulls in the ODS-generated definitions and registers the ops, the
// #accel.target attribute and the !accel.buf / !accel.token types. Parsers,
// printers and verifiers live in AccelOps.cpp.
//
//===----------------------------------------------------------------------===//
#include "AccelDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlopt::accel;

#include "AccelDialect.cpp.inc"
#include "AccelEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "AccelAttrs.cpp.inc"
#define GET_TYPEDEF_CLASSES
#include "AccelTypes.cpp.inc"

void AccelDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "AccelOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "AccelAttrs.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "AccelTypes.cpp.inc"
      >();
}

#define GET_OP_CLASSES
#include "AccelOps.cpp.inc"
