/* io.h: reading the input whole and writing the output all-or-nothing. */
#ifndef MLOPT_TOOLS_ML_OPT_IO_H
#define MLOPT_TOOLS_ML_OPT_IO_H

#include <stdbool.h>

#include "ir/strbuf.h"

/* Reads `path` ("-" for stdin) into `out`. On failure prints one
 * "ml-opt: error: ..." line and returns false. */
bool ml_read_input(const char *path, MlBuf *out);

/* Writes `data` to `path` ("-" or NULL for stdout). A file is written to a
 * temporary beside it and renamed over `path`, so a failure leaves `path`
 * untouched. On failure prints one error line and returns false. */
bool ml_write_output(const char *path, const char *data, size_t len);

#endif
