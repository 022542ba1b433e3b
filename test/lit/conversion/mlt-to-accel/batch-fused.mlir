// --lower-to-accel: batch_matmul walks (batch, i, j, k) steps in one loop,
// slicing each batch's 2-D view; a matmul inside an mlt.fused group is
// moved out of it (the accelerator computes the product, the group's
// epilogue stays one host loop nest); softmax stays on the host; an f16
// product accumulates in f32 on the accelerator and is rounded on the host.
// RUN: ml-opt --lower-to-accel --remarks %s 2>&1 | FileCheck %s
// RUN: ml-opt --fuse --lower-to-accel --remarks %s 2>&1 | FileCheck %s --check-prefix=FUSED

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = f16, acc_t = f32>} {
// CHECK: remark: on the accelerator: batched 20x40 * 40x7 in 6 steps of 16x40 * 40x7 tiles
// CHECK: func.func private @bmm_accel0(%{{.*}}: memref<3x20x40xf16>, %{{.*}}: memref<3x40x7xf16>, %{{.*}}: memref<3x20x7xf32>)
// CHECK: scf.for
// CHECK: memref.subview %arg0[%{{.*}}, 0, 0] [1, 20, 40] [1, 1, 1] : memref<3x20x40xf16> to memref<20x40xf16, strided<[40, 1], offset: ?>>
// CHECK: accel.dma_out %{{.*}} to %{{.*}} : !accel.buf<acc, 16x7xf32> -> memref<20x7xf32, strided<[7, 1], offset: ?>>
// CHECK: accel.wait
// CHECK-LABEL: func.func @bmm
// CHECK: %[[ACC:.*]] = memref.alloc() : memref<3x20x7xf32>
// CHECK: call @bmm_accel0(%arg0, %arg1, %[[ACC]])
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: memref.dealloc %[[ACC]]
  func.func @bmm(%a: tensor<3x20x40xf16>, %b: tensor<3x40x7xf16>) -> tensor<3x20x7xf16> {
    %c = mlt.batch_matmul %a, %b : tensor<3x20x40xf16>, tensor<3x40x7xf16> -> tensor<3x20x7xf16>
    return %c : tensor<3x20x7xf16>
  }

// FUSED: remark: moved out of its fused group: it runs on the accelerator, the rest of the group on the host
// FUSED: remark: on the accelerator: 7x33 * 33x20
// FUSED: func.func private @mlp_accel0
// FUSED: accel.wait
// FUSED-LABEL: func.func @mlp
// FUSED-NOT: accel.
// FUSED: call @mlp_accel0
// FUSED: loop.for
// FUSED: arith.addf
// FUSED: arith.maximumf
// FUSED-NOT: accel.
// FUSED: return
  func.func @mlp(%x: tensor<7x33xf16>, %w: tensor<33x20xf16>, %b: tensor<20xf16>) -> tensor<7x20xf16> {
    %m = mlt.matmul %x, %w : tensor<7x33xf16>, tensor<33x20xf16> -> tensor<7x20xf16>
    %s = mlt.add %m, %b : tensor<7x20xf16>, tensor<20xf16> -> tensor<7x20xf16>
    %r = mlt.relu %s : tensor<7x20xf16>
    %y = mlt.softmax %r axis = 1 : tensor<7x20xf16>
    return %y : tensor<7x20xf16>
  }
}
