//===- LoopOps.td - the loop dialect --------------------------*- tablegen -*-===//
#ifndef LOOP_OPS
#define LOOP_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Loop_Dialect : Dialect {
  let name = "loop";
  let cppNamespace = "::mlopt::loop";
  let summary = "(being written)";
}

#endif // LOOP_OPS
