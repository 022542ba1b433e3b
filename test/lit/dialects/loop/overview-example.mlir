// The example program of docs/dialects/loop-overview.md parses, verifies and
// round-trips; keep the two in sync.
// RUN: ml-opt %s | ml-opt | FileCheck %s
// RUN: ml-opt --loop-invariant-code-motion %s | FileCheck %s --check-prefix=LICM

// CHECK-LABEL: func.func @matmul_relu
// CHECK: loop.for %{{.*}} = 0 to 4 step 1 parallel attributes {tile_sizes = array<i64: 2, 8>} {
// CHECK:   loop.for %{{.*}} = 0 to 16 step 1 parallel attributes {vector_width = 8 : i64} {
// CHECK:     loop.for %{{.*}} = 0 to 8 step 1 reduction iter_args(%{{.*}} = %{{.*}}) -> (f32) attributes {unroll = 4 : i64} {
// CHECK:       loop.yield %{{.*}} : f32
// CHECK-LABEL: func.func @row_sums
// CHECK: loop.for %{{.*}} = 0 to %{{.*}} step 1 parallel {
// CHECK:   loop.for %{{.*}} = 0 to 64 step 1 reduction iter_args(%{{.*}} = %{{.*}}) -> (f32) {

// The zero constant inside the nest is loop-invariant: upstream LICM hoists
// it out of all three loops through LoopLikeOpInterface.
// LICM-LABEL: func.func @matmul_relu
// LICM-NEXT: arith.constant 0.000000e+00 : f32
// LICM-NEXT: loop.for

// ---- example begins ----
// C = relu(A · B) for A: 4x8, B: 8x16, with a schedule already chosen.
func.func @matmul_relu(%A: memref<4x8xf32>, %B: memref<8x16xf32>,
                       %C: memref<4x16xf32>) {
  loop.for %i = 0 to 4 step 1 parallel attributes {tile_sizes = array<i64: 2, 8>} {
    loop.for %j = 0 to 16 step 1 parallel attributes {vector_width = 8 : i64} {
      %zero = arith.constant 0.0 : f32
      %dot = loop.for %k = 0 to 8 step 1 reduction iter_args(%acc = %zero) -> (f32)
          attributes {unroll = 4 : i64} {
        %a = memref.load %A[%i, %k] : memref<4x8xf32>
        %b = memref.load %B[%k, %j] : memref<8x16xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %acc, %p : f32
        loop.yield %s : f32
      }
      %r = arith.maximumf %dot, %zero : f32
      memref.store %r, %C[%i, %j] : memref<4x16xf32>
    }
  }
  return
}

// Row sums of a buffer with a dynamic number of rows.
func.func @row_sums(%X: memref<?x64xf32>, %out: memref<?xf32>, %rows: index) {
  %zero = arith.constant 0.0 : f32
  loop.for %r = 0 to %rows step 1 parallel {
    %sum = loop.for %c = 0 to 64 step 1 reduction iter_args(%acc = %zero) -> (f32) {
      %x = memref.load %X[%r, %c] : memref<?x64xf32>
      %n = arith.addf %acc, %x : f32
      loop.yield %n : f32
    }
    memref.store %sum, %out[%r] : memref<?xf32>
  }
  return
}
// ---- example ends ----
