// mlt.cmp: one arith.cmpf / arith.cmpi per element into an i1 memref,
// operands loaded with broadcasting. Floats use ordered predicates (false
// on NaN) except ne, which is une (true on NaN); integers compare signed.
// RUN: ml-opt --lower-to-loops --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @cmp_f32
// CHECK-SAME: (%[[X:[^:]*]]: memref<4x1xf32>, %[[Y:[^:]*]]: memref<3xf32>, %[[OUT:[^:]*]]: memref<4x3xi1>
// CHECK: loop.for %[[I:.*]] = 0 to 4 step 1 parallel {
// CHECK: loop.for %[[J:.*]] = 0 to 3 step 1 parallel {
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[A:.*]] = memref.load %[[X]][%[[I]], %[[C0]]] : memref<4x1xf32>
// CHECK: %[[B:.*]] = memref.load %[[Y]][%[[J]]] : memref<3xf32>
// CHECK: %[[R:.*]] = arith.cmpf olt, %[[A]], %[[B]] : f32
// CHECK: memref.store %[[R]], %[[OUT]][%[[I]], %[[J]]] : memref<4x3xi1>
// CHECK: arith.cmpf oeq
// CHECK: arith.cmpf une
// CHECK: arith.cmpf ole
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf oge
func.func @cmp_f32(%x: tensor<4x1xf32>, %y: tensor<3xf32>)
    -> (tensor<4x3xi1>, tensor<4x3xi1>, tensor<4x3xi1>, tensor<4x3xi1>, tensor<4x3xi1>, tensor<4x3xi1>) {
  %0 = mlt.cmp lt %x, %y : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x3xi1>
  %1 = mlt.cmp eq %x, %y : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x3xi1>
  %2 = mlt.cmp ne %x, %y : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x3xi1>
  %3 = mlt.cmp le %x, %y : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x3xi1>
  %4 = mlt.cmp gt %x, %y : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x3xi1>
  %5 = mlt.cmp ge %x, %y : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x3xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<4x3xi1>, tensor<4x3xi1>, tensor<4x3xi1>, tensor<4x3xi1>, tensor<4x3xi1>, tensor<4x3xi1>
}

// -----

// CHECK-LABEL: func.func @cmp_int
// CHECK: arith.cmpi eq, %{{.*}}, %{{.*}} : i8
// CHECK: arith.cmpi ne, %{{.*}}, %{{.*}} : i8
// CHECK: arith.cmpi slt, %{{.*}}, %{{.*}} : i64
// CHECK: arith.cmpi sle, %{{.*}}, %{{.*}} : i64
// CHECK: arith.cmpi sgt, %{{.*}}, %{{.*}} : i32
// CHECK: arith.cmpi sge, %{{.*}}, %{{.*}} : i32
func.func @cmp_int(%a: tensor<5xi8>, %b: tensor<i64>, %c: tensor<2x1xi32>)
    -> (tensor<5xi1>, tensor<5xi1>, tensor<i1>, tensor<i1>, tensor<2x1xi1>, tensor<2x1xi1>) {
  %0 = mlt.cmp eq %a, %a : tensor<5xi8>, tensor<5xi8> -> tensor<5xi1>
  %1 = mlt.cmp ne %a, %a : tensor<5xi8>, tensor<5xi8> -> tensor<5xi1>
  %2 = mlt.cmp lt %b, %b : tensor<i64>, tensor<i64> -> tensor<i1>
  %3 = mlt.cmp le %b, %b : tensor<i64>, tensor<i64> -> tensor<i1>
  %4 = mlt.cmp gt %c, %c : tensor<2x1xi32>, tensor<2x1xi32> -> tensor<2x1xi1>
  %5 = mlt.cmp ge %c, %c : tensor<2x1xi32>, tensor<2x1xi32> -> tensor<2x1xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<5xi1>, tensor<5xi1>, tensor<i1>, tensor<i1>, tensor<2x1xi1>, tensor<2x1xi1>
}

// -----

// f64 and bf16 compare in their own type.
// CHECK-LABEL: func.func @cmp_f64_bf16
// CHECK: arith.cmpf oge, %{{.*}}, %{{.*}} : f64
// CHECK: arith.cmpf olt, %{{.*}}, %{{.*}} : bf16
func.func @cmp_f64_bf16(%d: tensor<3xf64>, %h: tensor<3xbf16>) -> (tensor<3xi1>, tensor<3xi1>) {
  %0 = mlt.cmp ge %d, %d : tensor<3xf64>, tensor<3xf64> -> tensor<3xi1>
  %1 = mlt.cmp lt %h, %h : tensor<3xbf16>, tensor<3xbf16> -> tensor<3xi1>
  return %0, %1 : tensor<3xi1>, tensor<3xi1>
}
