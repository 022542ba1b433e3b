// A loop that computes a loop-invariant product twice, inside the loop.
// (The x + 0.0 stays: it is not x when x is -0.0.)
// `make demo` runs: ml-opt --canonicalize --cse --loop-invariant-code-motion
func.func @scale(%buf: memref<128xf32>, %a: f32, %b: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c128 = arith.constant 128 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c128 step %c1 {
    %ab = arith.mulf %a, %b : f32
    %ab2 = arith.mulf %a, %b : f32
    %x = memref.load %buf[%i] : memref<128xf32>
    %y = arith.mulf %x, %ab : f32
    %z = arith.addf %y, %zero : f32
    %w = arith.addf %z, %ab2 : f32
    memref.store %w, %buf[%i] : memref<128xf32>
  }
  return
}
