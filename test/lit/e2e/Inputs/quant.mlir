// Edge-value quantization for check-quant.test (attributes mirrored in
// Inputs/quant.py): per size N, x quantized twice (scale 0.1, zero point
// -3; scale 0.0123, zero point -128, which saturates most positive x),
// the first dequantized with another scale and zero point, and an i32
// tensor dequantized with zero point -1000000 (differences beyond i32).
func.func @quant_1(%x: tensor<1xf32>, %a: tensor<1xi32>)
    -> (tensor<1xi8>, tensor<1xi8>, tensor<1xf32>, tensor<1xf32>) {
  %q1 = mlt.quantize %x {scale = 0.1 : f32, zero_point = -3 : i32} : tensor<1xf32> -> tensor<1xi8>
  %q2 = mlt.quantize %x {scale = 0.0123 : f32, zero_point = -128 : i32} : tensor<1xf32> -> tensor<1xi8>
  %y1 = mlt.dequantize %q1 {scale = 0.037 : f32, zero_point = 7 : i32} : tensor<1xi8> -> tensor<1xf32>
  %y2 = mlt.dequantize %a {scale = 0.0025 : f32, zero_point = -1000000 : i32} : tensor<1xi32> -> tensor<1xf32>
  return %q1, %q2, %y1, %y2 : tensor<1xi8>, tensor<1xi8>, tensor<1xf32>, tensor<1xf32>
}
func.func @quant_7(%x: tensor<7xf32>, %a: tensor<7xi32>)
    -> (tensor<7xi8>, tensor<7xi8>, tensor<7xf32>, tensor<7xf32>) {
  %q1 = mlt.quantize %x {scale = 0.1 : f32, zero_point = -3 : i32} : tensor<7xf32> -> tensor<7xi8>
  %q2 = mlt.quantize %x {scale = 0.0123 : f32, zero_point = -128 : i32} : tensor<7xf32> -> tensor<7xi8>
  %y1 = mlt.dequantize %q1 {scale = 0.037 : f32, zero_point = 7 : i32} : tensor<7xi8> -> tensor<7xf32>
  %y2 = mlt.dequantize %a {scale = 0.0025 : f32, zero_point = -1000000 : i32} : tensor<7xi32> -> tensor<7xf32>
  return %q1, %q2, %y1, %y2 : tensor<7xi8>, tensor<7xi8>, tensor<7xf32>, tensor<7xf32>
}
func.func @quant_33(%x: tensor<33xf32>, %a: tensor<33xi32>)
    -> (tensor<33xi8>, tensor<33xi8>, tensor<33xf32>, tensor<33xf32>) {
  %q1 = mlt.quantize %x {scale = 0.1 : f32, zero_point = -3 : i32} : tensor<33xf32> -> tensor<33xi8>
  %q2 = mlt.quantize %x {scale = 0.0123 : f32, zero_point = -128 : i32} : tensor<33xf32> -> tensor<33xi8>
  %y1 = mlt.dequantize %q1 {scale = 0.037 : f32, zero_point = 7 : i32} : tensor<33xi8> -> tensor<33xf32>
  %y2 = mlt.dequantize %a {scale = 0.0025 : f32, zero_point = -1000000 : i32} : tensor<33xi32> -> tensor<33xf32>
  return %q1, %q2, %y1, %y2 : tensor<33xi8>, tensor<33xi8>, tensor<33xf32>, tensor<33xf32>
}
func.func @quant_127(%x: tensor<127xf32>, %a: tensor<127xi32>)
    -> (tensor<127xi8>, tensor<127xi8>, tensor<127xf32>, tensor<127xf32>) {
  %q1 = mlt.quantize %x {scale = 0.1 : f32, zero_point = -3 : i32} : tensor<127xf32> -> tensor<127xi8>
  %q2 = mlt.quantize %x {scale = 0.0123 : f32, zero_point = -128 : i32} : tensor<127xf32> -> tensor<127xi8>
  %y1 = mlt.dequantize %q1 {scale = 0.037 : f32, zero_point = 7 : i32} : tensor<127xi8> -> tensor<127xf32>
  %y2 = mlt.dequantize %a {scale = 0.0025 : f32, zero_point = -1000000 : i32} : tensor<127xi32> -> tensor<127xf32>
  return %q1, %q2, %y1, %y2 : tensor<127xi8>, tensor<127xi8>, tensor<127xf32>, tensor<127xf32>
}
func.func @quant_1000(%x: tensor<1000xf32>, %a: tensor<1000xi32>)
    -> (tensor<1000xi8>, tensor<1000xi8>, tensor<1000xf32>, tensor<1000xf32>) {
  %q1 = mlt.quantize %x {scale = 0.1 : f32, zero_point = -3 : i32} : tensor<1000xf32> -> tensor<1000xi8>
  %q2 = mlt.quantize %x {scale = 0.0123 : f32, zero_point = -128 : i32} : tensor<1000xf32> -> tensor<1000xi8>
  %y1 = mlt.dequantize %q1 {scale = 0.037 : f32, zero_point = 7 : i32} : tensor<1000xi8> -> tensor<1000xf32>
  %y2 = mlt.dequantize %a {scale = 0.0025 : f32, zero_point = -1000000 : i32} : tensor<1000xi32> -> tensor<1000xf32>
  return %q1, %q2, %y1, %y2 : tensor<1000xi8>, tensor<1000xi8>, tensor<1000xf32>, tensor<1000xf32>
}
