/* run: ml-run's work once flags are parsed, in the order a user sees it:
 * check the pipeline, parse the input, read the entry's signature, load the
 * inputs (so a wrong shape fails before any compiling), lower the module,
 * check the lowered C interface, JIT-compile and call the entry (call.c),
 * then print or write the outputs, and with --check compare them with the
 * C reference evaluated on the module as parsed (check.c). */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "call.h"
#include "check.h"
#include "compiler/flops.h"
#include "ir/fileio.h"
#include "ir/diagnostics.h"
#include "mlir-c/Pass.h"
#include "mlir-c/RegisterEverything.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Parse.h"
#include "mlopt-c/Pipeline.h"
#include "npy.h"
#include "signature.h"

typedef struct Run {
  const MlRunOptions *o;
  const char *name; /* the file name locations carry */
  MlBuf text;       /* the .mlir source */
  MlSignature sig;
  MlArray *inputs, *outputs; /* sig.num_inputs, sig.num_outputs */
} Run;

/* Prints one diagnostic and its notes as file:line:col: error: ... */
/* ml_read_file with the error printed as ml-run's. */
static bool read_file(const char *path, const char *what, MlBuf *out) {
  MlBuf err = {0};
  bool ok = ml_read_file(path, what, out, &err);
  if (!ok)
    fprintf(stderr, "ml-run: error: %s\n", ml_buf_str(&err));
  ml_buf_free(&err);
  return ok;
}

static MlirLogicalResult on_diagnostic(MlirDiagnostic diag, void *user) {
  Run *r = user;
  if (mlirDiagnosticGetSeverity(diag) == MlirDiagnosticRemark)
    return mlirLogicalResultSuccess(); /* pass remarks: ml-opt --remarks */
  MlBuf out = {0};
  ml_format_diagnostic(&out, diag, r->name, r->text.data, r->text.len);
  fputs(ml_buf_str(&out), stderr);
  ml_buf_free(&out);
  return mlirLogicalResultSuccess();
}

/* Prints "ml-run: error: MESSAGE" from a buffer. */
static void report(const MlBuf *err) {
  fprintf(stderr, "ml-run: error: %s\n", ml_buf_str(err));
}

/* Appends the types of the input or output slots: "(memref<4xf32>, f32)". */
static void list_slots(const MlSignature *sig, bool outputs, MlBuf *out) {
  size_t n = outputs ? sig->num_outputs : sig->num_inputs;
  ml_buf_puts(out, "(");
  for (size_t i = 0; i < n; i++) {
    const MlSlot *s = outputs ? ml_signature_output(sig, i)
                              : ml_signature_input(sig, i);
    ml_buf_printf(out, "%s%s", i ? ", " : "", s->type);
  }
  ml_buf_puts(out, ")");
}

/* Reads input #i from `path` and checks it against slot `s`. */
static bool load_file(Run *r, size_t i, const char *path, const MlSlot *s,
                      MlArray *a) {
  MlBuf bytes = {0}, err = {0};
  char what[64];
  snprintf(what, sizeof what, "input #%zu", i);
  bool ok = read_file(path, what, &bytes);
  if (ok && !ml_npy_decode(bytes.data, bytes.len, a, &err)) {
    fprintf(stderr, "ml-run: error: input #%zu ('%s'): %s\n", i, path,
            ml_buf_str(&err));
    ok = false;
  }
  bool shape_ok = ok && a->rank == s->rank;
  for (int d = 0; shape_ok && d < s->rank; d++)
    shape_ok = a->shape[d] == s->shape[d];
  if (ok && (a->dtype != s->dtype || !shape_ok)) {
    ml_buf_printf(&err, "input #%zu ('%s') has ", i, path);
    if (a->dtype != s->dtype) {
      ml_buf_printf(&err, "dtype %s ('%s')", ml_dtype_name(a->dtype),
                    ml_dtype_descr(a->dtype));
    } else {
      ml_buf_puts(&err, "shape ");
      ml_shape_format(a->rank, a->shape, &err);
    }
    ml_buf_puts(&err, " but ");
    ml_slot_describe(&r->sig, s, &err);
    if (s->is_index && a->dtype != s->dtype)
      ml_buf_puts(&err, " (index values are read as i64, '<i8')");
    else if (s->dtype == ML_BF16 && a->dtype != s->dtype)
      ml_buf_puts(&err, " (NumPy has no bf16: give the bit patterns as "
                        "uint16, '<u2')");
    else if (!s->is_buffer && !shape_ok)
      ml_buf_printf(&err, " (a scalar is a 0-d array, e.g. np.array(1, "
                          "dtype=np.%s))",
                    ml_dtype_numpy(s->dtype));
    report(&err);
    ml_array_free(a);
    ok = false;
  }
  ml_buf_free(&bytes);
  ml_buf_free(&err);
  return ok;
}

/* Fills r->inputs from --input files or --random-inputs. */
static bool load_inputs(Run *r) {
  const MlRunOptions *o = r->o;
  const MlSignature *sig = &r->sig;
  size_t n = sig->num_inputs;
  MlBuf err = {0};
  if ((o->num_inputs || !o->random_inputs) && o->num_inputs != n) {
    ml_buf_printf(&err, "@%s takes %zu input%s ", sig->name, n,
                  n == 1 ? "" : "s");
    list_slots(sig, false, &err);
    if (o->num_inputs)
      ml_buf_printf(&err, " but %zu --input file%s given", o->num_inputs,
                    o->num_inputs == 1 ? " was" : "s were");
    else
      ml_buf_puts(&err, "; give --input=FILE.npy for each, or "
                        "--random-inputs");
    report(&err);
    ml_buf_free(&err);
    return false;
  }
  r->inputs = calloc(n ? n : 1, sizeof *r->inputs);
  if (!r->inputs)
    abort();
  uint64_t state = o->seed;
  for (size_t i = 0; i < n; i++) {
    const MlSlot *s = ml_signature_input(sig, i);
    if (!o->random_inputs) {
      if (!load_file(r, i, o->inputs[i], s, &r->inputs[i]))
        return false;
      continue;
    }
    if (!ml_array_alloc(&r->inputs[i], s->dtype, s->rank, s->shape)) {
      fprintf(stderr, "ml-run: error: cannot allocate input #%zu (%s)\n", i,
              s->type);
      return false;
    }
    ml_array_fill_random(&r->inputs[i], &state);
  }
  return true;
}

/* Allocates the outputs zero-filled; checks the --output count. */
static bool alloc_outputs(Run *r) {
  const MlSignature *sig = &r->sig;
  size_t n = sig->num_outputs, given = r->o->num_outputs;
  if (given && given != n) {
    MlBuf err = {0};
    ml_buf_printf(&err, "@%s has %zu output%s ", sig->name, n,
                  n == 1 ? "" : "s");
    list_slots(sig, true, &err);
    ml_buf_printf(&err, " but %zu --output file%s given", given,
                  given == 1 ? " was" : "s were");
    if (n == 0)
      ml_buf_puts(&err, "; --output-args=K makes the last K memref "
                        "arguments outputs");
    report(&err);
    ml_buf_free(&err);
    return false;
  }
  r->outputs = calloc(n ? n : 1, sizeof *r->outputs);
  if (!r->outputs)
    abort();
  for (size_t i = 0; i < n; i++) {
    const MlSlot *s = ml_signature_output(sig, i);
    if (!ml_array_alloc(&r->outputs[i], s->dtype, s->rank, s->shape)) {
      fprintf(stderr, "ml-run: error: cannot allocate output #%zu (%s)\n", i,
              s->type);
      return false;
    }
  }
  return true;
}

/* Parses the pipeline into a new pass manager; prints the error if bad. */
static MlirPassManager build_pipeline(const MlRunOptions *o, MlirContext ctx) {
  MlirPassManager pm = mlirPassManagerCreateOnOperation(
      ctx, mlirStringRefCreateFromCString("builtin.module"));
  MlBuf err = {0}, captured = {0};
  MlStderrCapture capture;
  ml_stderr_capture(&capture);
  bool ok = mlirLogicalResultIsSuccess(mloptParsePipeline(
      mlirPassManagerGetAsOpPassManager(pm),
      mlirStringRefCreateFromCString(o->pipeline), ml_buf_callback, &err));
  ml_stderr_restore(&capture, &captured);
  /* LLVM's option parser says ": for the --x option: 'abc' value invalid" */
  ml_buf_rtrim(&captured);
  const char *c = ml_buf_str(&captured);
  while (*c == ':' || *c == ' ' || *c == '\n')
    c++;
  if (!ok) {
    fprintf(stderr, "ml-run: error: in --pipeline: %s", ml_buf_str(&err));
    for (const char *sep = ": "; *c; c++, sep = "")
      fprintf(stderr, "%s%s", sep, *c == '\n' ? "; " : (char[]){*c, 0});
    fputc('\n', stderr);
    mlirPassManagerDestroy(pm);
    pm.ptr = NULL;
  } else if (*c) {
    fprintf(stderr, "%s\n", c); /* not ours to swallow */
  }
  ml_buf_free(&err);
  ml_buf_free(&captured);
  return pm;
}

/* Prints the outputs (--print) and writes the --output files. */
static bool emit_outputs(Run *r) {
  const MlRunOptions *o = r->o;
  bool print = o->print || (!o->num_outputs && !o->repeat && !o->check);
  if (print && r->sig.num_outputs == 0 && !o->print)
    fprintf(stderr, "ml-run: warning: @%s has no outputs; --output-args=K "
                    "makes the last K memref arguments outputs\n",
            r->sig.name);
  MlBuf out = {0};
  for (size_t i = 0; print && i < r->sig.num_outputs; i++) {
    const MlArray *a = &r->outputs[i];
    ml_buf_printf(&out, "output #%zu: shape ", i);
    ml_shape_format(a->rank, a->shape, &out);
    ml_buf_printf(&out, " %s\n", ml_dtype_name(a->dtype));
    ml_array_print(a, &out);
  }
  fputs(ml_buf_str(&out), stdout);
  fflush(stdout);
  bool ok = true;
  for (size_t i = 0; ok && i < o->num_outputs; i++) {
    ml_buf_clear(&out);
    ml_npy_encode(&r->outputs[i], &out);
    MlBuf err = {0};
    ok = ml_write_file(o->outputs[i], out.data ? out.data : "", out.len, &err);
    if (!ok)
      fprintf(stderr, "ml-run: error: %s\n", ml_buf_str(&err));
    ml_buf_free(&err);
  }
  ml_buf_free(&out);
  return ok;
}

/* The whole run, with one cleanup path for every way out. */
int ml_run(const MlRunOptions *o) {
  mloptRegisterAllPasses();
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  mloptRegisterAllDialects(registry);
  MlirContext ctx = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  mlirRegisterAllLLVMTranslations(ctx);
  Run r = {o, strcmp(o->file, "-") ? o->file : "<stdin>", {0}, {0}, NULL, NULL};
  MlirDiagnosticHandlerID handler =
      mlirContextAttachDiagnosticHandler(ctx, on_diagnostic, &r, NULL);
  MlirModule module = {NULL};
  MlBuf err = {0};
  MlCheck check = {0};
  bool ok = false;
  MlirPassManager pm = build_pipeline(o, ctx);
  if (mlirPassManagerIsNull(pm) ||
      !read_file(o->file, "input file", &r.text))
    goto out;
  module = mloptParseModule(ctx, mlirStringRefCreate(r.text.data, r.text.len),
                            mlirStringRefCreateFromCString(r.name));
  if (mlirModuleIsNull(module))
    goto out;
  if (!ml_signature_read(module, r.name, o->entry, o->output_args, &r.sig, &err)) {
    report(&err);
    goto out;
  }
  if (!load_inputs(&r) || !alloc_outputs(&r))
    goto out;
  double flops = o->repeat ? ml_count_flops(ml_signature_func(module, &r.sig)) : 0;
  if (o->check && !ml_check_prepare(module, &r.sig, r.inputs, &check, &err)) {
    if (err.len)
      report(&err);
    goto out; /* else the diagnostics said why */
  }
  if (mlirLogicalResultIsFailure(
          mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))))
    goto out; /* the diagnostics said why */
  if (!ml_signature_check_lowered(module, &r.sig, &err)) {
    report(&err);
    goto out;
  }
  ok = ml_run_call(module, &r.sig, r.inputs, r.outputs, o->opt_level,
                   o->threads, o->repeat, flops, o->accel_stats) &&
       emit_outputs(&r) &&
       (!o->check || ml_check_compare(&check, &r.sig, r.outputs, o->rtol, o->atol));
out:
  ml_check_free(&check);
  for (size_t i = 0; r.inputs && i < r.sig.num_inputs; i++)
    ml_array_free(&r.inputs[i]);
  for (size_t i = 0; r.outputs && i < r.sig.num_outputs; i++)
    ml_array_free(&r.outputs[i]);
  free(r.inputs);
  free(r.outputs);
  ml_signature_free(&r.sig);
  ml_buf_free(&err);
  ml_buf_free(&r.text);
  if (!mlirPassManagerIsNull(pm))
    mlirPassManagerDestroy(pm);
  if (!mlirModuleIsNull(module))
    mlirModuleDestroy(module);
  mlirContextDetachDiagnosticHandler(ctx, handler);
  mlirContextDestroy(ctx);
  return ok ? 0 : 1;
}
