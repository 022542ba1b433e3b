// An mlt op left in the module: --unroll refuses (unroll-refusals.mlir).
func.func @tensor_level(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // The relu below is line 4.
  %0 = mlt.relu %a : tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
