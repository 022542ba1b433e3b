// The f64 functions of check-ops.test, apart from ops.mlir because f64 math
// lowers to libm's double functions `exp`, `log`, `tanh`, `erf`: in one
// module with ops.mlir's functions of those names, --lower-to-llvm's
// convert-math-to-libm would call the user's function instead (it reuses
// any symbol of the libm name). Shapes include 1, primes and 37.
// Every float op family on f64 (--approximate-math leaves f64 to libm).
//--- f64.mlir
func.func @f64(%a: tensor<19x37xf64>, %b: tensor<37xf64>, %w: tensor<37x5xf64>, %x: tensor<1x1x5x7xf64>, %f: tensor<3x1x3x3xf64>)
    -> (tensor<19x37xf64>, tensor<19x37xf64>, tensor<19x37xf64>, tensor<19x5xf64>, tensor<19x37xf64>, tensor<1x37xf64>,
        tensor<19x37xf32>, tensor<19x37xi32>, tensor<1x3x5x7xf64>, tensor<1x1x2x3xf64>, tensor<19x37xf64>) {
  %0 = mlt.div %a, %b : tensor<19x37xf64>, tensor<37xf64> -> tensor<19x37xf64>
  %e = mlt.exp %a : tensor<19x37xf64>
  %l = mlt.log %e : tensor<19x37xf64>
  %t = mlt.tanh %l : tensor<19x37xf64>
  %s = mlt.sigmoid %t : tensor<19x37xf64>
  %1 = mlt.gelu %s : tensor<19x37xf64>
  %r = mlt.erf %a : tensor<19x37xf64>
  %q = mlt.sqrt %e : tensor<19x37xf64>
  %p = mlt.pow %q, %b : tensor<19x37xf64>, tensor<37xf64> -> tensor<19x37xf64>
  %2 = mlt.leaky_relu %p alpha = 0.1 : tensor<19x37xf64>
  %3 = mlt.matmul %a, %w : tensor<19x37xf64>, tensor<37x5xf64> -> tensor<19x5xf64>
  %4 = mlt.softmax %a axis = 1 : tensor<19x37xf64>
  %5 = mlt.reduce mean %a axes = [0] keepdims : tensor<19x37xf64> -> tensor<1x37xf64>
  %6 = mlt.cast %a : tensor<19x37xf64> -> tensor<19x37xf32>
  %big = mlt.constant dense<1.0e10> : tensor<19x37xf64>
  %m = mlt.mul %a, %big : tensor<19x37xf64>, tensor<19x37xf64> -> tensor<19x37xf64>
  %7 = mlt.cast %m : tensor<19x37xf64> -> tensor<19x37xi32>
  %8 = mlt.conv2d %x, %f layout = nchw strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
         : tensor<1x1x5x7xf64>, tensor<3x1x3x3xf64> -> tensor<1x3x5x7xf64>
  %9 = mlt.pool2d avg %x layout = nchw kernel = [2, 2] strides = [2, 2] padding = [0, 0, 0, 0] : tensor<1x1x5x7xf64> -> tensor<1x1x2x3xf64>
  %c = mlt.clamp %r min = -0.5 max = 0.25 : tensor<19x37xf64>
  %10 = mlt.max %c, %a : tensor<19x37xf64>, tensor<19x37xf64> -> tensor<19x37xf64>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10
      : tensor<19x37xf64>, tensor<19x37xf64>, tensor<19x37xf64>, tensor<19x5xf64>, tensor<19x37xf64>, tensor<1x37xf64>,
        tensor<19x37xf32>, tensor<19x37xi32>, tensor<1x3x5x7xf64>, tensor<1x1x2x3xf64>, tensor<19x37xf64>
}
//--- f64_cast.mlir
// f64 -> bf16 and f64 -> f16 round once: the constants sit just off a
// bf16 / f16 halfway point by less than an f32 ulp (rounding through f32
// would land on the tie and round it to even, the wrong way).
func.func @f64_cast(%x: tensor<1xf32>, %h: tensor<13xf16>, %i: tensor<37xi64>, %d: tensor<37xf64>, %g: tensor<5xbf16>)
    -> (tensor<1xf64>, tensor<13xf64>, tensor<37xf64>, tensor<37xf16>, tensor<37xbf16>, tensor<37xi8>, tensor<4xbf16>, tensor<5xf64>, tensor<2xf16>) {
  %0 = mlt.cast %x : tensor<1xf32> -> tensor<1xf64>
  %1 = mlt.cast %h : tensor<13xf16> -> tensor<13xf64>
  %2 = mlt.cast %i : tensor<37xi64> -> tensor<37xf64>
  %3 = mlt.cast %d : tensor<37xf64> -> tensor<37xf16>
  %4 = mlt.cast %d : tensor<37xf64> -> tensor<37xbf16>
  %s = mlt.constant dense<100.0> : tensor<37xf64>
  %m = mlt.mul %d, %s : tensor<37xf64>, tensor<37xf64> -> tensor<37xf64>
  %5 = mlt.cast %m : tensor<37xf64> -> tensor<37xi8>
  %t = mlt.constant dense<[1.0039062509313226, 1.0117187490686774, -1.0039062509313226, 3.0e+38]> : tensor<4xf64>
  %6 = mlt.cast %t : tensor<4xf64> -> tensor<4xbf16>
  %7 = mlt.cast %g : tensor<5xbf16> -> tensor<5xf64>
  %h2 = mlt.constant dense<[1.0004882812509095, 1.0014648437490905]> : tensor<2xf64>
  %8 = mlt.cast %h2 : tensor<2xf64> -> tensor<2xf16>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<1xf64>, tensor<13xf64>, tensor<37xf64>, tensor<37xf16>, tensor<37xbf16>, tensor<37xi8>, tensor<4xbf16>, tensor<5xf64>, tensor<2xf16>
}
