//===- LoopDialect.h - the loop dialect in C++ (ODS glue) ---------*- C++ -*-===//
//
// Only for lib/dialects/Loop: the rest of mlopt reaches loop through the C API
// (mlirGetDialectHandle__loop__ and the generic operation API).
//
//===----------------------------------------------------------------------===//
#ifndef MLOPT_DIALECTS_LOOP_LOOPDIALECT_H
#define MLOPT_DIALECTS_LOOP_LOOPDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "LoopDialect.h.inc"
#include "LoopEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "LoopAttrs.h.inc"
#define GET_TYPEDEF_CLASSES
#include "LoopTypes.h.inc"
#define GET_OP_CLASSES
#include "LoopOps.h.inc"

#endif
