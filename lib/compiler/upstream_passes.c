/* upstream_passes: the names and one-line descriptions of upstream MLIR
 * passes, taken at build time from the same Debian mlir-opt and kept only
 * where this process's registry knows them (mlir-opt adds test passes). */
#include <pthread.h>
#include <stdlib.h>

#include "ir/capi_gaps.h"
#include "mlopt-c/Pipeline.h"

typedef struct {
  const char *name, *summary;
} Row;

static const Row rows[] = {
#include "upstream_passes.inc"
};
enum { NUM_ROWS = sizeof rows / sizeof rows[0] };

static const Row *known[NUM_ROWS];
static intptr_t num_known;
static pthread_once_t filter_once = PTHREAD_ONCE_INIT;

/* Keeps the rows the registry knows; rows are already sorted. */
static void filter(void) {
  mloptRegisterAllPasses();
  for (int i = 0; i < NUM_ROWS; i++)
    if (ml_upstream_pass_registered(mlirStringRefCreateFromCString(rows[i].name)))
      known[num_known++] = &rows[i];
}

intptr_t mloptGetNumUpstreamPasses(void) {
  pthread_once(&filter_once, filter);
  return num_known;
}

MloptPassInfo mloptGetUpstreamPass(intptr_t i) {
  pthread_once(&filter_once, filter);
  return (MloptPassInfo){mlirStringRefCreateFromCString(known[i]->name),
                         mlirStringRefCreateFromCString("OPTIONS"),
                         mlirStringRefCreateFromCString(known[i]->summary)};
}
