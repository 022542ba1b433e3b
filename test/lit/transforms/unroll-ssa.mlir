// --unroll on loops with SSA bounds: the split point between the groups
// of F iterations and the peeled remainder is computed with arith on
// index values, lb + (ceil(max(ub - lb, 0) / step) / F) * F * step, so any
// trip count (0, 1, below F) is exact. A bound `lb + c` (the point loops
// of --tile) has a static trip count: no arithmetic, no remainder when F
// divides it.
// RUN: ml-opt --unroll=4 --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: ml-opt --tile=4 --unroll=2,2 --remarks %S/Inputs/unroll-matmul.mlir 2>&1 | FileCheck %s --check-prefix=TILED
// RUN: ml-opt --tile=4 --unroll=2,2 --lower-to-llvm %S/Inputs/unroll-matmul.mlir > /dev/null
// RUN: ml-opt --unroll=4 --lower-to-llvm --split-input-file %s > /dev/null

// CHECK-LABEL: func.func @runtime
// CHECK:      %[[N:.*]] = arith.subi %arg2, %arg1 : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[P:.*]] = arith.maxsi %[[N]], %[[C0]] : index
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[Q:.*]] = arith.addi %[[P]], %[[C2]] : index
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[T:.*]] = arith.divui %[[Q]], %[[C3]] : index
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[G:.*]] = arith.divui %[[T]], %[[C4]] : index
// CHECK-NEXT: %[[C12:.*]] = arith.constant 12 : index
// CHECK-NEXT: %[[L:.*]] = arith.muli %[[G]], %[[C12]] : index
// CHECK-NEXT: %[[FULL:.*]] = arith.addi %arg1, %[[L]] : index
// CHECK-NEXT: loop.for %[[I:.*]] = %arg1 to %[[FULL]] step 12 parallel {
// CHECK:        %[[I3:.*]] = arith.addi %[[I]], %{{.*}} : index
// CHECK:        memref.store %{{.*}}, %arg0[%[[I]]]
// CHECK-NEXT:   memref.store %{{.*}}, %arg0[%[[I3]]]
// CHECK-COUNT-2: memref.store
// CHECK-NEXT: }
// CHECK-NEXT: loop.for %[[R:.*]] = %[[FULL]] to %arg2 step 3 parallel {
// CHECK-NEXT:   memref.store %{{.*}}, %arg0[%[[R]]]
// CHECK-NEXT: }
func.func @runtime(%A: memref<?xf32>, %lo: index, %hi: index) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{unrolled by 4, remainder peeled}}
  loop.for %i = %lo to %hi step 3 parallel {
    memref.store %c, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// A static lower bound and an SSA upper bound.
// CHECK-LABEL: func.func @upper
// CHECK:      %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[N:.*]] = arith.subi %arg1, %[[C0]] : index
// CHECK:      %[[FULL:.*]] = arith.addi %[[C0]], %{{.*}} : index
// CHECK-NEXT: loop.for %{{.*}} = 0 to %[[FULL]] step 4 parallel {
// CHECK:      loop.for %{{.*}} = %[[FULL]] to %arg1 step 1 parallel {
func.func @upper(%A: memref<?xf32>, %n: index) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{unrolled by 4, remainder peeled}}
  loop.for %i = 0 to %n step 1 parallel {
    memref.store %c, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// The point loop of a tile: `%it to %it + 32` has 32 iterations, 4 divides
// them; `%it to %it + 30` leaves 2, peeled from %it + 28.
// CHECK-LABEL: func.func @point
// CHECK:      loop.for %[[IT:.*]] = 0 to 96 step 32 parallel {
// CHECK-NEXT:   %[[C32:.*]] = arith.constant 32 : index
// CHECK-NEXT:   %[[E:.*]] = arith.addi %[[IT]], %[[C32]] : index
// CHECK-NEXT:   loop.for %{{.*}} = %[[IT]] to %[[E]] step 4 parallel {
// CHECK-COUNT-4: memref.store
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK:      loop.for %[[IT2:.*]] = 0 to 90 step 30 parallel {
// CHECK-NEXT:   %[[C30:.*]] = arith.constant 30 : index
// CHECK-NEXT:   %[[E2:.*]] = arith.addi %[[IT2]], %[[C30]] : index
// CHECK-NEXT:   %[[C28:.*]] = arith.constant 28 : index
// CHECK-NEXT:   %[[F2:.*]] = arith.addi %[[IT2]], %[[C28]] : index
// CHECK-NEXT:   loop.for %{{.*}} = %[[IT2]] to %[[F2]] step 4 parallel {
// CHECK:        loop.for %{{.*}} = %[[F2]] to %[[E2]] step 1 parallel {
func.func @point(%A: memref<100xf32>) {
  %c = arith.constant 1.0 : f32
  loop.for %it = 0 to 96 step 32 parallel {
    %c32 = arith.constant 32 : index
    %e = arith.addi %it, %c32 : index
    // expected-remark @+1 {{unrolled by 4, no remainder}}
    loop.for %i = %it to %e step 1 parallel {
      memref.store %c, %A[%i] : memref<100xf32>
    }
  }
  loop.for %it = 0 to 90 step 30 parallel {
    %c30 = arith.constant 30 : index
    %e = arith.addi %it, %c30 : index
    // expected-remark @+1 {{unrolled by 4, remainder of 2 iterations peeled}}
    loop.for %i = %it to %e step 1 parallel {
      memref.store %c, %A[%i] : memref<100xf32>
    }
  }
  return
}

// Matmul 10x8 (K = 6) after --tile=4 (i and j tiles hoisted, K strip-mined
// in place), then --unroll=2,2: the point loops `%it to %it + 4` are
// unrolled by 2 with no remainder; both K loops of the tile carry 4
// accumulators; the remainder rows 8..9 get the same treatment.
// TILED:      remark: tiled 3-deep band with 4x4x4, dim 2 strip-mined in place (it carries a value), remainders of dims 0, 2 peeled{{$}}
// TILED-NEXT: remark: unrolled by 2 and jammed (2 accumulators in the innermost loop), no remainder{{$}}
// TILED-NEXT: remark: unrolled by 2 and jammed (4 accumulators in the innermost loop), no remainder{{$}}
// TILED-NEXT: remark: unrolled by 2 and jammed (2 accumulators in the innermost loop), no remainder{{$}}
// TILED-NEXT: remark: unrolled by 2 and jammed (4 accumulators in the innermost loop), no remainder{{$}}
// TILED:      loop.for %[[IT:.*]] = 0 to 8 step 4 parallel {
// TILED-NEXT:   loop.for %[[JT:.*]] = 0 to 8 step 4 parallel {
// TILED-NEXT:     %[[C4:.*]] = arith.constant 4 : index
// TILED-NEXT:     %[[IE:.*]] = arith.addi %[[IT]], %[[C4]] : index
// TILED:          %[[JE:.*]] = arith.addi %[[JT]], %{{.*}} : index
// TILED-NEXT:     loop.for %{{.*}} = %[[IT]] to %[[IE]] step 2 parallel {
// TILED:            loop.for %{{.*}} = %[[JT]] to %[[JE]] step 2 parallel {
// TILED:              loop.for %{{.*}} = 0 to 4 step 4 reduction iter_args({{.*}}) -> (f32, f32, f32, f32) {
// TILED:                loop.for %{{.*}} = %{{.*}} to %{{.*}} step 1 reduction iter_args({{.*}}) -> (f32, f32, f32, f32) {
// TILED:              loop.for %{{.*}} = 4 to 6 step 1 reduction iter_args({{.*}}) -> (f32, f32, f32, f32) {
// TILED:      loop.for %{{.*}} = 8 to 10 step 2 parallel {
// TILED-NEXT:   arith.constant 1 : index
// TILED-NEXT:   arith.addi
// TILED-NEXT:   loop.for %{{.*}} = 0 to 8 step 2 parallel {
