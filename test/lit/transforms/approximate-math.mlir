// --approximate-math: f32 math.exp/log/tanh/erf/erfc, scalar or vector,
// become arith + math.fma code; other types keep their math ops.
// RUN: ml-opt --approximate-math --split-input-file %s | FileCheck %s
// RUN: ml-opt --approximate-math --split-input-file --verify-diagnostics %s -o /dev/null

// CHECK-LABEL: func.func @exp_vector
// CHECK-NOT: math.exp
// CHECK: arith.maxnumf
// CHECK: math.floor {{.*}} : vector<16xf32>
// CHECK: math.fma {{.*}} : vector<16xf32>
// CHECK: arith.fptosi {{.*}} : vector<16xf32> to vector<16xi32>
// CHECK: arith.shli {{.*}} : vector<16xi32>
// CHECK: arith.bitcast {{.*}} : vector<16xi32> to vector<16xf32>
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %arg0, %arg0 : vector<16xf32>
// CHECK: %[[R:.*]] = arith.select %[[NAN]], %arg0, %{{.*}} : vector<16xi1>, vector<16xf32>
// CHECK: return %[[R]]
func.func @exp_vector(%x: vector<16xf32>) -> vector<16xf32> {
  // expected-remark @+1 {{math.exp replaced by a polynomial approximation}}
  %y = math.exp %x : vector<16xf32>
  return %y : vector<16xf32>
}

// -----

// CHECK-LABEL: func.func @log_scalar
// CHECK-NOT: math.log
// CHECK: arith.andi {{.*}} : i32
// CHECK: arith.cmpf ult, %arg0
// CHECK: return
func.func @log_scalar(%x: f32) -> f32 {
  // expected-remark @+1 {{math.log replaced by a polynomial approximation}}
  %y = math.log %x : f32
  return %y : f32
}

// -----

// tanh uses exp for |x| >= 0.625; erf is one rational function; erfc
// combines erf and exp.
// CHECK-LABEL: func.func @tanh_erf_erfc
// CHECK-NOT: math.tanh
// CHECK-NOT: math.erf
// CHECK: math.copysign
// CHECK: arith.divf
// CHECK: return
func.func @tanh_erf_erfc(%x: vector<4xf32>) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>) {
  // expected-remark @+1 {{math.tanh replaced by a polynomial approximation}}
  %a = math.tanh %x : vector<4xf32>
  // expected-remark @+1 {{math.erf replaced by a polynomial approximation}}
  %b = math.erf %x : vector<4xf32>
  // expected-remark @+1 {{math.erfc replaced by a polynomial approximation}}
  %c = math.erfc %x : vector<4xf32>
  return %a, %b, %c : vector<4xf32>, vector<4xf32>, vector<4xf32>
}

// -----

// Left alone: f64 and f16 (libm keeps them exact), other math ops, and an
// approximation nested in a loop is still found.
// CHECK-LABEL: func.func @left_alone
// CHECK: math.exp %{{.*}} : f64
// CHECK: math.exp %{{.*}} : vector<8xf16>
// CHECK: math.sqrt %{{.*}} : f32
// CHECK: loop.for
// CHECK-NOT: math.exp
// CHECK: memref.store
func.func @left_alone(%d: f64, %h: vector<8xf16>, %s: f32, %m: memref<7xf32>) -> (f64, vector<8xf16>, f32) {
  %a = math.exp %d : f64
  %b = math.exp %h : vector<8xf16>
  %c = math.sqrt %s : f32
  loop.for %i = 0 to 7 step 1 parallel {
    %v = memref.load %m[%i] : memref<7xf32>
    // expected-remark @+1 {{math.exp replaced by a polynomial approximation}}
    %e = math.exp %v : f32
    memref.store %e, %m[%i] : memref<7xf32>
  }
  return %a, %b, %c : f64, vector<8xf16>, f32
}
