/* fused: an mlt.fused group as ONE loop nest over its result shape. Each
 * inner value is computed per element, in registers, on demand from the
 * group's inputs (loaded with broadcasting): elementwise ops, splat
 * constants, and matmul / batch_matmul on group inputs (their K loop runs
 * at the current position, so an elementwise epilogue never touches
 * memory). A reduction group (one result, an mlt.reduce) is the reduce's
 * nest with its input element computed the same way inside the reduction
 * loops. No intermediate is allocated. Groups needing more (softmax, an
 * inner value of another shape) are refused at the offending op. */
#include <stdlib.h>
#include <string.h>

#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

enum { MAX_MEMO = 512 };

typedef struct Group {
  MlirOperation fused;
  MlirBlock body;
  MlNest nest;
  int64_t shape[8];
  MlirValue keys[MAX_MEMO], vals[MAX_MEMO];
  int n;
  bool failed;
} Group;

static bool same_shape(MlirValue v, const Group *g) {
  int64_t s[8];
  intptr_t r = ml_shape_of(v, s);
  return r == g->nest.rank && memcmp(s, g->shape, (size_t)r * sizeof s[0]) == 0;
}

/* A splat constant's scalar, or null. */
static MlirValue splat(const MlBuilder *b, MlirOperation op) {
  MlirAttribute a = ml_attr(op, "value");
  if (!mlirAttributeIsADenseElements(a) || !mlirDenseElementsAttrIsSplat(a))
    return (MlirValue){NULL};
  MlirType t = mlirShapedTypeGetElementType(mlirAttributeGetType(a));
  double v;
  if (mlirTypeIsAF32(t))
    v = mlirDenseElementsAttrGetFloatSplatValue(a);
  else if (mlirTypeIsAF64(t))
    v = mlirDenseElementsAttrGetDoubleSplatValue(a);
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 64)
    v = (double)mlirDenseElementsAttrGetInt64SplatValue(a);
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 32)
    v = (double)mlirDenseElementsAttrGetInt32SplatValue(a);
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 8)
    v = (double)mlirDenseElementsAttrGetInt8SplatValue(a);
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 1)
    v = mlirDenseElementsAttrGetBoolSplatValue(a) ? 1 : 0;
  else
    return (MlirValue){NULL}; /* f16/bf16 splats: not yet */
  return ml_build_scalar_constant(b, t, v);
}

static MlirValue refuse(Group *g, MlirOperation op, const char *why) {
  ml_refuse(op, why);
  g->failed = true;
  return (MlirValue){NULL};
}

/* The element of `v` at the nest's position. */
static MlirValue eval(Group *g, MlirValue v) {
  for (int i = 0; i < g->n; i++)
    if (mlirValueEqual(g->keys[i], v))
      return g->vals[i];
  const MlBuilder *b = &g->nest.inner;
  MlirValue r = {NULL};
  if (mlirValueIsABlockArgument(v)) {
    MlirValue input = mlirOperationGetOperand(g->fused, mlirBlockArgumentGetArgNumber(v));
    MlirValue idx[8];
    intptr_t n = ml_broadcast_indices(&g->nest, input, idx);
    r = ml_build_load(b, input, n, idx);
  } else {
    MlirOperation op = mlirOpResultGetOwner(v);
    /* a splat constant is one scalar whatever its (broadcast) shape */
    if (!ml_op_is(op, "constant") && !same_shape(v, g))
      return refuse(g, op, "inside mlt.fused every value must have the group's "
                           "result shape");
    if (ml_is_elementwise(op)) {
      MlirValue args[3];
      for (intptr_t i = 0; i < mlirOperationGetNumOperands(op) && !g->failed; i++) {
        MlirValue a = mlirOperationGetOperand(op, i);
        if (!mlirValueIsABlockArgument(a) && !same_shape(a, g) &&
            !ml_op_is(mlirOpResultGetOwner(a), "constant"))
          return refuse(g, op, "inside mlt.fused only group inputs broadcast");
        args[i] = eval(g, a);
      }
      if (g->failed)
        return r;
      r = ml_elementwise_scalar(b, op, args, ml_element_type(v));
    } else if (ml_op_is(op, "matmul") || ml_op_is(op, "batch_matmul")) {
      MlirValue lhs = mlirOperationGetOperand(op, 0), rhs = mlirOperationGetOperand(op, 1);
      if (!mlirValueIsABlockArgument(lhs) || !mlirValueIsABlockArgument(rhs))
        return refuse(g, op, "a contraction in mlt.fused must read group inputs");
      r = ml_contraction_scalar(
          b, op, mlirOperationGetOperand(g->fused, mlirBlockArgumentGetArgNumber(lhs)),
          mlirOperationGetOperand(g->fused, mlirBlockArgumentGetArgNumber(rhs)),
          g->nest.ivs, ml_element_type(v));
    } else if (ml_op_is(op, "constant")) {
      r = splat(b, op);
      if (mlirValueIsNull(r))
        return refuse(g, op, "only splat constants can live inside mlt.fused");
    } else {
      return refuse(g, op, "mlt.fused groups with this op are not lowered yet");
    }
  }
  if (g->n < MAX_MEMO) {
    g->keys[g->n] = v;
    g->vals[g->n++] = r;
  }
  return r;
}

/* The reduce's input element at `idx`: the group evaluated there. */
static MlirValue group_element(const MlBuilder *b, const MlirValue *idx, intptr_t rank,
                               void *user) {
  Group *g = user;
  g->nest.inner = *b;
  g->nest.rank = rank;
  memcpy(g->nest.ivs, idx, (size_t)rank * sizeof *idx);
  g->n = 0; /* values memoized at another position are not valid here */
  MlirOperation reduce = mlirOpResultGetOwner(
      mlirOperationGetOperand(mlirBlockGetTerminator(g->body), 0));
  MlirValue x = eval(g, mlirOperationGetOperand(reduce, 0));
  if (g->failed) /* keep the nest well-formed; the pass fails anyway */
    x = ml_build_scalar_constant(b, ml_element_type(mlirOperationGetOperand(reduce, 0)), 0);
  return x;
}

/* A group yielding one mlt.reduce result: the reduce's nest (reduction.c)
 * around the group's elementwise ops. */
static MlirLogicalResult lower_reduction_group(Group *g, MlirOperation reduce,
                                               MlirValue dest) {
  ml_shape_of(mlirOperationGetOperand(reduce, 0), g->shape);
  ml_lower_reduce_of(reduce, g->fused, dest, group_element, g);
  return g->failed ? mlirLogicalResultFailure() : mlirLogicalResultSuccess();
}

MlirLogicalResult ml_lower_fused(MlirOperation op, const MlirValue *dests) {
  Group *g = calloc(1, sizeof *g);
  if (!g)
    abort();
  g->fused = op;
  g->body = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
  MlirOperation yield = mlirBlockGetTerminator(g->body);
  intptr_t nres = mlirOperationGetNumResults(op);
  intptr_t rank = ml_shape_of(dests[0], g->shape);
  MlirLogicalResult result = mlirLogicalResultSuccess();
  MlirValue last = mlirOperationGetOperand(yield, 0);
  if (nres == 1 && mlirValueIsAOpResult(last) && ml_op_is(mlirOpResultGetOwner(last), "reduce")) {
    result = lower_reduction_group(g, mlirOpResultGetOwner(last), dests[0]);
    goto out;
  }
  for (intptr_t j = 1; j < nres; j++) {
    int64_t s[8];
    if (ml_shape_of(dests[j], s) != rank || memcmp(s, g->shape, (size_t)rank * sizeof s[0])) {
      result = ml_refuse(op, "the results of an mlt.fused group must share one shape");
      goto out;
    }
  }
  MlBuilder b = ml_builder_before(op);
  g->nest = ml_build_parallel_nest(&b, rank, g->shape);
  for (intptr_t j = 0; j < nres && !g->failed; j++) {
    MlirValue v = eval(g, mlirOperationGetOperand(yield, j));
    if (!g->failed)
      ml_build_store(&g->nest.inner, v, dests[j], rank, g->nest.ivs);
  }
  if (g->failed)
    result = mlirLogicalResultFailure();
out:
  free(g);
  return result;
}
