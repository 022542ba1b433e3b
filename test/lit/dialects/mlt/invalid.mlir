// Every mlt verifier rule, with its exact message.
// RUN: ml-opt --split-input-file --verify-diagnostics %s

func.func @case0(%a: tensor<?x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+1 {{'mlt.matmul' op operand #0 has type 'tensor<?x8xf32>' with a dynamic dimension: dynamic shapes are not supported yet}}
  %0 = mlt.matmul %a, %b : tensor<?x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
  return
}

// -----

func.func @case1(%a: tensor<4xf32>) {
  %0 = mlt.relu %a : tensor<4xf32>
  // expected-error @+1 {{'mlt.reshape' op result #0 has type 'tensor<?xf32>' with a dynamic dimension: dynamic shapes are not supported yet}}
  %1 = mlt.reshape %0 : tensor<4xf32> -> tensor<?xf32>
  return
}

// -----

func.func @case2(%a: tensor<4xi16>) {
  // expected-error @+1 {{'mlt.relu' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type or 8-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi16>'}}
  %0 = mlt.relu %a : tensor<4xi16>
  return
}

// -----

func.func @case3(%a: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.exp' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = mlt.exp %a : tensor<4xi32>
  return
}

// -----

func.func @case4(%a: tensor<2x4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+1 {{'mlt.matmul' op lhs must be a 2-D tensor, got rank 3}}
  %0 = mlt.matmul %a, %b : tensor<2x4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
  return
}

// -----

func.func @case5(%a: tensor<4x8xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{'mlt.matmul' op rhs must be a 2-D tensor, got rank 1}}
  %0 = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x16xf32>
  return
}

// -----

func.func @case6(%a: tensor<4x8xf32>, %b: tensor<8x16xf16>) {
  // expected-error @+1 {{'mlt.matmul' op lhs element type 'f32' differs from rhs element type 'f16'}}
  %0 = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<8x16xf16> -> tensor<4x16xf32>
  return
}

// -----

func.func @case7(%a: tensor<4x8xi8>, %b: tensor<8x16xi8>) {
  // expected-error @+1 {{'mlt.matmul' op i8 operands need an i32 result (integer accumulation), got 'i8'}}
  %0 = mlt.matmul %a, %b : tensor<4x8xi8>, tensor<8x16xi8> -> tensor<4x16xi8>
  return
}

// -----

func.func @case8(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+1 {{'mlt.matmul' op result element type 'f16' differs from the operand element type 'f32'}}
  %0 = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf16>
  return
}

// -----

func.func @case9(%a: tensor<4x8xf32>, %b: tensor<7x16xf32>) {
  // expected-error @+1 {{'mlt.matmul' op contraction dimensions differ: lhs [4, 8] has K = 8, rhs [7, 16] has K = 7}}
  %0 = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<7x16xf32> -> tensor<4x16xf32>
  return
}

// -----

func.func @case10(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+1 {{'mlt.matmul' op result shape [16, 4] does not match the expected [4, 16]}}
  %0 = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<16x4xf32>
  return
}

// -----

func.func @case11(%a: tensor<4x8xf32>, %b: tensor<2x8x16xf32>) {
  // expected-error @+1 {{'mlt.batch_matmul' op lhs must be a 3-D tensor, got rank 2}}
  %0 = mlt.batch_matmul %a, %b : tensor<4x8xf32>, tensor<2x8x16xf32> -> tensor<2x4x16xf32>
  return
}

// -----

func.func @case12(%a: tensor<3x4x8xf32>, %b: tensor<2x8x16xf32>) {
  // expected-error @+1 {{'mlt.batch_matmul' op batch sizes differ: lhs [3, 4, 8] has 3, rhs [2, 8, 16] has 2}}
  %0 = mlt.batch_matmul %a, %b : tensor<3x4x8xf32>, tensor<2x8x16xf32> -> tensor<2x4x16xf32>
  return
}

// -----

func.func @case13(%a: tensor<2x4x8xf32>, %b: tensor<2x9x16xf32>) {
  // expected-error @+1 {{'mlt.batch_matmul' op contraction dimensions differ: lhs [2, 4, 8] has K = 8, rhs [2, 9, 16] has K = 9}}
  %0 = mlt.batch_matmul %a, %b : tensor<2x4x8xf32>, tensor<2x9x16xf32> -> tensor<2x4x16xf32>
  return
}

// -----

func.func @case14(%a: tensor<2x4x8xf32>, %b: tensor<2x8x16xf32>) {
  // expected-error @+1 {{'mlt.batch_matmul' op result shape [4, 16] does not match the expected [2, 4, 16]}}
  %0 = mlt.batch_matmul %a, %b : tensor<2x4x8xf32>, tensor<2x8x16xf32> -> tensor<4x16xf32>
  return
}

// -----

func.func @case15(%x: tensor<3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op input must be a 4-D tensor, got rank 3}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case16(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op filter must be a 4-D tensor, got rank 3}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case17(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op strides needs 2 values, got 1}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case18(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op strides values must be >= 1, got [0, 1]}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [0, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case19(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op padding values must be >= 0, got [0, -1, 0, 0]}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, -1, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case20(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op dilations needs 2 values, got 3}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case21(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op groups must be >= 1, got 0}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 0 : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case22(%x: tensor<1x3x8x8xf32>, %w: tensor<16x2x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op input has 3 channels but the filter [16, 2, 3, 3] takes 2 per group x 1 group(s)}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x2x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case23(%x: tensor<1x4x8x8xf32>, %w: tensor<15x2x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op filter output channels 15 are not divisible by groups 2}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 2 : tensor<1x4x8x8xf32>, tensor<15x2x3x3xf32> -> tensor<1x15x6x6xf32>
  return
}

// -----

func.func @case24(%x: tensor<1x3x2x2xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op the dilated 3x3 kernel does not fit the padded 2x2 input}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x3x2x2xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x6x6xf32>
  return
}

// -----

func.func @case25(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op result shape [1, 16, 8, 8] does not match the expected [1, 16, 6, 6]}}
  %0 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @case26(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x16xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op result shape [1, 6, 6, 15] does not match the expected [1, 6, 6, 16]}}
  %0 = mlt.conv2d %x, %w layout = nhwc strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x8x8x3xf32>, tensor<3x3x3x16xf32> -> tensor<1x6x6x15xf32>
  return
}

// -----

func.func @case27(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error @+1 {{'mlt.conv2d' op result element type 'i32' differs from the operand element type 'f32'}}
  %0 = mlt.conv2d %x, %w layout = nhwc strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x6x6x16xi32>
  return
}

// -----

func.func @case28(%a: tensor<4xf32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.add' op lhs element type 'f32' differs from rhs element type 'i32'}}
  %0 = mlt.add %a, %b : tensor<4xf32>, tensor<4xi32> -> tensor<4xf32>
  return
}

// -----

func.func @case29(%a: tensor<4xi8>, %b: tensor<4xi8>) {
  // expected-error @+1 {{'mlt.mul' op result element type 'i32' differs from the operand element type 'i8'}}
  %0 = mlt.mul %a, %b : tensor<4xi8>, tensor<4xi8> -> tensor<4xi32>
  return
}

// -----

func.func @case30(%a: tensor<4xi32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.pow' op this op needs a float element type, got 'i32'}}
  %0 = mlt.pow %a, %b : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @case31(%a: tensor<4x3xf32>, %b: tensor<5xf32>) {
  // expected-error @+1 {{'mlt.sub' op operand shapes [4, 3] and [5] are not broadcast-compatible}}
  %0 = mlt.sub %a, %b : tensor<4x3xf32>, tensor<5xf32> -> tensor<4x5xf32>
  return
}

// -----

func.func @case32(%a: tensor<4x1xf32>, %b: tensor<5xf32>) {
  // expected-error @+1 {{'mlt.max' op result shape [4, 1] does not match the expected [4, 5]}}
  %0 = mlt.max %a, %b : tensor<4x1xf32>, tensor<5xf32> -> tensor<4x1xf32>
  return
}

// -----

func.func @case33(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.clamp' op min 6.000000e+00 is greater than max 0.000000e+00}}
  %0 = mlt.clamp %a min = 6.0 max = 0.0 : tensor<4xf32>
  return
}

// -----

func.func @case34(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.cast' op result shape [2, 2] does not match the expected [4]}}
  %0 = mlt.cast %a : tensor<4xf32> -> tensor<2x2xi8>
  return
}

// -----

func.func @case35(%a: tensor<f32>) {
  // expected-error @+1 {{'mlt.softmax' op input must have rank >= 1}}
  %0 = mlt.softmax %a axis = 0 : tensor<f32>
  return
}

// -----

func.func @case36(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.softmax' op axis 2 is out of range for rank 2 (expected -2 to 1)}}
  %0 = mlt.softmax %a axis = 2 : tensor<4x8xf32>
  return
}

// -----

func.func @case37(%a: tensor<4x8xi32>) {
  // expected-error @+1 {{'mlt.reduce' op mean needs a float element type, got 'i32'}}
  %0 = mlt.reduce mean %a axes = [1] : tensor<4x8xi32> -> tensor<4xi32>
  return
}

// -----

func.func @case38(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.reduce' op input element type 'f32' differs from result element type 'f16'}}
  %0 = mlt.reduce sum %a axes = [1] : tensor<4x8xf32> -> tensor<4xf16>
  return
}

// -----

func.func @case39(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.reduce' op axes must name at least one dimension}}
  %0 = mlt.reduce sum %a axes = [] : tensor<4x8xf32> -> tensor<4x8xf32>
  return
}

// -----

func.func @case40(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.reduce' op axis -3 is out of range for rank 2 (expected -2 to 1)}}
  %0 = mlt.reduce sum %a axes = [-3] : tensor<4x8xf32> -> tensor<8xf32>
  return
}

// -----

func.func @case41(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.reduce' op axis 1 is listed twice in axes [1, -1]}}
  %0 = mlt.reduce max %a axes = [1, -1] : tensor<4x8xf32> -> tensor<4xf32>
  return
}

// -----

func.func @case42(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.reduce' op result shape [4, 1] does not match the expected [4]}}
  %0 = mlt.reduce sum %a axes = [1] : tensor<4x8xf32> -> tensor<4x1xf32>
  return
}

// -----

func.func @case43(%x: tensor<3x8x8xf32>) {
  // expected-error @+1 {{'mlt.pool2d' op input must be a 4-D tensor, got rank 3}}
  %0 = mlt.pool2d max %x layout = nchw kernel = [2, 2] strides = [2, 2] padding = [0, 0, 0, 0] : tensor<3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @case44(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'mlt.pool2d' op kernel needs 2 values, got 1}}
  %0 = mlt.pool2d max %x layout = nchw kernel = [2] strides = [2, 2] padding = [0, 0, 0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @case45(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'mlt.pool2d' op padding [2, 0, 0, 0] must be smaller than the kernel [2, 2]}}
  %0 = mlt.pool2d max %x layout = nchw kernel = [2, 2] strides = [2, 2] padding = [2, 0, 0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @case46(%x: tensor<1x3x8x8xi8>) {
  // expected-error @+1 {{'mlt.pool2d' op avg needs a float element type, got 'i8'}}
  %0 = mlt.pool2d avg %x layout = nchw kernel = [2, 2] strides = [2, 2] padding = [0, 0, 0, 0] : tensor<1x3x8x8xi8> -> tensor<1x3x4x4xi8>
  return
}

// -----

func.func @case47(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'mlt.pool2d' op the 9x9 kernel does not fit the padded 8x8 input}}
  %0 = mlt.pool2d max %x layout = nchw kernel = [9, 9] strides = [1, 1] padding = [0, 0, 0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @case48(%x: tensor<1x8x8x3xf32>) {
  // expected-error @+1 {{'mlt.pool2d' op result shape [1, 3, 4, 4] does not match the expected [1, 4, 4, 3]}}
  %0 = mlt.pool2d max %x layout = nhwc kernel = [2, 2] strides = [2, 2] padding = [0, 0, 0, 0] : tensor<1x8x8x3xf32> -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @case49(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.transpose' op perm [1, 1] is not a permutation of 0..1}}
  %0 = mlt.transpose %a perm = [1, 1] : tensor<4x8xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @case50(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.transpose' op result shape [8, 4] does not match the expected [4, 8]}}
  %0 = mlt.transpose %a perm = [0, 1] : tensor<4x8xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @case51(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.reshape' op input [4, 8] has 32 elements but result [5, 6] has 30}}
  %0 = mlt.reshape %a : tensor<4x8xf32> -> tensor<5x6xf32>
  return
}

// -----

func.func @case52(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'mlt.reshape' op input element type 'f32' differs from result element type 'i32'}}
  %0 = mlt.reshape %a : tensor<4x8xf32> -> tensor<32xi32>
  return
}

// -----

func.func @case53(%a: tensor<3x8xf32>) {
  // expected-error @+1 {{'mlt.broadcast' op input shape [3, 8] does not broadcast to [4, 8]}}
  %0 = mlt.broadcast %a : tensor<3x8xf32> -> tensor<4x8xf32>
  return
}

// -----

func.func @case54() {
  // expected-error @+1 {{'mlt.concat' op needs at least one input}}
  %0 = "mlt.concat"() <{axis = 0 : i64}> : () -> tensor<4xf32>
  return
}

// -----

func.func @case55(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.concat' op axis 1 is out of range for rank 1 (expected -1 to 0)}}
  %0 = mlt.concat %a axis = 1 : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @case56(%a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{'mlt.concat' op input #1 element type 'f16' differs from the result element type 'f32'}}
  %0 = mlt.concat %a, %b axis = 0 : tensor<4xf32>, tensor<4xf16> -> tensor<8xf32>
  return
}

// -----

func.func @case57(%a: tensor<4xf32>, %b: tensor<4x1xf32>) {
  // expected-error @+1 {{'mlt.concat' op input #1 has rank 2 but the result has rank 1}}
  %0 = mlt.concat %a, %b axis = 0 : tensor<4xf32>, tensor<4x1xf32> -> tensor<8xf32>
  return
}

// -----

func.func @case58(%a: tensor<2x4xf32>, %b: tensor<3x5xf32>) {
  // expected-error @+1 {{'mlt.concat' op input #1 shape [3, 5] differs from the result [5, 4] outside axis 0}}
  %0 = mlt.concat %a, %b axis = 0 : tensor<2x4xf32>, tensor<3x5xf32> -> tensor<5x4xf32>
  return
}

// -----

func.func @case59(%a: tensor<2x4xf32>, %b: tensor<3x4xf32>) {
  // expected-error @+1 {{'mlt.concat' op inputs add up to 5 along axis 0 but the result has 6}}
  %0 = mlt.concat %a, %b axis = 0 : tensor<2x4xf32>, tensor<3x4xf32> -> tensor<6x4xf32>
  return
}

// -----

func.func @fused_arg_count(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.fused' op body has 2 arguments for 1 inputs}}
  %0 = mlt.fused (%a) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>, %y: tensor<4xf32>):
    mlt.yield %x : tensor<4xf32>
  }
  return
}

// -----

func.func @fused_arg_type(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.fused' op body argument #0 has type 'tensor<4xf16>' but input #0 has type 'tensor<4xf32>'}}
  %0 = mlt.fused (%a) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf16>):
    %c = mlt.cast %x : tensor<4xf16> -> tensor<4xf32>
    mlt.yield %c : tensor<4xf32>
  }
  return
}

// -----

func.func @fused_foreign_op(%a: tensor<4xf32>) {
  %0 = mlt.fused (%a) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>):
    // expected-error @+1 {{'arith.addf' op is not an mlt op; mlt.fused groups hold only mlt ops}}
    %y = arith.addf %x, %x : tensor<4xf32>
    mlt.yield %y : tensor<4xf32>
  }
  return
}

// -----

func.func @fused_yield_types(%a: tensor<4xf32>) {
  %0 = mlt.fused (%a) : (tensor<4xf32>) -> tensor<4xi32> {
  ^bb0(%x: tensor<4xf32>):
    // expected-error @+1 {{'mlt.yield' op yields 1 value(s) of types 'tensor<4xf32>' but the group returns 'tensor<4xi32>'}}
    mlt.yield %x : tensor<4xf32>
  }
  return
}

// -----

func.func @fused_no_terminator(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.fused' op body must end with mlt.yield}}
  %0 = mlt.fused (%a) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>):
    %y = mlt.relu %x : tensor<4xf32>
  }
  return
}

// -----

func.func @yield_outside(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.yield' op expects parent op 'mlt.fused'}}
  mlt.yield %a : tensor<4xf32>
}

// -----

func.func @erf_int(%a: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.erf' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = mlt.erf %a : tensor<4xi32>
  return
}

// -----

func.func @leaky_relu_int(%a: tensor<4xi8>) {
  // expected-error @+1 {{'mlt.leaky_relu' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi8>'}}
  %0 = mlt.leaky_relu %a alpha = 0.1 : tensor<4xi8>
  return
}

// -----

func.func @argmax_rank0(%a: tensor<f32>) {
  // expected-error @+1 {{'mlt.argmax' op input must have rank >= 1}}
  %0 = mlt.argmax %a axis = 0 : tensor<f32> -> tensor<i64>
  return
}

// -----

func.func @argmax_axis(%a: tensor<3x4xf32>) {
  // expected-error @+1 {{'mlt.argmax' op axis 2 is out of range for rank 2 (expected -2 to 1)}}
  %0 = mlt.argmax %a axis = 2 : tensor<3x4xf32> -> tensor<3xi64>
  return
}

// -----

func.func @argmax_empty_axis(%a: tensor<3x0xf32>) {
  // expected-error @+1 {{'mlt.argmax' op axis 1 of input [3, 0] is empty: it has no element to pick}}
  %0 = mlt.argmax %a axis = -1 : tensor<3x0xf32> -> tensor<3xi64>
  return
}

// -----

func.func @argmax_i32_too_small(%a: tensor<2147483649xi8>) {
  // expected-error @+1 {{'mlt.argmax' op axis 0 has 2147483649 positions, too many for an i32 result}}
  %0 = mlt.argmax %a axis = 0 : tensor<2147483649xi8> -> tensor<i32>
  return
}

// -----

func.func @argmax_result_shape(%a: tensor<3x4xf32>) {
  // expected-error @+1 {{'mlt.argmax' op result shape [3] does not match the expected [3, 1]}}
  %0 = mlt.argmax %a axis = 1 keepdims : tensor<3x4xf32> -> tensor<3xi64>
  return
}

// -----

func.func @argmin_result_shape(%a: tensor<3x4xi8>) {
  // expected-error @+1 {{'mlt.argmin' op result shape [3, 1] does not match the expected [4]}}
  %0 = mlt.argmin %a axis = 0 select_last : tensor<3x4xi8> -> tensor<3x1xi32>
  return
}

// -----

func.func @argmin_result_type(%a: tensor<3x4xf32>) {
  // expected-error @+1 {{'mlt.argmin' op result #0 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = mlt.argmin %a axis = 1 : tensor<3x4xf32> -> tensor<3xf32>
  return
}

// -----

func.func @slice_element_type(%a: tensor<5x8xf32>) {
  // expected-error @+1 {{'mlt.slice' op input element type 'f32' differs from result element type 'f16'}}
  %0 = mlt.slice %a offsets = [0, 0] strides = [1, 1] : tensor<5x8xf32> -> tensor<5x8xf16>
  return
}

// -----

func.func @slice_rank(%a: tensor<5x8xf32>) {
  // expected-error @+1 {{'mlt.slice' op result rank 1 differs from the input rank 2}}
  %0 = mlt.slice %a offsets = [0, 0] strides = [1, 1] : tensor<5x8xf32> -> tensor<5xf32>
  return
}

// -----

func.func @slice_offsets_count(%a: tensor<5x8xf32>) {
  // expected-error @+1 {{'mlt.slice' op offsets needs 2 values (one per dim), got 1}}
  %0 = mlt.slice %a offsets = [0] strides = [1, 1] : tensor<5x8xf32> -> tensor<5x8xf32>
  return
}

// -----

func.func @slice_strides_count(%a: tensor<5x8xf32>) {
  // expected-error @+1 {{'mlt.slice' op strides needs 2 values (one per dim), got 3}}
  %0 = mlt.slice %a offsets = [0, 0] strides = [1, 1, 1] : tensor<5x8xf32> -> tensor<5x8xf32>
  return
}

// -----

func.func @slice_zero_stride(%a: tensor<5x8xf32>) {
  // expected-error @+1 {{'mlt.slice' op stride of dim 1 is 0; strides must be nonzero, got [1, 0]}}
  %0 = mlt.slice %a offsets = [0, 0] strides = [1, 0] : tensor<5x8xf32> -> tensor<5x1xf32>
  return
}

// -----

func.func @slice_offset(%a: tensor<5x8xf32>) {
  // expected-error @+1 {{'mlt.slice' op dim 0: offset 5 is outside the input dim of size 5 (expected 0 to 4)}}
  %0 = mlt.slice %a offsets = [5, 0] strides = [1, 1] : tensor<5x8xf32> -> tensor<1x8xf32>
  return
}

// -----

func.func @slice_last(%a: tensor<5x8xf32>) {
  // expected-error @+1 {{'mlt.slice' op dim 1: the last of 3 positions, 2 + 2 * -2 = -2, is outside the input dim of size 8 (expected 0 to 7)}}
  %0 = mlt.slice %a offsets = [0, 2] strides = [1, -2] : tensor<5x8xf32> -> tensor<5x3xf32>
  return
}

// -----

func.func @slice_overflow(%a: tensor<5x8xf32>) {
  // expected-error @+1 {{'mlt.slice' op dim 0: the last of 3 positions, 1 + 2 * 9223372036854775807, overflows}}
  %0 = mlt.slice %a offsets = [1, 0] strides = [9223372036854775807, 1] : tensor<5x8xf32> -> tensor<3x8xf32>
  return
}

// -----

func.func @gather_element_type(%a: tensor<5x4xf32>, %i: tensor<3xi64>) {
  // expected-error @+1 {{'mlt.gather' op input element type 'f32' differs from result element type 'i32'}}
  %0 = mlt.gather %a, %i axis = 0 : tensor<5x4xf32>, tensor<3xi64> -> tensor<3x4xi32>
  return
}

// -----

func.func @gather_rank0(%a: tensor<f32>, %i: tensor<3xi64>) {
  // expected-error @+1 {{'mlt.gather' op input must have rank >= 1}}
  %0 = mlt.gather %a, %i axis = 0 : tensor<f32>, tensor<3xi64> -> tensor<3xf32>
  return
}

// -----

func.func @gather_negative_axis(%a: tensor<5x4xf32>, %i: tensor<3xi64>) {
  // expected-error @+1 {{'mlt.gather' op axis -1 is out of range for rank 2 (expected 0 to 1; negative axes are not accepted)}}
  %0 = mlt.gather %a, %i axis = -1 : tensor<5x4xf32>, tensor<3xi64> -> tensor<5x3xf32>
  return
}

// -----

func.func @gather_empty_axis(%a: tensor<0x4xf32>, %i: tensor<3xi32>) {
  // expected-error @+1 {{'mlt.gather' op axis 0 of input [0, 4] is empty: no index can select from it}}
  %0 = mlt.gather %a, %i axis = 0 : tensor<0x4xf32>, tensor<3xi32> -> tensor<3x4xf32>
  return
}

// -----

func.func @gather_result_shape(%a: tensor<5x4xf32>, %i: tensor<2x3xi64>) {
  // expected-error @+1 {{'mlt.gather' op result shape [5, 6] does not match the expected [5, 2, 3]}}
  %0 = mlt.gather %a, %i axis = 1 : tensor<5x4xf32>, tensor<2x3xi64> -> tensor<5x6xf32>
  return
}

// -----

func.func @gather_index_type(%a: tensor<5x4xf32>, %i: tensor<3xi8>) {
  // expected-error @+1 {{'mlt.gather' op operand #1 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<3xi8>'}}
  %0 = mlt.gather %a, %i axis = 0 : tensor<5x4xf32>, tensor<3xi8> -> tensor<3x4xf32>
  return
}

// -----

func.func @cmp_types(%a: tensor<4xf32>, %b: tensor<4xf64>) {
  // expected-error @+1 {{'mlt.cmp' op lhs element type 'f32' differs from rhs element type 'f64'}}
  %0 = mlt.cmp eq %a, %b : tensor<4xf32>, tensor<4xf64> -> tensor<4xi1>
  return
}

// -----

func.func @cmp_bool_operands(%a: tensor<4xi1>) {
  // expected-error @+1 {{'mlt.cmp' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type or 8-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi1>'}}
  %0 = mlt.cmp eq %a, %a : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return
}

// -----

func.func @cmp_result_type(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.cmp' op result #0 must be ranked tensor of 1-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = mlt.cmp lt %a, %a : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @cmp_broadcast(%a: tensor<4x3xi32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.cmp' op operand shapes [4, 3] and [4] are not broadcast-compatible}}
  %0 = mlt.cmp ge %a, %b : tensor<4x3xi32>, tensor<4xi32> -> tensor<4x3xi1>
  return
}

// -----

func.func @cmp_result_shape(%a: tensor<4x1xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{'mlt.cmp' op result shape [4, 1] does not match the expected [4, 3]}}
  %0 = mlt.cmp gt %a, %b : tensor<4x1xf32>, tensor<3xf32> -> tensor<4x1xi1>
  return
}

// -----

func.func @cmp_predicate(%a: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'mlt.cmp' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, lt, le, gt, ge]}}
  %0 = mlt.cmp lte %a, %a : tensor<4xf32>, tensor<4xf32> -> tensor<4xi1>
  return
}

// -----

func.func @select_cond_type(%c: tensor<4xi8>, %x: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.select' op operand #0 must be ranked tensor of 1-bit signless integer values, but got 'tensor<4xi8>'}}
  %0 = mlt.select %c, %x, %x : tensor<4xi8>, tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @select_value_types(%c: tensor<4xi1>, %x: tensor<4xf32>, %y: tensor<4xf16>) {
  // expected-error @+1 {{'mlt.select' op x element type 'f32' differs from y element type 'f16'}}
  %0 = mlt.select %c, %x, %y : tensor<4xi1>, tensor<4xf32>, tensor<4xf16> -> tensor<4xf32>
  return
}

// -----

func.func @select_result_type(%c: tensor<4xi1>, %x: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.select' op x element type 'i32' differs from result element type 'i64'}}
  %0 = mlt.select %c, %x, %x : tensor<4xi1>, tensor<4xi32>, tensor<4xi32> -> tensor<4xi64>
  return
}

// -----

func.func @select_broadcast(%c: tensor<2x5xi1>, %x: tensor<3xf32>, %y: tensor<4x1x1xf32>) {
  // expected-error @+1 {{'mlt.select' op operand shapes [2, 5], [3] and [4, 1, 1] are not broadcast-compatible}}
  %0 = mlt.select %c, %x, %y : tensor<2x5xi1>, tensor<3xf32>, tensor<4x1x1xf32> -> tensor<4x2x3xf32>
  return
}

// -----

func.func @select_result_shape(%c: tensor<2x1xi1>, %x: tensor<3xf32>) {
  // expected-error @+1 {{'mlt.select' op result shape [3] does not match the expected [2, 3]}}
  %0 = mlt.select %c, %x, %x : tensor<2x1xi1>, tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @not_type(%x: tensor<4xi8>) {
  // expected-error @+1 {{'mlt.not' op operand #0 must be ranked tensor of 1-bit signless integer values, but got 'tensor<4xi8>'}}
  %0 = mlt.not %x : tensor<4xi8>
  return
}

// -----

func.func @and_type(%x: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.and' op operand #0 must be ranked tensor of 1-bit signless integer values, but got 'tensor<4xi32>'}}
  %0 = mlt.and %x, %x : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @xor_broadcast(%a: tensor<4xi1>, %b: tensor<3xi1>) {
  // expected-error @+1 {{'mlt.xor' op operand shapes [4] and [3] are not broadcast-compatible}}
  %0 = mlt.xor %a, %b : tensor<4xi1>, tensor<3xi1> -> tensor<4xi1>
  return
}

// -----

func.func @or_result_shape(%a: tensor<4x1xi1>, %b: tensor<3xi1>) {
  // expected-error @+1 {{'mlt.or' op result shape [4] does not match the expected [4, 3]}}
  %0 = mlt.or %a, %b : tensor<4x1xi1>, tensor<3xi1> -> tensor<4xi1>
  return
}

// -----

func.func @add_bool(%a: tensor<4xi1>) {
  // expected-error @+1 {{'mlt.add' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type or 8-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi1>'}}
  %0 = mlt.add %a, %a : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return
}

// -----

func.func @matmul_bool(%a: tensor<2x2xi1>) {
  // expected-error @+1 {{'mlt.matmul' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type or 8-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2x2xi1>'}}
  %0 = mlt.matmul %a, %a : tensor<2x2xi1>, tensor<2x2xi1> -> tensor<2x2xi1>
  return
}

// -----

func.func @reduce_bool(%a: tensor<2x2xi1>) {
  // expected-error @+1 {{'mlt.reduce' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type or 8-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2x2xi1>'}}
  %0 = mlt.reduce max %a axes = [0] : tensor<2x2xi1> -> tensor<2xi1>
  return
}

// -----

func.func @relu_bool(%a: tensor<2xi1>) {
  // expected-error @+1 {{'mlt.relu' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type or 8-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2xi1>'}}
  %0 = mlt.relu %a : tensor<2xi1>
  return
}

// -----

func.func @cast_bool_shape(%a: tensor<2xi1>) {
  // expected-error @+1 {{'mlt.cast' op result shape [3] does not match the expected [2]}}
  %0 = mlt.cast %a : tensor<2xi1> -> tensor<3xf32>
  return
}

// -----

func.func @concat_bool_mixed(%a: tensor<2xi1>, %b: tensor<2xi8>) {
  // expected-error @+1 {{'mlt.concat' op input #1 element type 'i8' differs from the result element type 'i1'}}
  %0 = mlt.concat %a, %b axis = 0 : tensor<2xi1>, tensor<2xi8> -> tensor<4xi1>
  return
}

// -----

func.func @neg_i16(%a: tensor<2xi16>) {
  // expected-error @+1 {{'mlt.neg' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type or 8-bit signless integer or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2xi16>'}}
  %0 = mlt.neg %a : tensor<2xi16>
  return
}

// -----

func.func @quantize_scale_zero(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op scale must be a finite number > 0, got 0}}
  %0 = mlt.quantize %a {scale = 0.0 : f32, zero_point = 0 : i32} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_scale_negative(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op scale must be a finite number > 0, got -0.05}}
  %0 = mlt.quantize %a {scale = -0.05 : f32, zero_point = 0 : i32} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_scale_inf(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op scale must be a finite number > 0, got +Inf}}
  %0 = mlt.quantize %a {scale = 0x7F800000 : f32, zero_point = 0 : i32} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_scale_nan(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op scale must be a finite number > 0, got NaN}}
  %0 = mlt.quantize %a {scale = 0x7FC00000 : f32, zero_point = 0 : i32} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_scale_f64(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op attribute 'scale' failed to satisfy constraint: 32-bit float attribute}}
  %0 = mlt.quantize %a {scale = 0.5 : f64, zero_point = 0 : i32} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_zero_point_high(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op zero_point 128 is outside the i8 range [-128, 127]}}
  %0 = mlt.quantize %a {scale = 0.5 : f32, zero_point = 128 : i32} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_zero_point_low(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op zero_point -129 is outside the i8 range [-128, 127]}}
  %0 = mlt.quantize %a {scale = 0.5 : f32, zero_point = -129 : i32} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_missing_zero_point(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op requires attribute 'zero_point'}}
  %0 = mlt.quantize %a {scale = 0.5 : f32} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_shape(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op result shape [2, 2] does not match the expected [4]}}
  %0 = mlt.quantize %a {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<4xf32> -> tensor<2x2xi8>
  return
}

// -----

func.func @quantize_int_input(%a: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.quantize' op operand #0 must be ranked tensor of 32-bit float or 64-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xi32>'}}
  %0 = mlt.quantize %a {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @quantize_i32_result(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.quantize' op result #0 must be ranked tensor of 8-bit signless integer values, but got 'tensor<4xi32>'}}
  %0 = mlt.quantize %a {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<4xf32> -> tensor<4xi32>
  return
}

// -----

func.func @dequantize_scale_zero(%a: tensor<4xi8>) {
  // expected-error @+1 {{'mlt.dequantize' op scale must be a finite number > 0, got -0}}
  %0 = mlt.dequantize %a {scale = -0.0 : f32, zero_point = 0 : i32} : tensor<4xi8> -> tensor<4xf32>
  return
}

// -----

func.func @dequantize_zero_point_i8(%a: tensor<4xi8>) {
  // expected-error @+1 {{'mlt.dequantize' op zero_point 200 is outside the i8 range [-128, 127]}}
  %0 = mlt.dequantize %a {scale = 0.5 : f32, zero_point = 200 : i32} : tensor<4xi8> -> tensor<4xf32>
  return
}

// -----

func.func @dequantize_shape(%a: tensor<4xi32>) {
  // expected-error @+1 {{'mlt.dequantize' op result shape [5] does not match the expected [4]}}
  %0 = mlt.dequantize %a {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<4xi32> -> tensor<5xf32>
  return
}

// -----

func.func @dequantize_f32_input(%a: tensor<4xf32>) {
  // expected-error @+1 {{'mlt.dequantize' op operand #0 must be ranked tensor of 8-bit signless integer or 32-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = mlt.dequantize %a {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @dequantize_i64_input(%a: tensor<4xi64>) {
  // expected-error @+1 {{'mlt.dequantize' op operand #0 must be ranked tensor of 8-bit signless integer or 32-bit signless integer values, but got 'tensor<4xi64>'}}
  %0 = mlt.dequantize %a {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<4xi64> -> tensor<4xf32>
  return
}

// -----

func.func @dequantize_f16_result(%a: tensor<4xi8>) {
  // expected-error @+1 {{'mlt.dequantize' op result #0 must be ranked tensor of 32-bit float values, but got 'tensor<4xf16>'}}
  %0 = mlt.dequantize %a {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<4xi8> -> tensor<4xf16>
  return
}
