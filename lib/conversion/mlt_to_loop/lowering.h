/* lowering.h: what the per-family lowerings of --lower-to-loops share.
 *
 * Each mlt op is lowered in place: the builder sits right before the op,
 * its operands are already memrefs (earlier ops and the function's
 * arguments were converted first), and `dest` is the memref the op must
 * fill (an out-parameter of the function or a fresh allocation). */
#ifndef MLOPT_CONVERSION_MLT_TO_LOOP_LOWERING_H
#define MLOPT_CONVERSION_MLT_TO_LOOP_LOWERING_H

#include <stdbool.h>

#include "ir/builder.h"
#include "ir/mlt_builder.h"

/* The loops around one element: induction variables per result dim. */
typedef struct MlNest {
  MlBuilder inner; /* inside the innermost loop, before its yield */
  MlirValue ivs[8];
  intptr_t rank;
} MlNest;

/* A nest of parallel loop.for over every dim of `shape` (rank <= 8); rank 0
 * gives no loops and `inner` == `b`. */
MlNest ml_build_parallel_nest(const MlBuilder *b, intptr_t rank,
                              const int64_t *shape);

/* Indices into `operand` (numpy-broadcast against a result of rank
 * `nest->rank`): size-1 dims read index 0. Returns the operand's rank. */
intptr_t ml_broadcast_indices(const MlNest *nest, MlirValue operand,
                              MlirValue *indices);

/* The shape of a memref/tensor value and its element type. */
bool ml_is_float(MlirType t);

/* The type sums accumulate in for element type `t`: f32 for f16 and bf16
 * (in their own type the error outgrows the tolerance from K ~ 64, as the
 * reference's policy measured), else `t`; i8 products use i32. Values go
 * in by extension and come out rounded to the result type. */
MlirType ml_accumulator_type(MlirType t);
MlirValue ml_to_accumulator(const MlBuilder *b, MlirValue x, MlirType acc);
MlirValue ml_from_accumulator(const MlBuilder *b, MlirValue acc, MlirType t);

/* Emits "'OP' ... not supported by --lower-to-loops yet: WHY" at `op`. */
MlirLogicalResult ml_refuse(MlirOperation op, const char *why);

/* The name after "mlt." ("matmul"), for dispatch. */
MlirStringRef ml_mlt_op_name(MlirOperation op);
bool ml_op_is(MlirOperation op, const char *mlt_name);

/* Per-family lowerings; each returns failure (with a diagnostic) only for
 * inputs it cannot handle. */
MlirLogicalResult ml_lower_elementwise(MlirOperation op, MlirValue dest);
MlirLogicalResult ml_lower_contraction(MlirOperation op, MlirValue dest);
MlirLogicalResult ml_lower_data_movement(MlirOperation op, MlirValue dest);
MlirLogicalResult ml_lower_reduction(MlirOperation op, MlirValue dest);
MlirLogicalResult ml_lower_conv2d(MlirOperation op, MlirValue dest);

/* A window position out*stride + k*dilation - pad along a dim of `size`,
 * clamped into [0, size); ANDs its in-range test into *valid (which may
 * start null). */
MlirValue ml_window_index(const MlBuilder *b, MlirValue out_iv, int64_t stride,
                          MlirValue k_iv, int64_t dilation, int64_t pad,
                          int64_t size, MlirValue *valid);
/* The unchecked window position out*stride + k*dilation (no padding, so
 * always in range): unit-stride in `out` when stride is 1. */
MlirValue ml_window_pos(const MlBuilder *b, MlirValue out_iv, int64_t stride,
                        MlirValue k_iv, int64_t dilation);

/* One element of elementwise op `op` from its operands' elements `args`,
 * with result element type `elt`; and whether `op` is elementwise. */
MlirValue ml_elementwise_scalar(const MlBuilder *b, MlirOperation op,
                                const MlirValue *args, MlirType elt);
bool ml_is_elementwise(MlirOperation op);
/* One element of mlt.quantize (x a float, `result` i8) and mlt.dequantize
 * (q an i8 or i32, `result` f32); quant.c. */
MlirValue ml_quantize_scalar(const MlBuilder *b, MlirOperation op, MlirValue x,
                             MlirType result);
MlirValue ml_dequantize_scalar(const MlBuilder *b, MlirOperation op, MlirValue q,
                               MlirType result);
/* One element of matmul/batch_matmul `op` at result position `ivs`, reading
 * the memrefs `lhs`, `rhs`, accumulating in `t`. */
MlirValue ml_contraction_scalar(const MlBuilder *b, MlirOperation op,
                                MlirValue lhs, MlirValue rhs, const MlirValue *ivs,
                                MlirType t);
/* The element of a reduction's input at full-rank position `idx`: a load,
 * or a fused group computing it in registers. */
typedef MlirValue (*MlElementFn)(const MlBuilder *b, const MlirValue *idx,
                                 intptr_t rank, void *user);
/* mlt.reduce `op` into `dest` as a nest built before `where`, reading its
 * input through `element`. */
void ml_lower_reduce_of(MlirOperation op, MlirOperation where, MlirValue dest,
                        MlElementFn element, void *user);
/* mlt.fused: one loop nest for the whole group (fused.c). */
MlirLogicalResult ml_lower_fused(MlirOperation op, const MlirValue *dests);

/* Ops another lowering takes over (--lower-to-accel): `takes` says
 * whether it lowers `op`; `lower` fills `dest` like the lowerings above. */
typedef struct MlLoweringHook {
  bool (*takes)(MlirOperation op, void *user);
  MlirLogicalResult (*lower)(MlirOperation op, MlirValue dest, void *user);
  void *user;
} MlLoweringHook;
/* --lower-to-loops on `module`; `hook` (may be NULL) takes over some ops. */
MlirLogicalResult ml_lower_module_to_loops(MlirOperation module,
                                           const MlLoweringHook *hook);

/* mlt.constant becomes a memref.global; returns the get_global value. */
MlirValue ml_lower_constant(MlirOperation op, MlirOperation module,
                            int *counter);

#endif
