/* reduction: mlt.reduce, mlt.argmax/argmin, mlt.softmax and mlt.pool2d as
 * parallel nests over the result with reduction loops (carrying the
 * accumulator) inside; f16 and bf16 sums are computed in f32 and rounded
 * once at the store.
 * Pooling reads padded positions branch-free: indices are clamped into the
 * input and out-of-range elements are replaced by the neutral value. */
#include <math.h>
#include <stdint.h>

#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

/* Neutral element and combining op of a reduction kind on type `t`. */
static MlirValue neutral(const MlBuilder *b, MlirType t, int kind) {
  bool fp = ml_is_float(t);
  unsigned w = fp ? 0 : mlirIntegerTypeGetWidth(t);
  double big = fp ? INFINITY : ldexp(1.0, (int)w - 1);
  switch (kind) {
  case 1: /* max */
    return ml_build_scalar_constant(b, t, fp ? -big : -big);
  case 2: /* min */
    return ml_build_scalar_constant(b, t, fp ? big : big - 1);
  case 4: /* prod */
    return ml_build_scalar_constant(b, t, 1);
  default: /* sum, mean */
    return ml_build_scalar_constant(b, t, 0);
  }
}

static MlirValue combine(const MlBuilder *b, int kind, MlirValue acc, MlirValue x) {
  bool fp = ml_is_float(mlirValueGetType(x));
  static const char *f[] = {"arith.addf", "arith.maximumf", "arith.minimumf",
                            "arith.addf", "arith.mulf"};
  static const char *i[] = {"arith.addi", "arith.maxsi", "arith.minsi",
                            "arith.addi", "arith.muli"};
  return ml_build_binary(b, fp ? f[kind] : i[kind], acc, x);
}

/* How reduce_dims reads the input's elements. */
typedef struct Reader {
  MlElementFn element;
  void *user;
} Reader;

/* Reduction loops over the input dims marked in `reduced`, from `d` on;
 * `idx` holds the parallel indices already. Returns the final accumulator. */
static MlirValue reduce_dims(const MlBuilder *b, const Reader *in, const int64_t *shape,
                             intptr_t rank, const bool *reduced, intptr_t d,
                             MlirValue *idx, int kind, MlirValue acc) {
  while (d < rank && !reduced[d])
    d++;
  if (d == rank)
    return combine(b, kind, acc,
                   ml_to_accumulator(b, in->element(b, idx, rank, in->user),
                                     mlirValueGetType(acc)));
  MlLoop loop = ml_build_loop_for(b, 0, shape[d], 1, true, 1, &acc);
  idx[d] = loop.iv;
  MlirValue next = reduce_dims(&loop.body, in, shape, rank, reduced, d + 1, idx,
                               kind, ml_loop_iter_arg(&loop, 0));
  ml_build_loop_yield(&loop.body, 1, &next);
  return mlirOperationGetResult(loop.op, 0);
}

/* Plain mlt.reduce: the element is a load of the input memref. */
static MlirValue load_element(const MlBuilder *b, const MlirValue *idx, intptr_t rank,
                              void *input) {
  return ml_build_load(b, *(MlirValue *)input, rank, idx);
}

void ml_lower_reduce_of(MlirOperation op, MlirOperation where, MlirValue dest,
                        MlElementFn element, void *user) {
  MlBuilder b = ml_builder_before(where);
  MlirValue input = mlirOperationGetOperand(op, 0);
  int64_t in[8], out[8];
  intptr_t rank = ml_shape_of(input, in), orank = ml_shape_of(dest, out);
  int kind = (int)ml_attr_int(op, "kind");
  MlirAttribute axes = ml_attr(op, "axes");
  bool keep = ml_attr_flag(op, "keepdims");
  bool reduced[8] = {false};
  int64_t count = 1;
  for (intptr_t k = 0; k < mlirDenseArrayGetNumElements(axes); k++) {
    int64_t a = mlirDenseI64ArrayGetElement(axes, k);
    a = a < 0 ? a + rank : a;
    reduced[a] = true;
    count *= in[a];
  }
  MlNest nest = ml_build_parallel_nest(&b, orank, out);
  MlirValue idx[8];
  for (intptr_t d = 0, o = 0; d < rank; d++) {
    if (!reduced[d])
      idx[d] = nest.ivs[keep ? d : o++];
    else if (keep)
      o++;
  }
  MlirType rt = ml_element_type(dest), t = ml_accumulator_type(rt);
  Reader reader = {element, user};
  MlirValue acc = reduce_dims(&nest.inner, &reader, in, rank, reduced, 0, idx, kind,
                              neutral(&nest.inner, t, kind));
  if (kind == 3) /* mean */
    acc = ml_build_binary(&nest.inner, "arith.divf", acc,
                          ml_build_scalar_constant(&nest.inner, t, (double)count));
  ml_build_store(&nest.inner, ml_from_accumulator(&nest.inner, acc, rt), dest, orank,
                 nest.ivs);
}

/* exp(x - max) / sum(exp(x - max)) along the axis. */
static void lower_softmax(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue input = mlirOperationGetOperand(op, 0);
  int64_t shape[8], outer[8];
  intptr_t rank = ml_shape_of(input, shape);
  int64_t axis = ml_attr_int(op, "axis");
  axis = axis < 0 ? axis + rank : axis;
  intptr_t n = 0;
  for (intptr_t d = 0; d < rank; d++)
    if (d != axis)
      outer[n++] = shape[d];
  MlNest nest = ml_build_parallel_nest(&b, n, outer);
  const MlBuilder *ib = &nest.inner;
  MlirType rt = ml_element_type(dest), t = ml_accumulator_type(rt);
  MlirValue idx[8];
  for (intptr_t d = 0, o = 0; d < rank; d++)
    if (d != axis)
      idx[d] = nest.ivs[o++];

  MlirValue init = neutral(ib, t, 1);
  MlLoop m = ml_build_loop_for(ib, 0, shape[axis], 1, true, 1, &init);
  idx[axis] = m.iv;
  MlirValue mx = ml_build_binary(
      &m.body, "arith.maximumf", ml_loop_iter_arg(&m, 0),
      ml_to_accumulator(&m.body, ml_build_load(&m.body, input, rank, idx), t));
  ml_build_loop_yield(&m.body, 1, &mx);
  MlirValue max = mlirOperationGetResult(m.op, 0);

  MlirValue zero = ml_build_scalar_constant(ib, t, 0);
  MlLoop s = ml_build_loop_for(ib, 0, shape[axis], 1, true, 1, &zero);
  idx[axis] = s.iv;
  MlirValue x = ml_to_accumulator(&s.body, ml_build_load(&s.body, input, rank, idx), t);
  MlirValue e = ml_build_unary(&s.body, "math.exp",
                               ml_build_binary(&s.body, "arith.subf", x, max));
  MlirValue sum = ml_build_binary(&s.body, "arith.addf", ml_loop_iter_arg(&s, 0), e);
  ml_build_loop_yield(&s.body, 1, &sum);
  MlirValue total = mlirOperationGetResult(s.op, 0);

  MlLoop w = ml_build_loop_for(ib, 0, shape[axis], 1, false, 0, NULL);
  idx[axis] = w.iv;
  MlirValue x2 = ml_to_accumulator(&w.body, ml_build_load(&w.body, input, rank, idx), t);
  MlirValue e2 = ml_build_unary(&w.body, "math.exp",
                                ml_build_binary(&w.body, "arith.subf", x2, max));
  MlirValue y = ml_build_binary(&w.body, "arith.divf", e2, total);
  ml_build_store(&w.body, ml_from_accumulator(&w.body, y, rt), dest, rank, idx);
  ml_build_loop_yield(&w.body, 0, NULL);
}

static void lower_pool(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue input = mlirOperationGetOperand(op, 0);
  int64_t in[8], out[8];
  ml_shape_of(input, in);
  ml_shape_of(dest, out);
  bool avg = ml_attr_int(op, "kind") == 1;
  bool nchw = ml_attr_int(op, "layout") == 0;
  MlirAttribute k = ml_attr(op, "kernel"), s = ml_attr(op, "strides"), p = ml_attr(op, "padding");
  int hd = nchw ? 2 : 1, wd = nchw ? 3 : 2;
  MlirType rt = ml_element_type(dest), t = ml_accumulator_type(rt);
  MlNest nest = ml_build_parallel_nest(&b, 4, out);
  MlirValue inits[2] = {neutral(&nest.inner, t, avg ? 0 : 1),
                        ml_build_scalar_constant(&nest.inner, t, 0)};
  MlLoop kh = ml_build_loop_for(&nest.inner, 0, mlirDenseI64ArrayGetElement(k, 0), 1,
                                true, 2, inits);
  MlLoop kw = ml_build_loop_for(&kh.body, 0, mlirDenseI64ArrayGetElement(k, 1), 1, true,
                                2, (MlirValue[]){ml_loop_iter_arg(&kh, 0),
                                                 ml_loop_iter_arg(&kh, 1)});
  const MlBuilder *ib = &kw.body;
  MlirValue valid = {NULL}, idx[4];
  idx[0] = nest.ivs[0];
  idx[nchw ? 1 : 3] = nest.ivs[nchw ? 1 : 3];
  idx[hd] = ml_window_index(ib, nest.ivs[hd], mlirDenseI64ArrayGetElement(s, 0), kh.iv, 1,
                            mlirDenseI64ArrayGetElement(p, 0), in[hd], &valid);
  idx[wd] = ml_window_index(ib, nest.ivs[wd], mlirDenseI64ArrayGetElement(s, 1), kw.iv, 1,
                            mlirDenseI64ArrayGetElement(p, 1), in[wd], &valid);
  MlirValue x = ml_to_accumulator(ib, ml_build_load(ib, input, 4, idx), t);
  MlirValue acc = ml_loop_iter_arg(&kw, 0), cnt = ml_loop_iter_arg(&kw, 1);
  MlirValue next = ml_build_select(ib, valid, combine(ib, avg ? 0 : 1, acc, x), acc);
  MlirValue one = ml_build_scalar_constant(ib, t, 1);
  MlirValue ncnt = ml_build_select(ib, valid, ml_build_binary(ib, ml_is_float(t) ? "arith.addf" : "arith.addi", cnt, one), cnt);
  ml_build_loop_yield(ib, 2, (MlirValue[]){next, ncnt});
  ml_build_loop_yield(&kh.body, 2,
                      (MlirValue[]){mlirOperationGetResult(kw.op, 0),
                                    mlirOperationGetResult(kw.op, 1)});
  MlirValue r = mlirOperationGetResult(kh.op, 0);
  if (avg)
    r = ml_build_binary(&nest.inner, "arith.divf", r, mlirOperationGetResult(kh.op, 1));
  ml_build_store(&nest.inner, ml_from_accumulator(&nest.inner, r, rt), dest, 4, nest.ivs);
}

/* Does element x replace the best so far? For integers a strict compare,
 * or a non-strict one with select_last. For floats ugt/uge (ult/ule for
 * argmin) also hold for a NaN x, so the first NaN wins; a NaN best is
 * kept, except against a later NaN with select_last. */
static MlirValue arg_better(const MlBuilder *b, bool max, bool last, MlirValue x,
                            MlirValue best) {
  if (!ml_is_float(mlirValueGetType(x))) /* sge 5, sgt 4, sle 3, slt 2 */
    return ml_build_cmpi(b, max ? (last ? 5 : 4) : (last ? 3 : 2), x, best);
  /* uge 10, ugt 9, ule 12, ult 11 */
  MlirValue cmp = ml_build_cmpf(b, max ? (last ? 10 : 9) : (last ? 12 : 11), x, best);
  MlirValue ok = ml_build_cmpf(b, 7 /* ord */, best, best);
  if (last)
    ok = ml_build_binary(b, "arith.ori", ok, ml_build_cmpf(b, 14 /* uno */, x, x));
  return ml_build_binary(b, "arith.andi", cmp, ok);
}

/* argmax / argmin: per result element, the axis' first element and
 * position 0, then a reduction loop from 1 carrying (best, position). The
 * verifier guarantees the axis is not empty. */
static void lower_arg_reduce(MlirOperation op, MlirValue dest) {
  MlBuilder b = ml_builder_before(op);
  MlirValue input = mlirOperationGetOperand(op, 0);
  int64_t in[8], out[8];
  intptr_t rank = ml_shape_of(input, in), orank = ml_shape_of(dest, out);
  int64_t axis = ml_attr_int(op, "axis");
  axis = axis < 0 ? axis + rank : axis;
  bool keep = ml_attr_flag(op, "keepdims"), last = ml_attr_flag(op, "select_last");
  bool max = ml_op_is(op, "argmax");
  MlNest nest = ml_build_parallel_nest(&b, orank, out);
  const MlBuilder *ib = &nest.inner;
  MlirValue idx[8];
  for (intptr_t d = 0, o = 0; d < rank; d++) {
    if (d != axis)
      idx[d] = nest.ivs[o++];
    else if (keep)
      o++;
  }
  MlirType it = ml_element_type(dest);
  idx[axis] = ml_build_index_constant(ib, 0);
  MlirValue inits[2] = {ml_build_load(ib, input, rank, idx),
                        ml_build_int_constant(ib, it, 0)};
  MlLoop loop = ml_build_loop_for(ib, 1, in[axis], 1, true, 2, inits);
  const MlBuilder *lb = &loop.body;
  idx[axis] = loop.iv;
  MlirValue x = ml_build_load(lb, input, rank, idx);
  MlirValue best = ml_loop_iter_arg(&loop, 0), pos = ml_loop_iter_arg(&loop, 1);
  MlirValue better = arg_better(lb, max, last, x, best);
  MlirValue k = ml_build_value_op(lb, "arith.index_cast", 1, &loop.iv, it);
  MlirValue next[2] = {ml_build_select(lb, better, x, best),
                       ml_build_select(lb, better, k, pos)};
  ml_build_loop_yield(lb, 2, next);
  ml_build_store(ib, mlirOperationGetResult(loop.op, 1), dest, orank, nest.ivs);
}

MlirLogicalResult ml_lower_reduction(MlirOperation op, MlirValue dest) {
  MlirValue input = mlirOperationGetOperand(op, 0);
  if (ml_op_is(op, "reduce"))
    ml_lower_reduce_of(op, op, dest, load_element, &input);
  else if (ml_op_is(op, "argmax") || ml_op_is(op, "argmin"))
    lower_arg_reduce(op, dest);
  else if (ml_op_is(op, "softmax"))
    lower_softmax(op, dest);
  else
    lower_pool(op, dest);
  return mlirLogicalResultSuccess();
}
