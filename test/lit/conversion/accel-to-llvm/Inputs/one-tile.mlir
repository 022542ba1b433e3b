// The README's accel example (examples/dialects/accel.mlir) at i = j = k = 0
// with C last, so ml-run can make it the output: C[0:16, 0:16] += A * B on
// the top-left 16x16 tiles. Run by e2e.test.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @tile(%A: memref<64x64xi8>, %B: memref<64x64xi8>, %C: memref<64x64xi32>) {
    %c0 = arith.constant 0 : index
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    %b = accel.alloc : !accel.buf<spad, 16x16xi8>
    %c = accel.alloc : !accel.buf<acc, 16x16xi32>
    %t0 = accel.dma_in %A[%c0, %c0] to %a : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %t1 = accel.dma_in %B[%c0, %c0] to %b : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %t2 = accel.matmul %c += %a * %b after(%t0, %t1) : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
    %t3 = accel.dma_out %c to %C[%c0, %c0] after(%t2) : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
    accel.wait %t3
    return
  }
}
