// One attention head of BERT-base at sequence length 512: X 512×768,
// Wq/Wk/Wv 768×64, out = softmax(Q·Kᵀ / sqrt(64)) · V (512×64). Counted as
// the contractions only: 3·2·L·D·DH + 2·L·L·DH + 2·L·L·DH flop.
func.func @f(%x: tensor<512x768xf32>, %wq: tensor<768x64xf32>,
             %wk: tensor<768x64xf32>, %wv: tensor<768x64xf32>) -> tensor<512x64xf32> {
  %q = mlt.matmul %x, %wq : tensor<512x768xf32>, tensor<768x64xf32> -> tensor<512x64xf32>
  %k = mlt.matmul %x, %wk : tensor<512x768xf32>, tensor<768x64xf32> -> tensor<512x64xf32>
  %v = mlt.matmul %x, %wv : tensor<512x768xf32>, tensor<768x64xf32> -> tensor<512x64xf32>
  %kt = mlt.transpose %k perm = [1, 0] : tensor<512x64xf32> -> tensor<64x512xf32>
  %s = mlt.matmul %q, %kt : tensor<512x64xf32>, tensor<64x512xf32> -> tensor<512x512xf32>
  %scale = mlt.constant dense<0.125> : tensor<f32>
  %ss = mlt.mul %s, %scale : tensor<512x512xf32>, tensor<f32> -> tensor<512x512xf32>
  %p = mlt.softmax %ss axis = 1 : tensor<512x512xf32>
  %o = mlt.matmul %p, %v : tensor<512x512xf32>, tensor<512x64xf32> -> tensor<512x64xf32>
  return %o : tensor<512x64xf32>
}
