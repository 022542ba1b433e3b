// Memref-level driver appended to the lowered kernel: fills the inputs with
// v(i) = ((7 * i + 3) mod 11) - 5 over each buffer's linear index i, calls
// @kernel (destination-passing signature) and prints every output.
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
  %w = memref.alloc() : memref<5x7xf32>
  %b = memref.alloc() : memref<7xf32>
  %p = memref.alloc() : memref<2x3x5xf32>
  %q = memref.alloc() : memref<2x5x1xf32>
  %fx = memref.collapse_shape %x [[0, 1]] : memref<3x5xf32> into memref<15xf32>
  %fw = memref.collapse_shape %w [[0, 1]] : memref<5x7xf32> into memref<35xf32>
  %fp = memref.collapse_shape %p [[0, 1, 2]] : memref<2x3x5xf32> into memref<30xf32>
  %fq = memref.collapse_shape %q [[0, 1, 2]] : memref<2x5x1xf32> into memref<10xf32>
  %dx = memref.cast %fx : memref<15xf32> to memref<?xf32>
  %dw = memref.cast %fw : memref<35xf32> to memref<?xf32>
  %db = memref.cast %b : memref<7xf32> to memref<?xf32>
  %dp = memref.cast %fp : memref<30xf32> to memref<?xf32>
  %dq = memref.cast %fq : memref<10xf32> to memref<?xf32>
  %c15 = arith.constant 15 : index
  %c35 = arith.constant 35 : index
  %c7 = arith.constant 7 : index
  %c30 = arith.constant 30 : index
  %c10 = arith.constant 10 : index
  func.call @fill(%dx, %c15) : (memref<?xf32>, index) -> ()
  func.call @fill(%dw, %c35) : (memref<?xf32>, index) -> ()
  func.call @fill(%db, %c7) : (memref<?xf32>, index) -> ()
  func.call @fill(%dp, %c30) : (memref<?xf32>, index) -> ()
  func.call @fill(%dq, %c10) : (memref<?xf32>, index) -> ()
  %o0 = memref.alloc() : memref<3x7xf32>
  %o1 = memref.alloc() : memref<5x3xf32>
  %o2 = memref.alloc() : memref<15xf32>
  %o3 = memref.alloc() : memref<2x3x1xf32>
  %o4 = memref.alloc() : memref<3x7xf32>
  %o5 = memref.alloc() : memref<3x5xf32>
  func.call @kernel(%x, %w, %b, %p, %q, %o0, %o1, %o2, %o3, %o4, %o5)
    : (memref<3x5xf32>, memref<5x7xf32>, memref<7xf32>, memref<2x3x5xf32>,
       memref<2x5x1xf32>, memref<3x7xf32>, memref<5x3xf32>, memref<15xf32>,
       memref<2x3x1xf32>, memref<3x7xf32>, memref<3x5xf32>) -> ()
  %u0 = memref.cast %o0 : memref<3x7xf32> to memref<*xf32>
  %u1 = memref.cast %o1 : memref<5x3xf32> to memref<*xf32>
  %u2 = memref.cast %o2 : memref<15xf32> to memref<*xf32>
  %u3 = memref.cast %o3 : memref<2x3x1xf32> to memref<*xf32>
  %u4 = memref.cast %o4 : memref<3x7xf32> to memref<*xf32>
  %u5 = memref.cast %o5 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  memref.dealloc %x : memref<3x5xf32>
  memref.dealloc %w : memref<5x7xf32>
  memref.dealloc %b : memref<7xf32>
  memref.dealloc %p : memref<2x3x5xf32>
  memref.dealloc %q : memref<2x5x1xf32>
  memref.dealloc %o0 : memref<3x7xf32>
  memref.dealloc %o1 : memref<5x3xf32>
  memref.dealloc %o2 : memref<15xf32>
  memref.dealloc %o3 : memref<2x3x1xf32>
  memref.dealloc %o4 : memref<3x7xf32>
  memref.dealloc %o5 : memref<3x5xf32>
  return
}
