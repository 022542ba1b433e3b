// --verify-diagnostics accepts MLIR's expected-* syntax: @+N, @-N, @above,
// @below, notes, and {{substring}} matching. All expectations here are met.
// RUN: ml-opt --split-input-file --verify-diagnostics %s

func.func @plus() {
  // expected-error @+1 {{use of undeclared SSA value name}}
  %0 = arith.addi %x, %x : i32
  return
}

// -----

func.func @minus() {
  %0 = arith.addi %x, %x : i32
  // expected-error @-1 {{undeclared SSA}}
  return
}

// -----

func.func @above() {
  %0 = arith.addi %x, %x : i32
  // expected-error @above {{undeclared}}
  return
}

// -----

func.func @below() {
  // expected-error @below {{undeclared}}
  %0 = arith.addi %x, %x : i32
  return
}

// -----

func.func @same_line() {
  %0 = arith.addi %x, %x : i32 // expected-error {{use of undeclared SSA value name}}
  return
}

// -----

// A verifier error with a note pointing elsewhere.
func.func @with_note() {
  // expected-note @+1 {{prior use here}}
  %0 = arith.constant 1 : i32
  // expected-error @+1 {{use of value '%0' expects different type than prior uses: 'i64' vs 'i32'}}
  %1 = arith.addi %0, %0 : i64
  return
}

// -----

// A chunk with no diagnostics and no expectations passes too.
func.func @clean() {
  return
}
