/* accel: loading the accelerator runtime for ml-run, and reading its
 * sticky error and its cycle-model counters around each call.
 *
 * Code lowered by --lower-accel-to-llvm calls accel_rt_* functions
 * (runtime/accel/accel_rt.h). As with libomp, the library is loaded only
 * for modules that call it: dlopen with RTLD_GLOBAL puts its symbols in
 * the process, where the JIT resolves external calls. The library stays
 * loaded until exit. */
#include "accel.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ir/attrs.h"
#include "mlir-c/BuiltinAttributes.h"

static MlirWalkResult find_accel_rt(MlirOperation op, void *user) {
  if (!ml_op_named(op, "llvm.func") && !ml_op_named(op, "func.func"))
    return MlirWalkResultAdvance;
  MlirAttribute sym = ml_attr(op, "sym_name");
  if (mlirAttributeIsNull(sym) || !mlirAttributeIsAString(sym))
    return MlirWalkResultAdvance;
  MlirStringRef s = mlirStringAttrGetValue(sym);
  if (s.length > 9 && !memcmp(s.data, "accel_rt_", 9)) {
    *(bool *)user = true;
    return MlirWalkResultInterrupt;
  }
  return MlirWalkResultAdvance;
}

/* The library to load: $MLOPT_ACCEL_RT, the build's, or the installed one
 * (PREFIX/lib beside PREFIX/bin/ml-run); the build's path if none exists. */
static const char *library_path(char *buf, size_t size) {
  const char *env = getenv("MLOPT_ACCEL_RT");
  if (env && *env)
    return env;
  if (access(MLOPT_ACCEL_RT, R_OK) == 0)
    return MLOPT_ACCEL_RT;
  ssize_t n = readlink("/proc/self/exe", buf, size - 1);
  if (n > 0) {
    buf[n] = 0;
    char *slash = strrchr(buf, '/');
    if (slash && (size_t)(slash - buf) + 32 < size) {
      strcpy(slash, "/../lib/libmlopt_accel_rt.so");
      if (access(buf, R_OK) == 0)
        return buf;
    }
  }
  return MLOPT_ACCEL_RT;
}

bool ml_accel_rt_prepare(MlirModule module, bool stats, MlAccelRt *rt) {
  memset(rt, 0, sizeof *rt);
  bool used = false;
  mlirOperationWalk(mlirModuleGetOperation(module), find_accel_rt, &used,
                    MlirWalkPreOrder);
  if (!used) {
    if (stats)
      fprintf(stderr, "ml-run: warning: --accel-stats has nothing to report: "
                      "the lowered module makes no accelerator runtime calls "
                      "(add --lower-accel-to-llvm to --pipeline)\n");
    return true;
  }
  char buf[4096];
  const char *path = library_path(buf, sizeof buf);
  void *lib = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
  if (!lib) {
    fprintf(stderr, "ml-run: error: the module calls the accelerator runtime "
                    "(accel_rt_*) but it cannot be loaded: %s (build the "
                    "mlopt_accel_rt target, or set MLOPT_ACCEL_RT to a "
                    "library implementing runtime/accel/accel_rt.h)\n",
            dlerror());
    return false;
  }
  /* POSIX: a data pointer from dlsym converts to a function pointer. */
  *(void **)&rt->get_stats = dlsym(lib, "accel_rt_get_stats");
  *(void **)&rt->reset_stats = dlsym(lib, "accel_rt_reset_stats");
  *(void **)&rt->error = dlsym(lib, "accel_rt_error");
  *(void **)&rt->clear_error = dlsym(lib, "accel_rt_clear_error");
  if (!rt->get_stats || !rt->reset_stats || !rt->error || !rt->clear_error) {
    fprintf(stderr, "ml-run: error: %s is not an accelerator runtime: it "
                    "lacks the functions of runtime/accel/accel_rt.h\n", path);
    memset(rt, 0, sizeof *rt);
    return false;
  }
  return true;
}

void ml_accel_rt_before_call(const MlAccelRt *rt) {
  if (!rt->reset_stats)
    return;
  rt->clear_error();
  rt->reset_stats();
}

bool ml_accel_rt_after_call(const MlAccelRt *rt) {
  const char *err = rt->error ? rt->error() : NULL;
  if (err)
    fprintf(stderr, "ml-run: error: accelerator runtime: %s\n", err);
  return err == NULL;
}

void ml_accel_rt_print_stats(const MlAccelRt *rt, const char *entry) {
  if (!rt->get_stats)
    return;
  accel_rt_stats s;
  memset(&s, 0, sizeof s);
  rt->get_stats(&s);
  printf("accel stats for @%s:\n"
         "  cycles: %lld\n"
         "  pe_utilization_percent: %.2f\n"
         "  macs: %lld\n"
         "  bytes_in: %lld\n"
         "  bytes_out: %lld\n"
         "  dma_in_count: %lld\n"
         "  dma_out_count: %lld\n"
         "  matmul_count: %lld\n"
         "  pe_busy_cycles: %lld\n"
         "  load_busy_cycles: %lld\n"
         "  store_busy_cycles: %lld\n"
         "  pe_rows: %lld\n"
         "  pe_cols: %lld\n",
         entry, (long long)s.cycles, 100 * s.pe_utilization, (long long)s.macs,
         (long long)s.bytes_in, (long long)s.bytes_out,
         (long long)s.dma_in_count, (long long)s.dma_out_count,
         (long long)s.matmul_count, (long long)s.pe_busy_cycles,
         (long long)s.load_busy_cycles, (long long)s.store_busy_cycles,
         (long long)s.pe_rows, (long long)s.pe_cols);
  fflush(stdout);
}
