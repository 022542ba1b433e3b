/* driver.h: what ml-opt does once its flags are parsed. */
#ifndef MLOPT_TOOLS_ML_OPT_DRIVER_H
#define MLOPT_TOOLS_ML_OPT_DRIVER_H

#include "options.h"

/* Reads the input, runs the pipeline on each chunk, writes the output.
 * Returns the process exit code (0 or 1). */
int ml_opt_run(const MlOptions *o);

#endif
