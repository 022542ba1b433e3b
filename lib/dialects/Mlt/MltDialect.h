//===- MltDialect.h - the mlt dialect in C++ (ODS glue) ---------*- C++ -*-===//
//
// Only for lib/dialects/Mlt: the rest of mlopt reaches mlt through the C API
// (mlirGetDialectHandle__mlt__ and the generic operation API).
//
//===----------------------------------------------------------------------===//
#ifndef MLOPT_DIALECTS_MLT_MLTDIALECT_H
#define MLOPT_DIALECTS_MLT_MLTDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "MltDialect.h.inc"
#include "MltEnums.h.inc"

namespace mlopt::mlt {

/// Rejects any operand or result tensor with a dynamic dimension, with one
/// message naming the value and its type.
mlir::LogicalResult verifyStaticShapes(mlir::Operation *op);

template <typename ConcreteType>
class StaticShapes
    : public mlir::OpTrait::TraitBase<ConcreteType, StaticShapes> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
    return verifyStaticShapes(op);
  }
};

} // namespace mlopt::mlt

#define GET_OP_CLASSES
#include "MltOps.h.inc"

#endif
