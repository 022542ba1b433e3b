/* call.h: JIT-compile a lowered module and call its entry. */
#ifndef MLOPT_TOOLS_ML_RUN_CALL_H
#define MLOPT_TOOLS_ML_RUN_CALL_H

#include <stdbool.h>

#include "array.h"
#include "mlir-c/IR.h"
#include "signature.h"

/* JIT-compiles `module` (all in the llvm dialect) at `opt_level` for the
 * host CPU (loading libomp if it has OpenMP ops, which then run on
 * `threads` threads; 0: OpenMP's default) and calls the entry of `sig` on
 * `inputs`, filling `outputs` (both in the order of
 * ml_signature_input/output). With `repeat` > 0 calls it that many times
 * and prints the min and median time of a call, and with `flops` > 0 (the
 * op count of one call, ml_count_flops) the GFLOP/s at the min. A module
 * calling the accelerator runtime loads it (accel.h); a runtime error after
 * a call fails the run, and `accel_stats` prints the counters of the last
 * call. On failure prints an error and returns false. */
bool ml_run_call(MlirModule module, const MlSignature *sig, MlArray *inputs,
                 MlArray *outputs, int opt_level, int threads, long repeat,
                 double flops, bool accel_stats);

#endif
