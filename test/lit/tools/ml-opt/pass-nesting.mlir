// An upstream pass restricted to func.func, given as a flag, nests under the
// module by itself (as in mlir-opt); module and op-agnostic passes do not.
// RUN: ml-opt --affine-loop-invariant-code-motion --cse --dump-pass-pipeline %s 2>&1 >/dev/null | FileCheck %s --check-prefix=PIPE
// RUN: ml-opt --affine-loop-invariant-code-motion %s | FileCheck %s

// PIPE: builtin.module(func.func(affine-loop-invariant-code-motion),cse)

// CHECK-LABEL: func.func @hoist
// CHECK-NEXT: arith.mulf
// CHECK-NEXT: affine.for
func.func @hoist(%buf: memref<16xf32>, %a: f32) {
  affine.for %i = 0 to 16 {
    %sq = arith.mulf %a, %a : f32
    affine.store %sq, %buf[%i] : memref<16xf32>
  }
  return
}
