// --lower-to-llvm on scf.parallel (what --parallelize makes): OpenMP ops
// with LLVM types (omp.parallel > omp.wsloop > omp.loop_nest). Each
// iteration's memref.alloca_scope (from convert-scf-to-openmp) is inlined:
// between llvm.intr.stacksave and stackrestore when the body allocates on
// the stack, bare otherwise, so convert-scf-to-cf can split the body.
// RUN: ml-opt --lower-to-llvm --split-input-file %s | FileCheck %s
// The object file needs libomp (__kmpc_* calls).
// RUN: ml-opt --lower-to-llvm --split-input-file --emit=llvm %s | FileCheck %s --check-prefix=IR
// IR: call void {{.*}}@__kmpc_fork_call(

// CHECK-LABEL: llvm.func @scratch
// CHECK:      omp.parallel {
// CHECK-NEXT:   omp.wsloop {
// CHECK-NEXT:     omp.loop_nest (%{{.*}}) : i64 = (%{{.*}}) to (%{{.*}}) step (%{{.*}}) {
// CHECK-NEXT:       %[[SP:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK:            llvm.alloca
// CHECK:            llvm.intr.stackrestore %[[SP]] : !llvm.ptr
// CHECK-NEXT:       omp.yield
// CHECK-NOT:  memref.alloca_scope
func.func @scratch(%B: memref<33xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c33 = arith.constant 33 : index
  %zero = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c0) to (%c33) step (%c1) {
    %tmp = memref.alloca() : memref<7xf32>
    scf.for %j = %c0 to %c7 step %c1 {
      memref.store %zero, %tmp[%j] : memref<7xf32>
    }
    %x = memref.load %tmp[%c0] : memref<7xf32>
    memref.store %x, %B[%i] : memref<33xf32>
    scf.reduce
  }
  return
}

// -----

// CHECK-LABEL: llvm.func @no_scratch
// CHECK:      omp.loop_nest (%{{.*}}, %{{.*}}) : i64 = ({{.*}}) to ({{.*}}) step ({{.*}}) collapse(2) {
// CHECK-NOT:    llvm.intr.stacksave
// CHECK:        omp.yield
func.func @no_scratch(%A: memref<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c8) step (%c1, %c1) {
    scf.for %k = %c0 to %c8 step %c1 {
      memref.store %zero, %A[%i, %k] : memref<4x8xf32>
    }
    scf.reduce
  }
  return
}

// -----

// A memref.alloca_scope written by hand, holding a loop, with a result.
// CHECK-LABEL: llvm.func @hand_written_scope
// CHECK:      llvm.intr.stacksave
// CHECK:      llvm.intr.stackrestore
// CHECK:      llvm.return
func.func @hand_written_scope(%n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %r = memref.alloca_scope -> f32 {
    %tmp = memref.alloca() : memref<f32>
    memref.store %zero, %tmp[] : memref<f32>
    scf.for %i = %c0 to %n step %c1 {
      %x = memref.load %tmp[] : memref<f32>
      %one = arith.constant 1.0 : f32
      %y = arith.addf %x, %one : f32
      memref.store %y, %tmp[] : memref<f32>
    }
    %v = memref.load %tmp[] : memref<f32>
    memref.alloca_scope.return %v : f32
  }
  return %r : f32
}
