// --lower-accel-to-llvm: !accel.buf and !accel.token become i64 wherever
// they appear: iter_args and results of loops, scf.if and arith.select
// results, block arguments, function signatures and call sites.
// RUN: ml-opt --lower-accel-to-llvm --split-input-file %s | FileCheck %s
// RUN: ml-opt --lower-accel-to-llvm --lower-to-llvm --split-input-file %s > /dev/null

// The double-buffered loop of docs/dialects/accel-overview.md: tokens
// carried by scf.for, chosen by scf.if.
// CHECK-LABEL: func.func @double_buffer
// CHECK: %[[TC:.*]] = {{(func\.)?}}call @accel_rt_dma_in
// CHECK: %[[TA:.*]] = {{(func\.)?}}call @accel_rt_dma_in
// CHECK: %[[TB:.*]] = {{(func\.)?}}call @accel_rt_dma_in
// CHECK: %[[DONE:.*]]:3 = scf.for %{{.*}} iter_args(%[[LA:.*]] = %[[TA]], %[[LB:.*]] = %[[TB]], %[[PREV:.*]] = %[[TC]]) -> (i64, i64, i64) {
// CHECK: call @accel_rt_after(%[[PREV]])
// CHECK: %[[TA1:.*]] = {{(func\.)?}}call @accel_rt_dma_in
// CHECK: call @accel_rt_after(%[[LA]])
// CHECK-NEXT: call @accel_rt_after(%[[LB]])
// CHECK-NEXT: call @accel_rt_after(%[[PREV]])
// CHECK: %[[M0:.*]] = {{(func\.)?}}call @accel_rt_matmul
// CHECK: %[[NEXT:.*]]:2 = scf.if %{{.*}} -> (i64, i64) {
// CHECK: scf.yield %{{.*}}, %{{.*}} : i64, i64
// CHECK: } else {
// CHECK-NEXT: scf.yield %[[M0]], %[[M0]] : i64, i64
// CHECK: %[[M1:.*]] = {{(func\.)?}}call @accel_rt_matmul
// CHECK: scf.yield %[[NEXT]]#0, %[[NEXT]]#1, %[[M1]] : i64, i64, i64
// CHECK: call @accel_rt_after(%[[DONE]]#2)
// CHECK: %[[OUT:.*]] = {{(func\.)?}}call @accel_rt_dma_out
// CHECK-NEXT: {{(func\.)?}}call @accel_rt_wait(%[[OUT]])
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @double_buffer(%A: memref<64x64xi8>, %B: memref<64x64xi8>, %C: memref<64x64xi32>) {
    %c0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    %a0 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %b0 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %a1 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %b1 = accel.alloc : !accel.buf<spad, 16x16xi8>
    %acc = accel.alloc : !accel.buf<acc, 16x16xi32>
    scf.for %i = %c0 to %c64 step %c16 {
      scf.for %j = %c0 to %c64 step %c16 {
        %tc = accel.dma_in %C[%i, %j] to %acc : memref<64x64xi32> -> !accel.buf<acc, 16x16xi32>
        %ta = accel.dma_in %A[%i, %c0] to %a0 : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
        %tb = accel.dma_in %B[%c0, %j] to %b0 : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
        %done:3 = scf.for %k = %c0 to %c64 step %c32
            iter_args(%la = %ta, %lb = %tb, %prev = %tc) -> (!accel.token, !accel.token, !accel.token) {
          %k1 = arith.addi %k, %c16 : index
          %ta1 = accel.dma_in %A[%i, %k1] to %a1 after(%prev) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
          %tb1 = accel.dma_in %B[%k1, %j] to %b1 after(%prev) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
          %m0 = accel.matmul %acc += %a0 * %b0 after(%la, %lb, %prev)
              : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
          %k2 = arith.addi %k, %c32 : index
          %more = arith.cmpi ult, %k2, %c64 : index
          %next:2 = scf.if %more -> (!accel.token, !accel.token) {
            %na = accel.dma_in %A[%i, %k2] to %a0 after(%m0) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
            %nb = accel.dma_in %B[%k2, %j] to %b0 after(%m0) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
            scf.yield %na, %nb : !accel.token, !accel.token
          } else {
            scf.yield %m0, %m0 : !accel.token, !accel.token
          }
          %m1 = accel.matmul %acc += %a1 * %b1 after(%ta1, %tb1, %m0)
              : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
          scf.yield %next#0, %next#1, %m1 : !accel.token, !accel.token, !accel.token
        }
        %tout = accel.dma_out %acc to %C[%i, %j] after(%done#2) : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
        accel.wait %tout
      }
    }
    return
  }
}

// -----

// Buffers carried as iter_args (slot swapping) and picked by arith.select;
// loop.for carries them too.
// CHECK-LABEL: func.func @swap
// CHECK: %[[X:.*]] = {{(func\.)?}}call @accel_rt_alloc
// CHECK: %[[Y:.*]] = {{(func\.)?}}call @accel_rt_alloc
// CHECK: %[[R:.*]]:2 = scf.for %{{.*}} iter_args(%[[P:.*]] = %[[X]], %[[Q:.*]] = %[[Y]]) -> (i64, i64) {
// CHECK: scf.yield %[[Q]], %[[P]] : i64, i64
// CHECK: %[[S:.*]] = arith.select %{{.*}}, %[[R]]#0, %[[R]]#1 : i64
// CHECK: call @accel_rt_dma_out(%[[S]],
// CHECK: %[[L:.*]] = loop.for %{{.*}} = 0 to 4 step 1 reduction iter_args(%[[T:.*]] = %{{.*}}) -> (i64) {
// CHECK: loop.yield %{{.*}} : i64
// CHECK: call @accel_rt_wait(%[[L]])
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @swap(%A: memref<64x64xi32>, %n: index, %c: i1) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %x = accel.alloc : !accel.buf<acc, 16x16xi32>
    %y = accel.alloc : !accel.buf<acc, 16x16xi32>
    %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%p = %x, %q = %y) -> (!accel.buf<acc, 16x16xi32>, !accel.buf<acc, 16x16xi32>) {
      scf.yield %q, %p : !accel.buf<acc, 16x16xi32>, !accel.buf<acc, 16x16xi32>
    }
    %s = arith.select %c, %r#0, %r#1 : !accel.buf<acc, 16x16xi32>
    %t0 = accel.dma_out %s to %A[%c0, %c0] : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
    %l = loop.for %k = 0 to 4 step 1 reduction iter_args(%t = %t0) -> (!accel.token) {
      %u = accel.dma_in %A[%k, %c0] to %x after(%t) : memref<64x64xi32> -> !accel.buf<acc, 16x16xi32>
      loop.yield %u : !accel.token
    }
    accel.wait %l
    return
  }
}

// -----

// Function signatures and call sites: a helper taking and returning
// handles, declarations too. Every function with accel ops is bracketed by
// configure/mark and release, before each of its returns (here two, in a
// multi-block body whose block arguments are tokens).
// CHECK-LABEL: func.func private @external(i64) -> i64
// CHECK-LABEL: func.func @load(
// CHECK-SAME: %[[B:[^:]*]]: i64, %{{[^:]*}}: memref<64x64xi8>) -> i64
// CHECK: call @accel_rt_configure
// CHECK: %[[MARK:.*]] = {{(func\.)?}}call @accel_rt_mark()
// CHECK: %[[T:.*]] = {{(func\.)?}}call @accel_rt_dma_in(%[[B]],
// CHECK: call @accel_rt_release(%[[MARK]])
// CHECK-NEXT: return %[[T]] : i64
// CHECK-LABEL: func.func @caller(
// CHECK: %[[MARK:.*]] = {{(func\.)?}}call @accel_rt_mark()
// CHECK: %[[BUF:.*]] = {{(func\.)?}}call @accel_rt_alloc
// CHECK: %[[T:.*]] = {{(func\.)?}}call @load(%[[BUF]], %{{.*}}) : (i64, memref<64x64xi8>) -> i64
// CHECK: %[[E:.*]] = {{(func\.)?}}call @external(%[[T]]) : (i64) -> i64
// CHECK: cf.cond_br %{{.*}}, ^[[WAIT:.*]](%[[E]] : i64), ^[[EXIT:[^ ]*]]
// CHECK: ^[[WAIT]](%[[ARG:.*]]: i64):
// CHECK-NEXT: call @accel_rt_wait(%[[ARG]])
// CHECK-NEXT: call @accel_rt_release(%[[MARK]])
// CHECK-NEXT: return
// CHECK: ^[[EXIT]]:
// CHECK-NEXT: call @accel_rt_release(%[[MARK]])
// CHECK-NEXT: return
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func private @external(!accel.token) -> !accel.token
  func.func @load(%b: !accel.buf<spad, 16x16xi8>, %A: memref<64x64xi8>) -> !accel.token {
    %c0 = arith.constant 0 : index
    %t = accel.dma_in %A[%c0, %c0] to %b : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    return %t : !accel.token
  }
  func.func @caller(%A: memref<64x64xi8>, %c: i1) {
    %b = accel.alloc : !accel.buf<spad, 16x16xi8>
    %t = call @load(%b, %A) : (!accel.buf<spad, 16x16xi8>, memref<64x64xi8>) -> !accel.token
    %e = call @external(%t) : (!accel.token) -> !accel.token
    cf.cond_br %c, ^wait(%e : !accel.token), ^exit
  ^wait(%w: !accel.token):
    accel.wait %w
    return
  ^exit:
    return
  }
}

// -----

// scf.while carries a token in both regions.
// CHECK-LABEL: func.func @while
// CHECK: %[[W:.*]] = scf.while (%[[A:.*]] = %{{.*}}) : (i64) -> i64 {
// CHECK: scf.condition(%{{.*}}) %[[A]] : i64
// CHECK: ^bb0(%[[B:.*]]: i64):
// CHECK: call @accel_rt_after(%[[B]])
// CHECK: call @accel_rt_wait(%[[W]])
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @while(%A: memref<64x64xi8>, %c: i1) {
    %c0 = arith.constant 0 : index
    %b = accel.alloc : !accel.buf<spad, 16x16xi8>
    %t0 = accel.dma_in %A[%c0, %c0] to %b : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %w = scf.while (%a = %t0) : (!accel.token) -> !accel.token {
      scf.condition(%c) %a : !accel.token
    } do {
    ^bb0(%x: !accel.token):
      %t = accel.dma_in %A[%c0, %c0] to %b after(%x) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
      scf.yield %t : !accel.token
    }
    accel.wait %w
    return
  }
}

// -----

// Each function is configured from its nearest #accel.target: a function's
// own attribute wins over the module's (bf16 = 3, f32 = 4).
// CHECK-LABEL: func.func @module_target
// CHECK-DAG: %[[R:.*]] = arith.constant 16 : i64
// CHECK-DAG: %[[IN:.*]] = arith.constant 0 : i32
// CHECK: call @accel_rt_configure(%[[R]], {{.*}}, %[[IN]],
// CHECK-LABEL: func.func @own_target
// CHECK-DAG: %[[R:.*]] = arith.constant 4 : i64
// CHECK-DAG: %[[C:.*]] = arith.constant 8 : i64
// CHECK-DAG: %[[SP:.*]] = arith.constant 1024 : i64
// CHECK-DAG: %[[AC:.*]] = arith.constant 2048 : i64
// CHECK-DAG: %[[DMA:.*]] = arith.constant 32 : i64
// CHECK-DAG: %[[BF16:.*]] = arith.constant 3 : i32
// CHECK-DAG: %[[F32:.*]] = arith.constant 4 : i32
// CHECK: call @accel_rt_configure(%[[R]], %[[C]], %[[SP]], %[[AC]], %[[DMA]], %[[BF16]], %[[F32]])
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @module_target() {
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    return
  }
  func.func @own_target() attributes {accel.target = #accel.target<pe = 4x8, spad = 1024, acc = 2048, dma = 32, in = bf16, acc_t = f32>} {
    %a = accel.alloc : !accel.buf<spad, 4x8xbf16>
    return
  }
}
