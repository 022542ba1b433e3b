/* mlt_builder: one helper per mlt op a front end emits (STYLE.md rule 4). */
#include "ir/mlt_builder.h"

#include <stdlib.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

MlirType ml_tensor_type(MlirType elt, intptr_t rank, const int64_t *dims) {
  return mlirRankedTensorTypeGet(rank, dims, elt, mlirAttributeGetNull());
}

MlirType ml_element_type(MlirValue v) {
  return mlirShapedTypeGetElementType(mlirValueGetType(v));
}

intptr_t ml_shape_of(MlirValue v, int64_t *shape) {
  MlirType t = mlirValueGetType(v);
  intptr_t r = mlirShapedTypeGetRank(t);
  for (intptr_t d = 0; d < r; d++)
    shape[d] = mlirShapedTypeGetDimSize(t, d);
  return r;
}

/* A named attribute `name` = `attr`. */
static MlirNamedAttribute named(MlirContext ctx, const char *name,
                                MlirAttribute attr) {
  return mlirNamedAttributeGet(
      mlirIdentifierGet(ctx, mlirStringRefCreateFromCString(name)), attr);
}

static MlirAttribute i64(MlirContext ctx, int64_t v) {
  return mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 64), v);
}

/* ODS I32EnumAttr values are plain i32 integer attributes. */
static MlirAttribute enum_attr(MlirContext ctx, int64_t v) {
  return mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 32), v);
}

static MlirAttribute f64(MlirContext ctx, double v) {
  return mlirFloatAttrDoubleGet(ctx, mlirF64TypeGet(ctx), v);
}

static MlirAttribute i64s(MlirContext ctx, intptr_t n, const int64_t *v) {
  return mlirDenseI64ArrayGet(ctx, n, v);
}

/* Creates op `name` with operands, one result of type `result` and
 * attributes; returns the result. */
static MlirValue build(const MlBuilder *b, const char *name, intptr_t n,
                       const MlirValue *operands, MlirType result,
                       intptr_t n_attrs, const MlirNamedAttribute *attrs) {
  MlirOperationState s = ml_state(b, name);
  mlirOperationStateAddOperands(&s, n, operands);
  mlirOperationStateAddResults(&s, 1, &result);
  mlirOperationStateAddAttributes(&s, n_attrs, attrs);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

static int64_t rank_of(MlirValue x) {
  return mlirShapedTypeGetRank(mlirValueGetType(x));
}

MlirValue ml_build_mlt_unary(const MlBuilder *b, const char *name,
                             MlirValue x) {
  return build(b, name, 1, &x, mlirValueGetType(x), 0, NULL);
}

MlirValue ml_build_mlt_binary(const MlBuilder *b, const char *name,
                              MlirValue x, MlirValue y, MlirType result) {
  MlirValue xy[2] = {x, y};
  return build(b, name, 2, xy, result, 0, NULL);
}

MlirValue ml_build_mlt_leaky_relu(const MlBuilder *b, MlirValue x,
                                  double alpha) {
  MlirNamedAttribute a = named(b->ctx, "alpha", f64(b->ctx, alpha));
  return build(b, "mlt.leaky_relu", 1, &x, mlirValueGetType(x), 1, &a);
}

MlirValue ml_build_mlt_clamp(const MlBuilder *b, MlirValue x, double lo,
                             double hi) {
  MlirNamedAttribute a[2] = {named(b->ctx, "min", f64(b->ctx, lo)),
                             named(b->ctx, "max", f64(b->ctx, hi))};
  return build(b, "mlt.clamp", 1, &x, mlirValueGetType(x), 2, a);
}

MlirValue ml_build_mlt_cast(const MlBuilder *b, MlirValue x, MlirType result) {
  return build(b, "mlt.cast", 1, &x, result, 0, NULL);
}

/* A result type of x's shape (any rank) with element type `elt`. */
static MlirType shaped_like(MlirValue x, MlirType elt) {
  intptr_t rank = mlirShapedTypeGetRank(mlirValueGetType(x));
  int64_t *dims = malloc((size_t)(rank ? rank : 1) * sizeof *dims);
  if (!dims)
    abort();
  ml_shape_of(x, dims);
  MlirType t = ml_tensor_type(elt, rank, dims);
  free(dims);
  return t;
}

/* quantize / dequantize `name`: the scale and zero point attributes. */
static MlirValue build_quant(const MlBuilder *b, const char *name, MlirValue x,
                             float scale, int32_t zero_point, MlirType elt) {
  MlirNamedAttribute a[2] = {
      named(b->ctx, "scale", mlirFloatAttrDoubleGet(b->ctx, mlirF32TypeGet(b->ctx), scale)),
      named(b->ctx, "zero_point",
            mlirIntegerAttrGet(mlirIntegerTypeGet(b->ctx, 32), zero_point))};
  return build(b, name, 1, &x, shaped_like(x, elt), 2, a);
}

MlirValue ml_build_mlt_quantize(const MlBuilder *b, MlirValue x, float scale,
                                int32_t zero_point) {
  return build_quant(b, "mlt.quantize", x, scale, zero_point,
                     mlirIntegerTypeGet(b->ctx, 8));
}

MlirValue ml_build_mlt_dequantize(const MlBuilder *b, MlirValue x, float scale,
                                  int32_t zero_point) {
  return build_quant(b, "mlt.dequantize", x, scale, zero_point,
                     mlirF32TypeGet(b->ctx));
}

MlirValue ml_build_mlt_cmp(const MlBuilder *b, int pred, MlirValue x,
                           MlirValue y, MlirType result) {
  MlirValue xy[2] = {x, y};
  MlirNamedAttribute a = named(b->ctx, "predicate", enum_attr(b->ctx, pred));
  return build(b, "mlt.cmp", 2, xy, result, 1, &a);
}

MlirValue ml_build_mlt_select(const MlBuilder *b, MlirValue cond, MlirValue x,
                              MlirValue y, MlirType result) {
  MlirValue cxy[3] = {cond, x, y};
  return build(b, "mlt.select", 3, cxy, result, 0, NULL);
}

MlirValue ml_build_mlt_matmul(const MlBuilder *b, const char *name,
                              MlirValue x, MlirValue y, MlirType result) {
  MlirValue xy[2] = {x, y};
  return build(b, name, 2, xy, result, 0, NULL);
}

MlirValue ml_build_mlt_conv2d(const MlBuilder *b, MlirValue x, MlirValue w,
                              const int64_t strides[2],
                              const int64_t padding[4],
                              const int64_t dilations[2], int64_t groups,
                              MlirType result) {
  MlirContext c = b->ctx;
  MlirValue xw[2] = {x, w};
  MlirNamedAttribute a[5] = {
      named(c, "layout", enum_attr(c, 0)), /* nchw */
      named(c, "strides", i64s(c, 2, strides)),
      named(c, "padding", i64s(c, 4, padding)),
      named(c, "dilations", i64s(c, 2, dilations)),
      named(c, "groups", i64(c, groups))};
  return build(b, "mlt.conv2d", 2, xw, result, 5, a);
}

MlirValue ml_build_mlt_pool2d(const MlBuilder *b, int kind, MlirValue x,
                              const int64_t kernel[2], const int64_t strides[2],
                              const int64_t padding[4], MlirType result) {
  MlirContext c = b->ctx;
  MlirNamedAttribute a[5] = {named(c, "kind", enum_attr(c, kind)),
                             named(c, "layout", enum_attr(c, 0)),
                             named(c, "kernel", i64s(c, 2, kernel)),
                             named(c, "strides", i64s(c, 2, strides)),
                             named(c, "padding", i64s(c, 4, padding))};
  return build(b, "mlt.pool2d", 1, &x, result, 5, a);
}

MlirValue ml_build_mlt_softmax(const MlBuilder *b, MlirValue x, int64_t axis) {
  MlirNamedAttribute a = named(b->ctx, "axis", i64(b->ctx, axis));
  return build(b, "mlt.softmax", 1, &x, mlirValueGetType(x), 1, &a);
}

MlirValue ml_build_mlt_reduce(const MlBuilder *b, int kind, MlirValue x,
                              intptr_t n_axes, const int64_t *axes,
                              bool keepdims, MlirType result) {
  MlirContext c = b->ctx;
  MlirNamedAttribute a[3] = {named(c, "kind", enum_attr(c, kind)),
                             named(c, "axes", i64s(c, n_axes, axes)),
                             named(c, "keepdims", mlirUnitAttrGet(c))};
  return build(b, "mlt.reduce", 1, &x, result, keepdims ? 3 : 2, a);
}

MlirValue ml_build_mlt_arg(const MlBuilder *b, const char *name, MlirValue x,
                           int64_t axis, bool keepdims, bool select_last,
                           MlirType result) {
  MlirContext c = b->ctx;
  MlirNamedAttribute a[3];
  intptr_t n = 0;
  a[n++] = named(c, "axis", i64(c, axis));
  if (keepdims)
    a[n++] = named(c, "keepdims", mlirUnitAttrGet(c));
  if (select_last)
    a[n++] = named(c, "select_last", mlirUnitAttrGet(c));
  return build(b, name, 1, &x, result, n, a);
}

MlirValue ml_build_mlt_transpose(const MlBuilder *b, MlirValue x,
                                 const int64_t *perm, MlirType result) {
  MlirNamedAttribute a =
      named(b->ctx, "perm", i64s(b->ctx, rank_of(x), perm));
  return build(b, "mlt.transpose", 1, &x, result, 1, &a);
}

MlirValue ml_build_mlt_reshape(const MlBuilder *b, const char *name,
                               MlirValue x, MlirType result) {
  return build(b, name, 1, &x, result, 0, NULL);
}

MlirValue ml_build_mlt_concat(const MlBuilder *b, intptr_t n,
                              const MlirValue *xs, int64_t axis,
                              MlirType result) {
  MlirNamedAttribute a = named(b->ctx, "axis", i64(b->ctx, axis));
  return build(b, "mlt.concat", n, xs, result, 1, &a);
}

MlirValue ml_build_mlt_slice(const MlBuilder *b, MlirValue x,
                             const int64_t *offsets, const int64_t *strides,
                             MlirType result) {
  intptr_t r = rank_of(x);
  MlirNamedAttribute a[2] = {named(b->ctx, "offsets", i64s(b->ctx, r, offsets)),
                             named(b->ctx, "strides", i64s(b->ctx, r, strides))};
  return build(b, "mlt.slice", 1, &x, result, 2, a);
}

MlirValue ml_build_mlt_gather(const MlBuilder *b, MlirValue x, MlirValue idx,
                              int64_t axis, MlirType result) {
  MlirValue xi[2] = {x, idx};
  MlirNamedAttribute a = named(b->ctx, "axis", i64(b->ctx, axis));
  return build(b, "mlt.gather", 2, xi, result, 1, &a);
}

MlirValue ml_build_mlt_constant(const MlBuilder *b, MlirAttribute value) {
  MlirNamedAttribute a = named(b->ctx, "value", value);
  return build(b, "mlt.constant", 0, NULL, mlirAttributeGetType(value), 1, &a);
}
