// A 10x8 (K = 6) matmul nest as --lower-to-loops emits it (unroll-ssa.mlir).
func.func @matmul(%A: memref<10x6xf32>, %B: memref<6x8xf32>, %C: memref<10x8xf32>) {
  loop.for %i = 0 to 10 step 1 parallel {
    loop.for %j = 0 to 8 step 1 parallel {
      %zero = arith.constant 0.0 : f32
      %acc = loop.for %k = 0 to 6 step 1 reduction iter_args(%a = %zero) -> (f32) {
        %x = memref.load %A[%i, %k] : memref<10x6xf32>
        %y = memref.load %B[%k, %j] : memref<6x8xf32>
        %p = arith.mulf %x, %y : f32
        %s = arith.addf %a, %p : f32
        loop.yield %s : f32
      }
      memref.store %acc, %C[%i, %j] : memref<10x8xf32>
    }
  }
  return
}
