/* options.h: ml-opt's command line. */
#ifndef MLOPT_TOOLS_ML_OPT_OPTIONS_H
#define MLOPT_TOOLS_ML_OPT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

/* One pass flag, in command-line order: --NAME or --NAME=VALUE. */
typedef struct MlPassFlag {
  const char *name;  /* without dashes; points into argv */
  const char *value; /* NULL when there was no '=' */
} MlPassFlag;

typedef struct MlOptions {
  const char *input;        /* "-" for stdin */
  const char *output;       /* NULL or "-" for stdout */
  const char *split_marker; /* NULL unless --split-input-file */
  bool verify_diagnostics;
  bool remarks; /* print remark diagnostics (always seen by the verifier) */
  bool print_ir_before_all, print_ir_after_all, print_ir_after_failure;
  bool timing, pass_statistics, dump_pass_pipeline;
  bool print_generic, print_debuginfo;
  bool verify_each;
  bool disable_threading, allow_unregistered_dialect;
  int emit;                 /* ML_EMIT_MLIR or an MloptEmitKind + 1 */
  const char *target_triple, *target_cpu; /* NULL: the host's */
  int opt_level;            /* LLVM optimization level, default 3 */
  MlPassFlag *passes;
  size_t num_passes;
} MlOptions;

enum { ML_EMIT_MLIR = 0 }; /* else 1 + MloptEmitKind */

enum { ML_OPTIONS_RUN, ML_OPTIONS_EXIT_OK, ML_OPTIONS_EXIT_ERROR };

/* Parses argv into `o`. Prints --help/--version/--list-passes or an error
 * itself and says whether to run, or exit with 0 or 1. */
int ml_options_parse(int argc, char **argv, MlOptions *o);
void ml_options_free(MlOptions *o);

#endif
