// The cycle model on small cases computed by hand (i8, 16x16 PE array,
// 64 bytes per DMA cycle, ACCEL_RT_DMA_LATENCY = 100):
//   a DMA of B bytes occupies its engine ceil(B / 64) cycles and completes
//   100 cycles later; a matmul occupies the PE array K + 16 + 16 cycles;
//   an op starts when its engine is free, its after() tokens are done and
//   the host (advanced by wait) has issued it.
// RUN: %accel_cc %s -o %t %accel_rt
// RUN: %t | FileCheck %s --match-full-lines
// RUN: %if valgrind %{ %valgrind %t > /dev/null %}
#include <stdint.h>
#include <stdio.h>

#include "accel_rt.h"

static int8_t A[64 * 64], B[64 * 64];
static int32_t C[16 * 16];

static void stats(const char *label) {
  accel_rt_stats s;
  accel_rt_get_stats(&s);
  printf("%s: cycles %lld, pe %lld, load %lld, store %lld, macs %lld, in %lld, out %lld, "
         "ops %lld/%lld/%lld, util %.4f\n",
         label, (long long)s.cycles, (long long)s.pe_busy_cycles,
         (long long)s.load_busy_cycles, (long long)s.store_busy_cycles, (long long)s.macs,
         (long long)s.bytes_in, (long long)s.bytes_out, (long long)s.dma_in_count,
         (long long)s.dma_out_count, (long long)s.matmul_count, s.pe_utilization);
}

/* A fresh case: no buffers, zero clocks, tokens from 1. */
static void fresh(void) {
  accel_rt_release(0);
  accel_rt_reset_stats();
}

int main(void) {
  accel_rt_configure(16, 16, 262144, 65536, 64, ACCEL_RT_I8, ACCEL_RT_I32);
  int64_t a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  int64_t c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);

  // One 16x64 i8 load: 1024 bytes = 16 cycles, + 100 latency.
  // CHECK: one dma_in: cycles 116, pe 0, load 16, store 0, macs 0, in 1024, out 0, ops 1/0/0, util 0.0000
  accel_rt_dma_in(a, A, 64, 1, 16, 64);
  stats("one dma_in");

  // 100 bytes round up to 2 cycles.
  // CHECK-NEXT: 100 bytes: cycles 102, pe 0, load 2, store 0, macs 0, in 100, out 0, ops 1/0/0, util 0.0000
  fresh();
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64);
  accel_rt_dma_in(a, A, 64, 1, 10, 10);
  stats("100 bytes");

  // The latency is pipelined: a second load starts when the engine is free
  // (cycle 16), not when the first completes.
  // CHECK-NEXT: two loads: cycles 132, pe 0, load 32, store 0, macs 0, in 2048, out 0, ops 2/0/0, util 0.0000
  fresh();
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_in(a, A, 64, 1, 16, 64);
  accel_rt_dma_in(b, B, 16, 1, 64, 16);
  stats("two loads");

  // A matmul with K = 64 alone: 64 + 16 + 16 = 96 cycles; its operands were
  // never loaded, so no MAC is useful.
  // CHECK-NEXT: matmul K=64: cycles 96, pe 96, load 0, store 0, macs 0, in 0, out 0, ops 0/0/1, util 0.0000
  fresh();
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_matmul(c, a, b, 0);
  stats("matmul K=64");

  // Serial: A [0,16) done 116, B [16,32) done 132, the matmul after both
  // [132,228), its result out [228,244) done 344. MACs 16*64*16 = 16384,
  // utilization 16384 / (256 * 228) before the dma_out.
  // CHECK-NEXT: load, load, matmul: cycles 228, pe 96, load 32, store 0, macs 16384, in 2048, out 0, ops 2/0/1, util 0.2807
  // CHECK-NEXT: then dma_out: cycles 344, pe 96, load 32, store 16, macs 16384, in 2048, out 1024, ops 2/1/1, util 0.1860
  fresh();
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  int64_t ta = accel_rt_dma_in(a, A, 64, 1, 16, 64), tb = accel_rt_dma_in(b, B, 16, 1, 64, 16);
  accel_rt_after(ta); /* after() applies to the next op: issue the loads first */
  accel_rt_after(tb);
  int64_t tm = accel_rt_matmul(c, a, b, 0);
  stats("load, load, matmul");
  accel_rt_after(tm);
  accel_rt_wait(accel_rt_dma_out(c, C, 16, 1, 16, 16));
  stats("then dma_out");

  // Two tile products, serial (the host waits for each matmul before the
  // next loads): 2 x 228 = 456 cycles.
  // CHECK-NEXT: serial x2: cycles 456, pe 192, load 64, store 0, macs 32768, in 4096, out 0, ops 4/0/2, util 0.2807
  fresh();
  int64_t a1 = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b1 = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  int64_t a2 = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b2 = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  int64_t c1 = accel_rt_alloc(ACCEL_RT_ACC, 16, 16), c2 = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  for (int i = 0; i < 2; i++) {
    ta = accel_rt_dma_in(i ? a2 : a1, A, 64, 1, 16, 64);
    tb = accel_rt_dma_in(i ? b2 : b1, B, 16, 1, 64, 16);
    accel_rt_after(ta);
    accel_rt_after(tb);
    accel_rt_wait(accel_rt_matmul(i ? c2 : c1, i ? a2 : a1, i ? b2 : b1, 0));
  }
  stats("serial x2");

  // Overlapped: all four loads back to back (done 116, 132, 148, 164), the
  // matmuls after theirs: [132,228) and [228,324).
  // CHECK-NEXT: overlapped x2: cycles 324, pe 192, load 64, store 0, macs 32768, in 4096, out 0, ops 4/0/2, util 0.3951
  fresh();
  a1 = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b1 = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  a2 = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b2 = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  c1 = accel_rt_alloc(ACCEL_RT_ACC, 16, 16), c2 = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  int64_t ta1 = accel_rt_dma_in(a1, A, 64, 1, 16, 64), tb1 = accel_rt_dma_in(b1, B, 16, 1, 64, 16);
  int64_t ta2 = accel_rt_dma_in(a2, A, 64, 1, 16, 64), tb2 = accel_rt_dma_in(b2, B, 16, 1, 64, 16);
  accel_rt_after(ta1);
  accel_rt_after(tb1);
  accel_rt_matmul(c1, a1, b1, 0);
  accel_rt_after(ta2);
  accel_rt_after(tb2);
  accel_rt_matmul(c2, a2, b2, 0);
  stats("overlapped x2");

  // The load and store engines run side by side: a load and a store issued
  // together both start at 0.
  // CHECK-NEXT: load || store: cycles 116, pe 0, load 16, store 16, macs 0, in 1024, out 1024, ops 1/1/0, util 0.0000
  fresh();
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64);
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_in(a, A, 64, 1, 16, 64);
  accel_rt_dma_out(c, C, 16, 1, 16, 16);
  stats("load || store");

  // The host's clock: after a wait, a new op starts no earlier than it.
  // CHECK-NEXT: wait then load: cycles 232, pe 0, load 32, store 0, macs 0, in 2048, out 0, ops 2/0/0, util 0.0000
  fresh();
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  accel_rt_wait(accel_rt_dma_in(a, A, 64, 1, 16, 64));
  accel_rt_dma_in(b, B, 16, 1, 64, 16);
  stats("wait then load");

  // Edge tiles: a 10x40 corner of lhs and a 40x5 corner of rhs in the
  // 16x64 / 64x16 buffers count 10*40*5 = 2000 useful MACs; the matmul
  // still takes 96 cycles (after 400 + 200 bytes: [0,7) and [7,11),
  // done 107 and 111).
  // CHECK-NEXT: edge tile: cycles 207, pe 96, load 11, store 0, macs 2000, in 600, out 0, ops 2/0/1, util 0.0377
  fresh();
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), b = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  ta = accel_rt_dma_in(a, A, 64, 1, 10, 40);
  tb = accel_rt_dma_in(b, B, 16, 1, 40, 5);
  accel_rt_after(ta);
  accel_rt_after(tb);
  accel_rt_matmul(c, a, b, 0);
  stats("edge tile");

  // Then full tiles, accumulated on top once the host has waited for that
  // matmul (token 3, cycle 207): loads [207,223) and [223,239), done 323
  // and 339, the matmul [339,435); 16384 more MACs.
  // CHECK-NEXT: accumulate: cycles 435, pe 192, load 43, store 0, macs 18384, in 2648, out 0, ops 4/0/2, util 0.1651
  accel_rt_wait(3);
  ta = accel_rt_dma_in(a, A, 64, 1, 16, 64);
  tb = accel_rt_dma_in(b, B, 16, 1, 64, 16);
  accel_rt_after(ta);
  accel_rt_after(tb);
  accel_rt_matmul(c, a, b, 1);
  stats("accumulate");

  // reset_stats zeroes the counters and clocks, keeps the buffers.
  // CHECK-NEXT: reset: cycles 0, pe 0, load 0, store 0, macs 0, in 0, out 0, ops 0/0/0, util 0.0000
  accel_rt_reset_stats();
  stats("reset");
  // CHECK-NEXT: error: (none)
  const char *e = accel_rt_error();
  printf("error: %s\n", e ? e : "(none)");
  accel_rt_release(0);
  return e != NULL;
}
