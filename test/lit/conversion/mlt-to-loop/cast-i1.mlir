// mlt.cast to and from i1: to i1 is "nonzero" (cmpf une 0 for floats, so
// NaN is true and -0 false; cmpi ne 0 for integers); from i1, true is 1
// (uitofp and extui, never the -1 of a signed extension). f64 -> bf16 and
// f64 -> f16 round through an f32 rounded to odd (one correct rounding
// without the __truncdfbf2 / __truncdfhf2 calls LLVM would emit).
// RUN: ml-opt --lower-to-loops %s | FileCheck %s

// CHECK-LABEL: func.func @cast_i1
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f16
// CHECK: arith.cmpf une, %{{.*}}, %[[Z]] : f16
// CHECK: %[[ZI:.*]] = arith.constant 0 : i32
// CHECK: arith.cmpi ne, %{{.*}}, %[[ZI]] : i32
// CHECK: arith.uitofp %{{.*}} : i1 to f32
// CHECK: arith.extui %{{.*}} : i1 to i64
// CHECK: arith.uitofp %{{.*}} : i1 to f64
func.func @cast_i1(%x: tensor<5xf16>, %i: tensor<5xi32>, %b: tensor<5xi1>)
    -> (tensor<5xi1>, tensor<5xi1>, tensor<5xf32>, tensor<5xi64>, tensor<5xf64>, tensor<5xi1>) {
  %0 = mlt.cast %x : tensor<5xf16> -> tensor<5xi1>
  %1 = mlt.cast %i : tensor<5xi32> -> tensor<5xi1>
  %2 = mlt.cast %b : tensor<5xi1> -> tensor<5xf32>
  %3 = mlt.cast %b : tensor<5xi1> -> tensor<5xi64>
  %4 = mlt.cast %b : tensor<5xi1> -> tensor<5xf64>
  %5 = mlt.cast %b : tensor<5xi1> -> tensor<5xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<5xi1>, tensor<5xi1>, tensor<5xf32>, tensor<5xi64>, tensor<5xf64>, tensor<5xi1>
}

// CHECK-LABEL: func.func @f64_to_bf16
// CHECK: %[[T:.*]] = arith.truncf %[[D:.*]] : f64 to f32
// CHECK: %[[BACK:.*]] = arith.extf %[[T]] : f32 to f64
// CHECK: %[[BITS:.*]] = arith.bitcast %[[T]] : f32 to i32
// CHECK: arith.cmpf ueq, %[[BACK]], %[[D]] : f64
// CHECK: arith.cmpf ogt
// CHECK: arith.subi %[[BITS]]
// CHECK: arith.ori %[[BITS]]
// CHECK: %[[ODD:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: arith.truncf %[[ODD]] : f32 to bf16
// CHECK-LABEL: func.func @f64_to_f16
// CHECK: arith.truncf %{{.*}} : f64 to f32
// CHECK: %[[ODD:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: arith.truncf %[[ODD]] : f32 to f16
// CHECK-LABEL: func.func @f64_to_f32
// CHECK: arith.truncf %{{.*}} : f64 to f32
// CHECK-NOT: arith.bitcast
// CHECK: memref.store
func.func @f64_to_bf16(%d: tensor<3xf64>) -> tensor<3xbf16> {
  %0 = mlt.cast %d : tensor<3xf64> -> tensor<3xbf16>
  return %0 : tensor<3xbf16>
}
func.func @f64_to_f16(%d: tensor<3xf64>) -> tensor<3xf16> {
  %0 = mlt.cast %d : tensor<3xf64> -> tensor<3xf16>
  return %0 : tensor<3xf16>
}
func.func @f64_to_f32(%d: tensor<3xf64>) -> tensor<3xf32> {
  %0 = mlt.cast %d : tensor<3xf64> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
