// accel: the double-buffered tile loop of docs/dialects/accel-overview.md
// verifies and round-trips, and --canonicalize --cse keep every DMA, matmul
// and wait (they have memory effects).
// RUN: ml-opt %s | ml-opt | FileCheck %s
// RUN: ml-opt --canonicalize --cse %s | FileCheck %s

// CHECK-LABEL: func.func @matmul
// CHECK-COUNT-5: accel.alloc
// CHECK: scf.for
// CHECK: scf.for
// CHECK: accel.dma_in {{.*}} -> !accel.buf<acc, 16x16xi32>
// CHECK-COUNT-2: accel.dma_in
// CHECK: scf.for {{.*}} iter_args
// CHECK-COUNT-2: accel.dma_in
// CHECK: accel.matmul
// CHECK: scf.if
// CHECK-COUNT-2: accel.dma_in
// CHECK: accel.matmul
// CHECK: accel.dma_out
// CHECK: accel.wait
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  // C += A * B, 64x64 i8 operands, one 16x16 output tile at a time.
  func.func @matmul(%A: memref<64x64xi8>, %B: memref<64x64xi8>, %C: memref<64x64xi32>) {
    %c0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    // Two scratchpad slots per operand (0 and 1) and one accumulator tile.
    %a0 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %b0 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %a1 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %b1 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %acc = accel.alloc : !accel.buf<acc, 16x16xi32>
    scf.for %i = %c0 to %c64 step %c16 {
      scf.for %j = %c0 to %c64 step %c16 {
        // Start from the C tile, and load the first K tile into slot 0.
        %tc = accel.dma_in %C[%i, %j] to %acc : memref<64x64xi32> -> !accel.buf<acc, 16x16xi32>
        %ta = accel.dma_in %A[%i, %c0] to %a0 : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
        %tb = accel.dma_in %B[%c0, %j] to %b0 : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
        // Two K tiles per iteration: slot 1 loads while slot 0 computes, and
        // slot 0 loads the next iteration's tile while slot 1 computes.
        %done:3 = scf.for %k = %c0 to %c64 step %c32
            iter_args(%la = %ta, %lb = %tb, %prev = %tc) -> (!accel.token, !accel.token, !accel.token) {
          %k1 = arith.addi %k, %c16 : index
          %ta1 = accel.dma_in %A[%i, %k1] to %a1 after(%prev) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
          %tb1 = accel.dma_in %B[%k1, %j] to %b1 after(%prev) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
          %m0 = accel.matmul %acc += %a0 * %b0 after(%la, %lb, %prev)
              : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
          %k2 = arith.addi %k, %c32 : index
          %more = arith.cmpi ult, %k2, %c64 : index
          %next:2 = scf.if %more -> (!accel.token, !accel.token) {
            %na = accel.dma_in %A[%i, %k2] to %a0 after(%m0) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
            %nb = accel.dma_in %B[%k2, %j] to %b0 after(%m0) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
            scf.yield %na, %nb : !accel.token, !accel.token
          } else {
            scf.yield %m0, %m0 : !accel.token, !accel.token
          }
          %m1 = accel.matmul %acc += %a1 * %b1 after(%ta1, %tb1, %m0)
              : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
          scf.yield %next#0, %next#1, %m1 : !accel.token, !accel.token, !accel.token
        }
        %tout = accel.dma_out %acc to %C[%i, %j] after(%done#2) : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
        accel.wait %tout
      }
    }
    return
  }
}
