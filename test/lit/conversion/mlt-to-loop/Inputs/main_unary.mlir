// Memref-level driver for unary.mlir: fills the inputs with
// v(i) = ((7 * i + 3) mod 11) - 5 over each buffer's linear index, calls @u
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
  %o0 = memref.alloc() : memref<3x5xf32>
  %o1 = memref.alloc() : memref<3x5xf32>
  %o2 = memref.alloc() : memref<3x5xf32>
  %o3 = memref.alloc() : memref<3x5xf32>
  %o4 = memref.alloc() : memref<3x5xf32>
  %o5 = memref.alloc() : memref<3x5xf32>
  %o6 = memref.alloc() : memref<3x5xf32>
  %o7 = memref.alloc() : memref<3x5xf32>
  %o8 = memref.alloc() : memref<3x5xf32>
  %o9 = memref.alloc() : memref<3x7xf32>
  %o10 = memref.alloc() : memref<3x5xf32>
  func.call @u(%x, %w, %o0, %o1, %o2, %o3, %o4, %o5, %o6, %o7, %o8, %o9, %o10)
    : (memref<3x5xf32>, memref<5x7xf32>, memref<3x5xf32>, memref<3x5xf32>, memref<3x5xf32>, memref<3x5xf32>, memref<3x5xf32>, memref<3x5xf32>, memref<3x5xf32>, memref<3x5xf32>, memref<3x5xf32>, memref<3x7xf32>, memref<3x5xf32>) -> ()
  %uo0 = memref.cast %o0 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo0) : (memref<*xf32>) -> ()
  %uo1 = memref.cast %o1 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo1) : (memref<*xf32>) -> ()
  %uo2 = memref.cast %o2 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo2) : (memref<*xf32>) -> ()
  %uo3 = memref.cast %o3 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo3) : (memref<*xf32>) -> ()
  %uo4 = memref.cast %o4 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo4) : (memref<*xf32>) -> ()
  %uo5 = memref.cast %o5 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo5) : (memref<*xf32>) -> ()
  %uo6 = memref.cast %o6 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo6) : (memref<*xf32>) -> ()
  %uo7 = memref.cast %o7 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo7) : (memref<*xf32>) -> ()
  %uo8 = memref.cast %o8 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo8) : (memref<*xf32>) -> ()
  %uo9 = memref.cast %o9 : memref<3x7xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo9) : (memref<*xf32>) -> ()
  %uo10 = memref.cast %o10 : memref<3x5xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo10) : (memref<*xf32>) -> ()
  memref.dealloc %x : memref<3x5xf32>
  memref.dealloc %w : memref<5x7xf32>
  memref.dealloc %o0 : memref<3x5xf32>
  memref.dealloc %o1 : memref<3x5xf32>
  memref.dealloc %o2 : memref<3x5xf32>
  memref.dealloc %o3 : memref<3x5xf32>
  memref.dealloc %o4 : memref<3x5xf32>
  memref.dealloc %o5 : memref<3x5xf32>
  memref.dealloc %o6 : memref<3x5xf32>
  memref.dealloc %o7 : memref<3x5xf32>
  memref.dealloc %o8 : memref<3x5xf32>
  memref.dealloc %o9 : memref<3x7xf32>
  memref.dealloc %o10 : memref<3x5xf32>
  return
}
