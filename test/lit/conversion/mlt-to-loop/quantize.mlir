// mlt.quantize and mlt.dequantize: one element each in arith/math, written
// to be bit-identical to the C reference (runtime/reference/ref_quant.c).
// quantize: a true f32 divf by the scale (never a reciprocal multiply),
// roundeven (ties to even), the clamp to [-128 - zp, 127 - zp] as ordered
// compares and selects in f32 (so ±inf saturate), NaN (uno) to 0, then
// fptosi and + zp in i32, truncated to i8. f16/bf16 widen to f32 first,
// f64 rounds to f32 first.
// dequantize: q - zp exact (i32 for i8, i64 for i32; nothing when zp = 0),
// sitofp, one mulf marked mlopt.no_contract (--vectorize never fuses it
// into an FMA).
// RUN: ml-opt --lower-to-loops %s | FileCheck %s

// CHECK-LABEL: func.func @quantize
// CHECK-SAME: (%[[X:[^:]*]]: memref<7xf32>, %[[OUT:[^:]*]]: memref<7xi8>)
// CHECK: loop.for %[[I:.*]] = 0 to 7 step 1 parallel {
// CHECK: %[[V:.*]] = memref.load %[[X]][%[[I]]]
// CHECK: %[[S:.*]] = arith.constant 5.000000e-02 : f32
// CHECK: %[[D:.*]] = arith.divf %[[V]], %[[S]] : f32
// CHECK: %[[R:.*]] = math.roundeven %[[D]] : f32
// CHECK: %[[LO:.*]] = arith.constant -1.250000e+02 : f32
// CHECK: %[[HI:.*]] = arith.constant 1.300000e+02 : f32
// CHECK: %[[C1:.*]] = arith.cmpf olt, %[[R]], %[[LO]] : f32
// CHECK: %[[R1:.*]] = arith.select %[[C1]], %[[LO]], %[[R]] : f32
// CHECK: %[[C2:.*]] = arith.cmpf ogt, %[[R1]], %[[HI]] : f32
// CHECK: %[[R2:.*]] = arith.select %[[C2]], %[[HI]], %[[R1]] : f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[D]], %[[D]] : f32
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[R3:.*]] = arith.select %[[NAN]], %[[Z]], %[[R2]] : f32
// CHECK: %[[I32:.*]] = arith.fptosi %[[R3]] : f32 to i32
// CHECK: %[[ZP:.*]] = arith.constant -3 : i32
// CHECK: %[[Q:.*]] = arith.addi %[[I32]], %[[ZP]] : i32
// CHECK: %[[Q8:.*]] = arith.trunci %[[Q]] : i32 to i8
// CHECK: memref.store %[[Q8]], %[[OUT]][%[[I]]]
// CHECK-NOT: arith.mulf
// CHECK: return
func.func @quantize(%x: tensor<7xf32>) -> tensor<7xi8> {
  %0 = mlt.quantize %x {scale = 0.05 : f32, zero_point = -3 : i32} : tensor<7xf32> -> tensor<7xi8>
  return %0 : tensor<7xi8>
}

// CHECK-LABEL: func.func @quantize_other_floats
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: arith.divf
// CHECK: arith.constant -1.280000e+02 : f32
// CHECK: arith.constant 1.270000e+02 : f32
// CHECK: arith.fptosi
// CHECK-NOT: arith.addi
// CHECK: arith.trunci
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK: arith.truncf %{{.*}} : f64 to f32
// CHECK: arith.divf
func.func @quantize_other_floats(%x: tensor<2x3xf16>, %b: tensor<3xbf16>, %d: tensor<5xf64>)
    -> (tensor<2x3xi8>, tensor<3xi8>, tensor<5xi8>) {
  %0 = mlt.quantize %x {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<2x3xf16> -> tensor<2x3xi8>
  %1 = mlt.quantize %b {scale = 0.5 : f32, zero_point = 1 : i32} : tensor<3xbf16> -> tensor<3xi8>
  %2 = mlt.quantize %d {scale = 0.5 : f32, zero_point = 0 : i32} : tensor<5xf64> -> tensor<5xi8>
  return %0, %1, %2 : tensor<2x3xi8>, tensor<3xi8>, tensor<5xi8>
}

// CHECK-LABEL: func.func @dequantize
// CHECK-SAME: (%[[Q:[^:]*]]: memref<7xi8>, %[[A:[^:]*]]: memref<7xi32>, %[[O0:[^:]*]]: memref<7xf32>, %[[O1:[^:]*]]: memref<7xf32>, %[[O2:[^:]*]]: memref<7xf32>)
// CHECK: %[[V:.*]] = memref.load %[[Q]]
// CHECK: %[[W:.*]] = arith.extsi %[[V]] : i8 to i32
// CHECK: %[[ZP:.*]] = arith.constant 3 : i32
// CHECK: %[[DIFF:.*]] = arith.subi %[[W]], %[[ZP]] : i32
// CHECK: %[[F:.*]] = arith.sitofp %[[DIFF]] : i32 to f32
// CHECK: %[[S:.*]] = arith.constant 5.000000e-02 : f32
// CHECK: %[[Y:.*]] = arith.mulf %[[F]], %[[S]] {mlopt.no_contract} : f32
// CHECK: memref.store %[[Y]], %[[O0]]
// CHECK: %[[V1:.*]] = memref.load %[[A]]
// CHECK-NEXT: %[[F1:.*]] = arith.sitofp %[[V1]] : i32 to f32
// CHECK-NEXT: %[[S1:.*]] = arith.constant 2.500000e-03 : f32
// CHECK-NEXT: %[[Y1:.*]] = arith.mulf %[[F1]], %[[S1]] {mlopt.no_contract} : f32
// CHECK: memref.store %[[Y1]], %[[O1]]
// CHECK: %[[V2:.*]] = memref.load %[[A]]
// CHECK: %[[W2:.*]] = arith.extsi %[[V2]] : i32 to i64
// CHECK: %[[ZP2:.*]] = arith.constant -7 : i64
// CHECK: %[[DIFF2:.*]] = arith.subi %[[W2]], %[[ZP2]] : i64
// CHECK: %[[F2:.*]] = arith.sitofp %[[DIFF2]] : i64 to f32
// CHECK: arith.mulf %[[F2]], %{{.*}} {mlopt.no_contract} : f32
// CHECK: memref.store %{{.*}}, %[[O2]]
func.func @dequantize(%q: tensor<7xi8>, %a: tensor<7xi32>)
    -> (tensor<7xf32>, tensor<7xf32>, tensor<7xf32>) {
  %0 = mlt.dequantize %q {scale = 0.05 : f32, zero_point = 3 : i32} : tensor<7xi8> -> tensor<7xf32>
  %1 = mlt.dequantize %a {scale = 0.0025 : f32, zero_point = 0 : i32} : tensor<7xi32> -> tensor<7xf32>
  %2 = mlt.dequantize %a {scale = 0.0025 : f32, zero_point = -7 : i32} : tensor<7xi32> -> tensor<7xf32>
  return %0, %1, %2 : tensor<7xf32>, tensor<7xf32>, tensor<7xf32>
}
