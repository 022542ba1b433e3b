/* nest: loop nests and index helpers shared by the mlt lowerings. */
#include <stdio.h>
#include <string.h>

#include "conversion/mlt_to_loop/lowering.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"

MlNest ml_build_parallel_nest(const MlBuilder *b, intptr_t rank,
                              const int64_t *shape) {
  MlNest nest;
  nest.inner = *b;
  nest.rank = rank;
  for (intptr_t d = 0; d < rank; d++) {
    MlLoop loop = ml_build_loop_for(&nest.inner, 0, shape[d], 1, false, 0, NULL);
    ml_build_loop_yield(&loop.body, 0, NULL);
    MlirOperation yield = mlirBlockGetTerminator(loop.body.block);
    nest.inner = ml_builder_before(yield);
    nest.ivs[d] = loop.iv;
  }
  return nest;
}

intptr_t ml_broadcast_indices(const MlNest *nest, MlirValue operand,
                              MlirValue *indices) {
  int64_t shape[8];
  intptr_t r = ml_shape_of(operand, shape);
  MlirValue zero = {NULL};
  for (intptr_t k = 0; k < r; k++) {
    intptr_t d = nest->rank - r + k;
    if (shape[k] == 1) {
      if (mlirValueIsNull(zero))
        zero = ml_build_index_constant(&nest->inner, 0);
      indices[k] = zero;
    } else {
      indices[k] = nest->ivs[d];
    }
  }
  return r;
}

bool ml_is_float(MlirType t) { return mlirTypeIsAFloat(t); }

MlirType ml_accumulator_type(MlirType t) {
  return mlirTypeIsAF16(t) || mlirTypeIsABF16(t) ? mlirF32TypeGet(mlirTypeGetContext(t)) : t;
}

/* Widens `x` to the accumulator type `acc` (extf, or extsi for i8). */
MlirValue ml_to_accumulator(const MlBuilder *b, MlirValue x, MlirType acc) {
  if (mlirTypeEqual(mlirValueGetType(x), acc))
    return x;
  return ml_build_value_op(b, ml_is_float(acc) ? "arith.extf" : "arith.extsi", 1, &x, acc);
}

/* Rounds an accumulated value back to the result type `t`. */
MlirValue ml_from_accumulator(const MlBuilder *b, MlirValue acc, MlirType t) {
  if (mlirTypeEqual(mlirValueGetType(acc), t))
    return acc;
  return ml_build_value_op(b, "arith.truncf", 1, &acc, t);
}

MlirLogicalResult ml_refuse(MlirOperation op, const char *why) {
  MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(op));
  char msg[512];
  snprintf(msg, sizeof msg, "'%.*s' is not supported by --lower-to-loops yet: %s",
           (int)n.length, n.data, why);
  mlirEmitError(mlirOperationGetLocation(op), msg);
  return mlirLogicalResultFailure();
}

MlirStringRef ml_mlt_op_name(MlirOperation op) {
  MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(op));
  if (n.length > 4 && memcmp(n.data, "mlt.", 4) == 0)
    return mlirStringRefCreate(n.data + 4, n.length - 4);
  return mlirStringRefCreate(NULL, 0);
}

bool ml_op_is(MlirOperation op, const char *mlt_name) {
  MlirStringRef n = ml_mlt_op_name(op);
  return n.data && n.length == strlen(mlt_name) &&
         memcmp(n.data, mlt_name, n.length) == 0;
}

MlirValue ml_window_pos(const MlBuilder *b, MlirValue out_iv, int64_t stride,
                        MlirValue k_iv, int64_t dilation) {
  MlirValue pos = ml_build_binary(b, "arith.muli", out_iv, ml_build_index_constant(b, stride));
  return ml_build_binary(b, "arith.addi", pos,
                         ml_build_binary(b, "arith.muli", k_iv,
                                         ml_build_index_constant(b, dilation)));
}

MlirValue ml_window_index(const MlBuilder *b, MlirValue out_iv, int64_t stride,
                          MlirValue k_iv, int64_t dilation, int64_t pad,
                          int64_t size, MlirValue *valid) {
  /* pos = out * stride + k * dilation - pad; valid = 0 <= pos < size */
  MlirValue pos = ml_window_pos(b, out_iv, stride, k_iv, dilation);
  pos = ml_build_binary(b, "arith.subi", pos, ml_build_index_constant(b, pad));
  MlirValue zero = ml_build_index_constant(b, 0), hi = ml_build_index_constant(b, size - 1);
  MlirValue ok = ml_build_binary(b, "arith.andi", ml_build_cmpi(b, 5 /* sge */, pos, zero),
                                 ml_build_cmpi(b, 2 /* slt */, pos, ml_build_index_constant(b, size)));
  *valid = mlirValueIsNull(*valid) ? ok : ml_build_binary(b, "arith.andi", *valid, ok);
  MlirValue c = ml_build_binary(b, "arith.maxsi", pos, zero);
  return ml_build_binary(b, "arith.minsi", c, hi);
}

