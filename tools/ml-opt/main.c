/* ml-opt: the mlopt optimizer driver, used like mlir-opt.
 *
 *   ml-opt [options] [pass flags in order] [input.mlir|-] [-o out.mlir]
 *
 * All MLIR work runs on a thread with a 512 MiB stack: MLIR's parser,
 * verifier and printer recurse once per nesting level, and deeply nested
 * input (thousands of regions) overflows the usual 8 MiB main stack. */
#include <pthread.h>
#include <stdio.h>

#include "driver.h"
#include "options.h"

enum { BIG_STACK = 512u << 20 };

typedef struct Job {
  const MlOptions *options;
  int exit_code;
} Job;

static void *run_job(void *arg) {
  Job *job = arg;
  job->exit_code = ml_opt_run(job->options);
  return NULL;
}

int main(int argc, char **argv) {
  MlOptions options;
  int parsed = ml_options_parse(argc, argv, &options);
  if (parsed != ML_OPTIONS_RUN) {
    ml_options_free(&options);
    return parsed == ML_OPTIONS_EXIT_OK ? 0 : 1;
  }
  Job job = {&options, 1};
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) != 0 ||
      pthread_attr_setstacksize(&attr, BIG_STACK) != 0 ||
      pthread_create(&thread, &attr, run_job, &job) != 0) {
    fprintf(stderr, "ml-opt: error: cannot start a thread with a %u MiB "
                    "stack for the compiler\n", BIG_STACK >> 20);
    ml_options_free(&options);
    return 1;
  }
  pthread_join(thread, NULL);
  pthread_attr_destroy(&attr);
  ml_options_free(&options);
  return job.exit_code;
}
