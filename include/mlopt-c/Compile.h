/* mlopt-c/Compile.h: from a module in the llvm dialect to LLVM IR, assembly,
 * an object file, or a C header declaring its entry points. */
#ifndef MLOPT_C_COMPILE_H
#define MLOPT_C_COMPILE_H

#include "mlir-c/IR.h"
#include "mlopt-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum MloptEmitKind {
  MLOPT_EMIT_LLVM_IR,  ///< LLVM IR text, optimized
  MLOPT_EMIT_ASSEMBLY, ///< target assembly
  MLOPT_EMIT_OBJECT,   ///< a relocatable object file (bytes)
  MLOPT_EMIT_C_HEADER, ///< C prototypes of the _mlir_ciface_ entry points
} MloptEmitKind;

typedef struct MloptTargetOptions {
  MlirStringRef triple; ///< empty: the host's
  MlirStringRef cpu;    ///< empty: the host's CPU and its features
  int optLevel;         ///< 0..3
} MloptTargetOptions;

/// Emits `module` (all in the llvm dialect, e.g. after --lower-to-llvm) as
/// `kind`, passing the bytes to `output` (possibly in several chunks). On
/// failure emits a located diagnostic (a non-llvm op, a bad triple or CPU)
/// through the context's handlers and returns failure without output.
MLOPT_CAPI_EXPORTED MlirLogicalResult
mloptEmit(MlirModule module, MloptEmitKind kind, MloptTargetOptions options,
          MlirStringCallback output, void *userData);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_COMPILE_H */
