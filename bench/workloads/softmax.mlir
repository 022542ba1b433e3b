// softmax over the rows of a 4096×1024 matrix. Memory-bound: its rate is
// GB/s of compulsory traffic, 8 bytes per element (read once, write once).
func.func @f(%x: tensor<4096x1024xf32>) -> tensor<4096x1024xf32> {
  %y = mlt.softmax %x axis = 1 : tensor<4096x1024xf32>
  return %y : tensor<4096x1024xf32>
}
