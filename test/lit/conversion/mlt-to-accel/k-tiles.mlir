// --lower-to-accel: when K does not fit the scratchpad it is cut into the
// fewest equal tiles (here 3 of 40 for K = 120 in 2 KiB); the first K tile
// of an output tile overwrites the accumulator (`=`), the others add
// (`+=`), and only the last one sends the tile home. buffers=1 puts the
// next step's loads after the current matmul (no overlap).
// RUN: ml-opt --lower-to-accel --remarks --canonicalize --cse %s 2>&1 | FileCheck %s
// RUN: ml-opt --lower-to-accel=buffers=1 --remarks --canonicalize --cse %s 2>&1 | FileCheck %s --check-prefix=SINGLE

module attributes {accel.target = #accel.target<pe = 8x8, spad = 1536, acc = 1024, dma = 16, in = i8, acc_t = i32>} {
// CHECK: remark: on the accelerator: 16x120 * 120x8 in 6 steps of 8x40 * 40x8 tiles, double-buffered (1280 of 1536 scratchpad bytes)
// CHECK-COUNT-2: accel.alloc : !accel.buf<spad, 8x40xi8>
// CHECK: scf.for
// CHECK: %[[FIRST:.*]] = scf.if %{{.*}} -> (!accel.token) {
// CHECK-NEXT: accel.matmul %{{.*}} = %{{.*}} * %{{.*}} after(%{{.*}}, %{{.*}}, %{{.*}})
// CHECK: } else {
// CHECK-NEXT: accel.matmul %{{.*}} += %{{.*}} * %{{.*}} after(%{{.*}}, %{{.*}})
// CHECK: scf.if %{{.*}} -> (!accel.token, !accel.token) {
// CHECK-NEXT: accel.dma_out %{{.*}} after(%[[FIRST]], %{{.*}})

// SINGLE: remark: on the accelerator: 16x120 * 120x8 in 4 steps of 8x60 * 60x8 tiles, single-buffered (960 of 1536 scratchpad bytes)
// SINGLE-COUNT-3: accel.alloc
// SINGLE-NOT: accel.alloc
// SINGLE: scf.for
// SINGLE-NOT: arith.select {{.*}} : !accel.buf
// SINGLE: %[[M:.*]] = scf.if
// SINGLE: scf.if
// SINGLE-NEXT: arith.remui
// SINGLE: accel.dma_in {{.*}} after(%[[M]])
  func.func @k_tiles(%a: tensor<16x120xi8>, %b: tensor<120x8xi8>) -> tensor<16x8xi32> {
    %c = mlt.matmul %a, %b : tensor<16x120xi8>, tensor<120x8xi8> -> tensor<16x8xi32>
    return %c : tensor<16x8xi32>
  }
}
