/* sizes: parsing N or N,N,... flag values (sizes.h). */
#include "compiler/sizes.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Appends the "expected N or N,N,..." message. */
static bool malformed(const MlSizesSpec *spec, MlirStringRef value, MlBuf *err) {
  ml_buf_printf(err, "invalid value '%.*s' for --%s: expected N or N,N,... "
                     "(%ss, %s)",
                (int)value.length, value.data, spec->flag, spec->noun, spec->hint);
  return false;
}

bool ml_parse_sizes(const MlSizesSpec *spec, MlirStringRef value, int64_t *out,
                    intptr_t *n, MlBuf *err) {
  const char *p = value.data, *end = value.data + value.length;
  *n = 0;
  do {
    const char *comma = memchr(p, ',', (size_t)(end - p));
    const char *stop = comma ? comma : end;
    char item[32];
    size_t len = (size_t)(stop - p);
    bool digits = len > 0 && len < sizeof item;
    for (size_t i = digits && p[0] == '-' ? 1 : 0; digits && i < len; i++)
      digits = p[i] >= '0' && p[i] <= '9';
    if (!digits || (len == 1 && p[0] == '-'))
      return malformed(spec, value, err);
    memcpy(item, p, len);
    item[len] = '\0';
    errno = 0;
    long long v = strtoll(item, NULL, 10);
    if (errno == ERANGE) {
      ml_buf_printf(err, "invalid value '%.*s' for --%s: %s out of range, got %s",
                    (int)value.length, value.data, spec->flag, spec->noun, item);
      return false;
    }
    if (v < spec->min) {
      ml_buf_printf(err, "invalid value '%.*s' for --%s: %ss must be >= %lld "
                         "(%s), got %s",
                    (int)value.length, value.data, spec->flag, spec->noun,
                    (long long)spec->min, spec->hint, item);
      return false;
    }
    if (*n == spec->max) {
      ml_buf_printf(err, "invalid value '%.*s' for --%s: at most %lld %ss",
                    (int)value.length, value.data, spec->flag,
                    (long long)spec->max, spec->noun);
      return false;
    }
    out[(*n)++] = v;
    p = comma ? comma + 1 : end;
    if (comma && p == end) /* a trailing comma */
      return malformed(spec, value, err);
  } while (p < end);
  return true;
}
