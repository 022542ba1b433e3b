/* ml-import-onnx: reads an ONNX model and prints it as an mlt module.
 *
 *   ml-import-onnx model.onnx [-o out.mlir] [--shape NAME=1x3x224x224]...
 *                  [--const NAME=value.pb]... [--list-unsupported]
 *
 * The work is the library's (mloptImportOnnx, mloptCheckOnnxSupport); this
 * file parses flags, reads files, prints diagnostics and writes the output
 * atomically (nothing is written on failure). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/diagnostics.h"
#include "ir/fileio.h"
#include "ir/strbuf.h"
#include "ir/suggest.h"
#include "mlir-c/IR.h"
#include "mlir-c/RegisterEverything.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Onnx.h"
#include "mlopt-c/Support.h"

static const char usage[] =
    "usage: ml-import-onnx MODEL.onnx [options]\n"
    "\n"
    "Imports an ONNX model as an mlt module: one func.func per graph, named\n"
    "after the graph, taking the graph inputs that are not initializers and\n"
    "returning the graph outputs. Prints it to stdout, or writes it to -o.\n"
    "\n"
    "options:\n"
    "  -o FILE, --output=FILE   write the module to FILE (atomically)\n"
    "  --shape NAME=DIMS        pin graph input NAME's shape, e.g.\n"
    "                           --shape input=1x3x224x224 (for symbolic dims)\n"
    "  --const NAME=FILE.pb     freeze graph input NAME to the TensorProto in\n"
    "                           FILE.pb (for inputs that decide shapes, such\n"
    "                           as Reshape's shape)\n"
    "  --list-unsupported       report every unsupported op, attribute and\n"
    "                           element type in the model, then exit (1 if\n"
    "                           there is any)\n"
    "  --version                print the version\n"
    "  -h, --help               print this help\n"
    "\n"
    "Supported ops and their limits: docs/onnx.md.\n";

typedef struct Options {
  const char *model, *output;
  bool list_unsupported;
  MloptOnnxShape *shapes;
  int64_t *dims; /* ML_MAX_DIMS per shape */
  intptr_t num_shapes;
  const char **const_names, **const_files;
  intptr_t num_consts;
} Options;

enum { MAX_DIMS = 8 };

static int fail(const char *fmt, const char *arg) {
  fprintf(stderr, "ml-import-onnx: error: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n");
  return 1;
}

/* NAME=1x3x224 into the next shape slot. */
static int add_shape(Options *o, char *arg) {
  char *eq = strrchr(arg, '=');
  if (!eq || eq == arg || !eq[1])
    return fail("--shape wants NAME=DIMS (e.g. input=1x3x224x224), not '%s'",
                arg);
  *eq = 0;
  int64_t *dims = o->dims + o->num_shapes * MAX_DIMS;
  intptr_t rank = 0;
  for (char *p = eq + 1;;) {
    char *end;
    long long d = strtoll(p, &end, 10);
    if (end == p || d <= 0 || rank == MAX_DIMS || (*end && *end != 'x')) {
      *eq = '=';
      return fail("--shape %s: dims must be positive numbers joined by 'x' "
                  "(at most 8)", arg);
    }
    dims[rank++] = d;
    if (!*end)
      break;
    p = end + 1;
  }
  o->shapes[o->num_shapes++] = (MloptOnnxShape){
      mlirStringRefCreateFromCString(arg), rank, dims};
  return 0;
}

static int add_const(Options *o, char *arg) {
  char *eq = strchr(arg, '=');
  if (!eq || eq == arg || !eq[1])
    return fail("--const wants NAME=FILE.pb, not '%s'", arg);
  *eq = 0;
  o->const_names[o->num_consts] = arg;
  o->const_files[o->num_consts++] = eq + 1;
  return 0;
}

/* Parses argv; returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, Options *o) {
  static const char *const flags[] = {"--output", "--shape", "--const",
                                      "--list-unsupported", "--version",
                                      "--help"};
  for (int i = 1; i < argc; i++) {
    char *a = argv[i];
    char *value = NULL;
    /* Flags that take a value accept "--flag=v" and "--flag v". */
    const char *valued[] = {"--output", "--shape", "--const", "-o"};
    for (size_t k = 0; k < 4 && !value; k++) {
      size_t n = strlen(valued[k]);
      if (!strncmp(a, valued[k], n) && (a[n] == '=' || !a[n])) {
        if (a[n] == '=')
          value = a + n + 1;
        else if (i + 1 < argc)
          value = argv[++i];
        else
          return fail("%s needs a value", a);
        a = (char *)valued[k];
      }
    }
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(usage, stdout);
      return 0;
    } else if (!strcmp(a, "--version")) {
      MlirStringRef v = mloptGetVersion();
      printf("ml-import-onnx (mlopt) %.*s\n", (int)v.length, v.data);
      return 0;
    } else if (!strcmp(a, "--list-unsupported")) {
      o->list_unsupported = true;
    } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
      o->output = value;
    } else if (!strcmp(a, "--shape")) {
      if (add_shape(o, value))
        return 1;
    } else if (!strcmp(a, "--const")) {
      if (add_const(o, value))
        return 1;
    } else if (a[0] == '-' && a[1]) {
      MlSuggest s;
      ml_suggest_init(&s, a);
      for (size_t k = 0; k < sizeof flags / sizeof *flags; k++)
        ml_suggest_offer(&s, flags[k]);
      fprintf(stderr, "ml-import-onnx: error: unknown option '%s'", a);
      if (s.best)
        fprintf(stderr, "; did you mean '%s'?", s.best);
      fprintf(stderr, " (see --help)\n");
      return 1;
    } else if (o->model) {
      return fail("one model at a time ('%s' is a second one)", a);
    } else {
      o->model = a;
    }
  }
  if (!o->model)
    return fail("%s", "no input model (see --help)");
  return -1;
}

typedef struct Printer {
  const char *model;
  int errors;
} Printer;

static MlirLogicalResult on_diagnostic(MlirDiagnostic diag, void *user) {
  Printer *p = user;
  MlBuf out = {0};
  ml_format_diagnostic(&out, diag, p->model, NULL, 0);
  fputs(ml_buf_str(&out), stderr);
  ml_buf_free(&out);
  p->errors += mlirDiagnosticGetSeverity(diag) == MlirDiagnosticError;
  return mlirLogicalResultSuccess();
}

static bool read_file(const char *path, const char *what, MlBuf *out) {
  MlBuf err = {0};
  bool ok = ml_read_file(path, what, out, &err);
  if (!ok)
    fprintf(stderr, "ml-import-onnx: error: %s\n", ml_buf_str(&err));
  ml_buf_free(&err);
  return ok;
}

/* Imports (or checks) the model; returns the exit code. */
static int import(const Options *o) {
  MlBuf model = {0}, text = {0}, err = {0};
  MlBuf *consts = calloc((size_t)o->num_consts + 1, sizeof *consts);
  MloptOnnxConstant *cs = calloc((size_t)o->num_consts + 1, sizeof *cs);
  int rc = 1;
  if (!consts || !cs)
    abort();
  if (!read_file(o->model, "model", &model))
    goto out;
  for (intptr_t i = 0; i < o->num_consts; i++) {
    if (!read_file(o->const_files[i], "--const file", &consts[i]))
      goto out;
    cs[i].name = mlirStringRefCreateFromCString(o->const_names[i]);
    cs[i].tensorProto = mlirStringRefCreate(consts[i].data, consts[i].len);
  }

  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  mloptRegisterAllDialects(registry);
  MlirContext ctx = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  Printer printer = {o->model, 0};
  mlirContextAttachDiagnosticHandler(ctx, on_diagnostic, &printer, NULL);
  MlirStringRef bytes = mlirStringRefCreate(model.data, model.len);
  MlirStringRef name = mlirStringRefCreateFromCString(o->model);
  if (o->list_unsupported) {
    if (mlirLogicalResultIsSuccess(mloptCheckOnnxSupport(ctx, bytes, name))) {
      printf("%s: every op, attribute and element type is supported\n",
             o->model);
      rc = 0;
    } else {
      fprintf(stderr, "%s: %d unsupported item%s\n", o->model, printer.errors,
              printer.errors == 1 ? "" : "s");
    }
  } else {
    MloptOnnxOptions opts = {o->num_shapes, o->shapes, o->num_consts, cs};
    MlirModule m = mloptImportOnnx(ctx, bytes, name, &opts);
    if (!mlirModuleIsNull(m)) {
      mlirOperationPrint(mlirModuleGetOperation(m), ml_buf_callback, &text);
      ml_buf_puts(&text, "\n");
      mlirModuleDestroy(m);
      if (!o->output || !strcmp(o->output, "-")) {
        fwrite(text.data, 1, text.len, stdout);
        rc = fflush(stdout) == 0 ? 0 : 1;
      } else if (ml_write_file(o->output, text.data, text.len, &err)) {
        rc = 0;
      } else {
        fprintf(stderr, "ml-import-onnx: error: %s\n", ml_buf_str(&err));
      }
    }
  }
  mlirContextDestroy(ctx);
out:
  for (intptr_t i = 0; i < o->num_consts; i++)
    ml_buf_free(&consts[i]);
  free(consts);
  free(cs);
  ml_buf_free(&model);
  ml_buf_free(&text);
  ml_buf_free(&err);
  return rc;
}

int main(int argc, char **argv) {
  Options o = {0};
  o.shapes = calloc((size_t)argc, sizeof *o.shapes);
  o.dims = calloc((size_t)argc * MAX_DIMS, sizeof *o.dims);
  o.const_names = calloc((size_t)argc, sizeof *o.const_names);
  o.const_files = calloc((size_t)argc, sizeof *o.const_files);
  if (!o.shapes || !o.dims || !o.const_names || !o.const_files)
    abort();
  int rc = parse(argc, argv, &o);
  if (rc < 0)
    rc = import(&o);
  free(o.shapes);
  free(o.dims);
  free(o.const_names);
  free(o.const_files);
  return rc;
}
