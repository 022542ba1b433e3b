/* to_llvm: --lower-to-llvm, the upstream tail as one pipeline flag.
 *
 * loop → scf (ours), then MLIR's conversions to the llvm dialect. Every
 * function *defined* in the module gets the C-interface wrapper
 * (_mlir_ciface_NAME), so a C program can call it with memref descriptors;
 * declarations keep their plain symbols (upstream llvm-request-c-wrappers
 * would also redirect calls to external functions such as libm's or the
 * runtime's to _mlir_ciface_ names that do not exist). math ops without an
 * LLVM intrinsic (tanh, erf, ...) become libm calls. */
#include <stdbool.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlopt-c/Passes.h"

static bool is_func_definition(MlirOperation op) {
  MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(op));
  return n.length == strlen("func.func") && !memcmp(n.data, "func.func", n.length) &&
         !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0)));
}

static MlirWalkResult request_wrapper(MlirOperation op, void *user) {
  (void)user;
  if (is_func_definition(op))
    mlirOperationSetDiscardableAttributeByName(
        op, mlirStringRefCreateFromCString("llvm.emit_c_interface"),
        mlirUnitAttrGet(mlirOperationGetContext(op)));
  return MlirWalkResultAdvance;
}

static MlirLogicalResult request_wrappers(MlirOperation module, void *options) {
  (void)options;
  mlirOperationWalk(module, request_wrapper, NULL, MlirWalkPreOrder);
  return mlirLogicalResultSuccess();
}

static const MlPassSpec request_wrappers_spec = {
    "RequestCWrappers", "mlopt-request-c-wrappers",
    "Give every defined function a C-interface wrapper", "builtin.module",
    NULL, request_wrappers, 0};

static const char upstream_tail[] =
    "convert-scf-to-cf,"
    "convert-math-to-llvm,"
    "convert-math-to-libm,"
    "expand-strided-metadata,"
    "finalize-memref-to-llvm,"
    "convert-arith-to-llvm,"
    "convert-index-to-llvm,"
    "convert-func-to-llvm,"
    "convert-cf-to-llvm,"
    "reconcile-unrealized-casts";

MlirLogicalResult ml_add_lower_to_llvm(MlirOpPassManager pm,
                                       MlirStringRef value, MlBuf *err) {
  (void)value;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateConvertLoopToScfPass());
  mlirOpPassManagerAddOwnedPass(pm, ml_pass_create(&request_wrappers_spec, NULL));
  MlirLogicalResult r = mlirOpPassManagerAddPipeline(
      pm, mlirStringRefCreateFromCString(upstream_tail), ml_buf_callback, err);
  return r; /* a failure here is a broken pipeline string: err says why */
}

MlirLogicalResult ml_add_convert_loop_to_scf(MlirOpPassManager pm,
                                             MlirStringRef value, MlBuf *err) {
  (void)value;
  (void)err;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateConvertLoopToScfPass());
  return mlirLogicalResultSuccess();
}
