/* verify: --verify-diagnostics with MLIR's syntax, so tests written for
 * mlir-opt read the same here:
 *
 *   // expected-error {{substring}}        on this line
 *   // expected-error @+1 {{substring}}    N lines below (@-N above)
 *   // expected-note @above {{...}}        the last line without a directive
 *   // expected-warning @below {{...}}     the next line without a directive
 *   // expected-remark @unknown {{...}}    a diagnostic with no location
 *
 * A diagnostic matches an expectation of the same kind, on the same line,
 * whose text contains the substring; each diagnostic must match one and
 * each expectation must be matched. */
#include "verify.h"

#include <stdlib.h>
#include <string.h>

struct MlExpected {
  MlirDiagnosticSeverity kind;
  unsigned line;        /* the line the diagnostic must be on */
  bool unknown_loc;     /* @unknown */
  unsigned at_line;     /* where the directive itself is written */
  unsigned at_col;
  const char *sub;      /* the substring, pointing into the text */
  size_t sub_len;
  bool matched;
};

static const struct {
  const char *word;
  MlirDiagnosticSeverity kind;
} kinds[] = {{"error", MlirDiagnosticError},
             {"warning", MlirDiagnosticWarning},
             {"remark", MlirDiagnosticRemark},
             {"note", MlirDiagnosticNote}};

static void push(MlVerifier *v, MlExpected e) {
  MlExpected *p = realloc(v->items, (v->num_items + 1) * sizeof *p);
  if (!p)
    abort();
  v->items = p;
  v->items[v->num_items++] = e;
}

/* Reports a problem at a position of the input. */
static void fail_at(MlVerifier *v, unsigned line, unsigned col,
                    const char *message) {
  MlSourcePos pos = {mlirStringRefCreateFromCString(v->file), line, col};
  ml_format_located(&v->report, pos, "error", message, v->file, v->text,
                    v->text_len);
  v->failed = true;
}

/* Parses the directive starting at `d` ("expected-...") on a line ending at
 * `end`. Returns 1 for a directive, 0 for none, -1 for a malformed one
 * (reported). *below is set for @below directives. */
static int parse_directive(MlVerifier *v, const char *d, const char *end,
                           unsigned line, unsigned col, MlExpected *e,
                           bool *below) {
  const char *p = d + strlen("expected-");
  int k = -1;
  for (int i = 0; i < 4; i++) {
    size_t n = strlen(kinds[i].word);
    if ((size_t)(end - p) >= n && !memcmp(p, kinds[i].word, n)) {
      k = i;
      p += n;
      break;
    }
  }
  if (k < 0)
    return 0; /* "expected-foo" is ordinary text */
  memset(e, 0, sizeof *e);
  e->kind = kinds[k].kind;
  e->line = e->at_line = line;
  e->at_col = col;
  *below = false;
  if ((size_t)(end - p) >= 3 && !memcmp(p, "-re", 3)) {
    fail_at(v, line, col, "expected-*-re (regex) directives are not "
                          "supported; use a plain substring");
    return -1;
  }
  while (p < end && *p == ' ')
    p++;
  if (p < end && *p == '@') {
    p++;
    if (p < end && (*p == '+' || *p == '-')) {
      char sign = *p++;
      unsigned long off = 0;
      const char *digits = p;
      while (p < end && *p >= '0' && *p <= '9')
        off = off * 10 + (unsigned long)(*p++ - '0');
      if (p == digits || off > 1000000) {
        fail_at(v, line, col, "expected a line offset after '@+' or '@-'");
        return -1;
      }
      if (sign == '-' && off >= line) {
        fail_at(v, line, col, "line offset points before the first line");
        return -1;
      }
      e->line = sign == '+' ? line + (unsigned)off : line - (unsigned)off;
    } else if ((size_t)(end - p) >= 5 && !memcmp(p, "above", 5)) {
      p += 5;
      e->line = 0; /* filled in by the caller */
    } else if ((size_t)(end - p) >= 5 && !memcmp(p, "below", 5)) {
      p += 5;
      *below = true;
    } else if ((size_t)(end - p) >= 7 && !memcmp(p, "unknown", 7)) {
      p += 7;
      e->unknown_loc = true;
    } else {
      fail_at(v, line, col, "expected '@+N', '@-N', '@above', '@below' or "
                            "'@unknown' after the directive");
      return -1;
    }
  }
  while (p < end && *p == ' ')
    p++;
  /* The message runs from "{{" to the last "}}" on the line. */
  const char *close = NULL;
  for (const char *q = end - 2; q >= p; q--)
    if (q[0] == '}' && q[1] == '}') {
      close = q;
      break;
    }
  if ((size_t)(end - p) < 4 || p[0] != '{' || p[1] != '{' || !close ||
      close < p + 2) {
    fail_at(v, line, col, "expected '{{message}}' after the directive");
    return -1;
  }
  e->sub = p + 2;
  e->sub_len = (size_t)(close - e->sub);
  return 1;
}

void ml_verifier_init(MlVerifier *v, const char *file, const char *text,
                      size_t len) {
  memset(v, 0, sizeof *v);
  v->file = file;
  v->text = text;
  v->text_len = len;
  unsigned last_plain_line = 0; /* last line without a directive */
  size_t pending_below = v->num_items, num_pending = 0;
  const char *p = text, *end = text + len;
  for (unsigned line = 1; p <= end; line++) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
      eol = end;
    const char *stop = eol;
    while (stop > p && (stop[-1] == '\r' || stop[-1] == ' ' || stop[-1] == '\t'))
      stop--;
    bool has_directive = false;
    for (const char *d = p; d + 9 <= stop; d++) {
      d = memchr(d, 'e', (size_t)(stop - d));
      if (!d || d + 9 > stop)
        break;
      if (memcmp(d, "expected-", 9) != 0)
        continue;
      MlExpected e;
      bool below;
      int r = parse_directive(v, d, stop, line, (unsigned)(d - p) + 1, &e,
                              &below);
      if (r == 0)
        continue;
      has_directive = true;
      if (r > 0) {
        if (e.line == 0 && !e.unknown_loc && !below)
          e.line = last_plain_line ? last_plain_line : 1;
        if (below) {
          if (num_pending == 0)
            pending_below = v->num_items;
          num_pending++;
          e.line = 0; /* dangling until a plain line comes */
        }
        push(v, e);
      }
      break; /* one directive per line, as in MLIR */
    }
    if (!has_directive) {
      for (size_t i = pending_below; num_pending && i < v->num_items; i++)
        if (v->items[i].line == 0 && !v->items[i].unknown_loc)
          v->items[i].line = line;
      num_pending = 0;
      last_plain_line = line;
    }
    if (eol == end)
      break;
    p = eol + 1;
  }
}

void ml_verifier_process(MlVerifier *v, MlirDiagnosticSeverity severity,
                         MlSourcePos pos, const char *message) {
  bool in_file = pos.file.data && strlen(v->file) == pos.file.length &&
                 !memcmp(v->file, pos.file.data, pos.file.length);
  MlExpected *near_miss = NULL;
  for (size_t i = 0; i < v->num_items; i++) {
    MlExpected *e = &v->items[i];
    bool where = e->unknown_loc ? !pos.file.data
                                : in_file && e->line == pos.line;
    if (!where)
      continue;
    char *sub = strndup(e->sub, e->sub_len);
    if (!sub)
      abort();
    bool contains = strstr(message, sub) != NULL;
    free(sub);
    if (!contains)
      continue;
    if (e->kind == severity) {
      e->matched = true;
      return;
    }
    near_miss = e;
  }
  MlBuf msg = {0};
  if (near_miss) {
    ml_buf_printf(&msg, "'%s' diagnostic emitted when expecting a '%s'",
                  ml_severity_name(severity), ml_severity_name(near_miss->kind));
    fail_at(v, near_miss->at_line, near_miss->at_col, ml_buf_str(&msg));
  } else {
    ml_buf_printf(&msg, "unexpected %s: %s", ml_severity_name(severity),
                  message);
    ml_format_located(&v->report, pos, "error", ml_buf_str(&msg), v->file,
                      v->text, v->text_len);
    v->failed = true;
  }
  ml_buf_free(&msg);
}

bool ml_verifier_finish(MlVerifier *v) {
  for (size_t i = 0; i < v->num_items; i++) {
    MlExpected *e = &v->items[i];
    if (e->matched)
      continue;
    MlBuf msg = {0};
    ml_buf_printf(&msg, "expected %s \"%.*s\" was not produced",
                  ml_severity_name(e->kind), (int)e->sub_len, e->sub);
    fail_at(v, e->at_line, e->at_col, ml_buf_str(&msg));
    ml_buf_free(&msg);
  }
  return !v->failed;
}

void ml_verifier_free(MlVerifier *v) {
  free(v->items);
  ml_buf_free(&v->report);
  v->items = NULL;
  v->num_items = 0;
}
