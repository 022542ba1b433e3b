/* npy.h: NumPy's .npy format (format versions 1.0, 2.0 and 3.0 read,
 * 1.0 written), C order, little-endian f16/f32/f64/i8/i32/i64, bool, and
 * uint16 for bf16 bit patterns. */
#ifndef MLOPT_TOOLS_ML_RUN_NPY_H
#define MLOPT_TOOLS_ML_RUN_NPY_H

#include <stdbool.h>
#include <stddef.h>

#include "array.h"
#include "ir/strbuf.h"

/* Decodes the .npy bytes `data` into a new array `out`. On failure appends
 * the reason to `err` (without the file name) and returns false. */
bool ml_npy_decode(const char *data, size_t len, MlArray *out, MlBuf *err);

/* Appends `a` encoded as a version 1.0 .npy file. */
void ml_npy_encode(const MlArray *a, MlBuf *out);

#endif
