// One attention head (L 512, D 768, DH 64) in upstream linalg: matmuls into
// zero-filled tensors, linalg.transpose for Kᵀ, the 1/8 scale and the row
// softmax as generics.
#id = affine_map<(i, j) -> (i, j)>
#red = affine_map<(i, j) -> (i)>
func.func @f(%x: tensor<512x768xf32>, %wq: tensor<768x64xf32>,
             %wk: tensor<768x64xf32>, %wv: tensor<768x64xf32>) -> tensor<512x64xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.125 : f32
  %e = tensor.empty() : tensor<512x64xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<512x64xf32>) -> tensor<512x64xf32>
  %q = linalg.matmul ins(%x, %wq : tensor<512x768xf32>, tensor<768x64xf32>) outs(%z : tensor<512x64xf32>) -> tensor<512x64xf32>
  %k = linalg.matmul ins(%x, %wk : tensor<512x768xf32>, tensor<768x64xf32>) outs(%z : tensor<512x64xf32>) -> tensor<512x64xf32>
  %v = linalg.matmul ins(%x, %wv : tensor<512x768xf32>, tensor<768x64xf32>) outs(%z : tensor<512x64xf32>) -> tensor<512x64xf32>
  %et = tensor.empty() : tensor<64x512xf32>
  %kt = linalg.transpose ins(%k : tensor<512x64xf32>) outs(%et : tensor<64x512xf32>) permutation = [1, 0]
  %es = tensor.empty() : tensor<512x512xf32>
  %zs = linalg.fill ins(%zero : f32) outs(%es : tensor<512x512xf32>) -> tensor<512x512xf32>
  %s = linalg.matmul ins(%q, %kt : tensor<512x64xf32>, tensor<64x512xf32>) outs(%zs : tensor<512x512xf32>) -> tensor<512x512xf32>
  %er = tensor.empty() : tensor<512xf32>
  %m0 = linalg.fill ins(%ninf : f32) outs(%er : tensor<512xf32>) -> tensor<512xf32>
  %m = linalg.generic {indexing_maps = [#id, #red], iterator_types = ["parallel", "reduction"]}
      ins(%s : tensor<512x512xf32>) outs(%m0 : tensor<512xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %sa = arith.mulf %a, %scale : f32
    %r = arith.maximumf %sa, %acc : f32
    linalg.yield %r : f32
  } -> tensor<512xf32>
  %sum0 = linalg.fill ins(%zero : f32) outs(%er : tensor<512xf32>) -> tensor<512xf32>
  %ex, %sum = linalg.generic {indexing_maps = [#id, #red, #id, #red], iterator_types = ["parallel", "reduction"]}
      ins(%s, %m : tensor<512x512xf32>, tensor<512xf32>) outs(%es, %sum0 : tensor<512x512xf32>, tensor<512xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32, %acc: f32):
    %sa = arith.mulf %a, %scale : f32
    %d = arith.subf %sa, %mv : f32
    %xe = math.exp %d : f32
    %t = arith.addf %acc, %xe : f32
    linalg.yield %xe, %t : f32, f32
  } -> (tensor<512x512xf32>, tensor<512xf32>)
  %p = linalg.generic {indexing_maps = [#red, #id], iterator_types = ["parallel", "parallel"]}
      ins(%sum : tensor<512xf32>) outs(%ex : tensor<512x512xf32>) {
  ^bb0(%sv: f32, %ev: f32):
    %qv = arith.divf %ev, %sv : f32
    linalg.yield %qv : f32
  } -> tensor<512x512xf32>
  %o = linalg.matmul ins(%p, %v : tensor<512x512xf32>, tensor<512x64xf32>) outs(%z : tensor<512x64xf32>) -> tensor<512x64xf32>
  return %o : tensor<512x64xf32>
}
