/* cpu_pipeline: -O2, the default CPU pipeline, so a user gets fast code
 * without knowing the flags:
 *   --fuse --lower-to-loops --tile=MC,NC --vectorize --unroll=8,2
 *   --approximate-math --parallelize --lower-to-llvm
 * The register tile is 8 rows x 2 vectors (16 accumulators: half the
 * AVX-512 register file, measured best on sgemm 512-2048 among 4x4, 6x2,
 * 6x3, 8x2 and 12x2). The cache tile comes from the host's L2 size (sysfs):
 * NC columns so that a 2048-deep panel of B (NC x 2048 x 4 bytes) fills at
 * most half of L2, rounded down to the register tile's 32 columns; MC =
 * 256 rows, a multiple of the 8-row register tile. Without sysfs, L2 is
 * taken as 1 MiB. */
#include <stdio.h>
#include <string.h>

#include "compiler/passes.h"
#include "mlopt-c/Passes.h"

/* The unified or data L2 size of cpu0 in bytes, or 0 if sysfs says none. */
static long l2_bytes(void) {
  for (int i = 0; i < 8; i++) {
    char path[96], text[32];
    long level = 0, size = 0;
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/level", i);
    FILE *f = fopen(path, "r");
    if (!f)
      break;
    if (fscanf(f, "%ld", &level) != 1)
      level = 0;
    fclose(f);
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/type", i);
    f = fopen(path, "r");
    if (!f || !fgets(text, sizeof text, f))
      text[0] = '\0';
    if (f)
      fclose(f);
    if (level != 2 || !strncmp(text, "Instruction", 11))
      continue;
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", i);
    f = fopen(path, "r");
    char unit = 'B';
    if (f && fscanf(f, "%ld%c", &size, &unit) >= 1)
      size *= unit == 'K' ? 1024 : unit == 'M' ? 1024 * 1024 : 1;
    if (f)
      fclose(f);
    return size;
  }
  return 0;
}

void ml_cpu_tile_sizes(int64_t *mc, int64_t *nc) {
  long l2 = l2_bytes();
  if (l2 <= 0)
    l2 = 1024 * 1024;
  int64_t cols = (int64_t)(l2 / 2 / (2048 * 4));
  cols -= cols % 32;
  *mc = 256;
  *nc = cols < 32 ? 32 : cols;
}

static MlirStringRef str(const char *s) { return mlirStringRefCreateFromCString(s); }

MlirLogicalResult ml_add_o2(MlirOpPassManager pm, MlirStringRef value, MlBuf *err) {
  (void)value;
  int64_t mc, nc;
  ml_cpu_tile_sizes(&mc, &nc);
  char tile[48];
  snprintf(tile, sizeof tile, "%lld,%lld", (long long)mc, (long long)nc);
  MlirStringRef none = {NULL, 0};
  if (mlirLogicalResultIsFailure(ml_add_fuse(pm, none, err)) ||
      mlirLogicalResultIsFailure(ml_add_lower_to_loops(pm, none, err)) ||
      mlirLogicalResultIsFailure(ml_add_tile(pm, str(tile), err)) ||
      mlirLogicalResultIsFailure(ml_add_vectorize(pm, none, err)) ||
      mlirLogicalResultIsFailure(ml_add_unroll(pm, str("8,2"), err)) ||
      mlirLogicalResultIsFailure(ml_add_approximate_math(pm, none, err)) ||
      mlirLogicalResultIsFailure(ml_add_parallelize(pm, none, err)) ||
      mlirLogicalResultIsFailure(ml_add_lower_to_llvm(pm, none, err)))
    return mlirLogicalResultFailure();
  return mlirLogicalResultSuccess();
}
