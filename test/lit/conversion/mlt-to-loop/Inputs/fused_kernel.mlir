// The fused epilogue of fused.mlir, run by e2e-fused.test.
func.func @k(%x: tensor<3x5xf32>, %w: tensor<5x7xf32>, %b: tensor<7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  %r:2 = mlt.fused (%x, %w, %b) : (tensor<3x5xf32>, tensor<5x7xf32>, tensor<7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  ^bb0(%a: tensor<3x5xf32>, %m: tensor<5x7xf32>, %c: tensor<7xf32>):
    %h = mlt.matmul %a, %m : tensor<3x5xf32>, tensor<5x7xf32> -> tensor<3x7xf32>
    %hb = mlt.add %h, %c : tensor<3x7xf32>, tensor<7xf32> -> tensor<3x7xf32>
    %two = mlt.constant dense<2.0> : tensor<3x7xf32>
    %y = mlt.relu %hb : tensor<3x7xf32>
    %z = mlt.mul %y, %two : tensor<3x7xf32>, tensor<3x7xf32> -> tensor<3x7xf32>
    mlt.yield %y, %z : tensor<3x7xf32>, tensor<3x7xf32>
  }
  return %r#0, %r#1 : tensor<3x7xf32>, tensor<3x7xf32>
}
