/* dialects_capi: mlopt's dialects through the C API alone.
 *
 * Registers the dialects into a fresh context with mloptRegisterAllDialects,
 * builds one op of each dialect with the generic MlirOperationState API,
 * verifies and prints it, and checks that a wrong op is refused by its
 * verifier. Each testX(void) owns and destroys its context. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/IR.h"
#include "mlopt-c/Accel.h"
#include "mlopt-c/Dialects.h"
#include "test_util.h"


/* Collects diagnostics instead of printing them. */
static MlirLogicalResult collect(MlirDiagnostic d, void *user) {
  mlirDiagnosticPrint(d, append, user);
  return mlirLogicalResultSuccess();
}

static MlirContext create_context(void) {
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mloptRegisterAllDialects(registry);
  MlirContext ctx = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  mlirContextLoadAllAvailableDialects(ctx);
  return ctx;
}

static MlirType parse_type(MlirContext ctx, const char *s) {
  return mlirTypeParseGet(ctx, mlirStringRefCreateFromCString(s));
}

static MlirStringRef str(const char *s) {
  return mlirStringRefCreateFromCString(s);
}

/* All three dialects are registered and load by name. */
static void testRegistration(void) {
  fprintf(stderr, "testRegistration\n");
  MlirContext ctx = create_context();
  const char *names[] = {"mlt", "loop", "accel"};
  for (int i = 0; i < 3; i++) {
    MlirDialect d = mlirContextGetOrLoadDialect(ctx, str(names[i]));
    CHECK(!mlirDialectIsNull(d));
  }
  mlirContextDestroy(ctx);
}

/* mlt.matmul from an MlirOperationState on block arguments. */
static void testMltMatmul(void) {
  fprintf(stderr, "testMltMatmul\n");
  MlirContext ctx = create_context();
  MlirLocation loc = mlirLocationUnknownGet(ctx);
  MlirType a = parse_type(ctx, "tensor<4x8xf32>");
  MlirType b = parse_type(ctx, "tensor<8x16xf32>");
  MlirType c = parse_type(ctx, "tensor<4x16xf32>");
  MlirType args[] = {a, b};
  MlirLocation locs[] = {loc, loc};
  MlirBlock block = mlirBlockCreate(2, args, locs);

  MlirOperationState state = mlirOperationStateGet(str("mlt.matmul"), loc);
  MlirValue operands[] = {mlirBlockGetArgument(block, 0),
                          mlirBlockGetArgument(block, 1)};
  mlirOperationStateAddOperands(&state, 2, operands);
  mlirOperationStateAddResults(&state, 1, &c);
  MlirOperation op = mlirOperationCreate(&state);
  mlirBlockAppendOwnedOperation(block, op); /* takes ownership */
  CHECK(mlirOperationVerify(op));
  Text out = {0};
  mlirOperationPrint(op, append, &out);
  /* Printed alone, the block arguments have no names; the syntax shows. */
  fprintf(stderr, "  built: %s\n", text_str(&out));
  CHECK(strstr(text_str(&out), "= mlt.matmul ") != NULL);
  CHECK(strstr(text_str(&out), " : tensor<4x8xf32>, tensor<8x16xf32> -> "
                         "tensor<4x16xf32>") != NULL);

  /* The same op with a wrong result shape is refused with its message. */
  Text diag = {0};
  MlirDiagnosticHandlerID h =
      mlirContextAttachDiagnosticHandler(ctx, collect, &diag, NULL);
  MlirType bad = parse_type(ctx, "tensor<4x15xf32>");
  state = mlirOperationStateGet(str("mlt.matmul"), loc);
  mlirOperationStateAddOperands(&state, 2, operands);
  mlirOperationStateAddResults(&state, 1, &bad);
  MlirOperation wrong = mlirOperationCreate(&state);
  mlirBlockAppendOwnedOperation(block, wrong);
  CHECK(!mlirOperationVerify(wrong));
  CHECK(strstr(text_str(&diag), "result shape [4, 15] does not match the expected "
                          "[4, 16]") != NULL);
  mlirContextDetachDiagnosticHandler(ctx, h);
  mlirBlockDestroy(block);
  mlirContextDestroy(ctx);
  free(out.data);
  free(diag.data);
}

static MlirNamedAttribute named(MlirContext ctx, const char *name,
                                const char *attr) {
  return mlirNamedAttributeGet(
      mlirIdentifierGet(ctx, str(name)),
      mlirAttributeParseGet(ctx, str(attr)));
}

/* loop.for with static bounds and an empty body, from its generic parts:
 * bounds and iterator kind as attributes, one region whose block takes the
 * induction variable and ends in loop.yield (the generic API inserts no
 * implicit terminator). */
static void testLoopFor(void) {
  fprintf(stderr, "testLoopFor\n");
  MlirContext ctx = create_context();
  MlirLocation loc = mlirLocationUnknownGet(ctx);
  MlirType index = mlirIndexTypeGet(ctx);
  MlirBlock body = mlirBlockCreate(1, &index, &loc);
  MlirOperationState ys = mlirOperationStateGet(str("loop.yield"), loc);
  mlirBlockAppendOwnedOperation(body, mlirOperationCreate(&ys));
  MlirRegion region = mlirRegionCreate();
  mlirRegionAppendOwnedBlock(region, body); /* takes ownership */

  MlirOperationState state = mlirOperationStateGet(str("loop.for"), loc);
  MlirNamedAttribute attrs[] = {
      named(ctx, "static_lower_bound", "0 : i64"),
      named(ctx, "static_upper_bound", "128 : i64"),
      named(ctx, "static_step", "32 : i64"),
      named(ctx, "iterator_kind", "0 : i32"),
      named(ctx, "operandSegmentSizes", "array<i32: 0, 0, 0, 0>")};
  mlirOperationStateAddAttributes(&state, 5, attrs);
  mlirOperationStateAddOwnedRegions(&state, 1, &region); /* takes ownership */
  MlirOperation op = mlirOperationCreate(&state);
  CHECK(!mlirOperationIsNull(op));
  CHECK(mlirOperationVerify(op));
  Text out = {0};
  mlirOperationPrint(op, append, &out);
  fprintf(stderr, "  built: %s\n", text_str(&out));
  CHECK(strstr(text_str(&out), "loop.for %arg0 = 0 to 128 step 32 parallel {") != NULL);
  mlirOperationDestroy(op);
  mlirContextDestroy(ctx);
  free(out.data);
}

/* accel.alloc inside a module: verifies under a module carrying an
 * #accel.target, and is refused with a message without one. */
static void testAccelAlloc(void) {
  fprintf(stderr, "testAccelAlloc\n");
  MlirContext ctx = create_context();
  MlirLocation loc = mlirLocationUnknownGet(ctx);
  MlirType buf = parse_type(ctx, "!accel.buf<spad, 16x16xi8>");
  CHECK(!mlirTypeIsNull(buf));
  MlirAttribute target = mlirAttributeParseGet(
      ctx, str("#accel.target<pe = 16x16, spad = 262144, acc = 65536, "
               "dma = 64, in = i8, acc_t = i32>"));
  CHECK(!mlirAttributeIsNull(target));
  Text diag = {0};
  MlirDiagnosticHandlerID h =
      mlirContextAttachDiagnosticHandler(ctx, collect, &diag, NULL);
  for (int with_target = 1; with_target >= 0; with_target--) {
    MlirModule module = mlirModuleCreateEmpty(loc);
    MlirOperation mop = mlirModuleGetOperation(module);
    if (with_target)
      mlirOperationSetAttributeByName(mop, str("accel.target"), target);
    MlirOperationState state = mlirOperationStateGet(str("accel.alloc"), loc);
    mlirOperationStateAddResults(&state, 1, &buf);
    MlirOperation op = mlirOperationCreate(&state);
    mlirBlockAppendOwnedOperation(mlirModuleGetBody(module), op);
    Text out = {0};
    mlirOperationPrint(mop, append, &out);
    if (with_target) {
      fprintf(stderr, "  built: %s", text_str(&out));
      CHECK(mlirOperationVerify(mop));
      CHECK(strstr(text_str(&out), "accel.alloc : !accel.buf<spad, 16x16xi8>") != NULL);
    } else {
      CHECK(!mlirOperationVerify(mop));
      CHECK(strstr(text_str(&diag), "needs an 'accel.target' attribute") != NULL);
    }
    mlirModuleDestroy(module);
    free(out.data);
  }
  mlirContextDetachDiagnosticHandler(ctx, h);
  mlirContextDestroy(ctx);
  free(diag.data);
}

/* The getters of mlopt-c/Accel.h on parsed types and a parsed target. */
static void testAccelGetters(void) {
  fprintf(stderr, "testAccelGetters\n");
  MlirContext ctx = create_context();
  MlirType buf = parse_type(ctx, "!accel.buf<acc, 8x32xi32>");
  MlirType tok = parse_type(ctx, "!accel.token");
  CHECK(mloptTypeIsAAccelBuf(buf) && !mloptTypeIsAAccelBuf(tok));
  CHECK(mloptTypeIsAAccelToken(tok) && !mloptTypeIsAAccelToken(buf));
  CHECK(!mloptTypeIsAAccelBuf(parse_type(ctx, "i64")));
  CHECK(mloptAccelBufTypeGetKind(buf) == 1);
  CHECK(mloptAccelBufTypeGetKind(parse_type(ctx, "!accel.buf<spad, 4xbf16>")) == 0);
  CHECK(mloptAccelBufTypeGetRank(buf) == 2);
  CHECK(mloptAccelBufTypeGetDimSize(buf, 0) == 8);
  CHECK(mloptAccelBufTypeGetDimSize(buf, 1) == 32);
  CHECK(mlirTypeEqual(mloptAccelBufTypeGetElementType(buf),
                      mlirIntegerTypeGet(ctx, 32)));
  MlirAttribute t = mlirAttributeParseGet(
      ctx, str("#accel.target<pe = 4x8, spad = 1024, acc = 2048, dma = 16, "
               "in = bf16, acc_t = f32>"));
  CHECK(mloptAttributeIsAAccelTarget(t));
  CHECK(!mloptAttributeIsAAccelTarget(mlirUnitAttrGet(ctx)));
  CHECK(mloptAccelTargetAttrGetPeRows(t) == 4);
  CHECK(mloptAccelTargetAttrGetPeCols(t) == 8);
  CHECK(mloptAccelTargetAttrGetSpadBytes(t) == 1024);
  CHECK(mloptAccelTargetAttrGetAccBytes(t) == 2048);
  CHECK(mloptAccelTargetAttrGetDmaBytes(t) == 16);
  CHECK(mlirTypeIsABF16(mloptAccelTargetAttrGetInType(t)));
  CHECK(mlirTypeIsAF32(mloptAccelTargetAttrGetAccType(t)));
  mlirContextDestroy(ctx);
}

int main(void) {
  testRegistration();
  testMltMatmul();
  testLoopFor();
  testAccelAlloc();
  testAccelGetters();
  return finish();
}
