// A tensor-level function: --lower-to-llvm alone cannot lower mlt ops.
func.func @relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = mlt.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
