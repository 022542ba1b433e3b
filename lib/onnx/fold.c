/* fold: import-time constant folding. The mlt ops a node built whose
 * operands are all constants (shape arithmetic such as Shape -> Gather ->
 * Concat -> Reshape, or arithmetic on initializers) are evaluated through
 * the plain-C reference that backs `ml-run --check` and replaced by
 * mlt.constant; node outputs that end up constant become known values, so
 * ops that need operands at import time (Reshape's shape) can read them. */
#include "compiler/evaluate.h"
#include "compiler/evaluate_ops.h"
#include "ir/attrs.h"
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"

#include <stdlib.h>
#include <string.h>

/* Larger results stay computed at run time (import time and module size). */
enum { FOLD_MAX_ELEMENTS = 1 << 16 };

/* Whether `op` is an mlt.constant. */
static bool is_constant(MlirOperation op) {
  return !mlirOperationIsNull(op) && ml_op_named(op, "mlt.constant");
}

static MlirOperation producer(MlirValue v) {
  MlirOperation none = {NULL};
  return mlirValueIsAOpResult(v) ? mlirOpResultGetOwner(v) : none;
}

/* A zeroed reference tensor of ranked tensor type `type`; false when the
 * type is not one the reference holds or is too large to fold. */
static bool alloc_ref(MlirType type, MlRefTensor *t) {
  memset(t, 0, sizeof *t);
  if (!mlirTypeIsARankedTensor(type) ||
      mlirShapedTypeGetRank(type) > ML_REF_MAX_RANK ||
      !ml_eval_dtype(mlirShapedTypeGetElementType(type), &t->dtype))
    return false;
  t->rank = (int)mlirShapedTypeGetRank(type);
  for (int d = 0; d < t->rank; d++)
    t->shape[d] = mlirShapedTypeGetDimSize(type, d);
  int64_t n = ml_ref_numel(t);
  if (n < 0 || n > FOLD_MAX_ELEMENTS)
    return false;
  t->data = calloc(n ? (size_t)n : 1, (size_t)ml_ref_dtype_size(t->dtype));
  if (!t->data)
    abort();
  return true;
}

/* Swallows diagnostics: a fold that fails just leaves the op as it is. */
static MlirLogicalResult quiet(MlirDiagnostic d, void *user) {
  (void)d;
  (void)user;
  return mlirLogicalResultSuccess();
}

/* Points the current node's outputs bound to `from` at `to` (the table
 * holds values, not uses, so replacing uses does not reach it). */
static void rebind_outputs(MlImporter *im, MlirValue from, MlirValue to) {
  const Onnx__NodeProto *n = im->node;
  for (size_t k = 0; k < n->n_output; k++) {
    MlOnnxValue *e = n->output[k][0]
                         ? ml_onnx_values_get(&im->values, n->output[k], false)
                         : NULL;
    if (e && mlirValueEqual(e->value, from))
      e->value = to;
  }
}

/* Evaluates mlt op `op` (one result) on constant operands; replaces it by
 * an mlt.constant and returns that op, or returns null when it cannot. */
static MlirOperation fold_op(MlImporter *im, MlirOperation op) {
  MlirOperation none = {NULL};
  char buf[64];
  const char *name = ml_op_name(op, buf, sizeof buf);
  intptr_t n = mlirOperationGetNumOperands(op);
  if (strncmp(name, "mlt.", 4) != 0 || is_constant(op) ||
      mlirOperationGetNumResults(op) != 1 || mlirOperationGetNumRegions(op) ||
      n > 16)
    return none;
  MlRefTensor in[16], out;
  memset(in, 0, sizeof in);
  intptr_t have = 0;
  bool ok = true;
  MlEvalHow how;
  for (; have < n && ok; have++) {
    MlirOperation p = producer(mlirOperationGetOperand(op, have));
    ok = is_constant(p) &&
         alloc_ref(mlirValueGetType(mlirOperationGetOperand(op, have)),
                   &in[have]) &&
         ml_eval_mlt_op(p, "constant", NULL, 0, &in[have], &how) == ML_REF_OK;
  }
  MlirValue result = mlirOperationGetResult(op, 0);
  MlirType type = mlirValueGetType(result);
  memset(&out, 0, sizeof out);
  if (ok && (ok = alloc_ref(type, &out))) {
    ok = ml_eval_mlt_op(op, name + 4, in, n, &out, &how) == ML_REF_OK;
  }
  MlirOperation folded = none;
  MlirAttribute value = {NULL};
  if (ok) {
    value = ml_eval_dense_attr(type, &out);
    ok = !mlirAttributeIsNull(value);
  }
  if (ok) {
    MlBuilder b = ml_builder_before(op);
    MlirValue c = ml_build_mlt_constant(&b, value);
    mlirValueReplaceAllUsesOfWith(result, c);
    rebind_outputs(im, result, c);
    mlirOperationDestroy(op);
    folded = producer(c);
  }
  for (intptr_t i = 0; i < have; i++)
    free(in[i].data);
  free(out.data);
  return folded;
}

void ml_onnx_fold(MlImporter *im) {
  MlirOperation op = mlirOperationIsNull(im->last)
                         ? mlirBlockGetFirstOperation(im->b.block)
                         : mlirOperationGetNextInBlock(im->last);
  MlirDiagnosticHandlerID h =
      mlirContextAttachDiagnosticHandler(im->ctx, quiet, NULL, NULL);
  while (!mlirOperationIsNull(op)) {
    MlirOperation folded = fold_op(im, op);
    if (!mlirOperationIsNull(folded))
      op = folded;
    im->last = op;
    op = mlirOperationGetNextInBlock(op);
  }
  mlirContextDetachDiagnosticHandler(im->ctx, h);
}

/* The ONNX data type of an mlt element type (0 when none). */
static int32_t onnx_dtype(MlirType t) {
  if (mlirTypeIsAF32(t))
    return 1;
  if (mlirTypeIsAF64(t))
    return 11;
  if (mlirTypeIsAF16(t))
    return 10;
  if (mlirTypeIsABF16(t))
    return 16;
  if (mlirTypeIsAInteger(t))
    switch (mlirIntegerTypeGetWidth(t)) {
    case 1:
      return 9;
    case 8:
      return 3;
    case 32:
      return 6;
    case 64:
      return 7;
    }
  return 0;
}

MlOnnxTensor *ml_onnx_known_value(MlirValue v) {
  MlirOperation p = producer(v);
  MlRefTensor t;
  MlEvalHow how;
  MlirType type = mlirValueGetType(v);
  if (!is_constant(p) || !alloc_ref(type, &t))
    return NULL;
  if (ml_eval_mlt_op(p, "constant", NULL, 0, &t, &how) != ML_REF_OK ||
      !onnx_dtype(mlirShapedTypeGetElementType(type))) {
    free(t.data);
    return NULL;
  }
  MlOnnxTensor *k = calloc(1, sizeof *k);
  if (!k)
    abort();
  k->dtype = onnx_dtype(mlirShapedTypeGetElementType(type));
  k->rank = t.rank;
  memcpy(k->dims, t.shape, sizeof k->dims);
  k->count = ml_ref_numel(&t);
  k->elt_size = (size_t)ml_ref_dtype_size(t.dtype);
  k->data = t.data;
  return k;
}
