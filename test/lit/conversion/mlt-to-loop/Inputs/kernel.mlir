// mlt ops lowered by --lower-to-loops in e2e.test, then run and checked
// against NumPy by check_e2e.py (which mirrors these formulas).
func.func @kernel(%x: tensor<3x5xf32>, %w: tensor<5x7xf32>, %b: tensor<7xf32>,
                  %p: tensor<2x3x5xf32>, %q: tensor<2x5x1xf32>)
    -> (tensor<3x7xf32>, tensor<5x3xf32>, tensor<15xf32>, tensor<2x3x1xf32>,
        tensor<3x7xf32>, tensor<3x5xf32>) {
  %h = mlt.matmul %x, %w : tensor<3x5xf32>, tensor<5x7xf32> -> tensor<3x7xf32>
  %hb = mlt.add %h, %b : tensor<3x7xf32>, tensor<7xf32> -> tensor<3x7xf32>
  %r = mlt.relu %hb : tensor<3x7xf32>
  %t = mlt.transpose %x perm = [1, 0] : tensor<3x5xf32> -> tensor<5x3xf32>
  %f = mlt.reshape %x : tensor<3x5xf32> -> tensor<15xf32>
  %bm = mlt.batch_matmul %p, %q : tensor<2x3x5xf32>, tensor<2x5x1xf32> -> tensor<2x3x1xf32>
  %bb = mlt.broadcast %b : tensor<7xf32> -> tensor<3x7xf32>
  %n = mlt.neg %x : tensor<3x5xf32>
  %a = mlt.abs %n : tensor<3x5xf32>
  %m = mlt.mul %a, %x : tensor<3x5xf32>, tensor<3x5xf32> -> tensor<3x5xf32>
  %s = mlt.sub %m, %x : tensor<3x5xf32>, tensor<3x5xf32> -> tensor<3x5xf32>
  %c = mlt.clamp %s min = -4.0 max = 9.0 : tensor<3x5xf32>
  %mx = mlt.max %c, %x : tensor<3x5xf32>, tensor<3x5xf32> -> tensor<3x5xf32>
  %mn = mlt.min %mx, %a : tensor<3x5xf32>, tensor<3x5xf32> -> tensor<3x5xf32>
  return %r, %t, %f, %bm, %bb, %mn
      : tensor<3x7xf32>, tensor<5x3xf32>, tensor<15xf32>, tensor<2x3x1xf32>,
        tensor<3x7xf32>, tensor<3x5xf32>
}
