// --lower-to-accel: an i8 matmul with edge tiles in M and N becomes one
// double-buffered step loop: two slots per operand and two accumulators,
// step 0's loads before the loop, step s+1's loads issued after the matmul
// of step s-1 (the last reader of their slot), the first matmul of a tile
// overwriting its accumulator after that accumulator's last dma_out, and
// every dma_out chained after the previous one. K is one tile, so the A
// tile is loaded only when a row of output tiles starts (its slot follows
// the row) and reused by the row's other steps. The loop is a private
// kernel function carrying the target, which the function calls: the
// runtime releases the kernel's buffers when it returns.
// RUN: ml-opt --lower-to-accel --remarks --canonicalize --cse %s 2>&1 | FileCheck %s

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
// CHECK: remark: on the accelerator: 33x20 * 20x17 in 6 steps of 16x20 * 20x16 tiles, double-buffered (1280 of 262144 scratchpad bytes)
// CHECK: func.func private @mm_accel0(%[[A:.*]]: memref<33x20xi8>, %[[B:.*]]: memref<20x17xi8>, %[[C:.*]]: memref<33x17xi32>) attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>}
// CHECK: %[[A0:.*]] = accel.alloc : !accel.buf<spad, 16x20xi8>
// CHECK: %[[B0:.*]] = accel.alloc : !accel.buf<spad, 20x16xi8>
// CHECK: %[[C0:.*]] = accel.alloc : !accel.buf<acc, 16x16xi32>
// CHECK: %[[A1:.*]] = accel.alloc : !accel.buf<spad, 16x20xi8>
// CHECK: %[[B1:.*]] = accel.alloc : !accel.buf<spad, 20x16xi8>
// CHECK: %[[C1:.*]] = accel.alloc : !accel.buf<acc, 16x16xi32>
// CHECK: %[[TA:.*]] = accel.dma_in %[[A]][%c0, %c0] [%c16, %c20] to %[[A0]]
// CHECK: %[[TB:.*]] = accel.dma_in %[[B]][%c0, %c0] [%c20, %c16] to %[[B0]]
// CHECK: %[[LOOP:.*]]:5 = scf.for %[[S:.*]] = %c0 to %c6 step %c1 iter_args(%[[LA:.*]] = %[[TA]], %[[LB:.*]] = %[[TB]], %[[MM:.*]] = %[[TA]], %[[O0:.*]] = %[[TA]], %[[O1:.*]] = %[[TA]])
// CHECK: %[[ODD:.*]] = arith.cmpi eq
// CHECK: %[[BCUR:.*]] = arith.select %[[ODD]], %[[B1]], %[[B0]]
// CHECK: %[[BNXT:.*]] = arith.select %[[ODD]], %[[B0]], %[[B1]]
// CHECK: %[[ACUR:.*]] = arith.select %{{.*}}, %[[A1]], %[[A0]]
// CHECK: %[[ANXT:.*]] = arith.select %{{.*}}, %[[A1]], %[[A0]]
// CHECK: %[[PF:.*]]:2 = scf.if
// CHECK: %[[NEWROW:.*]] = arith.cmpi eq
// CHECK: scf.if %[[NEWROW]] -> (!accel.token)
// CHECK: accel.dma_in %[[A]][{{.*}}] [{{.*}}] to %[[ANXT]] after(%[[MM]])
// CHECK: } else {
// CHECK-NEXT: scf.yield %[[LA]]
// CHECK: accel.dma_in %[[B]][{{.*}}] [{{.*}}] to %[[BNXT]] after(%[[MM]])
// CHECK: } else {
// CHECK: scf.yield %[[LA]], %[[LB]]
// CHECK: %[[CCUR:.*]] = arith.select %{{.*}}, %[[C1]], %[[C0]]
// CHECK: %[[MINE:.*]] = arith.select %{{.*}}, %[[O1]], %[[O0]] : !accel.token
// CHECK: %[[LAST:.*]] = arith.select %{{.*}}, %[[O0]], %[[O1]] : !accel.token
// CHECK: %[[M:.*]] = accel.matmul %[[CCUR]] = %[[ACUR]] * %[[BCUR]] after(%[[LA]], %[[LB]], %[[MINE]])
// CHECK: %[[OUT:.*]] = accel.dma_out %[[CCUR]] to %[[C]][{{.*}}] [{{.*}}] after(%[[M]], %[[LAST]])
// CHECK: scf.yield %[[PF]]#0, %[[PF]]#1, %[[M]]
// CHECK: accel.wait %[[LOOP]]#3, %[[LOOP]]#4
// CHECK-NEXT: return
// CHECK: func.func @mm(%[[X:.*]]: memref<33x20xi8>, %[[W:.*]]: memref<20x17xi8>, %[[Y:.*]]: memref<33x17xi32>)
// CHECK-NEXT: call @mm_accel0(%[[X]], %[[W]], %[[Y]])
// CHECK-NEXT: return
  func.func @mm(%a: tensor<33x20xi8>, %b: tensor<20x17xi8>) -> tensor<33x17xi32> {
    %c = mlt.matmul %a, %b : tensor<33x20xi8>, tensor<20x17xi8> -> tensor<33x17xi32>
    return %c : tensor<33x17xi32>
  }
}
