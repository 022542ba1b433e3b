// Functions for check-fuse.test, one per split-file part, with shapes of
// 1, primes and sizes that are not multiples of any tile.
//--- epilogue.mlir
func.func @epilogue(%x: tensor<33x127xf32>, %w: tensor<127x7xf32>, %b: tensor<7xf32>) -> tensor<33x7xf32> {
  %h = mlt.matmul %x, %w : tensor<33x127xf32>, tensor<127x7xf32> -> tensor<33x7xf32>
  %hb = mlt.add %h, %b : tensor<33x7xf32>, tensor<7xf32> -> tensor<33x7xf32>
  %y = mlt.gelu %hb : tensor<33x7xf32>
  return %y : tensor<33x7xf32>
}
//--- epilogue_1.mlir
func.func @epilogue_1(%x: tensor<1x1xf32>, %w: tensor<1x1000xf32>, %b: tensor<1xf32>) -> tensor<1x1000xf32> {
  %h = mlt.matmul %x, %w : tensor<1x1xf32>, tensor<1x1000xf32> -> tensor<1x1000xf32>
  %hb = mlt.add %h, %b : tensor<1x1000xf32>, tensor<1xf32> -> tensor<1x1000xf32>
  %y = mlt.relu %hb : tensor<1x1000xf32>
  return %y : tensor<1x1000xf32>
}
//--- batch_residual.mlir
func.func @batch_residual(%a: tensor<3x7x5xf32>, %b: tensor<3x5x7xf32>, %r: tensor<3x7x7xf32>) -> (tensor<3x7x7xf32>, tensor<3x7x7xf32>) {
  %m = mlt.batch_matmul %a, %b : tensor<3x7x5xf32>, tensor<3x5x7xf32> -> tensor<3x7x7xf32>
  %s = mlt.add %m, %r : tensor<3x7x7xf32>, tensor<3x7x7xf32> -> tensor<3x7x7xf32>
  %t = mlt.tanh %s : tensor<3x7x7xf32>
  return %t, %s : tensor<3x7x7xf32>, tensor<3x7x7xf32>
}
//--- chain.mlir
func.func @chain(%x: tensor<127x33xf32>, %a: tensor<33xf32>, %b: tensor<127x1xf32>) -> tensor<127x33xf32> {
  %half = mlt.constant dense<0.5> : tensor<f32>
  %m = mlt.mul %x, %a : tensor<127x33xf32>, tensor<33xf32> -> tensor<127x33xf32>
  %s = mlt.add %m, %b : tensor<127x33xf32>, tensor<127x1xf32> -> tensor<127x33xf32>
  %g = mlt.gelu %s : tensor<127x33xf32>
  %h = mlt.mul %g, %half : tensor<127x33xf32>, tensor<f32> -> tensor<127x33xf32>
  %c = mlt.clamp %h min = -0.25 max = 0.25 : tensor<127x33xf32>
  return %c : tensor<127x33xf32>
}
//--- cast_chain.mlir
func.func @cast_chain(%x: tensor<7x7xf16>, %y: tensor<7x7xf32>) -> tensor<7x7xf32> {
  %e = mlt.cast %x : tensor<7x7xf16> -> tensor<7x7xf32>
  %s = mlt.sub %e, %y : tensor<7x7xf32>, tensor<7x7xf32> -> tensor<7x7xf32>
  %a = mlt.abs %s : tensor<7x7xf32>
  %q = mlt.sqrt %a : tensor<7x7xf32>
  return %q : tensor<7x7xf32>
}
//--- erf_gelu.mlir
// GELU as ONNX exports it (Div, Erf, Add, Mul, Mul), then a LeakyRelu: all
// elementwise, so the whole chain is the matmul's epilogue.
func.func @erf_gelu(%x: tensor<33x127xf32>, %w: tensor<127x7xf32>, %b: tensor<7xf32>) -> tensor<33x7xf32> {
  %r2 = mlt.constant dense<1.41421354> : tensor<f32>
  %one = mlt.constant dense<1.0> : tensor<f32>
  %half = mlt.constant dense<0.5> : tensor<f32>
  %h = mlt.matmul %x, %w : tensor<33x127xf32>, tensor<127x7xf32> -> tensor<33x7xf32>
  %hb = mlt.add %h, %b : tensor<33x7xf32>, tensor<7xf32> -> tensor<33x7xf32>
  %s = mlt.div %hb, %r2 : tensor<33x7xf32>, tensor<f32> -> tensor<33x7xf32>
  %e = mlt.erf %s : tensor<33x7xf32>
  %e1 = mlt.add %e, %one : tensor<33x7xf32>, tensor<f32> -> tensor<33x7xf32>
  %g = mlt.mul %hb, %e1 : tensor<33x7xf32>, tensor<33x7xf32> -> tensor<33x7xf32>
  %g2 = mlt.mul %g, %half : tensor<33x7xf32>, tensor<f32> -> tensor<33x7xf32>
  %y = mlt.leaky_relu %g2 alpha = 0.1 : tensor<33x7xf32>
  return %y : tensor<33x7xf32>
}
//--- softmax_rows.mlir
func.func @softmax_rows(%x: tensor<33x1000xf32>) -> tensor<33x1000xf32> {
  %m = mlt.reduce max %x axes = [1] keepdims : tensor<33x1000xf32> -> tensor<33x1xf32>
  %d = mlt.sub %x, %m : tensor<33x1000xf32>, tensor<33x1xf32> -> tensor<33x1000xf32>
  %e = mlt.exp %d : tensor<33x1000xf32>
  %s = mlt.reduce sum %e axes = [1] keepdims : tensor<33x1000xf32> -> tensor<33x1xf32>
  %y = mlt.div %e, %s : tensor<33x1000xf32>, tensor<33x1xf32> -> tensor<33x1000xf32>
  return %y : tensor<33x1000xf32>
}
//--- softmax_cols.mlir
func.func @softmax_cols(%x: tensor<7x1x127xf32>) -> tensor<7x1x127xf32> {
  %m = mlt.reduce max %x axes = [0] keepdims : tensor<7x1x127xf32> -> tensor<1x1x127xf32>
  %d = mlt.sub %x, %m : tensor<7x1x127xf32>, tensor<1x1x127xf32> -> tensor<7x1x127xf32>
  %e = mlt.exp %d : tensor<7x1x127xf32>
  %s = mlt.reduce sum %e axes = [0] keepdims : tensor<7x1x127xf32> -> tensor<1x1x127xf32>
  %y = mlt.div %e, %s : tensor<7x1x127xf32>, tensor<1x1x127xf32> -> tensor<7x1x127xf32>
  return %y : tensor<7x1x127xf32>
}
//--- mean_relu.mlir
func.func @mean_relu(%x: tensor<127x33xf32>, %a: tensor<33xf32>) -> tensor<33xf32> {
  %h = mlt.mul %x, %a : tensor<127x33xf32>, tensor<33xf32> -> tensor<127x33xf32>
  %r = mlt.relu %h : tensor<127x33xf32>
  %m = mlt.reduce mean %r axes = [0] : tensor<127x33xf32> -> tensor<33xf32>
  return %m : tensor<33xf32>
}
//--- where.mlir
// ONNX's Where(Greater(x, t), x, 0) as one group: the compare's i1 stays
// in registers, so at -O2 the f32 loop vectorizes.
func.func @where(%x: tensor<19x37xf32>, %t: tensor<37xf32>) -> tensor<19x37xf32> {
  %zero = mlt.constant dense<0.0> : tensor<f32>
  %c = mlt.cmp gt %x, %t : tensor<19x37xf32>, tensor<37xf32> -> tensor<19x37xi1>
  %s = mlt.select %c, %x, %zero : tensor<19x37xi1>, tensor<19x37xf32>, tensor<f32> -> tensor<19x37xf32>
  return %s : tensor<19x37xf32>
}
//--- mask.mlir
// A mask (Less, Not, And, Or) as one group writing i1 (kept scalar by
// --vectorize, which refuses i1 memrefs).
func.func @mask(%x: tensor<19x37xi32>, %t: tensor<19x1xi32>, %m: tensor<19x37xi1>, %k: tensor<37xi1>) -> tensor<19x37xi1> {
  %c = mlt.cmp lt %x, %t : tensor<19x37xi32>, tensor<19x1xi32> -> tensor<19x37xi1>
  %n = mlt.not %c : tensor<19x37xi1>
  %a = mlt.and %n, %m : tensor<19x37xi1>, tensor<19x37xi1> -> tensor<19x37xi1>
  %o = mlt.or %a, %k : tensor<19x37xi1>, tensor<37xi1> -> tensor<19x37xi1>
  return %o : tensor<19x37xi1>
}
//--- masked_sum.mlir
// A masked row sum: compare and select fuse into the reduce's input.
func.func @masked_sum(%x: tensor<19x37xf32>, %lo: tensor<19x1xf32>) -> tensor<19xf32> {
  %zero = mlt.constant dense<0.0> : tensor<f32>
  %c = mlt.cmp ge %x, %lo : tensor<19x37xf32>, tensor<19x1xf32> -> tensor<19x37xi1>
  %s = mlt.select %c, %x, %zero : tensor<19x37xi1>, tensor<19x37xf32>, tensor<f32> -> tensor<19x37xf32>
  %r = mlt.reduce sum %s axes = [1] : tensor<19x37xf32> -> tensor<19xf32>
  return %r : tensor<19xf32>
}
//--- quant_layer.mlir
// An int8 layer: quantize the input (a group of its own: the matmul reads
// it from memory), then the i8 matmul with dequantize, bias, relu and a
// requantize as its epilogue.
func.func @quant_layer(%x: tensor<7x13xf32>, %w: tensor<13x19xi8>, %b: tensor<19xf32>) -> tensor<7x19xi8> {
  %q = mlt.quantize %x {scale = 0.0078125 : f32, zero_point = 0 : i32} : tensor<7x13xf32> -> tensor<7x13xi8>
  %acc = mlt.matmul %q, %w : tensor<7x13xi8>, tensor<13x19xi8> -> tensor<7x19xi32>
  %y = mlt.dequantize %acc {scale = 0.00031 : f32, zero_point = 0 : i32} : tensor<7x19xi32> -> tensor<7x19xf32>
  %h = mlt.add %y, %b : tensor<7x19xf32>, tensor<19xf32> -> tensor<7x19xf32>
  %r = mlt.relu %h : tensor<7x19xf32>
  %o = mlt.quantize %r {scale = 0.01 : f32, zero_point = -128 : i32} : tensor<7x19xf32> -> tensor<7x19xi8>
  return %o : tensor<7x19xi8>
}
//--- fake_quant.mlir
// Fake quantization (quantize, dequantize) and its error, one group.
func.func @fake_quant(%x: tensor<19x37xf32>) -> (tensor<19x37xf32>, tensor<19x37xf32>) {
  %q = mlt.quantize %x {scale = 0.0123 : f32, zero_point = 5 : i32} : tensor<19x37xf32> -> tensor<19x37xi8>
  %y = mlt.dequantize %q {scale = 0.0123 : f32, zero_point = 5 : i32} : tensor<19x37xi8> -> tensor<19x37xf32>
  %e = mlt.sub %x, %y : tensor<19x37xf32>, tensor<19x37xf32> -> tensor<19x37xf32>
  return %y, %e : tensor<19x37xf32>, tensor<19x37xf32>
}
