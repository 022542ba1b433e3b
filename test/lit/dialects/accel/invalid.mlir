// accel: one case per verifier rule, each with its exact message.
// RUN: ml-opt --split-input-file --verify-diagnostics %s

//===----------------------------------------------------------------------===//
// #accel.target parameters
//===----------------------------------------------------------------------===//

// expected-error @+1 {{PE array rows and columns must be > 0, got 16x0}}
module attributes {accel.target = #accel.target<pe = 16x0, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {}

// -----

// expected-error @+1 {{expected the PE array as ROWSxCOLS, e.g. 16x16}}
module attributes {accel.target = #accel.target<pe = 16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {}

// -----

// expected-error @+1 {{scratchpad size must be > 0 bytes, got 0}}
module attributes {accel.target = #accel.target<pe = 16x16, spad = 0, acc = 65536, dma = 64, in = i8, acc_t = i32>} {}

// -----

// expected-error @+1 {{accumulator size must be > 0 bytes, got -1}}
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = -1, dma = 64, in = i8, acc_t = i32>} {}

// -----

// expected-error @+1 {{DMA bandwidth must be > 0 bytes/cycle, got 0}}
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 0, in = i8, acc_t = i32>} {}

// -----

// expected-error @+1 {{input type f64 is not one of i8, f16, bf16, f32}}
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = f64, acc_t = f64>} {}

// -----

// expected-error @+1 {{accumulator type f32 must be i32 for input type i8}}
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = f32>} {}

// -----

// expected-error @+1 {{accumulator type i32 must be f32 for input type bf16}}
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = bf16, acc_t = i32>} {}

// -----

// expected-error @+1 {{'accel.target' must be a #accel.target, got 16 : i64}}
module attributes {accel.target = 16} {}

// -----

// expected-error @+1 {{unknown accel attribute 'accel.tgt'}}
module attributes {accel.tgt = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {}

//===----------------------------------------------------------------------===//
// !accel.buf parameters
//===----------------------------------------------------------------------===//

// -----

// expected-error @+1 {{expected buffer kind 'spad' or 'acc', got 'dram'}}
func.func private @f(!accel.buf<dram, 16x16xi8>)

// -----

// expected-error @+1 {{buffer must have at least one dimension}}
func.func private @f(!accel.buf<spad, i8>)

// -----

// expected-error @+1 {{buffer dimensions must be > 0, got 16x0}}
func.func private @f(!accel.buf<spad, 16x0xi8>)

// -----

// expected-error @+1 {{buffer element type f64 is not one of i8, i32, f16, bf16, f32}}
func.func private @f(!accel.buf<acc, 16x16xf64>)

//===----------------------------------------------------------------------===//
// The target in scope
//===----------------------------------------------------------------------===//

// -----

func.func @no_target() {
  // expected-error @+1 {{'accel.alloc' op needs an 'accel.target' attribute (a #accel.target) on an enclosing op}}
  %a = accel.alloc : !accel.buf<spad, 16x16xi8>
  return
}

// -----

func.func @no_target_matmul(%c: !accel.buf<acc, 16x16xi32>, %a: !accel.buf<spad, 16x16xi8>) {
  // expected-error @+1 {{'accel.matmul' op needs an 'accel.target' attribute (a #accel.target) on an enclosing op}}
  %t = accel.matmul %c += %a * %a : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
  return
}

//===----------------------------------------------------------------------===//
// accel.alloc
//===----------------------------------------------------------------------===//

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @spad_type() {
    // expected-error @+1 {{'accel.alloc' op element type f32 is not the target's input type i8}}
    %a = accel.alloc : !accel.buf<spad, 16x16xf32>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @acc_type() {
    // expected-error @+1 {{'accel.alloc' op element type i8 is not the target's accumulator type i32}}
    %a = accel.alloc : !accel.buf<acc, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @spad_full() {
    // expected-error @+1 {{'accel.alloc' op buffer of 300000 bytes exceeds the 262144-byte scratchpad}}
    %a = accel.alloc : !accel.buf<spad, 300x1000xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @acc_full() {
    // expected-error @+1 {{'accel.alloc' op buffer of 131072 bytes exceeds the 65536-byte accumulator}}
    %a = accel.alloc : !accel.buf<acc, 128x256xi32>
    return
  }
}

//===----------------------------------------------------------------------===//
// accel.dma_in / accel.dma_out
//===----------------------------------------------------------------------===//

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @rank(%m: memref<4x64x64xi8>, %b: !accel.buf<spad, 16x16xi8>, %i: index) {
    // expected-error @+1 {{'accel.dma_in' op memref rank 3 does not match the buffer rank 2}}
    %t = accel.dma_in %m[%i, %i, %i] to %b : memref<4x64x64xi8> -> !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @offsets(%m: memref<64x64xi8>, %b: !accel.buf<spad, 16x16xi8>, %i: index) {
    // expected-error @+1 {{'accel.dma_in' op expected 2 offsets (one per memref dimension), got 1}}
    %t = accel.dma_in %m[%i] to %b : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @elt(%m: memref<64x64xi32>, %b: !accel.buf<spad, 16x16xi8>, %i: index) {
    // expected-error @+1 {{'accel.dma_in' op memref element type i32 differs from the buffer element type i8}}
    %t = accel.dma_in %m[%i, %i] to %b : memref<64x64xi32> -> !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @tile_fit(%m: memref<8x64xi8>, %b: !accel.buf<spad, 16x16xi8>, %i: index) {
    // expected-error @+1 {{'accel.dma_in' op tile of 16x16 exceeds memref dimension 0 of size 8}}
    %t = accel.dma_in %m[%i, %i] to %b : memref<8x64xi8> -> !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @dest_type(%m: memref<64x64xf32>, %b: !accel.buf<spad, 16x16xf32>, %i: index) {
    // expected-error @+1 {{'accel.dma_in' op destination element type f32 is not the target's input type i8}}
    %t = accel.dma_in %m[%i, %i] to %b : memref<64x64xf32> -> !accel.buf<spad, 16x16xf32>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @dest_full(%m: memref<?x?xi8>, %b: !accel.buf<spad, 300x1000xi8>, %i: index) {
    // expected-error @+1 {{'accel.dma_in' op destination buffer of 300000 bytes exceeds the 262144-byte scratchpad}}
    %t = accel.dma_in %m[%i, %i] to %b : memref<?x?xi8> -> !accel.buf<spad, 300x1000xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @out_elt(%m: memref<64x64xi8>, %b: !accel.buf<acc, 16x16xi32>, %i: index) {
    // expected-error @+1 {{'accel.dma_out' op memref element type i8 differs from the buffer element type i32}}
    %t = accel.dma_out %b to %m[%i, %i] : !accel.buf<acc, 16x16xi32> -> memref<64x64xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = f16, acc_t = f32>} {
  func.func @source_type(%m: memref<64x64xf16>, %b: !accel.buf<acc, 16x16xf16>, %i: index) {
    // expected-error @+1 {{'accel.dma_out' op source element type f16 is not the target's accumulator type f32}}
    %t = accel.dma_out %b to %m[%i, %i] : !accel.buf<acc, 16x16xf16> -> memref<64x64xf16>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @source_full(%m: memref<?x?xi32>, %b: !accel.buf<acc, 128x256xi32>, %i: index) {
    // expected-error @+1 {{'accel.dma_out' op source buffer of 131072 bytes exceeds the 65536-byte accumulator}}
    %t = accel.dma_out %b to %m[%i, %i] : !accel.buf<acc, 128x256xi32> -> memref<?x?xi32>
    return
  }
}

//===----------------------------------------------------------------------===//
// accel.matmul
//===----------------------------------------------------------------------===//

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @kind(%c: !accel.buf<acc, 16x16xi32>, %b: !accel.buf<spad, 16x16xi8>) {
    // expected-error @+1 {{'accel.matmul' op operand #1 must be scratchpad buffer, but got '!accel.buf<acc, 16x16xi32>'}}
    %t = accel.matmul %c += %c * %b : !accel.buf<acc, 16x16xi32>, !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @acc_kind(%c: !accel.buf<spad, 16x16xi8>, %b: !accel.buf<spad, 16x16xi8>) {
    // expected-error @+1 {{'accel.matmul' op operand #0 must be accumulator buffer, but got '!accel.buf<spad, 16x16xi8>'}}
    %t = accel.matmul %c += %b * %b : !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @rank3(%c: !accel.buf<acc, 16x16xi32>, %a: !accel.buf<spad, 2x16x16xi8>, %b: !accel.buf<spad, 16x16xi8>) {
    // expected-error @+1 {{'accel.matmul' op lhs must be a 2-D buffer, got rank 3}}
    %t = accel.matmul %c += %a * %b : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 2x16x16xi8>, !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @k(%c: !accel.buf<acc, 16x16xi32>, %a: !accel.buf<spad, 16x8xi8>, %b: !accel.buf<spad, 16x16xi8>) {
    // expected-error @+1 {{'accel.matmul' op lhs 16x8 and rhs 16x16 disagree on K: 8 vs 16}}
    %t = accel.matmul %c += %a * %b : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x8xi8>, !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @acc_shape(%c: !accel.buf<acc, 16x8xi32>, %a: !accel.buf<spad, 16x16xi8>) {
    // expected-error @+1 {{'accel.matmul' op acc 16x8 does not match the 16x16 product of lhs and rhs}}
    %t = accel.matmul %c += %a * %a : !accel.buf<acc, 16x8xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @pe_rows(%c: !accel.buf<acc, 32x16xi32>, %a: !accel.buf<spad, 32x16xi8>, %b: !accel.buf<spad, 16x16xi8>) {
    // expected-error @+1 {{'accel.matmul' op tile of 32x16 exceeds the 16x16 PE array}}
    %t = accel.matmul %c += %a * %b : !accel.buf<acc, 32x16xi32>, !accel.buf<spad, 32x16xi8>, !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @pe_cols(%c: !accel.buf<acc, 16x32xi32>, %a: !accel.buf<spad, 16x64xi8>, %b: !accel.buf<spad, 64x32xi8>) {
    // expected-error @+1 {{'accel.matmul' op tile of 16x32 exceeds the 16x16 PE array}}
    %t = accel.matmul %c += %a * %b : !accel.buf<acc, 16x32xi32>, !accel.buf<spad, 16x64xi8>, !accel.buf<spad, 64x32xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @in_type(%c: !accel.buf<acc, 16x16xi32>, %a: !accel.buf<spad, 16x16xi8>, %b: !accel.buf<spad, 16x16xf16>) {
    // expected-error @+1 {{'accel.matmul' op rhs element type f16 is not the target's input type i8}}
    %t = accel.matmul %c += %a * %b : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xf16>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @acc_t(%c: !accel.buf<acc, 16x16xf32>, %a: !accel.buf<spad, 16x16xi8>) {
    // expected-error @+1 {{'accel.matmul' op acc element type f32 is not the target's accumulator type i32}}
    %t = accel.matmul %c += %a * %a : !accel.buf<acc, 16x16xf32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 1024, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @lhs_full(%c: !accel.buf<acc, 16x16xi32>, %a: !accel.buf<spad, 16x128xi8>, %b: !accel.buf<spad, 128x16xi8>) {
    // expected-error @+1 {{'accel.matmul' op lhs buffer of 2048 bytes exceeds the 1024-byte scratchpad}}
    %t = accel.matmul %c += %a * %b : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x128xi8>, !accel.buf<spad, 128x16xi8>
    return
  }
}

//===----------------------------------------------------------------------===//
// accel.wait
//===----------------------------------------------------------------------===//

// -----

func.func @wait_nothing() {
  // expected-error @+1 {{'accel.wait' op needs at least one token}}
  accel.wait
  return
}

//===----------------------------------------------------------------------===//
// Edge-tile sizes
//===----------------------------------------------------------------------===//

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @sizes_count(%x: memref<64x64xi8>, %a: !accel.buf<spad, 16x16xi8>, %i: index) {
    // expected-error @+1 {{'accel.dma_in' op expected 2 sizes (one per memref dimension), got 1}}
    %t = accel.dma_in %x[%i, %i][%i] to %a : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @size_too_big(%y: memref<64x64xi32>, %c: !accel.buf<acc, 16x16xi32>, %i: index) {
    %c17 = arith.constant 17 : index
    // expected-error @+1 {{'accel.dma_out' op size 17 of dimension 1 is outside [1, 16] (the buffer's dimension)}}
    %t = accel.dma_out %c to %y[%i, %i][%i, %c17] : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
    return
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @size_zero(%x: memref<64x64xi8>, %a: !accel.buf<spad, 16x16xi8>, %i: index) {
    %c0 = arith.constant 0 : index
    // expected-error @+1 {{'accel.dma_in' op size 0 of dimension 0 is outside [1, 16] (the buffer's dimension)}}
    %t = accel.dma_in %x[%i, %i][%c0, %i] to %a : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    return
  }
}
