// mlt.argmax / argmin: per result element, the axis' first element and
// position 0, then a reduction loop from 1 carrying (best, position) that
// takes an element when it is better: for integers a strict compare (sgt,
// slt), non-strict with select_last (sge, sle); for floats ugt/ult (uge/ule)
// so a NaN wins, and-ed with `best is not NaN` (or, with select_last, `x is
// NaN`) so the first (last) NaN stays.
// RUN: ml-opt --lower-to-loops --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @argmax
// CHECK-SAME: (%[[X:[^:]*]]: memref<3x4xf32>, %[[OUT:[^:]*]]: memref<3x1xi64>)
// CHECK: loop.for %[[I:.*]] = 0 to 3 step 1 parallel {
// CHECK: loop.for %[[K:.*]] = 0 to 1 step 1 parallel {
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[FIRST:.*]] = memref.load %[[X]][%[[I]], %[[C0]]] : memref<3x4xf32>
// CHECK: %[[Z:.*]] = arith.constant 0 : i64
// CHECK: %[[R:.*]]:2 = loop.for %[[J:.*]] = 1 to 4 step 1 reduction iter_args(%[[BEST:.*]] = %[[FIRST]], %[[POS:.*]] = %[[Z]]) -> (f32, i64) {
// CHECK: %[[V:.*]] = memref.load %[[X]][%[[I]], %[[J]]] : memref<3x4xf32>
// CHECK: %[[GT:.*]] = arith.cmpf ugt, %[[V]], %[[BEST]] : f32
// CHECK: %[[ORD:.*]] = arith.cmpf ord, %[[BEST]], %[[BEST]] : f32
// CHECK: %[[TAKE:.*]] = arith.andi %[[GT]], %[[ORD]] : i1
// CHECK: %[[JI:.*]] = arith.index_cast %[[J]] : index to i64
// CHECK: %[[NB:.*]] = arith.select %[[TAKE]], %[[V]], %[[BEST]] : f32
// CHECK: %[[NP:.*]] = arith.select %[[TAKE]], %[[JI]], %[[POS]] : i64
// CHECK: loop.yield %[[NB]], %[[NP]] : f32, i64
// CHECK: memref.store %[[R]]#1, %[[OUT]][%[[I]], %[[K]]] : memref<3x1xi64>
func.func @argmax(%x: tensor<3x4xf32>) -> tensor<3x1xi64> {
  %0 = mlt.argmax %x axis = 1 keepdims : tensor<3x4xf32> -> tensor<3x1xi64>
  return %0 : tensor<3x1xi64>
}

// -----

// CHECK-LABEL: func.func @argmin_last
// CHECK: loop.for %{{.*}} = 1 to 3 step 1 reduction iter_args(%{{.*}}, %{{.*}}) -> (f16, i32)
// CHECK: %[[LE:.*]] = arith.cmpf ule, %[[V:.*]], %[[BEST:[^ ]*]] : f16
// CHECK: %[[ORD:.*]] = arith.cmpf ord, %[[BEST]], %[[BEST]] : f16
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[V]], %[[V]] : f16
// CHECK: %[[OK:.*]] = arith.ori %[[ORD]], %[[NAN]] : i1
// CHECK: arith.andi %[[LE]], %[[OK]] : i1
// CHECK: arith.index_cast %{{.*}} : index to i32
func.func @argmin_last(%x: tensor<3x4xf16>) -> tensor<4xi32> {
  %0 = mlt.argmin %x axis = 0 select_last : tensor<3x4xf16> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @integers
// CHECK: arith.cmpi sgt
// CHECK: arith.cmpi sge
// CHECK: arith.cmpi slt
// CHECK: arith.cmpi sle
func.func @integers(%x: tensor<5x2xi8>) -> (tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) {
  %0 = mlt.argmax %x axis = 0 : tensor<5x2xi8> -> tensor<2xi64>
  %1 = mlt.argmax %x axis = 0 select_last : tensor<5x2xi8> -> tensor<2xi64>
  %2 = mlt.argmin %x axis = 0 : tensor<5x2xi8> -> tensor<2xi64>
  %3 = mlt.argmin %x axis = 0 select_last : tensor<5x2xi8> -> tensor<2xi64>
  return %0, %1, %2, %3 : tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>
}
