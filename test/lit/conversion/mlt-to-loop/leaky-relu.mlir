// mlt.leaky_relu: x >= 0 ? x : alpha * x as a compare and a select, alpha
// rounded to the element type (0.01 is 1.000210e-02 in f16). NaN fails the
// oge compare and stays NaN through the multiply.
// RUN: ml-opt --lower-to-loops %s | FileCheck %s

// CHECK-LABEL: func.func @leaky_relu
// CHECK-SAME: (%[[X:[^:]*]]: memref<7xf32>, %[[OUT:[^:]*]]: memref<7xf32>)
// CHECK: loop.for %[[I:.*]] = 0 to 7 step 1 parallel {
// CHECK: %[[V:.*]] = memref.load %[[X]][%[[I]]]
// CHECK: %[[A:.*]] = arith.constant 2.000000e-01 : f32
// CHECK: %[[N:.*]] = arith.mulf %[[V]], %[[A]] : f32
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[P:.*]] = arith.cmpf oge, %[[V]], %[[Z]] : f32
// CHECK: %[[R:.*]] = arith.select %[[P]], %[[V]], %[[N]] : f32
// CHECK: memref.store %[[R]], %[[OUT]][%[[I]]]
func.func @leaky_relu(%x: tensor<7xf32>) -> tensor<7xf32> {
  %0 = mlt.leaky_relu %x alpha = 0.2 : tensor<7xf32>
  return %0 : tensor<7xf32>
}

// CHECK-LABEL: func.func @leaky_relu_f16
// CHECK: arith.constant 1.000210e-02 : f16
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f16
// CHECK: arith.cmpf oge
// CHECK: arith.select
func.func @leaky_relu_f16(%x: tensor<2x3xf16>) -> tensor<2x3xf16> {
  %0 = mlt.leaky_relu %x alpha = 0.01 : tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}
