// Loop-level kernels compiled to an object file by object-file.test.

// y[i] = a * x[i] + y[i]
func.func @saxpy(%a: f32, %x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  loop.for %i = 0 to %n step 1 parallel {
    %xi = memref.load %x[%i] : memref<?xf32>
    %yi = memref.load %y[%i] : memref<?xf32>
    %ax = arith.mulf %a, %xi : f32
    %r = arith.addf %ax, %yi : f32
    memref.store %r, %y[%i] : memref<?xf32>
  }
  return
}

// sum of x[i] * y[i]
func.func @dot(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) -> f32 {
  %zero = arith.constant 0.0 : f32
  %s = loop.for %i = 0 to %n step 1 reduction iter_args(%acc = %zero) -> (f32) {
    %xi = memref.load %x[%i] : memref<?xf32>
    %yi = memref.load %y[%i] : memref<?xf32>
    %p = arith.mulf %xi, %yi : f32
    %t = arith.addf %acc, %p : f32
    loop.yield %t : f32
  }
  return %s : f32
}
