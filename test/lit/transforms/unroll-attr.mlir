// A loop's `unroll` attribute gives its factor (winning over the flag's)
// and is used up. --unroll without a value unrolls only loops that have
// one. On a reduction loop the attribute unrolls plainly: the copies run
// in order, each starting from the values the previous one yields.
// RUN: ml-opt --unroll --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: ml-opt --unroll=3 --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=FLAG
// RUN: ml-opt --unroll --lower-to-llvm --split-input-file %s > /dev/null
// The attributes are gone afterwards.
// RUN: ml-opt --unroll --split-input-file %s 2>/dev/null | not grep "unroll ="

// The attribute on j wins over --unroll=3; i has none and --unroll=3
// gives no factor to it (one factor: the innermost parallel loop only).
// FLAG:      remark: unrolled by 2 (unroll attribute) and jammed (2 accumulators in the innermost loop), remainder of 1 iteration peeled{{$}}
// CHECK-LABEL: func.func @scheduled
// CHECK:      loop.for %[[I:.*]] = 0 to 4 step 1 parallel {
// CHECK-NEXT:   loop.for %{{.*}} = 0 to 4 step 2 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 3 step 1 reduction iter_args({{.*}}) -> (f32, f32) {
// CHECK:        loop.for %{{.*}} = 4 to 5 step 1 parallel {
func.func @scheduled(%A: memref<4x3xf32>, %B: memref<3x5xf32>, %C: memref<4x5xf32>) {
  loop.for %i = 0 to 4 step 1 parallel {
    // expected-remark @+1 {{unrolled by 2 (unroll attribute) and jammed (2 accumulators in the innermost loop), remainder of 1 iteration peeled}}
    loop.for %j = 0 to 5 step 1 parallel attributes {unroll = 2 : i64} {
      %zero = arith.constant 0.0 : f32
      %acc = loop.for %k = 0 to 3 step 1 reduction iter_args(%a = %zero) -> (f32) {
        %x = memref.load %A[%i, %k] : memref<4x3xf32>
        %y = memref.load %B[%k, %j] : memref<3x5xf32>
        %p = arith.mulf %x, %y : f32
        %s = arith.addf %a, %p : f32
        loop.yield %s : f32
      }
      memref.store %acc, %C[%i, %j] : memref<4x5xf32>
    }
  }
  return
}

// -----

// A reduction loop with unroll = 4 over 10 iterations: 8 in groups of 4,
// chained through the accumulator, then 2 in the remainder.
// FLAG:      remark: unrolled by 4 (unroll attribute), not jammed (a reduction loop: copies chained through 1 carried value), remainder of 2 iterations peeled{{$}}
// CHECK-LABEL: func.func @chained
// CHECK:      %[[ZERO:.*]] = arith.constant 0.0
// CHECK-NEXT: %[[MAIN:.*]] = loop.for %[[K:.*]] = 0 to 8 step 4 reduction iter_args(%[[A:.*]] = %[[ZERO]]) -> (f32) {
// CHECK:        %[[X0:.*]] = memref.load %arg0[%[[K]]]
// CHECK-NEXT:   %[[S0:.*]] = arith.addf %[[A]], %[[X0]] : f32
// CHECK-NEXT:   %[[X1:.*]] = memref.load %arg0[%{{.*}}]
// CHECK-NEXT:   %[[S1:.*]] = arith.addf %[[S0]], %[[X1]] : f32
// CHECK-NEXT:   %[[X2:.*]] = memref.load %arg0[%{{.*}}]
// CHECK-NEXT:   %[[S2:.*]] = arith.addf %[[S1]], %[[X2]] : f32
// CHECK-NEXT:   %[[X3:.*]] = memref.load %arg0[%{{.*}}]
// CHECK-NEXT:   %[[S3:.*]] = arith.addf %[[S2]], %[[X3]] : f32
// CHECK-NEXT:   loop.yield %[[S3]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: %[[REST:.*]] = loop.for %{{.*}} = 8 to 10 step 1 reduction iter_args(%{{.*}} = %[[MAIN]]) -> (f32) {
// CHECK:      memref.store %[[REST]], %arg1[]
func.func @chained(%A: memref<10xf32>, %out: memref<f32>) {
  %zero = arith.constant 0.0 : f32
  // expected-remark @+1 {{unrolled by 4 (unroll attribute), not jammed (a reduction loop: copies chained through 1 carried value), remainder of 2 iterations peeled}}
  %s = loop.for %k = 0 to 10 step 1 reduction iter_args(%a = %zero) -> (f32) attributes {unroll = 4 : i64} {
    %x = memref.load %A[%k] : memref<10xf32>
    %n = arith.addf %a, %x : f32
    loop.yield %n : f32
  }
  memref.store %s, %out[] : memref<f32>
  return
}

// -----

// unroll = 1 leaves the loop (and wins over the flag); no attribute and no
// flag value: nothing to do, said once per nest.
// FLAG-NOT:  remark: unrolled by 3
// FLAG:      remark: unrolled by 3, remainder of 1 iteration peeled{{$}}
// CHECK-LABEL: func.func @kept
// CHECK:      loop.for %{{.*}} = 0 to 7 step 1 parallel {
// CHECK:      loop.for %{{.*}} = 0 to 7 step 1 parallel {
// CHECK-NOT:  loop.for
func.func @kept(%A: memref<7xf32>) {
  %c = arith.constant 1.0 : f32
  loop.for %i = 0 to 7 step 1 parallel attributes {unroll = 1 : i64} {
    memref.store %c, %A[%i] : memref<7xf32>
  }
  // expected-remark @+1 {{not unrolled: no unroll factor (give --unroll=N or an unroll attribute)}}
  loop.for %i = 0 to 7 step 1 parallel {
    memref.store %c, %A[%i] : memref<7xf32>
  }
  return
}
