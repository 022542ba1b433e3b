// A three-layer perceptron: relu(x·W + b) three times (batch 8, widths
// 64 -> 128 -> 96 -> 10).
func.func @mlp(%x: tensor<8x64xf32>,
               %w1: tensor<64x128xf32>, %b1: tensor<128xf32>,
               %w2: tensor<128x96xf32>, %b2: tensor<96xf32>,
               %w3: tensor<96x10xf32>, %b3: tensor<10xf32>) -> tensor<8x10xf32> {
  %h1 = mlt.matmul %x, %w1 : tensor<8x64xf32>, tensor<64x128xf32> -> tensor<8x128xf32>
  %a1 = mlt.add %h1, %b1 : tensor<8x128xf32>, tensor<128xf32> -> tensor<8x128xf32>
  %r1 = mlt.relu %a1 : tensor<8x128xf32>
  %h2 = mlt.matmul %r1, %w2 : tensor<8x128xf32>, tensor<128x96xf32> -> tensor<8x96xf32>
  %a2 = mlt.add %h2, %b2 : tensor<8x96xf32>, tensor<96xf32> -> tensor<8x96xf32>
  %r2 = mlt.relu %a2 : tensor<8x96xf32>
  %h3 = mlt.matmul %r2, %w3 : tensor<8x96xf32>, tensor<96x10xf32> -> tensor<8x10xf32>
  %a3 = mlt.add %h3, %b3 : tensor<8x10xf32>, tensor<10xf32> -> tensor<8x10xf32>
  %r3 = mlt.relu %a3 : tensor<8x10xf32>
  return %r3 : tensor<8x10xf32>
}
