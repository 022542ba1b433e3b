// Five 256-byte scratchpad buffers in a 1024-byte scratchpad: each fits on
// its own (the verifier checks them one by one), together they do not, so
// the runtime records an error at the fifth accel_rt_alloc. Run by e2e.test.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 1024, acc = 1024, dma = 64, in = i8, acc_t = i32>} {
  func.func @too_many(%A: memref<16x16xi8>) {
    %c0 = arith.constant 0 : index
    %a0 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %a1 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %a2 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %a3 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %a4 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %t = accel.dma_out %a4 to %A[%c0, %c0] : !accel.buf<spad, 16x16xi8> -> memref<16x16xi8>
    accel.wait %t
    return
  }
}
