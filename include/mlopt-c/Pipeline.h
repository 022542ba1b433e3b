/* mlopt-c/Pipeline.h: building pass pipelines from ml-opt's own text.
 *
 * An embedding compiler gets exactly ml-opt's behaviour: the same pass flags,
 * in the same order, with the same error messages. Pipeline text is either
 *   - pass flags, as on ml-opt's command line:
 *       "--canonicalize --cse=... --pass-pipeline='builtin.module(inline)'"
 *     each `--NAME[=VALUE]` is an mlopt pass, an upstream MLIR pass (VALUE is
 *     its option string, e.g. --canonicalize='max-iterations=2'), or
 *     --pass-pipeline; values may be quoted with '...' or "...";
 *   - or an upstream textual pipeline anchored on the module:
 *       "builtin.module(canonicalize,cse)".
 * Passes are appended to a module-level pass manager in the order given. */
#ifndef MLOPT_C_PIPELINE_H
#define MLOPT_C_PIPELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "mlir-c/Pass.h"
#include "mlopt-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Makes every upstream MLIR pass known by name (mlirRegisterAllPasses).
/// Idempotent and thread-safe; the functions below call it themselves.
MLOPT_CAPI_EXPORTED void mloptRegisterAllPasses(void);

/// Parses `text` (see above) and appends its passes to `pm`, which must be
/// anchored on builtin.module. On failure returns failure and reports one
/// message, without a trailing newline, through `errorCallback` (may be
/// called several times with consecutive chunks); `pm` may then hold part
/// of the pipeline and should be discarded.
MLOPT_CAPI_EXPORTED MlirLogicalResult
mloptParsePipeline(MlirOpPassManager pm, MlirStringRef text,
                   MlirStringCallback errorCallback, void *userData);

/// Appends the pass named by one flag: `name` without leading dashes
/// ("canonicalize", "pass-pipeline", an mlopt pass) and its value, or a null
/// MlirStringRef (data == NULL) when the flag had no `=VALUE`.
/// Errors are reported as for mloptParsePipeline.
MLOPT_CAPI_EXPORTED MlirLogicalResult
mloptAddPassFlag(MlirOpPassManager pm, MlirStringRef name, MlirStringRef value,
                 MlirStringCallback errorCallback, void *userData);

/// True if `name` (without dashes) is a pass flag: an mlopt pass, a
/// registered upstream pass or pass pipeline, or "pass-pipeline".
MLOPT_CAPI_EXPORTED bool mloptIsPassFlag(MlirStringRef name);

/// Description of one mlopt pass, for help texts. All strings borrowed,
/// static storage.
typedef struct {
  MlirStringRef flag;      ///< "tile": used as --tile[=VALUE]
  MlirStringRef valueHelp; ///< "N[,N...]", or empty when it takes no value
  MlirStringRef summary;   ///< one line
} MloptPassInfo;

/// Number of mlopt passes, and the i-th of them (0 <= i < count).
MLOPT_CAPI_EXPORTED intptr_t mloptGetNumPasses(void);
MLOPT_CAPI_EXPORTED MloptPassInfo mloptGetPass(intptr_t i);

/// Upstream passes known to this build, sorted by name, with their one-line
/// descriptions (for --list-passes and "did you mean" suggestions).
MLOPT_CAPI_EXPORTED intptr_t mloptGetNumUpstreamPasses(void);
MLOPT_CAPI_EXPORTED MloptPassInfo mloptGetUpstreamPass(intptr_t i);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_PIPELINE_H */
