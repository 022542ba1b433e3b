// An mlt.fused group lowers to ONE loop nest: the matmul's K loop runs at
// each output position and the epilogue (bias, relu, scale) stays in
// registers; nothing is allocated. Groups needing more are refused.
// RUN: ml-opt --lower-to-loops %s --split-input-file --verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @epilogue
// CHECK-NOT: memref.alloc
// CHECK: loop.for %[[I:.*]] = 0 to 3 step 1 parallel {
// CHECK-NEXT: loop.for %[[J:.*]] = 0 to 7 step 1 parallel {
// CHECK: %[[ACC:.*]] = loop.for %{{.*}} = 0 to 5 step 1 reduction
// CHECK: %[[B:.*]] = memref.load %arg2[%[[J]]] : memref<7xf32>
// CHECK: %[[S:.*]] = arith.addf %[[ACC]], %[[B]]
// CHECK: %[[R:.*]] = arith.maximumf %[[S]]
// CHECK: memref.store %[[R]], %arg3[%[[I]], %[[J]]]
// CHECK: arith.mulf %[[R]]
// CHECK: memref.store %{{.*}}, %arg4[%[[I]], %[[J]]]
// CHECK-NOT: loop.for
// CHECK: return
func.func @epilogue(%x: tensor<3x5xf32>, %w: tensor<5x7xf32>, %b: tensor<7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  %r:2 = mlt.fused (%x, %w, %b) : (tensor<3x5xf32>, tensor<5x7xf32>, tensor<7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  ^bb0(%a: tensor<3x5xf32>, %m: tensor<5x7xf32>, %c: tensor<7xf32>):
    %h = mlt.matmul %a, %m : tensor<3x5xf32>, tensor<5x7xf32> -> tensor<3x7xf32>
    %hb = mlt.add %h, %c : tensor<3x7xf32>, tensor<7xf32> -> tensor<3x7xf32>
    %two = mlt.constant dense<2.0> : tensor<3x7xf32>
    %y = mlt.relu %hb : tensor<3x7xf32>
    %z = mlt.mul %y, %two : tensor<3x7xf32>, tensor<3x7xf32> -> tensor<3x7xf32>
    mlt.yield %y, %z : tensor<3x7xf32>, tensor<3x7xf32>
  }
  return %r#0, %r#1 : tensor<3x7xf32>, tensor<3x7xf32>
}

// -----

func.func @with_reduction(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %y = mlt.fused (%x) : (tensor<4x8xf32>) -> tensor<4x8xf32> {
  ^bb0(%a: tensor<4x8xf32>):
    // expected-error @+1 {{'mlt.softmax' is not supported by --lower-to-loops yet: mlt.fused groups with this op are not lowered yet}}
    %s = mlt.softmax %a axis = 1 : tensor<4x8xf32>
    mlt.yield %s : tensor<4x8xf32>
  }
  return %y : tensor<4x8xf32>
}

// -----

func.func @inner_broadcast(%x: tensor<4x8xf32>, %v: tensor<8xf32>) -> tensor<4x8xf32> {
  %y = mlt.fused (%x, %v) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32> {
  ^bb0(%a: tensor<4x8xf32>, %b: tensor<8xf32>):
    %r = mlt.relu %b : tensor<8xf32>
    // expected-error @+1 {{'mlt.add' is not supported by --lower-to-loops yet: inside mlt.fused only group inputs broadcast}}
    %s = mlt.add %a, %r : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
    mlt.yield %s : tensor<4x8xf32>
  }
  return %y : tensor<4x8xf32>
}
