/* accel_compute.c: the arithmetic of the simulated accelerator, exact and
 * deterministic. DMA copies move bytes; the i8 matmul accumulates in uint32
 * (wrapping without signed-overflow UB); the float matmul converts f16/bf16
 * to f32 by bit manipulation and updates each accumulator element in k
 * order with a separate multiply and add. This file is compiled with
 * -ffp-contract=off so no FMA can fuse them: the results are what a naive
 * C loop compiled the same way gives, bit for bit. */
#include <stdlib.h>
#include <string.h>

#include "accel_rt.h"
#include "accel_internal.h"

size_t accel_elem_size(int32_t type) {
  switch (type) {
  case ACCEL_RT_I8: return 1;
  case ACCEL_RT_I32: return 4;
  case ACCEL_RT_F16: return 2;
  case ACCEL_RT_BF16: return 2;
  case ACCEL_RT_F32: return 4;
  default: return 0;
  }
}

const char *accel_type_name(int32_t type) {
  switch (type) {
  case ACCEL_RT_I8: return "i8";
  case ACCEL_RT_I32: return "i32";
  case ACCEL_RT_F16: return "f16";
  case ACCEL_RT_BF16: return "bf16";
  case ACCEL_RT_F32: return "f32";
  default: return "?";
  }
}

static float float_of_bits(uint32_t bits) {
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

/* IEEE binary16: 1 sign, 5 exponent (bias 15), 10 mantissa bits. */
float accel_f16_to_f32(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu, man = h & 0x3ffu;
  if (exp == 0x1f) /* infinity or NaN: keep the payload */
    return float_of_bits(sign | 0x7f800000u | (man << 13));
  if (exp != 0) /* normal: rebias 15 -> 127 */
    return float_of_bits(sign | ((exp + 112u) << 23) | (man << 13));
  if (man == 0)
    return float_of_bits(sign);
  /* Subnormal, man * 2^-24: shift the leading 1 up to bit 10 and lower
   * the exponent by as much (a normal number in f32). */
  uint32_t e = 113;
  while (!(man & 0x400u)) {
    man <<= 1;
    e--;
  }
  return float_of_bits(sign | (e << 23) | ((man & 0x3ffu) << 13));
}

/* bfloat16 is the top half of an f32. */
float accel_bf16_to_f32(uint16_t h) { return float_of_bits((uint32_t)h << 16); }

void accel_copy_in(unsigned char *buf, int64_t buf_rows, int64_t buf_cols,
                   const unsigned char *src, int64_t rs, int64_t cs,
                   int64_t rows, int64_t cols, size_t esize) {
  memset(buf, 0, (size_t)(buf_rows * buf_cols) * esize);
  for (int64_t r = 0; r < rows; r++) {
    unsigned char *out = buf + (size_t)(r * buf_cols) * esize;
    const unsigned char *in = src + (ptrdiff_t)(r * rs) * (ptrdiff_t)esize;
    if (cs == 1) {
      memcpy(out, in, (size_t)cols * esize);
      continue;
    }
    for (int64_t c = 0; c < cols; c++)
      memcpy(out + (size_t)c * esize, in + (ptrdiff_t)(c * cs) * (ptrdiff_t)esize,
             esize);
  }
}

void accel_copy_out(const unsigned char *buf, int64_t buf_cols,
                    unsigned char *dst, int64_t rs, int64_t cs, int64_t rows,
                    int64_t cols, size_t esize) {
  for (int64_t r = 0; r < rows; r++) {
    const unsigned char *in = buf + (size_t)(r * buf_cols) * esize;
    unsigned char *out = dst + (ptrdiff_t)(r * rs) * (ptrdiff_t)esize;
    if (cs == 1) {
      memcpy(out, in, (size_t)cols * esize);
      continue;
    }
    for (int64_t c = 0; c < cols; c++)
      memcpy(out + (ptrdiff_t)(c * cs) * (ptrdiff_t)esize, in + (size_t)c * esize,
             esize);
  }
}

/* i-k-j order: each acc row is updated by one lhs element times one rhs
 * row at a time. Integer sums do not depend on the order. */
void accel_matmul_i8(uint32_t *acc, const int8_t *lhs, const int8_t *rhs,
                     int64_t m, int64_t k, int64_t n, int accumulate) {
  for (int64_t i = 0; i < m; i++) {
    uint32_t *row = acc + i * n;
    if (!accumulate)
      memset(row, 0, (size_t)n * sizeof *row);
    for (int64_t p = 0; p < k; p++) {
      int32_t a = lhs[i * k + p];
      const int8_t *b = rhs + p * n;
      for (int64_t j = 0; j < n; j++)
        row[j] += (uint32_t)(a * (int32_t)b[j]); /* |a*b| <= 2^14: exact */
    }
  }
}

/* The f32 values of `count` elements of type in_type: `src` itself for
 * f32, else a malloc'ed copy in *owned (NULL if that failed). */
static const float *as_f32(const void *src, int32_t in_type, int64_t count,
                           float **owned) {
  *owned = NULL;
  if (in_type == ACCEL_RT_F32)
    return src;
  float *out = malloc((size_t)count * sizeof *out + 1);
  if (!out)
    return NULL;
  const unsigned char *bytes = src; /* the host wrote _Float16, __bf16, ... */
  for (int64_t i = 0; i < count; i++) {
    uint16_t h;
    memcpy(&h, bytes + 2 * i, sizeof h);
    out[i] = in_type == ACCEL_RT_F16 ? accel_f16_to_f32(h) : accel_bf16_to_f32(h);
  }
  *owned = out;
  return out;
}

/* i-k-j order keeps the k order of every acc element (its updates happen
 * at p = 0, 1, ...), so the sum is the naive loop's. */
int accel_matmul_float(float *acc, const void *lhs, const void *rhs,
                       int32_t in_type, int64_t m, int64_t k, int64_t n,
                       int accumulate) {
  float *lhs_copy, *rhs_copy;
  const float *a = as_f32(lhs, in_type, m * k, &lhs_copy);
  const float *b = as_f32(rhs, in_type, k * n, &rhs_copy);
  int rc = -1;
  if (!a || !b)
    goto out;
  for (int64_t i = 0; i < m; i++) {
    float *row = acc + i * n;
    if (!accumulate)
      for (int64_t j = 0; j < n; j++)
        row[j] = 0.0f;
    for (int64_t p = 0; p < k; p++) {
      float x = a[i * k + p];
      const float *brow = b + p * n;
      for (int64_t j = 0; j < n; j++) {
        float prod = x * brow[j];
        row[j] = row[j] + prod;
      }
    }
  }
  rc = 0;
out:
  free(lhs_copy);
  free(rhs_copy);
  return rc;
}
