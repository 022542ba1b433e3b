// capi_gaps.cpp: the things mlopt needs that MLIR 22's C API lacks.
//
//  - parsing text into a module with both the implicit builtin.module and a
//    source name for locations (mlir-c has one or the other);
//  - asking whether a pass or pass pipeline is registered under a name
//    (mlir-c can only try to parse a pipeline, which prints on failure);
//  - turning off the "see current operation" note MLIR attaches to op
//    diagnostics (mlir-opt does so under --verify-diagnostics);
//  - finding the op a registered pass is restricted to, so a pass flag for
//    a func.func pass can be nested under the module as mlir-opt does
//    (mlir-c only adds pipeline text, which must spell the nesting out);
//  - emitting a remark (mlir-c has mlirEmitError only).
//
// Everything else in mlopt outside lib/dialects is C; keep this file tiny.
#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Pass.h"
#include "mlir/CAPI/Support.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
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

extern "C" bool ml_upstream_pass_anchor(MlirStringRef name,
                                        MlirStringCallback callback,
                                        void *userData) {
  const PassInfo *info = PassInfo::lookup(unwrap(name));
  if (!info)
    return false;
  // Build the pass with default options in an op-agnostic pass manager,
  // which accepts a pass restricted to any op, and read its restriction.
  OpPassManager scratch;
  if (failed(info->addToPipeline(scratch, "",
                                 [](const llvm::Twine &) { return failure(); })))
    return false;
  for (Pass &pass : scratch.getPasses()) {
    std::optional<StringRef> op = pass.getOpName();
    if (!op)
      return false;
    callback(wrap(*op), userData);
    return true;
  }
  return false;
}

extern "C" void ml_context_print_op_on_diagnostic(MlirContext context,
                                                  bool enable) {
  unwrap(context)->printOpOnDiagnostic(enable);
}

void ml_emit_remark(MlirLocation location, const char *message) {
  mlir::emitRemark(unwrap(location)) << message;
}
