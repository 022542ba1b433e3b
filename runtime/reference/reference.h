/* reference.h: plain-C reference implementations of every mlt op.
 *
 * The oracle that compiled mlopt code is checked against. Tensors are plain
 * row-major contiguous arrays described by MlRefTensor; nothing here
 * depends on MLIR. Each op family is one function: inputs first, then the
 * op's attributes, then `out`, which the caller allocates with the result
 * shape and dtype the op's verifier would require. Every function checks
 * shapes, dtypes and attributes and returns ML_REF_OK (0) or a nonzero
 * MlRefStatus without touching `out`; none of them crashes on bad input
 * (NULL pointers included). `out` must not overlap any input.
 *
 * Float math is done in double and rounded once to the result dtype
 * (round to nearest even), so the reference is at least as accurate as
 * the compiled code; integer math wraps. Quantization is defined as f32
 * steps and computed exactly so (ref_quant.c). docs/reference.md gives the exact
 * semantics and the tolerance policy behind ml_ref_tolerance. */
#ifndef MLOPT_RUNTIME_REFERENCE_H
#define MLOPT_RUNTIME_REFERENCE_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ML_REF_MAX_RANK 8

/* Element types. F16 and BF16 elements are stored as their uint16_t bit
 * patterns; I8/I32/I64 are signed two's complement; I1 (bool) elements
 * are one byte each, 0 or 1 (NumPy's bool layout; any nonzero byte reads
 * as 1). I1 is accepted by data movement, cast, cmp's result, select and
 * the logic ops; every arithmetic function rejects it (ML_REF_ERR_DTYPE). */
typedef enum {
  ML_REF_F32,
  ML_REF_F64,
  ML_REF_F16,
  ML_REF_BF16,
  ML_REF_I8,
  ML_REF_I32,
  ML_REF_I64,
  ML_REF_I1,
} MlRefDtype;

/* A borrowed view of a row-major contiguous tensor; rank 0 is a scalar
 * (one element). Dims may be 0 (then `data` may be NULL). */
typedef struct {
  MlRefDtype dtype;
  int rank;
  int64_t shape[ML_REF_MAX_RANK];
  void *data;
} MlRefTensor;

/* What every function returns. */
typedef enum {
  ML_REF_OK = 0,
  ML_REF_ERR_INVALID = 1, /* NULL pointer, bad rank/dim/dtype, NULL data */
  ML_REF_ERR_DTYPE = 2,   /* element type not allowed or not matching */
  ML_REF_ERR_SHAPE = 3,   /* shapes incompatible or `out` shape wrong */
  ML_REF_ERR_ATTR = 4,    /* attribute out of range (axis, perm, stride...) */
} MlRefStatus;

typedef enum {
  ML_REF_ADD,
  ML_REF_SUB,
  ML_REF_MUL,
  ML_REF_DIV,
  ML_REF_MAX,
  ML_REF_MIN,
  ML_REF_POW,
} MlRefBinaryKind;

typedef enum {
  ML_REF_RELU,
  ML_REF_SIGMOID,
  ML_REF_TANH,
  ML_REF_GELU,
  ML_REF_EXP,
  ML_REF_LOG,
  ML_REF_SQRT,
  ML_REF_RSQRT,
  ML_REF_NEG,
  ML_REF_ABS,
  ML_REF_ERF,
} MlRefUnaryKind;

typedef enum { ML_REF_ARGMAX = 0, ML_REF_ARGMIN = 1 } MlRefArgKind;

/* Same order and values as mlt's CmpPredicate enum. */
typedef enum {
  ML_REF_CMP_EQ = 0,
  ML_REF_CMP_NE = 1,
  ML_REF_CMP_LT = 2,
  ML_REF_CMP_LE = 3,
  ML_REF_CMP_GT = 4,
  ML_REF_CMP_GE = 5,
} MlRefCmpKind;

typedef enum { ML_REF_AND, ML_REF_OR, ML_REF_XOR } MlRefLogicKind;

/* Same order and values as mlt's ReduceKind, PoolKind and Layout enums. */
typedef enum {
  ML_REF_REDUCE_SUM = 0,
  ML_REF_REDUCE_MAX = 1,
  ML_REF_REDUCE_MIN = 2,
  ML_REF_REDUCE_MEAN = 3,
  ML_REF_REDUCE_PROD = 4,
} MlRefReduceKind;

typedef enum { ML_REF_POOL_MAX = 0, ML_REF_POOL_AVG = 1 } MlRefPoolKind;

/* NCHW input with OIHW filter, or NHWC input with HWIO filter. */
typedef enum { ML_REF_NCHW = 0, ML_REF_NHWC = 1 } MlRefLayout;

/*===-- Tensors and element types ---------------------------------------===*/

/* Bytes per element (2 for F16/BF16, 1 for I1), 0 for an invalid dtype. */
int ml_ref_dtype_size(MlRefDtype dtype);
/* True for F32, F64, F16 and BF16. */
bool ml_ref_dtype_is_float(MlRefDtype dtype);
/* "f32", "bf16", "i8"...; "?" for an invalid dtype. */
const char *ml_ref_dtype_name(MlRefDtype dtype);
/* Number of elements (1 for rank 0), or -1 if `t` is invalid or the byte
 * size would overflow. */
int64_t ml_ref_numel(const MlRefTensor *t);
/* A one-line description of a status ("shape mismatch"...). */
const char *ml_ref_status_str(int status);

/* IEEE binary16 and bfloat16 conversions, round to nearest even; overflow
 * gives infinity, NaN stays NaN (quiet, sign kept). */
uint16_t ml_ref_f32_to_f16(float x);
float ml_ref_f16_to_f32(uint16_t bits);
uint16_t ml_ref_f32_to_bf16(float x);
float ml_ref_bf16_to_f32(uint16_t bits);

/*===-- Elementwise (ref_elementwise.c) ---------------------------------===*/

/* out = a (kind) b with numpy broadcasting from the trailing dim; a, b and
 * out share the dtype. Integer div truncates toward zero and gives 0 for a
 * zero divisor; integer ops wrap; float max/min propagate NaN and order
 * -0 < +0; pow needs floats. */
int ml_ref_binary(MlRefBinaryKind kind, const MlRefTensor *a,
                  const MlRefTensor *b, MlRefTensor *out);
/* out = kind(in), same shape and dtype. Only relu, neg and abs accept
 * integers (neg/abs wrap: abs(INT_MIN) = INT_MIN). gelu is the exact
 * x * Phi(x). */
int ml_ref_unary(MlRefUnaryKind kind, const MlRefTensor *in, MlRefTensor *out);
/* out = x if x >= 0 else alpha * x, alpha first rounded to the element
 * type; floats only, same shape and dtype. NaN stays NaN, -0 stays -0. */
int ml_ref_leaky_relu(const MlRefTensor *in, double alpha, MlRefTensor *out);
/* out = min(max(in, lo), hi), bounds first converted to the element type
 * (floats: rounded; integers: toward zero, saturated). lo <= hi. */
int ml_ref_clamp(const MlRefTensor *in, double lo, double hi, MlRefTensor *out);
/* Converts every element to out->dtype (same shape): float->float rounds
 * to nearest even, float->int rounds toward zero and saturates (NaN -> 0),
 * int->float rounds to nearest even, int->int wraps; to I1 nonzero (NaN
 * included) is 1, from I1 true is 1. */
int ml_ref_cast(const MlRefTensor *in, MlRefTensor *out);

/*===-- Quantization (ref_quant.c) --------------------------------------===*/

/* int8 per-tensor quantization, defined as f32 operations (bit-exact with
 * the compiled code; docs/reference.md). scale must be finite and > 0
 * (else ML_REF_ERR_ATTR); same shape in and out.
 * quantize: float in (F16/BF16 widened to f32 exactly, F64 rounded to f32
 * first), I8 out: q = r + zero_point, r = roundeven(x / scale) (one f32
 * division, ties to even) clamped to [-128 - zp, 127 - zp] in f32, so ±inf
 * saturate; NaN gives zero_point. zero_point in [-128, 127]. */
int ml_ref_quantize(const MlRefTensor *in, float scale, int32_t zero_point,
                    MlRefTensor *out);
/* dequantize: I8 or I32 in, F32 out: y = (float)(q - zero_point) * scale,
 * the difference exact (in int64), converted to f32 rounding to nearest
 * even, then one f32 multiply. zero_point in [-128, 127] for I8 input, any
 * int32 for I32. */
int ml_ref_dequantize(const MlRefTensor *in, float scale, int32_t zero_point,
                      MlRefTensor *out);

/*===-- Comparison, selection and logic (ref_logic.c) ------------------===*/

/* out (I1) = a (kind) b with numpy broadcasting; a and b share a non-I1
 * dtype. Floats compare ordered (NaN: false) except NE (NaN: true);
 * integers signed. */
int ml_ref_cmp(MlRefCmpKind kind, const MlRefTensor *a, const MlRefTensor *b,
               MlRefTensor *out);
/* out = cond ? x : y, the three broadcast together (numpy); cond is I1,
 * x, y and out share any dtype (copied bit for bit). */
int ml_ref_select(const MlRefTensor *cond, const MlRefTensor *x,
                  const MlRefTensor *y, MlRefTensor *out);
/* out = a (and|or|xor) b with numpy broadcasting, all I1. */
int ml_ref_logic(MlRefLogicKind kind, const MlRefTensor *a,
                 const MlRefTensor *b, MlRefTensor *out);
/* out = !in, I1, same shape. */
int ml_ref_not(const MlRefTensor *in, MlRefTensor *out);

/*===-- Contractions (ref_contraction.c) --------------------------------===*/

/* (M x K) . (K x N) -> (M x N). Float operands give the same float type
 * (accumulated in double); i8 operands give i32; i32/i64 give themselves,
 * wrapping. */
int ml_ref_matmul(const MlRefTensor *a, const MlRefTensor *b, MlRefTensor *out);
/* (B x M x K) . (B x K x N) -> (B x M x N), types as for matmul. */
int ml_ref_batch_matmul(const MlRefTensor *a, const MlRefTensor *b,
                        MlRefTensor *out);
/* 2-D cross-correlation. strides {sh, sw} >= 1, padding {top, left,
 * bottom, right} >= 0, dilations {dh, dw} >= 1, groups >= 1 dividing the
 * output channels, input channels = filter's per-group channels * groups.
 * Output spatial size: (in + lo + hi - d*(k-1) - 1) / s + 1, at least 1. */
int ml_ref_conv2d(const MlRefTensor *input, const MlRefTensor *filter,
                  MlRefLayout layout, const int64_t strides[2],
                  const int64_t padding[4], const int64_t dilations[2],
                  int64_t groups, MlRefTensor *out);

/*===-- Reductions (ref_reduce.c) ---------------------------------------===*/

/* Reduces the distinct `axes` (negative counts from the end, n_axes >= 1);
 * keepdims keeps them as size 1. Same dtype in and out; mean needs floats.
 * Over an empty axis: sum 0, prod 1, mean NaN, max -inf / the type's
 * minimum, min +inf / the type's maximum. */
int ml_ref_reduce(MlRefReduceKind kind, const MlRefTensor *in,
                  const int64_t *axes, int n_axes, bool keepdims,
                  MlRefTensor *out);
/* exp(x - max) / sum(exp(x - max)) along `axis` (negative from the end);
 * floats only, rank >= 1, same shape and dtype. */
int ml_ref_softmax(const MlRefTensor *in, int64_t axis, MlRefTensor *out);
/* Max or average pooling over kernel {kh, kw} windows with strides {sh,
 * sw} >= 1 and padding {top, left, bottom, right}, each smaller than the
 * kernel. Padded elements are ignored by max and not counted by avg
 * (count_include_pad = false); avg needs floats. */
int ml_ref_pool2d(MlRefPoolKind kind, const MlRefTensor *in, MlRefLayout layout,
                  const int64_t kernel[2], const int64_t strides[2],
                  const int64_t padding[4], MlRefTensor *out);

/* The position of the maximum (ARGMAX) or minimum (ARGMIN) along `axis`
 * (negative from the end; its size >= 1) as out's I64 or I32 elements;
 * keepdims keeps the axis as size 1. Ties give the first position, or the
 * last with select_last; a NaN counts as the extreme (the first NaN wins,
 * the last with select_last), as NumPy's argmax/argmin. */
int ml_ref_arg_reduce(MlRefArgKind kind, const MlRefTensor *in, int64_t axis,
                      bool keepdims, bool select_last, MlRefTensor *out);

/*===-- Data movement (ref_data.c) --------------------------------------===*/

/* Result dim i is input dim perm[i]; perm has in->rank entries. */
int ml_ref_transpose(const MlRefTensor *in, const int64_t *perm,
                     MlRefTensor *out);
/* Same elements in row-major order; element counts must match. */
int ml_ref_reshape(const MlRefTensor *in, MlRefTensor *out);
/* Numpy broadcast of `in` to out's shape. */
int ml_ref_broadcast(const MlRefTensor *in, MlRefTensor *out);
/* Joins the n >= 1 `inputs` along `axis` (negative from the end). */
int ml_ref_concat(const MlRefTensor *inputs, int n, int64_t axis,
                  MlRefTensor *out);
/* out[j...] = in[offsets + j * strides] per dim (in->rank entries each):
 * same rank and dtype, strides nonzero (negative walks backwards), and
 * every position read inside `in` (dims of out may be 0). */
int ml_ref_slice(const MlRefTensor *in, const int64_t *offsets,
                 const int64_t *strides, MlRefTensor *out);
/* ONNX Gather: out[p..., q..., s...] = in[p..., indices[q...], s...], out
 * shape in.shape[:axis] + indices.shape + in.shape[axis+1:], axis in
 * [0, in->rank). Indices are I32 or I64; a negative one counts from the
 * end (i + dim) and one still outside [0, dim) is clamped into it. */
int ml_ref_gather(const MlRefTensor *in, const MlRefTensor *indices,
                  int64_t axis, MlRefTensor *out);

/*===-- Comparison and tolerances (ref_compare.c) -----------------------===*/

/* The result of comparing a computed tensor against the reference. */
typedef struct {
  int status;            /* ML_REF_OK, or why the tensors are not comparable */
  bool ok;               /* status == OK and no element mismatches */
  int64_t mismatches;    /* elements failing the closeness test */
  int64_t first_mismatch; /* row-major index of the first, -1 if none */
  double expected_at_first, actual_at_first; /* values there (as double) */
  double max_abs_err;    /* over all elements; inf for a NaN/inf mismatch */
  double max_rel_err;    /* |a - e| / |e| over elements with e != 0 */
} MlRefCompare;

/* Compares `actual` with `expected` (same dtype and shape) element by
 * element with NumPy isclose semantics: |a - e| <= atol + rtol * |e|; NaN
 * matches NaN, an infinity matches only the same-signed infinity. Integers
 * are compared through their exact int64 difference (rtol = atol = 0 means
 * equality). rtol/atol must be >= 0. */
MlRefCompare ml_ref_compare(const MlRefTensor *expected,
                            const MlRefTensor *actual, double rtol, double atol);

/* Which tolerance an op's output gets (docs/reference.md). */
typedef enum {
  ML_REF_CLASS_EXACT,          /* data movement, relu neg abs max min clamp
                                  cast, quantize dequantize, pool max, reduce max/min, argmax
                                  argmin, slice, gather, cmp select not and
                                  or xor */
  ML_REF_CLASS_ELEMENTWISE,    /* add sub mul div sqrt leaky_relu
                                  (correctly rounded) */
  ML_REF_CLASS_TRANSCENDENTAL, /* exp log tanh sigmoid gelu erf pow rsqrt */
  ML_REF_CLASS_SOFTMAX,        /* exp + a sum over the axis (K = its size) */
  ML_REF_CLASS_REDUCTION,      /* matmul, batch_matmul, conv2d, reduce
                                  sum/mean, pool avg: sums of K terms */
  ML_REF_CLASS_PRODUCT,        /* reduce prod: a product of K terms */
} MlRefOpClass;

/* The rtol/atol for comparing an op of class `cls` on `dtype` whose
 * outputs each combine `reduction_length` (K) terms (ignored by classes
 * that reduce nothing; values < 1 count as 1). Integers are always exact. */
void ml_ref_tolerance(MlRefOpClass cls, MlRefDtype dtype,
                      int64_t reduction_length, double *rtol, double *atol);

/* The scale sigma of a tensor for the reduction class's atol, which
 * assumes unit-scale operands: max(1, root mean square of the elements)
 * (1 for an empty or integer tensor). A sum of products of operands at
 * scales sa and sb gets atol * sa * sb. */
double ml_ref_scale(const MlRefTensor *t);

/* The class of each op kind, for looking tolerances up. */
MlRefOpClass ml_ref_binary_class(MlRefBinaryKind kind);
MlRefOpClass ml_ref_unary_class(MlRefUnaryKind kind);
MlRefOpClass ml_ref_reduce_class(MlRefReduceKind kind);

#ifdef __cplusplus
}
#endif

#endif
