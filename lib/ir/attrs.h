/* attrs.h: reading an op's name and its inherent attributes, for the
 * passes, tools and the reference evaluator (one copy instead of a local
 * helper per file).
 * The op's verifier guarantees the attribute exists and has the kind the
 * getter reads. */
#ifndef MLOPT_IR_ATTRS_H
#define MLOPT_IR_ATTRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mlir-c/IR.h"

/* True if `op` is named `name` ("func.func"). */
bool ml_op_named(MlirOperation op, const char *name);
/* `op`'s name as a NUL-terminated string in `buf` (truncated to fit). */
const char *ml_op_name(MlirOperation op, char *buf, size_t size);

/* The inherent attribute `name` of `op` (null if absent). */
MlirAttribute ml_attr(MlirOperation op, const char *name);
/* An IntegerAttr (or integer enum) as int64. */
int64_t ml_attr_int(MlirOperation op, const char *name);
/* A FloatAttr as double. */
double ml_attr_float(MlirOperation op, const char *name);
/* Whether a UnitAttr is present. */
bool ml_attr_flag(MlirOperation op, const char *name);
/* Copies up to `max` elements of a DenseI64ArrayAttr into `out`; returns
 * its size (which may exceed `max`). */
intptr_t ml_attr_i64s(MlirOperation op, const char *name, int64_t *out,
                      intptr_t max);

#endif
