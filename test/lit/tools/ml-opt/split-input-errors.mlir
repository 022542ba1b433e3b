// An error in one chunk is reported with the whole file's line number, the
// other chunks still get checked, and no output is written at all.
// RUN: not ml-opt --split-input-file %s 2>&1 | FileCheck %s
// RUN: not ml-opt --split-input-file %s 2>/dev/null | count 0

func.func @ok() {
  return
}

// -----

func.func @bad() {
  // CHECK: split-input-errors.mlir:[[@LINE+1]]:19: error: operation being parsed with an unregistered dialect
  %0 = "nosuch.op"() : () -> i32
  return
}

// -----

func.func @worse() -> i32 {
  // CHECK: split-input-errors.mlir:[[@LINE+1]]:10: error: use of undeclared SSA value name
  return %x : i32
}
