/* ref_data: mlt ops that move elements without arithmetic — transpose,
 * reshape, broadcast and concat. Elements are copied as raw bytes, so
 * every dtype (and every NaN payload) survives bit for bit. */
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
