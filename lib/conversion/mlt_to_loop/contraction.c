/* contraction: mlt.matmul, mlt.batch_matmul and mlt.conv2d as a parallel
 * nest over the result with reduction loops carrying the accumulator. i8
 * operands are sign-extended and accumulate in the i32 result type.
 * Convolution reads padded positions branch-free (clamped index, zero when
 * out of range). */
#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

/* acc + a * b in the accumulator type `t`. */
static MlirValue mul_add(const MlBuilder *b, MlirValue acc, MlirValue x,
                         MlirValue y, MlirType t) {
  bool fp = ml_is_float(t);
  x = ml_to_accumulator(b, x, t);
  y = ml_to_accumulator(b, y, t);
  MlirValue p = ml_build_binary(b, fp ? "arith.mulf" : "arith.muli", x, y);
  return ml_build_binary(b, fp ? "arith.addf" : "arith.addi", acc, p);
}

MlirValue ml_contraction_scalar(const MlBuilder *b, MlirOperation op,
                                MlirValue lhs, MlirValue rhs, const MlirValue *ivs,
                                MlirType result_type) {
  int64_t a[8];
  intptr_t rank = ml_shape_of(lhs, a);
  bool batched = rank == 3;
  MlirType t = ml_accumulator_type(result_type);
  MlirValue zero = ml_build_scalar_constant(b, t, 0);
  MlLoop k = ml_build_loop_for(b, 0, a[batched ? 2 : 1], 1, true, 1, &zero);
  MlirValue ai[3], bi[3];
  intptr_t n = 0;
  if (batched) {
    ai[n] = bi[n] = ivs[0];
    n++;
  }
  ai[n] = ivs[n];
  ai[n + 1] = k.iv;
  bi[n] = k.iv;
  bi[n + 1] = ivs[n + 1];
  MlirValue x = ml_build_load(&k.body, lhs, n + 2, ai);
  MlirValue y = ml_build_load(&k.body, rhs, n + 2, bi);
  MlirValue next = mul_add(&k.body, ml_loop_iter_arg(&k, 0), x, y, t);
  ml_build_loop_yield(&k.body, 1, &next);
  (void)op;
  return ml_from_accumulator(b, mlirOperationGetResult(k.op, 0), result_type);
}

MlirLogicalResult ml_lower_contraction(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  int64_t out[8];
  intptr_t rank = ml_shape_of(dest, out);
  MlNest nest = ml_build_parallel_nest(&b, rank, out);
  MlirValue r = ml_contraction_scalar(&nest.inner, op, mlirOperationGetOperand(op, 0),
                                      mlirOperationGetOperand(op, 1), nest.ivs,
                                      ml_element_type(dest));
  ml_build_store(&nest.inner, r, dest, rank, nest.ivs);
  return mlirLogicalResultSuccess();
}

static int64_t at(MlirAttribute a, intptr_t i) { return mlirDenseI64ArrayGetElement(a, i); }

/* A zero-padded copy of `input` (dims x, padding [top, left, bottom,
 * right] on dims hd and wd), or `input` itself without padding. Reading
 * the copy needs no bounds test, so the window index stays unit-stride
 * along the output width and --vectorize can widen it. */
static MlirValue padded_input(const MlBuilder *b, MlirValue input,
                              const int64_t x[4], int hd, int wd, MlirAttribute p) {
  int64_t top = at(p, 0), left = at(p, 1);
  if (!top && !left && !at(p, 2) && !at(p, 3))
    return input;
  int64_t xp[4] = {x[0], x[1], x[2], x[3]};
  xp[hd] += top + at(p, 2);
  xp[wd] += left + at(p, 3);
  MlirType elt = ml_element_type(input);
  MlirValue copy = ml_build_alloc(
      b, mlirMemRefTypeContiguousGet(elt, 4, xp, mlirAttributeGetNull()));
  MlNest fill = ml_build_parallel_nest(b, 4, xp);
  ml_build_store(&fill.inner, ml_build_scalar_constant(&fill.inner, elt, 0), copy,
                 4, fill.ivs);
  MlNest interior = ml_build_parallel_nest(b, 4, x);
  MlirValue to[4] = {interior.ivs[0], interior.ivs[1], interior.ivs[2], interior.ivs[3]};
  to[hd] = ml_build_binary(&interior.inner, "arith.addi", to[hd],
                           ml_build_index_constant(&interior.inner, top));
  to[wd] = ml_build_binary(&interior.inner, "arith.addi", to[wd],
                           ml_build_index_constant(&interior.inner, left));
  ml_build_store(&interior.inner, ml_build_load(&interior.inner, input, 4, interior.ivs),
                 copy, 4, to);
  return copy;
}

/* NCHW x OIHW or NHWC x HWIO; groups split the channels. A padded input
 * is copied into a zero-padded buffer first (padded_input). */
MlirLogicalResult ml_lower_conv2d(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue input = mlirOperationGetOperand(op, 0), filter = mlirOperationGetOperand(op, 1);
  int64_t x[4], w[4], y[4];
  ml_shape_of(input, x);
  ml_shape_of(filter, w);
  ml_shape_of(dest, y);
  bool nchw = ml_attr_int(op, "layout") == 0;
  int64_t groups = ml_attr_int(op, "groups");
  MlirAttribute s = ml_attr(op, "strides"), p = ml_attr(op, "padding"), d = ml_attr(op, "dilations");
  int64_t cg = nchw ? w[1] : w[2];          /* input channels per group */
  int64_t kh = nchw ? w[2] : w[0], kw = nchw ? w[3] : w[1];
  int64_t og = (nchw ? w[0] : w[3]) / groups; /* output channels per group */
  int hd = nchw ? 2 : 1, wd = nchw ? 3 : 2, cd = nchw ? 1 : 3;
  MlirType rt = ml_element_type(dest), t = ml_accumulator_type(rt);

  MlirValue source = padded_input(&b, input, x, hd, wd, p);
  MlNest nest = ml_build_parallel_nest(&b, 4, y);
  const MlBuilder *nb = &nest.inner;
  MlirValue o = nest.ivs[cd];
  /* first input channel of o's group: (o / og) * cg (none with 1 group) */
  MlirValue base = {NULL};
  if (groups > 1)
    base = ml_build_binary(
        nb, "arith.muli",
        ml_build_binary(nb, "arith.divui", o, ml_build_index_constant(nb, og)),
        ml_build_index_constant(nb, cg));
  MlirValue zero = ml_build_scalar_constant(nb, t, 0);
  MlLoop lc = ml_build_loop_for(nb, 0, cg, 1, true, 1, &zero);
  MlLoop lh = ml_build_loop_for(&lc.body, 0, kh, 1, true, 1,
                                (MlirValue[]){ml_loop_iter_arg(&lc, 0)});
  MlLoop lw = ml_build_loop_for(&lh.body, 0, kw, 1, true, 1,
                                (MlirValue[]){ml_loop_iter_arg(&lh, 0)});
  const MlBuilder *ib = &lw.body;
  MlirValue xi[4], wi[4];
  xi[0] = nest.ivs[0];
  xi[cd] = groups > 1 ? ml_build_binary(ib, "arith.addi", base, lc.iv) : lc.iv;
  xi[hd] = ml_window_pos(ib, nest.ivs[hd], at(s, 0), lh.iv, at(d, 0));
  xi[wd] = ml_window_pos(ib, nest.ivs[wd], at(s, 1), lw.iv, at(d, 1));
  if (nchw) {
    wi[0] = o, wi[1] = lc.iv, wi[2] = lh.iv, wi[3] = lw.iv;
  } else {
    wi[0] = lh.iv, wi[1] = lw.iv, wi[2] = lc.iv, wi[3] = o;
  }
  MlirValue xv = ml_build_load(ib, source, 4, xi);
  MlirValue wv = ml_build_load(ib, filter, 4, wi);
  MlirValue acc = ml_loop_iter_arg(&lw, 0);
  MlirValue next = mul_add(ib, acc, xv, wv, t);
  ml_build_loop_yield(ib, 1, &next);
  MlirValue r = mlirOperationGetResult(lw.op, 0);
  ml_build_loop_yield(&lh.body, 1, &r);
  r = mlirOperationGetResult(lh.op, 0);
  ml_build_loop_yield(&lc.body, 1, &r);
  ml_build_store(nb, ml_from_accumulator(nb, mlirOperationGetResult(lc.op, 0), rt), dest, 4,
                 nest.ivs);
  if (!mlirValueEqual(source, input))
    ml_build_dealloc(&b, source);
  return mlirLogicalResultSuccess();
}
