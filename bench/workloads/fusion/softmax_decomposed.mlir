// softmax over the rows of 4096×1024 as an exporter writes it: max, sub,
// exp, sum, div. The --fuse workload for reductions: fused, it is three
// passes over x (max, exp-sum, exp-scale) with no intermediate tensor.
func.func @f(%x: tensor<4096x1024xf32>) -> tensor<4096x1024xf32> {
  %m = mlt.reduce max %x axes = [1] keepdims : tensor<4096x1024xf32> -> tensor<4096x1xf32>
  %d = mlt.sub %x, %m : tensor<4096x1024xf32>, tensor<4096x1xf32> -> tensor<4096x1024xf32>
  %e = mlt.exp %d : tensor<4096x1024xf32>
  %s = mlt.reduce sum %e axes = [1] keepdims : tensor<4096x1024xf32> -> tensor<4096x1xf32>
  %y = mlt.div %e, %s : tensor<4096x1024xf32>, tensor<4096x1xf32> -> tensor<4096x1024xf32>
  return %y : tensor<4096x1024xf32>
}
