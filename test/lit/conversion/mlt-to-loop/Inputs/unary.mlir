// Transcendental and conversion ops lowered by --lower-to-loops in
// e2e-unary.test.
func.func @u(%x: tensor<3x5xf32>, %w: tensor<5x7xf32>)
    -> (tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>,
        tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>,
        tensor<3x5xf32>, tensor<3x7xf32>, tensor<3x5xf32>) {
  %one = mlt.constant dense<1.0> : tensor<f32>
  %sq = mlt.mul %x, %x : tensor<3x5xf32>, tensor<3x5xf32> -> tensor<3x5xf32>
  %p = mlt.add %sq, %one : tensor<3x5xf32>, tensor<f32> -> tensor<3x5xf32>
  %s = mlt.sigmoid %x : tensor<3x5xf32>
  %t = mlt.tanh %x : tensor<3x5xf32>
  %g = mlt.gelu %x : tensor<3x5xf32>
  %e = mlt.exp %x : tensor<3x5xf32>
  %l = mlt.log %p : tensor<3x5xf32>
  %r = mlt.sqrt %p : tensor<3x5xf32>
  %rs = mlt.rsqrt %p : tensor<3x5xf32>
  %pw = mlt.pow %p, %x : tensor<3x5xf32>, tensor<3x5xf32> -> tensor<3x5xf32>
  %d = mlt.div %x, %p : tensor<3x5xf32>, tensor<3x5xf32> -> tensor<3x5xf32>
  %xi = mlt.cast %x : tensor<3x5xf32> -> tensor<3x5xi8>
  %wi = mlt.cast %w : tensor<5x7xf32> -> tensor<5x7xi8>
  %mi = mlt.matmul %xi, %wi : tensor<3x5xi8>, tensor<5x7xi8> -> tensor<3x7xi32>
  %mf = mlt.cast %mi : tensor<3x7xi32> -> tensor<3x7xf32>
  %big = mlt.constant dense<1.0e10> : tensor<f32>
  %h = mlt.mul %x, %big : tensor<3x5xf32>, tensor<f32> -> tensor<3x5xf32>
  %hs = mlt.cast %h : tensor<3x5xf32> -> tensor<3x5xi32>
  %hf = mlt.cast %hs : tensor<3x5xi32> -> tensor<3x5xf32>
  return %s, %t, %g, %e, %l, %r, %rs, %pw, %d, %mf, %hf
      : tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>,
        tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>,
        tensor<3x5xf32>, tensor<3x7xf32>, tensor<3x5xf32>
}
