// A band root's tile_sizes schedule attribute gives the band's sizes (it
// wins over the flag's) and is used up. --tile without a value tiles only
// bands that have one.
// RUN: ml-opt --tile --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: ml-opt --tile=3 --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=FLAG

// FLAG: remark: tiled 2-deep band with 2x8 from tile_sizes, remainder of dim 0 peeled{{$}}
// FLAG: remark: tiled 1-deep band with 3, remainder of dim 0 peeled{{$}}

// CHECK-LABEL: func.func @scheduled
// CHECK-NOT:  tile_sizes
// CHECK:      loop.for %[[IT:.*]] = 0 to 4 step 2 parallel {
// CHECK-NEXT:   loop.for %[[JT:.*]] = 0 to 16 step 8 parallel {
// CHECK:          loop.for %{{.*}} = %[[IT]] to %{{.*}} step 1 parallel {
// CHECK-NEXT:       loop.for %{{.*}} = %[[JT]] to %{{.*}} step 1 parallel {
// CHECK:      loop.for %{{.*}} = 4 to 5 step 1 parallel {
// CHECK-NEXT:   loop.for %{{.*}} = 0 to 16 step 1 parallel {
// CHECK-NOT:  tile_sizes
// CHECK:      return
func.func @scheduled(%A: memref<5x16xf32>) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{tiled 2-deep band with 2x8 from tile_sizes, remainder of dim 0 peeled}}
  loop.for %i = 0 to 5 step 1 parallel attributes {tile_sizes = array<i64: 2, 8>} {
    loop.for %j = 0 to 16 step 1 parallel {
      memref.store %c, %A[%i, %j] : memref<5x16xf32>
    }
  }
  return
}

// -----

// CHECK-LABEL: func.func @unscheduled
// CHECK:      loop.for %{{.*}} = 0 to 7 step 1 parallel {
// CHECK-NOT:  loop.for
func.func @unscheduled(%A: memref<7xf32>) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{not tiled: no tile sizes (give --tile=N or a tile_sizes attribute on the band's outermost loop)}}
  loop.for %i = 0 to 7 step 1 parallel {
    memref.store %c, %A[%i] : memref<7xf32>
  }
  return
}
