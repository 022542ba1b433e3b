// capi_gaps.cpp: the two things mlopt needs that MLIR 22's C API lacks.
//
//  - parsing text into a module with both the implicit builtin.module and a
//    source name for locations (mlir-c has one or the other);
//  - asking whether a pass or pass pipeline is registered under a name
//    (mlir-c can only try to parse a pipeline, which prints on failure).
//
// Everything else in mlopt outside lib/dialects is C; keep this file tiny.
#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassRegistry.h"

#include "mlopt-c/Parse.h"
#include "ir/capi_gaps.h"

using namespace mlir;

extern "C" MlirModule mloptParseModule(MlirContext context, MlirStringRef source,
                                       MlirStringRef sourceName) {
  ParserConfig config(unwrap(context));
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(unwrap(source), config, unwrap(sourceName));
  return wrap(module.release());
}

extern "C" bool ml_upstream_pass_registered(MlirStringRef name) {
  return PassInfo::lookup(unwrap(name)) != nullptr ||
         PassPipelineInfo::lookup(unwrap(name)) != nullptr;
}
