// mlt.select: arith.select on the three elements, each loaded with its own
// broadcasting (size-1 and missing dims read index 0); i1 values too. The
// logic ops are arith.xori (not: with true), andi, ori, xori on i1.
// RUN: ml-opt --lower-to-loops --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @select
// CHECK-SAME: (%[[C:[^:]*]]: memref<3x1xi1>, %[[X:[^:]*]]: memref<5xf32>, %[[Y:[^:]*]]: memref<2x1x1xf32>, %[[OUT:[^:]*]]: memref<2x3x5xf32>)
// CHECK: loop.for %[[I:.*]] = 0 to 2 step 1 parallel {
// CHECK: loop.for %[[J:.*]] = 0 to 3 step 1 parallel {
// CHECK: loop.for %[[K:.*]] = 0 to 5 step 1 parallel {
// CHECK: %[[Z:.*]] = arith.constant 0 : index
// CHECK: %[[CV:.*]] = memref.load %[[C]][%[[J]], %[[Z]]] : memref<3x1xi1>
// CHECK: %[[XV:.*]] = memref.load %[[X]][%[[K]]] : memref<5xf32>
// CHECK: %[[Z2:.*]] = arith.constant 0 : index
// CHECK: %[[YV:.*]] = memref.load %[[Y]][%[[I]], %[[Z2]], %[[Z2]]] : memref<2x1x1xf32>
// CHECK: %[[R:.*]] = arith.select %[[CV]], %[[XV]], %[[YV]] : f32
// CHECK: memref.store %[[R]], %[[OUT]][%[[I]], %[[J]], %[[K]]] : memref<2x3x5xf32>
func.func @select(%c: tensor<3x1xi1>, %x: tensor<5xf32>, %y: tensor<2x1x1xf32>) -> tensor<2x3x5xf32> {
  %0 = mlt.select %c, %x, %y : tensor<3x1xi1>, tensor<5xf32>, tensor<2x1x1xf32> -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// CHECK-LABEL: func.func @logic
// CHECK: %[[T:.*]] = arith.constant true
// CHECK: arith.xori %{{.*}}, %[[T]] : i1
// CHECK: arith.andi %{{.*}}, %{{.*}} : i1
// CHECK: arith.ori %{{.*}}, %{{.*}} : i1
// CHECK: arith.xori %{{.*}}, %{{.*}} : i1
// CHECK: arith.select %{{.*}}, %{{.*}}, %{{.*}} : i1
func.func @logic(%a: tensor<4x3xi1>, %b: tensor<3xi1>) -> tensor<4x3xi1> {
  %0 = mlt.not %a : tensor<4x3xi1>
  %1 = mlt.and %0, %b : tensor<4x3xi1>, tensor<3xi1> -> tensor<4x3xi1>
  %2 = mlt.or %1, %a : tensor<4x3xi1>, tensor<4x3xi1> -> tensor<4x3xi1>
  %3 = mlt.xor %b, %2 : tensor<3xi1>, tensor<4x3xi1> -> tensor<4x3xi1>
  %4 = mlt.select %3, %a, %b : tensor<4x3xi1>, tensor<4x3xi1>, tensor<3xi1> -> tensor<4x3xi1>
  return %4 : tensor<4x3xi1>
}

// -----

// An i1 constant is a memref.global of i1 like any other.
// CHECK: memref.global "private" constant @__mlt_constant_0 : memref<2xi1> = dense<[true, false]>
// CHECK-LABEL: func.func @bool_constant
// CHECK: memref.get_global @__mlt_constant_0 : memref<2xi1>
func.func @bool_constant() -> tensor<2xi1> {
  %0 = mlt.constant dense<[true, false]> : tensor<2xi1>
  return %0 : tensor<2xi1>
}
