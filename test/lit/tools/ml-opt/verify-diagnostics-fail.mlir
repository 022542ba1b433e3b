// --verify-diagnostics fails (exit 1) on an expectation nothing matched, an
// unexpected diagnostic, a diagnostic of the wrong kind, and a malformed
// directive; each is reported at its place in the file.
// RUN: not ml-opt --split-input-file --verify-diagnostics %s 2>&1 | FileCheck %s

func.func @unmatched() {
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:6: error: expected error "never emitted" was not produced
  // expected-error {{never emitted}}
  return
}

// -----

func.func @unexpected() {
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:19: error: unexpected error: use of undeclared SSA value name
  %0 = arith.addi %x, %x : i32
  return
}

// -----

func.func @wrong_kind() {
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:6: error: 'error' diagnostic emitted when expecting a 'warning'
  // expected-warning @+1 {{undeclared}}
  %0 = arith.addi %x, %x : i32
  return
}

// -----

func.func @wrong_line() {
  // expected-error @+3 {{undeclared}}
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:19: error: unexpected error
  %0 = arith.addi %x, %x : i32
  return
}
// CHECK: verify-diagnostics-fail.mlir:[[@LINE-5]]:6: error: expected error "undeclared" was not produced

// -----

// CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:4: error: expected '{{[{][{]}}message}}' after the directive
// expected-error @+1 undeclared
func.func @malformed() {
  return
}

// -----

// CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:4: error: expected '@+N', '@-N', '@above', '@below' or '@unknown'
// expected-error @sideways {{x}}
func.func @bad_designator() {
  return
}

// -----

// CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:4: error: expected-*-re (regex) directives are not supported
// expected-error-re {{x}}
func.func @regex() {
  return
}
