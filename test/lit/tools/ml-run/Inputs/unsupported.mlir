// Signatures ml-run refuses, one --entry each (see errors.test).

func.func @dynamic(%a: memref<?xf32>) {
  return
}

func.func @returns_memref(%a: memref<4xf32>) -> memref<4xf32> {
  return %a : memref<4xf32>
}

func.func @i16_memref(%a: memref<4xi16>) {
  return
}

func.func @unranked(%a: memref<*xf32>) {
  return
}

func.func @strided(%a: memref<4x4xf32, strided<[8, 1]>>) {
  return
}

func.func @two_scalars(%a: f32) -> (f32, f32) {
  return %a, %a : f32, f32
}

func.func @vector(%a: vector<4xf32>) {
  return
}

func.func @scalar_i16(%a: i16) {
  return
}

func.func @tensor_arg(%a: tensor<4xf32>, %b: memref<4xf32>) {
  return
}

func.func private @declared(memref<4xf32>)
