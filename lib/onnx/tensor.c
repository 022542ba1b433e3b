/* tensor: ONNX element types and TensorProto contents (initializers,
 * Constant values, frozen inputs) as mlt types and elements attributes. */
#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
  DT_FLOAT = 1, DT_UINT8 = 2, DT_INT8 = 3, DT_UINT16 = 4, DT_INT16 = 5,
  DT_INT32 = 6, DT_INT64 = 7, DT_STRING = 8, DT_BOOL = 9, DT_FLOAT16 = 10,
  DT_DOUBLE = 11, DT_UINT32 = 12, DT_UINT64 = 13, DT_COMPLEX64 = 14,
  DT_COMPLEX128 = 15, DT_BFLOAT16 = 16
};

const char *ml_onnx_dtype_name(int32_t dtype) {
  static const char *const names[] = {
      "UNDEFINED", "FLOAT",  "UINT8",  "INT8",      "UINT16",     "INT16",
      "INT32",     "INT64",  "STRING", "BOOL",      "FLOAT16",    "DOUBLE",
      "UINT32",    "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
  if (dtype >= 0 && dtype < (int32_t)(sizeof names / sizeof *names))
    return names[dtype];
  return "an unknown data type";
}

MlirType ml_onnx_element_type(MlirContext ctx, int32_t dtype) {
  switch (dtype) {
  case DT_FLOAT:
    return mlirF32TypeGet(ctx);
  case DT_FLOAT16:
    return mlirF16TypeGet(ctx);
  case DT_BFLOAT16:
    return mlirBF16TypeGet(ctx);
  case DT_INT8:
    return mlirIntegerTypeGet(ctx, 8);
  case DT_INT32:
    return mlirIntegerTypeGet(ctx, 32);
  case DT_INT64:
    return mlirIntegerTypeGet(ctx, 64);
  case DT_BOOL:
    return mlirIntegerTypeGet(ctx, 1);
  case DT_DOUBLE:
    return mlirF64TypeGet(ctx);
  default: {
    MlirType none = {NULL};
    return none;
  }
  }
}

static size_t element_size(int32_t dtype) {
  switch (dtype) {
  case DT_INT8:
  case DT_BOOL: /* one byte each here; packed as bits only in attributes */
    return 1;
  case DT_FLOAT16:
  case DT_BFLOAT16:
    return 2;
  case DT_FLOAT:
  case DT_INT32:
    return 4;
  case DT_INT64:
  case DT_DOUBLE:
    return 8;
  default:
    return 0;
  }
}

MlOnnxTensor *ml_onnx_tensor_new(int32_t dtype, intptr_t rank, int64_t count) {
  MlOnnxTensor *t = calloc(1, sizeof *t);
  if (!t)
    abort();
  t->dtype = dtype;
  t->rank = rank;
  t->dims[0] = count;
  t->count = count;
  t->elt_size = element_size(dtype);
  t->data = calloc(count ? (size_t)count : 1, t->elt_size);
  if (!t->data)
    abort();
  return t;
}

void ml_onnx_tensor_free(MlOnnxTensor *t) {
  if (t)
    free(t->data);
  free(t);
}

/* Copies the typed repeated field that holds `dtype`'s elements; returns
 * the number of values it had (-1 when the field cannot hold the type). */
static int64_t copy_typed(const Onnx__TensorProto *p, MlOnnxTensor *t) {
  int64_t n = t->count;
  switch (t->dtype) {
  case DT_FLOAT:
    if ((int64_t)p->n_float_data == n && n) /* memcpy from NULL is UB */
      memcpy(t->data, p->float_data, (size_t)n * 4);
    return (int64_t)p->n_float_data;
  case DT_INT64:
    if ((int64_t)p->n_int64_data == n && n)
      memcpy(t->data, p->int64_data, (size_t)n * 8);
    return (int64_t)p->n_int64_data;
  case DT_DOUBLE:
    if ((int64_t)p->n_double_data == n && n)
      memcpy(t->data, p->double_data, (size_t)n * 8);
    return (int64_t)p->n_double_data;
  case DT_INT32:
  case DT_INT8:
  case DT_BOOL:
  case DT_FLOAT16:
  case DT_BFLOAT16: /* int32_data holds each value (16-bit patterns too) */
    if ((int64_t)p->n_int32_data == n)
      for (int64_t i = 0; i < n; i++) {
        int32_t v = p->int32_data[i];
        if (t->elt_size == 4)
          ((int32_t *)t->data)[i] = v;
        else if (t->elt_size == 2)
          ((uint16_t *)t->data)[i] = (uint16_t)v;
        else
          ((int8_t *)t->data)[i] = (int8_t)(t->dtype == DT_BOOL ? v != 0 : v);
      }
    return (int64_t)p->n_int32_data;
  }
  return -1;
}

MlirLogicalResult ml_onnx_tensor_decode(MlImporter *im,
                                        const Onnx__TensorProto *p,
                                        const char *what, MlOnnxTensor **out) {
  int32_t dtype = p->has_data_type ? p->data_type : 0;
  if (p->n_external_data || (p->has_data_location && p->data_location == 1))
    return ml_onnx_error(im, "%s: unsupported external data (keep the "
                             "weights inside the .onnx file)", what);
  if (p->segment)
    return ml_onnx_error(im, "%s: unsupported segmented tensor", what);
  size_t esize = element_size(dtype);
  if (!esize)
    return ml_onnx_error(im, "%s: unsupported element type %s", what,
                         ml_onnx_dtype_name(dtype));
  if (p->n_dims > ML_ONNX_MAX_RANK)
    return ml_onnx_error(im, "%s: unsupported rank %zu (at most %d)", what,
                         p->n_dims, ML_ONNX_MAX_RANK);
  MlOnnxTensor *t = calloc(1, sizeof *t);
  if (!t)
    abort();
  t->dtype = dtype;
  t->rank = (intptr_t)p->n_dims;
  t->elt_size = esize;
  t->count = 1;
  for (size_t i = 0; i < p->n_dims; i++) {
    int64_t d = p->dims[i];
    if (d < 0 || (d && t->count > INT64_C(1) << 40) || d > INT64_C(1) << 40) {
      ml_onnx_tensor_free(t);
      return ml_onnx_error(im, "%s: invalid dim %lld", what, (long long)d);
    }
    t->dims[i] = d;
    t->count *= d;
  }
  t->data = malloc(t->count ? (size_t)t->count * esize : 1);
  if (!t->data)
    abort();
  int64_t have;
  if (p->has_raw_data) {
    have = (int64_t)(p->raw_data.len / esize);
    if (p->raw_data.len % esize)
      have = -2;
    else if (have == t->count && have) /* little-endian, like the format */
      memcpy(t->data, p->raw_data.data, p->raw_data.len);
  } else {
    have = copy_typed(p, t);
  }
  if (have != t->count) {
    int64_t count = t->count;
    ml_onnx_tensor_free(t);
    if (have == -2)
      return ml_onnx_error(im, "%s: raw_data of %zu bytes is not a whole "
                               "number of %s elements", what,
                           p->raw_data.len, ml_onnx_dtype_name(dtype));
    return ml_onnx_error(im, "%s: holds %lld values but its dims need %lld",
                         what, (long long)(have < 0 ? 0 : have),
                         (long long)count);
  }
  *out = t;
  return mlirLogicalResultSuccess();
}

MlirAttribute ml_onnx_tensor_attr(MlImporter *im, const MlOnnxTensor *t) {
  MlirType type = ml_tensor_type(ml_onnx_element_type(im->ctx, t->dtype),
                                 t->rank, t->dims);
  if (t->dtype == DT_BOOL) { /* MLIR packs i1 elements as bits */
    int *v = malloc(t->count ? (size_t)t->count * sizeof *v : 1);
    if (!v)
      abort();
    for (int64_t i = 0; i < t->count; i++)
      v[i] = ((const uint8_t *)t->data)[i] != 0;
    MlirAttribute a = mlirDenseElementsAttrBoolGet(type, (intptr_t)t->count, v);
    free(v);
    return a;
  }
  return mlirDenseElementsAttrRawBufferGet(type, (size_t)t->count * t->elt_size,
                                           t->data);
}

MlOnnxTensor *ml_onnx_tensor_transpose(const MlOnnxTensor *t) {
  MlOnnxTensor *r = malloc(sizeof *r);
  if (!r)
    abort();
  *r = *t;
  r->dims[0] = t->dims[1];
  r->dims[1] = t->dims[0];
  r->data = malloc(t->count ? (size_t)t->count * t->elt_size : 1);
  if (!r->data)
    abort();
  const char *src = t->data;
  char *dst = r->data;
  for (int64_t i = 0; i < t->dims[0]; i++)
    for (int64_t j = 0; j < t->dims[1]; j++)
      memcpy(dst + (size_t)(j * t->dims[0] + i) * t->elt_size,
             src + (size_t)(i * t->dims[1] + j) * t->elt_size, t->elt_size);
  return r;
}

int64_t ml_onnx_tensor_int(const MlOnnxTensor *t, int64_t i) {
  switch (t->dtype) {
  case DT_INT64:
    return ((const int64_t *)t->data)[i];
  case DT_INT32:
    return ((const int32_t *)t->data)[i];
  case DT_INT8:
  case DT_BOOL:
    return ((const int8_t *)t->data)[i];
  case DT_DOUBLE:
    return (int64_t)((const double *)t->data)[i];
  case DT_FLOAT:
    return (int64_t)((const float *)t->data)[i];
  }
  return 0;
}

/* IEEE half bits to float (exact: every half is a float). */
static float half_to_float(uint16_t h) {
  int exp = (h >> 10) & 31, man = h & 1023;
  float v = exp == 0    ? ldexpf((float)man, -24)
            : exp == 31 ? (man ? NAN : INFINITY)
                        : ldexpf((float)(man | 1024), exp - 25);
  return (h & 0x8000) ? -v : v;
}

double ml_onnx_tensor_float(const MlOnnxTensor *t, int64_t i) {
  if (t->dtype == DT_FLOAT)
    return ((const float *)t->data)[i];
  if (t->dtype == DT_DOUBLE)
    return ((const double *)t->data)[i];
  if (t->dtype == DT_FLOAT16)
    return half_to_float(((const uint16_t *)t->data)[i]);
  if (t->dtype == DT_BFLOAT16) {
    uint32_t bits = (uint32_t)((const uint16_t *)t->data)[i] << 16;
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
  }
  return (double)ml_onnx_tensor_int(t, i);
}
