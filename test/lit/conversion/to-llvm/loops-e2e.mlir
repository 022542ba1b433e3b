// --lower-to-llvm end to end: loop nests lowered to LLVM and run by MLIR's
// JIT (mlir-runner), checked numerically. Bounds include 1, primes and
// values that are not multiples of the step.
// RUN: ml-opt --lower-to-llvm %s | mlir-runner -e main -entry-point-result=void -shared-libs=%c_runner_utils | FileCheck %s
// The output is pure llvm dialect: nothing of loop/scf/arith/memref is left.
// RUN: ml-opt --lower-to-llvm %s | FileCheck %s --check-prefix=IR
// IR-NOT: loop.
// IR-NOT: scf.
// IR-NOT: memref.
// IR: llvm.func @_mlir_ciface_fill

func.func private @printF32(f32)
func.func private @printI64(i64)
func.func private @printNewline()

// buf[i] = i * i for i in [0, n), with SSA bounds.
func.func @fill(%buf: memref<?xf32>, %n: index) {
  loop.for %i = 0 to %n step 1 parallel {
    %ii = arith.index_cast %i : index to i64
    %f = arith.sitofp %ii : i64 to f32
    %sq = arith.mulf %f, %f : f32
    memref.store %sq, %buf[%i] : memref<?xf32>
  }
  return
}

func.func @main() {
  %c7 = arith.constant 7 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %buf = memref.alloc(%c7) : memref<?xf32>
  func.call @fill(%buf, %c7) : (memref<?xf32>, index) -> ()

  // Sum of all seven squares: 0+1+4+9+16+25+36 = 91.
  %all = loop.for %i = 0 to 7 step 1 reduction iter_args(%acc = %zero) -> (f32) {
    %v = memref.load %buf[%i] : memref<?xf32>
    %s = arith.addf %acc, %v : f32
    loop.yield %s : f32
  }
  // CHECK: 91
  func.call @printF32(%all) : (f32) -> ()
  func.call @printNewline() : () -> ()

  // Odd indices from an SSA lower bound, step 2 (7 is not a multiple of 2):
  // 1 + 9 + 25 = 35, counted 3 times.
  %odd:2 = loop.for %i = %c1 to 7 step 2 reduction iter_args(%acc = %zero, %cnt = %zero) -> (f32, f32) {
    %v = memref.load %buf[%i] : memref<?xf32>
    %s = arith.addf %acc, %v : f32
    %c = arith.addf %cnt, %one : f32
    loop.yield %s, %c : f32, f32
  }
  // CHECK-NEXT: 35
  // CHECK-NEXT: 3
  func.call @printF32(%odd#0) : (f32) -> ()
  func.call @printNewline() : () -> ()
  func.call @printF32(%odd#1) : (f32) -> ()
  func.call @printNewline() : () -> ()

  // A 2-D nest over a 5x3 triangle-free grid: sum of (i*3 + j) = 0..14 = 105.
  %total = loop.for %i = 0 to 5 step 1 reduction iter_args(%outer = %zero) -> (f32) {
    %row = loop.for %j = 0 to 3 step 1 reduction iter_args(%inner = %outer) -> (f32) {
      %c3 = arith.constant 3 : index
      %k = arith.muli %i, %c3 : index
      %kk = arith.addi %k, %j : index
      %ki = arith.index_cast %kk : index to i64
      %kf = arith.sitofp %ki : i64 to f32
      %n = arith.addf %inner, %kf : f32
      loop.yield %n : f32
    }
    loop.yield %row : f32
  }
  // CHECK-NEXT: 105
  func.call @printF32(%total) : (f32) -> ()
  func.call @printNewline() : () -> ()

  // A loop of one iteration and an empty loop (lower == upper).
  %single = loop.for %i = 3 to 4 step 5 reduction iter_args(%acc = %zero) -> (f32) {
    %v = memref.load %buf[%i] : memref<?xf32>
    loop.yield %v : f32
  }
  %empty = loop.for %i = 2 to 2 step 1 reduction iter_args(%acc = %one) -> (f32) {
    loop.yield %zero : f32
  }
  // CHECK-NEXT: 9
  // CHECK-NEXT: 1
  func.call @printF32(%single) : (f32) -> ()
  func.call @printNewline() : () -> ()
  func.call @printF32(%empty) : (f32) -> ()
  func.call @printNewline() : () -> ()
  memref.dealloc %buf : memref<?xf32>
  return
}
