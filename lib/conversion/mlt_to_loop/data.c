/* data: mlt ops that move elements without arithmetic — transpose,
 * reshape, concat, slice and gather as copy nests over the result, and
 * constant as a memref.global (read-only, never freed). Gather's indices
 * are data: each is wrapped (negative from the end) and clamped into the
 * axis before the load, so no index reads out of bounds. */
#include <stdio.h>
#include <string.h>

#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

/* result[ivs] = input[ivs permuted back]: result dim d is input dim perm[d]. */
static void transpose(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue input = mlirOperationGetOperand(op, 0);
  MlirAttribute perm = ml_attr(op, "perm");
  int64_t shape[8];
  intptr_t rank = ml_shape_of(dest, shape);
  MlNest nest = ml_build_parallel_nest(&b, rank, shape);
  MlirValue idx[8];
  for (intptr_t d = 0; d < rank; d++)
    idx[mlirDenseI64ArrayGetElement(perm, d)] = nest.ivs[d];
  MlirValue v = ml_build_load(&nest.inner, input, rank, idx);
  ml_build_store(&nest.inner, v, dest, rank, nest.ivs);
}

/* Row-major copy: the linear position of the result index gives the input
 * index by division and remainder. */
static void reshape(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue input = mlirOperationGetOperand(op, 0);
  int64_t out[8], in[8];
  intptr_t rank = ml_shape_of(dest, out), irank = ml_shape_of(input, in);
  MlNest nest = ml_build_parallel_nest(&b, rank, out);
  const MlBuilder *ib = &nest.inner;
  MlirValue linear = ml_build_index_constant(ib, 0);
  for (intptr_t d = 0; d < rank; d++) {
    MlirValue scaled = ml_build_binary(ib, "arith.muli", linear,
                                       ml_build_index_constant(ib, out[d]));
    linear = ml_build_binary(ib, "arith.addi", scaled, nest.ivs[d]);
  }
  MlirValue idx[8];
  for (intptr_t d = irank - 1; d >= 0; d--) {
    MlirValue size = ml_build_index_constant(ib, in[d]);
    idx[d] = ml_build_binary(ib, "arith.remui", linear, size);
    linear = ml_build_binary(ib, "arith.divui", linear, size);
  }
  MlirValue v = ml_build_load(ib, input, irank, idx);
  ml_build_store(ib, v, dest, rank, nest.ivs);
}

/* Each input copied into its slice of the result along the axis. */
static void concat(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  int64_t out[8];
  intptr_t rank = ml_shape_of(dest, out);
  int64_t axis = ml_attr_int(op, "axis");
  axis = axis < 0 ? axis + rank : axis;
  int64_t offset = 0;
  for (intptr_t k = 0; k < mlirOperationGetNumOperands(op); k++) {
    MlirValue in = mlirOperationGetOperand(op, k);
    int64_t shape[8];
    ml_shape_of(in, shape);
    MlNest nest = ml_build_parallel_nest(&b, rank, shape);
    MlirValue v = ml_build_load(&nest.inner, in, rank, nest.ivs);
    MlirValue idx[8];
    for (intptr_t d = 0; d < rank; d++)
      idx[d] = nest.ivs[d];
    idx[axis] = ml_build_binary(&nest.inner, "arith.addi", nest.ivs[axis],
                                ml_build_index_constant(&nest.inner, offset));
    ml_build_store(&nest.inner, v, dest, rank, idx);
    offset += shape[axis];
  }
}

/* result[j] = input[offsets + j * strides], dim by dim; a unit stride
 * keeps the index `iv + offset` (vectorizable along the last dim). */
static void slice(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue input = mlirOperationGetOperand(op, 0);
  int64_t shape[8], offsets[8], strides[8];
  intptr_t rank = ml_shape_of(dest, shape);
  ml_attr_i64s(op, "offsets", offsets, 8);
  ml_attr_i64s(op, "strides", strides, 8);
  MlNest nest = ml_build_parallel_nest(&b, rank, shape);
  const MlBuilder *ib = &nest.inner;
  MlirValue idx[8];
  for (intptr_t d = 0; d < rank; d++) {
    idx[d] = nest.ivs[d];
    if (strides[d] != 1)
      idx[d] = ml_build_binary(ib, "arith.muli", idx[d],
                               ml_build_index_constant(ib, strides[d]));
    if (offsets[d] != 0)
      idx[d] = ml_build_binary(ib, "arith.addi", idx[d],
                               ml_build_index_constant(ib, offsets[d]));
  }
  MlirValue v = ml_build_load(ib, input, rank, idx);
  ml_build_store(ib, v, dest, rank, nest.ivs);
}

/* An i32/i64 index made a position in [0, size): + size when negative,
 * then clamped (sign-extending index_cast; all in index arithmetic). */
static MlirValue gather_position(const MlBuilder *b, MlirValue k, int64_t size) {
  MlirValue pos = ml_build_value_op(b, "arith.index_cast", 1, &k, mlirIndexTypeGet(b->ctx));
  MlirValue zero = ml_build_index_constant(b, 0);
  MlirValue wrapped = ml_build_binary(b, "arith.addi", pos, ml_build_index_constant(b, size));
  pos = ml_build_select(b, ml_build_cmpi(b, 2 /* slt */, pos, zero), wrapped, pos);
  pos = ml_build_binary(b, "arith.maxsi", pos, zero);
  return ml_build_binary(b, "arith.minsi", pos, ml_build_index_constant(b, size - 1));
}

/* result[p, q, s] = input[p, position(indices[q]), s]: result dims
 * [axis, axis + rank(indices)) walk the indices. */
static void gather(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue input = mlirOperationGetOperand(op, 0);
  MlirValue indices = mlirOperationGetOperand(op, 1);
  int64_t out[8], in[8], ishape[8];
  intptr_t orank = ml_shape_of(dest, out), rank = ml_shape_of(input, in);
  intptr_t irank = ml_shape_of(indices, ishape);
  int64_t axis = ml_attr_int(op, "axis");
  MlNest nest = ml_build_parallel_nest(&b, orank, out);
  const MlBuilder *ib = &nest.inner;
  MlirValue k = ml_build_load(ib, indices, irank, nest.ivs + axis);
  MlirValue idx[8];
  for (intptr_t d = 0; d < rank; d++) /* axis: below (no ivs[-1] for 0-d indices) */
    if (d != axis)
      idx[d] = d < axis ? nest.ivs[d] : nest.ivs[d + irank - 1];
  idx[axis] = gather_position(ib, k, in[axis]);
  MlirValue v = ml_build_load(ib, input, rank, idx);
  ml_build_store(ib, v, dest, orank, nest.ivs);
}

MlirLogicalResult ml_lower_data_movement(MlirOperation op, MlirValue dest) {
  if (ml_op_is(op, "transpose"))
    transpose(op, dest);
  else if (ml_op_is(op, "concat"))
    concat(op, dest);
  else if (ml_op_is(op, "slice"))
    slice(op, dest);
  else if (ml_op_is(op, "gather"))
    gather(op, dest);
  else
    reshape(op, dest);
  return mlirLogicalResultSuccess();
}

MlirValue ml_lower_constant(MlirOperation op, MlirOperation module,
                            int *counter) {
  MlirContext ctx = mlirOperationGetContext(op);
  MlirValue result = mlirOperationGetResult(op, 0);
  MlirType tensor = mlirValueGetType(result);
  int64_t shape[8];
  intptr_t rank = ml_shape_of(result, shape);
  MlirType memref = mlirMemRefTypeContiguousGet(
      mlirShapedTypeGetElementType(tensor), rank, shape, mlirAttributeGetNull());
  char name[64];
  snprintf(name, sizeof name, "__mlt_constant_%d", (*counter)++);

  /* The global goes first in the module body. */
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  MlirOperation first = mlirBlockGetFirstOperation(body);
  MlBuilder mb = mlirOperationIsNull(first)
                     ? ml_builder_at_end(body, mlirOperationGetLocation(op))
                     : ml_builder_before(first);
  mb.loc = mlirOperationGetLocation(op);
  MlirOperationState g = ml_state(&mb, "memref.global");
  MlirAttribute value = ml_attr(op, "value");
#define NAMED(n, a) \
  mlirNamedAttributeGet(mlirIdentifierGet(ctx, mlirStringRefCreateFromCString(n)), a)
  MlirNamedAttribute attrs[] = {
      NAMED("sym_name", mlirStringAttrGet(ctx, mlirStringRefCreateFromCString(name))),
      NAMED("sym_visibility", mlirStringAttrGet(ctx, mlirStringRefCreateFromCString("private"))),
      NAMED("type", mlirTypeAttrGet(memref)),
      NAMED("initial_value", value),
      NAMED("constant", mlirUnitAttrGet(ctx)),
  };
  mlirOperationStateAddAttributes(&g, 5, attrs);
  ml_build_op(&mb, &g);

  MlBuilder b = ml_builder_before(op);
  MlirOperationState s = ml_state(&b, "memref.get_global");
  MlirNamedAttribute sym = NAMED(
      "name", mlirFlatSymbolRefAttrGet(ctx, mlirStringRefCreateFromCString(name)));
#undef NAMED
  mlirOperationStateAddAttributes(&s, 1, &sym);
  mlirOperationStateAddResults(&s, 1, &memref);
  return mlirOperationGetResult(ml_build_op(&b, &s), 0);
}
