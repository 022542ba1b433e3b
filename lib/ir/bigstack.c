/* bigstack: see bigstack.h. */
#include "ir/bigstack.h"

#include <pthread.h>

typedef struct Job {
  int (*fn)(const void *);
  const void *arg;
  int result;
} Job;

static void *run_job(void *p) {
  Job *job = p;
  job->result = job->fn(job->arg);
  return NULL;
}

bool ml_run_on_big_stack(int (*fn)(const void *arg), const void *arg,
                         int *result) {
  Job job = {fn, arg, 0};
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) != 0)
    return false;
  bool ok = pthread_attr_setstacksize(&attr, (size_t)ML_BIG_STACK_MIB << 20) == 0 &&
            pthread_create(&thread, &attr, run_job, &job) == 0;
  if (ok) {
    pthread_join(thread, NULL);
    *result = job.result;
  }
  pthread_attr_destroy(&attr);
  return ok;
}
