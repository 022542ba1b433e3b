// The README's example program for the accel dialect.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @tile(%A: memref<64x64xi8>, %B: memref<64x64xi8>, %C: memref<64x64xi32>, %i: index, %j: index, %k: index) {
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    %b = accel.alloc : !accel.buf<spad, 16x16xi8>
    %c = accel.alloc : !accel.buf<acc, 16x16xi32>
    %t0 = accel.dma_in %A[%i, %k] to %a : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %t1 = accel.dma_in %B[%k, %j] to %b : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %t2 = accel.matmul %c += %a * %b after(%t0, %t1) : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
    %t3 = accel.dma_out %c to %C[%i, %j] after(%t2) : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
    accel.wait %t3
    return
  }
}
