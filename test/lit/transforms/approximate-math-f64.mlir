// --approximate-math rewrites f32 only: f64 exp/log/tanh/erf (here from
// mlt ops lowered and vectorized at width 4) keep their math ops, with no
// remark, so libm keeps them exact; the f32 erf beside them is rewritten.
// RUN: ml-opt --lower-to-loops --vectorize=4 --approximate-math %s | FileCheck %s
// RUN: ml-opt --lower-to-loops --vectorize=4 --approximate-math --remarks %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARKS

// Only the f32 erf (its vector loop and its peeled scalar remainder).
// REMARKS-NOT: replaced
// REMARKS-COUNT-2: approximate-math-f64.mlir:[[#@LINE+21]]:{{.*}} remark: math.erf replaced by a polynomial approximation
// REMARKS-NOT: replaced

// CHECK-LABEL: func.func @f64
// CHECK: math.exp %{{.*}} : vector<4xf64>
// CHECK: math.log %{{.*}} : vector<4xf64>
// CHECK: math.tanh %{{.*}} : vector<4xf64>
// CHECK: math.erf %{{.*}} : vector<4xf64>
// CHECK: math.erfc %{{.*}} : vector<4xf64>
// CHECK-LABEL: func.func @f32
// CHECK-NOT: math.erf
// CHECK: return
func.func @f64(%x: tensor<9xf64>) -> tensor<9xf64> {
  %0 = mlt.exp %x : tensor<9xf64>
  %1 = mlt.log %0 : tensor<9xf64>
  %2 = mlt.tanh %1 : tensor<9xf64>
  %3 = mlt.erf %2 : tensor<9xf64>
  %4 = mlt.gelu %3 : tensor<9xf64>
  return %4 : tensor<9xf64>
}
func.func @f32(%x: tensor<9xf32>) -> tensor<9xf32> {
  %0 = mlt.erf %x : tensor<9xf32>
  return %0 : tensor<9xf32>
}
