/* check: ml-run --check. Before the pipeline lowers the module, the entry
 * is evaluated op by op through the C reference (lib/compiler/evaluate.c)
 * on the same inputs; after the compiled call, each output is compared
 * with its reference value under the tolerance the evaluator worked out
 * (docs/reference.md), and the errors are reported either way. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

#include "mlir-c/BuiltinTypes.h"

/* ml-run's dtype as the reference's (both keep bf16 as its bits and bool
 * as a 0/1 byte). */
static MlRefDtype ref_dtype(MlDType t) {
  switch (t) {
  case ML_F16: return ML_REF_F16;
  case ML_BF16: return ML_REF_BF16;
  case ML_I1: return ML_REF_I1;
  case ML_F64: return ML_REF_F64;
  case ML_I8: return ML_REF_I8;
  case ML_I32: return ML_REF_I32;
  case ML_I64: return ML_REF_I64;
  default: return ML_REF_F32;
  }
}

/* A borrowed reference view of an ml-run array. */
static MlRefTensor view(const MlArray *a) {
  MlRefTensor t = {ref_dtype(a->dtype), a->rank, {0}, a->data};
  for (int d = 0; d < a->rank && d < ML_REF_MAX_RANK; d++)
    t.shape[d] = a->shape[d];
  return t;
}

/* Appends why @f cannot be checked, or nothing if it can: every argument
 * and result must be a tensor the reference holds. */
static bool checkable(MlirOperation func, const MlSignature *sig, MlBuf *err) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  MlirOperation ret = mlirBlockGetTerminator(body);
  intptr_t nargs = mlirBlockGetNumArguments(body);
  intptr_t nres = mlirOperationGetNumOperands(ret);
  for (intptr_t i = 0; i < nargs + nres; i++) {
    bool is_arg = i < nargs;
    MlirType t = mlirValueGetType(is_arg ? mlirBlockGetArgument(body, i)
                                         : mlirOperationGetOperand(ret, i - nargs));
    if (mlirTypeIsARankedTensor(t) && mlirShapedTypeGetRank(t) <= ML_REF_MAX_RANK)
      continue;
    ml_buf_printf(err, "--check needs @%s to take and return tensors (of "
                       "rank <= %d) computed by mlt ops, but its %s #%zd is ",
                  sig->name, ML_REF_MAX_RANK, is_arg ? "argument" : "result",
                  is_arg ? i : i - nargs);
    mlirTypePrint(t, ml_buf_callback, err);
    return false;
  }
  if (nres == 0) {
    ml_buf_printf(err, "--check needs @%s to return tensors; it returns "
                       "nothing", sig->name);
    return false;
  }
  return true;
}

bool ml_check_prepare(MlirModule module, const MlSignature *sig,
                      const MlArray *inputs, MlCheck *check, MlBuf *err) {
  MlirOperation func = ml_signature_func(module, sig);
  if (!checkable(func, sig, err))
    return false;
  MlRefTensor *args = calloc(sig->num_inputs + 1, sizeof *args);
  check->results = calloc(sig->num_outputs + 1, sizeof *check->results);
  if (!args || !check->results)
    abort();
  for (size_t i = 0; i < sig->num_inputs; i++)
    args[i] = view(&inputs[i]);
  bool ok = ml_evaluate(func, args, check->results);
  check->num_results = ok ? sig->num_outputs : 0;
  free(args);
  return ok; /* the evaluator's diagnostics said why not */
}

/* Appends row-major index `i` of `a` as "[2, 5]". */
static void format_index(const MlArray *a, int64_t i, MlBuf *out) {
  int64_t idx[ML_MAX_RANK];
  for (int d = a->rank - 1; d >= 0; d--) {
    idx[d] = a->shape[d] ? i % a->shape[d] : 0;
    i = a->shape[d] ? i / a->shape[d] : 0;
  }
  ml_buf_puts(out, "[");
  for (int d = 0; d < a->rank; d++)
    ml_buf_printf(out, "%s%lld", d ? ", " : "", (long long)idx[d]);
  ml_buf_puts(out, "]");
}

bool ml_check_compare(const MlCheck *check, const MlSignature *sig,
                      const MlArray *outputs, double rtol, double atol) {
  bool all_ok = true;
  MlBuf line = {0};
  for (size_t i = 0; i < check->num_results; i++) {
    const MlEvalResult *r = &check->results[i];
    MlRefTensor actual = view(&outputs[i]);
    double rt = rtol >= 0 ? rtol : r->rtol, at = atol >= 0 ? atol : r->atol;
    MlRefCompare c = ml_ref_compare(&r->value, &actual, rt, at);
    ml_buf_clear(&line);
    ml_buf_printf(&line, "@%s output #%zu: max abs err %.3g, max rel err "
                         "%.3g (rtol %.3g, atol %.3g",
                  sig->name, i, c.max_abs_err, c.max_rel_err, rt, at);
    if (r->reduction_length)
      ml_buf_printf(&line, ", K %lld", (long long)r->reduction_length);
    ml_buf_puts(&line, "): ");
    if (c.ok) {
      ml_buf_puts(&line, "ok");
    } else if (c.status != ML_REF_OK) {
      ml_buf_printf(&line, "not comparable (%s)", ml_ref_status_str(c.status));
    } else {
      ml_buf_printf(&line, "%lld of %zu elements differ; first at ",
                    (long long)c.mismatches, outputs[i].count);
      format_index(&outputs[i], c.first_mismatch, &line);
      ml_buf_printf(&line, ": expected %.9g, got %.9g", c.expected_at_first,
                    c.actual_at_first);
    }
    printf("%s\n", ml_buf_str(&line));
    all_ok &= c.ok;
  }
  fflush(stdout);
  ml_buf_free(&line);
  if (!all_ok)
    fprintf(stderr, "ml-run: error: @%s does not match the reference\n",
            sig->name);
  return all_ok;
}

void ml_check_free(MlCheck *check) {
  if (check->results)
    ml_evaluate_free(check->results, (intptr_t)check->num_results);
  free(check->results);
  check->results = NULL;
  check->num_results = 0;
}
