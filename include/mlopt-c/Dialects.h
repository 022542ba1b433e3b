/* mlopt-c/Dialects.h: registering mlopt's dialects into a host's registry. */
#ifndef MLOPT_C_DIALECTS_H
#define MLOPT_C_DIALECTS_H

#include "mlir-c/IR.h"
#include "mlir-c/RegisterEverything.h"
#include "mlopt-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Dialect handles, as for upstream dialects (mlirGetDialectHandle__mlt__):
/// mlt, the tensor level; loop, the loop level; accel, the accelerator level.
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Mlt, mlt);
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Loop, loop);
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Accel, accel);

/// Inserts every mlopt dialect (mlt, loop, accel, as they land) into
/// `registry`. The registry stays owned by the caller; append it to a context
/// with mlirContextAppendDialectRegistry. Upstream dialects are not added:
/// call mlirRegisterAllDialects for those, as ml-opt does.
MLOPT_CAPI_EXPORTED void mloptRegisterAllDialects(MlirDialectRegistry registry);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_DIALECTS_H */
