//===- AccelDialect.h - the accel dialect in C++ (ODS glue) -----*- C++ -*-===//
//
// Only for lib/dialects/Accel: the rest of mlopt reaches accel through the C
// API (mlirGetDialectHandle__accel__, the generic operation API, and
// mlirTypeParseGet / mlirAttributeParseGet for !accel.buf and #accel.target).
//
//===----------------------------------------------------------------------===//
#ifndef MLOPT_DIALECTS_ACCEL_ACCELDIALECT_H
#define MLOPT_DIALECTS_ACCEL_ACCELDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "AccelDialect.h.inc"
#include "AccelEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "AccelAttrs.h.inc"
#define GET_TYPEDEF_CLASSES
#include "AccelTypes.h.inc"
#define GET_OP_CLASSES
#include "AccelOps.h.inc"

#endif
