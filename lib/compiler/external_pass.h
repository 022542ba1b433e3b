/* external_pass.h: turning a C function into an MLIR pass, with all five
 * external-pass callbacks set (NULL ones crash: STYLE.md rule 5). */
#ifndef MLOPT_COMPILER_EXTERNAL_PASS_H
#define MLOPT_COMPILER_EXTERNAL_PASS_H

#include <stddef.h>

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

typedef struct MlPassSpec {
  const char *name;        /* "ConvertLoopToScf" */
  const char *argument;    /* "convert-loop-to-scf", its flag */
  const char *description; /* one line */
  const char *anchor;      /* op the pass runs on: "builtin.module", "" any */
  /* Dialects whose ops the pass creates; NULL-terminated. */
  MlirDialectHandle (*const *dependent_dialects)(void);
  /* The work. Emits located diagnostics and returns failure on bad input;
   * `options` is the pass's private copy (NULL when options_size is 0). */
  MlirLogicalResult (*run)(MlirOperation op, void *options);
  size_t options_size;
} MlPassSpec;

/* A new pass running `spec` with a copy of `options` (options_size bytes;
 * plain data, copied again when MLIR clones the pass). The spec must have
 * static storage: its address is the pass's TypeID. */
MlirPass ml_pass_create(const MlPassSpec *spec, const void *options);

#endif
