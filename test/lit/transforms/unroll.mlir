// --unroll=a,b: unroll-and-jam of the innermost parallel loops of each
// nest (outermost factor first). Inner loops whose bounds do not depend on
// the unrolled loop are jammed into one loop carrying every copy's values;
// ops computing the same value in every copy (constants, index math, loads
// of addresses the unrolled loop does not touch) are emitted once; a
// partial last group is peeled into the original loop, rebounded.
// RUN: ml-opt --unroll=6,2 --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: ml-opt --unroll=6,2 --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: ml-opt --unroll=6,2 --split-input-file %s 2>&1 >/dev/null | count 0
// RUN: ml-opt --unroll=3 --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=ONE
// The result verifies and goes down the upstream tail.
// RUN: ml-opt --unroll=6,2 --lower-to-llvm --split-input-file %s > /dev/null


// Matmul 8x7 (K = 5) as --lower-to-loops emits it: i by 6 (rows 0..5,
// rows 6..7 in the remainder), j by 2 (cols 0..5, col 6 in the
// remainder); the K loop of the main nest carries 6 x 2 = 12 accumulators,
// copy (i+u, j+v) at 2u + v. Each A row and B column is loaded once per K
// iteration: 6 + 2 loads for 12 multiply-adds.
// CHECK-LABEL: func.func @matmul
// CHECK:      loop.for %[[I:.*]] = 0 to 6 step 6 parallel {
// CHECK-NEXT:   %[[CI1:.*]] = arith.constant 1 : index
// CHECK-NEXT:   %[[I1:.*]] = arith.addi %[[I]], %[[CI1]] : index
// CHECK:        %[[CI5:.*]] = arith.constant 5 : index
// CHECK-NEXT:   %[[I5:.*]] = arith.addi %[[I]], %[[CI5]] : index
// CHECK-NEXT:   loop.for %[[J:.*]] = 0 to 6 step 2 parallel {
// CHECK-NEXT:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT:     %[[J1:.*]] = arith.addi %[[J]], %[[C1]] : index
// CHECK-NEXT:     %[[ZERO:.*]] = arith.constant 0.0
// CHECK-NEXT:     %[[ACC:.*]]:12 = loop.for %[[K:.*]] = 0 to 5 step 1 reduction iter_args(%[[A0:[^ ]*]] = %[[ZERO]], %[[A1:[^ ]*]] = %[[ZERO]], {{.*}}) -> (f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32) {
// CHECK-NEXT:       %[[X0:.*]] = memref.load %arg0[%[[I]], %[[K]]]
// CHECK-NEXT:       %[[X1:.*]] = memref.load %arg0[%[[I1]], %[[K]]]
// CHECK-COUNT-4:    memref.load %arg0
// CHECK-NEXT:       %[[Y0:.*]] = memref.load %arg1[%[[K]], %[[J]]]
// CHECK-NEXT:       %[[Y1:.*]] = memref.load %arg1[%[[K]], %[[J1]]]
// CHECK-NEXT:       %[[P00:.*]] = arith.mulf %[[X0]], %[[Y0]] : f32
// CHECK-NEXT:       %[[P10:.*]] = arith.mulf %[[X1]], %[[Y0]] : f32
// CHECK-COUNT-10:   arith.mulf
// CHECK-NEXT:       %[[S00:.*]] = arith.addf %[[A0]], %[[P00]] : f32
// CHECK-COUNT-11:   arith.addf
// CHECK-NEXT:       loop.yield %[[S00]], {{.*}} : f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32
// CHECK-NEXT:     }
// CHECK-NEXT:     memref.store %[[ACC]]#0, %arg2[%[[I]], %[[J]]]
// CHECK-NEXT:     memref.store %[[ACC]]#2, %arg2[%[[I1]], %[[J]]]
// CHECK-COUNT-3:  memref.store
// CHECK-NEXT:     memref.store %[[ACC]]#10, %arg2[%[[I5]], %[[J]]]
// CHECK-NEXT:     memref.store %[[ACC]]#1, %arg2[%[[I]], %[[J1]]]
// CHECK-COUNT-5:  memref.store
// CHECK-NEXT:   }
// CHECK-NEXT:   loop.for %[[JR:.*]] = 6 to 7 step 1 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 5 step 1 reduction iter_args({{.*}}) -> (f32, f32, f32, f32, f32, f32) {
// CHECK:      loop.for %[[IR:.*]] = 6 to 8 step 1 parallel {
// CHECK-NEXT:   loop.for %{{.*}} = 0 to 6 step 2 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 5 step 1 reduction iter_args({{.*}}) -> (f32, f32) {
// CHECK:        loop.for %{{.*}} = 6 to 7 step 1 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 5 step 1 reduction iter_args({{.*}}) -> (f32) {
// CHECK-NOT:  loop.for
// CHECK:      return
func.func @matmul(%A: memref<8x5xf32>, %B: memref<5x7xf32>, %C: memref<8x7xf32>) {
  // REMARK-DAG: unroll.mlir:[[@LINE+2]]:3: remark: unrolled by 6 and jammed (12 accumulators in the innermost loop), remainder of 2 iterations peeled{{$}}
  // expected-remark @+1 {{unrolled by 6 and jammed (12 accumulators in the innermost loop), remainder of 2 iterations peeled}}
  loop.for %i = 0 to 8 step 1 parallel {
    // REMARK-DAG: unroll.mlir:[[@LINE+3]]:5: remark: unrolled by 2 and jammed (2 accumulators in the innermost loop), remainder of 1 iteration peeled{{$}}
    // ONE: unroll.mlir:[[@LINE+2]]:5: remark: unrolled by 3 and jammed (3 accumulators in the innermost loop), remainder of 1 iteration peeled{{$}}
    // expected-remark @+1 {{unrolled by 2 and jammed (2 accumulators in the innermost loop), remainder of 1 iteration peeled}}
    loop.for %j = 0 to 7 step 1 parallel {
      %zero = arith.constant 0.0 : f32
      %acc = loop.for %k = 0 to 5 step 1 reduction iter_args(%a = %zero) -> (f32) {
        %x = memref.load %A[%i, %k] : memref<8x5xf32>
        %y = memref.load %B[%k, %j] : memref<5x7xf32>
        %p = arith.mulf %x, %y : f32
        %s = arith.addf %a, %p : f32
        loop.yield %s : f32
      }
      memref.store %acc, %C[%i, %j] : memref<8x7xf32>
    }
  }
  return
}

// -----


// One parallel loop: the last factor is its. Every op of the body is
// copied (the loads and stores read the iv); the step of the new loop is
// factor x step.
// CHECK-LABEL: func.func @strided
// CHECK:      loop.for %[[I:.*]] = 0 to 8 step 4 parallel {
// CHECK-NEXT:   %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT:   %[[I1:.*]] = arith.addi %[[I]], %[[C2]] : index
// CHECK-NEXT:   %[[X0:.*]] = memref.load %arg0[%[[I]]]
// CHECK-NEXT:   %[[X1:.*]] = memref.load %arg0[%[[I1]]]
// CHECK-NEXT:   %[[Y0:.*]] = math.exp %[[X0]]
// CHECK-NEXT:   %[[Y1:.*]] = math.exp %[[X1]]
// CHECK-NEXT:   memref.store %[[Y0]], %arg1[%[[I]]]
// CHECK-NEXT:   memref.store %[[Y1]], %arg1[%[[I1]]]
// CHECK-NEXT: }
// CHECK-NOT:  loop.for
// CHECK:      return
func.func @strided(%A: memref<8xf32>, %B: memref<8xf32>) {
  // REMARK: unroll.mlir:[[@LINE+3]]:3: remark: unrolled by 2, no remainder{{$}}
  // ONE: unroll.mlir:[[@LINE+2]]:3: remark: unrolled by 3, remainder of 1 iteration peeled{{$}}
  // expected-remark @+1 {{unrolled by 2, no remainder}}
  loop.for %i = 0 to 8 step 2 parallel {
    %x = memref.load %A[%i] : memref<8xf32>
    %y = math.exp %x : f32
    memref.store %y, %B[%i] : memref<8xf32>
  }
  return
}

// -----


// Ops with regions are copied whole, their nested uses of the iv remapped;
// a parallel inner loop (no values) is jammed too; a trip count below the
// factor clamps it.
// CHECK-LABEL: func.func @regions
// CHECK:      loop.for %[[I:.*]] = 0 to 2 step 2 parallel {
// CHECK-NEXT:   %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT:   %[[I1:.*]] = arith.addi %[[I]], %[[C1]] : index
// CHECK-NEXT:   %[[Z0:.*]] = arith.cmpi eq, %[[I]], %{{.*}} : index
// CHECK-NEXT:   %[[Z1:.*]] = arith.cmpi eq, %[[I1]], %{{.*}} : index
// CHECK-NEXT:   scf.if %[[Z0]] {
// CHECK-NEXT:     memref.store %{{.*}}, %arg0[%[[I]], %[[I]]]
// CHECK-NEXT:   }
// CHECK-NEXT:   scf.if %[[Z1]] {
// CHECK-NEXT:     memref.store %{{.*}}, %arg0[%[[I1]], %[[I1]]]
// CHECK-NEXT:   }
// CHECK-NEXT:   loop.for %[[J:.*]] = 0 to 3 step 3 parallel {
// CHECK-NEXT:     memref.store %{{.*}}, %arg0[%[[I]], %[[J]]]
// CHECK-NEXT:     memref.store %{{.*}}, %arg0[%[[I1]], %[[J]]]
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK-NOT:  loop.for
// CHECK:      return
func.func @regions(%A: memref<3x3xf32>) {
  %c = arith.constant 1.0 : f32
  %c0 = arith.constant 0 : index
  // expected-remark @+1 {{unrolled by 2 (factor 6 clamped to the trip count) and jammed, no remainder}}
  loop.for %i = 0 to 2 step 1 parallel {
    %z = arith.cmpi eq, %i, %c0 : index
    scf.if %z {
      memref.store %c, %A[%i, %i] : memref<3x3xf32>
    }
    // ONE: unroll.mlir:[[@LINE+2]]:5: remark: not unrolled: trip count 1{{$}}
    // expected-remark @+1 {{not unrolled: trip count 1}}
    loop.for %j = 0 to 3 step 3 parallel {
      memref.store %c, %A[%i, %j] : memref<3x3xf32>
    }
  }
  return
}
