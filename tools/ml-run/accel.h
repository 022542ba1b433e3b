/* accel.h: the accelerator runtime (runtime/accel/accel_rt.h) for modules
 * lowered by --lower-accel-to-llvm. */
#ifndef MLOPT_TOOLS_ML_RUN_ACCEL_H
#define MLOPT_TOOLS_ML_RUN_ACCEL_H

#include <stdbool.h>

#include "accel_rt.h"
#include "mlir-c/IR.h"

/* The host-side functions of a loaded runtime; all NULL when the module
 * makes no accel_rt_* calls. */
typedef struct MlAccelRt {
  void (*get_stats)(accel_rt_stats *out);
  void (*reset_stats)(void);
  const char *(*error)(void);
  void (*clear_error)(void);
} MlAccelRt;

/* Loads the runtime (RTLD_GLOBAL, so the JIT resolves accel_rt_* from the
 * process) when the lowered `module` declares accel_rt_* functions: the
 * library $MLOPT_ACCEL_RT, else the build's libmlopt_accel_rt.so, else
 * ../lib/libmlopt_accel_rt.so beside the ml-run executable. With `stats`
 * and no runtime calls, warns. False (with the error printed) when the
 * module needs a runtime that cannot be loaded. */
bool ml_accel_rt_prepare(MlirModule module, bool stats, MlAccelRt *rt);

/* Before a call of the entry: zeroes the counters and clears the error. */
void ml_accel_rt_before_call(const MlAccelRt *rt);
/* After a call: false (with "ml-run: error: accelerator runtime: ..."
 * printed) if the runtime recorded an error. */
bool ml_accel_rt_after_call(const MlAccelRt *rt);
/* Prints the counters of the last call to stdout, one "key: value" line
 * each under an "accel stats for @entry:" line. */
void ml_accel_rt_print_stats(const MlAccelRt *rt, const char *entry);

#endif
