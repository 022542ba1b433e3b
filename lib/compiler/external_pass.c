/* external_pass: one MlirExternalPass implementation shared by every mlopt
 * pass. Each pass instance owns a heap copy of its options; clone copies
 * them again because MLIR clones func-anchored passes per thread. */
#include "compiler/external_pass.h"

#include <stdlib.h>
#include <string.h>

typedef struct Instance {
  const MlPassSpec *spec;
  void *options;
} Instance;

static Instance *instance_new(const MlPassSpec *spec, const void *options) {
  Instance *inst = malloc(sizeof *inst);
  if (!inst)
    abort();
  inst->spec = spec;
  inst->options = NULL;
  if (spec->options_size) {
    inst->options = malloc(spec->options_size);
    if (!inst->options)
      abort();
    memcpy(inst->options, options, spec->options_size);
  }
  return inst;
}

static void construct(void *user) { (void)user; }

static void destruct(void *user) {
  Instance *inst = user;
  free(inst->options);
  free(inst);
}

static MlirLogicalResult initialize(MlirContext ctx, void *user) {
  (void)ctx;
  (void)user;
  return mlirLogicalResultSuccess();
}

static void *clone(void *user) {
  Instance *inst = user;
  return instance_new(inst->spec, inst->options);
}

static void run(MlirOperation op, MlirExternalPass pass, void *user) {
  Instance *inst = user;
  if (mlirLogicalResultIsFailure(inst->spec->run(op, inst->options)))
    mlirExternalPassSignalFailure(pass);
}

MlirPass ml_pass_create(const MlPassSpec *spec, const void *options) {
  MlirDialectHandle deps[16];
  intptr_t n = 0;
  for (; spec->dependent_dialects && spec->dependent_dialects[n]; n++) {
    if (n == 16)
      abort(); /* raise the bound */
    deps[n] = spec->dependent_dialects[n]();
  }
  MlirExternalPassCallbacks callbacks = {construct, destruct, initialize,
                                         clone, run};
  return mlirCreateExternalPass(
      mlirTypeIDCreate(spec), mlirStringRefCreateFromCString(spec->name),
      mlirStringRefCreateFromCString(spec->argument),
      mlirStringRefCreateFromCString(spec->description),
      mlirStringRefCreateFromCString(spec->anchor), n, deps, callbacks,
      instance_new(spec, options));
}
