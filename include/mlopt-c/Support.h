/* mlopt-c/Support.h: export macro and version of the mlopt C API.
 *
 * Conventions follow mlir-c (mlir/docs/CAPI.md): `Create` gives ownership,
 * `Get` borrows, `Destroy` frees what you own, strings are MlirStringRef
 * (not NUL-terminated), results are MlirLogicalResult. */
#ifndef MLOPT_C_SUPPORT_H
#define MLOPT_C_SUPPORT_H

#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define MLOPT_CAPI_EXPORTED __declspec(dllexport)
#else
#define MLOPT_CAPI_EXPORTED __attribute__((visibility("default")))
#endif

/// The mlopt version, e.g. "0.1.0". Borrowed, static storage.
MLOPT_CAPI_EXPORTED MlirStringRef mloptGetVersion(void);

/// The MLIR version mlopt was built against, e.g. "22.1.8". Borrowed.
MLOPT_CAPI_EXPORTED MlirStringRef mloptGetMlirVersion(void);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_SUPPORT_H */
