// --tile=a,b,c: one size per band dim, outermost first; 0 leaves a dim
// untiled, dims without a size stay untiled, sizes beyond the band are
// ignored with the reason in the remark. --tile=0 tiles nothing.
// RUN: ml-opt --tile=4,0,8 --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: ml-opt --tile=4,0,8 --lower-to-llvm --split-input-file %s > /dev/null
// RUN: ml-opt --tile=0 --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=ZERO
// RUN: ml-opt --tile=3,0 --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=TWO

// ZERO: remark: not tiled: tile size 0 for every dim of the 3-deep band{{$}}
// ZERO: remark: not tiled: tile size 0 for every dim of the 1-deep band{{$}}
// ZERO: remark: not tiled: tile size 0 for every dim of the 1-deep band{{$}}
// TWO: remark: tiled 3-deep band with 3x0x0, no remainder{{$}}
// TWO: remark: tiled 1-deep band with 3, ignored 1 tile size beyond the band (dim 0's body holds no loop), remainder of dim 0 peeled{{$}}
// TWO: remark: tiled 1-deep band with 3, ignored 1 tile size beyond the band (dim 0's body holds 2 loops), no remainder{{$}}

// Matmul 9x5x20 by 4x0x8: i tiled and hoisted, j untiled, K strip-mined in
// place (16 = 2 full tiles of 8, remainder 16 to 20).
// CHECK-LABEL: func.func @matmul
// CHECK:      loop.for %[[IT:.*]] = 0 to 8 step 4 parallel {
// CHECK:        loop.for %[[I:.*]] = %[[IT]] to %{{.*}} step 1 parallel {
// CHECK-NEXT:     loop.for %{{.*}} = 0 to 5 step 1 parallel {
// CHECK:            %[[T:.*]] = loop.for %{{.*}} = 0 to 16 step 8 reduction
// CHECK:            loop.for %{{.*}} = 16 to 20 step 1 reduction iter_args(%{{.*}} = %[[T]])
// CHECK:      loop.for %{{.*}} = 8 to 9 step 1 parallel {
// CHECK-NEXT:   loop.for %{{.*}} = 0 to 5 step 1 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 16 step 8 reduction
// CHECK:          loop.for %{{.*}} = 16 to 20 step 1 reduction
func.func @matmul(%A: memref<9x20xf32>, %B: memref<20x5xf32>, %C: memref<9x5xf32>) {
  // expected-remark @+1 {{tiled 3-deep band with 4x0x8, dim 2 strip-mined in place (it carries a value), remainders of dims 0, 2 peeled}}
  loop.for %i = 0 to 9 step 1 parallel {
    loop.for %j = 0 to 5 step 1 parallel {
      %zero = arith.constant 0.0 : f32
      %dot = loop.for %k = 0 to 20 step 1 reduction iter_args(%acc = %zero) -> (f32) {
        %a = memref.load %A[%i, %k] : memref<9x20xf32>
        %b = memref.load %B[%k, %j] : memref<20x5xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %acc, %p : f32
        loop.yield %s : f32
      }
      memref.store %dot, %C[%i, %j] : memref<9x5xf32>
    }
  }
  return
}

// -----

// CHECK-LABEL: func.func @one_deep
// CHECK:      loop.for %[[IT:.*]] = 0 to 8 step 4 parallel {
// CHECK:        loop.for %{{.*}} = %[[IT]] to %{{.*}} step 1 parallel {
// CHECK:      loop.for %{{.*}} = 8 to 10 step 1 parallel {
func.func @one_deep(%A: memref<10xf32>) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{tiled 1-deep band with 4, ignored 2 tile sizes beyond the band (dim 0's body holds no loop), remainder of dim 0 peeled}}
  loop.for %i = 0 to 10 step 1 parallel {
    memref.store %c, %A[%i] : memref<10xf32>
  }
  return
}

// -----

// CHECK-LABEL: func.func @two_inner_loops
// CHECK:      loop.for %[[IT:.*]] = 0 to 8 step 4 parallel {
// CHECK:        loop.for %{{.*}} = %[[IT]] to %{{.*}} step 1 parallel {
// CHECK-NEXT:     loop.for %{{.*}} = 0 to 9 step 1 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 9 step 1 parallel {
// CHECK:      loop.for %{{.*}} = 8 to 9 step 1 parallel {
func.func @two_inner_loops(%A: memref<9x9xf32>) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{tiled 1-deep band with 4, ignored 2 tile sizes beyond the band (dim 0's body holds 2 loops), remainder of dim 0 peeled}}
  loop.for %i = 0 to 9 step 1 parallel {
    loop.for %j = 0 to 9 step 1 parallel {
      memref.store %c, %A[%i, %j] : memref<9x9xf32>
    }
    loop.for %j = 0 to 9 step 1 parallel {
      memref.store %c, %A[%j, %i] : memref<9x9xf32>
    }
  }
  return
}
