/* signature.h: what ml-run passes to the entry function and gets back,
 * read from the entry's type in the module as parsed (before any pass). */
#ifndef MLOPT_TOOLS_ML_RUN_SIGNATURE_H
#define MLOPT_TOOLS_ML_RUN_SIGNATURE_H

#include <stdbool.h>
#include <stddef.h>

#include "array.h"
#include "ir/strbuf.h"
#include "mlir-c/IR.h"

/* One value crossing the C interface: a memref (from a memref or tensor
 * argument, or a tensor result passed as a trailing out-memref) or a scalar
 * (an argument, or the function's one scalar result). */
typedef struct MlSlot {
  bool is_buffer;  /* memref descriptor, else a scalar */
  bool is_output;  /* ml-run allocates it zero-filled and reports it */
  bool is_result;  /* a result of the original function, else an argument */
  int index;       /* its argument or result number there */
  bool is_index;   /* scalar `index` (passed as i64) */
  MlDType dtype;
  int rank;
  int64_t shape[ML_MAX_RANK];
  char *type;      /* the original type as printed, for messages (owned) */
} MlSlot;

typedef struct MlSignature {
  char *name;          /* the entry's symbol name (owned) */
  MlSlot *params;      /* C-interface parameters in call order */
  size_t num_params;
  bool has_ret;        /* a scalar result, returned by value */
  MlSlot ret;
  size_t num_inputs;   /* params that are not outputs */
  size_t num_outputs;  /* output params, plus the scalar result */
} MlSignature;

/* Reads the signature of func.func `entry` (NULL: the module's only
 * function) in `module`, parsed from `file`; the last `output_args` memref
 * arguments are outputs. On failure appends one message to `err`. */
bool ml_signature_read(MlirModule module, const char *file, const char *entry,
                       int output_args, MlSignature *sig, MlBuf *err);

/* The func.func of the signature's entry in `module` (null once lowered). */
MlirOperation ml_signature_func(MlirModule module, const MlSignature *sig);

/* Checks that the lowered `module` has the C interface the signature
 * calls for (llvm.func @_mlir_ciface_NAME with matching parameters). */
bool ml_signature_check_lowered(MlirModule module, const MlSignature *sig,
                                MlBuf *err);

/* The i-th input or output slot (outputs end with the scalar result). */
const MlSlot *ml_signature_input(const MlSignature *sig, size_t i);
const MlSlot *ml_signature_output(const MlSignature *sig, size_t i);

/* Appends "argument #1 of @f is memref<4x8xf32>"-style text. */
void ml_slot_describe(const MlSignature *sig, const MlSlot *s, MlBuf *out);

void ml_signature_free(MlSignature *sig);

#endif
