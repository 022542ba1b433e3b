/* pass: --lower-to-loops, mlt tensors → loop nests on memrefs.
 *
 * Bufferization is destination-passing: a function's tensor arguments
 * become memrefs, and each tensor result becomes a trailing memref
 * out-parameter that the caller allocates. Each mlt op, in order, gets a
 * destination — the out-parameter when the op's value is returned, else a
 * fresh memref.alloc — and is replaced by a loop nest filling it; values
 * returned twice or from arguments are copied at the return; every
 * allocation is freed before the return. Ops this pass cannot lower yet
 * get a located error naming the op, and the pass fails. */
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/Math.h"
#include "mlir-c/Dialect/MemRef.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Passes.h"

enum { MAX_VALUES = 64 };

typedef struct Func {
  MlirOperation op, ret;
  MlirValue outs[MAX_VALUES];   /* out-parameter per tensor result */
  bool claimed[MAX_VALUES];     /* an op already writes into it */
  int result_to_out[MAX_VALUES]; /* function result -> out index, or -1 */
  MlirValue allocs[1024];
  int num_allocs;
} Func;

static MlirType memref_of(MlirType tensor) {
  intptr_t rank = mlirShapedTypeGetRank(tensor);
  int64_t shape[8];
  for (intptr_t d = 0; d < rank; d++)
    shape[d] = mlirShapedTypeGetDimSize(tensor, d);
  return mlirMemRefTypeContiguousGet(mlirShapedTypeGetElementType(tensor), rank,
                                     shape, mlirAttributeGetNull());
}

static bool is_tensor(MlirType t) { return mlirTypeIsARankedTensor(t); }

/* The destination for `value`: the out-parameter it is returned through,
 * if no op claimed it yet, else a new allocation before `op`. */
static MlirValue destination(Func *f, MlirOperation op, MlirValue value) {
  for (intptr_t j = 0; j < mlirOperationGetNumOperands(f->ret); j++) {
    int out = f->result_to_out[j];
    if (out >= 0 && !f->claimed[out] &&
        mlirValueEqual(mlirOperationGetOperand(f->ret, j), value)) {
      f->claimed[out] = true;
      return f->outs[out];
    }
  }
  MlBuilder b = ml_builder_before(op);
  MlirValue m = ml_build_alloc(&b, memref_of(mlirValueGetType(value)));
  if (f->num_allocs < (int)(sizeof f->allocs / sizeof f->allocs[0]))
    f->allocs[f->num_allocs++] = m;
  return m;
}

/* Lowers one mlt op; on success the op is gone and its users read its
 * destination(s). */
static MlirLogicalResult lower_op(Func *f, MlirOperation op, MlirOperation module,
                                  int *counter, const MlLoweringHook *hook) {
  intptr_t nres = mlirOperationGetNumResults(op);
  MlirValue dests[MAX_VALUES];
  if (nres > MAX_VALUES)
    return ml_refuse(op, "more than 64 results");
  if (ml_op_is(op, "constant")) {
    dests[0] = ml_lower_constant(op, module, counter);
  } else if (hook && hook->takes(op, hook->user)) {
    for (intptr_t i = 0; i < nres; i++)
      dests[i] = destination(f, op, mlirOperationGetResult(op, i));
    MlirLogicalResult r = hook->lower(op, dests[0], hook->user);
    if (mlirLogicalResultIsFailure(r))
      return r;
  } else {
    MlirLogicalResult (*lower)(MlirOperation, MlirValue) = NULL;
    if (ml_is_elementwise(op))
      lower = ml_lower_elementwise;
    if (ml_op_is(op, "matmul") || ml_op_is(op, "batch_matmul"))
      lower = ml_lower_contraction;
    if (ml_op_is(op, "conv2d"))
      lower = ml_lower_conv2d;
    if (ml_op_is(op, "transpose") || ml_op_is(op, "reshape") || ml_op_is(op, "concat") ||
        ml_op_is(op, "slice") || ml_op_is(op, "gather"))
      lower = ml_lower_data_movement;
    if (ml_op_is(op, "reduce") || ml_op_is(op, "softmax") || ml_op_is(op, "pool2d") ||
        ml_op_is(op, "argmax") || ml_op_is(op, "argmin"))
      lower = ml_lower_reduction;
    if (!lower && !ml_op_is(op, "fused"))
      return ml_refuse(op, "no loop lowering for this op");
    for (intptr_t i = 0; i < nres; i++)
      dests[i] = destination(f, op, mlirOperationGetResult(op, i));
    MlirLogicalResult r = lower ? lower(op, dests[0]) : ml_lower_fused(op, dests);
    if (mlirLogicalResultIsFailure(r))
      return r;
  }
  for (intptr_t i = 0; i < nres; i++)
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(op, i), dests[i]);
  mlirOperationDestroy(op);
  return mlirLogicalResultSuccess();
}

/* Rewrites the return: copies tensor results into their out-parameters
 * (unless an op wrote there directly), frees allocations, and returns the
 * non-tensor results only. */
static void lower_return(Func *f, intptr_t num_results) {
  MlBuilder b = ml_builder_before(f->ret);
  MlirValue keep[MAX_VALUES];
  intptr_t nkeep = 0;
  for (intptr_t j = 0; j < num_results; j++) {
    MlirValue v = mlirOperationGetOperand(f->ret, j);
    int out = f->result_to_out[j];
    if (out < 0)
      keep[nkeep++] = v;
    else if (!mlirValueEqual(v, f->outs[out]))
      ml_build_memref_copy(&b, v, f->outs[out]);
  }
  for (int k = 0; k < f->num_allocs; k++)
    ml_build_dealloc(&b, f->allocs[k]);
  MlirOperationState s = ml_state(&b, "func.return");
  mlirOperationStateAddOperands(&s, nkeep, keep);
  ml_build_op(&b, &s);
  mlirOperationDestroy(f->ret);
}

/* Does anything in `func` use tensors or mlt ops? */
static MlirWalkResult find_tensor_use(MlirOperation op, void *user) {
  bool *found = user;
  if (ml_mlt_op_name(op).data) {
    *found = true;
    return MlirWalkResultInterrupt;
  }
  for (intptr_t i = 0; i < mlirOperationGetNumResults(op); i++)
    if (is_tensor(mlirValueGetType(mlirOperationGetResult(op, i)))) {
      *found = true;
      return MlirWalkResultInterrupt;
    }
  return MlirWalkResultAdvance;
}

static MlirLogicalResult lower_function(MlirOperation func, MlirOperation module,
                                        int *counter, const MlLoweringHook *hook) {
  MlirAttribute fta = ml_attr(func, "function_type");
  MlirType fn = mlirTypeAttrGetValue(fta);
  intptr_t nin = mlirFunctionTypeGetNumInputs(fn), nres = mlirFunctionTypeGetNumResults(fn);
  bool uses = false;
  for (intptr_t i = 0; i < nin; i++)
    uses |= is_tensor(mlirFunctionTypeGetInput(fn, i));
  for (intptr_t i = 0; i < nres; i++)
    uses |= is_tensor(mlirFunctionTypeGetResult(fn, i));
  mlirOperationWalk(func, find_tensor_use, &uses, MlirWalkPreOrder);
  if (!uses)
    return mlirLogicalResultSuccess();

  MlirRegion body = mlirOperationGetRegion(func, 0);
  MlirBlock entry = mlirRegionGetFirstBlock(body);
  if (!mlirBlockIsNull(mlirBlockGetNextInRegion(entry)) || nin + nres > MAX_VALUES)
    return ml_refuse(func, "functions with several blocks or more than 64 "
                           "arguments and results are not handled");
  Func *f = calloc(1, sizeof *f);
  if (!f)
    abort();
  f->op = func;
  f->ret = mlirBlockGetTerminator(entry);
  MlirLogicalResult result = mlirLogicalResultSuccess();

  /* Signature: tensor arguments become memrefs, tensor results trailing
   * out-parameters; other types stay. */
  MlirType ins[2 * MAX_VALUES], outs_res[MAX_VALUES];
  intptr_t n_ins = 0, n_res = 0, n_out = 0;
  for (intptr_t i = 0; i < nin; i++) {
    MlirType t = mlirFunctionTypeGetInput(fn, i);
    if (is_tensor(t)) {
      t = memref_of(t);
      mlirValueSetType(mlirBlockGetArgument(entry, i), t);
    }
    ins[n_ins++] = t;
  }
  for (intptr_t j = 0; j < nres; j++) {
    MlirType t = mlirFunctionTypeGetResult(fn, j);
    f->result_to_out[j] = -1;
    if (!is_tensor(t)) {
      outs_res[n_res++] = t;
      continue;
    }
    MlirType m = memref_of(t);
    f->result_to_out[j] = (int)n_out;
    f->outs[n_out++] = mlirBlockAddArgument(entry, m, mlirOperationGetLocation(func));
    ins[n_ins++] = m;
  }

  /* The body, op by op, in order. */
  for (MlirOperation op = mlirBlockGetFirstOperation(entry);
       !mlirOperationIsNull(op) && mlirLogicalResultIsSuccess(result);) {
    MlirOperation next = mlirOperationGetNextInBlock(op);
    if (ml_mlt_op_name(op).data) {
      result = lower_op(f, op, module, counter, hook);
    } else if (!mlirOperationEqual(op, f->ret)) {
      bool tensors = false;
      find_tensor_use(op, &tensors);
      for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++)
        tensors |= is_tensor(mlirValueGetType(mlirOperationGetOperand(op, i)));
      if (tensors || mlirOperationGetNumRegions(op) > 0) {
        bool inner = false;
        mlirOperationWalk(op, find_tensor_use, &inner, MlirWalkPreOrder);
        if (tensors || inner)
          result = ml_refuse(op, "only mlt ops may work on tensors in a "
                                 "function lowered to loops");
      }
    }
    op = next;
  }
  if (mlirLogicalResultIsSuccess(result)) {
    lower_return(f, nres);
    MlirType nft = mlirFunctionTypeGet(mlirOperationGetContext(func), n_ins, ins,
                                       n_res, outs_res);
    mlirOperationSetInherentAttributeByName(
        func, mlirStringRefCreateFromCString("function_type"), mlirTypeAttrGet(nft));
  }
  free(f);
  return result;
}

MlirLogicalResult ml_lower_module_to_loops(MlirOperation module,
                                           const MlLoweringHook *hook) {
  int counter = 0;
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op)) {
    if (!ml_op_named(op, "func.func") ||
        mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0))))
      continue;
    if (mlirLogicalResultIsFailure(lower_function(op, module, &counter, hook)))
      return mlirLogicalResultFailure();
  }
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  (void)options;
  return ml_lower_module_to_loops(module, NULL);
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__loop__, mlirGetDialectHandle__memref__,
    mlirGetDialectHandle__arith__, mlirGetDialectHandle__math__, NULL};

static const MlPassSpec spec = {
    "LowerMltToLoops", "lower-to-loops",
    "Lower mlt tensor ops to loop nests on memrefs (destination passing)",
    "builtin.module", deps, run, 0};

MlirPass mloptCreateLowerToLoopsPass(void) { return ml_pass_create(&spec, NULL); }

MlirLogicalResult ml_add_lower_to_loops(MlirOpPassManager pm, MlirStringRef value,
                                        MlBuf *err) {
  (void)value;
  (void)err;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateLowerToLoopsPass());
  return mlirLogicalResultSuccess();
}
