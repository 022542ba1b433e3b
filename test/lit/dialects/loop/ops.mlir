// Every form of loop.for and loop.yield round-trips through the custom
// syntax and through the generic form, and printing is a fixed point.
// RUN: ml-opt %s | ml-opt | FileCheck %s
// RUN: ml-opt --mlir-print-generic %s | ml-opt | FileCheck %s
// RUN: ml-opt %s > %t.1 && ml-opt %t.1 > %t.2 && diff %t.1 %t.2
// RUN: ml-opt --mlir-print-generic %s | ml-opt > %t.3 && diff %t.1 %t.3

// CHECK-LABEL: func.func @static_bounds
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<128xf32>, %[[B:[a-z0-9]+]]: memref<128xf32>)
// CHECK-NEXT: loop.for %[[I:[a-z0-9]+]] = 0 to 128 step 32 parallel {
// CHECK-NEXT:   %[[V:[0-9]+]] = memref.load %[[A]][%[[I]]] : memref<128xf32>
// CHECK-NEXT:   memref.store %[[V]], %[[B]][%[[I]]] : memref<128xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @static_bounds(%A: memref<128xf32>, %B: memref<128xf32>) {
  loop.for %i = 0 to 128 step 32 parallel {
    %v = memref.load %A[%i] : memref<128xf32>
    memref.store %v, %B[%i] : memref<128xf32>
  }
  return
}

// The implicit empty loop.yield may also be written out; it is elided.
// CHECK-LABEL: func.func @explicit_empty_yield
// CHECK-NEXT: loop.for %{{.*}} = 0 to 4 step 1 parallel {
// CHECK-NEXT:   memref.store
// CHECK-NEXT: }
func.func @explicit_empty_yield(%A: memref<4xf32>, %x: f32) {
  loop.for %i = 0 to 4 step 1 parallel {
    memref.store %x, %A[%i] : memref<4xf32>
    loop.yield
  }
  return
}

// Negative lower bound, zero-trip loop and an empty body.
// CHECK-LABEL: func.func @edge_bounds
// CHECK-NEXT: loop.for %{{.*}} = -8 to 8 step 3 parallel {
// CHECK-NEXT: }
// CHECK-NEXT: loop.for %{{.*}} = 5 to 5 step 1 reduction {
// CHECK-NEXT: }
func.func @edge_bounds() {
  loop.for %i = -8 to 8 step 3 parallel {
  }
  loop.for %i = 5 to 5 step 1 reduction {
  }
  return
}

// CHECK-LABEL: func.func @ssa_bounds
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<?xf32>, %[[LB:[a-z0-9]+]]: index, %[[UB:[a-z0-9]+]]: index, %[[ST:[a-z0-9]+]]: index)
// CHECK-NEXT: loop.for %[[I:[a-z0-9]+]] = %[[LB]] to %[[UB]] step %[[ST]] parallel {
// CHECK-NEXT:   memref.load %[[A]][%[[I]]] : memref<?xf32>
func.func @ssa_bounds(%A: memref<?xf32>, %lb: index, %ub: index, %st: index) {
  loop.for %i = %lb to %ub step %st parallel {
    %v = memref.load %A[%i] : memref<?xf32>
    %w = arith.addf %v, %v : f32
    memref.store %w, %A[%i] : memref<?xf32>
  }
  return
}

// Any mix of static and SSA bounds.
// CHECK-LABEL: func.func @mixed_bounds
// CHECK-SAME: (%[[N:[a-z0-9]+]]: index, %[[S:[a-z0-9]+]]: index)
// CHECK-NEXT: loop.for %{{.*}} = 0 to %[[N]] step 4 parallel {
// CHECK:      loop.for %{{.*}} = %[[N]] to 100 step 1 parallel {
// CHECK:      loop.for %{{.*}} = 2 to 64 step %[[S]] reduction {
// CHECK:      loop.for %{{.*}} = %[[N]] to %[[N]] step 2 parallel {
func.func @mixed_bounds(%n: index, %s: index) {
  loop.for %i = 0 to %n step 4 parallel {
  }
  loop.for %i = %n to 100 step 1 parallel {
  }
  loop.for %i = 2 to 64 step %s reduction {
  }
  loop.for %i = %n to %n step 2 parallel {
  }
  return
}

// A sum: one loop-carried value.
// CHECK-LABEL: func.func @reduce_one
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<?xf32>, %[[LB:[a-z0-9]+]]: index, %[[UB:[a-z0-9]+]]: index, %[[Z:[a-z0-9]+]]: f32)
// CHECK-NEXT: %[[SUM:[0-9]+]] = loop.for %[[K:[a-z0-9]+]] = %[[LB]] to %[[UB]] step 1 reduction iter_args(%[[ACC:[a-z0-9]+]] = %[[Z]]) -> (f32) {
// CHECK-NEXT:   %[[X:[0-9]+]] = memref.load %[[A]][%[[K]]] : memref<?xf32>
// CHECK-NEXT:   %[[NEXT:[0-9]+]] = arith.addf %[[ACC]], %[[X]] : f32
// CHECK-NEXT:   loop.yield %[[NEXT]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[SUM]] : f32
func.func @reduce_one(%A: memref<?xf32>, %lb: index, %ub: index, %zero: f32) -> f32 {
  %sum = loop.for %k = %lb to %ub step 1 reduction iter_args(%acc = %zero) -> (f32) {
    %x = memref.load %A[%k] : memref<?xf32>
    %next = arith.addf %acc, %x : f32
    loop.yield %next : f32
  }
  return %sum : f32
}

// Max and argmax together: two loop-carried values of different types.
// CHECK-LABEL: func.func @reduce_two
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<64xf32>, %[[M0:[a-z0-9]+]]: f32, %[[I0:[a-z0-9]+]]: index)
// CHECK-NEXT: %[[R:[0-9]+]]:2 = loop.for %[[K:[a-z0-9]+]] = 0 to 64 step 1 reduction iter_args(%[[M:[a-z0-9]+]] = %[[M0]], %[[AT:[a-z0-9]+]] = %[[I0]]) -> (f32, index) {
// CHECK:        %[[NM:[0-9]+]] = arith.select %{{.*}}, %{{.*}}, %[[M]] : f32
// CHECK-NEXT:   %[[NI:[0-9]+]] = arith.select %{{.*}}, %[[K]], %[[AT]] : index
// CHECK-NEXT:   loop.yield %[[NM]], %[[NI]] : f32, index
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]#0, %[[R]]#1 : f32, index
func.func @reduce_two(%A: memref<64xf32>, %m0: f32, %i0: index) -> (f32, index) {
  %r:2 = loop.for %k = 0 to 64 step 1 reduction iter_args(%m = %m0, %at = %i0) -> (f32, index) {
    %x = memref.load %A[%k] : memref<64xf32>
    %gt = arith.cmpf ogt, %x, %m : f32
    %nm = arith.select %gt, %x, %m : f32
    %ni = arith.select %gt, %k, %at : index
    loop.yield %nm, %ni : f32, index
  }
  return %r#0, %r#1 : f32, index
}

// A reduction loop over a buffer needs no iter_args.
// CHECK-LABEL: func.func @reduce_in_memory
// CHECK: loop.for %{{.*}} = 0 to 16 step 1 reduction {
func.func @reduce_in_memory(%A: memref<16xf32>, %C: memref<f32>) {
  loop.for %k = 0 to 16 step 1 reduction {
    %x = memref.load %A[%k] : memref<16xf32>
    %c = memref.load %C[] : memref<f32>
    %s = arith.addf %c, %x : f32
    memref.store %s, %C[] : memref<f32>
  }
  return
}

// A matmul nest: two parallel loops around a reduction with iter_args.
// CHECK-LABEL: func.func @nested
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: loop.for %[[I:[a-z0-9]+]] = 0 to 4 step 1 parallel {
// CHECK-NEXT:   loop.for %[[J:[a-z0-9]+]] = 0 to 16 step 1 parallel {
// CHECK-NEXT:     %[[S:[0-9]+]] = loop.for %[[K:[a-z0-9]+]] = 0 to 8 step 1 reduction iter_args(%[[ACC:[a-z0-9]+]] = %[[Z]]) -> (f32) {
// CHECK-NEXT:       memref.load %{{.*}}[%[[I]], %[[K]]]
// CHECK-NEXT:       memref.load %{{.*}}[%[[K]], %[[J]]]
// CHECK:            loop.yield %{{.*}} : f32
// CHECK-NEXT:     }
// CHECK-NEXT:     memref.store %[[S]], %{{.*}}[%[[I]], %[[J]]] : memref<4x16xf32>
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @nested(%A: memref<4x8xf32>, %B: memref<8x16xf32>, %C: memref<4x16xf32>) {
  %zero = arith.constant 0.0 : f32
  loop.for %i = 0 to 4 step 1 parallel {
    loop.for %j = 0 to 16 step 1 parallel {
      %s = loop.for %k = 0 to 8 step 1 reduction iter_args(%acc = %zero) -> (f32) {
        %a = memref.load %A[%i, %k] : memref<4x8xf32>
        %b = memref.load %B[%k, %j] : memref<8x16xf32>
        %p = arith.mulf %a, %b : f32
        %n = arith.addf %acc, %p : f32
        loop.yield %n : f32
      }
      memref.store %s, %C[%i, %j] : memref<4x16xf32>
    }
  }
  return
}

// Schedule attributes (and any other attribute) print after `attributes`.
// CHECK-LABEL: func.func @schedule
// CHECK-NEXT: loop.for %{{.*}} = 0 to 256 step 1 parallel attributes {tile_sizes = array<i64: 64, 64, 256>} {
// CHECK:      loop.for %{{.*}} = 0 to 256 step 8 parallel attributes {unroll = 1 : i64, vector_width = 8 : i64} {
// CHECK:      %{{.*}} = loop.for %{{.*}} = 0 to 256 step 1 reduction iter_args(%{{.*}} = %{{.*}}) -> (f32) attributes {note = "hot", unroll = 4 : i64} {
// CHECK:        loop.yield %{{.*}} : f32
func.func @schedule(%A: memref<256xf32>, %z: f32) -> f32 {
  loop.for %i = 0 to 256 step 1 parallel attributes {tile_sizes = array<i64: 64, 64, 256>} {
  }
  loop.for %i = 0 to 256 step 8 parallel attributes {vector_width = 8 : i64, unroll = 1 : i64} {
    %v = memref.load %A[%i] : memref<256xf32>
    memref.store %v, %A[%i] : memref<256xf32>
  }
  %s = loop.for %k = 0 to 256 step 1 reduction iter_args(%acc = %z) -> (f32) attributes {unroll = 4, note = "hot"} {
    %x = memref.load %A[%k] : memref<256xf32>
    %n = arith.addf %acc, %x : f32
    loop.yield %n : f32
  }
  return %s : f32
}

// The generic form is accepted as input.
// CHECK-LABEL: func.func @generic_input
// CHECK-SAME: (%[[N:[a-z0-9]+]]: index, %[[Z:[a-z0-9]+]]: i32)
// CHECK-NEXT: %{{.*}} = loop.for %{{.*}} = 1 to %[[N]] step 2 reduction iter_args(%{{.*}} = %[[Z]]) -> (i32) attributes {vector_width = 4 : i64} {
func.func @generic_input(%n: index, %z: i32) -> i32 {
  %r = "loop.for"(%n, %z) <{iterator_kind = 1 : i32,
                              operandSegmentSizes = array<i32: 0, 1, 0, 1>,
                              static_lower_bound = 1 : i64, static_step = 2 : i64,
                              vector_width = 4 : i64}> ({
  ^bb0(%i: index, %acc: i32):
    %c = arith.index_cast %i : index to i32
    %s = arith.addi %acc, %c : i32
    "loop.yield"(%s) : (i32) -> ()
  }) : (index, i32) -> i32
  return %r : i32
}
