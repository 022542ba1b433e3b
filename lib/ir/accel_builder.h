/* accel_builder.h: one helper per accel op (lib/dialects/Accel), the
 * dialect's types, and the target in scope, for the lowerings to and from
 * the accelerator level. */
#ifndef MLOPT_IR_ACCEL_BUILDER_H
#define MLOPT_IR_ACCEL_BUILDER_H

#include <stdbool.h>

#include "ir/builder.h"

/* !accel.buf<spad|acc, RxCxT> and !accel.token. */
MlirType ml_accel_buf_type(MlirContext ctx, bool acc, int64_t rows, int64_t cols,
                           MlirType elt);
MlirType ml_accel_token_type(MlirContext ctx);

/* The #accel.target on `op` or its nearest ancestor (null if none);
 * *owner, when given, is the op carrying it. */
MlirAttribute ml_accel_find_target(MlirOperation op, MlirOperation *owner);

/* An element type's code in the runtime ABI's numbering (i8 0, i32 1,
 * f16 2, bf16 3, f32 4; runtime/accel/accel_rt.h), -1 for other types,
 * and the size in bytes of a code's elements. */
int ml_accel_type_code(MlirType t);
int64_t ml_accel_code_bytes(int code);

/* Optional operand lists: n values (n may be 0). */
typedef struct MlValues {
  intptr_t n;
  const MlirValue *v;
} MlValues;

MlirValue ml_build_accel_alloc(const MlBuilder *b, MlirType buf_type);
/* dma_in src[offsets][sizes] to buf after(after); sizes.n == 0 for a full
 * tile. Returns the token. */
MlirValue ml_build_accel_dma_in(const MlBuilder *b, MlirValue src,
                                MlValues offsets, MlValues sizes, MlirValue buf,
                                MlValues after);
MlirValue ml_build_accel_dma_out(const MlBuilder *b, MlirValue buf,
                                 MlirValue dst, MlValues offsets, MlValues sizes,
                                 MlValues after);
/* acc (+)= lhs * rhs after(after). */
MlirValue ml_build_accel_matmul(const MlBuilder *b, MlirValue acc, MlirValue lhs,
                                MlirValue rhs, bool accumulate, MlValues after);
void ml_build_accel_wait(const MlBuilder *b, MlValues tokens);

#endif
