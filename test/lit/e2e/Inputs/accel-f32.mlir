// Kernels for accel.test on f32 targets.

func.func @mm_f32(%a: tensor<33x127xf32>, %b: tensor<127x17xf32>) -> tensor<33x17xf32> {
  %c = mlt.matmul %a, %b : tensor<33x127xf32>, tensor<127x17xf32> -> tensor<33x17xf32>
  return %c : tensor<33x17xf32>
}

func.func @conv_f32(%x: tensor<1x8x9x9xf32>, %w: tensor<6x8x3x3xf32>) -> tensor<1x6x9x9xf32> {
  %y = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : tensor<1x8x9x9xf32>, tensor<6x8x3x3xf32> -> tensor<1x6x9x9xf32>
  return %y : tensor<1x6x9x9xf32>
}

// relu(x·W + b) then softmax: the matmul leaves its fused group for the
// accelerator, the epilogue and the softmax run on the host.
func.func @mlp_f32(%x: tensor<7x33xf32>, %w: tensor<33x20xf32>, %b: tensor<20xf32>) -> tensor<7x20xf32> {
  %m = mlt.matmul %x, %w : tensor<7x33xf32>, tensor<33x20xf32> -> tensor<7x20xf32>
  %s = mlt.add %m, %b : tensor<7x20xf32>, tensor<20xf32> -> tensor<7x20xf32>
  %r = mlt.relu %s : tensor<7x20xf32>
  %y = mlt.softmax %r axis = 1 : tensor<7x20xf32>
  return %y : tensor<7x20xf32>
}

