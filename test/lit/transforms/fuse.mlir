// RUN: ml-opt --fuse --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: ml-opt --fuse --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: ml-opt --fuse --split-input-file %s 2>&1 >/dev/null | count 0

// --remarks prints one located line per decision, nothing without it.
// REMARK: fuse.mlir:[[@LINE+17]]:9: remark: fused mlt.add into mlt.matmul epilogue{{$}}
// REMARK-NEXT: fuse.mlir:[[@LINE+18]]:8: remark: fused mlt.relu into mlt.matmul epilogue{{$}}
// REMARK-NEXT: fuse.mlir:[[@LINE+13]]:8: remark: formed mlt.fused group of 3 ops

// A matmul epilogue: bias and relu join the matmul's group.
// CHECK-LABEL: func.func @epilogue
// CHECK: %[[R:.*]] = mlt.fused(%arg0, %arg1, %arg2) : (tensor<7x5xf32>, tensor<5x3xf32>, tensor<3xf32>) -> tensor<7x3xf32> {
// CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<7x5xf32>, %[[B:.*]]: tensor<5x3xf32>, %[[C:.*]]: tensor<3xf32>):
// CHECK-NEXT: %[[H:.*]] = mlt.matmul %[[A]], %[[B]]
// CHECK-NEXT: %[[HB:.*]] = mlt.add %[[H]], %[[C]]
// CHECK-NEXT: %[[Y:.*]] = mlt.relu %[[HB]]
// CHECK-NEXT: mlt.yield %[[Y]]
// CHECK: return %[[R]]
func.func @epilogue(%x: tensor<7x5xf32>, %w: tensor<5x3xf32>, %b: tensor<3xf32>) -> tensor<7x3xf32> {
  // expected-remark @+1 {{formed mlt.fused group of 3 ops (mlt.matmul + mlt.add + mlt.relu) with 3 inputs and 1 result}}
  %h = mlt.matmul %x, %w : tensor<7x5xf32>, tensor<5x3xf32> -> tensor<7x3xf32>
  // expected-remark @+1 {{fused mlt.add into mlt.matmul epilogue}}
  %hb = mlt.add %h, %b : tensor<7x3xf32>, tensor<3xf32> -> tensor<7x3xf32>
  // expected-remark @+1 {{fused mlt.relu into mlt.matmul epilogue}}
  %y = mlt.relu %hb : tensor<7x3xf32>
  return %y : tensor<7x3xf32>
}

// -----

// An elementwise chain with a splat constant, which moves into the group.
// CHECK-LABEL: func.func @chain
// CHECK-NOT: mlt.constant
// CHECK: mlt.fused(%arg0, %arg1) : (tensor<4x9xf32>, tensor<4x9xf32>) -> tensor<4x9xf32> {
// CHECK: mlt.constant dense<2.000000e+00>
// CHECK: mlt.exp
// CHECK: mlt.mul
// CHECK: mlt.add
// CHECK: mlt.yield
func.func @chain(%x: tensor<4x9xf32>, %y: tensor<4x9xf32>) -> tensor<4x9xf32> {
  %two = mlt.constant dense<2.0> : tensor<4x9xf32>
  // expected-remark @+1 {{formed mlt.fused group of 3 ops (mlt.exp + mlt.mul + mlt.add) with 2 inputs and 1 result}}
  %e = mlt.exp %x : tensor<4x9xf32>
  // expected-remark @+1 {{fused mlt.mul into elementwise group of mlt.exp}}
  %m = mlt.mul %e, %two : tensor<4x9xf32>, tensor<4x9xf32> -> tensor<4x9xf32>
  // expected-remark @+1 {{fused mlt.add into elementwise group of mlt.exp}}
  %s = mlt.add %m, %y : tensor<4x9xf32>, tensor<4x9xf32> -> tensor<4x9xf32>
  return %s : tensor<4x9xf32>
}

// -----

// A value used outside the group stays materialized: a second result.
// CHECK-LABEL: func.func @escape
// CHECK: %[[R:.*]]:2 = mlt.fused(%arg0) : (tensor<5xf32>) -> (tensor<5xf32>, tensor<5xf32>)
// CHECK: return %[[R]]#1, %[[R]]#0
func.func @escape(%x: tensor<5xf32>) -> (tensor<5xf32>, tensor<5xf32>) {
  // expected-remark @+1 {{formed mlt.fused group of 2 ops (mlt.neg + mlt.relu) with 1 input and 2 results}}
  %n = mlt.neg %x : tensor<5xf32>
  // expected-remark @+1 {{fused mlt.relu into elementwise group of mlt.neg}}
  %r = mlt.relu %n : tensor<5xf32>
  return %r, %n : tensor<5xf32>, tensor<5xf32>
}

// -----

// Refusals: a use of the group's value that comes before the consumer; a
// value broadcast to a larger shape; a reduction consumer; a contraction
// consumer (never recomputed per use).
// CHECK-LABEL: func.func @refusals
// CHECK-NOT: mlt.fused
func.func @refusals(%x: tensor<4x1xf32>, %y: tensor<4x6xf32>, %w: tensor<1x3xf32>) -> (tensor<1x4xf32>, tensor<4x1xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x3xf32>) {
  %a = mlt.exp %x : tensor<4x1xf32>
  // expected-remark @+1 {{not fused with mlt.exp: mlt.transpose is not elementwise}}
  %t = mlt.transpose %a perm = [1, 0] : tensor<4x1xf32> -> tensor<1x4xf32>
  // expected-remark @+1 {{not fused with mlt.exp: mlt.transpose uses the group's value before mlt.relu}}
  %r = mlt.relu %a : tensor<4x1xf32>
  // expected-remark @+1 {{not fused with mlt.exp: operand #0 is broadcast to a larger shape, so it stays a group input}}
  %b = mlt.add %a, %y : tensor<4x1xf32>, tensor<4x6xf32> -> tensor<4x6xf32>
  // expected-remark @+1 {{not fused with mlt.add: mlt.softmax is a reduction, which groups do not hold yet}}
  %s = mlt.softmax %b axis = 1 : tensor<4x6xf32>
  // expected-remark @+1 {{not fused with mlt.exp: mlt.matmul starts its own group (its operands stay materialized, never recomputed)}}
  %m = mlt.matmul %a, %w : tensor<4x1xf32>, tensor<1x3xf32> -> tensor<4x3xf32>
  return %t, %r, %b, %s, %m : tensor<1x4xf32>, tensor<4x1xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x3xf32>
}

// -----

// conv2d epilogues are not grouped yet: the add and relu fuse with each
// other only.
// CHECK-LABEL: func.func @conv
// CHECK: mlt.conv2d
// CHECK: mlt.fused
func.func @conv(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>, %b: tensor<3x1x1xf32>) -> tensor<1x3x5x5xf32> {
  %c = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [1, 1, 1, 1]
         dilations = [1, 1] groups = 1
         : tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32> -> tensor<1x3x5x5xf32>
  // expected-remark @+2 {{not fused into mlt.conv2d epilogue: conv2d groups are not lowered yet}}
  // expected-remark @+1 {{formed mlt.fused group of 2 ops (mlt.add + mlt.relu) with 2 inputs and 1 result}}
  %cb = mlt.add %c, %b : tensor<1x3x5x5xf32>, tensor<3x1x1xf32> -> tensor<1x3x5x5xf32>
  // expected-remark @+1 {{fused mlt.relu into elementwise group of mlt.add}}
  %r = mlt.relu %cb : tensor<1x3x5x5xf32>
  return %r : tensor<1x3x5x5xf32>
}

// -----

// An elementwise group whose values only the reduce uses: the reduce joins
// it and ends it (sum(exp(x*2)) reads x once, stores one value per row).
// A consumer of the reduce's result does not join the reduction group.
// CHECK-LABEL: func.func @reduce_joins
// CHECK: %[[G:.*]] = mlt.fused(%arg0) : (tensor<5x9xf32>) -> tensor<5xf32> {
// CHECK: mlt.mul
// CHECK-NEXT: mlt.exp
// CHECK-NEXT: %[[S:.*]] = mlt.reduce sum
// CHECK-NEXT: mlt.yield %[[S]] : tensor<5xf32>
// CHECK: mlt.sqrt %[[G]]
func.func @reduce_joins(%x: tensor<5x9xf32>) -> tensor<5xf32> {
  %two = mlt.constant dense<2.0> : tensor<5x9xf32>
  // expected-remark @+1 {{formed mlt.fused group of 3 ops (mlt.mul + mlt.exp + mlt.reduce) with 1 input and 1 result}}
  %a = mlt.mul %x, %two : tensor<5x9xf32>, tensor<5x9xf32> -> tensor<5x9xf32>
  // expected-remark @+1 {{fused mlt.exp into elementwise group of mlt.mul}}
  %e = mlt.exp %a : tensor<5x9xf32>
  // expected-remark @+1 {{fused elementwise group of mlt.mul into mlt.reduce's input}}
  %s = mlt.reduce sum %e axes = [1] : tensor<5x9xf32> -> tensor<5xf32>
  // expected-remark @+1 {{not fused with mlt.mul: a reduction group ends at its reduce}}
  %r = mlt.sqrt %s : tensor<5xf32>
  return %r : tensor<5xf32>
}

// -----

// A decomposed softmax: the exp-sum recomputes sub and exp (their value is
// also used by the div), so x - max is never materialized; the div joins
// the sub/exp group. Three nests: max, exp-sum, exp-scale.
// CHECK-LABEL: func.func @softmax_decomposed
// CHECK: %[[M:.*]] = mlt.reduce max %arg0
// CHECK: %[[S:.*]] = mlt.fused(%arg0, %[[M]]) : (tensor<4x6xf32>, tensor<4x1xf32>) -> tensor<4x1xf32> {
// CHECK: mlt.sub
// CHECK-NEXT: mlt.exp
// CHECK-NEXT: mlt.reduce sum
// CHECK: %[[Y:.*]] = mlt.fused(%arg0, %[[M]], %[[S]]) : (tensor<4x6xf32>, tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x6xf32> {
// CHECK: mlt.sub
// CHECK-NEXT: mlt.exp
// CHECK-NEXT: mlt.div
// CHECK: return %[[Y]]
func.func @softmax_decomposed(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %m = mlt.reduce max %x axes = [1] keepdims : tensor<4x6xf32> -> tensor<4x1xf32>
  // expected-remark @+2 {{formed mlt.fused group of 3 ops (mlt.sub + mlt.exp + mlt.reduce) with 2 inputs and 1 result}}
  // expected-remark @+1 {{formed mlt.fused group of 3 ops (mlt.sub + mlt.exp + mlt.div) with 3 inputs and 1 result}}
  %d = mlt.sub %x, %m : tensor<4x6xf32>, tensor<4x1xf32> -> tensor<4x6xf32>
  // expected-remark @+1 {{fused mlt.exp into elementwise group of mlt.sub}}
  %e = mlt.exp %d : tensor<4x6xf32>
  // expected-remark @+1 {{fused 2 elementwise ops of the group of mlt.sub into mlt.reduce's input, recomputed there (their values are also used elsewhere)}}
  %s = mlt.reduce sum %e axes = [1] keepdims : tensor<4x6xf32> -> tensor<4x1xf32>
  // expected-remark @+1 {{fused mlt.div into elementwise group of mlt.sub}}
  %y = mlt.div %e, %s : tensor<4x6xf32>, tensor<4x1xf32> -> tensor<4x6xf32>
  return %y : tensor<4x6xf32>
}

// -----

// A reduce of a matmul epilogue is refused: the reduction would recompute
// the matmul.
// CHECK-LABEL: func.func @reduce_of_matmul
// CHECK: mlt.fused
// CHECK: mlt.yield
// CHECK: mlt.reduce
func.func @reduce_of_matmul(%x: tensor<3x4xf32>, %w: tensor<4x5xf32>) -> tensor<3xf32> {
  // expected-remark @+1 {{formed mlt.fused group of 2 ops (mlt.matmul + mlt.relu) with 2 inputs and 1 result}}
  %m = mlt.matmul %x, %w : tensor<3x4xf32>, tensor<4x5xf32> -> tensor<3x5xf32>
  // expected-remark @+1 {{fused mlt.relu into mlt.matmul epilogue}}
  %r = mlt.relu %m : tensor<3x5xf32>
  // expected-remark @+1 {{not fused with mlt.matmul: its group holds a contraction, which the reduction would have to recompute}}
  %s = mlt.reduce max %r axes = [1] : tensor<3x5xf32> -> tensor<3xf32>
  return %s : tensor<3xf32>
}
