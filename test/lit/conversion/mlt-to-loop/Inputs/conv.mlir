// Convolutions and concat lowered by --lower-to-loops in e2e-conv.test.
func.func @c(%x: tensor<1x4x7x6xf32>, %w: tensor<6x2x3x3xf32>,
             %xh: tensor<2x5x5x3xf32>, %wh: tensor<2x2x3x4xf32>)
    -> (tensor<1x6x4x2xf32>, tensor<2x5x5x4xf32>, tensor<1x8x7x6xf32>) {
  %a = mlt.conv2d %x, %w layout = nchw strides = [2, 2] padding = [1, 1, 1, 0]
         dilations = [1, 2] groups = 2
         : tensor<1x4x7x6xf32>, tensor<6x2x3x3xf32> -> tensor<1x6x4x2xf32>
  %b = mlt.conv2d %xh, %wh layout = nhwc strides = [1, 1] padding = [0, 0, 1, 1]
         dilations = [1, 1] groups = 1
         : tensor<2x5x5x3xf32>, tensor<2x2x3x4xf32> -> tensor<2x5x5x4xf32>
  %c = mlt.concat %x, %x axis = 1 : tensor<1x4x7x6xf32>, tensor<1x4x7x6xf32> -> tensor<1x8x7x6xf32>
  return %a, %b, %c : tensor<1x6x4x2xf32>, tensor<2x5x5x4xf32>, tensor<1x8x7x6xf32>
}
