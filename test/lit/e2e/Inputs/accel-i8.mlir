// Kernels for accel.test on i8 targets: every contraction --lower-to-accel
// takes, at shapes of 1, primes and non-multiples of the PE array and the
// K tile.

func.func @mm_1(%a: tensor<1x1xi8>, %b: tensor<1x1xi8>) -> tensor<1x1xi32> {
  %c = mlt.matmul %a, %b : tensor<1x1xi8>, tensor<1x1xi8> -> tensor<1x1xi32>
  return %c : tensor<1x1xi32>
}

func.func @mm_primes(%a: tensor<7x13xi8>, %b: tensor<13x5xi8>) -> tensor<7x5xi32> {
  %c = mlt.matmul %a, %b : tensor<7x13xi8>, tensor<13x5xi8> -> tensor<7x5xi32>
  return %c : tensor<7x5xi32>
}

func.func @mm_edges(%a: tensor<33x127xi8>, %b: tensor<127x17xi8>) -> tensor<33x17xi32> {
  %c = mlt.matmul %a, %b : tensor<33x127xi8>, tensor<127x17xi8> -> tensor<33x17xi32>
  return %c : tensor<33x17xi32>
}

func.func @mm_long_k(%a: tensor<9x1000xi8>, %b: tensor<1000x7xi8>) -> tensor<9x7xi32> {
  %c = mlt.matmul %a, %b : tensor<9x1000xi8>, tensor<1000x7xi8> -> tensor<9x7xi32>
  return %c : tensor<9x7xi32>
}

func.func @bmm(%a: tensor<3x7x20xi8>, %b: tensor<3x20x33xi8>) -> tensor<3x7x33xi32> {
  %c = mlt.batch_matmul %a, %b : tensor<3x7x20xi8>, tensor<3x20x33xi8> -> tensor<3x7x33xi32>
  return %c : tensor<3x7x33xi32>
}

func.func @conv_nchw(%x: tensor<2x3x11x13xi8>, %w: tensor<5x3x3x3xi8>) -> tensor<2x5x4x4xi32> {
  %y = mlt.conv2d %x, %w layout = nchw strides = [2, 3] padding = [1, 0, 0, 1] dilations = [2, 1] groups = 1 : tensor<2x3x11x13xi8>, tensor<5x3x3x3xi8> -> tensor<2x5x4x4xi32>
  return %y : tensor<2x5x4x4xi32>
}

func.func @conv_nhwc(%x: tensor<1x7x7x4xi8>, %w: tensor<3x3x4x17xi8>) -> tensor<1x7x7x17xi32> {
  %y = mlt.conv2d %x, %w layout = nhwc strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : tensor<1x7x7x4xi8>, tensor<3x3x4x17xi8> -> tensor<1x7x7x17xi32>
  return %y : tensor<1x7x7x17xi32>
}

func.func @mm_k0(%a: tensor<3x0xi8>, %b: tensor<0x5xi8>) -> tensor<3x5xi32> {
  %c = mlt.matmul %a, %b : tensor<3x0xi8>, tensor<0x5xi8> -> tensor<3x5xi32>
  return %c : tensor<3x5xi32>
}

// Two products that each fill the scratchpad (K = 4096 double-buffered is
// 256 KiB): each runs in its own kernel function, whose buffers the
// runtime releases on return, so the second one fits too.
func.func @two_full(%a: tensor<16x4096xi8>, %b: tensor<4096x16xi8>, %c: tensor<16x4096xi8>) -> tensor<16x16xi32> {
  %p = mlt.matmul %a, %b : tensor<16x4096xi8>, tensor<4096x16xi8> -> tensor<16x16xi32>
  %q = mlt.matmul %c, %b : tensor<16x4096xi8>, tensor<4096x16xi8> -> tensor<16x16xi32>
  %r = mlt.add %p, %q : tensor<16x16xi32>, tensor<16x16xi32> -> tensor<16x16xi32>
  return %r : tensor<16x16xi32>
}
