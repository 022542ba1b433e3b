// --tile=N: every dim of each band tiled by N. Tile loops are hoisted
// outermost over point loops `%it to %it + N`; a partial last tile is
// peeled into a remainder nest; loops carrying a value are strip-mined in
// place; each band gets one remark at its outermost loop.
// RUN: ml-opt --tile=4 --split-input-file --verify-diagnostics %s | FileCheck %s
// RUN: ml-opt --tile=4 --split-input-file --remarks %s 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: ml-opt --tile=4 --split-input-file %s 2>&1 >/dev/null | count 0
// The result verifies and goes down the upstream tail.
// RUN: ml-opt --tile=4 --lower-to-llvm --split-input-file %s > /dev/null

// REMARK: tile.mlir:[[@LINE+18]]:3: remark: tiled 2-deep band with 4x4, remainder of dim 0 peeled{{$}}

// A perfect 2-deep band, 10x8: full tiles of dim 0 end at 8, dim 1 divides.
// CHECK-LABEL: func.func @elementwise
// CHECK:      loop.for %[[IT:.*]] = 0 to 8 step 4 parallel {
// CHECK-NEXT:   loop.for %[[JT:.*]] = 0 to 8 step 4 parallel {
// CHECK:          %[[IE:.*]] = arith.addi %[[IT]], %{{.*}} : index
// CHECK:          %[[JE:.*]] = arith.addi %[[JT]], %{{.*}} : index
// CHECK-NEXT:     loop.for %[[I:.*]] = %[[IT]] to %[[IE]] step 1 parallel {
// CHECK-NEXT:       loop.for %[[J:.*]] = %[[JT]] to %[[JE]] step 1 parallel {
// CHECK-NEXT:         memref.load %arg0[%[[I]], %[[J]]]
// CHECK:      loop.for %[[RI:.*]] = 8 to 10 step 1 parallel {
// CHECK-NEXT:   loop.for %[[RJ:.*]] = 0 to 8 step 1 parallel {
// CHECK-NEXT:     memref.load %arg0[%[[RI]], %[[RJ]]]
// CHECK-NOT:  loop.for
// CHECK:      return
func.func @elementwise(%A: memref<10x8xf32>, %B: memref<10x8xf32>) {
  // expected-remark @+1 {{tiled 2-deep band with 4x4, remainder of dim 0 peeled}}
  loop.for %i = 0 to 10 step 1 parallel {
    loop.for %j = 0 to 8 step 1 parallel {
      %a = memref.load %A[%i, %j] : memref<10x8xf32>
      %b = arith.addf %a, %a : f32
      memref.store %b, %B[%i, %j] : memref<10x8xf32>
    }
  }
  return
}

// -----

// Matmul as --lower-to-loops emits it: i and j tiled and hoisted (j has
// only 4 iterations: untiled), the K loop carrying the accumulator
// strip-mined in place, each tile loop followed by its remainder.
// CHECK-LABEL: func.func @matmul
// CHECK:      loop.for %[[IT:.*]] = 0 to 4 step 4 parallel {
// CHECK:        loop.for %[[I:.*]] = %[[IT]] to %{{.*}} step 1 parallel {
// CHECK-NEXT:     loop.for %[[J:.*]] = 0 to 4 step 1 parallel {
// CHECK-NEXT:       %[[ZERO:.*]] = arith.constant 0.0
// CHECK-NEXT:       %[[T:.*]] = loop.for %[[KT:.*]] = 0 to 8 step 4 reduction iter_args(%[[ACC:.*]] = %[[ZERO]]) -> (f32) {
// CHECK:              %[[KE:.*]] = arith.addi %[[KT]], %{{.*}} : index
// CHECK-NEXT:         %[[P:.*]] = loop.for %[[K:.*]] = %[[KT]] to %[[KE]] step 1 reduction iter_args(%[[ACC2:.*]] = %[[ACC]]) -> (f32) {
// CHECK-NEXT:           memref.load %arg0[%[[I]], %[[K]]]
// CHECK:                arith.addf %[[ACC2]]
// CHECK:              loop.yield %[[P]] : f32
// CHECK:            %[[R:.*]] = loop.for %[[K2:.*]] = 8 to 10 step 1 reduction iter_args(%[[ACC3:.*]] = %[[T]]) -> (f32) {
// CHECK-NEXT:         memref.load %arg0[%[[I]], %[[K2]]]
// CHECK:            memref.store %[[R]], %arg2[%[[I]], %[[J]]]
// CHECK:      loop.for %{{.*}} = 4 to 6 step 1 parallel {
// CHECK-NEXT:   loop.for %{{.*}} = 0 to 4 step 1 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 8 step 4 reduction
// CHECK:          loop.for %{{.*}} = 8 to 10 step 1 reduction
func.func @matmul(%A: memref<6x10xf32>, %B: memref<10x4xf32>, %C: memref<6x4xf32>) {
  // expected-remark @+1 {{tiled 3-deep band with 4x0x4, dim 1 untiled (tile 4 >= its 4 iterations), dim 2 strip-mined in place (it carries a value), remainders of dims 0, 2 peeled}}
  loop.for %i = 0 to 6 step 1 parallel {
    loop.for %j = 0 to 4 step 1 parallel {
      %zero = arith.constant 0.0 : f32
      %dot = loop.for %k = 0 to 10 step 1 reduction iter_args(%acc = %zero) -> (f32) {
        %a = memref.load %A[%i, %k] : memref<6x10xf32>
        %b = memref.load %B[%k, %j] : memref<10x4xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %acc, %p : f32
        loop.yield %s : f32
      }
      memref.store %dot, %C[%i, %j] : memref<6x4xf32>
    }
  }
  return
}

// -----

// A band whose outermost loop carries a value: strip-mined in place, the
// remainder continues from the full tiles' result.
// CHECK-LABEL: func.func @sum
// CHECK:      %[[ZERO:.*]] = arith.constant 0.0
// CHECK-NEXT: %[[T:.*]] = loop.for %[[KT:.*]] = 0 to 8 step 4 reduction iter_args(%[[A:.*]] = %[[ZERO]]) -> (f32) {
// CHECK:        %[[P:.*]] = loop.for %{{.*}} = %[[KT]] to %{{.*}} step 1 reduction iter_args(%{{.*}} = %[[A]]) -> (f32) {
// CHECK:        loop.yield %[[P]] : f32
// CHECK:      %[[R:.*]] = loop.for %{{.*}} = 8 to 9 step 1 reduction iter_args(%{{.*}} = %[[T]]) -> (f32) {
// CHECK:      memref.store %[[R]], %arg1[]
func.func @sum(%X: memref<9xf32>, %out: memref<f32>) {
  %zero = arith.constant 0.0 : f32
  // expected-remark @+1 {{tiled 1-deep band with 4, dim 0 strip-mined in place (it carries a value), remainder of dim 0 peeled}}
  %s = loop.for %k = 0 to 9 step 1 reduction iter_args(%acc = %zero) -> (f32) {
    %x = memref.load %X[%k] : memref<9xf32>
    %n = arith.addf %acc, %x : f32
    loop.yield %n : f32
  }
  memref.store %s, %out[] : memref<f32>
  return
}

// -----

// An SSA upper bound: the end of the full tiles, (n / 4) * 4, is computed
// at run time; the remainder runs from there to %rows.
// CHECK-LABEL: func.func @row_sums
// CHECK-SAME: %[[ROWS:[^:]*]]: index)
// CHECK:      %[[N:.*]] = arith.maxsi %[[ROWS]], %{{.*}} : index
// CHECK:      %[[TILES:.*]] = arith.divui %[[N]], %{{.*}} : index
// CHECK:      %[[FULL:.*]] = arith.muli %[[TILES]], %{{.*}} : index
// CHECK:      loop.for %[[RT:.*]] = 0 to %[[FULL]] step 4 parallel {
// CHECK:        loop.for %{{.*}} = %[[RT]] to %{{.*}} step 1 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 8 step 4 reduction
// CHECK:      loop.for %{{.*}} = %[[FULL]] to %[[ROWS]] step 1 parallel {
func.func @row_sums(%X: memref<?x8xf32>, %out: memref<?xf32>, %rows: index) {
  %zero = arith.constant 0.0 : f32
  // expected-remark @+1 {{tiled 2-deep band with 4x4, dim 1 strip-mined in place (it carries a value), remainder of dim 0 peeled}}
  loop.for %r = 0 to %rows step 1 parallel {
    %sum = loop.for %c = 0 to 8 step 1 reduction iter_args(%acc = %zero) -> (f32) {
      %x = memref.load %X[%r, %c] : memref<?x8xf32>
      %n = arith.addf %acc, %x : f32
      loop.yield %n : f32
    }
    memref.store %sum, %out[%r] : memref<?xf32>
  }
  return
}

// -----

// A reduction accumulating into memory (no iter_args) is interchanged like
// a parallel loop and keeps its kind. Steps scale the tiles: j runs
// 2, 5, ..., 29 (10 iterations), 2 full tiles of 4 end at 26. The innermost
// point loop keeps vector_width.
// CHECK-LABEL: func.func @col_sums
// CHECK:      loop.for %[[KT:.*]] = 0 to 16 step 4 reduction {
// CHECK-NEXT:   loop.for %[[JT:.*]] = 2 to 26 step 12 parallel {
// CHECK:          loop.for %{{.*}} = %[[KT]] to %{{.*}} step 1 reduction {
// CHECK-NEXT:       loop.for %{{.*}} = %[[JT]] to %{{.*}} step 3 parallel attributes {vector_width = 4 : i64} {
// CHECK:        loop.for %{{.*}} = %[[KT]] to %{{.*}} step 1 reduction {
// CHECK-NEXT:     loop.for %{{.*}} = 26 to 30 step 3 parallel attributes {vector_width = 4 : i64} {
func.func @col_sums(%X: memref<16x30xf32>, %out: memref<30xf32>) {
  // expected-remark @+1 {{tiled 2-deep band with 4x4, remainder of dim 1 peeled}}
  loop.for %k = 0 to 16 step 1 reduction {
    loop.for %j = 2 to 30 step 3 parallel attributes {vector_width = 4 : i64} {
      %x = memref.load %X[%k, %j] : memref<16x30xf32>
      %o = memref.load %out[%j] : memref<30xf32>
      %n = arith.addf %o, %x : f32
      memref.store %n, %out[%j] : memref<30xf32>
    }
  }
  return
}

// -----

// A tile covering the whole dim leaves it untiled; one remark per band.
// CHECK-LABEL: func.func @small
// CHECK:      loop.for %{{.*}} = 0 to 3 step 1 parallel {
// CHECK-NEXT:   loop.for %{{.*}} = 0 to 4 step 1 parallel {
// CHECK:      loop.for %[[IT:.*]] = 0 to 8 step 8 parallel {
// CHECK:        loop.for %{{.*}} = %[[IT]] to %{{.*}} step 2 parallel {
// CHECK:      loop.for %{{.*}} = 8 to 12 step 2 parallel {
func.func @small(%A: memref<3x4xf32>, %B: memref<12xf32>) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{not tiled: 2-deep band with tile sizes 4x4, dim 0 untiled (tile 4 >= its 3 iterations), dim 1 untiled (tile 4 >= its 4 iterations)}}
  loop.for %i = 0 to 3 step 1 parallel {
    loop.for %j = 0 to 4 step 1 parallel {
      memref.store %c, %A[%i, %j] : memref<3x4xf32>
    }
  }
  // expected-remark @+1 {{tiled 1-deep band with 4, remainder of dim 0 peeled}}
  loop.for %i = 0 to 12 step 2 parallel {
    memref.store %c, %B[%i] : memref<12xf32>
  }
  return
}

// -----

// An inner bound reading the outer induction variable: not interchanged,
// strip-mined in place with its full tiles computed per outer iteration.
// CHECK-LABEL: func.func @triangular
// CHECK:      loop.for %[[IT:.*]] = 0 to 8 step 4 parallel {
// CHECK:        loop.for %[[I:.*]] = %[[IT]] to %{{.*}} step 1 parallel {
// CHECK:          %[[N:.*]] = arith.maxsi %[[I]], %{{.*}} : index
// CHECK:          %[[FULL:.*]] = arith.muli
// CHECK-NEXT:     loop.for %[[JT:.*]] = 0 to %[[FULL]] step 4 parallel {
// CHECK:            loop.for %{{.*}} = %[[JT]] to %{{.*}} step 1 parallel {
// CHECK:          loop.for %{{.*}} = %[[FULL]] to %[[I]] step 1 parallel {
// CHECK:      loop.for %{{.*}} = 8 to 9 step 1 parallel {
func.func @triangular(%A: memref<9x9xf32>) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{tiled 2-deep band with 4x4, dim 1 strip-mined in place (it has bounds that depend on an outer loop), remainders of dims 0, 1 peeled}}
  loop.for %i = 0 to 9 step 1 parallel {
    loop.for %j = 0 to %i step 1 parallel {
      memref.store %c, %A[%i, %j] : memref<9x9xf32>
    }
  }
  return
}

// -----

// The band ends at a body holding two loops (softmax's shape); a loop with
// an SSA step is not tiled; an outermost loop inside another region op of
// the function is a band too.
// CHECK-LABEL: func.func @two_inner_loops
// CHECK:      loop.for %[[IT:.*]] = 0 to 8 step 4 parallel {
// CHECK:        loop.for %[[I:.*]] = %[[IT]] to %{{.*}} step 1 parallel {
// CHECK-NEXT:     loop.for %{{.*}} = 0 to 9 step 1 parallel {
// CHECK:          loop.for %{{.*}} = 0 to 9 step %arg1 parallel {
// CHECK:      loop.for %{{.*}} = 8 to 9 step 1 parallel {
// CHECK:      scf.execute_region {
// CHECK-NEXT:   loop.for %{{.*}} = 0 to 9 step %arg1 parallel {
func.func @two_inner_loops(%A: memref<9x9xf32>, %s: index) {
  %c = arith.constant 1.0 : f32
  // expected-remark @+1 {{tiled 1-deep band with 4, remainder of dim 0 peeled}}
  loop.for %i = 0 to 9 step 1 parallel {
    loop.for %j = 0 to 9 step 1 parallel {
      memref.store %c, %A[%i, %j] : memref<9x9xf32>
    }
    loop.for %j = 0 to 9 step %s parallel {
      memref.store %c, %A[%j, %i] : memref<9x9xf32>
    }
  }
  scf.execute_region {
    // expected-remark @+1 {{not tiled: 1-deep band with tile sizes 4, dim 0 untiled (its step is an SSA value)}}
    loop.for %j = 0 to 9 step %s parallel {
      memref.store %c, %A[%j, %j] : memref<9x9xf32>
    }
    scf.yield
  }
  return
}
