/* strbuf.h: a growable, always NUL-terminated byte buffer. */
#ifndef MLOPT_IR_STRBUF_H
#define MLOPT_IR_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "mlir-c/Support.h"

typedef struct MlBuf {
  char *data; /* NUL-terminated when non-NULL */
  size_t len;
  size_t cap;
} MlBuf;

void ml_buf_append(MlBuf *b, const char *s, size_t n);
void ml_buf_puts(MlBuf *b, const char *s);
void ml_buf_printf(MlBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ml_buf_vprintf(MlBuf *b, const char *fmt, va_list ap);
/* An MlirStringCallback appending to the MlBuf in `user`. */
void ml_buf_callback(MlirStringRef s, void *user);
/* Drops trailing whitespace. */
void ml_buf_rtrim(MlBuf *b);
void ml_buf_clear(MlBuf *b);
void ml_buf_free(MlBuf *b);
/* "" when empty, never NULL. */
const char *ml_buf_str(const MlBuf *b);

#endif
