/* A plain C program calling kernels.mlir through ml-opt's object file and
 * header (included with -include), checked against a C reference. */
#include <math.h>
#include <stdio.h>

static int check(const char *what, int n) {
  float x[64], y[64], ref[64];
  for (int i = 0; i < n; i++) {
    x[i] = 0.5f * (float)i - 3.0f;
    y[i] = (float)(i % 7) - 1.25f;
    ref[i] = 2.5f * x[i] + y[i];
  }
  mlopt_memref_float_1d xd = {x, x, 0, {n}, {1}};
  mlopt_memref_float_1d yd = {y, y, 0, {n}, {1}};
  float dot_ref = 0;
  for (int i = 0; i < n; i++)
    dot_ref += x[i] * y[i];
  float dot = _mlir_ciface_dot(&xd, &yd, n);
  _mlir_ciface_saxpy(2.5f, &xd, &yd, n);
  float err = 0;
  for (int i = 0; i < n; i++)
    err = fmaxf(err, fabsf(y[i] - ref[i]) / fmaxf(1.0f, fabsf(ref[i])));
  float dot_err = fabsf(dot - dot_ref) / fmaxf(1.0f, fabsf(dot_ref));
  int ok = err <= 1e-6f && dot_err <= 1e-5f;
  printf("%s n=%d saxpy %s dot %s\n", what, n, err <= 1e-6f ? "ok" : "WRONG",
         dot_err <= 1e-5f ? "ok" : "WRONG");
  return ok;
}

int main(void) {
  /* Sizes 1, a prime, 0 and a larger even one. */
  int ok = check("one", 1) & check("prime", 13) & check("empty", 0) &
           check("even", 64);
  return ok ? 0 : 1;
}
