// conv2d: a ResNet-50 stage-1 3×3 layer, NCHW input 1×64×56×56, weights
// 64×64×3×3 (OIHW), stride 1, padding 1, no bias. Counted as
// 2·N·OH·OW·OC·C·KH·KW flop.
func.func @f(%x: tensor<1x64x56x56xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32> {
  %y = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [1, 1, 1, 1]
         dilations = [1, 1] groups = 1
         : tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32> -> tensor<1x64x56x56xf32>
  return %y : tensor<1x64x56x56xf32>
}
