// Memref-level driver for reductions.mlir: fills the inputs with
// v(i) = ((7 * i + 3) mod 11) - 5 over each buffer's linear index, calls @r
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
  %x = memref.alloc() : memref<2x3x5xf32>
  %img = memref.alloc() : memref<1x2x5x7xf32>
  %fx = memref.collapse_shape %x [[0, 1, 2]] : memref<2x3x5xf32> into memref<30xf32>
  %fi = memref.collapse_shape %img [[0, 1, 2, 3]] : memref<1x2x5x7xf32> into memref<70xf32>
  %dx = memref.cast %fx : memref<30xf32> to memref<?xf32>
  %di = memref.cast %fi : memref<70xf32> to memref<?xf32>
  %c30 = arith.constant 30 : index
  %c70 = arith.constant 70 : index
  func.call @fill(%dx, %c30) : (memref<?xf32>, index) -> ()
  func.call @fill(%di, %c70) : (memref<?xf32>, index) -> ()
  %o0 = memref.alloc() : memref<2x1x5xf32>
  %o1 = memref.alloc() : memref<3xf32>
  %o2 = memref.alloc() : memref<2x3x5xf32>
  %o3 = memref.alloc() : memref<1x2x3x4xf32>
  %o4 = memref.alloc() : memref<1x2x2x3xf32>
  func.call @r(%x, %img, %o0, %o1, %o2, %o3, %o4)
    : (memref<2x3x5xf32>, memref<1x2x5x7xf32>, memref<2x1x5xf32>, memref<3xf32>,
       memref<2x3x5xf32>, memref<1x2x3x4xf32>, memref<1x2x2x3xf32>) -> ()
  %u0 = memref.cast %o0 : memref<2x1x5xf32> to memref<*xf32>
  %u1 = memref.cast %o1 : memref<3xf32> to memref<*xf32>
  %u2 = memref.cast %o2 : memref<2x3x5xf32> to memref<*xf32>
  %u3 = memref.cast %o3 : memref<1x2x3x4xf32> to memref<*xf32>
  %u4 = memref.cast %o4 : memref<1x2x2x3xf32> to memref<*xf32>
  func.call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  func.call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  memref.dealloc %x : memref<2x3x5xf32>
  memref.dealloc %img : memref<1x2x5x7xf32>
  memref.dealloc %o0 : memref<2x1x5xf32>
  memref.dealloc %o1 : memref<3xf32>
  memref.dealloc %o2 : memref<2x3x5xf32>
  memref.dealloc %o3 : memref<1x2x3x4xf32>
  memref.dealloc %o4 : memref<1x2x2x3xf32>
  return
}
