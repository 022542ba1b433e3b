// Memref-level driver for fused_kernel.mlir: fills the inputs with
// v(i) = ((7 * i + 3) mod 11) - 5 over each buffer's linear index, calls @k
// and prints every output.
func.func private @printMemrefF32(memref<*xf32>)

func.func @fill(%m: memref<?xf32>, %n: index) {
  loop.for %i = 0 to %n step 1 parallel {
    %c7 = arith.constant 7 : index
    %c3 = arith.constant 3 : index
    %c11 = arith.constant 11 : index
    %c5 = arith.constant 5 : i64
    %a = arith.muli %i, %c7 : index
    %b = arith.addi %a, %c3 : index
    %r = arith.remui %b, %c11 : index
    %ri = arith.index_cast %r : index to i64
    %v = arith.subi %ri, %c5 : i64
    %f = arith.sitofp %v : i64 to f32
    memref.store %f, %m[%i] : memref<?xf32>
  }
  return
}

func.func @main() {
  %x = memref.alloc() : memref<3x5xf32>
  %fx = memref.collapse_shape %x [[0, 1]] : memref<3x5xf32> into memref<15xf32>
  %dx = memref.cast %fx : memref<15xf32> to memref<?xf32>
  %nx = arith.constant 15 : index
  func.call @fill(%dx, %nx) : (memref<?xf32>, index) -> ()
  %w = memref.alloc() : memref<5x7xf32>
  %fw = memref.collapse_shape %w [[0, 1]] : memref<5x7xf32> into memref<35xf32>
  %dw = memref.cast %fw : memref<35xf32> to memref<?xf32>
  %nw = arith.constant 35 : index
  func.call @fill(%dw, %nw) : (memref<?xf32>, index) -> ()
  %b = memref.alloc() : memref<7xf32>
  %db = memref.cast %b : memref<7xf32> to memref<?xf32>
  %nb = arith.constant 7 : index
  func.call @fill(%db, %nb) : (memref<?xf32>, index) -> ()
  %o0 = memref.alloc() : memref<3x7xf32>
  %o1 = memref.alloc() : memref<3x7xf32>
  func.call @k(%x, %w, %b, %o0, %o1)
    : (memref<3x5xf32>, memref<5x7xf32>, memref<7xf32>, memref<3x7xf32>, memref<3x7xf32>) -> ()
  %uo0 = memref.cast %o0 : memref<3x7xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo0) : (memref<*xf32>) -> ()
  %uo1 = memref.cast %o1 : memref<3x7xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo1) : (memref<*xf32>) -> ()
  memref.dealloc %x : memref<3x5xf32>
  memref.dealloc %w : memref<5x7xf32>
  memref.dealloc %b : memref<7xf32>
  memref.dealloc %o0 : memref<3x7xf32>
  memref.dealloc %o1 : memref<3x7xf32>
  return
}
