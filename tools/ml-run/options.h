/* options.h: ml-run's command line. */
#ifndef MLOPT_TOOLS_ML_RUN_OPTIONS_H
#define MLOPT_TOOLS_ML_RUN_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The pipeline run when --pipeline is not given. */
#define ML_RUN_DEFAULT_PIPELINE "--lower-to-loops --lower-to-llvm"

typedef struct MlRunOptions {
  const char *file;      /* the .mlir input, "-" for stdin */
  const char *entry;     /* NULL: the module's only function */
  const char *pipeline;  /* mloptParsePipeline text */
  const char **inputs;   /* --input files in order (owned array) */
  size_t num_inputs;
  const char **outputs;  /* --output files in order (owned array) */
  size_t num_outputs;
  bool random_inputs;
  bool has_seed;
  uint64_t seed;
  bool print;
  bool check;            /* compare with the reference (check.c) */
  double rtol, atol;     /* --check tolerance overrides; < 0: the policy */
  long repeat;           /* 0: not timed */
  int output_args;
  int opt_level;
  int threads;           /* OpenMP threads; 0: OMP_NUM_THREADS or libomp's default */
  bool accel_stats;      /* print the accelerator runtime's counters */
} MlRunOptions;

/* The most --threads accepts. */
#define ML_RUN_MAX_THREADS 1024

enum { ML_RUN_OPTIONS_RUN, ML_RUN_OPTIONS_EXIT_OK, ML_RUN_OPTIONS_EXIT_ERROR };

/* Parses argv into `o`. Prints --help/--version or an error itself and says
 * whether to run, or exit with 0 or 1. */
int ml_run_options_parse(int argc, char **argv, MlRunOptions *o);
void ml_run_options_free(MlRunOptions *o);

#endif
