/* fileio.h: whole-file reads, all-or-nothing writes and stderr capture,
 * shared by mlopt's tools. Errors come back as one message (no tool-name
 * prefix) for the caller to print. */
#ifndef MLOPT_IR_FILEIO_H
#define MLOPT_IR_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "ir/strbuf.h"

/* Reads `path` ("-" for stdin) into `out` (NUL-terminated, "" when empty).
 * On failure writes "cannot open WHAT 'PATH': reason" (or "cannot read") to
 * `err` and returns false. */
bool ml_read_file(const char *path, const char *what, MlBuf *out, MlBuf *err);

/* Writes `data` to `path` ("-" or NULL for stdout). A file is written to a
 * temporary beside it and renamed over `path`, so a failure leaves `path`
 * untouched. On failure writes the reason to `err` and returns false. */
bool ml_write_file(const char *path, const char *data, size_t len, MlBuf *err);

/* Redirects stderr (the descriptor, so LLVM's own prints are caught too)
 * into a temporary file; restore appends what was written to `captured`.
 * If capturing cannot start, stderr is left alone. */
typedef struct MlStderrCapture {
  void *tmp; /* FILE *, NULL when not capturing */
  int saved;
} MlStderrCapture;

void ml_stderr_capture(MlStderrCapture *c);
void ml_stderr_restore(MlStderrCapture *c, MlBuf *captured);

#endif
