// --lower-to-accel: an empty product (M, N or the batch 0) emits nothing,
// and K = 0 writes zeros on the host; neither reaches the accelerator (its
// tile planning would divide by the empty dimension).
// RUN: ml-opt --lower-to-accel=pe=16x16,spad=256KiB,acc=64KiB,dma=64,in=i8 --remarks %s 2>&1 | FileCheck %s

// CHECK: remark: on the accelerator: nothing to compute (an empty product)
// CHECK: remark: not on the accelerator: K is 0, the product is zeros
// CHECK: remark: on the accelerator: nothing to compute (an empty product)
// CHECK-LABEL: func.func @m0
// CHECK-NOT: accel.
// CHECK: return
// CHECK-LABEL: func.func @k0
// CHECK-NOT: accel.
// CHECK: memref.store %c0_i32
// CHECK-LABEL: func.func @batch0
// CHECK-NOT: accel.
// CHECK: return
func.func @m0(%a: tensor<0x4xi8>, %b: tensor<4x5xi8>) -> tensor<0x5xi32> {
  %c = mlt.matmul %a, %b : tensor<0x4xi8>, tensor<4x5xi8> -> tensor<0x5xi32>
  return %c : tensor<0x5xi32>
}
func.func @k0(%a: tensor<3x0xi8>, %b: tensor<0x5xi8>) -> tensor<3x5xi32> {
  %c = mlt.matmul %a, %b : tensor<3x0xi8>, tensor<0x5xi8> -> tensor<3x5xi32>
  return %c : tensor<3x5xi32>
}
func.func @batch0(%a: tensor<0x3x4xi8>, %b: tensor<0x4x5xi8>) -> tensor<0x3x5xi32> {
  %c = mlt.batch_matmul %a, %b : tensor<0x3x4xi8>, tensor<0x4x5xi8> -> tensor<0x3x5xi32>
  return %c : tensor<0x3x5xi32>
}
