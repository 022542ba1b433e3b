/* io.h: ml-run's whole-file reads, all-or-nothing writes and stderr
 * capture. */
#ifndef MLOPT_TOOLS_ML_RUN_IO_H
#define MLOPT_TOOLS_ML_RUN_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "ir/strbuf.h"

/* Reads `path` ("-" for stdin) into `out`. On failure prints one
 * "ml-run: error: ..." line naming `what` ("input file", ...) and returns
 * false. */
bool ml_run_read_file(const char *path, const char *what, MlBuf *out);

/* Writes `data` to a temporary beside `path` and renames it over `path`, so
 * a failure leaves `path` untouched. On failure prints one error line. */
bool ml_run_write_file(const char *path, const char *data, size_t len);

/* Redirects stderr (file descriptor 2) into a temporary file, to fold what
 * LLVM prints there straight (bad pass option values) into one message. */
typedef struct MlStderrCapture {
  void *tmp; /* FILE *, NULL when capturing failed (stderr left alone) */
  int saved;
} MlStderrCapture;

void ml_stderr_capture(MlStderrCapture *c);
/* Restores stderr and appends what was written to it to `captured`. */
void ml_stderr_restore(MlStderrCapture *c, MlBuf *captured);

#endif
