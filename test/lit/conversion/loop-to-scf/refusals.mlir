// The upstream tail refuses ops it cannot lower, at the op, instead of
// leaving them in the output.
// RUN: ml-opt --split-input-file --verify-diagnostics --convert-loop-to-scf %s
// RUN: not ml-opt --lower-to-llvm %s --split-input-file 2>&1 | FileCheck %s

func.func @tensor_op(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'mlt.relu' cannot be lowered by --convert-loop-to-scf: mlt ops must first be lowered to loops (--lower-to-loops)}}
  %0 = mlt.relu %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK: refusals.mlir:[[@LINE-3]]:8: error: 'mlt.relu' cannot be lowered

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @accel_op() {
    // expected-error @+1 {{'accel.alloc' cannot be lowered by --convert-loop-to-scf: accel ops need the accelerator path (--lower-accel-to-llvm)}}
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    return
  }
}
// CHECK: refusals.mlir:[[@LINE-4]]:10: error: 'accel.alloc' cannot be lowered
