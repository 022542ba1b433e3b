/* ref_tensor: tensor descriptors and element access for the reference.
 *
 * Validation of MlRefTensor, row-major index arithmetic, and the one place
 * elements are read and written: floats as double (f16/bf16 through exact
 * bit decoding, rounding to nearest even on the way back, done directly
 * from double so there is no double rounding), integers as int64_t with
 * two's complement wrapping on the way back. */
#include <math.h>
#include <string.h>

#include "ref_internal.h"

/*===-- Dtypes and descriptors ------------------------------------------===*/

/* Bytes per element; 0 for an invalid dtype. */
int ml_ref_dtype_size(MlRefDtype dtype) {
  switch (dtype) {
  case ML_REF_F32: return 4;
  case ML_REF_F64: return 8;
  case ML_REF_F16: return 2;
  case ML_REF_BF16: return 2;
  case ML_REF_I8: return 1;
  case ML_REF_I32: return 4;
  case ML_REF_I64: return 8;
  case ML_REF_I1: return 1;
  }
  return 0;
}

/* True for the four float dtypes. */
bool ml_ref_dtype_is_float(MlRefDtype dtype) {
  return dtype == ML_REF_F32 || dtype == ML_REF_F64 || dtype == ML_REF_F16 ||
         dtype == ML_REF_BF16;
}

/* The MLIR spelling of a dtype. */
const char *ml_ref_dtype_name(MlRefDtype dtype) {
  static const char *names[] = {"f32", "f64", "f16", "bf16", "i8", "i32", "i64", "i1"};
  return ml_ref_dtype_size(dtype) ? names[dtype] : "?";
}

/* A short description of a status code. */
const char *ml_ref_status_str(int status) {
  switch (status) {
  case ML_REF_OK: return "ok";
  case ML_REF_ERR_INVALID: return "invalid tensor descriptor or argument";
  case ML_REF_ERR_DTYPE: return "element type not allowed or mismatched";
  case ML_REF_ERR_SHAPE: return "shape mismatch";
  case ML_REF_ERR_ATTR: return "attribute out of range";
  }
  return "unknown status";
}

/* Element count, -1 for a bad descriptor or a byte size over INT64_MAX. */
int64_t ml_ref_numel(const MlRefTensor *t) {
  if (!t || t->rank < 0 || t->rank > ML_REF_MAX_RANK)
    return -1;
  int size = ml_ref_dtype_size(t->dtype);
  if (!size)
    return -1;
  int64_t n = 1, limit = INT64_MAX / size;
  for (int d = 0; d < t->rank; d++) {
    int64_t dim = t->shape[d];
    if (dim < 0)
      return -1;
    if (dim && n > limit / dim)
      return -1;
    n *= dim;
  }
  return n;
}

/* A descriptor is usable: valid numel and data unless empty. */
int ml_ref_check(const MlRefTensor *t) {
  int64_t n = ml_ref_numel(t);
  if (n < 0 || (n > 0 && !t->data))
    return ML_REF_ERR_INVALID;
  return ML_REF_OK;
}

/* Same rank and dims. */
bool ml_ref_same_shape(const MlRefTensor *a, const MlRefTensor *b) {
  if (a->rank != b->rank)
    return false;
  for (int d = 0; d < a->rank; d++)
    if (a->shape[d] != b->shape[d])
      return false;
  return true;
}

/* Row-major element strides. */
void ml_ref_strides(const MlRefTensor *t, int64_t strides[ML_REF_MAX_RANK]) {
  int64_t s = 1;
  for (int d = t->rank - 1; d >= 0; d--) {
    strides[d] = s;
    s *= t->shape[d];
  }
}

/* Decomposes `linear` over `shape` and dots it with `strides`. */
int64_t ml_ref_offset(int rank, const int64_t *shape, const int64_t *strides,
                      int64_t linear) {
  int64_t off = 0;
  for (int d = rank - 1; d >= 0; d--) {
    off += (linear % shape[d]) * strides[d];
    linear /= shape[d];
  }
  return off;
}

/* Per dim of a rank-`rank` result: `in`'s stride, 0 where it broadcasts. */
void ml_ref_broadcast_strides(const MlRefTensor *in, int rank,
                              int64_t strides[ML_REF_MAX_RANK]) {
  int64_t own[ML_REF_MAX_RANK];
  ml_ref_strides(in, own);
  int lead = rank - in->rank;
  for (int d = 0; d < rank; d++) {
    int k = d - lead;
    strides[d] = (k < 0 || in->shape[k] == 1) ? 0 : own[k];
  }
}

/* Trailing-aligned dims: equal or 1 each, the broadcast being out's. */
bool ml_ref_broadcasts_to(const MlRefTensor *const *in, int n,
                          const MlRefTensor *out) {
  int rank = 0;
  for (int i = 0; i < n; i++)
    rank = in[i]->rank > rank ? in[i]->rank : rank;
  if (out->rank != rank)
    return false;
  for (int k = 0; k < rank; k++) {
    int64_t dim = 1;
    for (int i = 0; i < n; i++) {
      int64_t d = k < in[i]->rank ? in[i]->shape[in[i]->rank - 1 - k] : 1;
      if (d != 1 && dim != 1 && d != dim)
        return false;
      dim = d == 1 ? dim : d;
    }
    if (out->shape[rank - 1 - k] != dim)
      return false;
  }
  return true;
}

/* [-rank, rank) -> [0, rank), -1 outside. */
int ml_ref_axis(int64_t axis, int rank) {
  if (axis < -rank || axis >= rank)
    return -1;
  return (int)(axis < 0 ? axis + rank : axis);
}

/*===-- Small floats ----------------------------------------------------===*/

/* Encodes x as a float with `ebits` exponent and `mbits` fraction bits,
 * rounding to nearest even directly from double. */
static uint16_t encode_small(double x, int ebits, int mbits) {
  uint16_t sign = signbit(x) ? (uint16_t)(1u << (ebits + mbits)) : 0;
  uint16_t exp_all = (uint16_t)(((1u << ebits) - 1) << mbits);
  if (isnan(x))
    return sign | exp_all | (uint16_t)(1u << (mbits - 1));
  double a = fabs(x);
  if (isinf(a))
    return sign | exp_all;
  if (a == 0)
    return sign;
  int bias = (1 << (ebits - 1)) - 1, emin = 1 - bias;
  int e;
  frexp(a, &e);
  e -= 1; /* a = 1.f * 2^e */
  if (e < emin)
    e = emin; /* subnormal: fixed quantum */
  double scaled = ldexp(a, mbits - e); /* exact; < 2^(mbits+1) */
  double r = floor(scaled), frac = scaled - r;
  if (frac > 0.5 || (frac == 0.5 && fmod(r, 2.0) != 0))
    r += 1;
  if (r >= ldexp(1.0, mbits + 1)) { /* rounded up to the next binade */
    r /= 2;
    e += 1;
  }
  if (e > bias)
    return sign | exp_all; /* overflow */
  uint32_t m = (uint32_t)r;
  if (m < (1u << mbits)) /* subnormal (or rounded to zero) */
    return sign | (uint16_t)m;
  return sign | (uint16_t)((uint32_t)(e + bias) << mbits) |
         (uint16_t)(m - (1u << mbits));
}

/* Decodes a float with `ebits` exponent and `mbits` fraction bits. */
static double decode_small(uint16_t bits, int ebits, int mbits) {
  int bias = (1 << (ebits - 1)) - 1;
  int sign = (bits >> (ebits + mbits)) & 1;
  int ef = (bits >> mbits) & ((1 << ebits) - 1);
  uint32_t m = bits & ((1u << mbits) - 1);
  double v;
  if (ef == (1 << ebits) - 1)
    v = m ? NAN : INFINITY;
  else if (ef == 0)
    v = ldexp((double)m, 1 - bias - mbits);
  else
    v = ldexp((double)(m | (1u << mbits)), ef - bias - mbits);
  return sign ? -v : v;
}

/* Public f16/bf16 conversions (exact decode, RNE encode). */
uint16_t ml_ref_f32_to_f16(float x) { return encode_small(x, 5, 10); }
float ml_ref_f16_to_f32(uint16_t bits) { return (float)decode_small(bits, 5, 10); }
uint16_t ml_ref_f32_to_bf16(float x) { return encode_small(x, 8, 7); }
float ml_ref_bf16_to_f32(uint16_t bits) { return (float)decode_small(bits, 8, 7); }

/* Rounds v to the precision and range of a float dtype. */
double ml_ref_round(MlRefDtype dtype, double v) {
  switch (dtype) {
  case ML_REF_F32: return (double)(float)v;
  case ML_REF_F16: return decode_small(encode_small(v, 5, 10), 5, 10);
  case ML_REF_BF16: return decode_small(encode_small(v, 8, 7), 8, 7);
  default: return v;
  }
}

/*===-- Element access --------------------------------------------------===*/

/* Reads a float element exactly as double (integers: converted). */
double ml_ref_load_f(const MlRefTensor *t, int64_t i) {
  switch (t->dtype) {
  case ML_REF_F32: return ((const float *)t->data)[i];
  case ML_REF_F64: return ((const double *)t->data)[i];
  case ML_REF_F16: return decode_small(((const uint16_t *)t->data)[i], 5, 10);
  case ML_REF_BF16: return decode_small(((const uint16_t *)t->data)[i], 8, 7);
  default: /* an integer tensor */
    return ml_ref_dtype_is_float(t->dtype) ? 0 : (double)ml_ref_load_i(t, i);
  }
}

/* Rounds once into a float element (integers: saturating, as cast). */
void ml_ref_store_f(MlRefTensor *t, int64_t i, double v) {
  switch (t->dtype) {
  case ML_REF_F32: ((float *)t->data)[i] = (float)v; break;
  case ML_REF_F64: ((double *)t->data)[i] = v; break;
  case ML_REF_F16: ((uint16_t *)t->data)[i] = encode_small(v, 5, 10); break;
  case ML_REF_BF16: ((uint16_t *)t->data)[i] = encode_small(v, 8, 7); break;
  default: /* an integer tensor */
    if (!ml_ref_dtype_is_float(t->dtype))
      ml_ref_store_i(t, i, (uint64_t)ml_ref_saturate(t->dtype, v));
    break;
  }
}

/* Sign-extends an integer element (floats: saturating, as cast). */
int64_t ml_ref_load_i(const MlRefTensor *t, int64_t i) {
  switch (t->dtype) {
  case ML_REF_I8: return ((const int8_t *)t->data)[i];
  case ML_REF_I32: return ((const int32_t *)t->data)[i];
  case ML_REF_I64: return ((const int64_t *)t->data)[i];
  case ML_REF_I1: return ((const uint8_t *)t->data)[i] != 0;
  default: /* a float tensor */
    return ml_ref_dtype_is_float(t->dtype) ? ml_ref_saturate(ML_REF_I64, ml_ref_load_f(t, i)) : 0;
  }
}

/* The int64_t with the bits of u. */
int64_t ml_ref_to_signed(uint64_t u) {
  if (u <= (uint64_t)INT64_MAX)
    return (int64_t)u;
  return -(int64_t)(~u) - 1; /* ~u <= INT64_MAX */
}

/* The low `bits` bits of u as a signed value of that width. */
static int64_t wrap(uint64_t u, int bits) {
  if (bits == 64)
    return ml_ref_to_signed(u);
  uint64_t mask = (UINT64_C(1) << bits) - 1, half = UINT64_C(1) << (bits - 1);
  u &= mask;
  return u >= half ? (int64_t)u - (int64_t)(mask + 1) : (int64_t)u;
}

/* Wraps into an integer element (floats: rounded once, as cast). */
void ml_ref_store_i(MlRefTensor *t, int64_t i, uint64_t v) {
  switch (t->dtype) {
  case ML_REF_I8: ((int8_t *)t->data)[i] = (int8_t)wrap(v, 8); break;
  case ML_REF_I32: ((int32_t *)t->data)[i] = (int32_t)wrap(v, 32); break;
  case ML_REF_I64: ((int64_t *)t->data)[i] = wrap(v, 64); break;
  case ML_REF_I1: ((uint8_t *)t->data)[i] = v != 0; break;
  case ML_REF_F64: ((double *)t->data)[i] = (double)ml_ref_to_signed(v); break;
  default: /* f32/f16/bf16: round to odd first, then once to the dtype */
    if (ml_ref_dtype_is_float(t->dtype))
      ml_ref_store_f(t, i, ml_ref_int_to_double_odd(ml_ref_to_signed(v)));
    break;
  }
}

/*===-- Integer conversions ---------------------------------------------===*/

/* Smallest value of an integer dtype (I1: 0). */
int64_t ml_ref_int_min(MlRefDtype dtype) {
  if (dtype == ML_REF_I1)
    return 0;
  return dtype == ML_REF_I8 ? INT8_MIN : dtype == ML_REF_I32 ? INT32_MIN : INT64_MIN;
}

/* Largest value of an integer dtype (I1: 1). */
int64_t ml_ref_int_max(MlRefDtype dtype) {
  if (dtype == ML_REF_I1)
    return 1;
  return dtype == ML_REF_I8 ? INT8_MAX : dtype == ML_REF_I32 ? INT32_MAX : INT64_MAX;
}

/* Toward zero, clamped to the dtype's range, NaN -> 0; for I1 nonzero
 * (NaN included) is 1. */
int64_t ml_ref_saturate(MlRefDtype dtype, double v) {
  if (dtype == ML_REF_I1)
    return v != 0; /* NaN != 0 holds */
  if (isnan(v))
    return 0;
  double t = trunc(v);
  int64_t lo = ml_ref_int_min(dtype), hi = ml_ref_int_max(dtype);
  /* lo is a power of two (exact in double); hi + 1 = -lo. */
  if (t <= (double)lo)
    return lo;
  if (t >= -(double)lo)
    return hi;
  return (int64_t)t;
}

/* Exact below 2^53; above, the dropped bits are ORed into the last kept
 * bit (round to odd), so a later rounding to <= 51 bits is correct. */
double ml_ref_int_to_double_odd(int64_t v) {
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  if (u < (UINT64_C(1) << 53))
    return (double)v;
  int drop = 0;
  while ((u >> drop) >= (UINT64_C(1) << 53))
    drop++;
  uint64_t kept = u >> drop;
  if (u & ((UINT64_C(1) << drop) - 1))
    kept |= 1; /* sticky bit: round to odd */
  double d = ldexp((double)kept, drop);
  return v < 0 ? -d : d;
}

/*===-- Float max/min ---------------------------------------------------===*/

/* arith.maximumf on doubles. */
double ml_ref_fmax(double a, double b) {
  if (isnan(a) || isnan(b))
    return NAN;
  if (a == b) /* +0 vs -0: +0 */
    return signbit(a) ? b : a;
  return a > b ? a : b;
}

/* arith.minimumf on doubles. */
double ml_ref_fmin(double a, double b) {
  if (isnan(a) || isnan(b))
    return NAN;
  if (a == b)
    return signbit(a) ? a : b;
  return a < b ? a : b;
}
