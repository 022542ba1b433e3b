// Tensor-level functions for the GFLOP/s figure of --repeat (repeat.test):
// contractions with known op counts, and an elementwise function with none.

// 2*M*N*K = 2*7*5*13 = 910
func.func @mm(%a: tensor<7x13xf32>, %b: tensor<13x5xf32>) -> tensor<7x5xf32> {
  %c = mlt.matmul %a, %b : tensor<7x13xf32>, tensor<13x5xf32> -> tensor<7x5xf32>
  return %c : tensor<7x5xf32>
}

// 2*B*M*N*K = 2*3*4*6*5 = 720
func.func @bmm(%a: tensor<3x4x5xf32>, %b: tensor<3x5x6xf32>) -> tensor<3x4x6xf32> {
  %c = mlt.batch_matmul %a, %b : tensor<3x4x5xf32>, tensor<3x5x6xf32> -> tensor<3x4x6xf32>
  return %c : tensor<3x4x6xf32>
}

// NCHW, stride 2, 2 groups: OH = OW = (9 + 1 + 1 - 3) / 2 + 1 = 5,
// 2*N*OH*OW*OC*(C/groups)*KH*KW = 2*2*5*5*6*2*3*3 = 10800
func.func @conv(%x: tensor<2x4x9x9xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<2x6x5x5xf32> {
  %y = mlt.conv2d %x, %w layout = nchw strides = [2, 2] padding = [1, 1, 1, 1]
         dilations = [1, 1] groups = 2
         : tensor<2x4x9x9xf32>, tensor<6x2x3x3xf32> -> tensor<2x6x5x5xf32>
  return %y : tensor<2x6x5x5xf32>
}

// NHWC x HWIO, stride 1, no padding: OH = 4, OW = 3,
// 2*1*4*3*8*3*3*2 = 3456
func.func @conv_nhwc(%x: tensor<1x6x4x3xf32>, %w: tensor<3x2x3x8xf32>) -> tensor<1x4x3x8xf32> {
  %y = mlt.conv2d %x, %w layout = nhwc strides = [1, 1] padding = [0, 0, 0, 0]
         dilations = [1, 1] groups = 1
         : tensor<1x6x4x3xf32>, tensor<3x2x3x8xf32> -> tensor<1x4x3x8xf32>
  return %y : tensor<1x4x3x8xf32>
}

// A matmul inside an mlt.fused group counts, the relu does not: 910.
func.func @fused_mm(%a: tensor<7x13xf32>, %b: tensor<13x5xf32>) -> tensor<7x5xf32> {
  %r = mlt.fused (%a, %b) : (tensor<7x13xf32>, tensor<13x5xf32>) -> tensor<7x5xf32> {
  ^bb0(%x: tensor<7x13xf32>, %y: tensor<13x5xf32>):
    %c = mlt.matmul %x, %y : tensor<7x13xf32>, tensor<13x5xf32> -> tensor<7x5xf32>
    %d = mlt.relu %c : tensor<7x5xf32>
    mlt.yield %d : tensor<7x5xf32>
  }
  return %r : tensor<7x5xf32>
}

// Elementwise only: no op count, so no GFLOP/s.
func.func @ew(%a: tensor<7x13xf32>, %b: tensor<7x13xf32>) -> tensor<7x13xf32> {
  %s = mlt.add %a, %b : tensor<7x13xf32>, tensor<7x13xf32> -> tensor<7x13xf32>
  %r = mlt.relu %s : tensor<7x13xf32>
  return %r : tensor<7x13xf32>
}
