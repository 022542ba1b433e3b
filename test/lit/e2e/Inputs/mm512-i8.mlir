// accel-double-buffer.test: the 512x512x512 int8 matmul of the issue.
func.func @mm(%a: tensor<512x512xi8>, %b: tensor<512x512xi8>) -> tensor<512x512xi32> {
  %c = mlt.matmul %a, %b : tensor<512x512xi8>, tensor<512x512xi8> -> tensor<512x512xi32>
  return %c : tensor<512x512xi32>
}
