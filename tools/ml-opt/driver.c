/* driver: ml-opt's work once flags are parsed, in the order a user sees it:
 * check the pipeline, read the input, split it into chunks, and for each
 * chunk parse → run passes → print, with diagnostics shown (or checked
 * against expected-* comments); then write the whole output, or nothing if
 * anything failed. Each chunk gets its own MLIR context. */
#include "driver.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ir/fileio.h"
#include "ir/capi_gaps.h"
#include "ir/diagnostics.h"
#include "mlir-c/Pass.h"
#include "mlir-c/RegisterEverything.h"
#include "mlopt-c/Compile.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Parse.h"
#include "mlopt-c/Pipeline.h"
#include "verify.h"

/* State of one chunk while MLIR reports diagnostics about it. */
typedef struct Chunk {
  const MlOptions *o;
  const char *name; /* the file name locations carry */
  MlBuf text;       /* the chunk, padded with newlines to its first line */
  MlVerifier verifier;
} Chunk;

/* Hands one diagnostic or note to the verifier. */
static void verify_one(MlirDiagnosticSeverity severity, MlSourcePos pos,
                       const char *message, void *user) {
  ml_verifier_process(user, severity, pos, message);
}

/* Prints one diagnostic and its notes, or hands them to the verifier. */
static MlirLogicalResult on_diagnostic(MlirDiagnostic diag, void *user) {
  Chunk *c = user;
  if (c->o->verify_diagnostics) {
    ml_diagnostic_for_each(diag, verify_one, &c->verifier);
    return mlirLogicalResultSuccess();
  }
  if (mlirDiagnosticGetSeverity(diag) == MlirDiagnosticRemark && !c->o->remarks)
    return mlirLogicalResultSuccess(); /* shown with --remarks only */
  MlBuf out = {0};
  /* remarks are one line each (no source snippet), easy to read and grep */
  bool remark = mlirDiagnosticGetSeverity(diag) == MlirDiagnosticRemark;
  ml_format_diagnostic(&out, diag, c->name, remark ? NULL : c->text.data,
                       remark ? 0 : c->text.len);
  fputs(ml_buf_str(&out), stderr);
  ml_buf_free(&out);
  return mlirLogicalResultSuccess();
}

static MlirOpPrintingFlags printing_flags(const MlOptions *o) {
  MlirOpPrintingFlags flags = mlirOpPrintingFlagsCreate();
  if (o->print_generic)
    mlirOpPrintingFlagsPrintGenericOpForm(flags);
  if (o->print_debuginfo)
    mlirOpPrintingFlagsEnableDebugInfo(flags, true, false);
  return flags;
}

static MlirContext create_context(const MlOptions *o,
                                  MlirDialectRegistry registry) {
  MlirContext ctx = mlirContextCreateWithRegistry(registry, false);
  mlirContextEnableMultithreading(ctx, !o->disable_threading);
  mlirContextSetAllowUnregisteredDialects(ctx, o->allow_unregistered_dialect);
  /* As mlir-opt: expected-* comments are about messages, not op dumps. */
  ml_context_print_op_on_diagnostic(ctx, !o->verify_diagnostics);
  return ctx;
}

/* Builds the pass manager for the flags; on a bad flag writes the message to
 * `err` and returns a null one. */
static MlirPassManager build_pipeline(const MlOptions *o, MlirContext ctx,
                                      bool instrument, MlBuf *err) {
  MlirPassManager pm = mlirPassManagerCreateOnOperation(
      ctx, mlirStringRefCreateFromCString("builtin.module"));
  MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager(pm);
  for (size_t i = 0; i < o->num_passes; i++) {
    const MlPassFlag *f = &o->passes[i];
    MlirStringRef value = f->value ? mlirStringRefCreateFromCString(f->value)
                                   : mlirStringRefCreate(NULL, 0);
    MlirLogicalResult r =
        mloptAddPassFlag(opm, mlirStringRefCreateFromCString(f->name), value,
                         ml_buf_callback, err);
    if (mlirLogicalResultIsFailure(r)) {
      mlirPassManagerDestroy(pm);
      return (MlirPassManager){NULL};
    }
  }
  mlirPassManagerEnableVerifier(pm, o->verify_each);
  if (!instrument)
    return pm;
  if (o->print_ir_before_all || o->print_ir_after_all ||
      o->print_ir_after_failure) {
    MlirOpPrintingFlags flags = printing_flags(o);
    mlirPassManagerEnableIRPrinting(
        pm, o->print_ir_before_all, o->print_ir_after_all,
        /*printModuleScope=*/false, /*printAfterOnlyOnChange=*/false,
        o->print_ir_after_failure && !o->print_ir_after_all, flags,
        mlirStringRefCreate(NULL, 0));
    mlirOpPrintingFlagsDestroy(flags);
  }
  if (o->timing)
    mlirPassManagerEnableTiming(pm);
  if (o->pass_statistics)
    mlirPassManagerEnableStatistics(pm, MLIR_PASS_DISPLAY_MODE_PIPELINE);
  return pm;
}

/* Deepest bracket nesting ml-opt accepts. MLIR recurses per level when
 * parsing, verifying and printing; 20000 levels run well within the 512 MiB
 * stack (measured: 50000 nested regions still parse), and no real program
 * comes near. Deeper input gets an error instead of a stack overflow. */
enum { MAX_NESTING = 20000 };

/* Finds where ( { [ nesting first exceeds MAX_NESTING, skipping string
 * literals and // comments. Returns false and sets the line and column there. */
static bool nesting_ok(const char *p, size_t n, unsigned *line, unsigned *col) {
  const char *end = p + n, *bol = p;
  unsigned l = 1, depth = 0;
  for (; p < end; p++) {
    char ch = *p;
    if (ch == '\n') {
      l++;
      bol = p + 1;
    } else if (ch == '"') {
      for (p++; p < end && *p != '"' && *p != '\n'; p++)
        if (*p == '\\' && p + 1 < end)
          p++;
      if (p < end && *p == '\n')
        p--; /* let the newline be counted */
    } else if (ch == '/' && p + 1 < end && p[1] == '/') {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      p = (nl ? nl : end) - 1;
    } else if (ch == '(' || ch == '{' || ch == '[') {
      if (++depth > MAX_NESTING) {
        *line = l;
        *col = (unsigned)(p - bol) + 1;
        return false;
      }
    } else if ((ch == ')' || ch == '}' || ch == ']') && depth) {
      depth--;
    }
  }
  return true;
}

/* Processes one chunk; appends its printed IR to `out` on success. */
static bool run_chunk(const MlOptions *o, MlirDialectRegistry registry,
                      Chunk *c, MlBuf *out) {
  MlirContext ctx = create_context(o, registry);
  MlirDiagnosticHandlerID handler =
      mlirContextAttachDiagnosticHandler(ctx, on_diagnostic, c, NULL);
  bool ok = false;
  MlirPassManager pm = {NULL};
  MlirModule module = {NULL};
  unsigned line, col;
  if (!nesting_ok(c->text.data, c->text.len, &line, &col)) {
    MlSourcePos pos = {mlirStringRefCreateFromCString(c->name), line, col};
    mlirEmitError(mlirLocationFileLineColGet(ctx, pos.file, line, col),
                  "input nests more than 20000 levels deep; ml-opt rejects it "
                  "rather than risk overflowing its stack");
    goto out;
  }
  module = mloptParseModule(
      ctx, mlirStringRefCreate(c->text.data, c->text.len),
      mlirStringRefCreateFromCString(c->name));
  if (mlirModuleIsNull(module))
    goto out;
  MlBuf err = {0};
  pm = build_pipeline(o, ctx, true, &err);
  if (mlirPassManagerIsNull(pm))
    fprintf(stderr, "ml-opt: error: %s\n", ml_buf_str(&err));
  ml_buf_free(&err);
  if (mlirPassManagerIsNull(pm))
    goto out;
  if (mlirLogicalResultIsFailure(
          mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))))
    goto out;
  if (o->emit != ML_EMIT_MLIR) {
    MloptTargetOptions target = {
        mlirStringRefCreateFromCString(o->target_triple ? o->target_triple : ""),
        mlirStringRefCreateFromCString(o->target_cpu ? o->target_cpu : ""),
        o->opt_level};
    ok = mlirLogicalResultIsSuccess(mloptEmit(module, (MloptEmitKind)(o->emit - 1),
                                              target, ml_buf_callback, out));
    goto out;
  }
  MlirOpPrintingFlags flags = printing_flags(o);
  mlirOperationPrintWithFlags(mlirModuleGetOperation(module), flags,
                              ml_buf_callback, out);
  mlirOpPrintingFlagsDestroy(flags);
  if (out->len == 0 || out->data[out->len - 1] != '\n')
    ml_buf_puts(out, "\n");
  ok = true;
out:
  if (!mlirPassManagerIsNull(pm))
    mlirPassManagerDestroy(pm); /* prints --timing reports */
  if (!mlirModuleIsNull(module))
    mlirModuleDestroy(module);
  mlirContextDetachDiagnosticHandler(ctx, handler);
  mlirContextDestroy(ctx);
  return ok;
}

/* True if the line at `p` starts with `marker`. */
static bool is_marker_line(const char *p, const char *end, const char *marker) {
  size_t n = strlen(marker);
  return (size_t)(end - p) >= n && memcmp(p, marker, n) == 0;
}

/* Runs build_pipeline with stderr captured: LLVM prints a bad pass option
 * value straight to stderr, and that text belongs in our one error line. */
static MlirPassManager build_pipeline_capturing(const MlOptions *o,
                                                MlirContext ctx, MlBuf *err) {
  MlStderrCapture capture;
  ml_stderr_capture(&capture);
  MlirPassManager pm = build_pipeline(o, ctx, false, err);
  MlBuf captured = {0};
  ml_stderr_restore(&capture, &captured);
  /* ": for the --max-iterations option: 'abc' value invalid ...\n" */
  ml_buf_rtrim(&captured);
  const char *c = ml_buf_str(&captured);
  while (*c == ':' || *c == ' ' || *c == '\n')
    c++;
  if (*c && mlirPassManagerIsNull(pm)) {
    ml_buf_puts(err, ": ");
    for (; *c; c++)
      ml_buf_puts(err, *c == '\n' ? "; " : (char[]){*c, 0});
  } else if (*c) {
    fprintf(stderr, "%s\n", c); /* not ours to swallow */
  }
  ml_buf_free(&captured);
  return pm;
}

/* Checks the pass flags once up front, so a bad flag fails before any
 * input is read; also serves --dump-pass-pipeline. */
static bool check_pipeline(const MlOptions *o, MlirDialectRegistry registry) {
  MlirContext ctx = create_context(o, registry);
  MlBuf err = {0};
  MlirPassManager pm = build_pipeline_capturing(o, ctx, &err);
  bool ok = !mlirPassManagerIsNull(pm);
  if (!ok)
    fprintf(stderr, "ml-opt: error: %s\n", ml_buf_str(&err));
  if (ok && o->dump_pass_pipeline) {
    MlBuf text = {0};
    mlirPrintPassPipeline(mlirPassManagerGetAsOpPassManager(pm),
                          ml_buf_callback, &text);
    fprintf(stderr, "Pass Manager with %zu pass flags:\n%s\n", o->num_passes,
            ml_buf_str(&text));
    ml_buf_free(&text);
  }
  if (ok)
    mlirPassManagerDestroy(pm);
  ml_buf_free(&err);
  mlirContextDestroy(ctx);
  return ok;
}

int ml_opt_run(const MlOptions *o) {
  mloptRegisterAllPasses();
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  mloptRegisterAllDialects(registry);
  const char *name = strcmp(o->input, "-") ? o->input : "<stdin>";
  MlBuf input = {0}, out = {0};
  MlBuf err = {0};
  bool ok = check_pipeline(o, registry) &&
            ml_read_file(o->input, "input file", &input, &err);
  if (!ok)
    goto done;

  const char *p = input.data, *end = input.data + input.len;
  unsigned line = 1, chunk_line = 1;
  const char *chunk = p;
  for (;;) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    bool last = eol == NULL;
    bool split = o->split_marker && is_marker_line(p, end, o->split_marker);
    if (split || last) {
      const char *chunk_end = split ? p : end;
      Chunk c = {o, name, {0}, {0}};
      for (unsigned l = 1; l < chunk_line; l++)
        ml_buf_puts(&c.text, "\n");
      ml_buf_append(&c.text, chunk, (size_t)(chunk_end - chunk));
      if (o->verify_diagnostics)
        ml_verifier_init(&c.verifier, name, c.text.data, c.text.len);
      if (chunk != input.data)
        ml_buf_printf(&out, "%s\n", o->split_marker);
      bool chunk_ok = run_chunk(o, registry, &c, &out);
      if (o->verify_diagnostics) {
        chunk_ok = ml_verifier_finish(&c.verifier);
        fputs(ml_buf_str(&c.verifier.report), stderr);
        ml_verifier_free(&c.verifier);
      }
      ok = ok && chunk_ok;
      ml_buf_free(&c.text);
      chunk = eol ? eol + 1 : end;
      chunk_line = line + 1;
    }
    if (last)
      break;
    p = eol + 1;
    line++;
  }
  if (ok && o->emit == 3 && (!o->output || !strcmp(o->output, "-")) &&
      isatty(STDOUT_FILENO)) {
    fprintf(stderr, "ml-opt: error: not writing an object file to a "
                    "terminal; use -o FILE\n");
    ok = false;
  }
  if (ok)
    ok = ml_write_file(o->output, out.data ? out.data : "", out.len, &err);
done:
  if (err.len)
    fprintf(stderr, "ml-opt: error: %s\n", ml_buf_str(&err));
  ml_buf_free(&err);
  ml_buf_free(&input);
  ml_buf_free(&out);
  mlirDialectRegistryDestroy(registry);
  return ok ? 0 : 1;
}
