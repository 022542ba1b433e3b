// --timing and --pass-statistics report on stderr once per run.
// RUN: ml-opt --timing --cse %s 2>&1 >/dev/null | FileCheck %s --check-prefix=TIME
// RUN: ml-opt --mlir-timing --cse %s 2>&1 >/dev/null | FileCheck %s --check-prefix=TIME
// RUN: ml-opt --pass-statistics --cse %s 2>&1 >/dev/null | FileCheck %s --check-prefix=STATS

// TIME: Execution time report
// TIME-NOT: Execution time report
// TIME: CSE
// TIME: Total

// Debian's MLIR is built without LLVM_ENABLE_STATS, so the report has a
// header and no counters (mlir-opt --mlir-pass-statistics prints the same).
// STATS: Pass statistics report

func.func @f(%a: i32) -> i32 {
  %x = arith.addi %a, %a : i32
  %y = arith.addi %a, %a : i32
  %z = arith.muli %x, %y : i32
  return %z : i32
}
