// Tensor-level functions: tensor arguments are inputs and tensor results
// come back through trailing out-memrefs once bufferized with destination
// passing (tensors.test bufferizes with upstream passes until
// --lower-to-loops does it).

func.func @tadd(%a: tensor<7xf32>, %b: tensor<7xf32>) -> tensor<7xf32> {
  %e = tensor.empty() : tensor<7xf32>
  %r = linalg.add ins(%a, %b : tensor<7xf32>, tensor<7xf32>) outs(%e : tensor<7xf32>) -> tensor<7xf32>
  return %r : tensor<7xf32>
}

func.func @matmul(%a: tensor<5x7xf32>, %b: tensor<7x3xf32>) -> tensor<5x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<5x3xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<5x3xf32>) -> tensor<5x3xf32>
  %r = linalg.matmul ins(%a, %b : tensor<5x7xf32>, tensor<7x3xf32>) outs(%z : tensor<5x3xf32>) -> tensor<5x3xf32>
  return %r : tensor<5x3xf32>
}

// Two tensor results, in order, after a scalar argument: a + b and
// k * (a - b). No intermediate tensors: each result is bufferized straight
// into its out-memref, so nothing is allocated (or leaked) per call.
func.func @sum_diff(%k: i32, %a: tensor<2x3xi32>, %b: tensor<2x3xi32>) -> (tensor<2x3xi32>, tensor<2x3xi32>) {
  %e = tensor.empty() : tensor<2x3xi32>
  %s = linalg.add ins(%a, %b : tensor<2x3xi32>, tensor<2x3xi32>) outs(%e : tensor<2x3xi32>) -> tensor<2x3xi32>
  %f = tensor.empty() : tensor<2x3xi32>
  %kd = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>,
                                         affine_map<(i, j) -> (i, j)>],
                        iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<2x3xi32>, tensor<2x3xi32>) outs(%f : tensor<2x3xi32>) {
  ^bb0(%x: i32, %y: i32, %o: i32):
    %d = arith.subi %x, %y : i32
    %m = arith.muli %d, %k : i32
    linalg.yield %m : i32
  } -> tensor<2x3xi32>
  return %s, %kd : tensor<2x3xi32>, tensor<2x3xi32>
}
