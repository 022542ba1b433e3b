/* ml-opt: the mlopt optimizer driver, used like mlir-opt.
 *
 *   ml-opt [options] [pass flags in order] [input.mlir|-] [-o out.mlir]
 *
 * All MLIR work runs on a thread with a 512 MiB stack (lib/ir/bigstack.h). */
#include <stdio.h>

#include "ir/bigstack.h"
#include "driver.h"
#include "options.h"

/* Everything after option parsing. */
static int run(const void *options) { return ml_opt_run(options); }

int main(int argc, char **argv) {
  MlOptions options;
  int parsed = ml_options_parse(argc, argv, &options);
  int exit_code = 1;
  if (parsed != ML_OPTIONS_RUN)
    exit_code = parsed == ML_OPTIONS_EXIT_OK ? 0 : 1;
  else if (!ml_run_on_big_stack(run, &options, &exit_code))
    fprintf(stderr, "ml-opt: error: cannot start a thread with a %d MiB stack "
                    "for the compiler\n", ML_BIG_STACK_MIB);
  ml_options_free(&options);
  return exit_code;
}
