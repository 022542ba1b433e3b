// mlt.gather: a copy nest over the result; the index is loaded, made an
// index (sign-extending), wrapped when negative (+ dim) and clamped into
// [0, dim - 1] before the load, so no index reads out of bounds.
// RUN: ml-opt --lower-to-loops --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @gather
// CHECK-SAME: (%[[X:[^:]*]]: memref<5x4xf32>, %[[IDX:[^:]*]]: memref<2x3xi32>, %[[OUT:[^:]*]]: memref<5x2x3xf32>)
// CHECK: loop.for %[[A:.*]] = 0 to 5 step 1 parallel {
// CHECK: loop.for %[[B:.*]] = 0 to 2 step 1 parallel {
// CHECK: loop.for %[[C:.*]] = 0 to 3 step 1 parallel {
// CHECK: %[[K:.*]] = memref.load %[[IDX]][%[[B]], %[[C]]] : memref<2x3xi32>
// CHECK: %[[P:.*]] = arith.index_cast %[[K]] : i32 to index
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: %[[DIM:.*]] = arith.constant 4 : index
// CHECK: %[[W:.*]] = arith.addi %[[P]], %[[DIM]] : index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[P]], %[[ZERO]] : index
// CHECK: %[[S:.*]] = arith.select %[[NEG]], %[[W]], %[[P]] : index
// CHECK: %[[LO:.*]] = arith.maxsi %[[S]], %[[ZERO]] : index
// CHECK: %[[MAX:.*]] = arith.constant 3 : index
// CHECK: %[[POS:.*]] = arith.minsi %[[LO]], %[[MAX]] : index
// CHECK: %[[V:.*]] = memref.load %[[X]][%[[A]], %[[POS]]] : memref<5x4xf32>
// CHECK: memref.store %[[V]], %[[OUT]][%[[A]], %[[B]], %[[C]]] : memref<5x2x3xf32>
func.func @gather(%x: tensor<5x4xf32>, %i: tensor<2x3xi32>) -> tensor<5x2x3xf32> {
  %0 = mlt.gather %x, %i axis = 1 : tensor<5x4xf32>, tensor<2x3xi32> -> tensor<5x2x3xf32>
  return %0 : tensor<5x2x3xf32>
}

// -----

// A scalar index removes the axis: the index is loaded without indices.
// CHECK-LABEL: func.func @scalar_index
// CHECK-SAME: (%[[X:[^:]*]]: memref<5x4xf32>, %[[IDX:[^:]*]]: memref<i64>, %[[OUT:[^:]*]]: memref<4xf32>)
// CHECK: loop.for %[[J:.*]] = 0 to 4 step 1 parallel {
// CHECK: %[[K:.*]] = memref.load %[[IDX]][] : memref<i64>
// CHECK: arith.index_cast %[[K]] : i64 to index
// CHECK: %[[POS:.*]] = arith.minsi
// CHECK: memref.load %[[X]][%[[POS]], %[[J]]] : memref<5x4xf32>
func.func @scalar_index(%x: tensor<5x4xf32>, %i: tensor<i64>) -> tensor<4xf32> {
  %0 = mlt.gather %x, %i axis = 0 : tensor<5x4xf32>, tensor<i64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
