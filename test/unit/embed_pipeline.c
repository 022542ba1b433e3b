/* embed_pipeline: a host compiler embedding mlopt through its C API only.
 *
 * It owns its registry, context and pass manager, registers MLIR's and
 * mlopt's dialects, builds a pipeline from ml-opt's flag text, runs it on a
 * module it built itself, and checks both the result and the error paths.
 * One testX(void) per case, each owning and destroying what it creates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/RegisterEverything.h"
#include "mlopt-c/Mlopt.h"
#include "test_util.h"


static MlirContext create_context(void) {
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  mloptRegisterAllDialects(registry);
  MlirContext ctx = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  return ctx;
}

static const char *kSource =
    "func.func @f(%a: i32) -> i32 {\n"
    "  %c0 = arith.constant 0 : i32\n"
    "  %x = arith.addi %a, %c0 : i32\n"
    "  %y = arith.addi %a, %c0 : i32\n"
    "  %z = arith.muli %x, %y : i32\n"
    "  return %z : i32\n"
    "}\n";

/* Runs `pipeline` on kSource and returns the printed result (caller frees),
 * or NULL with the error in *err. */
static char *run(const char *pipeline, Text *err) {
  MlirContext ctx = create_context();
  MlirModule module = mloptParseModule(ctx, mlirStringRefCreateFromCString(kSource),
                                       mlirStringRefCreateFromCString("host.mlir"));
  CHECK(!mlirModuleIsNull(module));
  MlirPassManager pm = mlirPassManagerCreateOnOperation(
      ctx, mlirStringRefCreateFromCString("builtin.module"));
  Text out = {0};
  if (mlirLogicalResultIsSuccess(mloptParsePipeline(
          mlirPassManagerGetAsOpPassManager(pm),
          mlirStringRefCreateFromCString(pipeline), append, err)) &&
      mlirLogicalResultIsSuccess(
          mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))))
    mlirOperationPrint(mlirModuleGetOperation(module), append, &out);
  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  return out.data;
}

/* Flag text folds the +0 and merges the two equal adds. */
static void testFlagPipeline(void) {
  fprintf(stderr, "testFlagPipeline\n");
  Text err = {0};
  char *out = run("--canonicalize --cse", &err);
  CHECK(out && !err.data);
  CHECK(out && strstr(out, "arith.muli %arg0, %arg0 : i32"));
  CHECK(out && !strstr(out, "arith.addi"));
  free(out);
}

/* An upstream textual pipeline and quoted options are the same language. */
static void testTextualPipelineAndOptions(void) {
  fprintf(stderr, "testTextualPipelineAndOptions\n");
  Text err = {0};
  char *out = run("builtin.module(func.func(canonicalize), cse)", &err);
  CHECK(out && strstr(out, "arith.muli %arg0, %arg0"));
  free(out);
  out = run("--canonicalize='max-iterations=3 region-simplify=disabled' "
            "--pass-pipeline=\"builtin.module(cse)\"",
            &err);
  CHECK(out && strstr(out, "arith.muli %arg0, %arg0"));
  CHECK(!err.data);
  free(out);
}

/* Bad text fails with one message and leaves the module untouched. */
static void testErrors(void) {
  fprintf(stderr, "testErrors\n");
  struct {
    const char *pipeline, *message;
  } cases[] = {
      {"--canonicalise", "unknown pass '--canonicalise'; did you mean "
                         "'--canonicalize'?"},
      {"--canonicalize=bogus=1", "invalid value 'bogus=1' for --canonicalize"},
      {"--pass-pipeline", "--pass-pipeline needs a value"},
      {"--pass-pipeline=func.func(cse)", "must be anchored on builtin.module"},
      {"builtin.module(nope)", "'nope' does not refer to a registered pass"},
      {"--cse stray", "expected a pass flag such as --canonicalize, got 'stray'"},
      {"--canonicalize='max-iterations=3", "unterminated ' quote"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Text err = {0};
    char *out = run(cases[i].pipeline, &err);
    CHECK(out == NULL);
    CHECK(err.data && strstr(err.data, cases[i].message));
    if (!err.data || !strstr(err.data, cases[i].message))
      fprintf(stderr, "  for '%s' got: %s\n", cases[i].pipeline,
              err.data ? err.data : "(no message)");
    free(err.data);
    free(out);
  }
}

/* Pass listings and versions are there for help texts. */
static void testIntrospection(void) {
  fprintf(stderr, "testIntrospection\n");
  CHECK(mloptGetNumUpstreamPasses() > 200);
  int found = 0;
  for (intptr_t i = 0; i < mloptGetNumUpstreamPasses(); i++)
    found += !strcmp(mloptGetUpstreamPass(i).flag.data, "canonicalize");
  CHECK(found == 1);
  CHECK(mloptIsPassFlag(mlirStringRefCreateFromCString("cse")));
  CHECK(mloptIsPassFlag(mlirStringRefCreateFromCString("pass-pipeline")));
  CHECK(!mloptIsPassFlag(mlirStringRefCreateFromCString("no-such-pass")));
  CHECK(mloptGetVersion().length > 0);
  CHECK(!strncmp(mloptGetMlirVersion().data, "22.", 3));
}

/* A source with several top-level ops gets an implicit module; one with an
 * explicit module is not wrapped twice; bad text gives a null module. */
static void testParse(void) {
  fprintf(stderr, "testParse\n");
  MlirContext ctx = create_context();
  MlirModule m = mloptParseModule(
      ctx, mlirStringRefCreateFromCString("module { func.func private @g() }"),
      mlirStringRefCreateFromCString("x.mlir"));
  CHECK(!mlirModuleIsNull(m));
  Text out = {0};
  mlirOperationPrint(mlirModuleGetOperation(m), append, &out);
  CHECK(out.data && !strstr(strstr(out.data, "module") + 1, "module"));
  free(out.data);
  mlirModuleDestroy(m);
  mlirContextSetAllowUnregisteredDialects(ctx, false);
  m = mloptParseModule(ctx, mlirStringRefCreateFromCString("func.func @f( {"),
                       mlirStringRefCreateFromCString("x.mlir"));
  CHECK(mlirModuleIsNull(m));
  mlirContextDestroy(ctx);
}

/* mlopt's own passes, by flag text and by constructor, on a module the host
 * built: loop.for becomes scf.for either way. */
static void testMloptPasses(void) {
  fprintf(stderr, "testMloptPasses\n");
  const char *src = "func.func @f(%m: memref<8xf32>) {\n"
                    "  loop.for %i = 0 to 8 step 1 parallel {\n"
                    "    %v = memref.load %m[%i] : memref<8xf32>\n"
                    "    memref.store %v, %m[%i] : memref<8xf32>\n"
                    "  }\n"
                    "  return\n"
                    "}\n";
  for (int by_flag = 1; by_flag >= 0; by_flag--) {
    MlirContext ctx = create_context();
    MlirModule module = mloptParseModule(ctx, mlirStringRefCreateFromCString(src),
                                         mlirStringRefCreateFromCString("loops.mlir"));
    CHECK(!mlirModuleIsNull(module));
    MlirPassManager pm = mlirPassManagerCreateOnOperation(
        ctx, mlirStringRefCreateFromCString("builtin.module"));
    if (by_flag)
      CHECK(mlirLogicalResultIsSuccess(mloptParsePipeline(
          mlirPassManagerGetAsOpPassManager(pm),
          mlirStringRefCreateFromCString("--convert-loop-to-scf"), NULL, NULL)));
    else
      mlirPassManagerAddOwnedPass(pm, mloptCreateConvertLoopToScfPass());
    CHECK(mlirLogicalResultIsSuccess(
        mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))));
    Text out = {0};
    mlirOperationPrint(mlirModuleGetOperation(module), append, &out);
    CHECK(strstr(text_str(&out), "scf.for") && !strstr(text_str(&out), "loop.for"));
    free(out.data);
    mlirPassManagerDestroy(pm);
    mlirModuleDestroy(module);
    mlirContextDestroy(ctx);
  }
}

int main(void) {
  testMloptPasses();
  testFlagPipeline();
  testTextualPipelineAndOptions();
  testErrors();
  testIntrospection();
  testParse();
  return finish();
}
