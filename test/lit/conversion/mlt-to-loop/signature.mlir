// --lower-to-loops bufferizes with destination passing: tensor arguments
// become memrefs, tensor results trailing out-parameters; the op whose value
// is returned writes straight into its out-parameter; intermediates are
// allocated and freed before the return; other values are copied out.
// RUN: ml-opt --lower-to-loops --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[X:[^:]*]]: memref<3x5xf32>, %[[W:[^:]*]]: memref<5x7xf32>, %[[B:[^:]*]]: memref<7xf32>, %[[OUT:[^:]*]]: memref<3x7xf32>) {
// CHECK: %[[H:.*]] = memref.alloc() : memref<3x7xf32>
// CHECK: loop.for %[[I:.*]] = 0 to 3 step 1 parallel {
// CHECK: loop.for %[[J:.*]] = 0 to 7 step 1 parallel {
// CHECK: loop.for %[[K:.*]] = 0 to 5 step 1 reduction iter_args
// CHECK: memref.store %{{.*}}, %[[H]][%[[I]], %[[J]]]
// CHECK: memref.load %[[B]][%{{.*}}] : memref<7xf32>
// CHECK: arith.maximumf
// CHECK: memref.store %{{.*}}, %[[OUT]]
// CHECK: memref.dealloc %[[H]]
// CHECK-NOT: memref.copy
// CHECK: return
func.func @chain(%x: tensor<3x5xf32>, %w: tensor<5x7xf32>, %b: tensor<7xf32>) -> tensor<3x7xf32> {
  %h = mlt.matmul %x, %w : tensor<3x5xf32>, tensor<5x7xf32> -> tensor<3x7xf32>
  %hb = mlt.add %h, %b : tensor<3x7xf32>, tensor<7xf32> -> tensor<3x7xf32>
  %y = mlt.relu %hb : tensor<3x7xf32>
  return %y : tensor<3x7xf32>
}

// -----

// Returning an argument, a constant, and the same value twice: copies.
// CHECK-LABEL: memref.global "private" constant @__mlt_constant_0 : memref<2xf32> = dense<[1.000000e+00, 2.000000e+00]>
// CHECK-LABEL: func.func @copies
// CHECK-SAME: (%[[A:[^:]*]]: memref<2xf32>, %{{[^:]*}}: f32, %[[O0:[^:]*]]: memref<2xf32>, %[[O1:[^:]*]]: memref<2xf32>, %[[O2:[^:]*]]: memref<2xf32>, %[[O3:[^:]*]]: memref<2xf32>) -> f32
// CHECK: %[[C:.*]] = memref.get_global @__mlt_constant_0
// CHECK: memref.store %{{.*}}, %[[O2]]
// CHECK: memref.copy %[[A]], %[[O0]]
// CHECK: memref.copy %[[C]], %[[O1]]
// CHECK: memref.copy %[[O2]], %[[O3]]
// CHECK: return %{{.*}} : f32
func.func @copies(%a: tensor<2xf32>, %s: f32) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, f32) {
  %c = mlt.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %n = mlt.neg %a : tensor<2xf32>
  return %a, %c, %n, %n, %s : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, f32
}

// -----

// Functions without tensors are left alone.
// CHECK-LABEL: func.func @scalars(%arg0: f32) -> f32
// CHECK-NEXT: return %arg0
func.func @scalars(%x: f32) -> f32 {
  return %x : f32
}
