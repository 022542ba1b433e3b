/* array.h: ml-run's n-dimensional arrays: the inputs and outputs of a run,
 * laid out in C order exactly as the kernel's memrefs see them. */
#ifndef MLOPT_TOOLS_ML_RUN_ARRAY_H
#define MLOPT_TOOLS_ML_RUN_ARRAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir/strbuf.h"

/* Element types ml-run moves between .npy files and memrefs. NumPy has no
 * bf16: ML_BF16 elements travel as their uint16 bit patterns ('<u2').
 * ML_I1 is NumPy's bool ('|b1'), one byte per element, 0 or 1. */
typedef enum MlDType {
  ML_F16,
  ML_F32,
  ML_F64,
  ML_I8,
  ML_I32,
  ML_I64,
  ML_BF16,
  ML_I1,
  ML_NUM_DTYPES
} MlDType;

enum { ML_MAX_RANK = 32 };

typedef struct MlArray {
  MlDType dtype;
  int rank;
  int64_t shape[ML_MAX_RANK];
  size_t count; /* number of elements */
  void *data;   /* owned; 64-byte aligned, never NULL once allocated */
} MlArray;

/* Bytes per element; "f32"-style name; NumPy descr ("<f4") and type name
 * ("float32"). */
size_t ml_dtype_size(MlDType t);
const char *ml_dtype_name(MlDType t);
const char *ml_dtype_descr(MlDType t);
const char *ml_dtype_numpy(MlDType t);

/* Allocates a zero-filled array. False if its byte size overflows. */
bool ml_array_alloc(MlArray *a, MlDType t, int rank, const int64_t *shape);
void ml_array_free(MlArray *a);
size_t ml_array_bytes(const MlArray *a);

/* Appends a shape as NumPy prints it: "(4, 8)", "(7,)", "()". */
void ml_shape_format(int rank, const int64_t *shape, MlBuf *out);

/* Fills `a` from the generator `state`: floats uniform in [-1, 1),
 * integers uniform in [-8, 8), bools true or false with equal odds. */
void ml_array_fill_random(MlArray *a, uint64_t *state);

/* Appends the values NumPy-style: nested [ ], row-major, right-aligned,
 * %g for floats; arrays over 1000 elements show 3 items at each edge. */
void ml_array_print(const MlArray *a, MlBuf *out);

/* IEEE half precision bits <-> float. */
float ml_half_to_float(uint16_t h);
uint16_t ml_float_to_half(float f);
/* bfloat16 bits -> float (exact: the top half of an f32). */
float ml_bf16_to_float(uint16_t h);

#endif
