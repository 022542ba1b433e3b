// Reductions lowered by --lower-to-loops in e2e-reductions.test.
func.func @r(%x: tensor<2x3x5xf32>, %img: tensor<1x2x5x7xf32>) -> (tensor<2x1x5xf32>, tensor<3xf32>, tensor<2x3x5xf32>, tensor<1x2x3x4xf32>, tensor<1x2x2x3xf32>) {
  %s = mlt.reduce sum %x axes = [1] keepdims : tensor<2x3x5xf32> -> tensor<2x1x5xf32>
  %m = mlt.reduce max %x axes = [0, -1] : tensor<2x3x5xf32> -> tensor<3xf32>
  %sm = mlt.softmax %x axis = -1 : tensor<2x3x5xf32>
  %pa = mlt.pool2d avg %img layout = nchw kernel = [3, 3] strides = [2, 2] padding = [1, 1, 1, 1] : tensor<1x2x5x7xf32> -> tensor<1x2x3x4xf32>
  %pm = mlt.pool2d max %img layout = nchw kernel = [2, 2] strides = [2, 2] padding = [0, 0, 0, 0] : tensor<1x2x5x7xf32> -> tensor<1x2x2x3xf32>
  return %s, %m, %sm, %pa, %pm : tensor<2x1x5xf32>, tensor<3xf32>, tensor<2x3x5xf32>, tensor<1x2x3x4xf32>, tensor<1x2x2x3xf32>
}
