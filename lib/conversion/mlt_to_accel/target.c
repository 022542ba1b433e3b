/* target: the #accel.target a lowering works for — parsed from the
 * --lower-to-accel option text, printed into the attribute (the dialect
 * has no C constructor for it), and read back through mlopt-c/Accel.h. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conversion/mlt_to_accel/accel_lowering.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "ir/accel_builder.h"
#include "mlopt-c/Accel.h"

static const char *const elt_names[] = {"i8", "i32", "f16", "bf16", "f32"};

MlirType ml_accel_elt_type(MlirContext ctx, int code) {
  return mlirTypeParseGet(ctx, mlirStringRefCreateFromCString(elt_names[code]));
}

const char *ml_accel_elt_name(int code) { return elt_names[code]; }

static int elt_code(const char *s, size_t n) {
  for (int k = 0; k < 5; k++)
    if (strlen(elt_names[k]) == n && strncmp(s, elt_names[k], n) == 0)
      return k;
  return -1;
}

MlirAttribute ml_accel_target_attr(MlirContext ctx, const MlAccelTarget *t) {
  char text[256];
  snprintf(text, sizeof text,
           "#accel.target<pe = %" PRId64 "x%" PRId64 ", spad = %" PRId64
           ", acc = %" PRId64 ", dma = %" PRId64 ", in = %s, acc_t = %s>",
           t->pe_rows, t->pe_cols, t->spad_bytes, t->acc_bytes, t->dma_bytes,
           elt_names[t->in_type], elt_names[t->acc_type]);
  return mlirAttributeParseGet(ctx, mlirStringRefCreateFromCString(text));
}

bool ml_accel_target_read(MlirAttribute attr, MlAccelTarget *t) {
  if (mlirAttributeIsNull(attr) || !mloptAttributeIsAAccelTarget(attr))
    return false;
  t->pe_rows = mloptAccelTargetAttrGetPeRows(attr);
  t->pe_cols = mloptAccelTargetAttrGetPeCols(attr);
  t->spad_bytes = mloptAccelTargetAttrGetSpadBytes(attr);
  t->acc_bytes = mloptAccelTargetAttrGetAccBytes(attr);
  t->dma_bytes = mloptAccelTargetAttrGetDmaBytes(attr);
  t->in_type = ml_accel_type_code(mloptAccelTargetAttrGetInType(attr));
  t->acc_type = ml_accel_type_code(mloptAccelTargetAttrGetAccType(attr));
  return t->in_type >= 0 && t->acc_type >= 0;
}

bool ml_accel_target_of(MlirOperation op, MlAccelTarget *t) {
  return ml_accel_target_read(ml_accel_find_target(op, NULL), t);
}

/* A size in bytes: digits, optionally KiB or MiB; > 0. */
static bool parse_bytes(const char *s, size_t n, int64_t *out) {
  int64_t v = 0;
  size_t i = 0;
  for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
    if (v > INT64_MAX / 10 - 9)
      return false;
    v = v * 10 + (s[i] - '0');
  }
  if (i == 0)
    return false;
  int64_t unit = 1;
  if (n - i == 3 && strncmp(s + i, "KiB", 3) == 0)
    unit = 1024;
  else if (n - i == 3 && strncmp(s + i, "MiB", 3) == 0)
    unit = 1024 * 1024;
  else if (i != n)
    return false;
  if (v > INT64_MAX / unit)
    return false;
  *out = v * unit;
  return *out > 0;
}

static bool fail(MlBuf *err, MlirStringRef value, const char *fmt, const char *arg) {
  ml_buf_printf(err, "invalid value '%.*s' for --lower-to-accel: ", (int)value.length,
                value.data);
  ml_buf_printf(err, fmt, arg);
  return false;
}

bool ml_accel_parse_options(MlirStringRef value, MlAccelOptions *out, MlBuf *err) {
  memset(out, 0, sizeof *out);
  out->buffers = 2;
  if (!value.data)
    return true;
  MlAccelTarget *t = &out->target;
  t->acc_type = -1;
  t->in_type = -1;
  unsigned seen = 0; /* bit k: target field k given */
  char copy[256]; /* NUL-terminated, for strtoll */
  if (value.length >= sizeof copy)
    return fail(err, value, "%s", "longer than 255 characters");
  memcpy(copy, value.data, value.length);
  copy[value.length] = '\0';
  const char *p = copy, *end = copy + value.length;
  while (p < end) {
    const char *comma = memchr(p, ',', (size_t)(end - p));
    const char *stop = comma ? comma : end;
    const char *eq = memchr(p, '=', (size_t)(stop - p));
    char item[64];
    snprintf(item, sizeof item, "%.*s", (int)(stop - p), p);
    if (!eq)
      return fail(err, value, "expected KEY=VALUE items, got '%s'", item);
    size_t klen = (size_t)(eq - p), vlen = (size_t)(stop - eq - 1);
    const char *v = eq + 1;
#define KEY(k) (klen == strlen(k) && strncmp(p, k, klen) == 0)
    if (KEY("pe")) {
      char *x;
      t->pe_rows = strtoll(v, &x, 10);
      if (x >= stop || *x != 'x')
        return fail(err, value, "'%s': expected pe=ROWSxCOLS", item);
      t->pe_cols = strtoll(x + 1, &x, 10);
      if (x != stop || t->pe_rows <= 0 || t->pe_cols <= 0 || t->pe_rows > 4096 ||
          t->pe_cols > 4096)
        return fail(err, value, "'%s': expected pe=ROWSxCOLS, each 1 to 4096", item);
      seen |= 1;
    } else if (KEY("spad") || KEY("acc") || KEY("dma")) {
      int64_t *field = KEY("spad") ? &t->spad_bytes
                       : KEY("acc") ? &t->acc_bytes
                                    : &t->dma_bytes;
      if (!parse_bytes(v, vlen, field))
        return fail(err, value, "'%s': expected a size > 0 in bytes, KiB or MiB",
                    item);
      seen |= KEY("spad") ? 2 : KEY("acc") ? 4 : 8;
    } else if (KEY("in")) {
      t->in_type = elt_code(v, vlen);
      if (t->in_type < 0 || t->in_type == ML_ACCEL_I32)
        return fail(err, value, "'%s': the input type is one of i8, f16, bf16, f32",
                    item);
      seen |= 16;
    } else if (KEY("acc_t")) {
      t->acc_type = elt_code(v, vlen);
      if (t->acc_type != ML_ACCEL_I32 && t->acc_type != ML_ACCEL_F32)
        return fail(err, value, "'%s': the accumulator type is i32 or f32", item);
    } else if (KEY("buffers")) {
      if (vlen != 1 || (*v != '1' && *v != '2'))
        return fail(err, value, "'%s': buffers is 1 (single) or 2 (double)", item);
      out->buffers = *v - '0';
    } else {
      return fail(err, value,
                  "unknown key in '%s' (known: pe, spad, acc, dma, in, acc_t, "
                  "buffers)",
                  item);
    }
#undef KEY
    p = comma ? comma + 1 : end;
  }
  if (seen == 0 && t->acc_type < 0)
    return true; /* options only: the module's target */
  if (seen != 31)
    return fail(err, value, "%s",
                "a target needs all of pe, spad, acc, dma and in (acc_t "
                "defaults from in)");
  int want = t->in_type == ML_ACCEL_I8 ? ML_ACCEL_I32 : ML_ACCEL_F32;
  if (t->acc_type >= 0 && t->acc_type != want)
    return fail(err, value, "acc_t must be %s for this input type",
                elt_names[want]);
  t->acc_type = want;
  out->has_target = true;
  return true;
}
