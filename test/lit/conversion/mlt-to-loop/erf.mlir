// mlt.erf lowers to math.erf per element (which --approximate-math expands
// for f32, and --lower-to-llvm otherwise turns into a libm call).
// RUN: ml-opt --lower-to-loops %s | FileCheck %s
// RUN: ml-opt --lower-to-loops --approximate-math %s | FileCheck %s --check-prefix=APPROX

// CHECK-LABEL: func.func @erf
// CHECK-SAME: (%[[X:[^:]*]]: memref<4x7xf32>, %[[OUT:[^:]*]]: memref<4x7xf32>)
// CHECK: loop.for %[[I:.*]] = 0 to 4 step 1 parallel {
// CHECK: loop.for %[[J:.*]] = 0 to 7 step 1 parallel {
// CHECK: %[[V:.*]] = memref.load %[[X]][%[[I]], %[[J]]] : memref<4x7xf32>
// CHECK: %[[E:.*]] = math.erf %[[V]] : f32
// CHECK: memref.store %[[E]], %[[OUT]][%[[I]], %[[J]]] : memref<4x7xf32>
// APPROX-LABEL: func.func @erf
// APPROX-NOT: math.erf
// APPROX: arith.divf
func.func @erf(%x: tensor<4x7xf32>) -> tensor<4x7xf32> {
  %0 = mlt.erf %x : tensor<4x7xf32>
  return %0 : tensor<4x7xf32>
}

// f16 keeps math.erf (--approximate-math rewrites f32 only).
// CHECK-LABEL: func.func @erf_f16
// CHECK: math.erf %{{.*}} : f16
// APPROX-LABEL: func.func @erf_f16
// APPROX: math.erf %{{.*}} : f16
func.func @erf_f16(%x: tensor<3xf16>) -> tensor<3xf16> {
  %0 = mlt.erf %x : tensor<3xf16>
  return %0 : tensor<3xf16>
}
