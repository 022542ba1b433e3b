/* ml-run: the mlopt JIT runner.
 *
 *   ml-run in.mlir [--entry=f] [--pipeline='--lower-to-llvm']
 *          [--input=a.npy ... | --random-inputs [--seed=N]]
 *          [--output-args=K] [--output=out.npy ...] [--print]
 *          [--repeat=N] [--opt-level=0-3] [--threads=N]
 *
 * As in ml-opt, all MLIR work (parsing, passes, JIT compilation and the
 * call itself) runs on a thread with a 512 MiB stack (lib/ir/bigstack.h). */
#include <stdio.h>

#include "ir/bigstack.h"
#include "options.h"
#include "run.h"

/* Everything after option parsing. */
static int run(const void *options) { return ml_run(options); }

int main(int argc, char **argv) {
  MlRunOptions options;
  int parsed = ml_run_options_parse(argc, argv, &options);
  int exit_code = 1;
  if (parsed != ML_RUN_OPTIONS_RUN)
    exit_code = parsed == ML_RUN_OPTIONS_EXIT_OK ? 0 : 1;
  else if (!ml_run_on_big_stack(run, &options, &exit_code))
    fprintf(stderr, "ml-run: error: cannot start a thread with a %d MiB stack "
                    "for the compiler\n", ML_BIG_STACK_MIB);
  ml_run_options_free(&options);
  return exit_code;
}
