/* accel_internal.h: what the simulator's two files share. accel_rt.c keeps
 * the device state, the checks and the cycle model; accel_compute.c does
 * the arithmetic of the ops on plain arrays (no device state), so it can be
 * read against the spec on its own. Hidden symbols: only accel_rt_* are
 * exported from libmlopt_accel_rt.so. */
#ifndef MLOPT_ACCEL_INTERNAL_H
#define MLOPT_ACCEL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of one element of an ACCEL_RT_* type code; 0 for an unknown code. */
size_t accel_elem_size(int32_t type);

/* The name of an ACCEL_RT_* type code ("i8", ...), "?" if unknown. */
const char *accel_type_name(int32_t type);

/* f16 / bf16 bits to f32, exactly (every value, subnormals, infinities and
 * NaN payloads are representable in f32). */
float accel_f16_to_f32(uint16_t h);
float accel_bf16_to_f32(uint16_t h);

/* dma_in: copies rows x cols elements of `esize` bytes from `src` (element
 * strides rs, cs; any sign) into the top-left corner of the row-major
 * buf_rows x buf_cols array `buf`, and zeroes the rest of it. */
void accel_copy_in(unsigned char *buf, int64_t buf_rows, int64_t buf_cols,
                   const unsigned char *src, int64_t rs, int64_t cs,
                   int64_t rows, int64_t cols, size_t esize);

/* dma_out: copies the top-left rows x cols corner of `buf` to `dst`. */
void accel_copy_out(const unsigned char *buf, int64_t buf_cols,
                    unsigned char *dst, int64_t rs, int64_t cs, int64_t rows,
                    int64_t cols, size_t esize);

/* acc (M x N, i32 bits) = or += lhs (M x K, i8) * rhs (K x N, i8), wrapping
 * modulo 2^32. */
void accel_matmul_i8(uint32_t *acc, const int8_t *lhs, const int8_t *rhs,
                     int64_t m, int64_t k, int64_t n, int accumulate);

/* acc (M x N, f32) = or += lhs (M x K) * rhs (K x N) with inputs of type
 * in_type (f16, bf16 or f32): each acc element is updated in k order as a
 * separate f32 multiply and add (an overwrite starts from +0.0). Returns 0,
 * or -1 if the f32 copies of f16/bf16 inputs could not be allocated. */
int accel_matmul_float(float *acc, const void *lhs, const void *rhs,
                       int32_t in_type, int64_t m, int64_t k, int64_t n,
                       int accumulate);

#endif /* MLOPT_ACCEL_INTERNAL_H */
