/* signature: the entry function's calling convention, from its type.
 *
 * ml-run reads the entry's type *before* the pipeline runs, while memref
 * and tensor types still say shapes and element types, and derives the C
 * interface the lowered code will have (`_mlir_ciface_NAME`):
 *   - every argument, in order: memrefs and tensors as pointers to memref
 *     descriptors, scalars by value; all inputs except the last
 *     --output-args memrefs, which are outputs;
 *   - then one out-memref per tensor result (destination passing);
 *   - a scalar result comes back by value.
 * After the pipeline it checks the lowered llvm.func against that. */
#include "signature.h"
#include "ir/attrs.h"

#include <stdlib.h>
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/LLVM.h"

/* The string value of `op`'s inherent attribute `name` ("" if none). */
static MlirStringRef str_attr(MlirOperation op, const char *name) {
  MlirAttribute a = mlirOperationGetInherentAttributeByName(
      op, mlirStringRefCreateFromCString(name));
  if (mlirAttributeIsNull(a) || !mlirAttributeIsAString(a))
    return mlirStringRefCreate("", 0);
  return mlirStringAttrGetValue(a);
}

/* The type held by `op`'s `function_type` attribute. */
static MlirType function_type(MlirOperation op) {
  return mlirTypeAttrGetValue(mlirOperationGetInherentAttributeByName(
      op, mlirStringRefCreateFromCString("function_type")));
}

/* True if `op` has a body (a definition, not a declaration). */
static bool has_body(MlirOperation op) {
  return !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0)));
}

/* Finds the top-level op named `kind` with symbol `name`. */
static MlirOperation find_symbol(MlirModule m, const char *kind,
                                 const char *name) {
  size_t len = strlen(name);
  for (MlirOperation op = mlirBlockGetFirstOperation(mlirModuleGetBody(m));
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    MlirStringRef s = str_attr(op, "sym_name");
    if (ml_op_named(op, kind) && s.length == len && !memcmp(s.data, name, len))
      return op;
  }
  return (MlirOperation){NULL};
}

/* Appends ", @a, @b" for the defined functions; returns how many. */
static int list_functions(MlirModule m, MlBuf *out, MlirOperation *only) {
  int n = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(mlirModuleGetBody(m));
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (!ml_op_named(op, "func.func") || !has_body(op))
      continue;
    MlirStringRef s = str_attr(op, "sym_name");
    ml_buf_printf(out, "%s@%.*s", n ? ", " : "", (int)s.length, s.data);
    *only = op;
    n++;
  }
  return n;
}

/* Maps a scalar MLIR type to a dtype; false if ml-run cannot carry it. */
static bool scalar_dtype(MlirType t, MlDType *dt, bool *is_index) {
  *is_index = mlirTypeIsAIndex(t);
  if (*is_index)
    *dt = ML_I64;
  else if (mlirTypeIsAF16(t))
    *dt = ML_F16;
  else if (mlirTypeIsAF32(t))
    *dt = ML_F32;
  else if (mlirTypeIsAF64(t))
    *dt = ML_F64;
  else if (mlirTypeIsABF16(t))
    *dt = ML_BF16;
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeIsSignless(t) &&
           mlirIntegerTypeGetWidth(t) == 1)
    *dt = ML_I1;
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeIsSignless(t) &&
           mlirIntegerTypeGetWidth(t) == 8)
    *dt = ML_I8;
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeIsSignless(t) &&
           mlirIntegerTypeGetWidth(t) == 32)
    *dt = ML_I32;
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeIsSignless(t) &&
           mlirIntegerTypeGetWidth(t) == 64)
    *dt = ML_I64;
  else
    return false;
  return true;
}

/* Appends "argument #1 of @f" or "result #0 of @f". */
static void slot_name(const char *fn, const MlSlot *s, MlBuf *out) {
  ml_buf_printf(out, "%s #%d of @%s", s->is_result ? "result" : "argument",
                s->index, fn);
}

/* Fills `s` from type `t`; on an unsupported type explains why in `err`. */
static bool read_slot(const char *fn, MlirType t, MlSlot *s, MlBuf *err) {
  MlBuf text = {0};
  mlirTypePrint(t, ml_buf_callback, &text);
  s->type = strdup(ml_buf_str(&text));
  ml_buf_free(&text);
  if (!s->type)
    abort();
  const char *why = NULL;
  s->is_buffer = mlirTypeIsAMemRef(t) || mlirTypeIsARankedTensor(t);
  MlirType elt = s->is_buffer ? mlirShapedTypeGetElementType(t) : t;
  if (mlirTypeIsAUnrankedMemRef(t) || mlirTypeIsAUnrankedTensor(t)) {
    why = "ml-run needs ranked, statically shaped memrefs and tensors";
  } else if (!s->is_buffer && mlirTypeIsAShaped(t)) {
    why = "ml-run passes memrefs, tensors and scalars only";
  } else if (!scalar_dtype(elt, &s->dtype, &s->is_index)) {
    why = s->is_buffer ? "ml-run handles elements of type f16, bf16, f32, f64, "
                         "i1, i8, i32, i64 and index"
                       : "ml-run handles memrefs, tensors and scalars of type "
                         "f16, bf16, f32, f64, i1, i8, i32, i64 and index";
  } else if (s->is_buffer && !mlirShapedTypeHasStaticShape(t)) {
    why = "ml-run needs static shapes";
  } else if (s->is_buffer && mlirShapedTypeGetRank(t) > ML_MAX_RANK) {
    why = "ml-run handles at most 32 dimensions";
  } else if (mlirTypeIsAMemRef(t)) {
    intptr_t rank = mlirShapedTypeGetRank(t);
    int64_t strides[ML_MAX_RANK], offset = 0, expect = 1;
    bool dense = mlirLogicalResultIsSuccess(
        mlirMemRefTypeGetStridesAndOffset(t, strides, &offset));
    for (intptr_t d = rank - 1; dense && d >= 0; d--) {
      dense = strides[d] == expect || mlirShapedTypeGetDimSize(t, d) == 1;
      expect *= mlirShapedTypeGetDimSize(t, d);
    }
    if (!dense || offset != 0)
      why = "ml-run needs the identity (row-major, contiguous) layout";
    else if (!mlirAttributeIsNull(mlirMemRefTypeGetMemorySpace(t)))
      why = "ml-run needs the default memory space";
  }
  if (why) {
    slot_name(fn, s, err);
    ml_buf_printf(err, " has type %s: %s", s->type, why);
    return false;
  }
  s->rank = s->is_buffer ? (int)mlirShapedTypeGetRank(t) : 0;
  for (int d = 0; d < s->rank; d++)
    s->shape[d] = mlirShapedTypeGetDimSize(t, d);
  return true;
}

/* Appends a zeroed slot to the parameter list. */
static MlSlot *add_param(MlSignature *sig) {
  MlSlot *p = realloc(sig->params, (sig->num_params + 1) * sizeof *p);
  if (!p)
    abort();
  sig->params = p;
  memset(&p[sig->num_params], 0, sizeof *p);
  return &p[sig->num_params++];
}

/* Picks the entry op, or explains why there is none. */
static MlirOperation find_entry(MlirModule m, const char *file,
                                const char *entry, MlBuf *err) {
  MlBuf names = {0};
  MlirOperation only = {NULL};
  int n = list_functions(m, &names, &only);
  MlirOperation op = entry ? find_symbol(m, "func.func", entry) : only;
  if (entry && !mlirOperationIsNull(op) && !has_body(op)) {
    ml_buf_printf(err, "@%s is only declared, not defined, in '%s'", entry,
                  file);
    op = (MlirOperation){NULL};
  } else if (entry && mlirOperationIsNull(op)) {
    ml_buf_printf(err, "no function @%s in '%s'; ", entry, file);
    if (n)
      ml_buf_printf(err, "it defines %s", ml_buf_str(&names));
    else
      ml_buf_puts(err, "it defines no functions");
  } else if (!entry && n != 1) {
    if (n)
      ml_buf_printf(err, "'%s' defines %d functions (%s); choose one with "
                         "--entry=NAME", file, n, ml_buf_str(&names));
    else
      ml_buf_printf(err, "'%s' defines no func.func to run", file);
    op = (MlirOperation){NULL};
  }
  ml_buf_free(&names);
  return op;
}

/* Walks the entry's arguments, then its results, into slots. */
bool ml_signature_read(MlirModule module, const char *file, const char *entry,
                       int output_args, MlSignature *sig, MlBuf *err) {
  memset(sig, 0, sizeof *sig);
  MlirOperation op = find_entry(module, file, entry, err);
  if (mlirOperationIsNull(op))
    return false;
  MlirStringRef name = str_attr(op, "sym_name");
  sig->name = strndup(name.data, name.length);
  if (!sig->name)
    abort();
  MlirType fn = function_type(op);
  intptr_t nargs = mlirFunctionTypeGetNumInputs(fn);
  intptr_t nres = mlirFunctionTypeGetNumResults(fn);
  if (output_args > nargs) {
    ml_buf_printf(err, "--output-args=%d but @%s has %ld argument%s",
                  output_args, sig->name, (long)nargs, nargs == 1 ? "" : "s");
    return false;
  }
  for (intptr_t i = 0; i < nargs; i++) {
    MlSlot *s = add_param(sig);
    s->index = (int)i;
    if (!read_slot(sig->name, mlirFunctionTypeGetInput(fn, i), s, err))
      return false;
    s->is_output = i >= nargs - output_args;
    if (s->is_output && !mlirTypeIsAMemRef(mlirFunctionTypeGetInput(fn, i))) {
      ml_buf_printf(err, "--output-args=%d makes argument #%ld of @%s an "
                         "output, but only memref arguments can be outputs "
                         "(it is %s)",
                    output_args, (long)i, sig->name, s->type);
      return false;
    }
  }
  for (intptr_t i = 0; i < nres; i++) {
    MlirType t = mlirFunctionTypeGetResult(fn, i);
    MlSlot tmp = {.is_result = true, .is_output = true, .index = (int)i};
    bool ok = read_slot(sig->name, t, &tmp, err);
    if (ok && mlirTypeIsAMemRef(t)) {
      slot_name(sig->name, &tmp, err);
      ml_buf_printf(err, " is %s: ml-run cannot take memref results; pass "
                         "the buffer as an argument and use --output-args",
                    tmp.type);
      ok = false;
    } else if (ok && !tmp.is_buffer && sig->has_ret) {
      ml_buf_printf(err, "@%s returns more than one scalar; ml-run handles at "
                         "most one scalar result", sig->name);
      ok = false;
    }
    if (!ok) {
      free(tmp.type);
      return false;
    }
    if (tmp.is_buffer) {
      *add_param(sig) = tmp;
    } else {
      sig->ret = tmp;
      sig->has_ret = true;
    }
  }
  for (size_t i = 0; i < sig->num_params; i++) {
    if (sig->params[i].is_output)
      sig->num_outputs++;
    else
      sig->num_inputs++;
  }
  sig->num_outputs += sig->has_ret;
  return true;
}

/* Looks the entry up again by the name ml_signature_read recorded. */
MlirOperation ml_signature_func(MlirModule module, const MlSignature *sig) {
  return find_symbol(module, "func.func", sig->name);
}

/* True if the lowered scalar type `t` carries slot `s`. */
static bool llvm_scalar_matches(MlirType t, const MlSlot *s) {
  static const unsigned widths[ML_NUM_DTYPES] = {
      [ML_I8] = 8, [ML_I32] = 32, [ML_I64] = 64, [ML_I1] = 1};
  switch (s->dtype) {
  case ML_F16:
    return mlirTypeIsAF16(t);
  case ML_BF16:
    return mlirTypeIsABF16(t);
  case ML_F32:
    return mlirTypeIsAF32(t);
  case ML_F64:
    return mlirTypeIsAF64(t);
  default:
    return mlirTypeIsAInteger(t) &&
           mlirIntegerTypeGetWidth(t) == widths[s->dtype];
  }
}

/* Appends the printed form of `t`. */
static void print_type(MlirType t, MlBuf *out) {
  mlirTypePrint(t, ml_buf_callback, out);
}

/* Compares @_mlir_ciface_NAME's llvm.func type with the slots. */
bool ml_signature_check_lowered(MlirModule module, const MlSignature *sig,
                                MlBuf *err) {
  MlBuf wrapper = {0};
  ml_buf_printf(&wrapper, "_mlir_ciface_%s", sig->name);
  MlirOperation op = find_symbol(module, "llvm.func", ml_buf_str(&wrapper));
  bool ok = false;
  if (mlirOperationIsNull(op) &&
      !mlirOperationIsNull(find_symbol(module, "func.func", sig->name))) {
    ml_buf_printf(err, "after the pipeline @%s is still a func.func: the "
                       "pipeline must lower it to the llvm dialect (functions "
                       "on tensors need bufferizing first, e.g. by "
                       "--lower-to-loops)", sig->name);
    goto out;
  }
  if (mlirOperationIsNull(op)) {
    ml_buf_printf(err, "after the pipeline there is no llvm.func @%s, the C "
                       "interface of @%s; the pipeline must end in the llvm "
                       "dialect (e.g. with --lower-to-llvm)",
                  ml_buf_str(&wrapper), sig->name);
    goto out;
  }
  /* A memref result left as a result (no destination passing) would shift
   * the wrapper's parameters by one: the plain function shows it. */
  MlirOperation plain = find_symbol(module, "llvm.func", sig->name);
  if (!mlirOperationIsNull(plain) &&
      mlirTypeIsALLVMStructType(
          mlirLLVMFunctionTypeGetReturnType(function_type(plain)))) {
    ml_buf_printf(err, "after the pipeline @%s still returns a memref; "
                       "ml-run expects tensor results to become trailing "
                       "out-memref arguments (destination passing)",
                  sig->name);
    goto out;
  }
  MlirType fn = function_type(op);
  intptr_t n = mlirLLVMFunctionTypeGetNumInputs(fn);
  if ((size_t)n != sig->num_params) {
    size_t nargs = 0;
    for (size_t i = 0; i < sig->num_params; i++)
      nargs += !sig->params[i].is_result;
    ml_buf_printf(err, "after the pipeline @%s takes %ld parameters, but the "
                       "signature of @%s calls for %zu (%zu arguments + %zu "
                       "tensor results as out-memrefs)",
                  ml_buf_str(&wrapper), (long)n, sig->name, sig->num_params,
                  nargs, sig->num_params - nargs);
    goto out;
  }
  for (intptr_t i = 0; i < n; i++) {
    MlirType t = mlirLLVMFunctionTypeGetInput(fn, i);
    const MlSlot *s = &sig->params[i];
    if (s->is_buffer ? mlirTypeIsALLVMPointerType(t)
                     : llvm_scalar_matches(t, s))
      continue;
    ml_buf_printf(err, "after the pipeline parameter #%ld of @%s has type ",
                  (long)i, ml_buf_str(&wrapper));
    print_type(t, err);
    ml_buf_puts(err, ", but ");
    ml_slot_describe(sig, s, err);
    goto out;
  }
  MlirType ret = mlirLLVMFunctionTypeGetReturnType(fn);
  bool is_void = mlirTypeEqual(ret, mlirLLVMVoidTypeGet(mlirTypeGetContext(ret)));
  if (sig->has_ret ? !llvm_scalar_matches(ret, &sig->ret) : !is_void) {
    ml_buf_printf(err, "after the pipeline @%s returns ", ml_buf_str(&wrapper));
    print_type(ret, err);
    ml_buf_puts(err, ", but ");
    if (sig->has_ret)
      ml_slot_describe(sig, &sig->ret, err);
    else
      ml_buf_printf(err, "@%s returns no scalar (tensor results must become "
                         "trailing out-memref arguments)", sig->name);
    goto out;
  }
  ok = true;
out:
  ml_buf_free(&wrapper);
  return ok;
}

/* The i-th parameter that is not an output. */
const MlSlot *ml_signature_input(const MlSignature *sig, size_t i) {
  for (size_t k = 0; k < sig->num_params; k++)
    if (!sig->params[k].is_output && i-- == 0)
      return &sig->params[k];
  return NULL;
}

/* The i-th output parameter, then the scalar result. */
const MlSlot *ml_signature_output(const MlSignature *sig, size_t i) {
  for (size_t k = 0; k < sig->num_params; k++)
    if (sig->params[k].is_output && i-- == 0)
      return &sig->params[k];
  return sig->has_ret && i == 0 ? &sig->ret : NULL;
}

/* "argument #1 of @f is memref<4x8xf32>". */
void ml_slot_describe(const MlSignature *sig, const MlSlot *s, MlBuf *out) {
  slot_name(sig->name, s, out);
  ml_buf_printf(out, " is %s", s->type);
}

/* Frees the names, type texts and slot list. */
void ml_signature_free(MlSignature *sig) {
  for (size_t i = 0; i < sig->num_params; i++)
    free(sig->params[i].type);
  free(sig->params);
  if (sig->has_ret)
    free(sig->ret.type);
  free(sig->name);
  memset(sig, 0, sizeof *sig);
}
