/* scf_builder.h: scf.for with loop-carried values and scf.if with results,
 * for lowerings that leave the loop dialect alone (the accelerator path
 * carries DMA tokens across iterations; loop passes must not touch it). */
#ifndef MLOPT_IR_SCF_BUILDER_H
#define MLOPT_IR_SCF_BUILDER_H

#include "ir/builder.h"

/* scf.for %iv = lb to ub step step iter_args(inits): the body has the
 * induction variable and one argument per init and *no terminator yet*:
 * finish it with ml_build_scf_yield (of n_inits values). */
typedef struct MlScfFor {
  MlirOperation op;
  MlirValue iv;
  MlBuilder body;
} MlScfFor;
MlScfFor ml_build_scf_for(const MlBuilder *b, MlirValue lb, MlirValue ub,
                          MlirValue step, intptr_t n_inits,
                          const MlirValue *inits);
/* The body's argument #1 + i (the i-th loop-carried value). */
MlirValue ml_scf_for_iter_arg(const MlScfFor *loop, intptr_t i);

/* scf.if %cond -> (types): both branches empty and unterminated; finish
 * each with ml_build_scf_yield (of n_results values). */
typedef struct MlScfIf {
  MlirOperation op;
  MlBuilder then_b, else_b;
} MlScfIf;
MlScfIf ml_build_scf_if(const MlBuilder *b, MlirValue cond, intptr_t n_results,
                        const MlirType *types);

#endif
