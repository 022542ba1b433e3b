// --lower-accel-to-llvm: each accel op becomes calls of the runtime ABI
// (runtime/accel/accel_rt.h); buffers and tokens become i64 handles.
// RUN: ml-opt --lower-accel-to-llvm --split-input-file %s | FileCheck %s
// The result lowers on through the upstream tail.
// RUN: ml-opt --lower-accel-to-llvm --lower-to-llvm --split-input-file %s | FileCheck %s --check-prefix=LLVM

// The README's tile: configure and mark at entry, alloc, DMA address math
// (base + (offset + i*stride0 + k*stride1) * bytes), after, matmul +=,
// dma_out, wait, release before the return; only the runtime functions
// called are declared, once, at the top of the module.
// CHECK-LABEL: module attributes {accel.target
// CHECK-NEXT: func.func private @accel_rt_configure(i64, i64, i64, i64, i64, i32, i32)
// CHECK-NEXT: func.func private @accel_rt_mark() -> i64
// CHECK-NEXT: func.func private @accel_rt_release(i64)
// CHECK-NEXT: func.func private @accel_rt_alloc(i32, i64, i64) -> i64
// CHECK-NEXT: func.func private @accel_rt_after(i64)
// CHECK-NEXT: func.func private @accel_rt_dma_in(i64, !llvm.ptr, i64, i64, i64, i64) -> i64
// CHECK-NEXT: func.func private @accel_rt_dma_out(i64, !llvm.ptr, i64, i64, i64, i64) -> i64
// CHECK-NEXT: func.func private @accel_rt_matmul(i64, i64, i64, i32) -> i64
// CHECK-NEXT: func.func private @accel_rt_wait(i64)
// CHECK-LABEL: func.func @tile(
// CHECK-SAME: %[[A:[^:]*]]: memref<64x64xi8>, %{{[^:]*}}: memref<64x64xi8>, %[[C:[^:]*]]: memref<64x64xi32>, %[[I:[^:]*]]: index, %[[J:[^:]*]]: index, %[[K:[^:]*]]: index)
// CHECK-DAG: %[[PE_R:.*]] = arith.constant 16 : i64
// CHECK-DAG: %[[PE_C:.*]] = arith.constant 16 : i64
// CHECK-DAG: %[[SPAD:.*]] = arith.constant 262144 : i64
// CHECK-DAG: %[[ACCB:.*]] = arith.constant 65536 : i64
// CHECK-DAG: %[[DMA:.*]] = arith.constant 64 : i64
// CHECK-DAG: %[[I8:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[I32:.*]] = arith.constant 1 : i32
// CHECK: call @accel_rt_configure(%[[PE_R]], %[[PE_C]], %[[SPAD]], %[[ACCB]], %[[DMA]], %[[I8]], %[[I32]]) : (i64, i64, i64, i64, i64, i32, i32) -> ()
// CHECK-NEXT: %[[MARK:.*]] = call @accel_rt_mark() : () -> i64
// CHECK: %[[SPAD_KIND:.*]] = arith.constant 0 : i32
// CHECK: %[[BA:.*]] = call @accel_rt_alloc(%[[SPAD_KIND]], %{{.*}}, %{{.*}}) : (i32, i64, i64) -> i64
// CHECK: %[[BB:.*]] = call @accel_rt_alloc(
// CHECK: %[[ACC_KIND:.*]] = arith.constant 1 : i32
// CHECK: %[[BC:.*]] = call @accel_rt_alloc(%[[ACC_KIND]],
// CHECK: %{{.*}}, %[[OFF:.*]], %{{.*}}:2, %[[STR:.*]]:2 = memref.extract_strided_metadata %[[A]] : memref<64x64xi8> -> memref<i8>, index, index, index, index, index
// CHECK-NEXT: %[[R0:.*]] = arith.muli %[[I]], %[[STR]]#0 : index
// CHECK-NEXT: %[[L0:.*]] = arith.addi %[[OFF]], %[[R0]] : index
// CHECK-NEXT: %[[R1:.*]] = arith.muli %[[K]], %[[STR]]#1 : index
// CHECK-NEXT: %[[L1:.*]] = arith.addi %[[L0]], %[[R1]] : index
// CHECK-NEXT: %[[BASE:.*]] = memref.extract_aligned_pointer_as_index %[[A]] : memref<64x64xi8> -> index
// CHECK-NEXT: %[[ADDR:.*]] = arith.addi %[[BASE]], %[[L1]] : index
// CHECK-NEXT: %[[ADDR64:.*]] = arith.index_cast %[[ADDR]] : index to i64
// CHECK-NEXT: %[[PTR:.*]] = llvm.inttoptr %[[ADDR64]] : i64 to !llvm.ptr
// CHECK-NEXT: %[[ROWS:.*]] = arith.constant 16 : i64
// CHECK-NEXT: %[[COLS:.*]] = arith.constant 16 : i64
// CHECK-NEXT: %[[RS:.*]] = arith.index_cast %[[STR]]#0 : index to i64
// CHECK-NEXT: %[[CS:.*]] = arith.index_cast %[[STR]]#1 : index to i64
// CHECK-NEXT: %[[T0:.*]] = call @accel_rt_dma_in(%[[BA]], %[[PTR]], %[[RS]], %[[CS]], %[[ROWS]], %[[COLS]]) : (i64, !llvm.ptr, i64, i64, i64, i64) -> i64
// CHECK: %[[T1:.*]] = call @accel_rt_dma_in(%[[BB]],
// CHECK-NEXT: call @accel_rt_after(%[[T0]]) : (i64) -> ()
// CHECK-NEXT: call @accel_rt_after(%[[T1]]) : (i64) -> ()
// CHECK-NEXT: %[[ACCUM:.*]] = arith.constant 1 : i32
// CHECK-NEXT: %[[T2:.*]] = call @accel_rt_matmul(%[[BC]], %[[BA]], %[[BB]], %[[ACCUM]]) : (i64, i64, i64, i32) -> i64
// CHECK-NEXT: call @accel_rt_after(%[[T2]]) : (i64) -> ()
// i32 elements: the element offset is scaled by 4 bytes.
// CHECK: memref.extract_strided_metadata %[[C]]
// CHECK-NEXT: arith.muli
// CHECK-NEXT: arith.addi
// CHECK-NEXT: arith.muli
// CHECK-NEXT: %[[LIN:.*]] = arith.addi
// CHECK-NEXT: %[[FOUR:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[BYTES:.*]] = arith.muli %[[LIN]], %[[FOUR]] : index
// CHECK-NEXT: %[[CBASE:.*]] = memref.extract_aligned_pointer_as_index %[[C]]
// CHECK-NEXT: arith.addi %[[CBASE]], %[[BYTES]] : index
// CHECK: %[[T3:.*]] = call @accel_rt_dma_out(%[[BC]], %{{.*}}) : (i64, !llvm.ptr, i64, i64, i64, i64) -> i64
// CHECK-NEXT: call @accel_rt_wait(%[[T3]]) : (i64) -> ()
// CHECK-NEXT: call @accel_rt_release(%[[MARK]]) : (i64) -> ()
// CHECK-NEXT: return
// CHECK-NOT: accel.
// LLVM-LABEL: llvm.func @accel_rt_configure(i64, i64, i64, i64, i64, i32, i32)
// LLVM: llvm.func @accel_rt_dma_in(i64, !llvm.ptr, i64, i64, i64, i64) -> i64
// LLVM: llvm.func @tile(
// LLVM: llvm.call @accel_rt_matmul
// LLVM-NOT: _mlir_ciface_accel_rt
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @tile(%A: memref<64x64xi8>, %B: memref<64x64xi8>, %C: memref<64x64xi32>, %i: index, %j: index, %k: index) {
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    %b = accel.alloc : !accel.buf<spad, 16x16xi8>
    %c = accel.alloc : !accel.buf<acc, 16x16xi32>
    %t0 = accel.dma_in %A[%i, %k] to %a : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %t1 = accel.dma_in %B[%k, %j] to %b : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %t2 = accel.matmul %c += %a * %b after(%t0, %t1) : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
    %t3 = accel.dma_out %c to %C[%i, %j] after(%t2) : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
    accel.wait %t3
    return
  }
}

// -----

// An overwriting matmul passes accumulate = 0; a wait of two tokens is two
// calls; edge-tile sizes become the rows and cols; unused runtime functions
// are not declared.
// CHECK-LABEL: module attributes
// CHECK-NOT: @accel_rt_after
// CHECK-LABEL: func.func @edge(
// CHECK-SAME: %[[X:[^:]*]]: memref<100x30xf32>, %[[I:[^:]*]]: index, %[[M:[^:]*]]: index, %[[N:[^:]*]]: index)
// CHECK: %[[BUF:.*]] = call @accel_rt_alloc
// CHECK: %[[MR:.*]] = arith.index_cast %[[M]] : index to i64
// CHECK-NEXT: %[[NC:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK: %[[TI:.*]] = call @accel_rt_dma_in(%[[BUF]], %{{.*}}, %{{.*}}, %{{.*}}, %[[MR]], %[[NC]])
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[TM:.*]] = call @accel_rt_matmul(%{{.*}}, %[[BUF]], %[[BUF]], %[[ZERO]])
// CHECK: %[[MR2:.*]] = arith.index_cast %[[M]] : index to i64
// CHECK-NEXT: %[[NC2:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK: %[[TO:.*]] = call @accel_rt_dma_out(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[MR2]], %[[NC2]])
// CHECK-NEXT: call @accel_rt_wait(%[[TI]])
// CHECK-NEXT: call @accel_rt_wait(%[[TM]])
// CHECK-NEXT: call @accel_rt_wait(%[[TO]])
// CHECK-NEXT: call @accel_rt_release
module attributes {accel.target = #accel.target<pe = 16x16, spad = 4096, acc = 4096, dma = 16, in = f32, acc_t = f32>} {
  func.func @edge(%X: memref<100x30xf32>, %i: index, %m: index, %n: index) {
    %c0 = arith.constant 0 : index
    %a = accel.alloc : !accel.buf<spad, 16x16xf32>
    %c = accel.alloc : !accel.buf<acc, 16x16xf32>
    %t0 = accel.dma_in %X[%i, %c0][%m, %n] to %a : memref<100x30xf32> -> !accel.buf<spad, 16x16xf32>
    %t1 = accel.matmul %c = %a * %a : !accel.buf<acc, 16x16xf32>, !accel.buf<spad, 16x16xf32>, !accel.buf<spad, 16x16xf32>
    %t2 = accel.dma_out %c to %X[%i, %c0][%m, %n] : !accel.buf<acc, 16x16xf32> -> memref<100x30xf32>
    accel.wait %t0, %t1, %t2
    return
  }
}

// -----

// A 1-D buffer of n is 1 x n: alloc(kind, 1, n), and its DMA moves one row
// (row stride 0) with the memref's stride as the column stride; f16
// elements are 2 bytes.
// CHECK-LABEL: func.func @vector(
// CHECK-SAME: %[[V:[^:]*]]: memref<64xf16>, %[[I:[^:]*]]: index)
// CHECK: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK-NEXT: %[[EIGHT:.*]] = arith.constant 8 : i64
// CHECK-NEXT: %[[B:.*]] = call @accel_rt_alloc(%{{.*}}, %[[ONE]], %[[EIGHT]])
// CHECK: %{{.*}}, %[[OFF:.*]], %{{.*}}, %[[STR:.*]] = memref.extract_strided_metadata %[[V]] : memref<64xf16> -> memref<f16>, index, index, index
// CHECK-NEXT: %[[R:.*]] = arith.muli %[[I]], %[[STR]] : index
// CHECK-NEXT: %[[L:.*]] = arith.addi %[[OFF]], %[[R]] : index
// CHECK-NEXT: %[[TWO:.*]] = arith.constant 2 : index
// CHECK-NEXT: arith.muli %[[L]], %[[TWO]] : index
// CHECK: %[[PTR:.*]] = llvm.inttoptr
// CHECK-NEXT: %[[COLS:.*]] = arith.constant 8 : i64
// CHECK-NEXT: %[[RS:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[CS:.*]] = arith.index_cast %[[STR]] : index to i64
// CHECK-NEXT: %[[ROWS:.*]] = arith.constant 1 : i64
// CHECK-NEXT: call @accel_rt_dma_in(%[[B]], %[[PTR]], %[[RS]], %[[CS]], %[[ROWS]], %[[COLS]])
module attributes {accel.target = #accel.target<pe = 8x8, spad = 1024, acc = 1024, dma = 8, in = f16, acc_t = f32>} {
  func.func @vector(%V: memref<64xf16>, %i: index) {
    %b = accel.alloc : !accel.buf<spad, 8xf16>
    %t = accel.dma_in %V[%i] to %b : memref<64xf16> -> !accel.buf<spad, 8xf16>
    accel.wait %t
    return
  }
}

// -----

// A strided memref (a subview): the metadata carries its offset and
// strides, so the address math needs nothing else.
// CHECK-LABEL: func.func @subview(
// CHECK: %[[SV:.*]] = memref.subview
// CHECK: memref.extract_strided_metadata %[[SV]] : memref<32x31xi8, strided<[128, 2], offset: 2>>
// CHECK: memref.extract_aligned_pointer_as_index %[[SV]]
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func @subview(%A: memref<64x64xi8>, %i: index) {
    %s = memref.subview %A[0, 2][32, 31][2, 2] : memref<64x64xi8> to memref<32x31xi8, strided<[128, 2], offset: 2>>
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    %t = accel.dma_in %s[%i, %i] to %a : memref<32x31xi8, strided<[128, 2], offset: 2>> -> !accel.buf<spad, 16x16xi8>
    accel.wait %t
    return
  }
}

// -----

// The ABI's own declaration, when the module has it, is reused.
// CHECK-LABEL: module attributes
// CHECK: func.func private @accel_rt_alloc(i32, i64, i64) -> i64
// CHECK-NOT: func.func private @accel_rt_alloc
// CHECK: func.func @reuse
module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>} {
  func.func private @accel_rt_alloc(i32, i64, i64) -> i64
  func.func @reuse() {
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    return
  }
}

// -----

// Without accel ops the pass changes nothing and declares nothing.
// CHECK-LABEL: func.func @plain
// CHECK-NOT: accel_rt
func.func @plain(%a: memref<4xf32>) {
  return
}
