// Kernels for accel.test on f16 targets (the product is rounded from
// the f32 accumulator on the host).

func.func @mm_f16(%a: tensor<20x33xf16>, %b: tensor<33x7xf16>) -> tensor<20x7xf16> {
  %c = mlt.matmul %a, %b : tensor<20x33xf16>, tensor<33x7xf16> -> tensor<20x7xf16>
  return %c : tensor<20x7xf16>
}
