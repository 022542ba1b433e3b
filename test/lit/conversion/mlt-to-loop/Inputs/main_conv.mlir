// Memref-level driver for conv.mlir: fills the inputs with
// v(i) = ((7 * i + 3) mod 11) - 5 over each buffer's linear index, calls @c
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
  %x = memref.alloc() : memref<1x4x7x6xf32>
  %fx = memref.collapse_shape %x [[0, 1, 2, 3]] : memref<1x4x7x6xf32> into memref<168xf32>
  %dx = memref.cast %fx : memref<168xf32> to memref<?xf32>
  %nx = arith.constant 168 : index
  func.call @fill(%dx, %nx) : (memref<?xf32>, index) -> ()
  %w = memref.alloc() : memref<6x2x3x3xf32>
  %fw = memref.collapse_shape %w [[0, 1, 2, 3]] : memref<6x2x3x3xf32> into memref<108xf32>
  %dw = memref.cast %fw : memref<108xf32> to memref<?xf32>
  %nw = arith.constant 108 : index
  func.call @fill(%dw, %nw) : (memref<?xf32>, index) -> ()
  %xh = memref.alloc() : memref<2x5x5x3xf32>
  %fxh = memref.collapse_shape %xh [[0, 1, 2, 3]] : memref<2x5x5x3xf32> into memref<150xf32>
  %dxh = memref.cast %fxh : memref<150xf32> to memref<?xf32>
  %nxh = arith.constant 150 : index
  func.call @fill(%dxh, %nxh) : (memref<?xf32>, index) -> ()
  %wh = memref.alloc() : memref<2x2x3x4xf32>
  %fwh = memref.collapse_shape %wh [[0, 1, 2, 3]] : memref<2x2x3x4xf32> into memref<48xf32>
  %dwh = memref.cast %fwh : memref<48xf32> to memref<?xf32>
  %nwh = arith.constant 48 : index
  func.call @fill(%dwh, %nwh) : (memref<?xf32>, index) -> ()
  %o0 = memref.alloc() : memref<1x6x4x2xf32>
  %o1 = memref.alloc() : memref<2x5x5x4xf32>
  %o2 = memref.alloc() : memref<1x8x7x6xf32>
  func.call @c(%x, %w, %xh, %wh, %o0, %o1, %o2)
    : (memref<1x4x7x6xf32>, memref<6x2x3x3xf32>, memref<2x5x5x3xf32>, memref<2x2x3x4xf32>, memref<1x6x4x2xf32>, memref<2x5x5x4xf32>, memref<1x8x7x6xf32>) -> ()
  %uo0 = memref.cast %o0 : memref<1x6x4x2xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo0) : (memref<*xf32>) -> ()
  %uo1 = memref.cast %o1 : memref<2x5x5x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo1) : (memref<*xf32>) -> ()
  %uo2 = memref.cast %o2 : memref<1x8x7x6xf32> to memref<*xf32>
  func.call @printMemrefF32(%uo2) : (memref<*xf32>) -> ()
  memref.dealloc %x : memref<1x4x7x6xf32>
  memref.dealloc %w : memref<6x2x3x3xf32>
  memref.dealloc %xh : memref<2x5x5x3xf32>
  memref.dealloc %wh : memref<2x2x3x4xf32>
  memref.dealloc %o0 : memref<1x6x4x2xf32>
  memref.dealloc %o1 : memref<2x5x5x4xf32>
  memref.dealloc %o2 : memref<1x8x7x6xf32>
  return
}
