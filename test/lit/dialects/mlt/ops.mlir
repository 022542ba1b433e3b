// Every mlt op parses, prints in its custom form, and round-trips through
// both the custom and the generic form.
// RUN: ml-opt %s | ml-opt | FileCheck %s
// RUN: ml-opt --mlir-print-generic %s | ml-opt | FileCheck %s
// RUN: ml-opt %s > %t.1 && ml-opt %t.1 > %t.2 && diff %t.1 %t.2
// RUN: ml-opt --mlir-print-generic %s > %t.g1 && ml-opt --mlir-print-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2

// CHECK-LABEL: func.func @contractions
// CHECK: mlt.matmul %{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
// CHECK: mlt.matmul %{{.*}}, %{{.*}} : tensor<3x5xi8>, tensor<5x7xi8> -> tensor<3x7xi32>
// CHECK: mlt.batch_matmul %{{.*}}, %{{.*}} : tensor<2x4x8xbf16>, tensor<2x8x16xbf16> -> tensor<2x4x16xbf16>
// CHECK: mlt.conv2d %{{.*}}, %{{.*}} layout = nchw strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x8x8xf32>
// CHECK: mlt.conv2d %{{.*}}, %{{.*}} layout = nhwc strides = [2, 2] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 2 : tensor<1x7x7x4xi8>, tensor<3x3x2x6xi8> -> tensor<1x4x4x6xi32>
// CHECK: mlt.conv2d %{{.*}}, %{{.*}} layout = nchw strides = [1, 1] padding = [0, 0, 0, 0] dilations = [2, 2] groups = 1 : tensor<1x1x9x9xf16>, tensor<1x1x3x3xf16> -> tensor<1x1x5x5xf16>
func.func @contractions(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>,
                        %qa: tensor<3x5xi8>, %qb: tensor<5x7xi8>,
                        %ba: tensor<2x4x8xbf16>, %bb: tensor<2x8x16xbf16>,
                        %x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                        %qx: tensor<1x7x7x4xi8>, %qw: tensor<3x3x2x6xi8>,
                        %hx: tensor<1x1x9x9xf16>, %hw: tensor<1x1x3x3xf16>) {
  %0 = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
  %1 = mlt.matmul %qa, %qb : tensor<3x5xi8>, tensor<5x7xi8> -> tensor<3x7xi32>
  %2 = mlt.batch_matmul %ba, %bb : tensor<2x4x8xbf16>, tensor<2x8x16xbf16> -> tensor<2x4x16xbf16>
  %3 = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [1, 1, 1, 1]
         dilations = [1, 1] groups = 1
         : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x8x8xf32>
  %4 = mlt.conv2d %qx, %qw layout = nhwc strides = [2, 2] padding = [1, 1, 1, 1]
         dilations = [1, 1] groups = 2
         : tensor<1x7x7x4xi8>, tensor<3x3x2x6xi8> -> tensor<1x4x4x6xi32>
  %5 = mlt.conv2d %hx, %hw layout = nchw strides = [1, 1] padding = [0, 0, 0, 0]
         dilations = [2, 2] groups = 1
         : tensor<1x1x9x9xf16>, tensor<1x1x3x3xf16> -> tensor<1x1x5x5xf16>
  return
}

// CHECK-LABEL: func.func @binary
// CHECK: mlt.add %{{.*}}, %{{.*}} : tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xf32>
// CHECK: mlt.sub %{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK: mlt.mul %{{.*}}, %{{.*}} : tensor<f32>, tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK: mlt.div %{{.*}}, %{{.*}} : tensor<2x1x3xi32>, tensor<5x1xi32> -> tensor<2x5x3xi32>
// CHECK: mlt.max %{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK: mlt.min %{{.*}}, %{{.*}} : tensor<4x8xi64>, tensor<1xi64> -> tensor<4x8xi64>
// CHECK: mlt.pow %{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
func.func @binary(%a: tensor<4x1xf32>, %b: tensor<8xf32>, %c: tensor<4x8xf32>,
                  %s: tensor<f32>, %i: tensor<2x1x3xi32>, %j: tensor<5x1xi32>,
                  %l: tensor<4x8xi64>, %m: tensor<1xi64>) {
  %0 = mlt.add %a, %b : tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xf32>
  %1 = mlt.sub %c, %c : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  %2 = mlt.mul %s, %c : tensor<f32>, tensor<4x8xf32> -> tensor<4x8xf32>
  %3 = mlt.div %i, %j : tensor<2x1x3xi32>, tensor<5x1xi32> -> tensor<2x5x3xi32>
  %4 = mlt.max %c, %c : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  %5 = mlt.min %l, %m : tensor<4x8xi64>, tensor<1xi64> -> tensor<4x8xi64>
  %6 = mlt.pow %c, %c : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  return
}

// CHECK-LABEL: func.func @unary
// CHECK: mlt.relu %{{.*}} : tensor<4x8xf32>
// CHECK: mlt.relu %{{.*}} : tensor<4x8xi8>
// CHECK: mlt.sigmoid %{{.*}} : tensor<4x8xf32>
// CHECK: mlt.tanh %{{.*}} : tensor<4x8xf16>
// CHECK: mlt.gelu %{{.*}} : tensor<4x8xf32>
// CHECK: mlt.exp %{{.*}} : tensor<4x8xf32>
// CHECK: mlt.log %{{.*}} : tensor<4x8xbf16>
// CHECK: mlt.sqrt %{{.*}} : tensor<4x8xf32>
// CHECK: mlt.rsqrt %{{.*}} : tensor<4x8xf32>
// CHECK: mlt.neg %{{.*}} : tensor<4x8xi32>
// CHECK: mlt.abs %{{.*}} : tensor<4x8xf32>
// CHECK: mlt.clamp %{{.*}} min = 0.000000e+00 max = 6.000000e+00 : tensor<4x8xf32>
// CHECK: mlt.cast %{{.*}} : tensor<4x8xf32> -> tensor<4x8xi8>
// CHECK: mlt.erf %{{.*}} : tensor<4x8xf32>
// CHECK: mlt.erf %{{.*}} : tensor<4x8xbf16>
// CHECK: mlt.leaky_relu %{{.*}} alpha = 1.000000e-02 : tensor<4x8xf32>
// CHECK: mlt.leaky_relu %{{.*}} alpha = -2.500000e+00 : tensor<4x8xf16>
func.func @unary(%x: tensor<4x8xf32>, %q: tensor<4x8xi8>, %h: tensor<4x8xf16>,
                 %b: tensor<4x8xbf16>, %i: tensor<4x8xi32>) {
  %0 = mlt.relu %x : tensor<4x8xf32>
  %1 = mlt.relu %q : tensor<4x8xi8>
  %2 = mlt.sigmoid %x : tensor<4x8xf32>
  %3 = mlt.tanh %h : tensor<4x8xf16>
  %4 = mlt.gelu %x : tensor<4x8xf32>
  %5 = mlt.exp %x : tensor<4x8xf32>
  %6 = mlt.log %b : tensor<4x8xbf16>
  %7 = mlt.sqrt %x : tensor<4x8xf32>
  %8 = mlt.rsqrt %x : tensor<4x8xf32>
  %9 = mlt.neg %i : tensor<4x8xi32>
  %10 = mlt.abs %x : tensor<4x8xf32>
  %11 = mlt.clamp %x min = 0.0 max = 6.0 : tensor<4x8xf32>
  %12 = mlt.cast %x : tensor<4x8xf32> -> tensor<4x8xi8>
  %13 = mlt.erf %x : tensor<4x8xf32>
  %14 = mlt.erf %b : tensor<4x8xbf16>
  %15 = mlt.leaky_relu %x alpha = 0.01 : tensor<4x8xf32>
  %16 = mlt.leaky_relu %h alpha = -2.5 : tensor<4x8xf16>
  return
}

// CHECK-LABEL: func.func @quantization
// CHECK: mlt.quantize %{{.*}} {scale = 5.000000e-02 : f32, zero_point = 3 : i32} : tensor<4x8xf32> -> tensor<4x8xi8>
// CHECK: mlt.quantize %{{.*}} {scale = 2.500000e-01 : f32, zero_point = -128 : i32} : tensor<4x8xf16> -> tensor<4x8xi8>
// CHECK: mlt.quantize %{{.*}} {scale = 1.000000e+00 : f32, zero_point = 127 : i32} : tensor<4x8xbf16> -> tensor<4x8xi8>
// CHECK: mlt.quantize %{{.*}} {scale = 1.000000e-03 : f32, zero_point = 0 : i32} : tensor<f64> -> tensor<i8>
// CHECK: mlt.dequantize %{{.*}} {scale = 5.000000e-02 : f32, zero_point = 3 : i32} : tensor<4x8xi8> -> tensor<4x8xf32>
// CHECK: mlt.dequantize %{{.*}} {scale = 2.500000e-03 : f32, zero_point = 0 : i32} : tensor<4x8xi32> -> tensor<4x8xf32>
// CHECK: mlt.dequantize %{{.*}} {scale = 2.500000e-03 : f32, zero_point = -100000 : i32} : tensor<4x8xi32> -> tensor<4x8xf32>
func.func @quantization(%x: tensor<4x8xf32>, %h: tensor<4x8xf16>, %b: tensor<4x8xbf16>,
                        %d: tensor<f64>, %q: tensor<4x8xi8>, %acc: tensor<4x8xi32>) {
  %0 = mlt.quantize %x {scale = 0.05 : f32, zero_point = 3 : i32} : tensor<4x8xf32> -> tensor<4x8xi8>
  %1 = mlt.quantize %h {scale = 0.25 : f32, zero_point = -128 : i32} : tensor<4x8xf16> -> tensor<4x8xi8>
  %2 = mlt.quantize %b {zero_point = 127 : i32, scale = 1.0 : f32} : tensor<4x8xbf16> -> tensor<4x8xi8>
  %3 = mlt.quantize %d {scale = 0.001 : f32, zero_point = 0 : i32} : tensor<f64> -> tensor<i8>
  %4 = mlt.dequantize %q {scale = 0.05 : f32, zero_point = 3 : i32} : tensor<4x8xi8> -> tensor<4x8xf32>
  %5 = mlt.dequantize %acc {scale = 0.0025 : f32, zero_point = 0 : i32} : tensor<4x8xi32> -> tensor<4x8xf32>
  %6 = mlt.dequantize %acc {scale = 0.0025 : f32, zero_point = -100000 : i32} : tensor<4x8xi32> -> tensor<4x8xf32>
  return
}

// CHECK-LABEL: func.func @reductions
// CHECK: mlt.softmax %{{.*}} axis = 1 : tensor<4x8xf32>
// CHECK: mlt.softmax %{{.*}} axis = -1 : tensor<2x3x5xf32>
// CHECK: mlt.reduce sum %{{.*}} axes = [1] keepdims : tensor<4x8xf32> -> tensor<4x1xf32>
// CHECK: mlt.reduce max %{{.*}} axes = [0, 1] : tensor<4x8xf32> -> tensor<f32>
// CHECK: mlt.reduce min %{{.*}} axes = [-1] : tensor<2x3x5xf32> -> tensor<2x3xf32>
// CHECK: mlt.reduce mean %{{.*}} axes = [0] keepdims : tensor<4x8xf32> -> tensor<1x8xf32>
// CHECK: mlt.reduce prod %{{.*}} axes = [1] : tensor<4x8xi32> -> tensor<4xi32>
// CHECK: mlt.pool2d max %{{.*}} layout = nchw kernel = [2, 2] strides = [2, 2] padding = [0, 0, 0, 0] : tensor<1x16x8x8xf32> -> tensor<1x16x4x4xf32>
// CHECK: mlt.pool2d avg %{{.*}} layout = nhwc kernel = [3, 3] strides = [1, 1] padding = [1, 1, 1, 1] : tensor<2x5x5x3xf32> -> tensor<2x5x5x3xf32>
// CHECK: mlt.argmax %{{.*}} axis = 1 keepdims : tensor<4x8xf32> -> tensor<4x1xi64>
// CHECK: mlt.argmax %{{.*}} axis = -1 select_last : tensor<2x3x5xf32> -> tensor<2x3xi32>
// CHECK: mlt.argmin %{{.*}} axis = 0 : tensor<4x8xi32> -> tensor<8xi64>
// CHECK: mlt.argmin %{{.*}} axis = 1 keepdims select_last : tensor<2x3x5xf32> -> tensor<2x1x5xi32>
func.func @reductions(%x: tensor<4x8xf32>, %y: tensor<2x3x5xf32>,
                      %i: tensor<4x8xi32>, %img: tensor<1x16x8x8xf32>,
                      %hwc: tensor<2x5x5x3xf32>) {
  %0 = mlt.softmax %x axis = 1 : tensor<4x8xf32>
  %1 = mlt.softmax %y axis = -1 : tensor<2x3x5xf32>
  %2 = mlt.reduce sum %x axes = [1] keepdims : tensor<4x8xf32> -> tensor<4x1xf32>
  %3 = mlt.reduce max %x axes = [0, 1] : tensor<4x8xf32> -> tensor<f32>
  %4 = mlt.reduce min %y axes = [-1] : tensor<2x3x5xf32> -> tensor<2x3xf32>
  %5 = mlt.reduce mean %x axes = [0] keepdims : tensor<4x8xf32> -> tensor<1x8xf32>
  %6 = mlt.reduce prod %i axes = [1] : tensor<4x8xi32> -> tensor<4xi32>
  %7 = mlt.pool2d max %img layout = nchw kernel = [2, 2] strides = [2, 2]
         padding = [0, 0, 0, 0] : tensor<1x16x8x8xf32> -> tensor<1x16x4x4xf32>
  %8 = mlt.pool2d avg %hwc layout = nhwc kernel = [3, 3] strides = [1, 1]
         padding = [1, 1, 1, 1] : tensor<2x5x5x3xf32> -> tensor<2x5x5x3xf32>
  %9 = mlt.argmax %x axis = 1 keepdims : tensor<4x8xf32> -> tensor<4x1xi64>
  %10 = mlt.argmax %y axis = -1 select_last : tensor<2x3x5xf32> -> tensor<2x3xi32>
  %11 = mlt.argmin %i axis = 0 : tensor<4x8xi32> -> tensor<8xi64>
  %12 = mlt.argmin %y axis = 1 keepdims select_last : tensor<2x3x5xf32> -> tensor<2x1x5xi32>
  return
}

// CHECK-LABEL: func.func @data_movement
// CHECK: mlt.transpose %{{.*}} perm = [1, 0] : tensor<4x8xf32> -> tensor<8x4xf32>
// CHECK: mlt.transpose %{{.*}} perm = [0, 2, 1] : tensor<2x3x5xi8> -> tensor<2x5x3xi8>
// CHECK: mlt.reshape %{{.*}} : tensor<4x8xf32> -> tensor<2x16xf32>
// CHECK: mlt.reshape %{{.*}} : tensor<4x8xf32> -> tensor<32xf32>
// CHECK: mlt.broadcast %{{.*}} : tensor<1x8xf32> -> tensor<3x4x8xf32>
// CHECK: mlt.concat %{{.*}}, %{{.*}} axis = 0 : tensor<2x8xf32>, tensor<3x8xf32> -> tensor<5x8xf32>
// CHECK: mlt.concat %{{.*}} axis = -1 : tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK: mlt.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK: mlt.constant dense<7> : tensor<3xi32>
// CHECK: mlt.slice %{{.*}} offsets = [1, 7] strides = [2, -3] : tensor<4x8xf32> -> tensor<2x3xf32>
// CHECK: mlt.slice %{{.*}} offsets = [0, 2, 4] strides = [1, 1, -1] : tensor<2x3x5xi8> -> tensor<2x0x5xi8>
// CHECK: mlt.slice %{{.*}} offsets = [] strides = [] : tensor<f32> -> tensor<f32>
// CHECK: mlt.gather %{{.*}}, %{{.*}} axis = 0 : tensor<4x8xf32>, tensor<3xi64> -> tensor<3x8xf32>
// CHECK: mlt.gather %{{.*}}, %{{.*}} axis = 2 : tensor<2x3x5xi8>, tensor<2x2xi32> -> tensor<2x3x2x2xi8>
// CHECK: mlt.gather %{{.*}}, %{{.*}} axis = 1 : tensor<4x8xf32>, tensor<i64> -> tensor<4xf32>
func.func @data_movement(%x: tensor<4x8xf32>, %q: tensor<2x3x5xi8>,
                         %r: tensor<1x8xf32>, %a: tensor<2x8xf32>,
                         %b: tensor<3x8xf32>, %s: tensor<f32>,
                         %idx: tensor<3xi64>, %idx2: tensor<2x2xi32>,
                         %idx0: tensor<i64>) {
  %0 = mlt.transpose %x perm = [1, 0] : tensor<4x8xf32> -> tensor<8x4xf32>
  %1 = mlt.transpose %q perm = [0, 2, 1] : tensor<2x3x5xi8> -> tensor<2x5x3xi8>
  %2 = mlt.reshape %x : tensor<4x8xf32> -> tensor<2x16xf32>
  %3 = mlt.reshape %x : tensor<4x8xf32> -> tensor<32xf32>
  %4 = mlt.broadcast %r : tensor<1x8xf32> -> tensor<3x4x8xf32>
  %5 = mlt.concat %a, %b axis = 0 : tensor<2x8xf32>, tensor<3x8xf32> -> tensor<5x8xf32>
  %6 = mlt.concat %x axis = -1 : tensor<4x8xf32> -> tensor<4x8xf32>
  %7 = mlt.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %8 = mlt.constant dense<7> : tensor<3xi32>
  %9 = mlt.slice %x offsets = [1, 7] strides = [2, -3] : tensor<4x8xf32> -> tensor<2x3xf32>
  %10 = mlt.slice %q offsets = [0, 2, 4] strides = [1, 1, -1] : tensor<2x3x5xi8> -> tensor<2x0x5xi8>
  %11 = mlt.slice %s offsets = [] strides = [] : tensor<f32> -> tensor<f32>
  %12 = mlt.gather %x, %idx axis = 0 : tensor<4x8xf32>, tensor<3xi64> -> tensor<3x8xf32>
  %13 = mlt.gather %q, %idx2 axis = 2 : tensor<2x3x5xi8>, tensor<2x2xi32> -> tensor<2x3x2x2xi8>
  %14 = mlt.gather %x, %idx0 axis = 1 : tensor<4x8xf32>, tensor<i64> -> tensor<4xf32>
  return
}

// CHECK-LABEL: func.func @fused
// CHECK: %[[R:.*]]:2 = mlt.fused(%{{.*}}, %{{.*}}) : (tensor<4x8xf32>, tensor<8xf32>) -> (tensor<4x8xf32>, tensor<4x1xf32>) {
// CHECK-NEXT: ^bb0(%[[X:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8xf32>):
// CHECK-NEXT: %[[S:.*]] = mlt.add %[[X]], %[[B]]
// CHECK-NEXT: %[[Y:.*]] = mlt.relu %[[S]]
// CHECK-NEXT: %[[M:.*]] = mlt.reduce max %[[Y]] axes = [1] keepdims
// CHECK-NEXT: mlt.yield %[[Y]], %[[M]] : tensor<4x8xf32>, tensor<4x1xf32>
// CHECK-NEXT: }
// CHECK: return %[[R]]#0
func.func @fused(%a: tensor<4x8xf32>, %bias: tensor<8xf32>) -> tensor<4x8xf32> {
  %r:2 = mlt.fused (%a, %bias) : (tensor<4x8xf32>, tensor<8xf32>) -> (tensor<4x8xf32>, tensor<4x1xf32>) {
  ^bb0(%x: tensor<4x8xf32>, %b: tensor<8xf32>):
    %s = mlt.add %x, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
    %y = mlt.relu %s : tensor<4x8xf32>
    %m = mlt.reduce max %y axes = [1] keepdims : tensor<4x8xf32> -> tensor<4x1xf32>
    mlt.yield %y, %m : tensor<4x8xf32>, tensor<4x1xf32>
  }
  return %r#0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @booleans
// CHECK: mlt.cmp eq %{{.*}}, %{{.*}} : tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xi1>
// CHECK: mlt.cmp ne %{{.*}}, %{{.*}} : tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xi1>
// CHECK: mlt.cmp lt %{{.*}}, %{{.*}} : tensor<3xi32>, tensor<3xi32> -> tensor<3xi1>
// CHECK: mlt.cmp le %{{.*}}, %{{.*}} : tensor<f64>, tensor<2xf64> -> tensor<2xi1>
// CHECK: mlt.cmp gt %{{.*}}, %{{.*}} : tensor<2x1xbf16>, tensor<1x2xbf16> -> tensor<2x2xi1>
// CHECK: mlt.cmp ge %{{.*}}, %{{.*}} : tensor<5xi8>, tensor<5xi8> -> tensor<5xi1>
// CHECK: mlt.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<4x8xi1>, tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xf32>
// CHECK: mlt.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<8xi1>, tensor<4x8xi1>, tensor<i1> -> tensor<4x8xi1>
// CHECK: mlt.not %{{.*}} : tensor<4x8xi1>
// CHECK: mlt.and %{{.*}}, %{{.*}} : tensor<4x8xi1>, tensor<8xi1> -> tensor<4x8xi1>
// CHECK: mlt.or %{{.*}}, %{{.*}} : tensor<4x8xi1>, tensor<4x8xi1> -> tensor<4x8xi1>
// CHECK: mlt.xor %{{.*}}, %{{.*}} : tensor<8xi1>, tensor<4x8xi1> -> tensor<4x8xi1>
// CHECK: mlt.cast %{{.*}} : tensor<4x8xi1> -> tensor<4x8xf16>
// CHECK: mlt.cast %{{.*}} : tensor<4x1xf32> -> tensor<4x1xi1>
// CHECK: mlt.transpose %{{.*}} perm = [1, 0] : tensor<4x8xi1> -> tensor<8x4xi1>
// CHECK: mlt.reshape %{{.*}} : tensor<4x8xi1> -> tensor<32xi1>
// CHECK: mlt.broadcast %{{.*}} : tensor<8xi1> -> tensor<2x8xi1>
// CHECK: mlt.concat %{{.*}}, %{{.*}} axis = 0 : tensor<4x8xi1>, tensor<4x8xi1> -> tensor<8x8xi1>
// CHECK: mlt.slice %{{.*}} offsets = [3, 0] strides = [-1, 2] : tensor<4x8xi1> -> tensor<4x4xi1>
// CHECK: mlt.gather %{{.*}}, %{{.*}} axis = 1 : tensor<4x8xi1>, tensor<3xi64> -> tensor<4x3xi1>
// CHECK: mlt.constant dense<[true, false]> : tensor<2xi1>
func.func @booleans(%x: tensor<4x1xf32>, %y: tensor<8xf32>, %i: tensor<3xi32>,
                    %d: tensor<f64>, %e: tensor<2xf64>, %h: tensor<2x1xbf16>,
                    %g: tensor<1x2xbf16>, %q: tensor<5xi8>, %b: tensor<i1>,
                    %idx: tensor<3xi64>) {
  %0 = mlt.cmp eq %x, %y : tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %1 = mlt.cmp ne %x, %y : tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %2 = mlt.cmp lt %i, %i : tensor<3xi32>, tensor<3xi32> -> tensor<3xi1>
  %3 = mlt.cmp le %d, %e : tensor<f64>, tensor<2xf64> -> tensor<2xi1>
  %4 = mlt.cmp gt %h, %g : tensor<2x1xbf16>, tensor<1x2xbf16> -> tensor<2x2xi1>
  %5 = mlt.cmp ge %q, %q : tensor<5xi8>, tensor<5xi8> -> tensor<5xi1>
  %6 = mlt.select %0, %x, %y : tensor<4x8xi1>, tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xf32>
  %r = mlt.reshape %1 : tensor<4x8xi1> -> tensor<32xi1>
  %row = mlt.slice %r offsets = [0] strides = [1] : tensor<32xi1> -> tensor<8xi1>
  %7 = mlt.select %row, %1, %b : tensor<8xi1>, tensor<4x8xi1>, tensor<i1> -> tensor<4x8xi1>
  %8 = mlt.not %7 : tensor<4x8xi1>
  %9 = mlt.and %8, %row : tensor<4x8xi1>, tensor<8xi1> -> tensor<4x8xi1>
  %10 = mlt.or %9, %0 : tensor<4x8xi1>, tensor<4x8xi1> -> tensor<4x8xi1>
  %11 = mlt.xor %row, %10 : tensor<8xi1>, tensor<4x8xi1> -> tensor<4x8xi1>
  %12 = mlt.cast %11 : tensor<4x8xi1> -> tensor<4x8xf16>
  %13 = mlt.cast %x : tensor<4x1xf32> -> tensor<4x1xi1>
  %14 = mlt.transpose %11 perm = [1, 0] : tensor<4x8xi1> -> tensor<8x4xi1>
  %15 = mlt.reshape %11 : tensor<4x8xi1> -> tensor<32xi1>
  %16 = mlt.broadcast %row : tensor<8xi1> -> tensor<2x8xi1>
  %17 = mlt.concat %11, %0 axis = 0 : tensor<4x8xi1>, tensor<4x8xi1> -> tensor<8x8xi1>
  %18 = mlt.slice %11 offsets = [3, 0] strides = [-1, 2] : tensor<4x8xi1> -> tensor<4x4xi1>
  %19 = mlt.gather %11, %idx axis = 1 : tensor<4x8xi1>, tensor<3xi64> -> tensor<4x3xi1>
  %20 = mlt.constant dense<[true, false]> : tensor<2xi1>
  return
}

// CHECK-LABEL: func.func @f64_ops
// CHECK: mlt.matmul %{{.*}}, %{{.*}} : tensor<2x3xf64>, tensor<3x4xf64> -> tensor<2x4xf64>
// CHECK: mlt.add %{{.*}}, %{{.*}} : tensor<2x4xf64>, tensor<4xf64> -> tensor<2x4xf64>
// CHECK: mlt.gelu %{{.*}} : tensor<2x4xf64>
// CHECK: mlt.softmax %{{.*}} axis = 1 : tensor<2x4xf64>
// CHECK: mlt.reduce mean %{{.*}} axes = [0] : tensor<2x4xf64> -> tensor<4xf64>
// CHECK: mlt.leaky_relu %{{.*}} alpha = 2.000000e-01 : tensor<4xf64>
// CHECK: mlt.cast %{{.*}} : tensor<4xf64> -> tensor<4xbf16>
// CHECK: mlt.constant dense<1.500000e+00> : tensor<4xf64>
func.func @f64_ops(%a: tensor<2x3xf64>, %b: tensor<3x4xf64>, %c: tensor<4xf64>) {
  %0 = mlt.matmul %a, %b : tensor<2x3xf64>, tensor<3x4xf64> -> tensor<2x4xf64>
  %1 = mlt.add %0, %c : tensor<2x4xf64>, tensor<4xf64> -> tensor<2x4xf64>
  %2 = mlt.gelu %1 : tensor<2x4xf64>
  %3 = mlt.softmax %2 axis = 1 : tensor<2x4xf64>
  %4 = mlt.reduce mean %3 axes = [0] : tensor<2x4xf64> -> tensor<4xf64>
  %5 = mlt.leaky_relu %4 alpha = 0.2 : tensor<4xf64>
  %6 = mlt.cast %5 : tensor<4xf64> -> tensor<4xbf16>
  %7 = mlt.constant dense<1.5> : tensor<4xf64>
  return
}
