// The README's example program for the loop dialect.
func.func @rowsum(%A: memref<64x128xf32>, %out: memref<64xf32>) {
  %zero = arith.constant 0.0 : f32
  loop.for %i = 0 to 64 step 1 parallel {
    %s = loop.for %j = 0 to 128 step 1 reduction iter_args(%acc = %zero) -> (f32) {
      %v = memref.load %A[%i, %j] : memref<64x128xf32>
      %n = arith.addf %acc, %v : f32
      loop.yield %n : f32
    }
    memref.store %s, %out[%i] : memref<64xf32>
  }
  return
}
