/* mlopt-c/Passes.h: constructors of mlopt's passes, for pass managers an
 * embedder builds itself. Each returns a new pass owned by the caller until
 * handed to mlirPassManagerAddOwnedPass / mlirOpPassManagerAddOwnedPass.
 * The same passes are flags of ml-opt and of mloptParsePipeline. */
#ifndef MLOPT_C_PASSES_H
#define MLOPT_C_PASSES_H

#include "mlir-c/Pass.h"
#include "mlopt-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// --lower-to-loops: mlt ops → loop nests on memrefs, destination passing
/// (tensor results become trailing memref out-parameters). Ops it cannot
/// lower yet are refused with a located error.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateLowerToLoopsPass(void);

/// --convert-loop-to-scf: loop.for → scf.for (anchored on builtin.module).
/// Refuses mlt and accel ops with a located error.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateConvertLoopToScfPass(void);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_PASSES_H */
