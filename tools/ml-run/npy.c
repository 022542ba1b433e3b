/* npy: reading and writing NumPy .npy files.
 *
 * A file is the magic "\x93NUMPY", a version (1.0: 16-bit header length,
 * 2.0/3.0: 32-bit), then a Python dict literal such as
 *   {'descr': '<f4', 'fortran_order': False, 'shape': (4, 8), }
 * padded with spaces to a multiple of 64 bytes, then the raw data. The
 * header is parsed by a small tokenizer, not by guessing at substrings. */
#include "npy.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char MAGIC[] = "\x93NUMPY";
enum { MAGIC_LEN = 6 };

/* A cursor over the header dict text. */
typedef struct Lexer {
  const char *p, *end;
} Lexer;

static void skip_space(Lexer *l) {
  while (l->p < l->end && isspace((unsigned char)*l->p))
    l->p++;
}

/* Consumes `c` (after spaces) if it is next. */
static bool eat(Lexer *l, char c) {
  skip_space(l);
  if (l->p < l->end && *l->p == c) {
    l->p++;
    return true;
  }
  return false;
}

/* Reads a '...' or "..." string into buf (truncating long ones). */
static bool read_string(Lexer *l, char *buf, size_t n) {
  skip_space(l);
  if (l->p >= l->end || (*l->p != '\'' && *l->p != '"'))
    return false;
  char q = *l->p++;
  size_t k = 0;
  while (l->p < l->end && *l->p != q) {
    if (k + 1 < n)
      buf[k++] = *l->p;
    l->p++;
  }
  buf[k] = '\0';
  return eat(l, q);
}

/* Reads a bare word such as True or False. */
static bool read_word(Lexer *l, char *buf, size_t n) {
  skip_space(l);
  size_t k = 0;
  while (l->p < l->end && isalpha((unsigned char)*l->p)) {
    if (k + 1 < n)
      buf[k++] = *l->p;
    l->p++;
  }
  buf[k] = '\0';
  return k > 0;
}

/* Reads a shape tuple "(4, 8)", "(7,)" or "()". */
static bool read_shape(Lexer *l, int *rank, int64_t *shape, MlBuf *err) {
  if (!eat(l, '('))
    return false;
  *rank = 0;
  while (!eat(l, ')')) {
    skip_space(l);
    if (l->p >= l->end || !isdigit((unsigned char)*l->p))
      return false;
    int64_t v = 0;
    while (l->p < l->end && isdigit((unsigned char)*l->p)) {
      if (v > (INT64_MAX - 9) / 10)
        return false;
      v = v * 10 + (*l->p++ - '0');
    }
    eat(l, 'L'); /* Python 2 longs */
    if (*rank == ML_MAX_RANK) {
      ml_buf_printf(err, "more than %d dimensions", ML_MAX_RANK);
      return false;
    }
    shape[(*rank)++] = v;
    if (!eat(l, ',')) {
      if (!eat(l, ')'))
        return false;
      break;
    }
  }
  return true;
}

/* Maps a NumPy descr to a dtype; false if ml-run does not handle it. */
static bool parse_descr(const char *d, MlDType *t) {
  static const struct {
    const char *descr;
    MlDType t;
  } known[] = {{"<f2", ML_F16}, {"<f4", ML_F32}, {"<f8", ML_F64},
               {"|i1", ML_I8},  {"<i1", ML_I8},  {"<i4", ML_I32},
               {"<i8", ML_I64}, {"<u2", ML_BF16}, {"|b1", ML_I1}};
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (!strcmp(d, known[i].descr)) {
      *t = known[i].t;
      return true;
    }
  return false;
}

/* Parses the header dict; fills dtype, rank and shape. */
static bool parse_header(const char *h, size_t n, MlDType *t, int *rank,
                         int64_t *shape, MlBuf *err) {
  Lexer l = {h, h + n};
  bool have_descr = false, have_order = false, have_shape = false;
  if (!eat(&l, '{'))
    goto malformed;
  while (!eat(&l, '}')) {
    char key[32], word[16], descr[32];
    if (!read_string(&l, key, sizeof key) || !eat(&l, ':'))
      goto malformed;
    if (!strcmp(key, "descr")) {
      if (!read_string(&l, descr, sizeof descr)) {
        ml_buf_puts(err, "unsupported dtype (a structured or object array); "
                         "ml-run reads f16, f32, f64, i8, i32, i64, bool "
                         "and uint16 (bf16 bits)");
        return false;
      }
      if (!parse_descr(descr, t)) {
        ml_buf_printf(err, "unsupported dtype '%s'; ml-run reads '<f2', "
                           "'<f4', '<f8', '|i1', '<i4', '<i8', '|b1' and "
                           "'<u2' (bf16 bits)%s", descr,
                      descr[0] == '>' ? " (this file is big-endian)" : "");
        return false;
      }
      have_descr = true;
    } else if (!strcmp(key, "fortran_order")) {
      if (!read_word(&l, word, sizeof word) ||
          (strcmp(word, "True") && strcmp(word, "False")))
        goto malformed;
      if (!strcmp(word, "True")) {
        ml_buf_puts(err, "Fortran-order arrays are not supported; save a "
                         "C-order array (np.ascontiguousarray)");
        return false;
      }
      have_order = true;
    } else if (!strcmp(key, "shape")) {
      if (!read_shape(&l, rank, shape, err))
        goto malformed;
      have_shape = true;
    } else {
      goto malformed;
    }
    if (!eat(&l, ',')) {
      if (!eat(&l, '}'))
        goto malformed;
      break;
    }
  }
  if (have_descr && have_order && have_shape)
    return true;
  ml_buf_printf(err, "malformed .npy header: no '%s' key",
                !have_descr ? "descr" : !have_order ? "fortran_order" : "shape");
  return false;
malformed:
  while (n && isspace((unsigned char)h[n - 1]))
    n--;
  if (!err->len)
    ml_buf_printf(err, "malformed .npy header \"%.*s\"",
                  (int)(n > 200 ? 200 : n), h);
  return false;
}

/* Checks magic, version and header, then copies the data out. */
bool ml_npy_decode(const char *data, size_t len, MlArray *out, MlBuf *err) {
  memset(out, 0, sizeof *out);
  size_t probe = len < MAGIC_LEN ? len : MAGIC_LEN;
  if (len < MAGIC_LEN + 2 || memcmp(data, MAGIC, MAGIC_LEN)) {
    ml_buf_puts(err, len < MAGIC_LEN + 2 && !memcmp(data, MAGIC, probe)
                         ? "truncated .npy file (no header)"
                         : "not a NumPy .npy file (no \\x93NUMPY magic)");
    return false;
  }
  const unsigned char *u = (const unsigned char *)data;
  unsigned major = u[6], minor = u[7];
  size_t prefix = major == 1 ? 10 : 12;
  if (major < 1 || major > 3 || minor != 0) {
    ml_buf_printf(err, "unsupported .npy format version %u.%u", major, minor);
    return false;
  }
  if (len < prefix) {
    ml_buf_puts(err, "truncated .npy file (no header)");
    return false;
  }
  size_t hlen = major == 1 ? (size_t)(u[8] | u[9] << 8)
                           : (size_t)u[8] | (size_t)u[9] << 8 |
                                 (size_t)u[10] << 16 | (size_t)u[11] << 24;
  if (len - prefix < hlen) {
    ml_buf_printf(err, "truncated .npy file: the header needs %zu bytes, the "
                       "file has %zu after the preamble",
                  hlen, len - prefix);
    return false;
  }
  MlDType t;
  int rank = 0;
  int64_t shape[ML_MAX_RANK];
  if (!parse_header(data + prefix, hlen, &t, &rank, shape, err))
    return false;
  if (!ml_array_alloc(out, t, rank, shape)) {
    MlBuf s = {0};
    ml_shape_format(rank, shape, &s);
    ml_buf_printf(err, "array of shape %s is too large", ml_buf_str(&s));
    ml_buf_free(&s);
    return false;
  }
  size_t need = ml_array_bytes(out), have = len - prefix - hlen;
  if (have != need) {
    MlBuf s = {0};
    ml_shape_format(rank, shape, &s);
    ml_buf_printf(err, "%s .npy file: shape %s of %s needs %zu bytes of data, "
                       "the file has %zu",
                  have < need ? "truncated" : "malformed", ml_buf_str(&s),
                  ml_dtype_descr(t), need, have);
    ml_buf_free(&s);
    ml_array_free(out);
    return false;
  }
  memcpy(out->data, data + prefix + hlen, need);
  if (t == ML_I1) /* compiled code reads a bool byte as 0 or 1 */
    for (size_t i = 0; i < out->count; i++)
      ((uint8_t *)out->data)[i] = ((uint8_t *)out->data)[i] != 0;
  return true;
}

/* Writes the version 1.0 header as np.save does, then the data. */
void ml_npy_encode(const MlArray *a, MlBuf *out) {
  MlBuf h = {0};
  ml_buf_printf(&h, "{'descr': '%s', 'fortran_order': False, 'shape': ",
                ml_dtype_descr(a->dtype));
  ml_shape_format(a->rank, a->shape, &h);
  ml_buf_puts(&h, ", }");
  /* Pad with spaces so the data starts at a multiple of 64, then '\n'. */
  while ((10 + h.len + 1) % 64)
    ml_buf_puts(&h, " ");
  ml_buf_puts(&h, "\n");
  ml_buf_append(out, MAGIC, MAGIC_LEN);
  ml_buf_append(out, "\x01\x00", 2);
  char hl[2] = {(char)(h.len & 0xff), (char)(h.len >> 8)};
  ml_buf_append(out, hl, 2);
  ml_buf_append(out, h.data, h.len);
  ml_buf_append(out, a->data, ml_array_bytes(a));
  ml_buf_free(&h);
}
