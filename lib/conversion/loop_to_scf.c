/* loop_to_scf: --convert-loop-to-scf, the first step of the upstream tail.
 *
 * Each loop.for becomes an scf.for with the same body: static bounds turn
 * into arith.constant index values, iter_args carry over, loop.yield becomes
 * scf.yield. Schedule attributes have done their job by now and are
 * dropped. mlt and accel ops cannot go further down this path, so the pass
 * refuses them with a located error instead of leaving them behind. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "ir/builder.h"
#include "ir/attrs.h"
#include "ir/oplist.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/SCF.h"
#include "mlopt-c/Passes.h"

/* Collected ops, in walk order. */
typedef struct OpList {
  MlOpList loops;        /* loop.for ops */
  MlirOperation refused; /* first mlt/accel op seen, if any */
} OpList;

static bool has_prefix(MlirOperation op, const char *prefix) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  size_t n = strlen(prefix);
  return name.length > n && memcmp(name.data, prefix, n) == 0;
}

static MlirWalkResult collect(MlirOperation op, void *user) {
  OpList *list = user;
  if (mlirOperationIsNull(list->refused) &&
      (has_prefix(op, "mlt.") || has_prefix(op, "accel.")))
    list->refused = op;
  if (!ml_op_named(op, "loop.for"))
    return MlirWalkResultAdvance;
  ml_oplist_push(&list->loops, op);
  return MlirWalkResultAdvance;
}

/* The bound `name` of a loop.for: its SSA operand when the operand segment
 * `segment` is present, else an index constant of its static value. */
static MlirValue bound(const MlBuilder *b, MlirOperation loop, int segment,
                       const char *static_name, intptr_t *next_operand) {
  MlirAttribute sizes = ml_attr(loop, "operandSegmentSizes");
  if (mlirDenseI32ArrayGetElement(sizes, segment) == 1)
    return mlirOperationGetOperand(loop, (*next_operand)++);
  MlirAttribute value = ml_attr(loop, static_name);
  return ml_build_index_constant(b, mlirIntegerAttrGetValueInt(value));
}

/* Replaces one loop.for by an scf.for that takes over its body. */
static void convert(MlirOperation loop) {
  MlBuilder b = ml_builder_before(loop);
  intptr_t next = 0;
  MlirValue lb = bound(&b, loop, 0, "static_lower_bound", &next);
  MlirValue ub = bound(&b, loop, 1, "static_upper_bound", &next);
  MlirValue step = bound(&b, loop, 2, "static_step", &next);

  intptr_t num_inits = mlirOperationGetNumOperands(loop) - next;
  intptr_t num_results = mlirOperationGetNumResults(loop);
  MlirValue *operands = malloc((size_t)(3 + num_inits) * sizeof *operands);
  MlirType *types = malloc((size_t)(num_results ? num_results : 1) * sizeof *types);
  if (!operands || !types)
    abort();
  operands[0] = lb;
  operands[1] = ub;
  operands[2] = step;
  for (intptr_t i = 0; i < num_inits; i++)
    operands[3 + i] = mlirOperationGetOperand(loop, next + i);
  for (intptr_t i = 0; i < num_results; i++)
    types[i] = mlirValueGetType(mlirOperationGetResult(loop, i));

  MlirRegion body = mlirRegionCreate();
  mlirRegionTakeBody(body, mlirOperationGetRegion(loop, 0));
  MlirOperationState s = ml_state(&b, "scf.for");
  mlirOperationStateAddOperands(&s, 3 + num_inits, operands);
  mlirOperationStateAddResults(&s, num_results, types);
  mlirOperationStateAddOwnedRegions(&s, 1, &body); /* takes ownership */
  MlirOperation scf_for = ml_build_op(&b, &s);

  MlirBlock block = mlirRegionGetFirstBlock(mlirOperationGetRegion(scf_for, 0));
  MlirOperation yield = mlirBlockGetTerminator(block);
  intptr_t num_yielded = mlirOperationGetNumOperands(yield);
  MlirValue *yielded = malloc((size_t)(num_yielded ? num_yielded : 1) * sizeof *yielded);
  if (!yielded)
    abort();
  for (intptr_t i = 0; i < num_yielded; i++)
    yielded[i] = mlirOperationGetOperand(yield, i);
  MlBuilder at_yield = ml_builder_before(yield);
  ml_build_scf_yield(&at_yield, num_yielded, yielded);
  mlirOperationDestroy(yield); /* also unlinks it from the block */

  for (intptr_t i = 0; i < num_results; i++)
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(loop, i),
                                  mlirOperationGetResult(scf_for, i));
  mlirOperationDestroy(loop);
  free(operands);
  free(types);
  free(yielded);
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  (void)options;
  OpList list = {{0}, {NULL}};
  mlirOperationWalk(module, collect, &list, MlirWalkPreOrder);
  MlirLogicalResult result = mlirLogicalResultSuccess();
  if (!mlirOperationIsNull(list.refused)) {
    bool is_mlt = has_prefix(list.refused, "mlt.");
    MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(list.refused));
    char msg[256];
    snprintf(msg, sizeof msg,
             "'%.*s' cannot be lowered by --convert-loop-to-scf: %s",
             (int)name.length, name.data,
             is_mlt ? "mlt ops must first be lowered to loops (--lower-to-loops)"
                    : "accel ops need the accelerator path (--lower-accel-to-llvm)");
    mlirEmitError(mlirOperationGetLocation(list.refused), msg);
    result = mlirLogicalResultFailure();
  } else {
    /* Outer loops first: converting one moves its body, inner loops and
     * all, and keeps every collected handle valid. */
    for (size_t i = 0; i < list.loops.n; i++)
      convert(list.loops.ops[i]);
  }
  ml_oplist_free(&list.loops);
  return result;
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__scf__, mlirGetDialectHandle__arith__, NULL};

static const MlPassSpec spec = {
    "ConvertLoopToScf", "convert-loop-to-scf",
    "Lower loop.for to scf.for", "builtin.module", deps, run, 0};

MlirPass mloptCreateConvertLoopToScfPass(void) {
  return ml_pass_create(&spec, NULL);
}
