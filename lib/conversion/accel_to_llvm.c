/* accel_to_llvm: --lower-accel-to-llvm, accel ops → calls of the C runtime
 * ABI of runtime/accel/accel_rt.h (the simulator libmlopt_accel_rt, or a
 * device driver implementing the same functions).
 *
 * Runs on memref-level IR, before --lower-to-llvm. Every !accel.buf and
 * !accel.token becomes an i64 handle wherever it appears: op results, block
 * arguments (scf.for/scf.while/loop.for iter_args, cf successors),
 * results of scf.for/if/while, arith.select and func.call, and function
 * signatures. Each op becomes a call following the header's calling
 * sequence:
 *
 *   accel.alloc    accel_rt_alloc(kind, rows, cols)   (1-D n: 1 x n)
 *   after(%t)      accel_rt_after(%t) per token, before the op
 *   accel.dma_in   accel_rt_dma_in(buf, ptr, row_stride, col_stride, rows, cols)
 *   accel.dma_out  accel_rt_dma_out(...)  ptr = aligned base + (offset +
 *                  sum off_d * stride_d) * element bytes, from the memref's
 *                  strided metadata; rows/cols = the edge-tile sizes or the
 *                  buffer's shape
 *   accel.matmul   accel_rt_matmul(acc, lhs, rhs, accumulate ? 1 : 0)
 *   accel.wait     accel_rt_wait(%t) per token
 *
 * and each function holding accel ops starts with
 * accel_rt_configure(<its #accel.target>) and %mark = accel_rt_mark(), and
 * calls accel_rt_release(%mark) before every return. The runtime functions
 * used are declared once per module (func.func private, the header's C
 * types: i64, i32, !llvm.ptr).
 *
 * Everything is checked before anything changes, so a refusal leaves the
 * module as it was: mlt ops left, an accel op outside a function or whose
 * #accel.target is not in scope at its function's entry (or differs from
 * the function's), a buffer of rank > 2, a memref without strided layout,
 * an accel value carried by an op this pass cannot retype, and a runtime
 * symbol already declared with another type. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/external_pass.h"
#include "compiler/passes.h"
#include "ir/accel_builder.h"
#include "ir/attrs.h"
#include "ir/builder.h"
#include "ir/diagnostics.h"
#include "ir/oplist.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/Func.h"
#include "mlir-c/Dialect/LLVM.h"
#include "mlir-c/Dialect/MemRef.h"
#include "mlopt-c/Accel.h"
#include "mlopt-c/Passes.h"
#include "transforms/loop_nests.h"

#define FLAG "lower-accel-to-llvm"

/* ---- The runtime ABI ----------------------------------------------------- */

enum {
  RT_CONFIGURE, RT_MARK, RT_RELEASE, RT_ALLOC, RT_AFTER,
  RT_DMA_IN, RT_DMA_OUT, RT_MATMUL, RT_WAIT, RT_COUNT
};

/* Name and C signature of each function of accel_rt.h the compiled code
 * calls: parameters and result spelled L = int64_t, i = int32_t,
 * p = a pointer; result 0 = void. */
static const struct {
  const char *name, *params;
  char result;
} rt_funcs[RT_COUNT] = {
    {"accel_rt_configure", "LLLLLii", 0},
    {"accel_rt_mark", "", 'L'},
    {"accel_rt_release", "L", 0},
    {"accel_rt_alloc", "iLL", 'L'},
    {"accel_rt_after", "L", 0},
    {"accel_rt_dma_in", "LpLLLL", 'L'},
    {"accel_rt_dma_out", "LpLLLL", 'L'},
    {"accel_rt_matmul", "LLLi", 'L'},
    {"accel_rt_wait", "L", 0},
};

static MlirType abi_type(MlirContext ctx, char c) {
  return c == 'p' ? mlirLLVMPointerTypeGet(ctx, 0)
                  : mlirIntegerTypeGet(ctx, c == 'i' ? 32 : 64);
}

/* The function type of runtime function `f`. */
static MlirType rt_type(MlirContext ctx, int f) {
  MlirType params[8], result = abi_type(ctx, 'L');
  intptr_t n = (intptr_t)strlen(rt_funcs[f].params);
  for (intptr_t i = 0; i < n; i++)
    params[i] = abi_type(ctx, rt_funcs[f].params[i]);
  return mlirFunctionTypeGet(ctx, n, params, rt_funcs[f].result ? 1 : 0, &result);
}

/* accel_rt's element type code (ACCEL_RT_I8 ...), or -1. */
/* ---- Pass state ---------------------------------------------------------- */


typedef struct Lowering {
  MlirContext ctx;
  MlirOperation module;   /* where the runtime is declared */
  MlOpList accel;    /* accel ops, in walk order */
  MlOpList retyped;  /* other ops with accel results or block arguments */
  MlOpList funcs;    /* func.func ops holding accel ops */
  unsigned used;  /* bit f: rt_funcs[f] is called */
  bool failed;
} Lowering;

static bool is_accel_type(MlirType t) {
  return mloptTypeIsAAccelBuf(t) || mloptTypeIsAAccelToken(t);
}

static MlirType i64_type(MlirContext ctx) { return mlirIntegerTypeGet(ctx, 64); }

static MlirOperation enclosing_func(MlirOperation op) {
  for (MlirOperation p = mlirOperationGetParentOperation(op);
       !mlirOperationIsNull(p); p = mlirOperationGetParentOperation(p))
    if (ml_op_named(p, "func.func"))
      return p;
  return (MlirOperation){NULL};
}

static const char *func_name(MlirOperation func, char *buf, size_t size) {
  MlirStringRef s = mlirStringAttrGetValue(ml_attr(func, "sym_name"));
  snprintf(buf, size, "%.*s", (int)s.length, s.data);
  return buf;
}

/* ---- Checks (nothing changes until all pass) ----------------------------- */

/* Ops that may carry accel values: their accel results and block arguments
 * become i64 in place, and their accel operands pass through. */
static const char *const carriers[] = {
    "scf.for", "scf.if", "scf.while", "scf.execute_region", "scf.index_switch",
    "scf.yield", "scf.condition", "loop.for", "loop.yield", "arith.select",
    "func.func", "func.call", "func.return", "cf.br", "cf.cond_br", NULL};

static bool is_carrier(MlirOperation op) {
  for (const char *const *c = carriers; *c; c++)
    if (ml_op_named(op, *c))
      return true;
  return false;
}

/* Sets *flag and *example if `t` is an accel type. */
static void note(MlirType t, bool *flag, MlirType *example) {
  if (is_accel_type(t))
    *flag = true, *example = t;
}

/* Does `op` define an accel value (a result or a block argument of one of
 * its regions), and does it use one? A func.func also counts its type. */
static void accel_values(MlirOperation op, bool *defines, bool *uses,
                         MlirType *example) {
  *defines = *uses = false;
  for (intptr_t i = 0; i < mlirOperationGetNumResults(op); i++)
    note(mlirValueGetType(mlirOperationGetResult(op, i)), defines, example);
  for (intptr_t r = 0; r < mlirOperationGetNumRegions(op); r++)
    for (MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
         !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
      for (intptr_t i = 0; i < mlirBlockGetNumArguments(b); i++)
        note(mlirValueGetType(mlirBlockGetArgument(b, i)), defines, example);
  if (ml_op_named(op, "func.func")) {
    MlirType fn = mlirTypeAttrGetValue(ml_attr(op, "function_type"));
    for (intptr_t i = 0; i < mlirFunctionTypeGetNumInputs(fn); i++)
      note(mlirFunctionTypeGetInput(fn, i), defines, example);
    for (intptr_t i = 0; i < mlirFunctionTypeGetNumResults(fn); i++)
      note(mlirFunctionTypeGetResult(fn, i), defines, example);
  }
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++)
    note(mlirValueGetType(mlirOperationGetOperand(op, i)), uses, example);
}

/* The printed form of `t`, in `buf`. */
static void type_text(MlirType t, char *buf, size_t size) {
  MlBuf b = {0};
  mlirTypePrint(t, ml_buf_callback, &b);
  snprintf(buf, size, "%s", ml_buf_str(&b));
  ml_buf_free(&b);
}

/* A located error; marks the pass failed. */
#define FAIL(L, op, ...) (ml_error((op), __VA_ARGS__), (L)->failed = true)

/* A buffer of rank > 2 cannot be described to the runtime. */
static void check_buffer(Lowering *L, MlirOperation op, MlirType buf) {
  char name[64], text[128];
  if (mloptAccelBufTypeGetRank(buf) > 2) {
    type_text(buf, text, sizeof text);
    FAIL(L, op, "'%s' on a buffer of rank %ld (%s): the accel runtime has "
                "2-D buffers only (rows x cols; a 1-D buffer is 1 x n)",
         ml_op_name(op, name, sizeof name), (long)mloptAccelBufTypeGetRank(buf),
         text);
  } else if (ml_accel_type_code(mloptAccelBufTypeGetElementType(buf)) < 0) {
    type_text(buf, text, sizeof text);
    FAIL(L, op, "'%s': %s has an element type the accel runtime has no code "
                "for (i8, i32, f16, bf16, f32)",
         ml_op_name(op, name, sizeof name), text);
  }
}

/* The memref side of a DMA needs a strided layout (base + offset + strides). */
static void check_memref(Lowering *L, MlirOperation op, MlirValue memref) {
  MlirType t = mlirValueGetType(memref);
  int64_t strides[8], offset;
  char name[64], text[160];
  if (mlirShapedTypeGetRank(t) > 8 ||
      mlirLogicalResultIsFailure(mlirMemRefTypeGetStridesAndOffset(t, strides, &offset))) {
    type_text(t, text, sizeof text);
    FAIL(L, op, "'%s' on %s: --" FLAG " needs a memref with a strided "
                "layout (an offset and a stride per dimension)",
         ml_op_name(op, name, sizeof name), text);
  }
}

/* Checks one accel op and records its function and target. */
static void check_accel_op(Lowering *L, MlirOperation op) {
  char name[64], fname[64], owner_name[64];
  ml_op_name(op, name, sizeof name);
  MlirOperation func = enclosing_func(op);
  if (mlirOperationIsNull(func)) {
    FAIL(L, op, "'%s' is not inside a func.func: --" FLAG " configures the "
                "runtime at function entry", name);
    return;
  }
  if (!mlirOperationEqual(mlirOperationGetParentOperation(func), L->module)) {
    FAIL(L, op, "'%s' is in a function of a nested module: --" FLAG " "
                "declares the runtime in the top-level module only", name);
    return;
  }
  MlirOperation owner = {NULL}, func_owner = {NULL};
  MlirAttribute target = ml_accel_find_target(mlirOperationGetParentOperation(op), &owner);
  MlirAttribute func_target = ml_accel_find_target(func, &func_owner);
  func_name(func, fname, sizeof fname);
  if (mlirAttributeIsNull(target)) {
    FAIL(L, op, "'%s' needs an #accel.target on an enclosing op (the "
                "runtime is configured from it)", name);
    return;
  }
  if (mlirAttributeIsNull(func_target)) {
    FAIL(L, op, "'%s' takes its #accel.target from '%s' inside @%s, but "
                "--" FLAG " configures the runtime at function entry: put "
                "the target on the function or an op around it",
         name, ml_op_name(owner, owner_name, sizeof owner_name), fname);
    return;
  }
  if (!mlirAttributeEqual(target, func_target)) {
    FAIL(L, op, "'%s' is under another #accel.target (on '%s') than its "
                "function @%s: the runtime is configured once at function "
                "entry, so a function has one target",
         name, ml_op_name(owner, owner_name, sizeof owner_name), fname);
    return;
  }
  if (ml_accel_type_code(mloptAccelTargetAttrGetInType(target)) < 0 ||
      ml_accel_type_code(mloptAccelTargetAttrGetAccType(target)) < 0) {
    FAIL(L, op, "'%s': the #accel.target's element types have no accel "
                "runtime code (i8, i32, f16, bf16, f32)", name);
    return;
  }
  bool known = false;
  for (size_t i = 0; !known && i < L->funcs.n; i++)
    known = mlirOperationEqual(L->funcs.ops[i], func);
  if (!known)
    ml_oplist_push(&L->funcs, func);

  if (ml_op_named(op, "accel.alloc")) {
    check_buffer(L, op, mlirValueGetType(mlirOperationGetResult(op, 0)));
  } else if (ml_op_named(op, "accel.dma_in") || ml_op_named(op, "accel.dma_out")) {
    bool in = ml_op_named(op, "accel.dma_in");
    MlirAttribute seg = ml_attr(op, "operandSegmentSizes");
    intptr_t buf_at = in ? 1 + mlirDenseI32ArrayGetElement(seg, 1) +
                               mlirDenseI32ArrayGetElement(seg, 2)
                         : 0;
    check_buffer(L, op, mlirValueGetType(mlirOperationGetOperand(op, buf_at)));
    check_memref(L, op, mlirOperationGetOperand(op, in ? 0 : 1));
  } else if (!ml_op_named(op, "accel.matmul") && !ml_op_named(op, "accel.wait")) {
    FAIL(L, op, "'%s' has no lowering in --" FLAG, name);
  }
}

/* The op defining symbol `name` at the top of `module`, or null. */
static MlirOperation find_symbol(MlirOperation module, const char *name) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op)) {
    MlirAttribute sym = ml_attr(op, "sym_name");
    if (!mlirAttributeIsNull(sym) && mlirAttributeIsAString(sym) &&
        mlirStringRefEqual(mlirStringAttrGetValue(sym),
                           mlirStringRefCreateFromCString(name)))
      return op;
  }
  return (MlirOperation){NULL};
}

/* A runtime function already in the module must have the ABI's type. */
static void check_declarations(Lowering *L) {
  for (int f = 0; f < RT_COUNT; f++) {
    MlirOperation op = find_symbol(L->module, rt_funcs[f].name);
    if (mlirOperationIsNull(op))
      continue;
    MlirAttribute fn = ml_attr(op, "function_type");
    if (ml_op_named(op, "func.func") && !mlirAttributeIsNull(fn) &&
        mlirTypeEqual(mlirTypeAttrGetValue(fn), rt_type(L->ctx, f)))
      continue;
    char want[160];
    type_text(rt_type(L->ctx, f), want, sizeof want);
    FAIL(L, op, "'@%s' exists but is not the accel runtime's declaration, "
                "a func.func of type %s", rt_funcs[f].name, want);
  }
}

static MlirWalkResult check_op(MlirOperation op, void *user) {
  Lowering *L = user;
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  if (name.length > 6 && !memcmp(name.data, "accel.", 6)) {
    ml_oplist_push(&L->accel, op);
    check_accel_op(L, op);
    return MlirWalkResultAdvance;
  }
  bool defines, uses;
  MlirType example = {NULL};
  accel_values(op, &defines, &uses, &example);
  if (!defines && !uses)
    return MlirWalkResultAdvance;
  if (!is_carrier(op)) {
    char text[128], opname[64];
    type_text(example, text, sizeof text);
    FAIL(L, op, "'%s' %s an accel value (%s): --" FLAG " turns accel "
                "buffers and tokens into i64 handles but cannot retype this "
                "op (accel values may only pass through scf, cf, loop.for, "
                "arith.select and func ops)",
         ml_op_name(op, opname, sizeof opname), defines ? "defines" : "uses",
         text);
  } else if (defines) {
    ml_oplist_push(&L->retyped, op);
  }
  return MlirWalkResultAdvance;
}

/* ---- Rewriting ----------------------------------------------------------- */

/* Calls runtime function `f`; returns its result (null for void). */
static MlirValue call(Lowering *L, const MlBuilder *b, int f, intptr_t n,
                      const MlirValue *args) {
  L->used |= 1u << f;
  MlirType i64 = i64_type(b->ctx);
  MlirOperation op = ml_build_func_call(b, rt_funcs[f].name, n, args,
                                        rt_funcs[f].result ? 1 : 0, &i64);
  return rt_funcs[f].result ? mlirOperationGetResult(op, 0) : (MlirValue){NULL};
}

static MlirValue i64_const(const MlBuilder *b, int64_t v) {
  return ml_build_int_constant(b, i64_type(b->ctx), v);
}

static MlirValue i32_const(const MlBuilder *b, int64_t v) {
  return ml_build_int_constant(b, mlirIntegerTypeGet(b->ctx, 32), v);
}

static MlirValue to_i64(const MlBuilder *b, MlirValue index) {
  return ml_build_value_op(b, "arith.index_cast", 1, &index, i64_type(b->ctx));
}

/* Makes every accel result and block argument of `op` an i64; a func.func
 * also gets its function type rewritten. */
static void retype(MlirOperation op) {
  MlirContext ctx = mlirOperationGetContext(op);
  MlirType i64 = i64_type(ctx);
  for (intptr_t i = 0; i < mlirOperationGetNumResults(op); i++) {
    MlirValue v = mlirOperationGetResult(op, i);
    if (is_accel_type(mlirValueGetType(v)))
      mlirValueSetType(v, i64);
  }
  for (intptr_t r = 0; r < mlirOperationGetNumRegions(op); r++)
    for (MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
         !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
      for (intptr_t i = 0; i < mlirBlockGetNumArguments(b); i++) {
        MlirValue v = mlirBlockGetArgument(b, i);
        if (is_accel_type(mlirValueGetType(v)))
          mlirValueSetType(v, i64);
      }
  if (!ml_op_named(op, "func.func"))
    return;
  MlirType fn = mlirTypeAttrGetValue(ml_attr(op, "function_type"));
  intptr_t nin = mlirFunctionTypeGetNumInputs(fn), nres = mlirFunctionTypeGetNumResults(fn);
  MlirType *types = malloc((size_t)(nin + nres + 1) * sizeof *types);
  if (!types)
    abort();
  for (intptr_t i = 0; i < nin; i++)
    types[i] = mlirFunctionTypeGetInput(fn, i);
  for (intptr_t i = 0; i < nres; i++)
    types[nin + i] = mlirFunctionTypeGetResult(fn, i);
  for (intptr_t i = 0; i < nin + nres; i++)
    if (is_accel_type(types[i]))
      types[i] = i64;
  mlirOperationSetInherentAttributeByName(
      op, mlirStringRefCreateFromCString("function_type"),
      mlirTypeAttrGet(mlirFunctionTypeGet(ctx, nin, types, nres, types + nin)));
  free(types);
}

/* accel_rt_after for each token of operands [from, to) of `op`. */
static void afters(Lowering *L, const MlBuilder *b, MlirOperation op,
                   intptr_t from, intptr_t to) {
  for (intptr_t i = from; i < to; i++) {
    MlirValue t = mlirOperationGetOperand(op, i);
    call(L, b, RT_AFTER, 1, &t);
  }
}

/* accel_rt_dma_in / dma_out for a DMA op. */
static MlirValue lower_dma(Lowering *L, const MlBuilder *b, MlirOperation op) {
  bool in = ml_op_named(op, "accel.dma_in");
  MlirAttribute seg = ml_attr(op, "operandSegmentSizes");
  intptr_t n_off = mlirDenseI32ArrayGetElement(seg, in ? 1 : 2);
  intptr_t n_sizes = mlirDenseI32ArrayGetElement(seg, in ? 2 : 3);
  intptr_t off_at = in ? 1 : 2, buf_at = in ? 1 + n_off + n_sizes : 0;
  intptr_t after_at = off_at + n_off + n_sizes + (in ? 1 : 0);
  MlirValue memref = mlirOperationGetOperand(op, in ? 0 : 1);
  MlirValue buf = mlirOperationGetOperand(op, buf_at);
  MlirType buf_type = mlirValueGetType(buf);
  intptr_t rank = mlirShapedTypeGetRank(mlirValueGetType(memref));

  afters(L, b, op, after_at, mlirOperationGetNumOperands(op));
  /* The tile's address: base + (offset + sum off_d * stride_d) * bytes. */
  MlirValue strides[2];
  MlirValue lin = ml_build_memref_extract_strided_metadata(b, memref, NULL, strides);
  for (intptr_t d = 0; d < rank; d++)
    lin = ml_build_binary(b, "arith.addi", lin,
                          ml_build_binary(b, "arith.muli",
                                          mlirOperationGetOperand(op, off_at + d),
                                          strides[d]));
  int64_t bytes = ml_accel_code_bytes(ml_accel_type_code(mloptAccelBufTypeGetElementType(buf_type)));
  if (bytes != 1)
    lin = ml_build_binary(b, "arith.muli", lin, ml_build_index_constant(b, bytes));
  MlirValue addr = ml_build_binary(b, "arith.addi",
                                   ml_build_memref_extract_aligned_pointer(b, memref), lin);
  MlirValue ptr = ml_build_llvm_inttoptr(b, to_i64(b, addr));

  /* Rows and columns: the edge-tile sizes, else the buffer's shape. */
  MlirValue extent[2];
  for (intptr_t d = 0; d < rank; d++)
    extent[d] = n_sizes ? to_i64(b, mlirOperationGetOperand(op, off_at + n_off + d))
                        : i64_const(b, mloptAccelBufTypeGetDimSize(buf_type, d));
  MlirValue args[6];
  args[0] = buf;
  args[1] = ptr;
  if (rank == 2) {
    args[2] = to_i64(b, strides[0]);
    args[3] = to_i64(b, strides[1]);
    args[4] = extent[0];
    args[5] = extent[1];
  } else { /* one row: its stride is never used */
    args[2] = i64_const(b, 0);
    args[3] = to_i64(b, strides[0]);
    args[4] = i64_const(b, 1);
    args[5] = extent[0];
  }
  return call(L, b, in ? RT_DMA_IN : RT_DMA_OUT, 6, args);
}

/* Builds the runtime calls of accel op `op` before it; returns the value
 * that replaces its result (null for accel.wait). Types are read here, so
 * every op is lowered before any value is replaced or retyped. */
static MlirValue lower_op(Lowering *L, MlirOperation op) {
  MlBuilder b = ml_builder_before(op);
  MlirValue result = {NULL};
  if (ml_op_named(op, "accel.alloc")) {
    MlirType t = mlirValueGetType(mlirOperationGetResult(op, 0));
    bool two_d = mloptAccelBufTypeGetRank(t) == 2;
    MlirValue args[3] = {
        i32_const(&b, mloptAccelBufTypeGetKind(t)),
        i64_const(&b, two_d ? mloptAccelBufTypeGetDimSize(t, 0) : 1),
        i64_const(&b, mloptAccelBufTypeGetDimSize(t, two_d ? 1 : 0))};
    result = call(L, &b, RT_ALLOC, 3, args);
  } else if (ml_op_named(op, "accel.matmul")) {
    afters(L, &b, op, 3, mlirOperationGetNumOperands(op));
    MlirValue args[4] = {mlirOperationGetOperand(op, 0),
                         mlirOperationGetOperand(op, 1),
                         mlirOperationGetOperand(op, 2),
                         i32_const(&b, ml_attr_flag(op, "accumulate") ? 1 : 0)};
    result = call(L, &b, RT_MATMUL, 4, args);
  } else if (ml_op_named(op, "accel.wait")) {
    for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); i++) {
      MlirValue t = mlirOperationGetOperand(op, i);
      call(L, &b, RT_WAIT, 1, &t);
    }
  } else {
    result = lower_dma(L, &b, op);
  }
  return result;
}

typedef struct Returns {
  MlirOperation func;
  MlOpList ops;
} Returns;

static MlirWalkResult find_return(MlirOperation op, void *user) {
  Returns *r = user;
  if (ml_op_named(op, "func.return") &&
      mlirOperationEqual(mlirOperationGetParentOperation(op), r->func))
    ml_oplist_push(&r->ops, op);
  return MlirWalkResultAdvance;
}

/* accel_rt_configure (from the function's #accel.target) and accel_rt_mark
 * at the entry of `func`, accel_rt_release before each of its returns. */
static void bracket_function(Lowering *L, MlirOperation func) {
  MlirOperation owner;
  MlirAttribute target = ml_accel_find_target(func, &owner);
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  MlBuilder b = ml_builder_before(mlirBlockGetFirstOperation(entry));
  b.loc = mlirOperationGetLocation(func);
  MlirValue cfg[7] = {
      i64_const(&b, mloptAccelTargetAttrGetPeRows(target)),
      i64_const(&b, mloptAccelTargetAttrGetPeCols(target)),
      i64_const(&b, mloptAccelTargetAttrGetSpadBytes(target)),
      i64_const(&b, mloptAccelTargetAttrGetAccBytes(target)),
      i64_const(&b, mloptAccelTargetAttrGetDmaBytes(target)),
      i32_const(&b, ml_accel_type_code(mloptAccelTargetAttrGetInType(target))),
      i32_const(&b, ml_accel_type_code(mloptAccelTargetAttrGetAccType(target)))};
  call(L, &b, RT_CONFIGURE, 7, cfg);
  MlirValue mark = call(L, &b, RT_MARK, 0, NULL);
  Returns r = {func, {NULL, 0, 0}};
  mlirOperationWalk(func, find_return, &r, MlirWalkPreOrder);
  for (size_t i = 0; i < r.ops.n; i++) {
    MlBuilder at = ml_builder_before(r.ops.ops[i]);
    call(L, &at, RT_RELEASE, 1, &mark);
  }
  ml_oplist_free(&r.ops);
}

/* Declares the runtime functions called and not yet declared, at the top
 * of the module (check_declarations made sure existing ones fit). */
static void declare_runtime(Lowering *L) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(L->module, 0));
  MlirOperation first = mlirBlockGetFirstOperation(body);
  MlirLocation loc = mlirOperationGetLocation(L->module);
  MlBuilder b = mlirOperationIsNull(first) ? ml_builder_at_end(body, loc)
                                           : ml_builder_before(first);
  b.loc = loc;
  for (int f = 0; f < RT_COUNT; f++)
    if ((L->used >> f & 1) && mlirOperationIsNull(find_symbol(L->module, rt_funcs[f].name)))
      ml_build_func_decl(&b, rt_funcs[f].name, rt_type(L->ctx, f));
}

static MlirLogicalResult run(MlirOperation module, void *options) {
  (void)options;
  if (ml_refuse_mlt_ops(module, FLAG))
    return mlirLogicalResultFailure();
  Lowering L = {mlirOperationGetContext(module), module, {0}, {0}, {0}, 0, false};
  mlirOperationWalk(module, check_op, &L, MlirWalkPreOrder);
  if (L.accel.n)
    check_declarations(&L);
  if (!L.failed) {
    MlirValue *results = malloc((L.accel.n + 1) * sizeof *results);
    if (!results)
      abort();
    for (size_t i = 0; i < L.accel.n; i++)
      results[i] = lower_op(&L, L.accel.ops[i]);
    for (size_t i = 0; i < L.accel.n; i++) {
      if (!mlirValueIsNull(results[i]))
        mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(L.accel.ops[i], 0),
                                      results[i]);
      mlirOperationDestroy(L.accel.ops[i]);
    }
    free(results);
    for (size_t i = 0; i < L.retyped.n; i++)
      retype(L.retyped.ops[i]);
    for (size_t i = 0; i < L.funcs.n; i++)
      bracket_function(&L, L.funcs.ops[i]);
    declare_runtime(&L);
  }
  ml_oplist_free(&L.accel);
  ml_oplist_free(&L.retyped);
  ml_oplist_free(&L.funcs);
  return L.failed ? mlirLogicalResultFailure() : mlirLogicalResultSuccess();
}

static MlirDialectHandle (*const deps[])(void) = {
    mlirGetDialectHandle__func__, mlirGetDialectHandle__arith__,
    mlirGetDialectHandle__memref__, mlirGetDialectHandle__llvm__, NULL};

static const MlPassSpec spec = {
    "LowerAccelToLlvm", FLAG,
    "Lower accel ops to calls of the accelerator runtime (accel_rt.h)",
    "builtin.module", deps, run, 0};

MlirPass mloptCreateLowerAccelToLlvmPass(void) {
  return ml_pass_create(&spec, NULL);
}

MlirLogicalResult ml_add_lower_accel_to_llvm(MlirOpPassManager pm,
                                             MlirStringRef value, MlBuf *err) {
  (void)value;
  (void)err;
  mlirOpPassManagerAddOwnedPass(pm, mloptCreateLowerAccelToLlvmPass());
  return mlirLogicalResultSuccess();
}
