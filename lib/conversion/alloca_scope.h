/* alloca_scope.h: the --lower-to-llvm step between convert-scf-to-openmp
 * and convert-scf-to-cf (alloca_scope.c). */
#ifndef MLOPT_CONVERSION_ALLOCA_SCOPE_H
#define MLOPT_CONVERSION_ALLOCA_SCOPE_H

#include "mlir-c/Pass.h"

/* mlopt-inline-alloca-scopes: inlines every memref.alloca_scope into its
 * block, bracketed by llvm.intr.stacksave/stackrestore when it holds a
 * memref.alloca. */
MlirPass ml_create_inline_alloca_scopes_pass(void);

#endif
