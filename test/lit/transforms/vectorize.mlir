// --vectorize on loop-level IR: what each loop becomes and the remark that
// says why (--verify-diagnostics checks every remark at its loop).
// RUN: ml-opt %s --vectorize=8 --split-input-file --verify-diagnostics | FileCheck %s

// A matmul nest: j (innermost parallel) carries 8 lanes; the k loop's
// accumulator becomes a vector, A[i,k] is broadcast, B[k,j:j+8] loaded,
// mulf+addf contracted to vector.fma. 40 = 5 x 8: no remainder.
// CHECK-LABEL: func.func @matmul
// CHECK: loop.for %[[I:.*]] = 0 to 5 step 1 parallel {
// CHECK-NEXT: loop.for %[[J:.*]] = 0 to 40 step 8 parallel attributes {vector_width = 8 : i64} {
// CHECK: %[[ZERO:.*]] = vector.broadcast %{{.*}} : f32 to vector<8xf32>
// CHECK-NEXT: %[[SUM:.*]] = loop.for %[[K:.*]] = 0 to 19 step 1 reduction iter_args(%[[ACC:.*]] = %[[ZERO]]) -> (vector<8xf32>) {
// CHECK-NEXT: %[[A:.*]] = memref.load %arg0[%[[I]], %[[K]]] : memref<5x19xf32>
// CHECK-NEXT: %[[B:.*]] = vector.load %arg1[%[[K]], %[[J]]] : memref<19x40xf32>, vector<8xf32>
// CHECK-NEXT: %[[AV:.*]] = vector.broadcast %[[A]] : f32 to vector<8xf32>
// CHECK-NEXT: %[[F:.*]] = vector.fma %[[AV]], %[[B]], %[[ACC]] : vector<8xf32>
// CHECK-NEXT: loop.yield %[[F]] : vector<8xf32>
// CHECK: vector.store %[[SUM]], %arg2[%[[I]], %[[J]]] : memref<5x40xf32>, vector<8xf32>
// CHECK-NOT: loop.for
// CHECK: return
func.func @matmul(%a: memref<5x19xf32>, %b: memref<19x40xf32>, %c: memref<5x40xf32>) {
  loop.for %i = 0 to 5 step 1 parallel {
    // expected-remark @below {{vectorized at width 8}}
    loop.for %j = 0 to 40 step 1 parallel {
      %zero = arith.constant 0.0 : f32
      %s = loop.for %k = 0 to 19 step 1 reduction iter_args(%acc = %zero) -> (f32) {
        %x = memref.load %a[%i, %k] : memref<5x19xf32>
        %y = memref.load %b[%k, %j] : memref<19x40xf32>
        %p = arith.mulf %x, %y : f32
        %n = arith.addf %acc, %p : f32
        loop.yield %n : f32
      }
      memref.store %s, %c[%i, %j] : memref<5x40xf32>
    }
  }
  return
}

// -----

// 21 = 2 x 8 + 5: the vector loop runs to 16, the scalar loop (the
// original body) runs the remaining 5. Index arithmetic iv + c keeps
// unit stride; a uniform operand (%s) is broadcast.
// CHECK-LABEL: func.func @remainder
// CHECK: loop.for %[[I:.*]] = 0 to 16 step 8 parallel attributes {vector_width = 8 : i64} {
// CHECK: %[[X:.*]] = vector.load %arg0[%{{.*}}] : memref<24xf32>, vector<8xf32>
// CHECK: %[[SV:.*]] = vector.broadcast %arg2 : f32 to vector<8xf32>
// CHECK: %[[M:.*]] = arith.mulf %[[X]], %[[SV]] : vector<8xf32>
// CHECK: vector.store %[[M]], %arg1[%[[I]]] : memref<21xf32>, vector<8xf32>
// CHECK: loop.for %{{.*}} = 16 to 21 step 1 parallel {
// CHECK: memref.load %arg0
// CHECK: arith.mulf %{{.*}}, %arg2 : f32
func.func @remainder(%x: memref<24xf32>, %y: memref<21xf32>, %s: f32) {
  // expected-remark @below {{vectorized at width 8, remainder of 5 peeled}}
  loop.for %i = 0 to 21 step 1 parallel {
    %c3 = arith.constant 3 : index
    %i3 = arith.addi %i, %c3 : index
    %v = memref.load %x[%i3] : memref<24xf32>
    %m = arith.mulf %v, %s : f32
    memref.store %m, %y[%i] : memref<21xf32>
  }
  return
}

// -----

// SSA bounds (as --tile leaves them): the split point is computed at run
// time and the remainder loop starts there.
// CHECK-LABEL: func.func @ssa_bounds
// CHECK: %[[FULL:.*]] = arith.addi %arg2, %{{.*}} : index
// CHECK: loop.for %{{.*}} = %arg2 to %[[FULL]] step 8 parallel attributes {vector_width = 8 : i64} {
// CHECK: vector.load
// CHECK: loop.for %{{.*}} = %[[FULL]] to %arg3 step 1 parallel {
func.func @ssa_bounds(%x: memref<100xf32>, %y: memref<100xf32>, %lb: index, %ub: index) {
  // expected-remark @below {{vectorized at width 8, remainder peeled}}
  loop.for %i = %lb to %ub step 1 parallel {
    %v = memref.load %x[%i] : memref<100xf32>
    %e = math.exp %v : f32
    memref.store %e, %y[%i] : memref<100xf32>
  }
  return
}

// -----

// A row reduction: the row loop reads with stride 30 (not vectorized), so
// the reduction over the last dim is: 8 partial maxima from -inf, folded
// into the initial value by vector.reduction, then the scalar remainder.
// CHECK-LABEL: func.func @row_max
// CHECK: %[[INIT0:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[INIT:.*]] = vector.broadcast %[[NEGINF]] : f32 to vector<8xf32>
// CHECK: %[[V:.*]] = loop.for %{{.*}} = 0 to 24 step 8 reduction iter_args(%[[ACC:.*]] = %[[INIT]]) -> (vector<8xf32>) attributes {vector_width = 8 : i64} {
// CHECK: arith.maximumf %[[ACC]], %{{.*}} : vector<8xf32>
// CHECK: %[[R:.*]] = vector.reduction <maximumf>, %[[V]], %[[INIT0]] : vector<8xf32> into f32
// CHECK: loop.for %{{.*}} = 24 to 30 step 1 reduction iter_args(%{{.*}} = %[[R]]) -> (f32) {
func.func @row_max(%x: memref<9x30xf32>, %y: memref<9xf32>) {
  // expected-remark @below {{not vectorized: non-unit stride: 'memref.load' does not read along the last dim of its memref in the vectorized loop}}
  loop.for %i = 0 to 9 step 1 parallel {
    %init = arith.constant 0xFF800000 : f32
    // expected-remark @below {{vectorized reduction at width 8, remainder of 6 peeled}}
    %m = loop.for %k = 0 to 30 step 1 reduction iter_args(%acc = %init) -> (f32) {
      %v = memref.load %x[%i, %k] : memref<9x30xf32>
      %n = arith.maximumf %acc, %v : f32
      loop.yield %n : f32
    }
    memref.store %m, %y[%i] : memref<9xf32>
  }
  return
}

// -----

// Refusals, each with its reason; the loops are left as they were.
// CHECK-LABEL: func.func @refusals
// CHECK-NOT: vector
// CHECK: return
func.func @refusals(%x: memref<40x40xf32>, %y: memref<40xf32>, %z: memref<40xi64>) {
  // expected-remark @below {{not vectorized: trip count 5 is less than the width 8}}
  loop.for %i = 0 to 5 step 1 parallel {
    %v = memref.load %y[%i] : memref<40xf32>
    memref.store %v, %y[%i] : memref<40xf32>
  }
  // expected-remark @below {{not vectorized: its step is not 1 (a non-unit stride)}}
  loop.for %i = 0 to 40 step 2 parallel {
    %v = memref.load %y[%i] : memref<40xf32>
    memref.store %v, %y[%i] : memref<40xf32>
  }
  // expected-remark @below {{not vectorized: non-unit stride: the loop's induction variable feeds 'arith.index_cast'}}
  loop.for %i = 0 to 40 step 1 parallel {
    %n = arith.index_cast %i : index to i64
    memref.store %n, %z[%i] : memref<40xi64>
  }
  // expected-remark @below {{not vectorized: 'memref.store' writes the same element in every iteration}}
  loop.for %i = 0 to 40 step 1 parallel {
    %c0 = arith.constant 0 : index
    %v = memref.load %y[%i] : memref<40xf32>
    memref.store %v, %y[%c0] : memref<40xf32>
  }
  // expected-remark @below {{not vectorized: an inner 'loop.for' has bounds that vary with the vectorized loop}}
  loop.for %i = 0 to 40 step 1 parallel {
    // expected-remark @below {{reduction not vectorized: it accumulates in memory, not in loop-carried values}}
    loop.for %k = 0 to %i step 1 reduction {
      %v = memref.load %x[%k, %i] : memref<40x40xf32>
      memref.store %v, %y[%i] : memref<40xf32>
    }
  }
  // expected-remark @below {{reduction not vectorized: a carried value is not folded by one associative op (add, mul, max, min, and, or, xor)}}
  %r = loop.for %k = 0 to 40 step 1 reduction iter_args(%acc = %y) -> (memref<40xf32>) {
    loop.yield %acc : memref<40xf32>
  }
  return
}

// -----

func.func @not_lowered(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @below {{'mlt.relu' is not loop-level: --vectorize works on loop.for nests over memrefs; run --lower-to-loops first}}
  %0 = mlt.relu %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
