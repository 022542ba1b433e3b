// --mlir-print-generic and --mlir-print-debuginfo shape the printed IR.
// RUN: ml-opt %s | FileCheck %s --check-prefix=PRETTY
// RUN: ml-opt --mlir-print-generic %s | FileCheck %s --check-prefix=GENERIC
// RUN: ml-opt --mlir-print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// RUN: ml-opt --mlir-print-debuginfo %s | FileCheck %s --check-prefix=DEBUG
// Generic output parses back to the same pretty form.
// RUN: ml-opt --mlir-print-generic %s | ml-opt | FileCheck %s --check-prefix=PRETTY

// PRETTY: func.func @f(%arg0: i32) -> i32 {
// PRETTY-NEXT: %0 = arith.addi %arg0, %arg0 : i32
// GENERIC: "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}>
// GENERIC: "arith.addi"(%arg0, %arg0)
// DEBUG: arith.addi %arg0, %arg0 : i32 loc(#[[L:loc[0-9]*]])
// DEBUG: #[[L]] = loc("{{.*}}print-flags.mlir":[[@LINE+3]]:8)

func.func @f(%a: i32) -> i32 {
  %x = arith.addi %a, %a : i32
  return %x : i32
}
