// Every error of the runtime: its message, that it is sticky (the first is
// kept, later calls do nothing and return 0), and that clearing it lets
// the device work again. Each case starts from a released, reset device.
// RUN: %accel_cc %s -o %t %accel_rt
// RUN: %t | FileCheck %s --match-full-lines
// RUN: %if valgrind %{ %valgrind %t > /dev/null %}
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "accel_rt.h"

static int8_t host[64 * 64];
static int32_t out[64 * 64];

/* Prints the case's error (or "no error"), then clears it and the device. */
static void show(const char *label) {
  const char *e = accel_rt_error();
  printf("%s: %s\n", label, e ? e : "no error");
  accel_rt_clear_error();
  accel_rt_release(0);
  accel_rt_reset_stats();
}

/* The usual i8 target: 16x16 PEs, 256 KiB scratchpad, 64 KiB accumulator. */
static void target(void) {
  accel_rt_configure(16, 16, 262144, 65536, 64, ACCEL_RT_I8, ACCEL_RT_I32);
}

int main(void) {
  // CHECK: before configure: accel_rt: accel_rt_alloc before accel_rt_configure
  accel_rt_alloc(ACCEL_RT_SPAD, 16, 16);
  show("before configure");

  // CHECK-NEXT: pe 0: accel_rt: accel_rt_configure: PE array rows and columns must be > 0, got 16x0
  accel_rt_configure(16, 0, 262144, 65536, 64, ACCEL_RT_I8, ACCEL_RT_I32);
  show("pe 0");
  // CHECK-NEXT: no dma: accel_rt: accel_rt_configure: scratchpad, accumulator and DMA bytes must be > 0, got 262144, 65536, 0
  accel_rt_configure(16, 16, 262144, 65536, 0, ACCEL_RT_I8, ACCEL_RT_I32);
  show("no dma");
  // CHECK-NEXT: i32 input: accel_rt: accel_rt_configure: input type code 1 (i32) is not one of i8, f16, bf16, f32
  accel_rt_configure(16, 16, 262144, 65536, 64, ACCEL_RT_I32, ACCEL_RT_I32);
  show("i32 input");
  // CHECK-NEXT: type mismatch: accel_rt: accel_rt_configure: accumulator type code 4 (f32) must be i32 for input type i8
  accel_rt_configure(16, 16, 262144, 65536, 64, ACCEL_RT_I8, ACCEL_RT_F32);
  show("type mismatch");
  // CHECK-NEXT: unknown type: accel_rt: accel_rt_configure: input type code 9 (?) is not one of i8, f16, bf16, f32
  accel_rt_configure(16, 16, 262144, 65536, 64, 9, ACCEL_RT_F32);
  show("unknown type");

  // The same target again is fine while buffers are live; another is not.
  // CHECK-NEXT: same target: no error
  target();
  accel_rt_alloc(ACCEL_RT_SPAD, 16, 16);
  target();
  show("same target");
  // CHECK-NEXT: new target: accel_rt: accel_rt_configure: cannot change the target from <pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8> to <pe = 32x32, spad = 262144, acc = 65536, dma = 64, in = i8> while 2 buffers are allocated; release them first
  target();
  accel_rt_alloc(ACCEL_RT_SPAD, 16, 16);
  accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_configure(32, 32, 262144, 65536, 64, ACCEL_RT_I8, ACCEL_RT_I32);
  show("new target");
  // CHECK-NEXT: new target after release: no error
  accel_rt_configure(32, 32, 262144, 65536, 64, ACCEL_RT_I8, ACCEL_RT_I32);
  show("new target after release");
  target();

  // Capacity: 3.5 x 64 KiB fit the 256 KiB scratchpad, one more 64 KiB does not.
  // CHECK-NEXT: spad full: accel_rt: accel_rt_alloc of a 16x4096 scratchpad buffer (65536 bytes) exceeds the scratchpad: 262144 bytes, 229376 in use
  for (int i = 0; i < 3; i++)
    accel_rt_alloc(ACCEL_RT_SPAD, 16, 4096);
  accel_rt_alloc(ACCEL_RT_SPAD, 16, 2048);
  accel_rt_alloc(ACCEL_RT_SPAD, 16, 4096);
  show("spad full");
  // CHECK-NEXT: spad exactly full: no error
  for (int i = 0; i < 4; i++)
    accel_rt_alloc(ACCEL_RT_SPAD, 16, 4096);
  show("spad exactly full");
  // CHECK-NEXT: acc full: accel_rt: accel_rt_alloc of a 64x257 accumulator buffer (65792 bytes) exceeds the accumulator: 65536 bytes, 0 in use
  accel_rt_alloc(ACCEL_RT_ACC, 64, 257);
  show("acc full");
  // CHECK-NEXT: released space: no error
  int64_t mark = accel_rt_mark();
  accel_rt_alloc(ACCEL_RT_ACC, 64, 256);
  accel_rt_release(mark);
  accel_rt_alloc(ACCEL_RT_ACC, 64, 256);
  show("released space");
  // CHECK-NEXT: huge: accel_rt: accel_rt_alloc of a 4294967296x4294967296 scratchpad buffer (9223372036854775807 bytes) exceeds the scratchpad: 262144 bytes, 0 in use
  accel_rt_alloc(ACCEL_RT_SPAD, INT64_C(1) << 32, INT64_C(1) << 32);
  show("huge");
  // CHECK-NEXT: kind 2: accel_rt: accel_rt_alloc: buffer kind 2 is not ACCEL_RT_SPAD (0) or ACCEL_RT_ACC (1)
  accel_rt_alloc(2, 16, 16);
  show("kind 2");
  // CHECK-NEXT: 0 rows: accel_rt: accel_rt_alloc: buffer dimensions must be > 0, got 0x16
  accel_rt_alloc(ACCEL_RT_SPAD, 0, 16);
  show("0 rows");

  // Handles.
  // CHECK-NEXT: handle 0: accel_rt: accel_rt_dma_in: buffer 0 is not a live buffer (never returned by accel_rt_alloc, or released)
  accel_rt_dma_in(0, host, 16, 1, 16, 16);
  show("handle 0");
  // CHECK-NEXT: released buffer [[B:[0-9]+]]
  // CHECK-NEXT: released handle: accel_rt: accel_rt_dma_out: buffer [[B]] is not a live buffer (never returned by accel_rt_alloc, or released)
  mark = accel_rt_mark();
  int64_t b = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_release(mark);
  accel_rt_dma_out(b, out, 16, 1, 16, 16);
  printf("released buffer %lld\n", (long long)b);
  show("released handle");
  // CHECK-NEXT: bad mark: accel_rt: accel_rt_release: mark 5 is not between 0 and the allocation stack's height 1
  accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_release(5);
  show("bad mark");

  // DMA arguments.
  // CHECK-NEXT: NULL: accel_rt: accel_rt_dma_in: the host pointer is NULL
  b = accel_rt_alloc(ACCEL_RT_SPAD, 16, 16);
  accel_rt_dma_in(b, NULL, 16, 1, 16, 16);
  show("NULL");
  // CHECK-NEXT: 17 rows: accel_rt: accel_rt_dma_in: a 17x16 tile does not fit scratchpad buffer {{[0-9]+}} (16x16); rows and cols must be between 1 and the buffer's
  b = accel_rt_alloc(ACCEL_RT_SPAD, 16, 16);
  accel_rt_dma_in(b, host, 16, 1, 17, 16);
  show("17 rows");
  // CHECK-NEXT: 0 cols: accel_rt: accel_rt_dma_out: a 16x0 tile does not fit accumulator buffer {{[0-9]+}} (16x16); rows and cols must be between 1 and the buffer's
  b = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_out(b, out, 16, 1, 16, 0);
  show("0 cols");
  // CHECK-NEXT: stride overflow: accel_rt: accel_rt_dma_out: strides 9223372036854775807, 1 over a 2x16 tile overflow the address range
  b = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_out(b, out, INT64_MAX, 1, 2, 16);
  show("stride overflow");
  // CHECK-NEXT: byte overflow: accel_rt: accel_rt_dma_in: strides -4611686018427387904, 1 over a 2x16 tile overflow the address range
  b = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_in(b, out, INT64_MIN / 2, 1, 2, 16);
  show("byte overflow");

  // Matmul operands.
  int64_t a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), w = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16);
  int64_t c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  int64_t a2 = accel_rt_alloc(ACCEL_RT_SPAD, 16, 32), c2 = accel_rt_alloc(ACCEL_RT_ACC, 16, 8);
  int64_t big = accel_rt_alloc(ACCEL_RT_SPAD, 32, 64), cbig = accel_rt_alloc(ACCEL_RT_ACC, 32, 16);
  int64_t wide = accel_rt_alloc(ACCEL_RT_SPAD, 64, 32), cwide = accel_rt_alloc(ACCEL_RT_ACC, 16, 32);
  // CHECK-NEXT: lhs in acc: accel_rt: accel_rt_matmul: lhs (buffer {{[0-9]+}}) must be a scratchpad buffer, got an accumulator buffer
  accel_rt_matmul(c, c, w, 0);
  show("lhs in acc");
  // The release in show() freed them: allocate again for each case.
#define OPERANDS()                                                              \
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 64), w = accel_rt_alloc(ACCEL_RT_SPAD, 64, 16); \
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);                                     \
  a2 = accel_rt_alloc(ACCEL_RT_SPAD, 16, 32), c2 = accel_rt_alloc(ACCEL_RT_ACC, 16, 8); \
  big = accel_rt_alloc(ACCEL_RT_SPAD, 32, 64), cbig = accel_rt_alloc(ACCEL_RT_ACC, 32, 16); \
  wide = accel_rt_alloc(ACCEL_RT_SPAD, 64, 32), cwide = accel_rt_alloc(ACCEL_RT_ACC, 16, 32)
  // CHECK-NEXT: acc in spad: accel_rt: accel_rt_matmul: acc (buffer {{[0-9]+}}) must be an accumulator buffer, got a scratchpad buffer
  OPERANDS();
  accel_rt_matmul(a, a, w, 0);
  show("acc in spad");
  // CHECK-NEXT: bad rhs: accel_rt: accel_rt_matmul: rhs 12345 is not a live buffer (never returned by accel_rt_alloc, or released)
  OPERANDS();
  accel_rt_matmul(c, a, 12345, 0);
  show("bad rhs");
  // CHECK-NEXT: K mismatch: accel_rt: accel_rt_matmul: lhs 16x32 and rhs 64x16 disagree on K: 32 vs 64
  OPERANDS();
  accel_rt_matmul(c, a2, w, 1);
  show("K mismatch");
  // CHECK-NEXT: acc shape: accel_rt: accel_rt_matmul: acc 16x8 does not match the 16x16 product of lhs and rhs
  OPERANDS();
  accel_rt_matmul(c2, a, w, 0);
  show("acc shape");
  // CHECK-NEXT: M > pe_rows: accel_rt: accel_rt_matmul: tile of 32x16 exceeds the 16x16 PE array
  OPERANDS();
  accel_rt_matmul(cbig, big, w, 0);
  show("M > pe_rows");
  // CHECK-NEXT: N > pe_cols: accel_rt: accel_rt_matmul: tile of 16x32 exceeds the 16x16 PE array
  OPERANDS();
  accel_rt_matmul(cwide, a, wide, 0);
  show("N > pe_cols");

  // Races: a missing after() lets an op start before the one it depends on completes.
  // CHECK-NEXT: read before write: accel_rt: accel_rt_matmul: race on scratchpad buffer [[A:[0-9]+]]: matmul (token 3) reads it from cycle 0, but dma_in (token 1) writes it until cycle 116; order them with after(1) or a wait
  OPERANDS();
  int64_t ta = accel_rt_dma_in(a, host, 64, 1, 16, 64);
  int64_t tw = accel_rt_dma_in(w, host, 16, 1, 64, 16);
  accel_rt_matmul(c, a, w, 0);
  show("read before write");
  // With only one of the two after()s, the other load is the race.
  // CHECK-NEXT: half ordered: accel_rt: accel_rt_matmul: race on scratchpad buffer {{[0-9]+}}: matmul (token 3) reads it from cycle 116, but dma_in (token 2) writes it until cycle 132; order them with after(2) or a wait
  OPERANDS();
  ta = accel_rt_dma_in(a, host, 64, 1, 16, 64);
  tw = accel_rt_dma_in(w, host, 16, 1, 64, 16);
  accel_rt_after(ta);
  accel_rt_matmul(c, a, w, 0);
  show("half ordered");
  // CHECK-NEXT: both ordered: no error
  OPERANDS();
  ta = accel_rt_dma_in(a, host, 64, 1, 16, 64);
  tw = accel_rt_dma_in(w, host, 16, 1, 64, 16);
  accel_rt_after(ta);
  accel_rt_after(tw);
  accel_rt_wait(accel_rt_matmul(c, a, w, 0));
  show("both ordered");
  // Overwriting a tile the matmul still reads (write after read).
  // CHECK-NEXT: write after read: accel_rt: accel_rt_dma_in: race on scratchpad buffer {{[0-9]+}}: dma_in (token 4) writes it from cycle 132, but matmul (token 3) reads it until cycle 228; order them with after(3) or a wait
  OPERANDS();
  accel_rt_dma_in(a, host, 64, 1, 16, 64);
  accel_rt_wait(accel_rt_dma_in(w, host, 16, 1, 64, 16));
  accel_rt_matmul(c, a, w, 0);
  accel_rt_dma_in(a, host, 64, 1, 16, 64);
  show("write after read");
  // Two loads into one buffer: the second starts before the first lands.
  // CHECK-NEXT: write after write: accel_rt: accel_rt_dma_in: race on scratchpad buffer {{[0-9]+}}: dma_in (token 2) writes it from cycle 16, but dma_in (token 1) writes it until cycle 116; order them with after(1) or a wait
  OPERANDS();
  accel_rt_dma_in(a, host, 64, 1, 16, 64);
  accel_rt_dma_in(a, host, 64, 1, 16, 64);
  show("write after write");
  // Reading the result before the matmul is done.
  // CHECK-NEXT: result too early: accel_rt: accel_rt_dma_out: race on accumulator buffer {{[0-9]+}}: dma_out (token 4) reads it from cycle 132, but matmul (token 3) writes it until cycle 228; order them with after(3) or a wait
  OPERANDS();
  ta = accel_rt_dma_in(a, host, 64, 1, 16, 64);
  tw = accel_rt_dma_in(w, host, 16, 1, 64, 16);
  accel_rt_after(ta);
  accel_rt_after(tw);
  accel_rt_matmul(c, a, w, 0);
  accel_rt_after(tw);
  accel_rt_dma_out(c, out, 16, 1, 16, 16);
  show("result too early");
  // Returning with a dma_out in flight, then loading into the reused memory.
  // CHECK-NEXT: reused memory: accel_rt: accel_rt_dma_in: race on accumulator buffer {{[0-9]+}}: dma_in (token 2) writes it from cycle 0, but dma_out (token 1) on released buffer {{[0-9]+}} (the same memory) reads it until cycle 116; order them with after(1) or a wait
  mark = accel_rt_mark();
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_out(c, out, 16, 1, 16, 16);
  accel_rt_release(mark);
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_in(c, out, 16, 1, 16, 16);
  show("reused memory");
  // CHECK-NEXT: reused memory after a wait: no error
  mark = accel_rt_mark();
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_wait(accel_rt_dma_out(c, out, 16, 1, 16, 16));
  accel_rt_release(mark);
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_in(c, out, 16, 1, 16, 16);
  show("reused memory after a wait");

  // Tokens.
  // CHECK-NEXT: token 0: accel_rt: accel_rt_after: unknown token 0 (the last one issued is 0)
  accel_rt_after(0);
  show("token 0");
  // CHECK-NEXT: token 7: accel_rt: accel_rt_wait: unknown token 7 (the last one issued is 1)
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_dma_out(c, out, 16, 1, 16, 16);
  accel_rt_wait(7);
  show("token 7");
  // After a reset, tokens count from 1 again: an old one is unknown (or
  // names a new op, so a host must not keep tokens across a reset).
  // CHECK-NEXT: forgotten: accel_rt: accel_rt_wait: unknown token 1 (the last one issued is 0)
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  int64_t t = accel_rt_dma_out(c, out, 16, 1, 16, 16);
  accel_rt_reset_stats();
  accel_rt_wait(t);
  show("forgotten");

  // Sticky: the first error stays, later calls return 0 and do nothing;
  // mark and release still work, so the failed run frees its buffers.
  // CHECK-NEXT: sticky: alloc 0, dma 0, matmul 0, height 2 -> 0, stats 0 ops
  // CHECK-NEXT: sticky: accel_rt: accel_rt_after: unknown token 99 (the last one issued is 0)
  // CHECK-NEXT: cleared: no error
  mark = accel_rt_mark();
  a = accel_rt_alloc(ACCEL_RT_SPAD, 16, 16);
  c = accel_rt_alloc(ACCEL_RT_ACC, 16, 16);
  accel_rt_after(99);
  accel_rt_wait(98);
  accel_rt_configure(0, 0, 0, 0, 0, 0, 0);
  int64_t r1 = accel_rt_alloc(ACCEL_RT_SPAD, 1, 1);
  int64_t r2 = accel_rt_dma_in(a, host, 16, 1, 16, 16);
  int64_t r3 = accel_rt_matmul(c, a, a, 0);
  int64_t h = accel_rt_mark();
  accel_rt_release(mark);
  accel_rt_stats s;
  accel_rt_get_stats(&s);
  printf("sticky: alloc %lld, dma %lld, matmul %lld, height %lld -> %lld, stats %lld ops\n",
         (long long)r1, (long long)r2, (long long)r3, (long long)h,
         (long long)accel_rt_mark(),
         (long long)(s.dma_in_count + s.dma_out_count + s.matmul_count));
  show("sticky");
  accel_rt_alloc(ACCEL_RT_SPAD, 16, 16); /* the target survived the error */
  show("cleared");
  return 0;
}
