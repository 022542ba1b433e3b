// One case per loop.for / loop.yield verifier rule and per parse error of
// the custom syntax.
// RUN: ml-opt --split-input-file --verify-diagnostics %s

//===----------------------------------------------------------------------===//
// Bounds
//===----------------------------------------------------------------------===//

func.func @zero_step() {
  // expected-error @+1 {{'loop.for' op static step must be > 0, got 0}}
  loop.for %i = 0 to 8 step 0 parallel {
  }
  return
}

// -----

func.func @negative_step() {
  // expected-error @+1 {{'loop.for' op static step must be > 0, got -2}}
  loop.for %i = 8 to 16 step -2 parallel {
  }
  return
}

// -----

func.func @lower_above_upper() {
  // expected-error @+1 {{'loop.for' op static lower bound 10 is greater than the static upper bound 5}}
  loop.for %i = 10 to 5 step 1 parallel {
  }
  return
}

// -----

func.func @bound_twice(%n: index) {
  // expected-error @+1 {{'loop.for' op has both an SSA lower bound and the 'static_lower_bound' attribute}}
  "loop.for"(%n) <{iterator_kind = 0 : i32, operandSegmentSizes = array<i32: 1, 0, 0, 0>,
                   static_lower_bound = 0 : i64, static_upper_bound = 8 : i64, static_step = 1 : i64}> ({
  ^bb0(%i: index):
    "loop.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

func.func @bound_missing() {
  // expected-error @+1 {{'loop.for' op needs the upper bound as an index operand or the 'static_upper_bound' attribute}}
  "loop.for"() <{iterator_kind = 0 : i32, operandSegmentSizes = array<i32: 0, 0, 0, 0>,
                 static_lower_bound = 0 : i64, static_step = 1 : i64}> ({
  ^bb0(%i: index):
    "loop.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @step_missing(%n: index) {
  // expected-error @+1 {{'loop.for' op needs the step as an index operand or the 'static_step' attribute}}
  "loop.for"(%n) <{iterator_kind = 0 : i32, operandSegmentSizes = array<i32: 1, 0, 0, 0>,
                   static_upper_bound = 8 : i64}> ({
  ^bb0(%i: index):
    "loop.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

func.func @iterator_kind_missing() {
  // expected-error @+1 {{'loop.for' op requires attribute 'iterator_kind'}}
  "loop.for"() <{operandSegmentSizes = array<i32: 0, 0, 0, 0>,
                 static_lower_bound = 0 : i64, static_upper_bound = 8 : i64, static_step = 1 : i64}> ({
  ^bb0(%i: index):
    "loop.yield"() : () -> ()
  }) : () -> ()
  return
}

//===----------------------------------------------------------------------===//
// Loop-carried values
//===----------------------------------------------------------------------===//

// -----

func.func @parallel_iter_args(%z: f32) -> f32 {
  // expected-error @+1 {{'loop.for' op a parallel loop cannot carry values, got 1 iter_args (they need the 'reduction' iterator kind)}}
  %r = loop.for %i = 0 to 8 step 1 parallel iter_args(%acc = %z) -> (f32) {
    loop.yield %acc : f32
  }
  return %r : f32
}

// -----

func.func @iter_args_without_result(%z: f32) {
  // expected-error @+1 {{'loop.for' op has 1 iter_args but 0 results}}
  "loop.for"(%z) <{iterator_kind = 1 : i32, operandSegmentSizes = array<i32: 0, 0, 0, 1>,
                   static_lower_bound = 0 : i64, static_upper_bound = 8 : i64, static_step = 1 : i64}> ({
  ^bb0(%i: index, %acc: f32):
    "loop.yield"(%acc) : (f32) -> ()
  }) : (f32) -> ()
  return
}

// -----

func.func @iter_arg_result_types(%z: f32) -> f64 {
  // expected-error @+1 {{'loop.for' op iter_arg #0 has type 'f32' but result #0 has type 'f64'}}
  %r = "loop.for"(%z) <{iterator_kind = 1 : i32, operandSegmentSizes = array<i32: 0, 0, 0, 1>,
                        static_lower_bound = 0 : i64, static_upper_bound = 8 : i64, static_step = 1 : i64}> ({
  ^bb0(%i: index, %acc: f64):
    "loop.yield"(%acc) : (f64) -> ()
  }) : (f32) -> f64
  return %r : f64
}

// -----

func.func @block_arg_count(%z: f32) -> f32 {
  // expected-error @+1 {{'loop.for' op body block needs 2 arguments (the induction variable and 1 iter_args), got 1}}
  %r = "loop.for"(%z) <{iterator_kind = 1 : i32, operandSegmentSizes = array<i32: 0, 0, 0, 1>,
                        static_lower_bound = 0 : i64, static_upper_bound = 8 : i64, static_step = 1 : i64}> ({
  ^bb0(%i: index):
    "loop.yield"(%z) : (f32) -> ()
  }) : (f32) -> f32
  return %r : f32
}

// -----

func.func @induction_variable_type() {
  // expected-error @+1 {{'loop.for' op induction variable must have type index, got 'i32'}}
  "loop.for"() <{iterator_kind = 0 : i32, operandSegmentSizes = array<i32: 0, 0, 0, 0>,
                 static_lower_bound = 0 : i64, static_upper_bound = 8 : i64, static_step = 1 : i64}> ({
  ^bb0(%i: i32):
    "loop.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @block_arg_type(%z: f32) -> f32 {
  // expected-error @+1 {{'loop.for' op body argument #1 has type 'f64' but iter_arg #0 has type 'f32'}}
  %r = "loop.for"(%z) <{iterator_kind = 1 : i32, operandSegmentSizes = array<i32: 0, 0, 0, 1>,
                        static_lower_bound = 0 : i64, static_upper_bound = 8 : i64, static_step = 1 : i64}> ({
  ^bb0(%i: index, %acc: f64):
    "loop.yield"(%z) : (f32) -> ()
  }) : (f32) -> f32
  return %r : f32
}

// -----

func.func @yield_count(%z: f32) -> f32 {
  %r = loop.for %i = 0 to 8 step 1 reduction iter_args(%acc = %z) -> (f32) {
    // expected-error @+1 {{'loop.yield' op yields 0 values but the enclosing loop.for carries 1}}
    loop.yield
  }
  return %r : f32
}

// -----

// Without an explicit loop.yield, the implicit empty one is at the loop.
func.func @yield_implicit_with_iter_args(%z: f32) -> f32 {
  // expected-error @+1 {{'loop.yield' op yields 0 values but the enclosing loop.for carries 1}}
  %r = loop.for %i = 0 to 8 step 1 reduction iter_args(%acc = %z) -> (f32) {
  }
  return %r : f32
}

// -----

func.func @yield_type(%z: f32, %y: f64) -> f32 {
  %r = loop.for %i = 0 to 8 step 1 reduction iter_args(%acc = %z) -> (f32) {
    // expected-error @+1 {{'loop.yield' op operand #0 has type 'f64' but the enclosing loop.for result #0 has type 'f32'}}
    loop.yield %y : f64
  }
  return %r : f32
}

// -----

func.func @yield_outside_loop() {
  // expected-error @+1 {{'loop.yield' op expects parent op 'loop.for'}}
  loop.yield
}

//===----------------------------------------------------------------------===//
// Schedule attributes
//===----------------------------------------------------------------------===//

// -----

func.func @tile_sizes_not_positive() {
  // expected-error @+1 {{'loop.for' op tile_sizes must all be > 0, got [32, 0]}}
  loop.for %i = 0 to 128 step 1 parallel attributes {tile_sizes = array<i64: 32, 0>} {
  }
  return
}

// -----

func.func @tile_sizes_empty() {
  // expected-error @+1 {{'loop.for' op tile_sizes must not be empty}}
  loop.for %i = 0 to 128 step 1 parallel attributes {tile_sizes = array<i64>} {
  }
  return
}

// -----

func.func @vector_width_zero() {
  // expected-error @+1 {{'loop.for' op vector_width must be > 0, got 0}}
  loop.for %i = 0 to 128 step 1 parallel attributes {vector_width = 0 : i64} {
  }
  return
}

// -----

func.func @vector_width_negative() {
  // expected-error @+1 {{'loop.for' op vector_width must be > 0, got -4}}
  loop.for %i = 0 to 128 step 1 parallel attributes {vector_width = -4 : i64} {
  }
  return
}

// -----

func.func @unroll_zero() {
  // expected-error @+1 {{'loop.for' op unroll must be >= 1, got 0}}
  loop.for %i = 0 to 128 step 1 parallel attributes {unroll = 0 : i64} {
  }
  return
}

// -----

func.func @vector_width_type() {
  // expected-error @+1 {{'loop.for' op attribute 'vector_width' failed to satisfy constraint: 64-bit signless integer attribute}}
  loop.for %i = 0 to 128 step 1 parallel attributes {vector_width = 8 : i32} {
  }
  return
}

//===----------------------------------------------------------------------===//
// Parse errors of the custom syntax
//===----------------------------------------------------------------------===//

// -----

func.func @missing_to() {
  // expected-error @+1 {{expected 'to'}}
  loop.for %i = 0 128 step 1 parallel {
  }
  return
}

// -----

func.func @missing_step() {
  // expected-error @+1 {{expected 'step'}}
  loop.for %i = 0 to 128 parallel {
  }
  return
}

// -----

func.func @bad_iterator_kind() {
  // expected-error @+1 {{expected iterator kind 'parallel' or 'reduction', got 'serial'}}
  loop.for %i = 0 to 128 step 1 serial {
  }
  return
}

// -----

func.func @missing_iterator_kind() {
  // expected-error @+1 {{expected iterator kind 'parallel' or 'reduction'}}
  loop.for %i = 0 to 128 step 1 {
  }
  return
}

// -----

func.func @bad_bound() {
  // expected-error @+1 {{expected an integer or an index SSA value for the upper bound}}
  loop.for %i = 0 to 1.5 step 1 parallel {
  }
  return
}

// -----

func.func @non_index_bound(%n: i32) {
  // expected-error @+2 {{use of value '%n' expects different type than prior uses: 'index' vs 'i32'}}
  // expected-note @-2 {{prior use here}}
  loop.for %i = 0 to %n step 1 parallel {
  }
  return
}

// -----

func.func @iter_args_type_count(%z: f32) {
  // expected-error @+1 {{1 iter_args but 2 result types after '->'}}
  %r:2 = loop.for %i = 0 to 8 step 1 reduction iter_args(%acc = %z) -> (f32, f32) {
    loop.yield %acc, %acc : f32, f32
  }
  return
}
