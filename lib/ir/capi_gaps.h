/* capi_gaps.h: internal C view of capi_gaps.cpp (see there). */
#ifndef MLOPT_IR_CAPI_GAPS_H
#define MLOPT_IR_CAPI_GAPS_H

#include <stdbool.h>

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// True if an upstream pass or pass pipeline is registered as `name`.
bool ml_upstream_pass_registered(MlirStringRef name);

/// If the registered upstream pass `name` is restricted to one op (e.g.
/// "func.func"), passes that op name to `callback` and returns true.
bool ml_upstream_pass_anchor(MlirStringRef name, MlirStringCallback callback,
                             void *userData);

/// Whether op diagnostics get a "see current operation" note.
void ml_context_print_op_on_diagnostic(MlirContext context, bool enable);

/// Emits a remark at `location` (the C API has mlirEmitError only).
void ml_emit_remark(MlirLocation location, const char *message);

#ifdef __cplusplus
}
#endif

#endif
