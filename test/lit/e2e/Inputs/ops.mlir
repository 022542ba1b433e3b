// One function per mlt op (and variant) for check-ops.test, each in its own
// split-file part so ml-run compiles only that function: each is run by
// `ml-run --check --random-inputs` and compared with the C reference.
// Shapes include 1, odd and prime sizes.

// Contractions.
//--- matmul.mlir
func.func @matmul(%a: tensor<7x13xf32>, %b: tensor<13x5xf32>) -> tensor<7x5xf32> {
  %0 = mlt.matmul %a, %b : tensor<7x13xf32>, tensor<13x5xf32> -> tensor<7x5xf32>
  return %0 : tensor<7x5xf32>
}
//--- matmul_1.mlir
func.func @matmul_1(%a: tensor<1x1xf32>, %b: tensor<1x1xf32>) -> tensor<1x1xf32> {
  %0 = mlt.matmul %a, %b : tensor<1x1xf32>, tensor<1x1xf32> -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}
//--- matmul_k257.mlir
func.func @matmul_k257(%a: tensor<1x257xf32>, %b: tensor<257x3xf32>) -> tensor<1x3xf32> {
  %0 = mlt.matmul %a, %b : tensor<1x257xf32>, tensor<257x3xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}
//--- matmul_i8.mlir
func.func @matmul_i8(%a: tensor<5x11xi8>, %b: tensor<11x3xi8>) -> tensor<5x3xi32> {
  %0 = mlt.matmul %a, %b : tensor<5x11xi8>, tensor<11x3xi8> -> tensor<5x3xi32>
  return %0 : tensor<5x3xi32>
}
//--- matmul_f16.mlir
func.func @matmul_f16(%a: tensor<3x7xf16>, %b: tensor<7x2xf16>) -> tensor<3x2xf16> {
  %0 = mlt.matmul %a, %b : tensor<3x7xf16>, tensor<7x2xf16> -> tensor<3x2xf16>
  return %0 : tensor<3x2xf16>
}
//--- batch_matmul.mlir
func.func @batch_matmul(%a: tensor<3x5x7xf32>, %b: tensor<3x7x2xf32>) -> tensor<3x5x2xf32> {
  %0 = mlt.batch_matmul %a, %b : tensor<3x5x7xf32>, tensor<3x7x2xf32> -> tensor<3x5x2xf32>
  return %0 : tensor<3x5x2xf32>
}
//--- conv2d_nchw.mlir
func.func @conv2d_nchw(%x: tensor<1x4x11x13xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<1x6x6x5xf32> {
  %0 = mlt.conv2d %x, %w layout = nchw strides = [2, 2] padding = [1, 1, 1, 0]
         dilations = [1, 2] groups = 2
         : tensor<1x4x11x13xf32>, tensor<6x2x3x3xf32> -> tensor<1x6x6x5xf32>
  return %0 : tensor<1x6x6x5xf32>
}
//--- conv2d_nhwc.mlir
func.func @conv2d_nhwc(%x: tensor<2x7x5x3xf32>, %w: tensor<3x2x3x5xf32>) -> tensor<2x7x5x5xf32> {
  %0 = mlt.conv2d %x, %w layout = nhwc strides = [1, 1] padding = [1, 0, 1, 1]
         dilations = [1, 1] groups = 1
         : tensor<2x7x5x3xf32>, tensor<3x2x3x5xf32> -> tensor<2x7x5x5xf32>
  return %0 : tensor<2x7x5x5xf32>
}

// Elementwise binary ops with NumPy broadcasting.
//--- add.mlir
func.func @add(%a: tensor<7x13xf32>, %b: tensor<13xf32>) -> tensor<7x13xf32> {
  %0 = mlt.add %a, %b : tensor<7x13xf32>, tensor<13xf32> -> tensor<7x13xf32>
  return %0 : tensor<7x13xf32>
}
//--- sub.mlir
func.func @sub(%a: tensor<1x13xf32>, %b: tensor<7x1xf32>) -> tensor<7x13xf32> {
  %0 = mlt.sub %a, %b : tensor<1x13xf32>, tensor<7x1xf32> -> tensor<7x13xf32>
  return %0 : tensor<7x13xf32>
}
//--- mul.mlir
func.func @mul(%a: tensor<3x1x5xf32>, %b: tensor<2x5xf32>) -> tensor<3x2x5xf32> {
  %0 = mlt.mul %a, %b : tensor<3x1x5xf32>, tensor<2x5xf32> -> tensor<3x2x5xf32>
  return %0 : tensor<3x2x5xf32>
}
//--- div.mlir
func.func @div(%a: tensor<5x3xf32>, %b: tensor<5x3xf32>) -> tensor<5x3xf32> {
  %0 = mlt.div %a, %b : tensor<5x3xf32>, tensor<5x3xf32> -> tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}
//--- max.mlir
func.func @max(%a: tensor<11xf32>, %b: tensor<1xf32>) -> tensor<11xf32> {
  %0 = mlt.max %a, %b : tensor<11xf32>, tensor<1xf32> -> tensor<11xf32>
  return %0 : tensor<11xf32>
}
//--- min.mlir
func.func @min(%a: tensor<2x3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
  %0 = mlt.min %a, %b : tensor<2x3xf32>, tensor<f32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
//--- pow.mlir
func.func @pow(%a: tensor<13xf32>, %b: tensor<13xf32>) -> tensor<13xf32> {
  %pos = mlt.abs %a : tensor<13xf32>
  %0 = mlt.pow %pos, %b : tensor<13xf32>, tensor<13xf32> -> tensor<13xf32>
  return %0 : tensor<13xf32>
}
//--- int_ops.mlir
func.func @int_ops(%a: tensor<7x3xi32>, %b: tensor<3xi32>) -> (tensor<7x3xi32>, tensor<7x3xi32>, tensor<7x3xi32>, tensor<7x3xi32>) {
  %0 = mlt.add %a, %b : tensor<7x3xi32>, tensor<3xi32> -> tensor<7x3xi32>
  %1 = mlt.mul %a, %b : tensor<7x3xi32>, tensor<3xi32> -> tensor<7x3xi32>
  %2 = mlt.div %a, %b : tensor<7x3xi32>, tensor<3xi32> -> tensor<7x3xi32>
  %3 = mlt.max %a, %b : tensor<7x3xi32>, tensor<3xi32> -> tensor<7x3xi32>
  return %0, %1, %2, %3 : tensor<7x3xi32>, tensor<7x3xi32>, tensor<7x3xi32>, tensor<7x3xi32>
}
//--- i64_sub.mlir
func.func @i64_sub(%a: tensor<5xi64>, %b: tensor<5xi64>) -> tensor<5xi64> {
  %0 = mlt.sub %a, %b : tensor<5xi64>, tensor<5xi64> -> tensor<5xi64>
  return %0 : tensor<5xi64>
}
//--- f16_add.mlir
func.func @f16_add(%a: tensor<3x5xf16>, %b: tensor<5xf16>) -> tensor<3x5xf16> {
  %0 = mlt.add %a, %b : tensor<3x5xf16>, tensor<5xf16> -> tensor<3x5xf16>
  return %0 : tensor<3x5xf16>
}

// Elementwise unary ops (log, sqrt and rsqrt of |x| to stay real).
//--- relu.mlir
func.func @relu(%x: tensor<7x13xf32>) -> tensor<7x13xf32> {
  %0 = mlt.relu %x : tensor<7x13xf32>
  return %0 : tensor<7x13xf32>
}
//--- sigmoid.mlir
func.func @sigmoid(%x: tensor<17xf32>) -> tensor<17xf32> {
  %0 = mlt.sigmoid %x : tensor<17xf32>
  return %0 : tensor<17xf32>
}
//--- tanh.mlir
func.func @tanh(%x: tensor<1x19xf32>) -> tensor<1x19xf32> {
  %0 = mlt.tanh %x : tensor<1x19xf32>
  return %0 : tensor<1x19xf32>
}
//--- gelu.mlir
func.func @gelu(%x: tensor<23xf32>) -> tensor<23xf32> {
  %0 = mlt.gelu %x : tensor<23xf32>
  return %0 : tensor<23xf32>
}
//--- exp.mlir
func.func @exp(%x: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = mlt.exp %x : tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}
//--- log.mlir
func.func @log(%x: tensor<29xf32>) -> tensor<29xf32> {
  %a = mlt.abs %x : tensor<29xf32>
  %0 = mlt.log %a : tensor<29xf32>
  return %0 : tensor<29xf32>
}
//--- sqrt.mlir
func.func @sqrt(%x: tensor<31xf32>) -> tensor<31xf32> {
  %a = mlt.abs %x : tensor<31xf32>
  %0 = mlt.sqrt %a : tensor<31xf32>
  return %0 : tensor<31xf32>
}
//--- rsqrt.mlir
func.func @rsqrt(%x: tensor<37xf32>) -> tensor<37xf32> {
  %a = mlt.abs %x : tensor<37xf32>
  %0 = mlt.rsqrt %a : tensor<37xf32>
  return %0 : tensor<37xf32>
}
//--- neg.mlir
func.func @neg(%x: tensor<5x1xf32>, %i: tensor<7xi8>) -> (tensor<5x1xf32>, tensor<7xi8>) {
  %0 = mlt.neg %x : tensor<5x1xf32>
  %1 = mlt.neg %i : tensor<7xi8>
  return %0, %1 : tensor<5x1xf32>, tensor<7xi8>
}
//--- abs.mlir
func.func @abs(%x: tensor<41xf32>, %i: tensor<3xi32>) -> (tensor<41xf32>, tensor<3xi32>) {
  %0 = mlt.abs %x : tensor<41xf32>
  %1 = mlt.abs %i : tensor<3xi32>
  return %0, %1 : tensor<41xf32>, tensor<3xi32>
}
//--- f16_tanh.mlir
func.func @f16_tanh(%x: tensor<11xf16>) -> tensor<11xf16> {
  %0 = mlt.tanh %x : tensor<11xf16>
  return %0 : tensor<11xf16>
}
//--- erf.mlir
func.func @erf(%x: tensor<3x37xf32>, %h: tensor<11xf16>) -> (tensor<3x37xf32>, tensor<11xf16>) {
  %0 = mlt.erf %x : tensor<3x37xf32>
  %1 = mlt.erf %h : tensor<11xf16>
  return %0, %1 : tensor<3x37xf32>, tensor<11xf16>
}
//--- leaky_relu.mlir
// The second result is a matmul epilogue under --fuse (as relu).
func.func @leaky_relu(%x: tensor<7x33xf32>, %h: tensor<13xf16>, %a: tensor<5x3xf32>, %w: tensor<3x1xf32>)
    -> (tensor<7x33xf32>, tensor<13xf16>, tensor<5x1xf32>) {
  %0 = mlt.leaky_relu %x alpha = 0.01 : tensor<7x33xf32>
  %1 = mlt.leaky_relu %h alpha = 0.3 : tensor<13xf16>
  %m = mlt.matmul %a, %w : tensor<5x3xf32>, tensor<3x1xf32> -> tensor<5x1xf32>
  %2 = mlt.leaky_relu %m alpha = -1.5 : tensor<5x1xf32>
  return %0, %1, %2 : tensor<7x33xf32>, tensor<13xf16>, tensor<5x1xf32>
}
//--- clamp.mlir
func.func @clamp(%x: tensor<7x5xf32>, %i: tensor<9xi32>) -> (tensor<7x5xf32>, tensor<9xi32>) {
  %0 = mlt.clamp %x min = -0.25 max = 0.5 : tensor<7x5xf32>
  %1 = mlt.clamp %i min = -3.0 max = 2.0 : tensor<9xi32>
  return %0, %1 : tensor<7x5xf32>, tensor<9xi32>
}
//--- cast.mlir
func.func @cast(%x: tensor<3x5xf32>, %i: tensor<7xi32>, %h: tensor<2xf16>)
    -> (tensor<3x5xf16>, tensor<3x5xi32>, tensor<7xf32>, tensor<7xi8>, tensor<2xf32>) {
  %0 = mlt.cast %x : tensor<3x5xf32> -> tensor<3x5xf16>
  %big = mlt.constant dense<100.0> : tensor<3x5xf32>
  %s = mlt.mul %x, %big : tensor<3x5xf32>, tensor<3x5xf32> -> tensor<3x5xf32>
  %1 = mlt.cast %s : tensor<3x5xf32> -> tensor<3x5xi32>
  %2 = mlt.cast %i : tensor<7xi32> -> tensor<7xf32>
  %3 = mlt.cast %i : tensor<7xi32> -> tensor<7xi8>
  %4 = mlt.cast %h : tensor<2xf16> -> tensor<2xf32>
  return %0, %1, %2, %3, %4 : tensor<3x5xf16>, tensor<3x5xi32>, tensor<7xf32>, tensor<7xi8>, tensor<2xf32>
}
//--- quantize.mlir
// Random x in [-1, 1) over scale 0.0061 spans +-164 steps: both ends
// saturate. f16 and f64 inputs; a quantized matmul result (inexact, so
// --check allows one step) and its dequantization (one step = 0.02).
func.func @quantize(%x: tensor<7x33xf32>, %h: tensor<13xf16>, %d: tensor<5xf64>,
                    %a: tensor<5x3xf32>, %w: tensor<3x1xf32>)
    -> (tensor<7x33xi8>, tensor<13xi8>, tensor<5xi8>, tensor<5x1xi8>, tensor<5x1xf32>) {
  %0 = mlt.quantize %x {scale = 0.0061 : f32, zero_point = -7 : i32} : tensor<7x33xf32> -> tensor<7x33xi8>
  %1 = mlt.quantize %h {scale = 0.01 : f32, zero_point = 100 : i32} : tensor<13xf16> -> tensor<13xi8>
  %2 = mlt.quantize %d {scale = 0.003 : f32, zero_point = 0 : i32} : tensor<5xf64> -> tensor<5xi8>
  %m = mlt.matmul %a, %w : tensor<5x3xf32>, tensor<3x1xf32> -> tensor<5x1xf32>
  %3 = mlt.quantize %m {scale = 0.02 : f32, zero_point = 1 : i32} : tensor<5x1xf32> -> tensor<5x1xi8>
  %4 = mlt.dequantize %3 {scale = 0.02 : f32, zero_point = 1 : i32} : tensor<5x1xi8> -> tensor<5x1xf32>
  return %0, %1, %2, %3, %4 : tensor<7x33xi8>, tensor<13xi8>, tensor<5xi8>, tensor<5x1xi8>, tensor<5x1xf32>
}
//--- dequantize.mlir
// i8 with a negative zero point; i32 (an accumulator) with zero point 0
// and with one that takes the difference past i32's range of values.
func.func @dequantize(%q: tensor<7x33xi8>, %a: tensor<127xi32>)
    -> (tensor<7x33xf32>, tensor<127xf32>, tensor<127xf32>) {
  %0 = mlt.dequantize %q {scale = 0.013 : f32, zero_point = -5 : i32} : tensor<7x33xi8> -> tensor<7x33xf32>
  %1 = mlt.dequantize %a {scale = 0.0025 : f32, zero_point = 0 : i32} : tensor<127xi32> -> tensor<127xf32>
  %2 = mlt.dequantize %a {scale = 3.5 : f32, zero_point = 2147483647 : i32} : tensor<127xi32> -> tensor<127xf32>
  return %0, %1, %2 : tensor<7x33xf32>, tensor<127xf32>, tensor<127xf32>
}

// Reductions, softmax, pooling.
//--- softmax.mlir
func.func @softmax(%x: tensor<7x13xf32>, %y: tensor<3x1x5xf32>) -> (tensor<7x13xf32>, tensor<3x1x5xf32>) {
  %0 = mlt.softmax %x axis = -1 : tensor<7x13xf32>
  %1 = mlt.softmax %y axis = 0 : tensor<3x1x5xf32>
  return %0, %1 : tensor<7x13xf32>, tensor<3x1x5xf32>
}
//--- reduce.mlir
func.func @reduce(%x: tensor<3x7x5xf32>) -> (tensor<3x1x5xf32>, tensor<5xf32>, tensor<3x7xf32>, tensor<1x7x1xf32>, tensor<3x5xf32>) {
  %0 = mlt.reduce sum %x axes = [1] keepdims : tensor<3x7x5xf32> -> tensor<3x1x5xf32>
  %1 = mlt.reduce max %x axes = [0, 1] : tensor<3x7x5xf32> -> tensor<5xf32>
  %2 = mlt.reduce min %x axes = [-1] : tensor<3x7x5xf32> -> tensor<3x7xf32>
  %3 = mlt.reduce mean %x axes = [0, 2] keepdims : tensor<3x7x5xf32> -> tensor<1x7x1xf32>
  %4 = mlt.reduce prod %x axes = [1] : tensor<3x7x5xf32> -> tensor<3x5xf32>
  return %0, %1, %2, %3, %4 : tensor<3x1x5xf32>, tensor<5xf32>, tensor<3x7xf32>, tensor<1x7x1xf32>, tensor<3x5xf32>
}
//--- reduce_all.mlir
func.func @reduce_all(%x: tensor<1x13xf32>, %i: tensor<5x3xi32>) -> (tensor<f32>, tensor<3xi32>) {
  %0 = mlt.reduce sum %x axes = [0, 1] : tensor<1x13xf32> -> tensor<f32>
  %1 = mlt.reduce sum %i axes = [0] : tensor<5x3xi32> -> tensor<3xi32>
  return %0, %1 : tensor<f32>, tensor<3xi32>
}
//--- argmax.mlir
// Integer inputs in [-8, 8) tie often: first and last positions differ.
func.func @argmax(%x: tensor<7x13xf32>, %i: tensor<5x37xi32>)
    -> (tensor<7x1xi64>, tensor<13xi32>, tensor<1x37xi64>, tensor<5xi32>) {
  %0 = mlt.argmax %x axis = 1 keepdims : tensor<7x13xf32> -> tensor<7x1xi64>
  %1 = mlt.argmax %x axis = 0 : tensor<7x13xf32> -> tensor<13xi32>
  %2 = mlt.argmax %i axis = 0 keepdims select_last : tensor<5x37xi32> -> tensor<1x37xi64>
  %3 = mlt.argmax %i axis = -1 : tensor<5x37xi32> -> tensor<5xi32>
  return %0, %1, %2, %3 : tensor<7x1xi64>, tensor<13xi32>, tensor<1x37xi64>, tensor<5xi32>
}
//--- argmin.mlir
// Float ties (integers cast to f32) and NaNs (min with a constant holding
// NaN: row 0 has none, row 1 one, row 2 two): the first NaN wins, the last
// with select_last. Every op on the way is exact, so positions are too.
func.func @argmin(%x: tensor<3x7xf32>, %i: tensor<31x2xi32>)
    -> (tensor<3xi64>, tensor<3x1xi32>, tensor<3xi64>, tensor<1x2xi64>, tensor<2xi64>) {
  %c = mlt.constant dense<[[0x7F800000, 0x7F800000, 0x7F800000, 0x7F800000, 0x7F800000, 0x7F800000, 0x7F800000],
                           [0x7F800000, 0x7F800000, 0x7FC00000, 0x7F800000, 0x7F800000, 0x7F800000, 0x7F800000],
                           [0x7F800000, 0x7FC00000, 0x7F800000, 0x7F800000, 0x7F800000, 0x7FC00000, 0x7F800000]]> : tensor<3x7xf32>
  %m = mlt.min %x, %c : tensor<3x7xf32>, tensor<3x7xf32> -> tensor<3x7xf32>
  %0 = mlt.argmin %m axis = 1 : tensor<3x7xf32> -> tensor<3xi64>
  %1 = mlt.argmin %m axis = 1 keepdims select_last : tensor<3x7xf32> -> tensor<3x1xi32>
  %2 = mlt.argmax %m axis = -1 select_last : tensor<3x7xf32> -> tensor<3xi64>
  %f = mlt.cast %i : tensor<31x2xi32> -> tensor<31x2xf32>
  %3 = mlt.argmin %f axis = 0 keepdims : tensor<31x2xf32> -> tensor<1x2xi64>
  %4 = mlt.argmin %f axis = 0 select_last : tensor<31x2xf32> -> tensor<2xi64>
  return %0, %1, %2, %3, %4 : tensor<3xi64>, tensor<3x1xi32>, tensor<3xi64>, tensor<1x2xi64>, tensor<2xi64>
}
//--- pool2d.mlir
func.func @pool2d(%x: tensor<1x2x5x7xf32>, %h: tensor<2x7x5x3xf32>)
    -> (tensor<1x2x3x4xf32>, tensor<1x2x2x3xf32>, tensor<2x7x5x3xf32>) {
  %0 = mlt.pool2d avg %x layout = nchw kernel = [3, 3] strides = [2, 2] padding = [1, 1, 1, 1] : tensor<1x2x5x7xf32> -> tensor<1x2x3x4xf32>
  %1 = mlt.pool2d max %x layout = nchw kernel = [2, 2] strides = [2, 2] padding = [0, 0, 0, 0] : tensor<1x2x5x7xf32> -> tensor<1x2x2x3xf32>
  %2 = mlt.pool2d max %h layout = nhwc kernel = [3, 3] strides = [1, 1] padding = [1, 1, 1, 1] : tensor<2x7x5x3xf32> -> tensor<2x7x5x3xf32>
  return %0, %1, %2 : tensor<1x2x3x4xf32>, tensor<1x2x2x3xf32>, tensor<2x7x5x3xf32>
}

// Data movement.
//--- transpose.mlir
func.func @transpose(%x: tensor<2x3x5xf32>) -> tensor<5x2x3xf32> {
  %0 = mlt.transpose %x perm = [2, 0, 1] : tensor<2x3x5xf32> -> tensor<5x2x3xf32>
  return %0 : tensor<5x2x3xf32>
}
//--- reshape.mlir
func.func @reshape(%x: tensor<3x10xf32>) -> tensor<2x5x3xf32> {
  %0 = mlt.reshape %x : tensor<3x10xf32> -> tensor<2x5x3xf32>
  return %0 : tensor<2x5x3xf32>
}
//--- broadcast.mlir
func.func @broadcast(%x: tensor<7x1xf32>) -> tensor<3x7x11xf32> {
  %0 = mlt.broadcast %x : tensor<7x1xf32> -> tensor<3x7x11xf32>
  return %0 : tensor<3x7x11xf32>
}
//--- concat.mlir
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>, %c: tensor<2x5xf32>) -> tensor<2x9xf32> {
  %0 = mlt.concat %a, %b, %c axis = -1 : tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x5xf32> -> tensor<2x9xf32>
  return %0 : tensor<2x9xf32>
}
//--- slice.mlir
// Strided, reversed (negative strides), unit-stride, and empty (a 0 dim).
func.func @slice(%x: tensor<5x8xf32>, %y: tensor<1x37x3xi32>)
    -> (tensor<2x3xf32>, tensor<1x37x3xi32>, tensor<3x33xi32>, tensor<1x0x3xi32>) {
  %0 = mlt.slice %x offsets = [1, 7] strides = [2, -3] : tensor<5x8xf32> -> tensor<2x3xf32>
  %1 = mlt.slice %y offsets = [0, 36, 2] strides = [1, -1, -1] : tensor<1x37x3xi32> -> tensor<1x37x3xi32>
  %t = mlt.reshape %y : tensor<1x37x3xi32> -> tensor<3x37xi32>
  %2 = mlt.slice %t offsets = [0, 3] strides = [1, 1] : tensor<3x37xi32> -> tensor<3x33xi32>
  %3 = mlt.slice %y offsets = [0, 40, 0] strides = [1, 1, 1] : tensor<1x37x3xi32> -> tensor<1x0x3xi32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<1x37x3xi32>, tensor<3x33xi32>, tensor<1x0x3xi32>
}
//--- gather.mlir
// Indices in [-8, 8): negative ones count from the end, and those still
// outside the axis (|i| >= 5 on a dim of 5) are clamped into it.
func.func @gather(%x: tensor<5x33xf32>, %i: tensor<7xi64>, %j: tensor<2x3xi32>, %s: tensor<i64>)
    -> (tensor<7x33xf32>, tensor<5x2x3xf32>, tensor<33xf32>) {
  %0 = mlt.gather %x, %i axis = 0 : tensor<5x33xf32>, tensor<7xi64> -> tensor<7x33xf32>
  %1 = mlt.gather %x, %j axis = 1 : tensor<5x33xf32>, tensor<2x3xi32> -> tensor<5x2x3xf32>
  %2 = mlt.gather %x, %s axis = 0 : tensor<5x33xf32>, tensor<i64> -> tensor<33xf32>
  return %0, %1, %2 : tensor<7x33xf32>, tensor<5x2x3xf32>, tensor<33xf32>
}
//--- constant.mlir
func.func @constant(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<3xi32>) {
  %c = mlt.constant dense<[[1.5, -2.0, 0.25], [3.0, 4.0, -0.5]]> : tensor<2x3xf32>
  %0 = mlt.mul %x, %c : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = mlt.constant dense<7> : tensor<3xi32>
  return %0, %1 : tensor<2x3xf32>, tensor<3xi32>
}

// A fused group: matmul + bias + relu epilogue kept in registers, with the
// pre-activation as a second result.
//--- fused.mlir
func.func @fused(%x: tensor<3x5xf32>, %w: tensor<5x7xf32>, %b: tensor<7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  %r:2 = mlt.fused (%x, %w, %b) : (tensor<3x5xf32>, tensor<5x7xf32>, tensor<7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  ^bb0(%a: tensor<3x5xf32>, %m: tensor<5x7xf32>, %c: tensor<7xf32>):
    %h = mlt.matmul %a, %m : tensor<3x5xf32>, tensor<5x7xf32> -> tensor<3x7xf32>
    %hb = mlt.add %h, %c : tensor<3x7xf32>, tensor<7xf32> -> tensor<3x7xf32>
    %y = mlt.gelu %hb : tensor<3x7xf32>
    mlt.yield %y, %hb : tensor<3x7xf32>, tensor<3x7xf32>
  }
  return %r#0, %r#1 : tensor<3x7xf32>, tensor<3x7xf32>
}

// Booleans (i1): compares, selects, logic, casts and data movement. Outer
// dims above 8 and rows of 37 let -O2 parallelize and try to vectorize
// (i1 memrefs are refused by --vectorize; i1 in registers is fine).
//--- cmp.mlir
// Every predicate on a broadcast column against a row, and on integers in
// [-8, 8) (ties are common, so eq/le/ge matter).
func.func @cmp(%x: tensor<19x1xf32>, %y: tensor<37xf32>, %i: tensor<1x5x3xi32>, %j: tensor<3xi32>)
    -> (tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>,
        tensor<1x5x3xi1>, tensor<1x5x3xi1>, tensor<1x5x3xi1>, tensor<1x5x3xi1>, tensor<1x5x3xi1>, tensor<1x5x3xi1>) {
  %0 = mlt.cmp eq %x, %y : tensor<19x1xf32>, tensor<37xf32> -> tensor<19x37xi1>
  %1 = mlt.cmp ne %x, %y : tensor<19x1xf32>, tensor<37xf32> -> tensor<19x37xi1>
  %2 = mlt.cmp lt %x, %y : tensor<19x1xf32>, tensor<37xf32> -> tensor<19x37xi1>
  %3 = mlt.cmp le %x, %y : tensor<19x1xf32>, tensor<37xf32> -> tensor<19x37xi1>
  %4 = mlt.cmp gt %x, %y : tensor<19x1xf32>, tensor<37xf32> -> tensor<19x37xi1>
  %5 = mlt.cmp ge %x, %y : tensor<19x1xf32>, tensor<37xf32> -> tensor<19x37xi1>
  %6 = mlt.cmp eq %i, %j : tensor<1x5x3xi32>, tensor<3xi32> -> tensor<1x5x3xi1>
  %7 = mlt.cmp ne %i, %j : tensor<1x5x3xi32>, tensor<3xi32> -> tensor<1x5x3xi1>
  %8 = mlt.cmp lt %i, %j : tensor<1x5x3xi32>, tensor<3xi32> -> tensor<1x5x3xi1>
  %9 = mlt.cmp le %i, %j : tensor<1x5x3xi32>, tensor<3xi32> -> tensor<1x5x3xi1>
  %10 = mlt.cmp gt %i, %j : tensor<1x5x3xi32>, tensor<3xi32> -> tensor<1x5x3xi1>
  %11 = mlt.cmp ge %i, %j : tensor<1x5x3xi32>, tensor<3xi32> -> tensor<1x5x3xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11
      : tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>,
        tensor<1x5x3xi1>, tensor<1x5x3xi1>, tensor<1x5x3xi1>, tensor<1x5x3xi1>, tensor<1x5x3xi1>, tensor<1x5x3xi1>
}
//--- cmp_special.mlir
// NaN, -0, +0, +-inf and a denormal against each other (7x7): ordered
// predicates are false on NaN, ne is true; -0 == +0. Then f64, f16, bf16
// and i8 / i64 operands.
func.func @cmp_special(%d: tensor<13xf64>, %e: tensor<13xf64>, %h: tensor<11x1xf16>, %g: tensor<11xf16>,
                       %b: tensor<3x1xbf16>, %c: tensor<17xbf16>, %i: tensor<23xi8>, %k: tensor<1xi64>, %l: tensor<2x1xi64>)
    -> (tensor<7x7xi1>, tensor<7x7xi1>, tensor<7x7xi1>, tensor<7x7xi1>, tensor<7x7xi1>, tensor<7x7xi1>,
        tensor<13xi1>, tensor<11x11xi1>, tensor<3x17xi1>, tensor<23xi1>, tensor<2x1xi1>) {
  %col = mlt.constant dense<[[0x7FC00000], [0.0], [-0.0], [0x7F800000], [0xFF800000], [1.0e-45], [-2.5]]> : tensor<7x1xf32>
  %row = mlt.constant dense<[0x7FC00000, -0.0, 0.0, 0x7F800000, 0xFF800000, 1.0e-45, -2.5]> : tensor<7xf32>
  %0 = mlt.cmp eq %col, %row : tensor<7x1xf32>, tensor<7xf32> -> tensor<7x7xi1>
  %1 = mlt.cmp ne %col, %row : tensor<7x1xf32>, tensor<7xf32> -> tensor<7x7xi1>
  %2 = mlt.cmp lt %col, %row : tensor<7x1xf32>, tensor<7xf32> -> tensor<7x7xi1>
  %3 = mlt.cmp le %col, %row : tensor<7x1xf32>, tensor<7xf32> -> tensor<7x7xi1>
  %4 = mlt.cmp gt %col, %row : tensor<7x1xf32>, tensor<7xf32> -> tensor<7x7xi1>
  %5 = mlt.cmp ge %col, %row : tensor<7x1xf32>, tensor<7xf32> -> tensor<7x7xi1>
  %6 = mlt.cmp lt %d, %e : tensor<13xf64>, tensor<13xf64> -> tensor<13xi1>
  %7 = mlt.cmp ge %h, %g : tensor<11x1xf16>, tensor<11xf16> -> tensor<11x11xi1>
  %8 = mlt.cmp le %b, %c : tensor<3x1xbf16>, tensor<17xbf16> -> tensor<3x17xi1>
  %9 = mlt.cmp ne %i, %i : tensor<23xi8>, tensor<23xi8> -> tensor<23xi1>
  %10 = mlt.cmp gt %k, %l : tensor<1xi64>, tensor<2x1xi64> -> tensor<2x1xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10
      : tensor<7x7xi1>, tensor<7x7xi1>, tensor<7x7xi1>, tensor<7x7xi1>, tensor<7x7xi1>, tensor<7x7xi1>,
        tensor<13xi1>, tensor<11x11xi1>, tensor<3x17xi1>, tensor<23xi1>, tensor<2x1xi1>
}
//--- select.mlir
// Three-way broadcasting (no two operands of one shape), selects of i1 and
// i32, and where(x > y, x, y) (a compare feeding a select: fused at -O2,
// the i1 stays in registers and the f32 loop vectorizes).
func.func @select(%c: tensor<19x1x37xi1>, %x: tensor<5x1xf32>, %y: tensor<37xf32>, %b: tensor<5x37xi1>,
                  %i: tensor<1xi32>, %j: tensor<19x5x37xi32>)
    -> (tensor<19x5x37xf32>, tensor<19x5x37xi1>, tensor<19x5x37xi32>, tensor<5x37xf32>) {
  %0 = mlt.select %c, %x, %y : tensor<19x1x37xi1>, tensor<5x1xf32>, tensor<37xf32> -> tensor<19x5x37xf32>
  %nb = mlt.not %b : tensor<5x37xi1>
  %1 = mlt.select %c, %b, %nb : tensor<19x1x37xi1>, tensor<5x37xi1>, tensor<5x37xi1> -> tensor<19x5x37xi1>
  %2 = mlt.select %c, %i, %j : tensor<19x1x37xi1>, tensor<1xi32>, tensor<19x5x37xi32> -> tensor<19x5x37xi32>
  %m = mlt.cmp gt %x, %y : tensor<5x1xf32>, tensor<37xf32> -> tensor<5x37xi1>
  %3 = mlt.select %m, %x, %y : tensor<5x37xi1>, tensor<5x1xf32>, tensor<37xf32> -> tensor<5x37xf32>
  return %0, %1, %2, %3 : tensor<19x5x37xf32>, tensor<19x5x37xi1>, tensor<19x5x37xi32>, tensor<5x37xf32>
}
//--- logic.mlir
func.func @logic(%a: tensor<19x37xi1>, %b: tensor<37xi1>, %c: tensor<1x1xi1>)
    -> (tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<1x1xi1>) {
  %0 = mlt.not %a : tensor<19x37xi1>
  %1 = mlt.and %a, %b : tensor<19x37xi1>, tensor<37xi1> -> tensor<19x37xi1>
  %2 = mlt.or %c, %a : tensor<1x1xi1>, tensor<19x37xi1> -> tensor<19x37xi1>
  %3 = mlt.xor %a, %b : tensor<19x37xi1>, tensor<37xi1> -> tensor<19x37xi1>
  %4 = mlt.xor %c, %c : tensor<1x1xi1>, tensor<1x1xi1> -> tensor<1x1xi1>
  return %0, %1, %2, %3, %4 : tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<19x37xi1>, tensor<1x1xi1>
}
//--- cast_i1.mlir
// To i1 nonzero is true (NaN, a denormal, 0.5 and -inf too; -0 is false);
// from i1 true is 1 in every type.
func.func @cast_i1(%x: tensor<5x37xf32>, %i: tensor<37xi32>, %b: tensor<19x37xi1>, %h: tensor<13xf16>, %l: tensor<3xi64>)
    -> (tensor<7xi1>, tensor<5x37xi1>, tensor<37xi1>, tensor<13xi1>, tensor<3xi1>,
        tensor<19x37xf32>, tensor<19x37xi32>, tensor<19x37xi8>, tensor<19x37xf16>, tensor<19x37xf64>, tensor<19x37xi64>, tensor<19x37xbf16>) {
  %s = mlt.constant dense<[0.0, -0.0, 0x7FC00000, 0.5, 0xFF800000, 1.0e-45, -3.0]> : tensor<7xf32>
  %0 = mlt.cast %s : tensor<7xf32> -> tensor<7xi1>
  %1 = mlt.cast %x : tensor<5x37xf32> -> tensor<5x37xi1>
  %2 = mlt.cast %i : tensor<37xi32> -> tensor<37xi1>
  %3 = mlt.cast %h : tensor<13xf16> -> tensor<13xi1>
  %4 = mlt.cast %l : tensor<3xi64> -> tensor<3xi1>
  %5 = mlt.cast %b : tensor<19x37xi1> -> tensor<19x37xf32>
  %6 = mlt.cast %b : tensor<19x37xi1> -> tensor<19x37xi32>
  %7 = mlt.cast %b : tensor<19x37xi1> -> tensor<19x37xi8>
  %8 = mlt.cast %b : tensor<19x37xi1> -> tensor<19x37xf16>
  %9 = mlt.cast %b : tensor<19x37xi1> -> tensor<19x37xf64>
  %10 = mlt.cast %b : tensor<19x37xi1> -> tensor<19x37xi64>
  %11 = mlt.cast %b : tensor<19x37xi1> -> tensor<19x37xbf16>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11
      : tensor<7xi1>, tensor<5x37xi1>, tensor<37xi1>, tensor<13xi1>, tensor<3xi1>,
        tensor<19x37xf32>, tensor<19x37xi32>, tensor<19x37xi8>, tensor<19x37xf16>, tensor<19x37xf64>, tensor<19x37xi64>, tensor<19x37xbf16>
}
//--- bool_data.mlir
// i1 through every data movement op and as constants (dense and splat).
func.func @bool_data(%b: tensor<3x37xi1>, %c: tensor<3x1xi1>, %i: tensor<5xi64>)
    -> (tensor<37x3xi1>, tensor<37x3xi1>, tensor<2x3x37xi1>, tensor<3x38xi1>, tensor<3x12xi1>, tensor<5x37xi1>,
        tensor<3x37xi1>, tensor<3x37xi1>) {
  %0 = mlt.transpose %b perm = [1, 0] : tensor<3x37xi1> -> tensor<37x3xi1>
  %1 = mlt.reshape %b : tensor<3x37xi1> -> tensor<37x3xi1>
  %2 = mlt.broadcast %c : tensor<3x1xi1> -> tensor<2x3x37xi1>
  %3 = mlt.concat %b, %c axis = 1 : tensor<3x37xi1>, tensor<3x1xi1> -> tensor<3x38xi1>
  %4 = mlt.slice %b offsets = [2, 36] strides = [-1, -3] : tensor<3x37xi1> -> tensor<3x12xi1>
  %5 = mlt.gather %b, %i axis = 0 : tensor<3x37xi1>, tensor<5xi64> -> tensor<5x37xi1>
  %k = mlt.constant dense<[[true], [false], [true]]> : tensor<3x1xi1>
  %6 = mlt.xor %b, %k : tensor<3x37xi1>, tensor<3x1xi1> -> tensor<3x37xi1>
  %t = mlt.constant dense<true> : tensor<3x37xi1>
  %7 = mlt.and %b, %t : tensor<3x37xi1>, tensor<3x37xi1> -> tensor<3x37xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<37x3xi1>, tensor<37x3xi1>, tensor<2x3x37xi1>, tensor<3x38xi1>, tensor<3x12xi1>, tensor<5x37xi1>,
        tensor<3x37xi1>, tensor<3x37xi1>
}

