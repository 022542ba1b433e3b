/* call: JIT compilation of the lowered module and the call of its entry.
 *
 * The ExecutionEngine gives every function a packed wrapper taking one
 * `void **`: args[i] points at the i-th parameter of _mlir_ciface_<entry>
 * (for a memref, that parameter is itself a pointer to its descriptor), and
 * a scalar result is stored through args[n].
 *
 * A module with OpenMP ops (parallel loops from --parallelize) needs
 * libomp: the engine loads it (MLOPT_LIBOMP, found by CMake) only then, so
 * other modules run as before. --threads=N sets OMP_NUM_THREADS before
 * libomp is loaded and reads it. A module lowered by --lower-accel-to-llvm
 * gets the accelerator runtime the same way (accel.c): its counters are
 * reset and its sticky error cleared before every call, and a call after
 * which the runtime reports an error fails the run. */
#include "call.h"

#include "accel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ir/attrs.h"
#include "mlir-c/ExecutionEngine.h"

/* Milliseconds on the monotonic clock. */
static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

/* qsort order for doubles. */
static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Prints "@f: min X ms, median Y ms (N runs)" from the sorted times, then
 * ", R GFLOP/s at the min (F flop per call)" when the op count is known:
 * the best run is the usual benchmark figure, least disturbed by the rest
 * of the machine. */
static void print_timing(const MlSignature *sig, const double *ms, long runs,
                         double flops) {
  double median = runs % 2 ? ms[runs / 2]
                           : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
  int digits = median < 1 ? 6 : 3; /* sub-millisecond kernels are common */
  printf("@%s: min %.*f ms, median %.*f ms (%ld run%s)", sig->name, digits,
         ms[0], digits, median, runs, runs == 1 ? "" : "s");
  double rate = ms[0] > 0 ? flops / (ms[0] * 1e6) : 0; /* flop/ns */
  if (rate > 0)
    printf(", %.*f GFLOP/s at the min (%.0f flop per call)",
           rate >= 100 ? 1 : rate >= 1 ? 2 : 4, rate, flops);
  putchar('\n');
}

/* Calls the packed entry `fn` once, or --repeat times with timing. The
 * outputs are zeroed before every run, so each run sees the same state.
 * False if the accelerator runtime reported an error (printed). */
static bool call_entry(const MlSignature *sig, MlArray *inputs,
                       MlArray *outputs, long repeat, double flops,
                       const MlAccelRt *rt, bool accel_stats,
                       void (*fn)(void **)) {
  size_t np = sig->num_params, ni = 0, no = 0;
  void **args = calloc(np + 1, sizeof *args);
  int64_t **descs = calloc(np + 1, sizeof *descs);
  if (!args || !descs)
    abort();
  for (size_t i = 0; i < np; i++) {
    const MlSlot *s = &sig->params[i];
    MlArray *a = s->is_output ? &outputs[no++] : &inputs[ni++];
    if (!s->is_buffer) {
      args[i] = a->data; /* the packed wrapper loads the scalar from here */
      continue;
    }
    /* A memref descriptor: allocated and aligned pointers, offset, sizes,
     * strides; passed as a pointer to a pointer to it. */
    int64_t *d = descs[i] = calloc(3 + 2 * (size_t)s->rank, sizeof *d);
    if (!d)
      abort();
    d[0] = d[1] = (int64_t)(intptr_t)a->data;
    int64_t stride = 1;
    for (int k = s->rank - 1; k >= 0; k--) {
      d[3 + k] = s->shape[k];
      d[3 + s->rank + k] = stride;
      stride *= s->shape[k];
    }
    args[i] = &descs[i];
  }
  if (sig->has_ret)
    args[np] = outputs[sig->num_outputs - 1].data;
  long runs = repeat ? repeat : 1;
  double *ms = malloc((size_t)runs * sizeof *ms);
  if (!ms)
    abort();
  bool ok = true;
  for (long k = 0; ok && k < runs; k++) {
    for (size_t i = 0; k && i < sig->num_outputs; i++)
      memset(outputs[i].data, 0, ml_array_bytes(&outputs[i]));
    ml_accel_rt_before_call(rt);
    double t0 = now_ms();
    fn(args);
    ms[k] = now_ms() - t0;
    ok = ml_accel_rt_after_call(rt);
  }
  if (ok && repeat) {
    qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
    print_timing(sig, ms, runs, flops);
  }
  if (ok && accel_stats)
    ml_accel_rt_print_stats(rt, sig->name); /* the last call's */
  free(ms);
  for (size_t i = 0; i < np; i++)
    free(descs[i]);
  free(descs);
  free(args);
  return ok;
}

static MlirWalkResult find_omp(MlirOperation op, void *user) {
  char name[8];
  if (strncmp(ml_op_name(op, name, sizeof name), "omp.", 4))
    return MlirWalkResultAdvance;
  *(bool *)user = true;
  return MlirWalkResultInterrupt;
}

/* Prepares the OpenMP runtime for `module`: *num_libs is 1 with libomp's
 * path in *lib when the module has OpenMP ops, else 0. False (with the
 * error printed) when it needs libomp and there is none. */
static bool prepare_openmp(MlirModule module, int threads, MlirStringRef *lib,
                           intptr_t *num_libs) {
  bool openmp = false;
  mlirOperationWalk(mlirModuleGetOperation(module), find_omp, &openmp,
                    MlirWalkPreOrder);
  *num_libs = 0;
  if (!openmp) {
    if (threads)
      fprintf(stderr, "ml-run: warning: --threads has no effect: no loop of "
                      "the lowered module runs on OpenMP threads (add "
                      "--parallelize to --pipeline)\n");
    return true;
  }
  if (!MLOPT_LIBOMP[0] || access(MLOPT_LIBOMP, R_OK) != 0) {
    fprintf(stderr, "ml-run: error: the module runs loops on OpenMP threads "
                    "but libomp %s%s (install libomp-22-dev%s)\n",
            MLOPT_LIBOMP[0] ? "is missing: " : "was not found when ml-run was "
                                               "built",
            MLOPT_LIBOMP, MLOPT_LIBOMP[0] ? "" : " and reconfigure");
    return false;
  }
  if (threads) {
    char n[16];
    snprintf(n, sizeof n, "%d", threads);
    setenv("OMP_NUM_THREADS", n, 1); /* read when libomp initializes */
  }
  *lib = mlirStringRefCreateFromCString(MLOPT_LIBOMP);
  *num_libs = 1;
  return true;
}

/* Creates the engine, finds the entry's packed wrapper, calls it. */
bool ml_run_call(MlirModule module, const MlSignature *sig, MlArray *inputs,
                 MlArray *outputs, int opt_level, int threads, long repeat,
                 double flops, bool accel_stats) {
  MlirStringRef lib;
  intptr_t num_libs;
  MlAccelRt rt;
  if (!prepare_openmp(module, threads, &lib, &num_libs) ||
      !ml_accel_rt_prepare(module, accel_stats, &rt))
    return false;
  MlirExecutionEngine engine =
      mlirExecutionEngineCreate(module, opt_level, (int)num_libs, &lib, false, false);
  if (mlirExecutionEngineIsNull(engine)) {
    fprintf(stderr, "ml-run: error: the JIT could not compile the lowered "
                    "module\n");
    return false;
  }
  mlirExecutionEngineInitialize(engine); /* runs global constructors */
  MlBuf wrapper = {0};
  ml_buf_printf(&wrapper, "_mlir_ciface_%s", sig->name);
  void (*fn)(void **) = (void (*)(void **))mlirExecutionEngineLookupPacked(
      engine, mlirStringRefCreate(wrapper.data, wrapper.len));
  bool ok = fn && call_entry(sig, inputs, outputs, repeat, flops, &rt,
                             accel_stats, fn);
  if (!fn)
    fprintf(stderr, "ml-run: error: the JIT could not link @%s (see the JIT "
                    "session errors above)\n", ml_buf_str(&wrapper));
  ml_buf_free(&wrapper);
  mlirExecutionEngineDestroy(engine);
  return ok;
}
