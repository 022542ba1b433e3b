// MLP layer relu(X·W + b) in upstream linalg: matmul into a zero-filled
// tensor, then one elementwise generic for bias + relu.
#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (j)>
func.func @f(%x: tensor<512x1024xf32>, %w: tensor<1024x1024xf32>, %b: tensor<1024xf32>) -> tensor<512x1024xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<512x1024xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<512x1024xf32>) -> tensor<512x1024xf32>
  %h = linalg.matmul ins(%x, %w : tensor<512x1024xf32>, tensor<1024x1024xf32>) outs(%z : tensor<512x1024xf32>) -> tensor<512x1024xf32>
  %y = linalg.generic {indexing_maps = [#row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%b : tensor<1024xf32>) outs(%h : tensor<512x1024xf32>) {
  ^bb0(%bv: f32, %hv: f32):
    %s = arith.addf %hv, %bv : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  } -> tensor<512x1024xf32>
  return %y : tensor<512x1024xf32>
}
