/* run.h: what ml-run does once its flags are parsed. */
#ifndef MLOPT_TOOLS_ML_RUN_RUN_H
#define MLOPT_TOOLS_ML_RUN_RUN_H

#include "options.h"

/* Parses, lowers, JIT-compiles and calls the entry; reports or writes the
 * outputs. Returns the process exit code (0 or 1). */
int ml_run(const MlRunOptions *o);

#endif
