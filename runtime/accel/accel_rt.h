/* accel_rt.h: the runtime ABI of mlopt's accelerator path.
 *
 * `--lower-accel-to-llvm` turns every accel op into calls of these
 * functions; this header is the whole contract between compiled code and a
 * device. mlopt ships one implementation, `libmlopt_accel_rt`: a simulator
 * that executes every op exactly (functionally) at the moment it is issued
 * and keeps a cycle model beside it (docs/accel-runtime.md). A real device
 * driver would implement the same functions by queueing commands to
 * hardware. There is one device per process and the functions are not
 * thread-safe: a multi-threaded host serializes its calls.
 *
 * The device is one systolic-array accelerator in the style of VTA/Gemmini:
 * a PE array of pe_rows x pe_cols, a scratchpad for input tiles, an
 * accumulator memory for partial sums, and DMA between host memory and
 * those memories. DMA and matmul are asynchronous: each returns a token, and
 * `accel_rt_after` makes the next op wait for a token.
 *
 * Calling sequence the compiler emits (per function that uses accel ops):
 *   accel_rt_configure(...target...);       at entry
 *   int64_t mark = accel_rt_mark();         at entry
 *   b = accel_rt_alloc(kind, rows, cols);   per accel.alloc
 *   accel_rt_after(t); ...                  once per `after` token, then
 *   t = accel_rt_dma_in / dma_out / matmul  the op itself
 *   accel_rt_wait(t);                       per accel.wait operand
 *   accel_rt_release(mark);                 before each return
 *
 * Buffers are 2-D (rows x cols; a 1-D buffer of n is 1 x n). Strides are in
 * elements. Tokens and buffer handles are positive int64 values; 0 is never
 * a valid one. A handle is never reused: one used after its release is an
 * error. Tokens count from 1 after each accel_rt_reset_stats, so a host
 * must not keep tokens across a reset.
 *
 * Errors (a capacity exceeded, a bad handle, an element-type mismatch, a
 * race between ops not ordered by tokens) cannot be returned through the
 * compiled code, so they are sticky: the first one is recorded, later calls
 * do nothing and return 0, and the host asks `accel_rt_error()` after the
 * run (ml-run does, and fails with the message). Nothing aborts. Only
 * accel_rt_mark and accel_rt_release keep working (a failed run still
 * frees its buffers on the way out), as do the stats and error functions.
 *
 * The cycle model (simulator only; a device ignores it):
 *   - Three in-order engines, as Gemmini's load, store and execute queues:
 *     dma_in runs on the load engine, dma_out on the store engine, matmul
 *     on the PE array. An op starts at the latest of: its engine being free,
 *     every `after` token having completed, and the host's clock (the host
 *     issues instantly; `accel_rt_wait` advances its clock to the token).
 *   - A DMA of B bytes occupies its engine for ceil(B / dma_bytes_per_cycle)
 *     cycles and completes ACCEL_RT_DMA_LATENCY cycles after that
 *     (latency is pipelined: the next DMA may start meanwhile). Bytes are
 *     the rows x cols actually moved, not the buffer size.
 *   - A matmul acc(MxN) (+)= lhs(MxK) * rhs(KxN) occupies the PE array for
 *     K + pe_rows + pe_cols cycles (K streamed through the array plus its
 *     fill and drain), whatever M and N are (<= the array).
 *   - Useful MACs are counted from the valid extents: a dma_in of r x c
 *     into a buffer marks r x c of it valid (the rest is zero padding), so
 *     an edge tile counts m_valid * k_valid * n_valid MACs (k_valid = the
 *     smaller of lhs's valid columns and rhs's valid rows). A matmul's
 *     result is valid over lhs's valid rows x rhs's valid columns.
 *   - PE utilization = useful MACs / (pe_rows * pe_cols * cycles), where
 *     cycles is the completion time of the last op or wait (the latest).
 *   - Races: an op that writes a buffer must start after the last op
 *     reading or writing it completed, and an op that reads a buffer after
 *     its last writer completed; otherwise the run fails with an error
 *     naming both ops and cycles. A buffer allocated over released memory
 *     also waits for the last access to that memory (conservatively: to
 *     any released memory it overlaps). Host memory is not tracked. */
#ifndef MLOPT_ACCEL_RT_H
#define MLOPT_ACCEL_RT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Fixed DMA latency of the cycle model, in cycles. */
#define ACCEL_RT_DMA_LATENCY 100

/* Element type codes, for accel_rt_configure. */
enum { ACCEL_RT_I8 = 0, ACCEL_RT_I32 = 1, ACCEL_RT_F16 = 2, ACCEL_RT_BF16 = 3, ACCEL_RT_F32 = 4 };

/* Buffer kinds, for accel_rt_alloc. */
enum { ACCEL_RT_SPAD = 0, ACCEL_RT_ACC = 1 };

/* Sets the target (the #accel.target of the function being entered). The
 * same parameters again do nothing; different ones while buffers are
 * allocated are an error (with none allocated they replace the target and
 * keep the clocks and counters). in_type is the scratchpad element type,
 * acc_type the accumulator's (ACCEL_RT_I32 for i8, ACCEL_RT_F32 for the
 * floats; another pairing is an error). accel_rt_alloc before the first
 * configure is an error. */
void accel_rt_configure(int64_t pe_rows, int64_t pe_cols, int64_t spad_bytes,
                        int64_t acc_bytes, int64_t dma_bytes_per_cycle,
                        int32_t in_type, int32_t acc_type);

/* The allocation stack's current height, and freeing every buffer
 * allocated since that mark (function exit). */
int64_t accel_rt_mark(void);
void accel_rt_release(int64_t mark);

/* A rows x cols buffer in the scratchpad (elements of the input type) or
 * the accumulator (the accumulator type); an error past the capacity.
 * Contents start as zeros. */
int64_t accel_rt_alloc(int32_t kind, int64_t rows, int64_t cols);

/* Adds `token` to the dependencies of the next dma_in, dma_out or matmul,
 * whichever comes first: call it right before the op it orders. */
void accel_rt_after(int64_t token);

/* Copies a rows x cols tile of host memory at `src` (element strides
 * row_stride, col_stride) into the top-left corner of `buf` and zero-fills
 * the rest; rows/cols between 1 and the buffer's. Host elements have the
 * buffer's element type. Strides may be any value, 0 (broadcast) and
 * negative included. Returns the transfer's token. */
int64_t accel_rt_dma_in(int64_t buf, const void *src, int64_t row_stride,
                        int64_t col_stride, int64_t rows, int64_t cols);

/* Copies the top-left rows x cols corner of `buf` to host memory at `dst`,
 * leaving the rest of the destination alone (elements a zero stride maps
 * to one address are written in row-major order: the last one stays). */
int64_t accel_rt_dma_out(int64_t buf, void *dst, int64_t row_stride,
                         int64_t col_stride, int64_t rows, int64_t cols);

/* acc = lhs * rhs (accumulate == 0) or acc += lhs * rhs: lhs M x K and rhs
 * K x N scratchpad buffers, acc an M x N accumulator buffer, M <= pe_rows,
 * N <= pe_cols. i8 inputs accumulate in i32 (wrapping), float inputs in f32:
 * f16/bf16 are widened exactly, and each element is updated in k order by
 * a separate f32 multiply and add, no FMA (an overwrite starts from +0.0),
 * so results equal a naive C loop's bit for bit. */
int64_t accel_rt_matmul(int64_t acc, int64_t lhs, int64_t rhs, int32_t accumulate);

/* Blocks the host until `token` completes (advances the host's clock). */
void accel_rt_wait(int64_t token);

/* The counters of the cycle model since the last reset. */
typedef struct accel_rt_stats {
  int64_t cycles;          /* completion of the last op or wait */
  int64_t pe_busy_cycles;  /* cycles the PE array ran matmuls */
  int64_t load_busy_cycles, store_busy_cycles; /* DMA engine occupancy */
  int64_t macs;            /* useful multiply-accumulates */
  int64_t bytes_in, bytes_out;
  int64_t dma_in_count, dma_out_count, matmul_count;
  int64_t pe_rows, pe_cols; /* the configured array */
  double pe_utilization;   /* macs / (pe_rows * pe_cols * cycles); 0 if idle */
} accel_rt_stats;

void accel_rt_get_stats(accel_rt_stats *out);

/* Zeroes the counters and the clocks and forgets tokens; keeps the target
 * and the buffers. */
void accel_rt_reset_stats(void);

/* The first error since the last accel_rt_clear_error(), or NULL. */
const char *accel_rt_error(void);
void accel_rt_clear_error(void);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_ACCEL_RT_H */
