// --parallelize: the outer band of perfectly nested parallel loops (up to
// 3 dims, collapsed) becomes one scf.parallel holding the innermost band
// loop's body; every nest gets one remark at its outermost loop.
// RUN: ml-opt --parallelize --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: ml-opt --parallelize --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: ml-opt --parallelize --split-input-file %s 2>&1 >/dev/null | count 0
// The result goes down the upstream tail to OpenMP.
// RUN: ml-opt --parallelize --lower-to-llvm --split-input-file %s | FileCheck %s --check-prefix=LLVM

// REMARK: parallelize.mlir:{{[0-9]+}}:3: remark: parallelized 2-deep band (64x33 iterations) on OpenMP threads{{$}}

// A matmul nest: i and j collapse, the K reduction stays in the body.
// CHECK-LABEL: func.func @matmul
// CHECK-DAG:  %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG:  %[[C64:.*]] = arith.constant 64 : index
// CHECK-DAG:  %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:  %[[C33:.*]] = arith.constant 33 : index
// CHECK:      scf.parallel (%[[I:.*]], %[[J:.*]]) = (%[[C0]], %[[C0]]) to (%[[C64]], %[[C33]]) step (%[[C1]], %[[C1]]) {
// CHECK:        %[[S:.*]] = loop.for %[[K:.*]] = 0 to 40 step 1 reduction iter_args
// CHECK:          memref.load %arg0[%[[I]], %[[K]]]
// CHECK:        memref.store %[[S]], %arg2[%[[I]], %[[J]]]
// CHECK-NEXT:   scf.reduce
// CHECK-NOT:  loop.for {{.*}} parallel
// LLVM-LABEL: llvm.func @matmul
// LLVM:       omp.parallel {
// LLVM-NEXT:    omp.wsloop {
// LLVM-NEXT:      omp.loop_nest ({{.*}}) : i64 = ({{.*}}) to ({{.*}}) step ({{.*}}) collapse(2) {
func.func @matmul(%A: memref<64x40xf32>, %B: memref<40x33xf32>, %C: memref<64x33xf32>) {
  // expected-remark @+1 {{parallelized 2-deep band (64x33 iterations) on OpenMP threads}}
  loop.for %i = 0 to 64 step 1 parallel {
    loop.for %j = 0 to 33 step 1 parallel {
      %zero = arith.constant 0.0 : f32
      %s = loop.for %k = 0 to 40 step 1 reduction iter_args(%acc = %zero) -> (f32) {
        %a = memref.load %A[%i, %k] : memref<64x40xf32>
        %b = memref.load %B[%k, %j] : memref<40x33xf32>
        %p = arith.mulf %a, %b : f32
        %n = arith.addf %acc, %p : f32
        loop.yield %n : f32
      }
      memref.store %s, %C[%i, %j] : memref<64x33xf32>
    }
  }
  return
}

// -----

// The innermost loop stays sequential (for vectorization) when the band
// above it has 64 iterations or more.
// CHECK-LABEL: func.func @elementwise_rows
// CHECK:      scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%{{.*}}) step (%{{.*}}) {
// CHECK-NEXT:   loop.for %[[J:.*]] = 0 to 8 step 1 parallel {
// CHECK-NEXT:     memref.load %arg0[%[[I]], %[[J]]]
// LLVM-LABEL: llvm.func @elementwise_rows
// LLVM:       omp.loop_nest (%{{[^,]*}}) : i64
func.func @elementwise_rows(%A: memref<100x8xf32>, %B: memref<100x8xf32>) {
  // expected-remark @+1 {{parallelized 1-deep band (100 iterations) on OpenMP threads}}
  loop.for %i = 0 to 100 step 1 parallel {
    loop.for %j = 0 to 8 step 1 parallel {
      %x = memref.load %A[%i, %j] : memref<100x8xf32>
      %y = math.exp %x : f32
      memref.store %y, %B[%i, %j] : memref<100x8xf32>
    }
  }
  return
}

// -----

// With fewer than 64 outer iterations the innermost loop joins the band.
// CHECK-LABEL: func.func @elementwise_few_rows
// CHECK:      scf.parallel (%[[I:.*]], %[[J:.*]]) = (%{{.*}}, %{{.*}}) to (%{{.*}}, %{{.*}}) step (%{{.*}}, %{{.*}}) {
// CHECK-NEXT:   memref.load %arg0[%[[I]], %[[J]]]
// CHECK-NOT:  loop.for
func.func @elementwise_few_rows(%A: memref<7x8xf32>, %B: memref<7x8xf32>) {
  // expected-remark @+1 {{parallelized 2-deep band (7x8 iterations) on OpenMP threads}}
  loop.for %i = 0 to 7 step 1 parallel {
    loop.for %j = 0 to 8 step 1 parallel {
      %x = memref.load %A[%i, %j] : memref<7x8xf32>
      memref.store %x, %B[%i, %j] : memref<7x8xf32>
    }
  }
  return
}

// -----

// At most 3 dims collapse; steps and lower bounds carry over.
// CHECK-LABEL: func.func @deep
// CHECK-DAG:  %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG:  %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:  %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG:  %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG:  %[[C10:.*]] = arith.constant 10 : index
// CHECK-DAG:  %[[C4:.*]] = arith.constant 4 : index
// CHECK:      scf.parallel (%[[A:.*]], %[[B:.*]], %[[C:.*]]) = (%[[C0]], %[[C1]], %[[C0]]) to (%[[C2]], %[[C10]], %[[C4]]) step (%[[C1]], %[[C3]], %[[C1]]) {
// CHECK-NEXT:   loop.for %[[D:.*]] = 0 to 5 step 1 parallel {
// CHECK-NEXT:     memref.load %arg0[%[[A]], %[[B]], %[[C]], %[[D]]]
// LLVM-LABEL: llvm.func @deep
// LLVM:       collapse(3)
func.func @deep(%A: memref<2x10x4x5xf32>, %B: memref<2x10x4x5xf32>) {
  // expected-remark @+1 {{parallelized 3-deep band (2x3x4 iterations) on OpenMP threads}}
  loop.for %a = 0 to 2 step 1 parallel {
    loop.for %b = 1 to 10 step 3 parallel {
      loop.for %c = 0 to 4 step 1 parallel {
        loop.for %d = 0 to 5 step 1 parallel {
          %x = memref.load %A[%a, %b, %c, %d] : memref<2x10x4x5xf32>
          memref.store %x, %B[%a, %b, %c, %d] : memref<2x10x4x5xf32>
        }
      }
    }
  }
  return
}

// -----

// SSA bounds: an unknown trip count is "?"; a loop whose bounds read an
// outer induction variable (a triangle) ends the band.
// CHECK-LABEL: func.func @triangle
// CHECK:      scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%arg0) step (%{{.*}}) {
// CHECK-NEXT:   loop.for %[[J:.*]] = 0 to %[[I]] step 1 parallel {
func.func @triangle(%n: index, %A: memref<?x?xf32>) {
  // expected-remark @+1 {{parallelized 1-deep band (? iterations) on OpenMP threads}}
  loop.for %i = 0 to %n step 1 parallel {
    loop.for %j = 0 to %i step 1 parallel {
      %x = memref.load %A[%i, %j] : memref<?x?xf32>
      memref.store %x, %A[%j, %i] : memref<?x?xf32>
    }
  }
  return
}

// -----

// Refusals: a reduction at the top, one iteration, a 1x1 band.
// CHECK-LABEL: func.func @refused
// CHECK-NOT:  scf.parallel
// CHECK:      return
func.func @refused(%A: memref<16xf32>, %B: memref<1x16xf32>, %C: memref<1x1xf32>, %S: memref<f32>) {
  %zero = arith.constant 0.0 : f32
  // expected-remark @+1 {{not parallelized: outermost loop is a reduction}}
  %s = loop.for %k = 0 to 16 step 1 reduction iter_args(%acc = %zero) -> (f32) {
    %x = memref.load %A[%k] : memref<16xf32>
    %n = arith.addf %acc, %x : f32
    loop.yield %n : f32
  }
  memref.store %s, %S[] : memref<f32>
  // expected-remark @+1 {{not parallelized: outermost loop runs 1 iteration and its body holds 2 loops}}
  loop.for %i = 0 to 1 step 1 parallel {
    loop.for %j = 0 to 16 step 1 parallel {
      memref.store %zero, %B[%i, %j] : memref<1x16xf32>
    }
    loop.for %j = 0 to 16 step 1 parallel {
      %x = memref.load %A[%j] : memref<16xf32>
      memref.store %x, %B[%i, %j] : memref<1x16xf32>
    }
  }
  // expected-remark @+1 {{not parallelized: outermost loop runs 1 iteration and the loop below it is a reduction}}
  loop.for %i = 0 to 1 step 1 parallel {
    loop.for %k = 0 to 16 step 1 reduction {
      %x = memref.load %A[%k] : memref<16xf32>
      %y = memref.load %B[%i, %k] : memref<1x16xf32>
      %n = arith.addf %x, %y : f32
      memref.store %n, %B[%i, %k] : memref<1x16xf32>
    }
  }
  // expected-remark @+1 {{not parallelized: 2-deep parallel band (1x1 iterations) runs 1 iteration}}
  loop.for %i = 0 to 1 step 1 parallel {
    loop.for %j = 0 to 1 step 1 parallel {
      memref.store %zero, %C[%i, %j] : memref<1x1xf32>
    }
  }
  // expected-remark @+1 {{not parallelized: outermost loop runs 0 iterations}}
  loop.for %i = 5 to 5 step 1 parallel {
    memref.store %zero, %A[%i] : memref<16xf32>
  }
  return
}

// -----

// Loops already inside an scf.parallel are left alone (no remark); two
// nests of one function each get their own scf.parallel.
// CHECK-LABEL: func.func @nested_and_two
// CHECK:      scf.parallel
// CHECK-NEXT:   loop.for
// CHECK:      scf.parallel
// CHECK-NEXT:   memref.store
// CHECK:      scf.parallel
// CHECK-NEXT:   memref.store
func.func @nested_and_two(%A: memref<8x8xf32>, %B: memref<100xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c0) to (%c8) step (%c1) {
    loop.for %j = 0 to 8 step 1 parallel {
      memref.store %zero, %A[%i, %j] : memref<8x8xf32>
    }
    scf.reduce
  }
  // expected-remark @+1 {{parallelized 1-deep band (100 iterations) on OpenMP threads}}
  loop.for %i = 0 to 100 step 1 parallel {
    memref.store %zero, %B[%i] : memref<100xf32>
  }
  // expected-remark @+1 {{parallelized 1-deep band (25 iterations) on OpenMP threads}}
  loop.for %i = 0 to 100 step 4 parallel {
    memref.store %zero, %B[%i] : memref<100xf32>
  }
  return
}
