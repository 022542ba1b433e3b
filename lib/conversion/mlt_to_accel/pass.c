/* pass: --lower-to-accel, mlt → accel + loop nests on memrefs.
 *
 * It is --lower-to-loops (same bufferization, same host loop nests) with
 * the contractions taken over by the accelerator of the module's
 * #accel.target (or the one given as the option, which is attached to the
 * module). A contraction inside an mlt.fused group is moved out of the
 * group first: it runs on the accelerator, and the group's elementwise
 * epilogue (bias, activation, requantization) runs on the host as one loop
 * nest over the product. Ops the accelerator cannot run (softmax, pooling,
 * elementwise) stay on the host path. A contraction the target cannot hold
 * gets a located error naming the limit. */
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "conversion/mlt_to_accel/accel_lowering.h"
#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "ir/diagnostics.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/Math.h"
#include "mlir-c/Dialect/MemRef.h"
#include "mlir-c/Dialect/SCF.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Passes.h"

static bool is_contraction(MlirOperation op) {
  return ml_op_is(op, "matmul") || ml_op_is(op, "batch_matmul") ||
         ml_op_is(op, "conv2d");
}

/* The contraction in fused group `g`'s body whose operands are all group
 * inputs (what --fuse builds), or null. */
static MlirOperation contraction_in(MlirOperation g) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(g, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op)) {
    if (!is_contraction(op))
      continue;
    for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++)
      if (!mlirValueIsABlockArgument(mlirOperationGetOperand(op, i))) {
        ml_remark(op, "stays on the host: its operands are computed inside its "
                      "fused group");
        return (MlirOperation){NULL};
      }
    return op;
  }
  return (MlirOperation){NULL};
}

/* Moves contraction `x` out of group `g`: a copy before the group reads
 * the group's inputs, its product becomes a new input, and inputs nothing
 * reads any more are dropped. A group left yielding only its inputs is
 * replaced by them. */
static void hoist(MlirOperation g, MlirOperation x) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(g, 0));
  MlirOperation copy = mlirOperationClone(x);
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(x); i++) {
    MlirValue v = mlirOperationGetOperand(x, i);
    intptr_t arg = mlirBlockArgumentGetArgNumber(v); /* groups read only their inputs */
    mlirOperationSetOperand(copy, i, mlirOperationGetOperand(g, arg));
  }
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(g), g, copy); /* takes ownership */
  MlirValue product = mlirOperationGetResult(copy, 0);
  MlirValue arg = mlirBlockAddArgument(body, mlirValueGetType(product),
                                       mlirOperationGetLocation(x));
  mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(x, 0), arg);
  mlirOperationDestroy(x);

  MlirValue inputs[64];
  intptr_t n = mlirOperationGetNumOperands(g), kept = 0;
  for (intptr_t i = 0; i < n && i < 64; i++)
    inputs[i] = mlirOperationGetOperand(g, i);
  inputs[n] = product;
  for (intptr_t i = n; i >= 0; i--) {
    MlirValue a = mlirBlockGetArgument(body, i);
    if (mlirOpOperandIsNull(mlirValueGetFirstUse(a))) {
      mlirBlockEraseArgument(body, (unsigned)i);
      memmove(&inputs[i], &inputs[i + 1], (size_t)(n - i) * sizeof inputs[0]);
      n--;
    }
  }
  kept = n + 1;
  mlirOperationSetOperands(g, kept, inputs);

  /* A group yielding only its inputs: nothing left to compute. */
  MlirOperation yield = mlirBlockGetTerminator(body);
  if (!mlirOperationEqual(mlirBlockGetFirstOperation(body), yield))
    return;
  for (intptr_t r = 0; r < mlirOperationGetNumResults(g); r++) {
    MlirValue y = mlirOperationGetOperand(yield, r);
    MlirValue outer = mlirOperationGetOperand(g, mlirBlockArgumentGetArgNumber(y));
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(g, r), outer);
  }
  mlirOperationDestroy(g);
}

/* Hoists the contractions of every fused group in `func`'s body. */
static void hoist_contractions(MlirOperation func) {
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  if (mlirBlockIsNull(entry))
    return;
  for (MlirOperation op = mlirBlockGetFirstOperation(entry); !mlirOperationIsNull(op);) {
    MlirOperation next = mlirOperationGetNextInBlock(op);
    MlirOperation x;
    if (ml_op_is(op, "fused") && mlirOperationGetNumOperands(op) < 63 &&
        !mlirOperationIsNull(x = contraction_in(op))) {
      ml_remark(x, "moved out of its fused group: it runs on the accelerator, "
                   "the rest of the group on the host");
      hoist(op, x);
    }
    op = next;
  }
}

static bool takes(MlirOperation op, void *user) {
  (void)user;
  return is_contraction(op);
}

static MlirLogicalResult lower(MlirOperation op, MlirValue dest, void *user) {
  const MlAccelOptions *options = user;
  MlAccelTarget t;
  if (!ml_accel_target_of(op, &t)) {
    ml_error(op, "--lower-to-accel needs an #accel.target: give one as "
                 "--lower-to-accel=pe=16x16,spad=256KiB,acc=64KiB,dma=64,in=i8 "
                 "or as the module's accel.target attribute");
    return mlirLogicalResultFailure();
  }
  return ml_accel_lower_contraction(op, dest, &t, options->buffers);
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  const MlAccelOptions *o = options;
  if (o->has_target)
    mlirOperationSetDiscardableAttributeByName(
        module, mlirStringRefCreateFromCString("accel.target"),
        ml_accel_target_attr(mlirOperationGetContext(module), &o->target));
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op))
    if (ml_op_named(op, "func.func"))
      hoist_contractions(op);
  MlLoweringHook hook = {takes, lower, (void *)o};
  return ml_lower_module_to_loops(module, &hook);
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__accel__, mlirGetDialectHandle__loop__,
    mlirGetDialectHandle__memref__, mlirGetDialectHandle__arith__,
    mlirGetDialectHandle__math__,  mlirGetDialectHandle__scf__, NULL};

static const MlPassSpec spec = {
    "LowerMltToAccel", "lower-to-accel",
    "Lower mlt contractions to double-buffered accel tile loops, the rest to "
    "loop nests",
    "builtin.module", deps, run, sizeof(MlAccelOptions)};

MlirPass mloptCreateLowerToAccelPass(void) {
  MlAccelOptions o;
  MlBuf err = {0};
  ml_accel_parse_options((MlirStringRef){NULL, 0}, &o, &err);
  return ml_pass_create(&spec, &o);
}

MlirLogicalResult ml_add_lower_to_accel(MlirOpPassManager pm, MlirStringRef value,
                                        MlBuf *err) {
  MlAccelOptions o;
  if (!ml_accel_parse_options(value, &o, err))
    return mlirLogicalResultFailure();
  mlirOpPassManagerAddOwnedPass(pm, ml_pass_create(&spec, &o)); /* takes ownership */
  return mlirLogicalResultSuccess();
}
