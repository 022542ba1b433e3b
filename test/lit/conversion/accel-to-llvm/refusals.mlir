// --lower-accel-to-llvm refuses what it cannot lower with a located error
// and changes nothing (every check runs before the first rewrite).
// RUN: ml-opt --split-input-file --verify-diagnostics --lower-accel-to-llvm %s

// mlt ops must be lowered to loops first.
func.func @tensor_op(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'mlt.relu' is not loop-level: --lower-accel-to-llvm works on loop.for nests over memrefs; run --lower-to-loops first}}
  %0 = mlt.relu %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// The runtime is configured at function entry, so the target must be in
// scope there, not only on an op inside the function.
func.func @inner_target(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{'accel.alloc' takes its #accel.target from 'scf.for' inside @inner_target, but --lower-accel-to-llvm configures the runtime at function entry: put the target on the function or an op around it}}
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
  } {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>}
  return
}

// -----

// One function, one target.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @two_targets(%n: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    scf.for %i = %c0 to %n step %c1 {
      // expected-error @+1 {{'accel.alloc' is under another #accel.target (on 'scf.for') than its function @two_targets: the runtime is configured once at function entry, so a function has one target}}
      %b = accel.alloc : !accel.buf<spad, 8x8xi8>
    } {accel.target = #accel.target<pe = 8x8, spad = 4096, acc = 4096, dma = 8, in = i8, acc_t = i32>}
    return
  }
}

// -----

// Accel ops outside a function have no entry to configure the runtime at.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  // expected-error @+1 {{'accel.alloc' is not inside a func.func: --lower-accel-to-llvm configures the runtime at function entry}}
  %a = accel.alloc : !accel.buf<spad, 16x16xi8>
}

// -----

// The runtime is declared in the top-level module, where a nested module's
// calls would not find it.
module {
  module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
    func.func @nested() {
      // expected-error @+1 {{'accel.alloc' is in a function of a nested module: --lower-accel-to-llvm declares the runtime in the top-level module only}}
      %a = accel.alloc : !accel.buf<spad, 16x16xi8>
      return
    }
  }
}

// -----

// The runtime's buffers are 2-D.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @rank3(%A: memref<4x64x64xi8>, %i: index) {
    // expected-error @+1 {{'accel.alloc' on a buffer of rank 3 (!accel.buf<spad, 2x16x16xi8>): the accel runtime has 2-D buffers only (rows x cols; a 1-D buffer is 1 x n)}}
    %a = accel.alloc : !accel.buf<spad, 2x16x16xi8>
    // expected-error @+1 {{'accel.dma_in' on a buffer of rank 3}}
    %t = accel.dma_in %A[%i, %i, %i] to %a : memref<4x64x64xi8> -> !accel.buf<spad, 2x16x16xi8>
    return
  }
}

// -----

// The DMA address comes from the memref's offset and strides.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @not_strided(%A: memref<64x64xi8, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>>, %i: index) {
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    // expected-error @+1 {{'accel.dma_in' on memref<64x64xi8, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>>: --lower-accel-to-llvm needs a memref with a strided layout (an offset and a stride per dimension)}}
    %t = accel.dma_in %A[%i, %i] to %a : memref<64x64xi8, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>> -> !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

// Accel values may only cross ops the pass knows how to retype.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @unknown_user() -> i64 {
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    // expected-error @+1 {{'builtin.unrealized_conversion_cast' uses an accel value (!accel.buf<spad, 16x16xi8>): --lower-accel-to-llvm turns accel buffers and tokens into i64 handles but cannot retype this op (accel values may only pass through scf, cf, loop.for, arith.select and func ops)}}
    %c = builtin.unrealized_conversion_cast %a : !accel.buf<spad, 16x16xi8> to i64
    return %c : i64
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @unknown_producer() {
    // expected-error @+1 {{'ub.poison' defines an accel value (!accel.token)}}
    %t = ub.poison : !accel.token
    accel.wait %t
    return
  }
}

// -----

// A runtime symbol the module already has must be the ABI's declaration.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  // expected-error @+1 {{'@accel_rt_alloc' exists but is not the accel runtime's declaration, a func.func of type (i32, i64, i64) -> i64}}
  func.func private @accel_rt_alloc(i64, i64, i64) -> i64
  func.func @clash() {
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    return
  }
}
