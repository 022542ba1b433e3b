/* A plain C program calling a --parallelize kernel through ml-opt's object
 * file and header (included with -include), linked against libomp and
 * checked against a C reference; it also reports how many OpenMP threads
 * ran the kernel's rows. */
#include <stdio.h>
#include <stdlib.h>

int omp_get_max_threads(void);

int main(void) {
  enum { M = 1000, N = 7 };
  static float a[M][N], b[M][N];
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      a[i][j] = (float)((i * 7 + j) % 13) - 6.0f;
  mlopt_memref_float_2d ad = {&a[0][0], &a[0][0], 0, {M, N}, {N, 1}};
  mlopt_memref_float_2d bd = {&b[0][0], &b[0][0], 0, {M, N}, {N, 1}};
  _mlir_ciface_scale(&ad, &bd);
  int wrong = 0;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      wrong += b[i][j] != 2.0f * a[i][j] + 1.0f;
  printf("scale %dx%d %s, max threads %d\n", M, N, wrong ? "WRONG" : "ok",
         omp_get_max_threads());
  return wrong != 0;
}
