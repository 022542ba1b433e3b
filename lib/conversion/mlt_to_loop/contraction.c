/* contraction: mlt.matmul and mlt.batch_matmul as a parallel nest over the
 * result with a reduction loop over K carrying the accumulator. i8
 * operands are sign-extended and accumulate in the i32 result type. */
#include "conversion/mlt_to_loop/lowering.h"
#include "mlir-c/BuiltinTypes.h"

/* acc + a * b in the accumulator type `t`. */
static MlirValue mul_add(const MlBuilder *b, MlirValue acc, MlirValue x,
                         MlirValue y, MlirType t) {
  bool fp = ml_is_float(t);
  if (!mlirTypeEqual(mlirValueGetType(x), t)) {
    x = ml_build_value_op(b, "arith.extsi", 1, &x, t);
    y = ml_build_value_op(b, "arith.extsi", 1, &y, t);
  }
  MlirValue p = ml_build_binary(b, fp ? "arith.mulf" : "arith.muli", x, y);
  return ml_build_binary(b, fp ? "arith.addf" : "arith.addi", acc, p);
}

MlirLogicalResult ml_lower_contraction(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue lhs = mlirOperationGetOperand(op, 0), rhs = mlirOperationGetOperand(op, 1);
  int64_t out[8], a[8];
  intptr_t rank = ml_shape_of(dest, out);
  ml_shape_of(lhs, a);
  bool batched = rank == 3;
  int64_t k_size = a[batched ? 2 : 1];
  MlirType t = ml_element_type(dest);

  MlNest nest = ml_build_parallel_nest(&b, rank, out);
  MlirValue zero = ml_build_scalar_constant(&nest.inner, t, 0);
  MlLoop k = ml_build_loop_for(&nest.inner, 0, k_size, 1, true, 1, &zero);
  MlirValue acc = ml_loop_iter_arg(&k, 0);
  MlirValue i = nest.ivs[batched ? 1 : 0], j = nest.ivs[batched ? 2 : 1];
  MlirValue ai[3], bi[3];
  intptr_t n = 0;
  if (batched) {
    ai[n] = nest.ivs[0];
    bi[n] = nest.ivs[0];
    n++;
  }
  ai[n] = i;
  ai[n + 1] = k.iv;
  bi[n] = k.iv;
  bi[n + 1] = j;
  MlirValue x = ml_build_load(&k.body, lhs, n + 2, ai);
  MlirValue y = ml_build_load(&k.body, rhs, n + 2, bi);
  MlirValue next = mul_add(&k.body, acc, x, y, t);
  ml_build_loop_yield(&k.body, 1, &next);
  ml_build_store(&nest.inner, mlirOperationGetResult(k.op, 0), dest, rank, nest.ivs);
  return mlirLogicalResultSuccess();
}
