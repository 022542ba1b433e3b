// Chunks are processed independently and their outputs joined by the marker.
// Diagnostics keep the line numbers of the whole file.
// RUN: ml-opt --split-input-file --canonicalize %s | FileCheck %s
// RUN: not ml-opt --split-input-file %s --pass-pipeline='builtin.module(inline)' -DBROKEN 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: sed 's|^// -----$|// ===|' %s | ml-opt --split-input-file='// ===' | FileCheck %s --check-prefix=MARKER
// RUN: sed 's|^// -----$|// ===|' %s | ml-opt --split-input-file | FileCheck %s --check-prefix=NOSPLIT

// CHECK-LABEL: func.func @first
// CHECK: // -----
// CHECK-LABEL: func.func @second
// CHECK-NOT: arith.addi
// CHECK: // -----
// CHECK-LABEL: func.func @third

// UNKNOWN: ml-opt: error: unknown flag '-DBROKEN'

// MARKER: @first
// MARKER: {{^}}// ==={{$}}
// MARKER: @second
// MARKER: {{^}}// ==={{$}}
// MARKER: @third
// NOSPLIT-NOT: // -----
// NOSPLIT: @first
// NOSPLIT: @second

func.func @first() {
  return
}

// -----

func.func @second(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %x = arith.addi %a, %c0 : i32
  return %x : i32
}

// -----

func.func @third() {
  return
}
