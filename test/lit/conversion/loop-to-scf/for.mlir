// --convert-loop-to-scf: every loop.for form becomes an scf.for with the
// same body; static bounds become index constants.
// RUN: ml-opt --convert-loop-to-scf --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @static_bounds
// CHECK-DAG: %[[LB:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[UB:.*]] = arith.constant 128 : index
// CHECK-DAG: %[[ST:.*]] = arith.constant 32 : index
// CHECK: scf.for %[[I:.*]] = %[[LB]] to %[[UB]] step %[[ST]] {
// CHECK-NEXT: memref.load %{{.*}}[%[[I]]]
// CHECK-NOT: loop.
func.func @static_bounds(%A: memref<128xf32>, %B: memref<128xf32>) {
  loop.for %i = 0 to 128 step 32 parallel attributes {tile_sizes = array<i64: 32>} {
    %v = memref.load %A[%i] : memref<128xf32>
    memref.store %v, %B[%i] : memref<128xf32>
  }
  return
}

// -----

// CHECK-LABEL: func.func @ssa_bounds_and_iter_args
// CHECK-SAME: (%[[LB:.*]]: index, %[[UB:.*]]: index, %[[ST:.*]]: index
// CHECK: %[[R:.*]]:2 = scf.for %{{.*}} = %[[LB]] to %[[UB]] step %[[ST]] iter_args(%[[A:.*]] = %{{.*}}, %[[B:.*]] = %{{.*}}) -> (f32, i32) {
// CHECK: scf.yield %{{.*}}, %{{.*}} : f32, i32
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @ssa_bounds_and_iter_args(%lb: index, %ub: index, %s: index, %f: f32, %n: i32) -> (f32, i32) {
  %r:2 = loop.for %k = %lb to %ub step %s reduction iter_args(%a = %f, %b = %n) -> (f32, i32) {
    %a2 = arith.addf %a, %f : f32
    %b2 = arith.addi %b, %n : i32
    loop.yield %a2, %b2 : f32, i32
  }
  return %r#0, %r#1 : f32, i32
}

// -----

// Nested loops, mixed bounds.
// CHECK-LABEL: func.func @nested
// CHECK: scf.for
// CHECK: scf.for
// CHECK-NOT: loop.for
func.func @nested(%n: index, %A: memref<?x16xf32>) {
  loop.for %i = 0 to %n step 1 parallel {
    loop.for %j = 0 to 16 step 4 parallel {
      %v = memref.load %A[%i, %j] : memref<?x16xf32>
      memref.store %v, %A[%i, %j] : memref<?x16xf32>
    }
  }
  return
}
