func.func @f(%a: memref<4xf32>) {
  %x = arith.constant 1.0 : f32 f32
  return
}
