/* strbuf: growable strings for messages, printed IR and file contents.
 * Allocation failure is a broken invariant here (abort), not user error. */
#include "ir/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for `extra` more bytes plus the terminating NUL. */
static void reserve(MlBuf *b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap *= 2;
  char *p = realloc(b->data, cap);
  if (!p)
    abort();
  b->data = p;
  b->cap = cap;
}

void ml_buf_append(MlBuf *b, const char *s, size_t n) {
  reserve(b, n);
  if (n)
    memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void ml_buf_puts(MlBuf *b, const char *s) { ml_buf_append(b, s, strlen(s)); }

void ml_buf_vprintf(MlBuf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0)
    abort();
  reserve(b, (size_t)n);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void ml_buf_printf(MlBuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ml_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

void ml_buf_callback(MlirStringRef s, void *user) {
  ml_buf_append((MlBuf *)user, s.data, s.length);
}

void ml_buf_rtrim(MlBuf *b) {
  while (b->len && strchr(" \t\r\n", b->data[b->len - 1]))
    b->data[--b->len] = '\0';
}

void ml_buf_clear(MlBuf *b) {
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

void ml_buf_free(MlBuf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

const char *ml_buf_str(const MlBuf *b) { return b->data ? b->data : ""; }
