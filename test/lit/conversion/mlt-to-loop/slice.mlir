// mlt.slice: a copy nest over the result reading input[offset + j * stride]
// per dim; unit strides and zero offsets add no arithmetic (so the index
// stays `iv + offset`, which --vectorize reads as unit stride); an empty
// dim gives a loop of no iterations.
// RUN: ml-opt --lower-to-loops --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @strided
// CHECK-SAME: (%[[X:[^:]*]]: memref<5x8xf32>, %[[OUT:[^:]*]]: memref<2x3xf32>)
// CHECK: loop.for %[[I:.*]] = 0 to 2 step 1 parallel {
// CHECK: loop.for %[[J:.*]] = 0 to 3 step 1 parallel {
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[I2:.*]] = arith.muli %[[I]], %[[C2]] : index
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[R:.*]] = arith.addi %[[I2]], %[[C1]] : index
// CHECK: %[[CM3:.*]] = arith.constant -3 : index
// CHECK: %[[J3:.*]] = arith.muli %[[J]], %[[CM3]] : index
// CHECK: %[[C7:.*]] = arith.constant 7 : index
// CHECK: %[[C:.*]] = arith.addi %[[J3]], %[[C7]] : index
// CHECK: %[[V:.*]] = memref.load %[[X]][%[[R]], %[[C]]] : memref<5x8xf32>
// CHECK: memref.store %[[V]], %[[OUT]][%[[I]], %[[J]]] : memref<2x3xf32>
func.func @strided(%x: tensor<5x8xf32>) -> tensor<2x3xf32> {
  %0 = mlt.slice %x offsets = [1, 7] strides = [2, -3] : tensor<5x8xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @unit
// CHECK-SAME: (%[[X:[^:]*]]: memref<4x9xi8>, %[[OUT:[^:]*]]: memref<4x5xi8>)
// CHECK: loop.for %[[I:.*]] = 0 to 4 step 1 parallel {
// CHECK: loop.for %[[J:.*]] = 0 to 5 step 1 parallel {
// CHECK-NOT: arith.muli
// CHECK: %[[C3:.*]] = arith.constant 3 : index
// CHECK: %[[C:.*]] = arith.addi %[[J]], %[[C3]] : index
// CHECK: memref.load %[[X]][%[[I]], %[[C]]] : memref<4x9xi8>
func.func @unit(%x: tensor<4x9xi8>) -> tensor<4x5xi8> {
  %0 = mlt.slice %x offsets = [0, 3] strides = [1, 1] : tensor<4x9xi8> -> tensor<4x5xi8>
  return %0 : tensor<4x5xi8>
}

// -----

// CHECK-LABEL: func.func @empty
// CHECK: loop.for %{{.*}} = 0 to 0 step 1 parallel {
func.func @empty(%x: tensor<4xf32>) -> tensor<0xf32> {
  %0 = mlt.slice %x offsets = [9] strides = [-1] : tensor<4xf32> -> tensor<0xf32>
  return %0 : tensor<0xf32>
}
