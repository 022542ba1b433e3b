// Row softmax of 4096×1024 in upstream linalg generics: row max, then
// exp(x - max) and its row sum, then the division.
#id = affine_map<(i, j) -> (i, j)>
#red = affine_map<(i, j) -> (i)>
func.func @f(%x: tensor<4096x1024xf32>) -> tensor<4096x1024xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<4096xf32>
  %m0 = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<4096xf32>) -> tensor<4096xf32>
  %m = linalg.generic {indexing_maps = [#id, #red], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<4096x1024xf32>) outs(%m0 : tensor<4096xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %r = arith.maximumf %v, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4096xf32>
  %e2 = tensor.empty() : tensor<4096x1024xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4096xf32>) -> tensor<4096xf32>
  %ex, %s = linalg.generic {indexing_maps = [#id, #red, #id, #red], iterator_types = ["parallel", "reduction"]}
      ins(%x, %m : tensor<4096x1024xf32>, tensor<4096xf32>) outs(%e2, %s0 : tensor<4096x1024xf32>, tensor<4096xf32>) {
  ^bb0(%v: f32, %mv: f32, %o: f32, %acc: f32):
    %d = arith.subf %v, %mv : f32
    %xe = math.exp %d : f32
    %a = arith.addf %acc, %xe : f32
    linalg.yield %xe, %a : f32, f32
  } -> (tensor<4096x1024xf32>, tensor<4096xf32>)
  %y = linalg.generic {indexing_maps = [#red, #id], iterator_types = ["parallel", "parallel"]}
      ins(%s : tensor<4096xf32>) outs(%ex : tensor<4096x1024xf32>) {
  ^bb0(%sv: f32, %ev: f32):
    %q = arith.divf %ev, %sv : f32
    linalg.yield %q : f32
  } -> tensor<4096x1024xf32>
  return %y : tensor<4096x1024xf32>
}
