/* ml-run: the mlopt JIT runner.
 *
 *   ml-run in.mlir [--entry=f] [--pipeline='--lower-to-llvm']
 *          [--input=a.npy ... | --random-inputs [--seed=N]]
 *          [--output-args=K] [--output=out.npy ...] [--print]
 *          [--repeat=N] [--opt-level=0-3]
 *
 * As in ml-opt, all MLIR work (parsing, passes, JIT compilation and the
 * call itself) runs on a thread with a 512 MiB stack: MLIR recurses once
 * per nesting level and deep input overflows the usual 8 MiB stack. */
#include <pthread.h>
#include <stdio.h>

#include "options.h"
#include "run.h"

enum { BIG_STACK = 512u << 20 };

typedef struct Job {
  const MlRunOptions *options;
  int exit_code;
} Job;

/* The thread's body: everything after option parsing. */
static void *run_job(void *arg) {
  Job *job = arg;
  job->exit_code = ml_run(job->options);
  return NULL;
}

int main(int argc, char **argv) {
  MlRunOptions options;
  int parsed = ml_run_options_parse(argc, argv, &options);
  if (parsed != ML_RUN_OPTIONS_RUN) {
    ml_run_options_free(&options);
    return parsed == ML_RUN_OPTIONS_EXIT_OK ? 0 : 1;
  }
  Job job = {&options, 1};
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) != 0 ||
      pthread_attr_setstacksize(&attr, BIG_STACK) != 0 ||
      pthread_create(&thread, &attr, run_job, &job) != 0) {
    fprintf(stderr, "ml-run: error: cannot start a thread with a %u MiB "
                    "stack for the compiler\n", BIG_STACK >> 20);
    ml_run_options_free(&options);
    return 1;
  }
  pthread_join(thread, NULL);
  pthread_attr_destroy(&attr);
  ml_run_options_free(&options);
  return job.exit_code;
}
