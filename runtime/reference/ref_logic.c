/* ref_logic: mlt.cmp, mlt.select and mlt.not/and/or/xor, the ops that make,
 * consume and combine I1 (bool) tensors.
 *
 * All three broadcast numpy-style (select: its three operands together).
 * Compares read both operands exactly (floats as double, integers as
 * int64_t), so one comparison decides each element; NaN follows IEEE
 * (ordered predicates false) except NE, true as in NumPy. Select copies
 * the chosen element's bytes, so every dtype and NaN payload survives. */
#include <string.h>

#include "ref_internal.h"

/* Offsets of `n` broadcast operands at row-major result position `i`. */
static void offsets(const MlRefTensor *out, int n,
                    int64_t strides[][ML_REF_MAX_RANK], int64_t i,
                    int64_t *at) {
  for (int k = 0; k < n; k++)
    at[k] = ml_ref_offset(out->rank, out->shape, strides[k], i);
}

/* One float comparison; NaN makes all but NE false. */
/* Whether `in` broadcast to `out`'s shape; fills each one's strides. */
static bool broadcast(const MlRefTensor *const *in, int n, const MlRefTensor *out,
                      int64_t strides[][ML_REF_MAX_RANK]) {
  if (!ml_ref_broadcasts_to(in, n, out))
    return false;
  for (int k = 0; k < n; k++)
    ml_ref_broadcast_strides(in[k], out->rank, strides[k]);
  return true;
}

static bool cmp_f(MlRefCmpKind kind, double x, double y) {
  switch (kind) {
  case ML_REF_CMP_EQ: return x == y;
  case ML_REF_CMP_NE: return !(x == y);
  case ML_REF_CMP_LT: return x < y;
  case ML_REF_CMP_LE: return x <= y;
  case ML_REF_CMP_GT: return x > y;
  case ML_REF_CMP_GE: return x >= y;
  }
  return false;
}

/* One signed integer comparison. */
static bool cmp_i(MlRefCmpKind kind, int64_t x, int64_t y) {
  switch (kind) {
  case ML_REF_CMP_EQ: return x == y;
  case ML_REF_CMP_NE: return x != y;
  case ML_REF_CMP_LT: return x < y;
  case ML_REF_CMP_LE: return x <= y;
  case ML_REF_CMP_GT: return x > y;
  case ML_REF_CMP_GE: return x >= y;
  }
  return false;
}

/* out (I1) = a (kind) b over the broadcast shape. */
int ml_ref_cmp(MlRefCmpKind kind, const MlRefTensor *a, const MlRefTensor *b,
               MlRefTensor *out) {
  if (ml_ref_check(a) || ml_ref_check(b) || ml_ref_check(out) ||
      (unsigned)kind > ML_REF_CMP_GE)
    return ML_REF_ERR_INVALID;
  if (a->dtype != b->dtype || a->dtype == ML_REF_I1 || out->dtype != ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  const MlRefTensor *in[2] = {a, b};
  int64_t strides[2][ML_REF_MAX_RANK], at[2];
  if (!broadcast(in, 2, out, strides))
    return ML_REF_ERR_SHAPE;
  bool fp = ml_ref_dtype_is_float(a->dtype);
  uint8_t *o = out->data;
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    offsets(out, 2, strides, i, at);
    o[i] = fp ? cmp_f(kind, ml_ref_load_f(a, at[0]), ml_ref_load_f(b, at[1]))
              : cmp_i(kind, ml_ref_load_i(a, at[0]), ml_ref_load_i(b, at[1]));
  }
  return ML_REF_OK;
}

/* out = cond ? x : y over the broadcast of all three. */
int ml_ref_select(const MlRefTensor *cond, const MlRefTensor *x,
                  const MlRefTensor *y, MlRefTensor *out) {
  if (ml_ref_check(cond) || ml_ref_check(x) || ml_ref_check(y) ||
      ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (cond->dtype != ML_REF_I1 || x->dtype != y->dtype || out->dtype != x->dtype)
    return ML_REF_ERR_DTYPE;
  const MlRefTensor *in[3] = {cond, x, y};
  int64_t strides[3][ML_REF_MAX_RANK], at[3];
  if (!broadcast(in, 3, out, strides))
    return ML_REF_ERR_SHAPE;
  size_t size = (size_t)ml_ref_dtype_size(out->dtype);
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    offsets(out, 3, strides, i, at);
    bool c = ml_ref_load_i(cond, at[0]);
    memcpy((char *)out->data + (size_t)i * size,
           (const char *)(c ? x : y)->data + (size_t)(c ? at[1] : at[2]) * size,
           size);
  }
  return ML_REF_OK;
}

/* out = a (and|or|xor) b over the broadcast shape, all I1. */
int ml_ref_logic(MlRefLogicKind kind, const MlRefTensor *a,
                 const MlRefTensor *b, MlRefTensor *out) {
  if (ml_ref_check(a) || ml_ref_check(b) || ml_ref_check(out) ||
      (unsigned)kind > ML_REF_XOR)
    return ML_REF_ERR_INVALID;
  if (a->dtype != ML_REF_I1 || b->dtype != ML_REF_I1 || out->dtype != ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  const MlRefTensor *in[2] = {a, b};
  int64_t strides[2][ML_REF_MAX_RANK], at[2];
  if (!broadcast(in, 2, out, strides))
    return ML_REF_ERR_SHAPE;
  uint8_t *o = out->data;
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    offsets(out, 2, strides, i, at);
    bool x = ml_ref_load_i(a, at[0]), y = ml_ref_load_i(b, at[1]);
    o[i] = kind == ML_REF_AND ? x && y : kind == ML_REF_OR ? x || y : x != y;
  }
  return ML_REF_OK;
}

/* out = !in. */
int ml_ref_not(const MlRefTensor *in, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (in->dtype != ML_REF_I1 || out->dtype != ML_REF_I1)
    return ML_REF_ERR_DTYPE;
  if (!ml_ref_same_shape(in, out))
    return ML_REF_ERR_SHAPE;
  uint8_t *o = out->data;
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++)
    o[i] = !ml_ref_load_i(in, i);
  return ML_REF_OK;
}
