// --lower-to-accel: conv2d (one group) is an im2col buffer built on the
// host plus one matmul per image on the accelerator, through views of the
// filter and the output (no copies): NCHW computes out[n] (F x OH*OW) =
// filter (F x C*KH*KW) · col[n]; NHWC computes out[n] (OH*OW x F) = col[n] ·
// filter (KH*KW*C x F). Padding reads as zeros.
// RUN: ml-opt --lower-to-accel --remarks %s 2>&1 | FileCheck %s

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
// CHECK: remark: on the accelerator: batched 5x27 * 27x25 in 4 steps of 5x27 * 27x16 tiles
// CHECK: remark: on the accelerator: 49x36 * 36x6 in 4 steps of 16x36 * 36x6 tiles
// CHECK: func.func private @nchw_accel0(%[[W:.*]]: memref<5x27xi8>, %[[COL:.*]]: memref<2x27x25xi8>, %[[Y:.*]]: memref<2x5x25xi32>) attributes {accel.target
// CHECK: accel.dma_in %[[W]]
// CHECK: memref.subview %[[COL]]
// CHECK: scf.for
// CHECK: memref.subview %[[Y]]
// CHECK: accel.wait
// CHECK-LABEL: func.func @nchw
// CHECK: %[[COLA:.*]] = memref.alloc() : memref<2x27x25xi8>
// CHECK-COUNT-6: loop.for
// CHECK: arith.select
// CHECK: memref.store %{{.*}}, %[[COLA]]
// CHECK: %[[WV:.*]] = memref.collapse_shape %arg1 {{\[}}[0], [1, 2, 3]] : memref<5x3x3x3xi8> into memref<5x27xi8>
// CHECK: %[[YV:.*]] = memref.collapse_shape %arg2 {{\[}}[0], [1], [2, 3]] : memref<2x5x5x5xi32> into memref<2x5x25xi32>
// CHECK: call @nchw_accel0(%[[WV]], %[[COLA]], %[[YV]])
// CHECK: memref.dealloc %[[COLA]]
  func.func @nchw(%x: tensor<2x3x9x9xi8>, %w: tensor<5x3x3x3xi8>) -> tensor<2x5x5x5xi32> {
    %y = mlt.conv2d %x, %w layout = nchw strides = [2, 2] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : tensor<2x3x9x9xi8>, tensor<5x3x3x3xi8> -> tensor<2x5x5x5xi32>
    return %y : tensor<2x5x5x5xi32>
  }

// CHECK: func.func private @nhwc_accel0(%{{.*}}: memref<1x49x36xi8>, %{{.*}}: memref<36x6xi8>, %{{.*}}: memref<1x49x6xi32>)
// CHECK-LABEL: func.func @nhwc
// CHECK: memref.alloc() : memref<1x49x36xi8>
// CHECK: memref.collapse_shape %arg1 {{\[}}[0, 1, 2], [3]] : memref<3x3x4x6xi8> into memref<36x6xi8>
// CHECK: memref.collapse_shape %arg2 {{\[}}[0], [1, 2], [3]] : memref<1x7x7x6xi32> into memref<1x49x6xi32>
// CHECK: call @nhwc_accel0
  func.func @nhwc(%x: tensor<1x7x7x4xi8>, %w: tensor<3x3x4x6xi8>) -> tensor<1x7x7x6xi32> {
    %y = mlt.conv2d %x, %w layout = nhwc strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : tensor<1x7x7x4xi8>, tensor<3x3x4x6xi8> -> tensor<1x7x7x6xi32>
    return %y : tensor<1x7x7x6xi32>
  }
}
