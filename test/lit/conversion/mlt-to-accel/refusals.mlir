// --lower-to-accel: a contraction the target cannot run or hold is one
// located error naming the limit, and the pass fails.
// RUN: ml-opt --lower-to-accel --split-input-file --verify-diagnostics %s -o /dev/null

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @float_on_int8(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>) -> tensor<4x4xf32> {
    // expected-error @+1 {{'mlt.matmul' cannot run on the accelerator: its operands are f32 but the target's PE array takes i8 (quantize them with mlt.quantize)}}
    %c = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<8x4xf32> -> tensor<4x4xf32>
    return %c : tensor<4x4xf32>
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = f32, acc_t = f32>} {
  func.func @int8_on_float(%a: tensor<4x8xi8>, %b: tensor<8x4xi8>) -> tensor<4x4xi32> {
    // expected-error @+1 {{'mlt.matmul' cannot run on the accelerator: its operands are i8 but the target's PE array takes f32 (cast them with mlt.cast)}}
    %c = mlt.matmul %a, %b : tensor<4x8xi8>, tensor<8x4xi8> -> tensor<4x4xi32>
    return %c : tensor<4x4xi32>
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @grouped(%x: tensor<1x4x8x8xi8>, %w: tensor<4x1x3x3xi8>) -> tensor<1x4x6x6xi32> {
    // expected-error @+1 {{'mlt.conv2d' cannot run on the accelerator: grouped convolution (groups = 4) has no im2col lowering yet}}
    %y = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 4 : tensor<1x4x8x8xi8>, tensor<4x1x3x3xi8> -> tensor<1x4x6x6xi32>
    return %y : tensor<1x4x6x6xi32>
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 63, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @spad_too_small(%a: tensor<32x8xi8>, %b: tensor<8x32xi8>) -> tensor<32x32xi32> {
    // expected-error @+1 {{'mlt.matmul' cannot run on the accelerator: the 63-byte scratchpad cannot hold 2 x (16x1 + 1x16) i8 tiles}}
    %c = mlt.matmul %a, %b : tensor<32x8xi8>, tensor<8x32xi8> -> tensor<32x32xi32>
    return %c : tensor<32x32xi32>
  }
}

// -----

module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 1024, dma = 64, in = i8, acc_t = i32>} {
  func.func @acc_too_small(%a: tensor<32x8xi8>, %b: tensor<8x32xi8>) -> tensor<32x32xi32> {
    // expected-error @+1 {{'mlt.matmul' cannot run on the accelerator: the 1024-byte accumulator cannot hold 2 16x16 i32 tiles (2048 bytes); try buffers=1}}
    %c = mlt.matmul %a, %b : tensor<32x8xi8>, tensor<8x32xi8> -> tensor<32x32xi32>
    return %c : tensor<32x32xi32>
  }
}

// -----

func.func @no_target(%a: tensor<4x8xi8>, %b: tensor<8x4xi8>) -> tensor<4x4xi32> {
  // expected-error @+1 {{--lower-to-accel needs an #accel.target: give one as --lower-to-accel=pe=16x16,spad=256KiB,acc=64KiB,dma=64,in=i8 or as the module's accel.target attribute}}
  %c = mlt.matmul %a, %b : tensor<4x8xi8>, tensor<8x4xi8> -> tensor<4x4xi32>
  return %c : tensor<4x4xi32>
}

// -----

// Softmax and the other host ops need no target.
func.func @host_only(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %y = mlt.softmax %x axis = 1 : tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
