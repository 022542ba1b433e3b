// What --unroll leaves alone, each with its remark at the loop, and the
// one error: an mlt op still in the module (run --lower-to-loops first).
// RUN: ml-opt --unroll=4 --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: not ml-opt --unroll=4 %S/Inputs/unroll-mlt.mlir 2>&1 | FileCheck %s --check-prefix=MLT

// MLT: unroll-mlt.mlir:4:8: error: 'mlt.relu' is not loop-level: --unroll works on loop.for nests over memrefs; run --lower-to-loops first

// An inner loop whose bounds depend on the unrolled loop (a triangle)
// cannot be jammed: it is copied whole, once per copy, in order; ops that
// are the same in every copy (the 0.0) are emitted once.
// CHECK-LABEL: func.func @triangle
// CHECK:      loop.for %[[I:.*]] = 0 to 8 step 4 parallel {
// CHECK:        %[[I1:.*]] = arith.addi %[[I]], %{{.*}} : index
// CHECK:        %[[ZERO:.*]] = arith.constant 0.0
// CHECK-NEXT:   %[[S0:.*]] = loop.for %{{.*}} = 0 to %[[I]] step 1 reduction iter_args(%{{.*}} = %[[ZERO]]) -> (f32) {
// CHECK:        %[[S1:.*]] = loop.for %{{.*}} = 0 to %[[I1]] step 1 reduction iter_args(%{{.*}} = %[[ZERO]]) -> (f32) {
// CHECK:        loop.for %{{.*}} = 0 to %{{.*}} step 1 reduction
// CHECK:        loop.for %{{.*}} = 0 to %{{.*}} step 1 reduction
// CHECK:        memref.store %[[S0]], %arg0[%[[I]], %[[I]]]
// CHECK-NEXT:   memref.store %[[S1]], %arg0[%[[I1]], %[[I1]]]
func.func @triangle(%A: memref<8x8xf32>) {
  // expected-remark @+1 {{unrolled by 4, 1 inner loop not jammed (bounds depend on the unrolled loop), no remainder}}
  loop.for %i = 0 to 8 step 1 parallel {
    %zero = arith.constant 0.0 : f32
    %s = loop.for %j = 0 to %i step 1 reduction iter_args(%a = %zero) -> (f32) {
      %x = memref.load %A[%i, %j] : memref<8x8xf32>
      %n = arith.addf %a, %x : f32
      loop.yield %n : f32
    }
    memref.store %s, %A[%i, %i] : memref<8x8xf32>
  }
  return
}

// -----

// Bounds computed from the iv count too (%e = %i + 2 is different in
// every copy); a bound computed from values outside the loop does not.
// (The inner loops are reduction loops: --unroll=4 targets i.)
// CHECK-LABEL: func.func @derived
// CHECK:      loop.for %{{.*}} = 0 to 8 step 4 parallel {
// CHECK-COUNT-4: loop.for %{{.*}} = %{{.*}} to %{{.*}} step 1 reduction {
// CHECK:        loop.for %{{.*}} = 0 to %arg1 step 1 reduction {
// CHECK-COUNT-4:  memref.store
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @derived(%A: memref<8x10xf32>, %n: index) {
  %c = arith.constant 1.0 : f32
  %c2 = arith.constant 2 : index
  // expected-remark @+1 {{unrolled by 4 and jammed, 1 inner loop not jammed (bounds depend on the unrolled loop), no remainder}}
  loop.for %i = 0 to 8 step 1 parallel {
    %e = arith.addi %i, %c2 : index
    loop.for %j = %i to %e step 1 reduction {
      memref.store %c, %A[%i, %j] : memref<8x10xf32>
    }
    loop.for %j = 0 to %n step 1 reduction {
      memref.store %c, %A[%i, %j] : memref<8x10xf32>
    }
  }
  return
}

// -----

// CHECK-LABEL: func.func @short
// CHECK:      loop.for %{{.*}} = 0 to 1 step 1 parallel {
// CHECK:      loop.for %{{.*}} = 5 to 5 step 1 parallel {
// CHECK:      loop.for %{{.*}} = 0 to %arg1 step %arg2 parallel {
func.func @short(%A: memref<8xf32>, %n: index, %s: index) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{not unrolled: trip count 1}}
  loop.for %i = 0 to 1 step 1 parallel {
    memref.store %c, %A[%i] : memref<8xf32>
  }
  // expected-remark @+1 {{not unrolled: trip count 0}}
  loop.for %i = 5 to 5 step 1 parallel {
    memref.store %c, %A[%i] : memref<8xf32>
  }
  // expected-remark @+1 {{not unrolled: its step is an SSA value}}
  loop.for %i = 0 to %n step %s parallel {
    memref.store %c, %A[%i] : memref<8xf32>
  }
  return
}

// -----

// CHECK-LABEL: func.func @limits
func.func @limits(%A: memref<1000xf32>, %out: memref<f32>) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{not unrolled: factor 100 (unroll attribute) is above the limit of 64}}
  loop.for %i = 0 to 1000 step 1 parallel attributes {unroll = 100 : i64} {
    memref.store %c, %A[%i] : memref<1000xf32>
  }
  // A nest without parallel loop: --unroll=N has no loop to unroll.
  %zero = arith.constant 0.0 : f32
  // expected-remark @+1 {{not unrolled: the nest has no parallel loop}}
  %s = loop.for %k = 0 to 1000 step 1 reduction iter_args(%a = %zero) -> (f32) {
    %x = memref.load %A[%k] : memref<1000xf32>
    %n = arith.addf %a, %x : f32
    loop.yield %n : f32
  }
  memref.store %s, %out[] : memref<f32>
  return
}
