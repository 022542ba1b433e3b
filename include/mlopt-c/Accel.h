/* mlopt-c/Accel.h: reading accel types and the #accel.target attribute.
 *
 * The fields of `!accel.buf<spad, 16x16xi8>`, `!accel.token` and
 * `#accel.target<pe = 16x16, ...>` for C code (--lower-accel-to-llvm, an
 * embedder's own lowering). Build them by parsing text
 * (mlirTypeParseGet / mlirAttributeParseGet); these are getters only.
 * The getters of a kind require a value of that kind (check with IsA). */
#ifndef MLOPT_C_ACCEL_H
#define MLOPT_C_ACCEL_H

#include <stdbool.h>
#include <stdint.h>

#include "mlir-c/IR.h"
#include "mlopt-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// True if `type` is an !accel.buf.
MLOPT_CAPI_EXPORTED bool mloptTypeIsAAccelBuf(MlirType type);
/// True if `type` is an !accel.token.
MLOPT_CAPI_EXPORTED bool mloptTypeIsAAccelToken(MlirType type);
/// The memory of an !accel.buf: 0 scratchpad (`spad`), 1 accumulator
/// (`acc`); the numbering of ACCEL_RT_SPAD / ACCEL_RT_ACC.
MLOPT_CAPI_EXPORTED int32_t mloptAccelBufTypeGetKind(MlirType type);
/// The rank of an !accel.buf (>= 1), and its dimension `dim`.
MLOPT_CAPI_EXPORTED intptr_t mloptAccelBufTypeGetRank(MlirType type);
MLOPT_CAPI_EXPORTED int64_t mloptAccelBufTypeGetDimSize(MlirType type,
                                                        intptr_t dim);
/// The element type of an !accel.buf (i8, i32, f16, bf16 or f32).
MLOPT_CAPI_EXPORTED MlirType mloptAccelBufTypeGetElementType(MlirType type);

/// True if `attr` is a #accel.target.
MLOPT_CAPI_EXPORTED bool mloptAttributeIsAAccelTarget(MlirAttribute attr);
/// The fields of a #accel.target: the PE array's rows and columns, the
/// scratchpad and accumulator capacities in bytes, the DMA bandwidth in
/// bytes per cycle, the input and the accumulator element types.
MLOPT_CAPI_EXPORTED int64_t mloptAccelTargetAttrGetPeRows(MlirAttribute attr);
MLOPT_CAPI_EXPORTED int64_t mloptAccelTargetAttrGetPeCols(MlirAttribute attr);
MLOPT_CAPI_EXPORTED int64_t mloptAccelTargetAttrGetSpadBytes(MlirAttribute attr);
MLOPT_CAPI_EXPORTED int64_t mloptAccelTargetAttrGetAccBytes(MlirAttribute attr);
MLOPT_CAPI_EXPORTED int64_t mloptAccelTargetAttrGetDmaBytes(MlirAttribute attr);
MLOPT_CAPI_EXPORTED MlirType mloptAccelTargetAttrGetInType(MlirAttribute attr);
MLOPT_CAPI_EXPORTED MlirType mloptAccelTargetAttrGetAccType(MlirAttribute attr);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_ACCEL_H */
