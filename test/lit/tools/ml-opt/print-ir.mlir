// --print-ir-before-all / --print-ir-after-all print to stderr around every
// pass, in pipeline order; --print-ir-after-failure only after a failing one.
// RUN: ml-opt --cse --canonicalize --print-ir-before-all %s 2>&1 >/dev/null | FileCheck %s --check-prefix=BEFORE
// RUN: ml-opt --cse --canonicalize --print-ir-after-all %s 2>&1 >/dev/null | FileCheck %s --check-prefix=AFTER
// RUN: ml-opt --mlir-print-ir-after-all --cse %s 2>&1 >/dev/null | FileCheck %s --check-prefix=ALIAS
// RUN: ml-opt --cse --print-ir-after-failure %s 2>&1 >/dev/null | count 0

// BEFORE: // -----// IR Dump Before CSE (cse)
// BEFORE: arith.addi
// BEFORE: // -----// IR Dump Before Canonicalizer (canonicalize)
// AFTER: // -----// IR Dump After CSE (cse)
// AFTER: // -----// IR Dump After Canonicalizer (canonicalize)
// AFTER-NOT: arith.addi
// ALIAS: IR Dump After CSE

func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %x = arith.addi %a, %c0 : i32
  return %x : i32
}
