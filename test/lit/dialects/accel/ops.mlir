// accel: the target attribute, both buffer kinds, the token type and every op
// (with and without `after` tokens) round-trip through the pretty and the
// generic form, and printing is idempotent.
// RUN: ml-opt %s | ml-opt | FileCheck %s
// RUN: ml-opt --mlir-print-generic %s | ml-opt | FileCheck %s
// RUN: ml-opt %s > %t.1 && ml-opt %t.1 > %t.2 && diff %t.1 %t.2

// CHECK: module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>}
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {

// CHECK-LABEL: func.func @tile
// CHECK-SAME: (%[[A:.*]]: memref<64x64xi8>, %[[B:.*]]: memref<64x64xi8>, %[[C:.*]]: memref<64x64xi32>, %[[I:.*]]: index, %[[J:.*]]: index, %[[K:.*]]: index)
// CHECK: %[[BA:.*]] = accel.alloc : !accel.buf<spad, 16x16xi8>
// CHECK: %[[BB:.*]] = accel.alloc : !accel.buf<spad, 16x16xi8>
// CHECK: %[[BC:.*]] = accel.alloc : !accel.buf<acc, 16x16xi32>
// CHECK: %[[T0:.*]] = accel.dma_in %[[A]][%[[I]], %[[K]]] to %[[BA]] : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
// CHECK: %[[T1:.*]] = accel.dma_in %[[B]][%[[K]], %[[J]]] to %[[BB]] : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
// CHECK: %[[T2:.*]] = accel.matmul %[[BC]] += %[[BA]] * %[[BB]] after(%[[T0]], %[[T1]]) : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
// CHECK: %[[T3:.*]] = accel.dma_out %[[BC]] to %[[C]][%[[I]], %[[J]]] after(%[[T2]]) : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
// CHECK: accel.wait %[[T3]]
func.func @tile(%A: memref<64x64xi8>, %B: memref<64x64xi8>, %C: memref<64x64xi32>,
                %i: index, %j: index, %k: index) {
  %a = accel.alloc : !accel.buf<spad, 16x16xi8>
  %b = accel.alloc : !accel.buf<spad, 16x16xi8>
  %c = accel.alloc : !accel.buf<acc, 16x16xi32>
  %t0 = accel.dma_in %A[%i, %k] to %a : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
  %t1 = accel.dma_in %B[%k, %j] to %b : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
  %t2 = accel.matmul %c += %a * %b after(%t0, %t1)
      : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
  %t3 = accel.dma_out %c to %C[%i, %j] after(%t2) : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
  accel.wait %t3
  return
}

// The other half of each op's syntax: matmul and dma_out without `after`,
// dma_in with it, a wait on several tokens, a non-square tile smaller than
// the PE array, a bias loaded into the accumulator, dynamic memrefs.
// CHECK-LABEL: func.func @variants
// CHECK: %[[X:.*]] = accel.alloc : !accel.buf<spad, 8x32xi8>
// CHECK: %[[W:.*]] = accel.alloc : !accel.buf<spad, 32x4xi8>
// CHECK: %[[Y:.*]] = accel.alloc : !accel.buf<acc, 8x4xi32>
// CHECK: %[[T0:.*]] = accel.dma_in %{{.*}}[%{{.*}}, %{{.*}}] to %[[Y]] : memref<?x?xi32> -> !accel.buf<acc, 8x4xi32>
// CHECK: %[[T1:.*]] = accel.dma_in %{{.*}}[%{{.*}}, %{{.*}}] to %[[X]] after(%[[T0]]) : memref<?x?xi8> -> !accel.buf<spad, 8x32xi8>
// CHECK: accel.wait %[[T0]], %[[T1]]
// CHECK: %[[T2:.*]] = accel.matmul %[[Y]] += %[[X]] * %[[W]] : !accel.buf<acc, 8x4xi32>, !accel.buf<spad, 8x32xi8>, !accel.buf<spad, 32x4xi8>
// CHECK: accel.wait %[[T2]]
// CHECK: %[[T3:.*]] = accel.dma_out %[[Y]] to %{{.*}}[%{{.*}}, %{{.*}}] : !accel.buf<acc, 8x4xi32> -> memref<?x?xi32>
// CHECK: return %[[T3]] : !accel.token
func.func @variants(%x: memref<?x?xi8>, %bias: memref<?x?xi32>, %out: memref<?x?xi32>,
                    %i: index) -> !accel.token {
  %xb = accel.alloc : !accel.buf<spad, 8x32xi8>
  %wb = accel.alloc : !accel.buf<spad, 32x4xi8>
  %yb = accel.alloc : !accel.buf<acc, 8x4xi32>
  %t0 = accel.dma_in %bias[%i, %i] to %yb : memref<?x?xi32> -> !accel.buf<acc, 8x4xi32>
  %t1 = accel.dma_in %x[%i, %i] to %xb after(%t0) : memref<?x?xi8> -> !accel.buf<spad, 8x32xi8>
  accel.wait %t0, %t1
  %t2 = accel.matmul %yb += %xb * %wb
      : !accel.buf<acc, 8x4xi32>, !accel.buf<spad, 8x32xi8>, !accel.buf<spad, 32x4xi8>
  accel.wait %t2
  %t3 = accel.dma_out %yb to %out[%i, %i] : !accel.buf<acc, 8x4xi32> -> memref<?x?xi32>
  return %t3 : !accel.token
}

// Buffers and tokens as function arguments; rank-1 and rank-3 DMA.
// CHECK-LABEL: func.func @args
// CHECK-SAME: !accel.buf<spad, 64xi8>, %{{.*}}: !accel.buf<acc, 2x4x8xi32>, %[[T:.*]]: !accel.token
// CHECK: accel.dma_in %{{.*}}[%{{.*}}] to %{{.*}} after(%[[T]]) : memref<256xi8> -> !accel.buf<spad, 64xi8>
// CHECK: accel.dma_out %{{.*}} to %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] after(%[[T]], %{{.*}}) : !accel.buf<acc, 2x4x8xi32> -> memref<2x4x8xi32>
func.func @args(%v: memref<256xi8>, %m: memref<2x4x8xi32>, %sb: !accel.buf<spad, 64xi8>,
                %ab: !accel.buf<acc, 2x4x8xi32>, %t: !accel.token, %i: index) -> !accel.token {
  %t0 = accel.dma_in %v[%i] to %sb after(%t) : memref<256xi8> -> !accel.buf<spad, 64xi8>
  %t1 = accel.dma_out %ab to %m[%i, %i, %i] after(%t, %t0) : !accel.buf<acc, 2x4x8xi32> -> memref<2x4x8xi32>
  return %t1 : !accel.token
}

// Edge tiles and an overwriting matmul: `[sizes]` after the offsets reads or
// writes only that corner, `=` starts a product instead of adding to it.
// CHECK-LABEL: func.func @edges
// CHECK: accel.dma_in %{{.*}}[%{{.*}}, %{{.*}}] [%{{.*}}, %{{.*}}] to %{{.*}} : memref<100x30xi8> -> !accel.buf<spad, 16x16xi8>
// CHECK: accel.matmul %{{.*}} = %{{.*}} * %{{.*}} after(%{{.*}}) {note = "kept"} : !accel.buf<acc, 16x16xi32>
// CHECK: accel.dma_out %{{.*}} to %{{.*}}[%{{.*}}, %{{.*}}] [%{{.*}}, %{{.*}}] after(%{{.*}}) : !accel.buf<acc, 16x16xi32> -> memref<100x30xi32>
func.func @edges(%x: memref<100x30xi8>, %y: memref<100x30xi32>, %i: index, %m: index) {
  %c14 = arith.constant 14 : index
  %a = accel.alloc : !accel.buf<spad, 16x16xi8>
  %c = accel.alloc : !accel.buf<acc, 16x16xi32>
  %t0 = accel.dma_in %x[%i, %i][%m, %c14] to %a : memref<100x30xi8> -> !accel.buf<spad, 16x16xi8>
  %t1 = accel.matmul %c = %a * %a after(%t0) {note = "kept"} : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
  %t2 = accel.dma_out %c to %y[%i, %i][%m, %c14] after(%t1) : !accel.buf<acc, 16x16xi32> -> memref<100x30xi32>
  accel.wait %t2
  return
}

// The nearest target wins: this function's f16 target overrides the module's.
// CHECK-LABEL: func.func @f16_target
// CHECK-SAME: attributes {accel.target = #accel.target<pe = 8x32, spad = 4096, acc = 2048, dma = 16, in = f16, acc_t = f32>}
// CHECK: accel.alloc : !accel.buf<spad, 8x8xf16>
// CHECK: accel.alloc : !accel.buf<acc, 8x32xf32>
// CHECK: accel.matmul %{{.*}} += %{{.*}} * %{{.*}} : !accel.buf<acc, 8x32xf32>, !accel.buf<spad, 8x8xf16>, !accel.buf<spad, 8x32xf16>
func.func @f16_target() attributes {accel.target = #accel.target<pe = 8x32, spad = 4096, acc = 2048, dma = 16, in = f16, acc_t = f32>} {
  %a = accel.alloc : !accel.buf<spad, 8x8xf16>
  %b = accel.alloc : !accel.buf<spad, 8x32xf16>
  %c = accel.alloc : !accel.buf<acc, 8x32xf32>
  %t = accel.matmul %c += %a * %b : !accel.buf<acc, 8x32xf32>, !accel.buf<spad, 8x8xf16>, !accel.buf<spad, 8x32xf16>
  accel.wait %t
  return
}

// The other input types, as attributes on their own.
// CHECK-LABEL: func.func @targets
// CHECK: bf16_target = #accel.target<pe = 4x4, spad = 1024, acc = 512, dma = 8, in = bf16, acc_t = f32>
// CHECK-SAME: f32_target = #accel.target<pe = 1x128, spad = 65536, acc = 65536, dma = 128, in = f32, acc_t = f32>
func.func @targets() attributes {
    bf16_target = #accel.target<pe = 4x4, spad = 1024, acc = 512, dma = 8, in = bf16, acc_t = f32>,
    f32_target = #accel.target<pe = 1x128, spad = 65536, acc = 65536, dma = 128, in = f32, acc_t = f32>} {
  return
}

}
