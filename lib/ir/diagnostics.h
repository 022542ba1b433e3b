/* diagnostics.h: turning MLIR locations and diagnostics into the
 * `file:line:col: error: message` text that compilers print. */
#ifndef MLOPT_IR_DIAGNOSTICS_H
#define MLOPT_IR_DIAGNOSTICS_H

#include <stdbool.h>

#include "mlir-c/Diagnostics.h"
#include "mlir-c/IR.h"
#include "ir/strbuf.h"

/* A location reduced to one source position. file.data == NULL if unknown. */
typedef struct MlSourcePos {
  MlirStringRef file;
  unsigned line, col;
} MlSourcePos;

/* Finds the source position a location points at: a file:line:col location
 * itself, the child of a name location, the callee of a call site, or the
 * first known location of a fused one. */
MlSourcePos ml_location_pos(MlirLocation loc);

/* "error", "warning", "note" or "remark". */
const char *ml_severity_name(MlirDiagnosticSeverity severity);

/* Appends the message of `diag` (without location or notes). */
void ml_diagnostic_message(MlirDiagnostic diag, MlBuf *out);

/* Calls `fn` for a diagnostic and then each of its notes, with the
 * severity, source position and message text of each. */
typedef void (*MlDiagnosticFn)(MlirDiagnosticSeverity severity, MlSourcePos pos,
                               const char *message, void *user);
void ml_diagnostic_for_each(MlirDiagnostic diag, MlDiagnosticFn fn, void *user);

/* Appends a diagnostic and its notes, each as ml_format_located does (with
 * source snippets from `source`, named `source_name`). */
void ml_format_diagnostic(MlBuf *out, MlirDiagnostic diag,
                          const char *source_name, const char *source,
                          size_t source_len);

/* Appends "file:line:col: severity: message\n" ("file: ..." for line 0,
 * which names a whole file; "<unknown>: ..." without a position). When `source` is the text of `pos.file` (its name given as
 * `source_name`), also appends that source line and a caret under `col`. */
void ml_format_located(MlBuf *out, MlSourcePos pos, const char *severity,
                       const char *message, const char *source_name,
                       const char *source, size_t source_len);

/* Emits a remark at `op`'s location: how an mlopt pass explains what it
 * did or why not (printf-style, one line). Tools show remarks only with
 * --remarks; embedders see them in their diagnostic handler. */
void ml_remark(MlirOperation op, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Emits a printf-style error at `op`'s location (mlirEmitError takes a
 * fixed string). */
void ml_error(MlirOperation op, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
