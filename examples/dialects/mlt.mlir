// The README's example program for the mlt dialect.
func.func @layer(%x: tensor<8x64xf32>, %w: tensor<64x128xf32>, %b: tensor<128xf32>) -> tensor<8x128xf32> {
  %h = mlt.matmul %x, %w : tensor<8x64xf32>, tensor<64x128xf32> -> tensor<8x128xf32>
  %hb = mlt.add %h, %b : tensor<8x128xf32>, tensor<128xf32> -> tensor<8x128xf32>
  %y = mlt.relu %hb : tensor<8x128xf32>
  return %y : tensor<8x128xf32>
}
