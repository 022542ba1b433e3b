// Functions for check.test.
func.func @div8(%a: tensor<6xi8>, %b: tensor<6xi8>) -> tensor<6xi8> {
  %0 = mlt.div %a, %b : tensor<6xi8>, tensor<6xi8> -> tensor<6xi8>
  return %0 : tensor<6xi8>
}
func.func @div64(%a: tensor<6xi64>, %b: tensor<6xi64>) -> tensor<6xi64> {
  %0 = mlt.div %a, %b : tensor<6xi64>, tensor<6xi64> -> tensor<6xi64>
  return %0 : tensor<6xi64>
}
func.func @kernel(%a: memref<4xf32>, %b: memref<4xf32>) {
  return
}
