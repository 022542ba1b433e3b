/* array: allocation, random filling and NumPy-like printing of MlArray.
 *
 * The generator is splitmix64, so `--random-inputs --seed=N` gives the same
 * values on every machine; floats take the top bits of each draw (exactly
 * representable values, no rounding), integers the top four bits. */
#include "array.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Per dtype: element size, ml-run's name, NumPy's descr and type name. */
static const struct {
  size_t size;
  const char *name, *descr, *numpy;
} dtypes[ML_NUM_DTYPES] = {
    [ML_F16] = {2, "f16", "<f2", "float16"},
    [ML_F32] = {4, "f32", "<f4", "float32"},
    [ML_F64] = {8, "f64", "<f8", "float64"},
    [ML_I8] = {1, "i8", "|i1", "int8"},
    [ML_I32] = {4, "i32", "<i4", "int32"},
    [ML_I64] = {8, "i64", "<i8", "int64"},
    [ML_BF16] = {2, "bf16", "<u2", "uint16"},
    [ML_I1] = {1, "i1", "|b1", "bool_"},
};

/* Table lookups. */
size_t ml_dtype_size(MlDType t) { return dtypes[t].size; }
const char *ml_dtype_name(MlDType t) { return dtypes[t].name; }
const char *ml_dtype_descr(MlDType t) { return dtypes[t].descr; }
const char *ml_dtype_numpy(MlDType t) { return dtypes[t].numpy; }

/* Bytes of element data (without the allocation's padding). */
size_t ml_array_bytes(const MlArray *a) {
  return a->count * ml_dtype_size(a->dtype);
}

/* Allocates 64-byte aligned, zero-filled storage for `shape`. */
bool ml_array_alloc(MlArray *a, MlDType t, int rank, const int64_t *shape) {
  memset(a, 0, sizeof *a);
  a->dtype = t;
  a->rank = rank;
  size_t count = 1, bytes;
  for (int i = 0; i < rank; i++) {
    a->shape[i] = shape[i];
    if (shape[i] < 0 || __builtin_mul_overflow(count, (size_t)shape[i], &count))
      return false;
  }
  if (__builtin_mul_overflow(count, ml_dtype_size(t), &bytes) ||
      bytes > SIZE_MAX - 64)
    return false;
  size_t rounded = (bytes + 63) / 64 * 64; /* aligned_alloc wants a multiple */
  a->data = aligned_alloc(64, rounded ? rounded : 64);
  if (!a->data)
    return false;
  memset(a->data, 0, rounded ? rounded : 64);
  a->count = count;
  return true;
}

/* Frees the data; the array may be freed again. */
void ml_array_free(MlArray *a) {
  free(a->data);
  a->data = NULL;
}

/* NumPy's tuple spelling of a shape. */
void ml_shape_format(int rank, const int64_t *shape, MlBuf *out) {
  ml_buf_puts(out, "(");
  for (int i = 0; i < rank; i++)
    ml_buf_printf(out, "%s%lld", i ? ", " : "", (long long)shape[i]);
  ml_buf_puts(out, rank == 1 ? ",)" : ")");
}

/* splitmix64: one 64-bit draw. */
static uint64_t next_random(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* Draws every element from `state`, in row-major order. */
void ml_array_fill_random(MlArray *a, uint64_t *state) {
  for (size_t i = 0; i < a->count; i++) {
    uint64_t r = next_random(state);
    int64_t k = (int64_t)(r >> 60) - 8; /* [-8, 8) */
    switch (a->dtype) {
    case ML_F16: /* k/1024 - 1: every value is an exact half */
      ((uint16_t *)a->data)[i] =
          ml_float_to_half((float)(r >> 53) * 0x1p-10f - 1.0f);
      break;
    case ML_F32:
      ((float *)a->data)[i] = (float)(r >> 40) * 0x1p-23f - 1.0f;
      break;
    case ML_F64:
      ((double *)a->data)[i] = (double)(r >> 11) * 0x1p-52 - 1.0;
      break;
    case ML_BF16: { /* k/128 - 1: exact in bf16, so its bits are f32's top half */
      float f = (float)(r >> 56) * 0x1p-7f - 1.0f;
      uint32_t bits;
      memcpy(&bits, &f, sizeof bits);
      ((uint16_t *)a->data)[i] = (uint16_t)(bits >> 16);
      break;
    }
    case ML_I1:
      ((uint8_t *)a->data)[i] = (uint8_t)(r >> 63);
      break;
    case ML_I8:
      ((int8_t *)a->data)[i] = (int8_t)k;
      break;
    case ML_I32:
      ((int32_t *)a->data)[i] = (int32_t)k;
      break;
    case ML_I64:
    case ML_NUM_DTYPES:
      ((int64_t *)a->data)[i] = k;
      break;
    }
  }
}

/* Widens IEEE half bits exactly (subnormals, inf and nan included). */
float ml_half_to_float(uint16_t h) {
  uint32_t sign = (uint32_t)(h >> 15) << 31, exp = (h >> 10) & 31,
           man = h & 1023, bits;
  if (exp == 31) { /* inf, nan */
    bits = sign | 0x7f800000u | (man << 13);
  } else if (exp) {
    bits = sign | ((exp + 112) << 23) | (man << 13);
  } else { /* zero or subnormal: man * 2^-24 */
    float f = (float)man * 0x1p-24f;
    return sign ? -f : f;
  }
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

/* The f32 whose top 16 bits are `h`. */
float ml_bf16_to_float(uint16_t h) {
  uint32_t bits = (uint32_t)h << 16;
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

/* Narrows to IEEE half, rounding to nearest even. */
uint16_t ml_float_to_half(float f) {
  uint32_t x;
  memcpy(&x, &f, sizeof x);
  uint16_t sign = (uint16_t)((x >> 16) & 0x8000);
  uint32_t ax = x & 0x7fffffffu;
  if (ax >= 0x7f800000u) /* inf or nan (kept quiet) */
    return sign | 0x7c00 | (ax > 0x7f800000u ? 0x200 : 0);
  if (ax >= 0x477ff000u) /* rounds past 65504 */
    return sign | 0x7c00;
  if (ax < 0x38800000u) { /* below 2^-14: subnormal half, round to even */
    float m = fabsf(f) * 0x1p24f;
    return sign | (uint16_t)nearbyintf(m);
  }
  uint32_t exp = (ax >> 23) - 112, man = ax & 0x7fffffu;
  uint32_t h = (exp << 10) | (man >> 13), rest = man & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (h & 1)))
    h++; /* a carry into the exponent is still right */
  return sign | (uint16_t)h;
}

/* Formats element `i` of `a` into `buf`. */
static void format_element(const MlArray *a, size_t i, char *buf, size_t n) {
  switch (a->dtype) {
  case ML_F16:
    snprintf(buf, n, "%g", ml_half_to_float(((const uint16_t *)a->data)[i]));
    break;
  case ML_F32:
    snprintf(buf, n, "%g", ((const float *)a->data)[i]);
    break;
  case ML_F64:
    snprintf(buf, n, "%g", ((const double *)a->data)[i]);
    break;
  case ML_BF16:
    snprintf(buf, n, "%g", ml_bf16_to_float(((const uint16_t *)a->data)[i]));
    break;
  case ML_I1:
    snprintf(buf, n, "%s", ((const uint8_t *)a->data)[i] ? "True" : "False");
    break;
  case ML_I8:
    snprintf(buf, n, "%d", ((const int8_t *)a->data)[i]);
    break;
  case ML_I32:
    snprintf(buf, n, "%d", ((const int32_t *)a->data)[i]);
    break;
  case ML_I64:
  case ML_NUM_DTYPES:
    snprintf(buf, n, "%lld", (long long)((const int64_t *)a->data)[i]);
    break;
  }
}

enum { EDGE = 3, THRESHOLD = 1000 };

typedef struct Printer {
  const MlArray *a;
  bool summarize;
  int width; /* widest element; measured in a first pass */
  MlBuf *out; /* NULL while measuring */
} Printer;

/* Prints (or measures) the sub-array at `dim` starting at element `base`. */
static void print_dim(Printer *p, int dim, size_t base) {
  const MlArray *a = p->a;
  if (dim == a->rank) {
    char buf[64];
    format_element(a, base, buf, sizeof buf);
    int len = (int)strlen(buf);
    if (!p->out && len > p->width)
      p->width = len;
    else if (p->out)
      ml_buf_printf(p->out, "%*s", p->width, buf);
    return;
  }
  size_t stride = 1;
  for (int d = dim + 1; d < a->rank; d++)
    stride *= (size_t)a->shape[d];
  int64_t n = a->shape[dim];
  bool cut = p->summarize && n > 2 * EDGE;
  if (p->out)
    ml_buf_puts(p->out, "[");
  for (int64_t i = 0; i < n; i++) {
    if (cut && i == EDGE)
      i = n - EDGE;
    if (i > 0 && p->out) {
      for (int k = 0; k < a->rank - dim - 1; k++)
        ml_buf_puts(p->out, "\n");
      ml_buf_printf(p->out, "%*s", dim == a->rank - 1 ? 1 : dim + 1, "");
      if (cut && i == n - EDGE) { /* the elision marker, then a separator */
        ml_buf_puts(p->out, "...");
        for (int k = 0; k < a->rank - dim - 1; k++)
          ml_buf_puts(p->out, "\n");
        ml_buf_printf(p->out, "%*s", dim == a->rank - 1 ? 1 : dim + 1, "");
      }
    }
    print_dim(p, dim + 1, base + (size_t)i * stride);
  }
  if (p->out)
    ml_buf_puts(p->out, "]");
}

/* Measures the widest element, then prints with that width. */
void ml_array_print(const MlArray *a, MlBuf *out) {
  Printer p = {a, a->count > THRESHOLD, 0, NULL};
  print_dim(&p, 0, 0); /* measure */
  if (a->rank && a->count == 0) {
    ml_buf_puts(out, "[]\n");
    return;
  }
  p.out = out;
  print_dim(&p, 0, 0);
  ml_buf_puts(out, "\n");
}
