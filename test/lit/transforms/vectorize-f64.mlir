// --vectorize with no width takes the host's SIMD width in lanes of the
// nest's widest element, at most 32 bits: an f64 (or i64) nest gets half
// the lanes of an f32 nest (8 and 16 with AVX-512, 4 and 8 with AVX, else
// 2 and 4) and f16 / i8 nests keep the f32 count. --vectorize=W is W lanes
// whatever the type.
// RUN: ml-opt --lower-to-loops --vectorize --remarks %s -o /dev/null 2>&1 | FileCheck %s
// RUN: ml-opt --lower-to-loops --vectorize=4 --remarks %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FIXED

// CHECK: vectorize-f64.mlir:[[#@LINE+2]]:{{.*}} remark: vectorized at width [[#W:]], remainder
func.func @f32(%x: tensor<3x37xf32>) -> tensor<3x37xf32> {
  %0 = mlt.exp %x : tensor<3x37xf32>
  return %0 : tensor<3x37xf32>
}

// CHECK: vectorize-f64.mlir:[[#@LINE+2]]:{{.*}} remark: vectorized at width [[#W]], remainder
func.func @f16(%x: tensor<3x37xf16>) -> tensor<3x37xf16> {
  %0 = mlt.neg %x : tensor<3x37xf16>
  return %0 : tensor<3x37xf16>
}

// CHECK: vectorize-f64.mlir:[[#@LINE+2]]:{{.*}} remark: vectorized at width [[#div(W,2)]], remainder
func.func @f64(%x: tensor<3x37xf64>) -> tensor<3x37xf64> {
  %0 = mlt.exp %x : tensor<3x37xf64>
  return %0 : tensor<3x37xf64>
}

// The cast reads f32 and writes f64: the f64 width.
// CHECK: vectorize-f64.mlir:[[#@LINE+2]]:{{.*}} remark: vectorized at width [[#div(W,2)]], remainder
func.func @widen(%x: tensor<3x37xf32>) -> tensor<3x37xf64> {
  %0 = mlt.cast %x : tensor<3x37xf32> -> tensor<3x37xf64>
  return %0 : tensor<3x37xf64>
}

// FIXED-COUNT-4: remark: vectorized at width 4, remainder of 1 peeled
