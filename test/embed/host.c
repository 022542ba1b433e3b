/* host: a tiny "host compiler" embedding an *installed* mlopt.
 *
 * It does what a real compiler front end would: owns its registry and
 * context, registers MLIR's and mlopt's dialects, builds a module itself
 * through the mlir-c API (one layer, relu(x·w + b), as mlt ops), optimizes
 * it with mlopt's pass flags (mloptParsePipeline), lowers it to the llvm
 * dialect, JIT-compiles it with MLIR's ExecutionEngine and calls it through
 * its C interface on arrays it owns, then checks the numbers against a
 * plain C loop. Exit code 0 only if every element matches.
 *
 *   host [--pipeline=FLAGS]   FLAGS replaces the optimization stage,
 *                             default "--lower-to-loops --tile=32"
 *
 * Built by test/embed/CMakeLists.txt (find_package(MLOpt)) or by
 *   cc host.c $(pkg-config --cflags --libs mlopt)
 * and run by test/lit/embed/install.test. docs/c-api.md walks through it. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/ExecutionEngine.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/RegisterEverything.h"
#include "mlopt-c/Mlopt.h"

/* The layer: x is M x K, w is K x N, b is N; the result M x N. Sizes that
 * are not multiples of the tile (32) exercise the peeled remainders. */
enum { M = 64, K = 48, N = 40 };

static MlirStringRef str(const char *s) {
  return mlirStringRefCreateFromCString(s);
}

/* An MlirStringCallback writing to the FILE in userData. */
static void print_to(MlirStringRef s, void *file) {
  fwrite(s.data, 1, s.length, file);
}

/* Prints every diagnostic but remarks to stderr as "host: error: ...". */
static MlirLogicalResult on_diagnostic(MlirDiagnostic d, void *user) {
  (void)user;
  if (mlirDiagnosticGetSeverity(d) == MlirDiagnosticRemark)
    return mlirLogicalResultSuccess();
  fputs("host: diagnostic: ", stderr);
  mlirDiagnosticPrint(d, print_to, stderr);
  fputc('\n', stderr);
  return mlirLogicalResultSuccess();
}

/* ---- building the module ------------------------------------------------ */

/* Creates op `name` with operands and one result type, appends it to
 * `block` and returns its result. */
static MlirValue build(MlirBlock block, MlirLocation loc, const char *name,
                       intptr_t n, const MlirValue *operands, MlirType type) {
  MlirOperationState state = mlirOperationStateGet(str(name), loc);
  mlirOperationStateAddOperands(&state, n, operands);
  mlirOperationStateAddResults(&state, 1, &type);
  MlirOperation op = mlirOperationCreate(&state);
  mlirBlockAppendOwnedOperation(block, op); /* takes ownership */
  return mlirOperationGetResult(op, 0);
}

static MlirType f32_tensor(MlirContext ctx, intptr_t rank,
                           const int64_t *shape) {
  return mlirRankedTensorTypeGet(rank, shape, mlirF32TypeGet(ctx),
                                 mlirAttributeGetNull());
}

/* func.func @layer(%x, %w, %b) -> tensor<MxN> {
 *   relu(add(matmul(x, w), b)) } */
static MlirModule build_module(MlirContext ctx) {
  MlirLocation loc = mlirLocationFileLineColGet(ctx, str("host.c"), 1, 1);
  MlirModule module = mlirModuleCreateEmpty(loc);
  const int64_t xs[] = {M, K}, ws[] = {K, N}, bs[] = {N}, ys[] = {M, N};
  MlirType in[] = {f32_tensor(ctx, 2, xs), f32_tensor(ctx, 2, ws),
                   f32_tensor(ctx, 1, bs)};
  MlirType out = f32_tensor(ctx, 2, ys);
  MlirLocation locs[] = {loc, loc, loc};

  MlirRegion body = mlirRegionCreate();
  MlirBlock entry = mlirBlockCreate(3, in, locs);
  mlirRegionAppendOwnedBlock(body, entry); /* takes ownership */
  MlirValue args[] = {mlirBlockGetArgument(entry, 0),
                      mlirBlockGetArgument(entry, 1),
                      mlirBlockGetArgument(entry, 2)};
  MlirValue h = build(entry, loc, "mlt.matmul", 2, args, out);
  MlirValue a = build(entry, loc, "mlt.add", 2, (MlirValue[]){h, args[2]}, out);
  MlirValue r = build(entry, loc, "mlt.relu", 1, &a, out);
  MlirOperationState ret = mlirOperationStateGet(str("func.return"), loc);
  mlirOperationStateAddOperands(&ret, 1, &r);
  mlirBlockAppendOwnedOperation(entry, mlirOperationCreate(&ret));

  MlirType fn_type = mlirFunctionTypeGet(ctx, 3, in, 1, &out);
  MlirNamedAttribute attrs[] = {
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, str("sym_name")),
                            mlirStringAttrGet(ctx, str("layer"))),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, str("function_type")),
                            mlirTypeAttrGet(fn_type)),
  };
  MlirOperationState func = mlirOperationStateGet(str("func.func"), loc);
  mlirOperationStateAddAttributes(&func, 2, attrs);
  mlirOperationStateAddOwnedRegions(&func, 1, &body); /* takes ownership */
  mlirBlockAppendOwnedOperation(mlirModuleGetBody(module),
                                mlirOperationCreate(&func));
  return module;
}

/* ---- running mlopt's passes --------------------------------------------- */

/* Runs pass flags `flags` (ml-opt's syntax) on `module`; prints the IR after
 * them under a "// after FLAGS" label. */
static int run_pipeline(MlirContext ctx, MlirModule module, const char *flags,
                        int print) {
  MlirPassManager pm = mlirPassManagerCreateOnOperation(ctx,
                                                        str("builtin.module"));
  int ok = 0;
  if (mlirLogicalResultIsFailure(mloptParsePipeline(
          mlirPassManagerGetAsOpPassManager(pm), str(flags), print_to,
          stderr))) {
    fprintf(stderr, "\nhost: error: bad pipeline '%s'\n", flags);
    goto out;
  }
  if (mlirLogicalResultIsFailure(
          mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module)))) {
    fprintf(stderr, "host: error: pipeline '%s' failed\n", flags);
    goto out;
  }
  if (print) {
    printf("// after %s\n", flags);
    mlirOperationPrint(mlirModuleGetOperation(module), print_to, stdout);
    printf("\n");
  }
  ok = 1;
out:
  mlirPassManagerDestroy(pm);
  return ok;
}

/* ---- calling the compiled code ------------------------------------------ */

/* MLIR's memref descriptors, as _mlir_ciface_ functions take them. */
typedef struct {
  float *allocated, *aligned;
  int64_t offset, sizes[1], strides[1];
} MemRef1D;
typedef struct {
  float *allocated, *aligned;
  int64_t offset, sizes[2], strides[2];
} MemRef2D;

static MemRef2D memref2d(float *data, int64_t rows, int64_t cols) {
  return (MemRef2D){data, data, 0, {rows, cols}, {cols, 1}};
}

/* The lowered @layer: inputs, then its tensor result as a trailing
 * out-parameter (destination passing). */
typedef void (*LayerFn)(MemRef2D *x, MemRef2D *w, MemRef1D *b, MemRef2D *y);

/* relu(x·w + b) in plain C, the reference. */
static void reference(const float *x, const float *w, const float *b,
                      float *y) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      float s = 0;
      for (int k = 0; k < K; k++)
        s += x[i * K + k] * w[k * N + j];
      s += b[j];
      y[i * N + j] = s > 0 ? s : 0;
    }
}

/* JIT-compiles the lowered module, calls @layer, compares with reference. */
static int jit_and_check(MlirModule module) {
  MlirExecutionEngine engine =
      mlirExecutionEngineCreate(module, 3, 0, NULL, false, false);
  if (mlirExecutionEngineIsNull(engine)) {
    fprintf(stderr, "host: error: the JIT could not compile the module\n");
    return 0;
  }
  /* The C-interface wrapper --lower-to-llvm made for @layer (ISO C cannot
   * cast the void * to a function pointer; POSIX lets us copy it). */
  void *sym = mlirExecutionEngineLookup(engine, str("_mlir_ciface_layer"));
  LayerFn layer;
  memcpy(&layer, &sym, sizeof layer);
  int ok = 0;
  static float x[M * K], w[K * N], b[N], y[M * N], want[M * N];
  if (!layer) {
    fprintf(stderr, "host: error: no _mlir_ciface_layer in the module\n");
    goto out;
  }
  uint32_t seed = 12345; /* small integers: sums are exact in f32 */
  for (int i = 0; i < M * K; i++)
    x[i] = (float)((seed = seed * 1103515245u + 12345u) >> 28) - 8;
  for (int i = 0; i < K * N; i++)
    w[i] = (float)((seed = seed * 1103515245u + 12345u) >> 28) - 8;
  for (int i = 0; i < N; i++)
    b[i] = (float)((seed = seed * 1103515245u + 12345u) >> 28) - 8;
  MemRef2D mx = memref2d(x, M, K), mw = memref2d(w, K, N),
           my = memref2d(y, M, N);
  MemRef1D mb = {b, b, 0, {N}, {1}};
  layer(&mx, &mw, &mb, &my);
  reference(x, w, b, want);
  int bad = 0, positive = 0;
  float max_err = 0;
  for (int i = 0; i < M * N; i++) {
    float err = fabsf(y[i] - want[i]);
    max_err = err > max_err ? err : max_err;
    positive += want[i] > 0;
    if (err > 1e-3f * (1 + fabsf(want[i])) && bad++ < 5)
      fprintf(stderr, "host: y[%d][%d] = %g, expected %g\n", i / N, i % N,
              y[i], want[i]);
  }
  printf("@layer %dx%dx%d: %d of %d outputs differ from the C loop (max abs "
         "err %g, %d positive)\n",
         M, N, K, bad, M * N, max_err, positive);
  ok = bad == 0 && positive > 0 && positive < M * N;
out:
  mlirExecutionEngineDestroy(engine);
  return ok;
}

int main(int argc, char **argv) {
  const char *opt = "--lower-to-loops --tile=32";
  for (int i = 1; i < argc; i++) {
    if (!strncmp(argv[i], "--pipeline=", 11)) {
      opt = argv[i] + 11;
    } else {
      fprintf(stderr, "usage: host [--pipeline=FLAGS]\n");
      return 2;
    }
  }
  MlirStringRef v = mloptGetVersion(), mv = mloptGetMlirVersion();
  printf("mlopt %.*s on MLIR %.*s\n", (int)v.length, v.data, (int)mv.length,
         mv.data);

  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  mloptRegisterAllDialects(registry);
  MlirContext ctx = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry); /* the context copied it */
  /* Registered dialects load lazily when text is parsed; ops built
   * directly need their dialects loaded first. */
  mlirContextGetOrLoadDialect(ctx, str("func"));
  mlirContextGetOrLoadDialect(ctx, str("mlt"));
  mlirRegisterAllLLVMTranslations(ctx); /* for the JIT */
  MlirDiagnosticHandlerID handler =
      mlirContextAttachDiagnosticHandler(ctx, on_diagnostic, NULL, NULL);

  MlirModule module = build_module(ctx);
  int ok = mlirOperationVerify(mlirModuleGetOperation(module)) &&
           run_pipeline(ctx, module, "--fuse", 1) &&
           run_pipeline(ctx, module, opt, 1) &&
           run_pipeline(ctx, module, "--lower-to-llvm", 0) &&
           jit_and_check(module);
  puts(ok ? "host: ok" : "host: FAILED");

  mlirModuleDestroy(module);
  mlirContextDetachDiagnosticHandler(ctx, handler);
  mlirContextDestroy(ctx);
  return ok ? 0 : 1;
}
