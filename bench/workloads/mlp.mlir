// MLP layer: relu(X·W + b), X 512×1024, W 1024×1024, b 1024 (M×N×K =
// 512×1024×1024). Counted as 2·M·N·K flop (the contraction only).
func.func @f(%x: tensor<512x1024xf32>, %w: tensor<1024x1024xf32>, %b: tensor<1024xf32>) -> tensor<512x1024xf32> {
  %h = mlt.matmul %x, %w : tensor<512x1024xf32>, tensor<1024x1024xf32> -> tensor<512x1024xf32>
  %hb = mlt.add %h, %b : tensor<512x1024xf32>, tensor<1024xf32> -> tensor<512x1024xf32>
  %y = mlt.relu %hb : tensor<512x1024xf32>
  return %y : tensor<512x1024xf32>
}
