/* contraction: mlt.matmul, mlt.batch_matmul and mlt.conv2d on the
 * accelerator. The operands must hold the target's input type (an f32
 * product on an i8 target is refused: quantize first). The product lands in
 * `dest` directly when dest holds the accumulator type (i32 for i8, f32 for
 * f32), else in an accumulator-typed buffer that a host loop rounds into
 * dest (f16/bf16 results of an f32 accumulator).
 *
 * conv2d with one group is im2col + one matmul per image, with the views
 * chosen so no filter or output copy is needed:
 *   NCHW: out[n] (F x OH*OW) = filter (F x C*KH*KW) · col[n] (C*KH*KW x OH*OW)
 *   NHWC: out[n] (OH*OW x F) = col[n] (OH*OW x KH*KW*C) · filter (KH*KW*C x F)
 * where col is built on the host (zero where the window is in the padding). */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "conversion/mlt_to_accel/accel_lowering.h"
#include "conversion/mlt_to_loop/lowering.h"
#include "ir/attrs.h"
#include "ir/diagnostics.h"
#include "ir/memref_builder.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

void ml_accel_refuse(MlirOperation op, const char *fmt, ...) {
  char why[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why, sizeof why, fmt, ap);
  va_end(ap);
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  ml_error(op, "'%.*s' cannot run on the accelerator: %s", (int)name.length, name.data,
           why);
}

static MlirType memref_type(MlirType elt, intptr_t rank, const int64_t *shape) {
  return mlirMemRefTypeContiguousGet(elt, rank, shape, mlirAttributeGetNull());
}

/* dest itself, or a fresh accumulator-typed buffer of dest's shape. */
static MlirValue acc_dest(const MlBuilder *b, MlirValue dest, MlirType acc) {
  if (mlirTypeEqual(ml_element_type(dest), acc))
    return dest;
  int64_t shape[8];
  intptr_t rank = ml_shape_of(dest, shape);
  return ml_build_alloc(b, memref_type(acc, rank, shape));
}

/* Rounds the accumulator buffer `src` into `dest` on the host and frees it
 * (nothing to do when the product went to dest directly). */
static void finish(const MlBuilder *b, MlirValue src, MlirValue dest) {
  if (mlirValueEqual(src, dest))
    return;
  int64_t shape[8];
  intptr_t rank = ml_shape_of(dest, shape);
  MlNest nest = ml_build_parallel_nest(b, rank, shape);
  MlirValue x = ml_build_load(&nest.inner, src, rank, nest.ivs);
  ml_build_store(&nest.inner, ml_from_accumulator(&nest.inner, x, ml_element_type(dest)),
                 dest, rank, nest.ivs);
  ml_build_dealloc(b, src);
}

/* The operand and result types the target can run, or a located error. */
static bool check_types(MlirOperation op, MlirValue x, MlirValue dest,
                        const MlAccelTarget *t) {
  MlirType in = ml_accel_elt_type(mlirOperationGetContext(op), t->in_type);
  MlirType elt = ml_element_type(x), res = ml_element_type(dest);
  MlBuf s = {0};
  mlirTypePrint(elt, ml_buf_callback, &s);
  bool ok = true;
  if (!mlirTypeEqual(elt, in)) {
    ml_accel_refuse(op,
             "its operands are %s but the "
             "target's PE array takes %s (%s)",
             ml_buf_str(&s), ml_accel_elt_name(t->in_type),
             t->in_type == ML_ACCEL_I8 ? "quantize them with mlt.quantize"
                                       : "cast them with mlt.cast");
    ok = false;
  } else if (t->acc_type == ML_ACCEL_I32 && !mlirTypeIsAInteger(res)) {
    ml_accel_refuse(op, "an i32 accumulator cannot "
                 "produce a float result");
    ok = false;
  }
  ml_buf_free(&s);
  return ok;
}

/* col = im2col(input) for a one-group conv2d (see the file comment). */
static MlirValue im2col(const MlBuilder *b, MlirOperation op, MlirValue x, bool nchw,
                        const int64_t *xs, const int64_t *ws, const int64_t *ys) {
  int64_t st[2], pad[4], dil[2];
  ml_attr_i64s(op, "strides", st, 2);
  ml_attr_i64s(op, "padding", pad, 4);
  ml_attr_i64s(op, "dilations", dil, 2);
  int64_t n = xs[0], c = nchw ? xs[1] : xs[3], h = nchw ? xs[2] : xs[1],
          w = nchw ? xs[3] : xs[2];
  int64_t kh = nchw ? ws[2] : ws[0], kw = nchw ? ws[3] : ws[1];
  int64_t oh = nchw ? ys[2] : ys[1], ow = nchw ? ys[3] : ys[2];
  int64_t ckk = c * kh * kw, pix = oh * ow;
  int64_t col_shape[3] = {n, nchw ? ckk : pix, nchw ? pix : ckk};
  MlirType elt = ml_element_type(x);
  MlirValue col = ml_build_alloc(b, memref_type(elt, 3, col_shape));
  /* Nest dims: NCHW (n, c, kh, kw, oh, ow), NHWC (n, oh, ow, kh, kw, c),
   * each order walking col contiguously. */
  int64_t dims[6] = {n, c, kh, kw, oh, ow};
  if (!nchw)
    dims[1] = oh, dims[2] = ow, dims[3] = kh, dims[4] = kw, dims[5] = c;
  MlNest nest = ml_build_parallel_nest(b, 6, dims);
  const MlBuilder *ib = &nest.inner;
  MlirValue in_ = nest.ivs[0];
  MlirValue ic = nest.ivs[nchw ? 1 : 5], ikh = nest.ivs[nchw ? 2 : 3],
            ikw = nest.ivs[nchw ? 3 : 4], ioh = nest.ivs[nchw ? 4 : 1],
            iow = nest.ivs[nchw ? 5 : 2];
  MlirValue valid = {NULL};
  MlirValue hy = ml_window_index(ib, ioh, st[0], ikh, dil[0], pad[0], h, &valid);
  MlirValue wx = ml_window_index(ib, iow, st[1], ikw, dil[1], pad[1], w, &valid);
  MlirValue xi[4] = {in_, ic, hy, wx};
  if (!nchw)
    xi[1] = hy, xi[2] = wx, xi[3] = ic;
  MlirValue v = ml_build_load(ib, x, 4, xi);
  v = ml_build_select(ib, valid, v, ml_build_scalar_constant(ib, elt, 0));
  /* (c*KH + kh)*KW + kw for NCHW, (kh*KW + kw)*C + c for NHWC; oh*OW + ow. */
#define MUL(a, k) ml_build_binary(ib, "arith.muli", a, ml_build_index_constant(ib, k))
#define ADD(a, b2) ml_build_binary(ib, "arith.addi", a, b2)
  MlirValue r = nchw ? ADD(MUL(ADD(MUL(ic, kh), ikh), kw), ikw)
                     : ADD(MUL(ADD(MUL(ikh, kw), ikw), c), ic);
  MlirValue p = ADD(MUL(ioh, ow), iow);
#undef MUL
#undef ADD
  MlirValue ci[3] = {in_, nchw ? r : p, nchw ? p : r};
  ml_build_store(ib, v, col, 3, ci);
  return col;
}

/* conv2d (one group) as im2col on the host + a batched accelerator matmul
 * into `dest`. */
static MlirLogicalResult lower_conv2d(MlirOperation op, MlirValue dest,
                                      const MlAccelTarget *t, int buffers) {
  MlBuilder b = ml_builder_before(op);
  MlirValue x = mlirOperationGetOperand(op, 0), w = mlirOperationGetOperand(op, 1);
  if (!check_types(op, x, dest, t))
    return mlirLogicalResultFailure();
  if (ml_attr_int(op, "groups") != 1) {
    ml_accel_refuse(op, "grouped convolution (groups = %" PRId64
             ") has no im2col lowering yet",
             ml_attr_int(op, "groups"));
    return mlirLogicalResultFailure();
  }
  bool nchw = ml_attr_int(op, "layout") == 0;
  int64_t xs[4], ws[4], ys[4];
  ml_shape_of(x, xs);
  ml_shape_of(w, ws);
  ml_shape_of(dest, ys);
  MlirValue out = acc_dest(&b, dest, ml_accel_elt_type(b.ctx, t->acc_type));
  MlirValue col = im2col(&b, op, x, nchw, xs, ws, ys);
  MlirValue a, bm, c;
  if (nchw) {
    a = ml_build_memref_collapse(&b, w, 2, (const int64_t[]){1, 3});
    bm = col;
    c = ml_build_memref_collapse(&b, out, 3, (const int64_t[]){1, 1, 2});
  } else {
    a = col;
    bm = ml_build_memref_collapse(&b, w, 2, (const int64_t[]){3, 1});
    c = ml_build_memref_collapse(&b, out, 3, (const int64_t[]){1, 2, 1});
  }
  MlirLogicalResult r = ml_accel_emit_matmul(op, &b, a, bm, c, t, buffers);
  if (mlirLogicalResultIsFailure(r))
    return r;
  ml_build_dealloc(&b, col);
  finish(&b, out, dest);
  return r;
}

MlirLogicalResult ml_accel_lower_contraction(MlirOperation op, MlirValue dest,
                                             const MlAccelTarget *t, int buffers) {
  if (ml_op_is(op, "conv2d"))
    return lower_conv2d(op, dest, t, buffers);
  MlBuilder b = ml_builder_before(op);
  MlirValue a = mlirOperationGetOperand(op, 0), bm = mlirOperationGetOperand(op, 1);
  if (!check_types(op, a, dest, t))
    return mlirLogicalResultFailure();
  MlirValue out = acc_dest(&b, dest, ml_accel_elt_type(b.ctx, t->acc_type));
  MlirLogicalResult r = ml_accel_emit_matmul(op, &b, a, bm, out, t, buffers);
  if (mlirLogicalResultIsSuccess(r))
    finish(&b, out, dest);
  return r;
}
