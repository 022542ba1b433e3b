/* to_llvm: --lower-to-llvm, the upstream tail as one pipeline flag.
 *
 * loop → scf (ours), then MLIR's conversions to the llvm dialect. Every
 * function *defined* in the module gets the C-interface wrapper
 * (_mlir_ciface_NAME), so a C program can call it with memref descriptors;
 * declarations keep their plain symbols (upstream llvm-request-c-wrappers
 * would also redirect calls to external functions such as libm's or the
 * runtime's to _mlir_ciface_ names that do not exist). math ops without an
 * LLVM intrinsic (tanh, erf, ...) become libm calls. scf.parallel (from
 * --parallelize) becomes OpenMP: convert-scf-to-openmp runs first, so the
 * stack buffers convert-vector-to-scf allocates inside a parallel loop land
 * in each iteration's alloca scope (thread-private), and those scopes are
 * inlined (alloca_scope.c) before convert-scf-to-cf splits their bodies
 * into blocks; convert-openmp-to-llvm gives the omp ops LLVM types last. */
#include <stdbool.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "conversion/alloca_scope.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "ir/strbuf.h"
#include "ir/attrs.h"
#include "mlopt-c/Passes.h"

static bool is_func_definition(MlirOperation op) {
  return ml_op_named(op, "func.func") &&
         !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0)));
}

/* Appends the C spelling of scalar type `t`; false if there is none. */
static bool c_scalar(MlirType t, MlBuf *out) {
  static const struct {
    unsigned width;
    const char *name;
  } ints[] = {{1, "bool"}, {8, "int8_t"}, {16, "int16_t"}, {32, "int32_t"},
              {64, "int64_t"}};
  if (mlirTypeIsAIndex(t)) {
    ml_buf_puts(out, "int64_t");
    return true;
  }
  if (mlirTypeIsAF32(t) || mlirTypeIsAF64(t)) {
    ml_buf_puts(out, mlirTypeIsAF32(t) ? "float" : "double");
    return true;
  }
  if (mlirTypeIsAF16(t) || mlirTypeIsABF16(t)) {
    ml_buf_puts(out, "uint16_t"); /* raw bits */
    return true;
  }
  if (mlirTypeIsAInteger(t))
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
      if (mlirIntegerTypeGetWidth(t) == ints[i].width) {
        ml_buf_puts(out, ints[i].name);
        return true;
      }
  return false;
}

/* Appends the C type of a value of type `t` as the C wrapper passes it:
 * scalars by value, memrefs by pointer to their descriptor struct
 * (mlopt_memref_<elt>_<rank>d, declared by --emit=header). */
static bool c_param(MlirType t, MlBuf *out) {
  if (!mlirTypeIsAMemRef(t))
    return c_scalar(t, out);
  MlirType elt = mlirShapedTypeGetElementType(t);
  MlBuf e = {0};
  bool ok = c_scalar(elt, &e);
  if (ok) {
    ml_buf_printf(out, "mlopt_memref_%s_%ldd *", ml_buf_str(&e),
                  (long)mlirShapedTypeGetRank(t));
  }
  ml_buf_free(&e);
  return ok;
}

/* The C prototype of func `op`'s wrapper, or "" when C cannot say it. */
static void c_prototype(MlirOperation op, MlBuf *out) {
  MlirType fn = mlirTypeAttrGetValue(ml_attr(op, "function_type"));
  MlirStringRef name = mlirStringAttrGetValue(ml_attr(op, "sym_name"));
  intptr_t nin = mlirFunctionTypeGetNumInputs(fn);
  intptr_t nres = mlirFunctionTypeGetNumResults(fn);
  MlBuf ret = {0}, params = {0};
  bool ok = nres <= 1;
  if (ok && nres == 1) {
    MlirType r = mlirFunctionTypeGetResult(fn, 0);
    if (mlirTypeIsAMemRef(r)) { /* returned through a first pointer */
      ml_buf_puts(&ret, "void");
      ok = c_param(r, &params);
      ml_buf_puts(&params, "result");
    } else {
      ok = c_scalar(r, &ret);
    }
  } else if (ok) {
    ml_buf_puts(&ret, "void");
  }
  for (intptr_t i = 0; ok && i < nin; i++) {
    if (params.len)
      ml_buf_puts(&params, ", ");
    ok = c_param(mlirFunctionTypeGetInput(fn, i), &params);
    ml_buf_printf(&params, "%sarg%ld",
                  params.len && params.data[params.len - 1] == '*' ? "" : " ",
                  (long)i);
  }
  if (ok)
    ml_buf_printf(out, "%s _mlir_ciface_%.*s(%s);", ml_buf_str(&ret),
                  (int)name.length, name.data, params.len ? ml_buf_str(&params) : "void");
  ml_buf_free(&ret);
  ml_buf_free(&params);
}

static MlirWalkResult request_wrapper(MlirOperation op, void *user) {
  (void)user;
  if (!is_func_definition(op))
    return MlirWalkResultAdvance;
  MlirContext ctx = mlirOperationGetContext(op);
  mlirOperationSetDiscardableAttributeByName(
      op, mlirStringRefCreateFromCString("llvm.emit_c_interface"),
      mlirUnitAttrGet(ctx));
  /* Kept for --emit=header: after lowering, memref types are gone. */
  MlBuf proto = {0};
  c_prototype(op, &proto);
  mlirOperationSetDiscardableAttributeByName(
      op, mlirStringRefCreateFromCString("mlopt.c_prototype"),
      mlirStringAttrGet(ctx, mlirStringRefCreateFromCString(ml_buf_str(&proto))));
  ml_buf_free(&proto);
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

static const char upstream_head[] =
    "convert-scf-to-openmp,"
    "convert-vector-to-scf";

static const char upstream_tail[] =
    "convert-scf-to-cf,"
    "convert-math-to-llvm,"
    "convert-math-to-libm,"
    "convert-vector-to-llvm{reassociate-fp-reductions=1},"
    "expand-strided-metadata,"
    "lower-affine,"
    "finalize-memref-to-llvm,"
    "convert-arith-to-llvm,"
    "convert-index-to-llvm,"
    "convert-func-to-llvm,"
    "convert-cf-to-llvm,"
    "convert-openmp-to-llvm,"
    "reconcile-unrealized-casts";

MlirLogicalResult ml_add_lower_to_llvm(MlirOpPassManager pm,
                                       MlirStringRef value, MlBuf *err) {
  (void)value;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateConvertLoopToScfPass());
  mlirOpPassManagerAddOwnedPass(pm, ml_pass_create(&request_wrappers_spec, NULL));
  MlirLogicalResult r = mlirOpPassManagerAddPipeline(
      pm, mlirStringRefCreateFromCString(upstream_head), ml_buf_callback, err);
  if (mlirLogicalResultIsFailure(r))
    return r; /* a broken pipeline string: err says why */
  mlirOpPassManagerAddOwnedPass(pm, ml_create_inline_alloca_scopes_pass());
  return mlirOpPassManagerAddPipeline(
      pm, mlirStringRefCreateFromCString(upstream_tail), ml_buf_callback, err);
}

MlirLogicalResult ml_add_convert_loop_to_scf(MlirOpPassManager pm,
                                             MlirStringRef value, MlBuf *err) {
  (void)value;
  (void)err;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateConvertLoopToScfPass());
  return mlirLogicalResultSuccess();
}
