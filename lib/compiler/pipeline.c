/* pipeline: turns ml-opt's pass flags (or an upstream textual pipeline) into
 * passes on a module-level pass manager. ml-opt and embedders share this, so
 * `ml-opt FLAGS` and mloptParsePipeline(pm, "FLAGS") build the same thing.
 *
 * A flag names, in this order of lookup: --pass-pipeline, an mlopt pass from
 * ml_pass_table, or a registered upstream pass or pipeline (its value is the
 * upstream option string: --canonicalize='max-iterations=2'). */
#include "mlopt-c/Pipeline.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "mlir-c/RegisterEverything.h"

#include "compiler/passes.h"
#include "ir/capi_gaps.h"
#include "ir/suggest.h"
#include "ir/strbuf.h"

static pthread_once_t register_once = PTHREAD_ONCE_INIT;

void mloptRegisterAllPasses(void) {
  pthread_once(&register_once, mlirRegisterAllPasses);
}

static bool equals(MlirStringRef s, const char *lit) {
  return s.length == strlen(lit) && memcmp(s.data, lit, s.length) == 0;
}

/* Sends the message in `err` to the caller's callback. */
static void report(const MlBuf *err, MlirStringCallback cb, void *user) {
  if (cb)
    cb(mlirStringRefCreate(ml_buf_str(err), err->len), user);
}

/* Offers every known pass flag to a suggestion. */
static void offer_pass_flags(MlSuggest *s) {
  for (const MlPassDef *p = ml_pass_table; p->flag; p++)
    ml_suggest_offer(s, p->flag);
  for (intptr_t i = 0, n = mloptGetNumUpstreamPasses(); i < n; i++)
    ml_suggest_offer(s, mloptGetUpstreamPass(i).flag.data);
  ml_suggest_offer(s, "pass-pipeline");
}

/* Appends an upstream pipeline "builtin.module(...)" to `pm`. */
static MlirLogicalResult add_textual_pipeline(MlirOpPassManager pm,
                                              MlirStringRef text, MlBuf *err) {
  static const char anchor[] = "builtin.module(";
  const size_t alen = sizeof anchor - 1;
  const char *s = text.data, *e = text.data + text.length;
  while (s < e && isspace((unsigned char)*s))
    s++;
  while (e > s && isspace((unsigned char)e[-1]))
    e--;
  /* The '(' after the anchor must close at the very end. */
  bool anchored = (size_t)(e - s) > alen && memcmp(s, anchor, alen) == 0;
  int depth = 0;
  for (const char *p = s + alen - 1; anchored && p < e; p++) {
    depth += (*p == '(') - (*p == ')');
    if (depth == 0 && p != e - 1)
      anchored = false;
  }
  if (!anchored || depth != 0) {
    ml_buf_printf(err,
                  "pass pipeline '%.*s' must be anchored on builtin.module, "
                  "as in 'builtin.module(canonicalize,cse)'",
                  (int)text.length, text.data);
    return mlirLogicalResultFailure();
  }
  MlBuf msg = {0};
  MlirStringRef inner = mlirStringRefCreate(s + alen, (size_t)(e - 1 - s - alen));
  MlirLogicalResult r = mlirOpPassManagerAddPipeline(pm, inner, ml_buf_callback, &msg);
  if (mlirLogicalResultIsFailure(r)) {
    /* Keep MLIR's message, not its position in our inner substring. */
    static const char where[] = "MLIR Textual PassPipeline Parser:";
    const char *m = strstr(ml_buf_str(&msg), where);
    m = m ? strstr(m, "error: ") : NULL;
    m = m ? m + 7 : ml_buf_str(&msg);
    const char *nl = strchr(m, '\n');
    ml_buf_printf(err, "invalid pass pipeline '%.*s': %.*s", (int)text.length,
                  text.data, nl ? (int)(nl - m) : (int)strlen(m), m);
  }
  ml_buf_free(&msg);
  return r;
}

/* Appends the useful lines of MLIR's pass-option error `msg` to `err` as
 * ": detail; detail". MLIR restates the failure ("failed to add ...") and
 * prefixes "<Pass-Options-Parser>: "; both are dropped. (LLVM prints a bad
 * option *value* straight to stderr, out of the callback's reach; ml-opt
 * captures that itself.) */
static void append_option_error(MlBuf *err, const char *msg) {
  static const char prefix[] = "<Pass-Options-Parser>: ";
  const char *sep = ": ";
  for (const char *line = msg; *line;) {
    const char *nl = strchr(line, '\n');
    size_t len = nl ? (size_t)(nl - line) : strlen(line);
    const char *p = line;
    if (len >= sizeof prefix - 1 && !memcmp(p, prefix, sizeof prefix - 1))
      p += sizeof prefix - 1;
    while (p < line + len && (*p == ':' || *p == ' '))
      p++;
    size_t n = (size_t)(line + len - p);
    if (n && strncmp(p, "failed to add", 13) != 0) {
      ml_buf_printf(err, "%s%.*s", sep, (int)n, p);
      sep = "; ";
    }
    line = nl ? nl + 1 : line + len;
  }
}

/* Appends the registered upstream pass `name` with option string `value`. */
static MlirLogicalResult add_upstream_pass(MlirOpPassManager pm,
                                           MlirStringRef name,
                                           MlirStringRef value, MlBuf *err) {
  /* A pass restricted to another op (func.func) nests under the module by
   * itself, as in mlir-opt: "--cse" stays "cse", "--X" becomes
   * "func.func(X)". Interface passes (any FunctionOpInterface op) cannot be
   * nested implicitly; --pass-pipeline spells those out. */
  MlBuf element = {0}, anchor = {0}, msg = {0};
  bool nested = ml_upstream_pass_anchor(name, ml_buf_callback, &anchor) &&
                strcmp(ml_buf_str(&anchor), "builtin.module") != 0;
  if (nested)
    ml_buf_printf(&element, "%s(", ml_buf_str(&anchor));
  ml_buf_append(&element, name.data, name.length);
  if (value.data) {
    ml_buf_puts(&element, "{");
    ml_buf_append(&element, value.data, value.length);
    ml_buf_puts(&element, "}");
  }
  if (nested)
    ml_buf_puts(&element, ")");
  MlirLogicalResult r = mlirOpPassManagerAddPipeline(
      pm, mlirStringRefCreate(element.data, element.len), ml_buf_callback, &msg);
  if (mlirLogicalResultIsFailure(r)) {
    if (value.data)
      ml_buf_printf(err, "invalid value '%.*s' for --%.*s", (int)value.length,
                    value.data, (int)name.length, name.data);
    else
      ml_buf_printf(err, "cannot add pass --%.*s", (int)name.length, name.data);
    append_option_error(err, ml_buf_str(&msg));
  }
  ml_buf_free(&element);
  ml_buf_free(&anchor);
  ml_buf_free(&msg);
  return r;
}

/* Appends the pass for one flag; on failure writes the message to `err`. */
static MlirLogicalResult add_flag(MlirOpPassManager pm, MlirStringRef name,
                                  MlirStringRef value, MlBuf *err) {
  mloptRegisterAllPasses();
  if (equals(name, "pass-pipeline")) {
    if (!value.data || value.length == 0) {
      ml_buf_puts(err, "--pass-pipeline needs a value, as in "
                       "--pass-pipeline='builtin.module(canonicalize)'");
      return mlirLogicalResultFailure();
    }
    return add_textual_pipeline(pm, value, err);
  }
  const MlPassDef *def = ml_pass_lookup(name);
  if (def) {
    if (value.data && !def->value_help) {
      ml_buf_printf(err, "--%s takes no value (got '=%.*s')", def->flag,
                    (int)value.length, value.data);
      return mlirLogicalResultFailure();
    }
    return def->add(pm, value, err);
  }
  if (name.length && ml_upstream_pass_registered(name))
    return add_upstream_pass(pm, name, value, err);

  MlBuf word = {0};
  ml_buf_append(&word, name.data, name.length);
  MlSuggest s;
  ml_suggest_init(&s, ml_buf_str(&word));
  offer_pass_flags(&s);
  ml_buf_printf(err, "unknown pass '--%s'", ml_buf_str(&word));
  if (s.best)
    ml_buf_printf(err, "; did you mean '--%s'?", s.best);
  ml_buf_free(&word);
  return mlirLogicalResultFailure();
}

MlirLogicalResult mloptAddPassFlag(MlirOpPassManager pm, MlirStringRef name,
                                   MlirStringRef value,
                                   MlirStringCallback errorCallback,
                                   void *userData) {
  MlBuf err = {0};
  MlirLogicalResult r = add_flag(pm, name, value, &err);
  if (mlirLogicalResultIsFailure(r))
    report(&err, errorCallback, userData);
  ml_buf_free(&err);
  return r;
}

bool mloptIsPassFlag(MlirStringRef name) {
  mloptRegisterAllPasses();
  return equals(name, "pass-pipeline") || ml_pass_lookup(name) ||
         (name.length && ml_upstream_pass_registered(name));
}

/* Reads one flag value at `*p`: quoted with ' or ", or running to the next
 * blank outside (), {} and []. Sets *out to the unquoted text. */
static bool scan_value(const char **p, const char *end, MlirStringRef *out,
                       MlBuf *err) {
  const char *s = *p;
  if (s < end && (*s == '\'' || *s == '"')) {
    const char *close = memchr(s + 1, *s, (size_t)(end - s - 1));
    if (!close) {
      ml_buf_printf(err, "unterminated %c quote in pipeline text", *s);
      return false;
    }
    *out = mlirStringRefCreate(s + 1, (size_t)(close - s - 1));
    *p = close + 1;
    return true;
  }
  int depth = 0;
  const char *q = s;
  for (; q < end && (depth > 0 || !isspace((unsigned char)*q)); q++)
    depth += (*q == '(' || *q == '{' || *q == '[') -
             (*q == ')' || *q == '}' || *q == ']');
  *out = mlirStringRefCreate(s, (size_t)(q - s));
  *p = q;
  return true;
}

MlirLogicalResult mloptParsePipeline(MlirOpPassManager pm, MlirStringRef text,
                                     MlirStringCallback errorCallback,
                                     void *userData) {
  MlBuf err = {0};
  MlirLogicalResult r = mlirLogicalResultSuccess();
  const char *p = text.data, *end = text.data + text.length;
  while (p < end && isspace((unsigned char)*p))
    p++;
  if (p < end && *p != '-') {
    mloptRegisterAllPasses();
    r = add_textual_pipeline(pm, mlirStringRefCreate(p, (size_t)(end - p)), &err);
    goto out;
  }
  while (p < end) {
    if (isspace((unsigned char)*p)) {
      p++;
      continue;
    }
    const char *tok = p;
    if (*p != '-') {
      const char *q = p;
      while (q < end && !isspace((unsigned char)*q))
        q++;
      ml_buf_printf(&err,
                    "expected a pass flag such as --canonicalize, got '%.*s'",
                    (int)(q - tok), tok);
      r = mlirLogicalResultFailure();
      goto out;
    }
    p += (p + 1 < end && p[1] == '-') ? 2 : 1;
    const char *name = p;
    while (p < end && *p != '=' && !isspace((unsigned char)*p))
      p++;
    MlirStringRef n = mlirStringRefCreate(name, (size_t)(p - name));
    MlirStringRef v = mlirStringRefCreate(NULL, 0);
    if (p < end && *p == '=') {
      p++;
      if (!scan_value(&p, end, &v, &err)) {
        r = mlirLogicalResultFailure();
        goto out;
      }
      if (!v.data)
        v.data = ""; /* "--x=" has an empty value, not none */
    }
    r = add_flag(pm, n, v, &err);
    if (mlirLogicalResultIsFailure(r))
      goto out;
  }
out:
  if (mlirLogicalResultIsFailure(r))
    report(&err, errorCallback, userData);
  ml_buf_free(&err);
  return r;
}

/* -- Listing passes for help texts. -------------------------------------- */

static MlirStringRef str_or_empty(const char *s) {
  return mlirStringRefCreateFromCString(s ? s : "");
}

intptr_t mloptGetNumPasses(void) {
  intptr_t n = 0;
  while (ml_pass_table[n].flag)
    n++;
  return n;
}

MloptPassInfo mloptGetPass(intptr_t i) {
  const MlPassDef *p = &ml_pass_table[i];
  return (MloptPassInfo){str_or_empty(p->flag), str_or_empty(p->value_help),
                         str_or_empty(p->summary)};
}
