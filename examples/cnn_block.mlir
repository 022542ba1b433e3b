// A small CNN block: 3x3 convolution (padding 1) + bias + relu + 2x2 max
// pooling, NCHW, batch 2, 3 -> 16 channels on a 15x15 image.
func.func @cnn_block(%x: tensor<2x3x15x15xf32>, %w: tensor<16x3x3x3xf32>,
                     %b: tensor<16x1x1xf32>) -> tensor<2x16x7x7xf32> {
  %c = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [1, 1, 1, 1]
         dilations = [1, 1] groups = 1
         : tensor<2x3x15x15xf32>, tensor<16x3x3x3xf32> -> tensor<2x16x15x15xf32>
  %cb = mlt.add %c, %b : tensor<2x16x15x15xf32>, tensor<16x1x1xf32> -> tensor<2x16x15x15xf32>
  %r = mlt.relu %cb : tensor<2x16x15x15xf32>
  %p = mlt.pool2d max %r layout = nchw kernel = [2, 2] strides = [2, 2]
         padding = [0, 0, 0, 0] : tensor<2x16x15x15xf32> -> tensor<2x16x7x7xf32>
  return %p : tensor<2x16x7x7xf32>
}
