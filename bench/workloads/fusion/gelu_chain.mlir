// gelu(x·a + b) over a 4096×1024 matrix, written as three mlt ops: the
// --fuse workload for elementwise chains (memory-bound: fusion removes two
// intermediate tensors).
func.func @f(%x: tensor<4096x1024xf32>, %a: tensor<1024xf32>, %b: tensor<1024xf32>) -> tensor<4096x1024xf32> {
  %0 = mlt.mul %x, %a : tensor<4096x1024xf32>, tensor<1024xf32> -> tensor<4096x1024xf32>
  %1 = mlt.add %0, %b : tensor<4096x1024xf32>, tensor<1024xf32> -> tensor<4096x1024xf32>
  %2 = mlt.gelu %1 : tensor<4096x1024xf32>
  return %2 : tensor<4096x1024xf32>
}
