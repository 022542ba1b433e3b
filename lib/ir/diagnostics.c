/* diagnostics: source positions and messages out of MLIR diagnostics, with
 * the mlirLocation* getters (STYLE.md rule 8). */
#include "ir/diagnostics.h"

#include <stdarg.h>

#include <stdlib.h>
#include <string.h>

#include "ir/capi_gaps.h"

MlSourcePos ml_location_pos(MlirLocation loc) {
  MlSourcePos none = {{NULL, 0}, 0, 0};
  if (mlirLocationIsAFileLineColRange(loc)) {
    MlSourcePos p;
    p.file = mlirIdentifierStr(mlirLocationFileLineColRangeGetFilename(loc));
    p.line = (unsigned)mlirLocationFileLineColRangeGetStartLine(loc);
    p.col = (unsigned)mlirLocationFileLineColRangeGetStartColumn(loc);
    return p;
  }
  if (mlirLocationIsAName(loc))
    return ml_location_pos(mlirLocationNameGetChildLoc(loc));
  if (mlirLocationIsACallSite(loc))
    return ml_location_pos(mlirLocationCallSiteGetCallee(loc));
  if (mlirLocationIsAFused(loc)) {
    unsigned n = mlirLocationFusedGetNumLocations(loc);
    MlirLocation *locs = malloc((n ? n : 1) * sizeof *locs);
    if (!locs)
      abort();
    mlirLocationFusedGetLocations(loc, locs);
    MlSourcePos p = none;
    for (unsigned i = 0; i < n && !p.file.data; i++)
      p = ml_location_pos(locs[i]);
    free(locs);
    return p;
  }
  return none;
}

const char *ml_severity_name(MlirDiagnosticSeverity severity) {
  switch (severity) {
  case MlirDiagnosticError:
    return "error";
  case MlirDiagnosticWarning:
    return "warning";
  case MlirDiagnosticNote:
    return "note";
  case MlirDiagnosticRemark:
    return "remark";
  }
  return "error";
}

void ml_diagnostic_message(MlirDiagnostic diag, MlBuf *out) {
  mlirDiagnosticPrint(diag, ml_buf_callback, out);
}

/* Finds line `line` (1-based) of `text`; sets *len to its length. */
static const char *find_line(const char *text, size_t n, unsigned line,
                             size_t *len) {
  const char *p = text, *end = text + n;
  for (unsigned l = 1; l < line; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl)
      return NULL;
    p = nl + 1;
  }
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  *len = (size_t)((nl ? nl : end) - p);
  if (*len && p[*len - 1] == '\r')
    (*len)--;
  return p;
}

void ml_format_located(MlBuf *out, MlSourcePos pos, const char *severity,
                       const char *message, const char *source_name,
                       const char *source, size_t source_len) {
  if (!pos.file.data) {
    ml_buf_printf(out, "<unknown>: %s: %s\n", severity, message);
    return;
  }
  if (pos.line == 0) { /* a whole file (an .onnx model has no lines) */
    ml_buf_printf(out, "%.*s: %s: %s\n", (int)pos.file.length, pos.file.data,
                  severity, message);
    return;
  }
  ml_buf_printf(out, "%.*s:%u:%u: %s: %s\n", (int)pos.file.length,
                pos.file.data, pos.line, pos.col, severity, message);
  if (!source || !source_name || pos.line == 0 ||
      strlen(source_name) != pos.file.length ||
      memcmp(source_name, pos.file.data, pos.file.length) != 0)
    return;
  size_t len;
  const char *line = find_line(source, source_len, pos.line, &len);
  if (!line)
    return;
  ml_buf_append(out, line, len);
  ml_buf_puts(out, "\n");
  /* Keep tabs so the caret lines up under the same column. */
  for (unsigned c = 1; c < pos.col && c <= len; c++)
    ml_buf_puts(out, line[c - 1] == '\t' ? "\t" : " ");
  ml_buf_puts(out, "^\n");
}

void ml_diagnostic_for_each(MlirDiagnostic diag, MlDiagnosticFn fn, void *user) {
  MlBuf msg = {0};
  intptr_t num_notes = mlirDiagnosticGetNumNotes(diag);
  for (intptr_t i = -1; i < num_notes; i++) {
    MlirDiagnostic d = i < 0 ? diag : mlirDiagnosticGetNote(diag, i);
    ml_buf_clear(&msg);
    ml_diagnostic_message(d, &msg);
    fn(mlirDiagnosticGetSeverity(d), ml_location_pos(mlirDiagnosticGetLocation(d)),
       ml_buf_str(&msg), user);
  }
  ml_buf_free(&msg);
}

typedef struct Formatting {
  MlBuf *out;
  const char *name, *source;
  size_t len;
} Formatting;

static void format_one(MlirDiagnosticSeverity severity, MlSourcePos pos,
                       const char *message, void *user) {
  Formatting *f = user;
  ml_format_located(f->out, pos, ml_severity_name(severity), message, f->name,
                    f->source, f->len);
}

void ml_format_diagnostic(MlBuf *out, MlirDiagnostic diag,
                          const char *source_name, const char *source,
                          size_t source_len) {
  Formatting f = {out, source_name, source, source_len};
  ml_diagnostic_for_each(diag, format_one, &f);
}

/* Formats `fmt` and emits it at `op` as an error or a remark. */
static void emit_at(MlirOperation op, bool remark, const char *fmt, va_list ap) {
  MlBuf msg = {0};
  ml_buf_vprintf(&msg, fmt, ap);
  if (remark)
    ml_emit_remark(mlirOperationGetLocation(op), ml_buf_str(&msg));
  else
    mlirEmitError(mlirOperationGetLocation(op), ml_buf_str(&msg));
  ml_buf_free(&msg);
}

void ml_remark(MlirOperation op, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  emit_at(op, true, fmt, ap);
  va_end(ap);
}

void ml_error(MlirOperation op, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  emit_at(op, false, fmt, ap);
  va_end(ap);
}
