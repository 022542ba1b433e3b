// One attention head: Q = X·Wq, K = X·Wk, V = X·Wv,
// out = softmax(Q·Kᵀ / sqrt(d)) · V, for 17 tokens of width 32, d = 16.
func.func @attention(%x: tensor<17x32xf32>, %wq: tensor<32x16xf32>,
                     %wk: tensor<32x16xf32>, %wv: tensor<32x16xf32>) -> tensor<17x16xf32> {
  %q = mlt.matmul %x, %wq : tensor<17x32xf32>, tensor<32x16xf32> -> tensor<17x16xf32>
  %k = mlt.matmul %x, %wk : tensor<17x32xf32>, tensor<32x16xf32> -> tensor<17x16xf32>
  %v = mlt.matmul %x, %wv : tensor<17x32xf32>, tensor<32x16xf32> -> tensor<17x16xf32>
  %kt = mlt.transpose %k perm = [1, 0] : tensor<17x16xf32> -> tensor<16x17xf32>
  %s = mlt.matmul %q, %kt : tensor<17x16xf32>, tensor<16x17xf32> -> tensor<17x17xf32>
  %scale = mlt.constant dense<0.25> : tensor<f32>
  %ss = mlt.mul %s, %scale : tensor<17x17xf32>, tensor<f32> -> tensor<17x17xf32>
  %p = mlt.softmax %ss axis = -1 : tensor<17x17xf32>
  %o = mlt.matmul %p, %v : tensor<17x17xf32>, tensor<17x16xf32> -> tensor<17x16xf32>
  return %o : tensor<17x16xf32>
}
