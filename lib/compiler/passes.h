/* passes.h: the table of mlopt's own passes, one row per pass flag.
 * The MLIR C API cannot register C passes by name, so ml-opt and
 * mloptParsePipeline look them up here. */
#ifndef MLOPT_COMPILER_PASSES_H
#define MLOPT_COMPILER_PASSES_H

#include "mlir-c/Pass.h"
#include "ir/strbuf.h"

typedef struct MlPassDef {
  const char *flag;       /* "tile", used as --tile[=VALUE] */
  const char *value_help; /* "N[,N...]"; NULL if the pass takes no value */
  const char *summary;    /* one line, for --help */
  /* Appends the pass to `pm` (anchored on builtin.module). `value` has
   * data == NULL when the flag had no `=VALUE`. On a bad value writes one
   * message to `err` and fails. */
  MlirLogicalResult (*add)(MlirOpPassManager pm, MlirStringRef value,
                           MlBuf *err);
} MlPassDef;

/* NULL-terminated by a row whose flag is NULL. */
extern const MlPassDef ml_pass_table[];

/* The `add` functions of the rows, each in its pass's file. */
MlirLogicalResult ml_add_fuse(MlirOpPassManager pm, MlirStringRef value,
                              MlBuf *err);
MlirLogicalResult ml_add_lower_to_loops(MlirOpPassManager pm,
                                        MlirStringRef value, MlBuf *err);
MlirLogicalResult ml_add_lower_to_accel(MlirOpPassManager pm,
                                        MlirStringRef value, MlBuf *err);
MlirLogicalResult ml_add_vectorize(MlirOpPassManager pm, MlirStringRef value,
                                   MlBuf *err);
MlirLogicalResult ml_add_tile(MlirOpPassManager pm, MlirStringRef value,
                              MlBuf *err);
MlirLogicalResult ml_add_parallelize(MlirOpPassManager pm,
                                     MlirStringRef value, MlBuf *err);
MlirLogicalResult ml_add_unroll(MlirOpPassManager pm, MlirStringRef value,
                                MlBuf *err);
MlirLogicalResult ml_add_approximate_math(MlirOpPassManager pm,
                                          MlirStringRef value, MlBuf *err);
MlirLogicalResult ml_add_o2(MlirOpPassManager pm, MlirStringRef value,
                            MlBuf *err);
/* -O2's cache tile: MC rows, NC columns (cpu_pipeline.c). */
void ml_cpu_tile_sizes(int64_t *mc, int64_t *nc);
MlirLogicalResult ml_add_convert_loop_to_scf(MlirOpPassManager pm,
                                             MlirStringRef value, MlBuf *err);
MlirLogicalResult ml_add_lower_accel_to_llvm(MlirOpPassManager pm,
                                             MlirStringRef value, MlBuf *err);
MlirLogicalResult ml_add_lower_to_llvm(MlirOpPassManager pm,
                                       MlirStringRef value, MlBuf *err);

/* The row for `flag`, or NULL. */
const MlPassDef *ml_pass_lookup(MlirStringRef flag);

#endif
