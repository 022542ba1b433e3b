// --vectorize and i1: a vector of i1 is bit-packed in memory while an i1
// memref holds one byte per element, so loads and stores of i1 along the
// lane are refused (with a remark; the loop stays scalar and correct).
// An i1 that only lives in registers (a compare feeding a select) widens
// to vector<Nxi1> like any value, and a uniform i1 load stays scalar.
// RUN: ml-opt %s --vectorize=4 --split-input-file --verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @store_i1
// CHECK: loop.for %{{.*}} = 0 to 9 step 1 parallel {
// CHECK-NOT: vector.
func.func @store_i1(%x: memref<9xf32>, %y: memref<9xf32>, %m: memref<9xi1>) {
  // expected-remark @below {{not vectorized: cannot widen 'memref.store' of i1 elements (a vector of i1 is bit-packed in memory, an i1 memref holds bytes)}}
  loop.for %i = 0 to 9 step 1 parallel {
    %a = memref.load %x[%i] : memref<9xf32>
    %b = memref.load %y[%i] : memref<9xf32>
    %c = arith.cmpf olt, %a, %b : f32
    memref.store %c, %m[%i] : memref<9xi1>
  }
  return
}

// -----

// CHECK-LABEL: func.func @load_i1
// CHECK-NOT: vector.
func.func @load_i1(%m: memref<9xi1>, %x: memref<9xf32>, %out: memref<9xf32>) {
  // expected-remark @below {{not vectorized: cannot widen 'memref.load' of i1 elements (a vector of i1 is bit-packed in memory, an i1 memref holds bytes)}}
  loop.for %i = 0 to 9 step 1 parallel {
    %c = memref.load %m[%i] : memref<9xi1>
    %a = memref.load %x[%i] : memref<9xf32>
    %z = arith.constant 0.0 : f32
    %r = arith.select %c, %a, %z : f32
    memref.store %r, %out[%i] : memref<9xf32>
  }
  return
}

// -----

// A compare feeding a select: the i1 is a vector<4xi1> in registers.
// CHECK-LABEL: func.func @where
// CHECK: loop.for %[[I:.*]] = 0 to 8 step 4 parallel attributes {vector_width = 4 : i64} {
// CHECK: %[[A:.*]] = vector.load %arg0[%[[I]]] : memref<9xf32>, vector<4xf32>
// CHECK: %[[C:.*]] = arith.cmpf ogt, %[[A]], %{{.*}} : vector<4xf32>
// CHECK: %[[R:.*]] = arith.select %[[C]], %[[A]], %{{.*}} : vector<4xi1>, vector<4xf32>
// CHECK: vector.store %[[R]], %arg1[%[[I]]] : memref<9xf32>, vector<4xf32>
func.func @where(%x: memref<9xf32>, %out: memref<9xf32>) {
  // expected-remark @below {{vectorized at width 4, remainder of 1 peeled}}
  loop.for %i = 0 to 9 step 1 parallel {
    %a = memref.load %x[%i] : memref<9xf32>
    %z = arith.constant 0.0 : f32
    %c = arith.cmpf ogt, %a, %z : f32
    %r = arith.select %c, %a, %z : f32
    memref.store %r, %out[%i] : memref<9xf32>
  }
  return
}

// -----

// The same i1 element in every lane (a per-row flag): a scalar load.
// CHECK-LABEL: func.func @uniform_i1
// CHECK: %[[F:.*]] = memref.load %arg0[%{{.*}}] : memref<3xi1>
// CHECK: vector.load %arg1
// CHECK: %[[FV:.*]] = vector.broadcast %[[F]] : i1 to vector<4xi1>
// CHECK: arith.select %[[FV]], %{{.*}}, %{{.*}} : vector<4xi1>, vector<4xf32>
func.func @uniform_i1(%flag: memref<3xi1>, %x: memref<3x8xf32>, %out: memref<3x8xf32>) {
  loop.for %r = 0 to 3 step 1 parallel {
    // expected-remark @below {{vectorized at width 4}}
    loop.for %i = 0 to 8 step 1 parallel {
      %f = memref.load %flag[%r] : memref<3xi1>
      %a = memref.load %x[%r, %i] : memref<3x8xf32>
      %n = arith.negf %a : f32
      %v = arith.select %f, %a, %n : f32
      memref.store %v, %out[%r, %i] : memref<3x8xf32>
    }
  }
  return
}
