// accel_rt_dma_in / dma_out copy exactly with any element strides (row
// gaps, transposed, a zero stride that broadcasts, negative strides), an
// edge tile zero-fills the rest of the buffer, and dma_out writes only the
// corner it is given.
// RUN: %accel_cc %s -o %t %accel_rt
// RUN: %t | FileCheck %s --match-full-lines
// RUN: %if valgrind %{ %valgrind %t > /dev/null %}
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "accel_rt.h"

/* Host memory: H[r][c] = 100 r + c, an 8 x 10 i32 matrix. */
static int32_t H[8][10];

static void print(const char *label, const int32_t *m, int rows, int cols, int stride) {
  printf("%s\n", label);
  for (int r = 0; r < rows; r++) {
    for (int c = 0; c < cols; c++)
      printf("%s%d", c ? " " : "", m[r * stride + c]);
    printf("\n");
  }
}

/* Reads back all of accumulator buffer `buf` (rows x cols). */
static void dump(const char *label, int64_t buf, int rows, int cols) {
  int32_t out[64];
  accel_rt_wait(accel_rt_dma_out(buf, out, cols, 1, rows, cols));
  print(label, out, rows, cols, cols);
}

int main(void) {
  for (int r = 0; r < 8; r++)
    for (int c = 0; c < 10; c++)
      H[r][c] = 100 * r + c;
  /* i32 host data goes to accumulator buffers (in = i8, acc_t = i32). */
  accel_rt_configure(16, 16, 4096, 4096, 8, ACCEL_RT_I8, ACCEL_RT_I32);
  int64_t b = accel_rt_alloc(ACCEL_RT_ACC, 3, 4);

  // CHECK-LABEL: rows with a gap: H[2:5, 3:7]
  // CHECK-NEXT:  203 204 205 206
  // CHECK-NEXT:  303 304 305 306
  // CHECK-NEXT:  403 404 405 406
  accel_rt_wait(accel_rt_dma_in(b, &H[2][3], 10, 1, 3, 4));
  dump("rows with a gap: H[2:5, 3:7]", b, 3, 4);

  // CHECK-LABEL: transposed: H[0:4, 0:3]^T
  // CHECK-NEXT:  0 100 200 300
  // CHECK-NEXT:  1 101 201 301
  // CHECK-NEXT:  2 102 202 302
  accel_rt_wait(accel_rt_dma_in(b, &H[0][0], 1, 10, 3, 4));
  dump("transposed: H[0:4, 0:3]^T", b, 3, 4);

  // CHECK-LABEL: row stride 0 broadcasts row 7
  // CHECK-NEXT:  702 703 704 705
  // CHECK-NEXT:  702 703 704 705
  // CHECK-NEXT:  702 703 704 705
  accel_rt_wait(accel_rt_dma_in(b, &H[7][2], 0, 1, 3, 4));
  dump("row stride 0 broadcasts row 7", b, 3, 4);

  // CHECK-LABEL: negative strides: H reversed from [7][9]
  // CHECK-NEXT:  709 708 707 706
  // CHECK-NEXT:  609 608 607 606
  // CHECK-NEXT:  509 508 507 506
  accel_rt_wait(accel_rt_dma_in(b, &H[7][9], -10, -1, 3, 4));
  dump("negative strides: H reversed from [7][9]", b, 3, 4);

  // An edge tile: a 2x2 DMA into the full 3x4 buffer zero-fills the rest.
  // CHECK-LABEL: edge tile 2x2 of H[5:7, 8:10]
  // CHECK-NEXT:  508 509 0 0
  // CHECK-NEXT:  608 609 0 0
  // CHECK-NEXT:  0 0 0 0
  accel_rt_wait(accel_rt_dma_in(b, &H[5][8], 10, 1, 2, 2));
  dump("edge tile 2x2 of H[5:7, 8:10]", b, 3, 4);

  // dma_out of a 2x3 corner leaves the rest of the destination alone.
  // CHECK-LABEL: dma_out corner 2x3 into -1s
  // CHECK-NEXT:  101 102 103 -1 -1
  // CHECK-NEXT:  201 202 203 -1 -1
  // CHECK-NEXT:  -1 -1 -1 -1 -1
  int32_t dst[3][5];
  memset(dst, 0xff, sizeof dst);
  accel_rt_wait(accel_rt_dma_in(b, &H[1][1], 10, 1, 3, 4));
  accel_rt_wait(accel_rt_dma_out(b, dst, 5, 1, 2, 3));
  print("dma_out corner 2x3 into -1s", &dst[0][0], 3, 5, 5);

  // dma_out with strides: the 3x4 buffer written transposed into 4x3.
  // CHECK-LABEL: dma_out transposed
  // CHECK-NEXT:  101 201 301
  // CHECK-NEXT:  102 202 302
  // CHECK-NEXT:  103 203 303
  // CHECK-NEXT:  104 204 304
  int32_t t[4][3];
  accel_rt_wait(accel_rt_dma_out(b, t, 1, 3, 3, 4));
  print("dma_out transposed", &t[0][0], 4, 3, 3);

  // i8 into the scratchpad: bytes, not words; a 1 x n buffer is a vector.
  // CHECK-LABEL: i8 column 2 of a 4x3 byte matrix
  // CHECK-NEXT:  -3 6 -9 12
  int8_t m8[4][3], col[4];
  for (int r = 0; r < 4; r++)
    for (int c = 0; c < 3; c++)
      m8[r][c] = (int8_t)((r % 2 ? 1 : -1) * (r + 1) * (c + 1));
  int64_t v = accel_rt_alloc(ACCEL_RT_SPAD, 1, 4);
  accel_rt_wait(accel_rt_dma_in(v, &m8[0][2], 0, 3, 1, 4));
  accel_rt_wait(accel_rt_dma_out(v, col, 4, 1, 1, 4));
  printf("i8 column 2 of a 4x3 byte matrix\n%d %d %d %d\n", col[0], col[1], col[2], col[3]);

  // CHECK-LABEL: error: (none)
  const char *e = accel_rt_error();
  printf("error: %s\n", e ? e : "(none)");
  accel_rt_release(0);
  return e != NULL;
}
