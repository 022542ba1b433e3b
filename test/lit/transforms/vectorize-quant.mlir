// --vectorize on mlt.quantize / mlt.dequantize nests (after --fuse
// --lower-to-loops): every op of the element widens (divf, roundeven, the
// clamp's compares and selects, fptosi, trunci to vector<8xi8>), and
// dequantize's product, marked mlopt.no_contract, stays a mulf followed
// by the bias addf — never a vector.fma, which would round once where the
// reference rounds twice. A plain mul + add still contracts.
// RUN: ml-opt --fuse --lower-to-loops --vectorize=8 %s | FileCheck %s

// CHECK-LABEL: func.func @dequantize_bias
// CHECK: loop.for %{{.*}} = 0 to 16 step 8 parallel attributes {vector_width = 8 : i64} {
// CHECK: %[[A:.*]] = vector.load %arg0[{{.*}}] : memref<3x20xi32>, vector<8xi32>
// CHECK: %[[F:.*]] = arith.sitofp %[[A]] : vector<8xi32> to vector<8xf32>
// CHECK: %[[Y:.*]] = arith.mulf %[[F]], %{{.*}} {mlopt.no_contract} : vector<8xf32>
// CHECK: %[[B:.*]] = vector.load %arg1[{{.*}}] : memref<20xf32>, vector<8xf32>
// CHECK: %[[Z:.*]] = arith.addf %[[Y]], %[[B]] : vector<8xf32>
// CHECK: vector.store %[[Z]], %arg2
// CHECK-NOT: vector.fma
// CHECK: loop.for %{{.*}} = 16 to 20 step 1 parallel {
// CHECK: arith.mulf %{{.*}}, %{{.*}} {mlopt.no_contract} : f32
// CHECK: return
func.func @dequantize_bias(%acc: tensor<3x20xi32>, %b: tensor<20xf32>) -> tensor<3x20xf32> {
  %y = mlt.dequantize %acc {scale = 0.0025 : f32, zero_point = 0 : i32} : tensor<3x20xi32> -> tensor<3x20xf32>
  %z = mlt.add %y, %b : tensor<3x20xf32>, tensor<20xf32> -> tensor<3x20xf32>
  return %z : tensor<3x20xf32>
}

// CHECK-LABEL: func.func @quantize
// CHECK: loop.for %{{.*}} = 0 to 16 step 8 parallel attributes {vector_width = 8 : i64} {
// CHECK: %[[X:.*]] = vector.load %arg0[{{.*}}] : memref<20xf32>, vector<8xf32>
// CHECK: %[[D:.*]] = arith.divf %[[X]], %{{.*}} : vector<8xf32>
// CHECK: %[[R:.*]] = math.roundeven %[[D]] : vector<8xf32>
// CHECK: arith.cmpf olt, %[[R]], %{{.*}} : vector<8xf32>
// CHECK: arith.select %{{.*}} : vector<8xi1>, vector<8xf32>
// CHECK: arith.cmpf ogt
// CHECK: arith.select %{{.*}} : vector<8xi1>, vector<8xf32>
// CHECK: arith.cmpf uno, %[[D]], %[[D]] : vector<8xf32>
// CHECK: arith.select %{{.*}} : vector<8xi1>, vector<8xf32>
// CHECK: %[[I:.*]] = arith.fptosi %{{.*}} : vector<8xf32> to vector<8xi32>
// CHECK: %[[Q:.*]] = arith.addi %[[I]], %{{.*}} : vector<8xi32>
// CHECK: %[[Q8:.*]] = arith.trunci %[[Q]] : vector<8xi32> to vector<8xi8>
// CHECK: vector.store %[[Q8]], %arg1[{{.*}}] : memref<20xi8>, vector<8xi8>
// CHECK: loop.for %{{.*}} = 16 to 20 step 1 parallel {
func.func @quantize(%x: tensor<20xf32>) -> tensor<20xi8> {
  %0 = mlt.quantize %x {scale = 0.05 : f32, zero_point = -3 : i32} : tensor<20xf32> -> tensor<20xi8>
  return %0 : tensor<20xi8>
}

// The contrast: an unmarked mulf feeding one addf is contracted.
// CHECK-LABEL: func.func @mul_add
// CHECK: vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
func.func @mul_add(%x: tensor<3x20xf32>, %s: tensor<20xf32>, %b: tensor<20xf32>) -> tensor<3x20xf32> {
  %y = mlt.mul %x, %s : tensor<3x20xf32>, tensor<20xf32> -> tensor<3x20xf32>
  %z = mlt.add %y, %b : tensor<3x20xf32>, tensor<20xf32> -> tensor<3x20xf32>
  return %z : tensor<3x20xf32>
}
