/* ref_data: mlt ops that move elements without arithmetic — transpose,
 * reshape, broadcast, concat, slice and gather. Elements are copied as raw
 * bytes, so every dtype (and every NaN payload) survives bit for bit. */
#include <string.h>

#include "ref_internal.h"

/* Copies element `from` of `in` to element `to` of `out` (same dtype). */
static void copy_elem(const MlRefTensor *in, int64_t from, MlRefTensor *out,
                      int64_t to) {
  size_t size = (size_t)ml_ref_dtype_size(in->dtype);
  memcpy((char *)out->data + (size_t)to * size,
         (const char *)in->data + (size_t)from * size, size);
}

/* out[i0..] = in[...] with result dim d walking input dim perm[d]. */
int ml_ref_transpose(const MlRefTensor *in, const int64_t *perm,
                     MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out) || !perm)
    return ML_REF_ERR_INVALID;
  if (out->dtype != in->dtype)
    return ML_REF_ERR_DTYPE;
  bool seen[ML_REF_MAX_RANK] = {false};
  for (int d = 0; d < in->rank; d++) {
    if (perm[d] < 0 || perm[d] >= in->rank || seen[perm[d]])
      return ML_REF_ERR_ATTR;
    seen[perm[d]] = true;
  }
  if (out->rank != in->rank)
    return ML_REF_ERR_SHAPE;
  for (int d = 0; d < in->rank; d++)
    if (out->shape[d] != in->shape[perm[d]])
      return ML_REF_ERR_SHAPE;
  /* Result dim d walks input dim perm[d]. */
  int64_t in_strides[ML_REF_MAX_RANK], strides[ML_REF_MAX_RANK];
  ml_ref_strides(in, in_strides);
  for (int d = 0; d < in->rank; d++)
    strides[d] = in_strides[perm[d]];
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++)
    copy_elem(in, ml_ref_offset(out->rank, out->shape, strides, i), out, i);
  return ML_REF_OK;
}

/* A row-major copy under a new shape. */
int ml_ref_reshape(const MlRefTensor *in, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (out->dtype != in->dtype)
    return ML_REF_ERR_DTYPE;
  int64_t n = ml_ref_numel(in);
  if (ml_ref_numel(out) != n)
    return ML_REF_ERR_SHAPE;
  if (n > 0 && out->data != in->data)
    memmove(out->data, in->data, (size_t)n * (size_t)ml_ref_dtype_size(in->dtype));
  return ML_REF_OK;
}

/* Copies `in` into every position of out's shape (stride 0 on size-1 dims). */
int ml_ref_broadcast(const MlRefTensor *in, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (out->dtype != in->dtype)
    return ML_REF_ERR_DTYPE;
  if (in->rank > out->rank)
    return ML_REF_ERR_SHAPE;
  int64_t own[ML_REF_MAX_RANK], strides[ML_REF_MAX_RANK];
  ml_ref_strides(in, own);
  int lead = out->rank - in->rank;
  for (int d = 0; d < out->rank; d++) {
    int k = d - lead;
    if (k >= 0 && in->shape[k] != out->shape[d] && in->shape[k] != 1)
      return ML_REF_ERR_SHAPE;
    strides[d] = (k < 0 || in->shape[k] == 1) ? 0 : own[k];
  }
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++)
    copy_elem(in, ml_ref_offset(out->rank, out->shape, strides, i), out, i);
  return ML_REF_OK;
}

/* Copies each input into its slab of `out` along the axis. */
int ml_ref_concat(const MlRefTensor *inputs, int n, int64_t axis,
                  MlRefTensor *out) {
  if (!inputs || n < 1 || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  int a = ml_ref_axis(axis, out->rank);
  if (a < 0)
    return ML_REF_ERR_ATTR;
  int64_t total = 0;
  for (int k = 0; k < n; k++) {
    const MlRefTensor *t = &inputs[k];
    if (ml_ref_check(t))
      return ML_REF_ERR_INVALID;
    if (t->dtype != out->dtype)
      return ML_REF_ERR_DTYPE;
    if (t->rank != out->rank)
      return ML_REF_ERR_SHAPE;
    for (int d = 0; d < t->rank; d++)
      if (d != a && t->shape[d] != out->shape[d])
        return ML_REF_ERR_SHAPE;
    if (t->shape[a] > out->shape[a] - total) /* (no overflow) */
      return ML_REF_ERR_SHAPE;
    total += t->shape[a];
  }
  if (total != out->shape[a])
    return ML_REF_ERR_SHAPE;
  /* Each input fills a [outer x (len * inner)] slab of every outer row. */
  int64_t outer = 1, inner = 1;
  for (int d = 0; d < a; d++)
    outer *= out->shape[d];
  for (int d = a + 1; d < out->rank; d++)
    inner *= out->shape[d];
  int64_t row = out->shape[a] * inner, start = 0;
  size_t size = (size_t)ml_ref_dtype_size(out->dtype);
  for (int k = 0; k < n; k++) {
    int64_t chunk = inputs[k].shape[a] * inner;
    for (int64_t p = 0; p < outer && chunk > 0; p++)
      memcpy((char *)out->data + (size_t)(p * row + start) * size,
             (const char *)inputs[k].data + (size_t)(p * chunk) * size,
             (size_t)chunk * size);
    start += chunk;
  }
  return ML_REF_OK;
}

/* Checks slice's attributes against the shapes (the rules of
 * SliceOp::verify), without overflow. */
static int slice_check(const MlRefTensor *in, const int64_t *offsets,
                       const int64_t *strides, const MlRefTensor *out) {
  if (out->dtype != in->dtype)
    return ML_REF_ERR_DTYPE;
  if (out->rank != in->rank)
    return ML_REF_ERR_SHAPE;
  for (int d = 0; d < in->rank; d++) {
    int64_t off = offsets[d], stride = strides[d], n = out->shape[d];
    if (stride == 0)
      return ML_REF_ERR_ATTR;
    if (n == 0)
      continue;
    if (off < 0 || off >= in->shape[d])
      return ML_REF_ERR_ATTR;
    /* off + (n - 1) * stride in [0, dim): the room left in the stride's
     * direction, divided by |stride|, bounds n - 1. */
    int64_t room = stride > 0 ? in->shape[d] - 1 - off : off;
    int64_t step = stride > 0 ? stride : (stride == INT64_MIN ? INT64_MAX : -stride);
    if (n - 1 > room / step)
      return ML_REF_ERR_ATTR;
  }
  return ML_REF_OK;
}

/* Walks out row-major; input dim d advances by strides[d] per step. */
int ml_ref_slice(const MlRefTensor *in, const int64_t *offsets,
                 const int64_t *strides, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(out) || !offsets || !strides)
    return ML_REF_ERR_INVALID;
  int st = slice_check(in, offsets, strides, out);
  if (st)
    return st;
  int64_t in_strides[ML_REF_MAX_RANK];
  ml_ref_strides(in, in_strides);
  int64_t n = ml_ref_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t rest = i, from = 0;
    for (int d = out->rank - 1; d >= 0; d--) {
      int64_t j = rest % out->shape[d];
      rest /= out->shape[d];
      from += (offsets[d] + j * strides[d]) * in_strides[d];
    }
    copy_elem(in, from, out, i);
  }
  return ML_REF_OK;
}

/* Element `i` of an I32/I64 index tensor, made a position in [0, dim):
 * negative counts from the end, anything still outside is clamped. */
static int64_t gather_index(const MlRefTensor *indices, int64_t i, int64_t dim) {
  int64_t k = ml_ref_load_i(indices, i);
  if (k < 0)
    k += dim; /* k >= INT64_MIN, dim >= 1: no overflow */
  return k < 0 ? 0 : k >= dim ? dim - 1 : k;
}

/* out viewed as (outer, n_idx, inner) picks in's (outer, dim, inner) rows. */
int ml_ref_gather(const MlRefTensor *in, const MlRefTensor *indices,
                  int64_t axis, MlRefTensor *out) {
  if (ml_ref_check(in) || ml_ref_check(indices) || ml_ref_check(out))
    return ML_REF_ERR_INVALID;
  if (out->dtype != in->dtype ||
      (indices->dtype != ML_REF_I32 && indices->dtype != ML_REF_I64))
    return ML_REF_ERR_DTYPE;
  if (in->rank < 1 || axis < 0 || axis >= in->rank)
    return ML_REF_ERR_ATTR;
  int a = (int)axis;
  if (out->rank != in->rank - 1 + indices->rank)
    return ML_REF_ERR_SHAPE;
  for (int d = 0; d < out->rank; d++) {
    int64_t want = d < a                  ? in->shape[d]
                   : d < a + indices->rank ? indices->shape[d - a]
                                           : in->shape[d - indices->rank + 1];
    if (out->shape[d] != want)
      return ML_REF_ERR_SHAPE;
  }
  int64_t outer = 1, inner = 1, dim = in->shape[a];
  int64_t n_idx = ml_ref_numel(indices);
  for (int d = 0; d < a; d++)
    outer *= in->shape[d];
  for (int d = a + 1; d < in->rank; d++)
    inner *= in->shape[d];
  if (dim == 0 && n_idx > 0)
    return ML_REF_ERR_SHAPE; /* no position to clamp into */
  for (int64_t p = 0; p < outer; p++)
    for (int64_t q = 0; q < n_idx; q++) {
      int64_t k = gather_index(indices, q, dim);
      for (int64_t s = 0; s < inner; s++)
        copy_elem(in, (p * dim + k) * inner + s, out, (p * n_idx + q) * inner + s);
    }
  return ML_REF_OK;
}
