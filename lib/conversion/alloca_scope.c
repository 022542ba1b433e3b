/* alloca_scope: inline memref.alloca_scope ops, a step of --lower-to-llvm.
 *
 * convert-scf-to-openmp wraps each iteration of a parallel loop in a
 * memref.alloca_scope (so stack allocations in the body are freed per
 * iteration). That op's region must be one block, so convert-scf-to-cf
 * fails on it as soon as the body holds an scf.for ("expects region #0 to
 * have 0 or 1 blocks"). Upstream lowers alloca_scope only in
 * finalize-memref-to-llvm, which the tail runs after convert-scf-to-cf.
 * This pass does the same lowering earlier and without new blocks: the
 * body moves in front of the op, between llvm.intr.stacksave and
 * llvm.intr.stackrestore when it allocates on the stack (else bare), and
 * the op's results become the values its terminator returned. */
#include <stdbool.h>
#include <stdlib.h>

#include "compiler/external_pass.h"
#include "conversion/alloca_scope.h"
#include "ir/attrs.h"
#include "ir/builder.h"
#include "ir/oplist.h"
#include "mlir-c/Dialect/LLVM.h"

static MlirWalkResult collect(MlirOperation op, void *user) {
  if (ml_op_named(op, "memref.alloca_scope"))
    ml_oplist_push(user, op);
  return MlirWalkResultAdvance;
}

static MlirWalkResult find_alloca(MlirOperation op, void *user) {
  if (!ml_op_named(op, "memref.alloca"))
    return MlirWalkResultAdvance;
  *(bool *)user = true;
  return MlirWalkResultInterrupt;
}

/* Replaces `scope` by its body (see the file comment). */
static void inline_scope(MlirOperation scope) {
  bool allocates = false;
  mlirOperationWalk(scope, find_alloca, &allocates, MlirWalkPreOrder);
  MlBuilder b = ml_builder_before(scope);
  MlirValue sp = allocates ? ml_build_llvm_stacksave(&b) : (MlirValue){NULL};
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(scope, 0));
  MlirOperation ret = mlirBlockGetTerminator(body);
  for (MlirOperation op = mlirBlockGetFirstOperation(body);
       !mlirOperationEqual(op, ret);) {
    MlirOperation next = mlirOperationGetNextInBlock(op);
    mlirOperationMoveBefore(op, scope);
    op = next;
  }
  if (allocates)
    ml_build_llvm_stackrestore(&b, sp);
  for (intptr_t i = 0; i < mlirOperationGetNumResults(scope); i++)
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(scope, i),
                                  mlirOperationGetOperand(ret, i));
  mlirOperationDestroy(scope);
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  (void)options;
  MlOpList scopes = {0};
  mlirOperationWalk(module, collect, &scopes, MlirWalkPostOrder);
  /* Post-order: inner scopes first, so each allocation is bracketed by
   * its own scope's save and restore. */
  for (size_t i = 0; i < scopes.n; i++)
    inline_scope(scopes.ops[i]);
  ml_oplist_free(&scopes);
  return mlirLogicalResultSuccess();
}

static MlirDialectHandle (*const deps[])(void) = {mlirGetDialectHandle__llvm__,
                                                  NULL};

static const MlPassSpec spec = {
    "InlineAllocaScopes", "mlopt-inline-alloca-scopes",
    "Inline memref.alloca_scope ops (stacksave/stackrestore around "
    "stack allocations)",
    "builtin.module", deps, run, 0};

MlirPass ml_create_inline_alloca_scopes_pass(void) {
  return ml_pass_create(&spec, NULL);
}
