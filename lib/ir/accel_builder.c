/* accel_builder: building accel ops (see the header). Types are parsed
 * from their textual form: the dialect has no C type constructors. */
#include "ir/accel_builder.h"

#include <stdio.h>
#include <stdlib.h>

#include "ir/strbuf.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlopt-c/Accel.h"

MlirType ml_accel_buf_type(MlirContext ctx, bool acc, int64_t rows, int64_t cols,
                           MlirType elt) {
  MlBuf s = {0};
  ml_buf_printf(&s, "!accel.buf<%s, %lldx%lldx", acc ? "acc" : "spad",
                (long long)rows, (long long)cols);
  mlirTypePrint(elt, ml_buf_callback, &s);
  ml_buf_puts(&s, ">");
  MlirType t = mlirTypeParseGet(ctx, mlirStringRefCreate(s.data, s.len));
  ml_buf_free(&s);
  if (mlirTypeIsNull(t))
    abort(); /* callers pass verified shapes and types */
  return t;
}

MlirAttribute ml_accel_find_target(MlirOperation op, MlirOperation *owner) {
  for (; !mlirOperationIsNull(op); op = mlirOperationGetParentOperation(op)) {
    MlirAttribute a = mlirOperationGetDiscardableAttributeByName(
        op, mlirStringRefCreateFromCString("accel.target"));
    if (!mlirAttributeIsNull(a) && mloptAttributeIsAAccelTarget(a)) {
      if (owner)
        *owner = op;
      return a;
    }
  }
  return mlirAttributeGetNull();
}

int ml_accel_type_code(MlirType t) {
  if (mlirTypeIsAInteger(t))
    return mlirIntegerTypeGetWidth(t) == 8 ? 0 : mlirIntegerTypeGetWidth(t) == 32 ? 1 : -1;
  return mlirTypeIsAF16(t) ? 2 : mlirTypeIsABF16(t) ? 3 : mlirTypeIsAF32(t) ? 4 : -1;
}

int64_t ml_accel_code_bytes(int code) {
  return code == 0 ? 1 : code == 2 || code == 3 ? 2 : 4;
}

MlirType ml_accel_token_type(MlirContext ctx) {
  return mlirTypeParseGet(ctx, mlirStringRefCreateFromCString("!accel.token"));
}

static void set_segments(const MlBuilder *b, MlirOperationState *s, intptr_t n,
                         const int32_t *sizes) {
  MlirNamedAttribute seg = mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("operandSegmentSizes")),
      mlirDenseI32ArrayGet(b->ctx, n, sizes));
  mlirOperationStateAddAttributes(s, 1, &seg);
}

static MlirValue token_result(const MlBuilder *b, MlirOperationState *s) {
  MlirType token = ml_accel_token_type(b->ctx);
  mlirOperationStateAddResults(s, 1, &token);
  return mlirOperationGetResult(ml_build_op(b, s), 0);
}

MlirValue ml_build_accel_alloc(const MlBuilder *b, MlirType buf_type) {
  MlirOperationState s = ml_state(b, "accel.alloc");
  mlirOperationStateAddResults(&s, 1, &buf_type);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

MlirValue ml_build_accel_dma_in(const MlBuilder *b, MlirValue src,
                                MlValues offsets, MlValues sizes, MlirValue buf,
                                MlValues after) {
  MlirOperationState s = ml_state(b, "accel.dma_in");
  mlirOperationStateAddOperands(&s, 1, &src);
  mlirOperationStateAddOperands(&s, offsets.n, offsets.v);
  mlirOperationStateAddOperands(&s, sizes.n, sizes.v);
  mlirOperationStateAddOperands(&s, 1, &buf);
  mlirOperationStateAddOperands(&s, after.n, after.v);
  set_segments(b, &s, 5,
               (const int32_t[]){1, (int32_t)offsets.n, (int32_t)sizes.n, 1,
                                 (int32_t)after.n});
  return token_result(b, &s);
}

MlirValue ml_build_accel_dma_out(const MlBuilder *b, MlirValue buf,
                                 MlirValue dst, MlValues offsets, MlValues sizes,
                                 MlValues after) {
  MlirOperationState s = ml_state(b, "accel.dma_out");
  mlirOperationStateAddOperands(&s, 1, &buf);
  mlirOperationStateAddOperands(&s, 1, &dst);
  mlirOperationStateAddOperands(&s, offsets.n, offsets.v);
  mlirOperationStateAddOperands(&s, sizes.n, sizes.v);
  mlirOperationStateAddOperands(&s, after.n, after.v);
  set_segments(b, &s, 5,
               (const int32_t[]){1, 1, (int32_t)offsets.n, (int32_t)sizes.n,
                                 (int32_t)after.n});
  return token_result(b, &s);
}

MlirValue ml_build_accel_matmul(const MlBuilder *b, MlirValue acc, MlirValue lhs,
                                MlirValue rhs, bool accumulate, MlValues after) {
  MlirOperationState s = ml_state(b, "accel.matmul");
  MlirValue ops[3] = {acc, lhs, rhs};
  mlirOperationStateAddOperands(&s, 3, ops);
  mlirOperationStateAddOperands(&s, after.n, after.v);
  if (accumulate) {
    MlirNamedAttribute a = mlirNamedAttributeGet(
        mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("accumulate")),
        mlirUnitAttrGet(b->ctx));
    mlirOperationStateAddAttributes(&s, 1, &a);
  }
  return token_result(b, &s);
}

void ml_build_accel_wait(const MlBuilder *b, MlValues tokens) {
  MlirOperationState s = ml_state(b, "accel.wait");
  mlirOperationStateAddOperands(&s, tokens.n, tokens.v);
  ml_build_op(b, &s);
}
