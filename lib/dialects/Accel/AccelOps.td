//===- AccelOps.td - the accel dialect --------------------------*- tablegen -*-===//
#ifndef ACCEL_OPS
#define ACCEL_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Accel_Dialect : Dialect {
  let name = "accel";
  let cppNamespace = "::mlopt::accel";
  let summary = "(being written)";
}

#endif // ACCEL_OPS
