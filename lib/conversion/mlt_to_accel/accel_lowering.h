/* accel_lowering.h: what the files of --lower-to-accel share.
 *
 * The pass is --lower-to-loops with the contractions (mlt.matmul,
 * mlt.batch_matmul, mlt.conv2d) taken over: each becomes a tile loop on the
 * accelerator described by an #accel.target (target.c), built by
 * schedule.c; conv2d first becomes an im2col buffer on the host and one
 * matmul per image (conv.c). Everything else is lowered to host loops as
 * before. */
#ifndef MLOPT_CONVERSION_MLT_TO_ACCEL_LOWERING_H
#define MLOPT_CONVERSION_MLT_TO_ACCEL_LOWERING_H

#include <stdbool.h>
#include <stdint.h>

#include "ir/accel_builder.h"
#include "ir/builder.h"
#include "ir/strbuf.h"

/* Element type codes of the target, in the runtime ABI's numbering
 * (runtime/accel/accel_rt.h). */
enum { ML_ACCEL_I8, ML_ACCEL_I32, ML_ACCEL_F16, ML_ACCEL_BF16, ML_ACCEL_F32 };

/* The fields of an #accel.target. */
typedef struct MlAccelTarget {
  int64_t pe_rows, pe_cols, spad_bytes, acc_bytes, dma_bytes;
  int in_type, acc_type; /* ML_ACCEL_* */
} MlAccelTarget;

/* The pass's options: a target given on the command line (else the
 * module's), and 1 or 2 buffers per operand. */
typedef struct MlAccelOptions {
  MlAccelTarget target;
  bool has_target;
  int buffers;
} MlAccelOptions;

/* Parses "pe=16x16,spad=256KiB,acc=64KiB,dma=64,in=i8[,acc_t=i32]
 * [,buffers=1|2]" (every target field or none; sizes in bytes, KiB or
 * MiB). On error appends "invalid value ... for --lower-to-accel: ..." to
 * `err` and returns false. */
bool ml_accel_parse_options(MlirStringRef value, MlAccelOptions *out, MlBuf *err);

/* The #accel.target attribute of `t`, and reading one back: false if
 * `attr` is not an #accel.target. */
MlirAttribute ml_accel_target_attr(MlirContext ctx, const MlAccelTarget *t);
bool ml_accel_target_read(MlirAttribute attr, MlAccelTarget *t);
/* The target on `op` or its nearest enclosing op that has one. */
bool ml_accel_target_of(MlirOperation op, MlAccelTarget *t);

/* The MLIR element type of a code and its name (sizes:
 * ml_accel_code_bytes in ir/accel_builder.h). */
MlirType ml_accel_elt_type(MlirContext ctx, int code);
const char *ml_accel_elt_name(int code);

/* Emits "'mlt.OP' cannot run on the accelerator: <why>" at `op`. */
void ml_accel_refuse(MlirOperation op, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A 2-D product C = A · B on the accelerator, batched when any of A, B, C
 * has rank 3 (a rank-3 operand with leading dim 1 broadcasts; rank 2 is
 * shared by every batch). C holds the target's accumulator type. Emits a
 * located error on `op` and fails when the target cannot hold the tiles. */
MlirLogicalResult ml_accel_emit_matmul(MlirOperation op, const MlBuilder *b,
                                       MlirValue a, MlirValue bm, MlirValue c,
                                       const MlAccelTarget *t, int buffers);

/* mlt.matmul / batch_matmul / conv2d `op` into `dest` on the accelerator. */
MlirLogicalResult ml_accel_lower_contraction(MlirOperation op, MlirValue dest,
                                             const MlAccelTarget *t, int buffers);

#endif
