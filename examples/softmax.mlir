// Softmax over the rows of a 33x100 matrix.
func.func @softmax_rows(%x: tensor<33x100xf32>) -> tensor<33x100xf32> {
  %y = mlt.softmax %x axis = 1 : tensor<33x100xf32>
  return %y : tensor<33x100xf32>
}
