/* evaluate: a tensor-level function run op by op through the reference.
 *
 * Walks the body of a func.func in order, keeping every SSA value as a
 * plain row-major tensor (an environment keyed by MlirValue), hands each mlt
 * op to evaluate_ops.c, evaluates mlt.fused bodies in their own environment,
 * and returns what func.return names. Beside each value it keeps the
 * tolerance a compiled version of it must meet, following the chain rule
 * of docs/reference.md: rtols of the inexact ops on the chain add up, atol
 * is the loosest on the chain (reduction atol scaled by the operands'
 * scale), K the longest reduction. */
#include "compiler/evaluate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/evaluate_ops.h"
#include "ir/attrs.h"
#include "ir/diagnostics.h"
#include "mlir-c/BuiltinTypes.h"

typedef struct Value {
  MlirValue key;
  MlRefTensor t; /* data owned */
  double rtol, atol;
  int64_t k;
} Value;

typedef struct Env {
  Value *values;
  size_t n, cap;
} Env;

bool ml_eval_dtype(MlirType t, MlRefDtype *dtype) {
  if (mlirTypeIsAF32(t))
    *dtype = ML_REF_F32;
  else if (mlirTypeIsAF64(t))
    *dtype = ML_REF_F64;
  else if (mlirTypeIsAF16(t))
    *dtype = ML_REF_F16;
  else if (mlirTypeIsABF16(t))
    *dtype = ML_REF_BF16;
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 8)
    *dtype = ML_REF_I8;
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 32)
    *dtype = ML_REF_I32;
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 64)
    *dtype = ML_REF_I64;
  else if (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 1)
    *dtype = ML_REF_I1;
  else
    return false;
  return true;
}

/* Allocates a zero-filled tensor of ranked tensor type `type`; false (with
 * an error at `op`) for a type the reference cannot hold. */
static bool alloc_tensor(MlirOperation op, MlirType type, MlRefTensor *t) {
  memset(t, 0, sizeof *t);
  if (!mlirTypeIsARankedTensor(type) || !mlirShapedTypeHasStaticShape(type) ||
      mlirShapedTypeGetRank(type) > ML_REF_MAX_RANK ||
      !ml_eval_dtype(mlirShapedTypeGetElementType(type), &t->dtype)) {
    ml_error(op, "--check evaluates statically shaped tensors of rank <= 8 "
             "with f32/f64/f16/bf16/i8/i32/i64/i1 elements");
    return false;
  }
  t->rank = (int)mlirShapedTypeGetRank(type);
  for (int d = 0; d < t->rank; d++)
    t->shape[d] = mlirShapedTypeGetDimSize(type, d);
  int64_t n = ml_ref_numel(t);
  t->data = n < 0 ? NULL : calloc(n ? (size_t)n : 1, (size_t)ml_ref_dtype_size(t->dtype));
  if (!t->data) {
    ml_error(op, "--check cannot allocate this value");
    return false;
  }
  return true;
}

static Value *find(Env *e, MlirValue key) {
  for (size_t i = e->n; i-- > 0;)
    if (mlirValueEqual(e->values[i].key, key))
      return &e->values[i];
  return NULL;
}

/* A new zeroed entry for `key`. */
static Value *add(Env *e, MlirValue key) {
  if (e->n == e->cap) {
    e->cap = e->cap ? 2 * e->cap : 16;
    e->values = realloc(e->values, e->cap * sizeof *e->values);
    if (!e->values)
      abort();
  }
  Value *v = &e->values[e->n++];
  memset(v, 0, sizeof *v);
  v->key = key;
  return v;
}

/* Binds `key` to a copy of `src` carrying `from`'s tolerance. */
static void bind_copy(Env *e, MlirValue key, const MlRefTensor *src,
                      const Value *from) {
  size_t bytes = (size_t)ml_ref_numel(src) * (size_t)ml_ref_dtype_size(src->dtype);
  Value *v = add(e, key);
  v->t = *src;
  v->t.data = malloc(bytes ? bytes : 1);
  if (!v->t.data)
    abort();
  memcpy(v->t.data, src->data, bytes);
  if (from) {
    v->rtol = from->rtol;
    v->atol = from->atol;
    v->k = from->k;
  }
}

static void env_free(Env *e) {
  for (size_t i = 0; i < e->n; i++)
    free(e->values[i].t.data);
  free(e->values);
}

/* The rule for chains (docs/reference.md): the op's own tolerance, plus
 * the operands' rtols, the loosest atol, the longest K. A rounding
 * conversion of an inexact value may flip one unit of the result's last
 * place, so it counts as elementwise (and float -> int as atol 1);
 * positions (argmax, argmin) are exact, or unchecked but for their range
 * when computed from an inexact value. */
static void chain(Value *out, Value *const *in, intptr_t n, MlEvalHow how) {
  bool inexact = false;
  for (intptr_t i = 0; i < n; i++)
    inexact |= in[i]->rtol > 0 || in[i]->atol > 0;
  bool narrows = n == 1 && in[0]->t.dtype != out->t.dtype &&
                 how.cls == ML_REF_CLASS_EXACT;
  if (inexact && narrows && ml_ref_dtype_is_float(out->t.dtype))
    how.cls = ML_REF_CLASS_ELEMENTWISE;
  ml_ref_tolerance(how.cls, out->t.dtype, how.k, &out->rtol, &out->atol);
  out->atol *= how.scale;
  if (inexact && narrows && !ml_ref_dtype_is_float(out->t.dtype))
    out->atol = 1;
  out->k = how.k;
  for (intptr_t i = 0; i < n; i++) {
    out->rtol += in[i]->rtol;
    if (in[i]->atol > out->atol)
      out->atol = in[i]->atol;
    if (in[i]->k > out->k)
      out->k = in[i]->k;
  }
  /* Positions (argmax/argmin) carry no rounding error: exact from exact
   * operands; from an inexact operand a near-tie may move the winner
   * anywhere along the axis, so only the range is checked. A compare is
   * the same with two positions (false, true). */
  if (how.positions > 0) {
    out->rtol = 0;
    out->atol = inexact ? (double)(how.positions - 1) : 0;
  }
  /* A select whose condition may have flipped may pick either operand:
   * its error is at most the largest |x - y|. */
  if (n == 3 && (in[0]->rtol > 0 || in[0]->atol > 0) && how.either > out->atol)
    out->atol = how.either;
  /* Quantizing an inexact x: its error e = atol + rtol·|x| moves x / scale
   * by d = e / scale, and rounding to an integer then moves the result by
   * at most floor(d) + 1 steps (at most 255). Only |x| up to 256·scale
   * (plus the error) can land inside the i8 range, which bounds |x| in e.
   * Dequantizing turns an error of k steps back into k·scale. Exact inputs
   * stay exact (bit-identical f32 steps). */
  if (how.quantize_step > 0 && inexact) {
    double s = how.quantize_step, r = in[0]->rtol, a = in[0]->atol;
    double steps = 255;
    if (r < 1)
      steps = 1 + floor((a + r * (256 * s + a) / (1 - r)) / s);
    out->rtol = 0;
    out->atol = steps < 255 ? steps : 255;
  }
  if (how.dequantize_step > 0 && inexact) {
    out->rtol = in[0]->rtol;
    out->atol = in[0]->atol * how.dequantize_step;
  }
}

static bool eval_block(Env *e, MlirBlock block, MlirOperation *terminator);

/* The operand values of `op`; false (with an error) if one is unknown,
 * which cannot happen for verified IR in a function. */
static bool operands(Env *e, MlirOperation op, Value ***out, intptr_t *n) {
  *n = mlirOperationGetNumOperands(op);
  *out = calloc(*n ? (size_t)*n : 1, sizeof **out);
  if (!*out)
    abort();
  for (intptr_t i = 0; i < *n; i++)
    if (!((*out)[i] = find(e, mlirOperationGetOperand(op, i)))) {
      ml_error(op, "--check: operand #%ld is not a value it computed", (long)i);
      free(*out);
      return false;
    }
  return true;
}

/* mlt.fused: its body in an environment of its own, results copied out. */
static bool eval_fused(Env *e, MlirOperation op, Value **in) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
  Env inner = {0};
  for (intptr_t i = 0; i < mlirBlockGetNumArguments(body); i++)
    bind_copy(&inner, mlirBlockGetArgument(body, i), &in[i]->t, in[i]);
  MlirOperation yield;
  bool ok = eval_block(&inner, body, &yield);
  for (intptr_t i = 0; ok && i < mlirOperationGetNumResults(op); i++) {
    Value *v = find(&inner, mlirOperationGetOperand(yield, i));
    ok = v != NULL;
    if (ok)
      bind_copy(e, mlirOperationGetResult(op, i), &v->t, v);
  }
  env_free(&inner);
  return ok;
}

/* One op that is not a terminator. */
static bool eval_op(Env *e, MlirOperation op) {
  char name[64];
  ml_op_name(op, name, sizeof name);
  if (strncmp(name, "mlt.", 4) != 0) {
    ml_error(op, "'%s' has no reference implementation: --check evaluates "
             "functions written in mlt ops on tensors", name);
    return false;
  }
  Value **in;
  intptr_t n;
  if (!operands(e, op, &in, &n))
    return false;
  bool ok;
  if (!strcmp(name, "mlt.fused")) {
    ok = eval_fused(e, op, in);
    free(in);
    return ok;
  }
  MlRefTensor out;
  ok = mlirOperationGetNumResults(op) == 1 &&
       alloc_tensor(op, mlirValueGetType(mlirOperationGetResult(op, 0)), &out);
  MlRefTensor *args = calloc(n ? (size_t)n : 1, sizeof *args);
  if (!args)
    abort();
  for (intptr_t i = 0; i < n; i++)
    args[i] = in[i]->t;
  MlEvalHow how;
  int status = ok ? ml_eval_mlt_op(op, name + 4, args, n, &out, &how) : 0;
  if (ok && status == ML_EVAL_UNKNOWN)
    ml_error(op, "'%s' has no reference implementation yet", name);
  else if (ok && status > 0)
    ml_error(op, "the reference refused this op: %s", ml_ref_status_str(status));
  if (ok && status == ML_REF_OK) {
    /* chain first: add() may move the values `in` points into */
    Value v = {mlirOperationGetResult(op, 0), out, 0, 0, 0};
    chain(&v, in, n, how);
    *add(e, v.key) = v;
  } else if (ok) {
    free(out.data);
    ok = false;
  }
  free(args);
  free(in);
  return ok;
}

/* Evaluates `block` up to its terminator, which it returns. */
static bool eval_block(Env *e, MlirBlock block, MlirOperation *terminator) {
  MlirOperation op = mlirBlockGetFirstOperation(block);
  for (; !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (mlirOperationEqual(op, mlirBlockGetTerminator(block))) {
      *terminator = op;
      return true;
    }
    if (!eval_op(e, op))
      return false;
  }
  return false; /* verified functions end in a terminator */
}

bool ml_evaluate(MlirOperation func, const MlRefTensor *args,
                 MlEvalResult *results) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  Env e = {0};
  for (intptr_t i = 0; i < mlirBlockGetNumArguments(body); i++)
    bind_copy(&e, mlirBlockGetArgument(body, i), &args[i], NULL);
  MlirOperation ret;
  bool ok = eval_block(&e, body, &ret);
  intptr_t n = ok ? mlirOperationGetNumOperands(ret) : 0;
  for (intptr_t i = 0; i < n; i++) {
    /* a copy each: a value may be returned twice, or be an argument */
    Env out = {0};
    Value *v = find(&e, mlirOperationGetOperand(ret, i));
    bind_copy(&out, v->key, &v->t, v);
    results[i] = (MlEvalResult){out.values[0].t, v->rtol, v->atol, v->k};
    free(out.values);
  }
  env_free(&e);
  return ok;
}

void ml_evaluate_free(MlEvalResult *results, intptr_t n) {
  for (intptr_t i = 0; i < n; i++) {
    free(results[i].value.data);
    results[i].value.data = NULL;
  }
}
