/* emit: the last step out of MLIR. A module in the llvm dialect becomes
 * LLVM IR (optimized at the requested level for the target machine), then
 * assembly or an object file through the LLVM-C TargetMachine API; or a C
 * header declaring the _mlir_ciface_ entry points (from the prototypes
 * --lower-to-llvm recorded while memref types still existed). */
#include "mlopt-c/Compile.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/strbuf.h"
#include "llvm-c/Core.h"
#include "llvm-c/Target.h"
#include "llvm-c/TargetMachine.h"
#include "llvm-c/Transforms/PassBuilder.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/RegisterEverything.h"
#include "mlir-c/Target/LLVMIR.h"

static pthread_once_t targets_once = PTHREAD_ONCE_INIT;

static void init_targets(void) {
  LLVMInitializeAllTargetInfos();
  LLVMInitializeAllTargets();
  LLVMInitializeAllTargetMCs();
  LLVMInitializeAllAsmPrinters();
}

static bool name_starts(MlirOperation op, const char *prefix) {
  MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(op));
  size_t k = strlen(prefix);
  return n.length >= k && memcmp(n.data, prefix, k) == 0;
}

/* Finds the first op that is neither llvm nor a builtin.module (nor omp:
 * OpenMP ops with LLVM types translate too, into libomp calls). */
static MlirWalkResult find_non_llvm(MlirOperation op, void *user) {
  MlirOperation *found = user;
  if (name_starts(op, "llvm.") || name_starts(op, "omp.") ||
      name_starts(op, "builtin.module"))
    return MlirWalkResultAdvance;
  *found = op;
  return MlirWalkResultInterrupt;
}

/* Emits `msg` as an error at `op`. */
static MlirLogicalResult fail_at(MlirOperation op, const char *msg) {
  mlirEmitError(mlirOperationGetLocation(op), msg);
  return mlirLogicalResultFailure();
}

/* ---- C header ---------------------------------------------------------- */

typedef struct Header {
  MlBuf typedefs, protos;
} Header;

/* Declares the descriptor struct `mlopt_memref_<T>_<R>d` once. */
static void add_typedef(Header *h, const char *type, long rank) {
  char name[96];
  snprintf(name, sizeof name, "mlopt_memref_%s_%ldd", type, rank);
  if (strstr(ml_buf_str(&h->typedefs), name))
    return;
  ml_buf_printf(&h->typedefs, "#ifndef MLOPT_DEFINED_%s\n#define MLOPT_DEFINED_%s\n",
                name, name);
  ml_buf_printf(&h->typedefs,
                "/* A rank-%ld memref descriptor (MLIR's strided layout). */\n"
                "typedef struct {\n  %s *allocated;\n  %s *aligned;\n"
                "  int64_t offset;\n",
                rank, type, type);
  if (rank > 0)
    ml_buf_printf(&h->typedefs, "  int64_t sizes[%ld];\n  int64_t strides[%ld];\n",
                  rank, rank);
  ml_buf_printf(&h->typedefs, "} %s;\n#endif\n\n", name);
}

static MlirWalkResult collect_prototype(MlirOperation op, void *user) {
  Header *h = user;
  if (!name_starts(op, "llvm.func"))
    return MlirWalkResultAdvance;
  MlirStringRef sym = mlirStringAttrGetValue(mlirOperationGetInherentAttributeByName(
      op, mlirStringRefCreateFromCString("sym_name")));
  MlirAttribute proto = mlirOperationGetDiscardableAttributeByName(
      op, mlirStringRefCreateFromCString("mlopt.c_prototype"));
  if (sym.length < 13 || memcmp(sym.data, "_mlir_ciface_", 13) != 0 ||
      mlirAttributeIsNull(proto))
    return MlirWalkResultAdvance;
  MlirStringRef text = mlirStringAttrGetValue(proto);
  if (text.length == 0) {
    ml_buf_printf(&h->protos, "/* %.*s: its signature has no C spelling */\n",
                  (int)sym.length, sym.data);
    return MlirWalkResultAdvance;
  }
  ml_buf_printf(&h->protos, "%.*s\n", (int)text.length, text.data);
  /* Declare every descriptor type the prototype mentions. */
  const char *p = ml_buf_str(&h->protos) + h->protos.len - text.length - 1;
  while ((p = strstr(p, "mlopt_memref_")) != NULL) {
    p += strlen("mlopt_memref_");
    /* mlopt_memref_<type>_<rank>d: the rank follows the last '_'. */
    const char *end = strchr(p, ' '), *last = NULL;
    for (const char *q = p; end && q < end; q++)
      if (*q == '_')
        last = q;
    if (!last)
      break;
    char type[32];
    snprintf(type, sizeof type, "%.*s", (int)(last - p), p);
    add_typedef(h, type, strtol(last + 1, NULL, 10));
    p = end;
  }
  return MlirWalkResultAdvance;
}

static void emit_header(MlirOperation module, MlirStringCallback output,
                        void *user) {
  Header h = {{0}, {0}};
  mlirOperationWalk(module, collect_prototype, &h, MlirWalkPreOrder);
  MlBuf out = {0};
  ml_buf_puts(&out,
              "/* Entry points of an mlopt-compiled module (ml-opt --emit=header).\n"
              " * Each takes memrefs as pointers to descriptors; link the object\n"
              " * file from ml-opt --emit=obj. */\n"
              "#pragma once\n#include <stdbool.h>\n#include <stdint.h>\n\n"
              "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
  ml_buf_append(&out, ml_buf_str(&h.typedefs), h.typedefs.len);
  ml_buf_append(&out, ml_buf_str(&h.protos), h.protos.len);
  ml_buf_puts(&out, "\n#ifdef __cplusplus\n}\n#endif\n");
  output(mlirStringRefCreate(out.data, out.len), user);
  ml_buf_free(&out);
  ml_buf_free(&h.typedefs);
  ml_buf_free(&h.protos);
}

/* ---- LLVM IR, assembly, object ------------------------------------------ */

static MlirLogicalResult emit_machine(MlirOperation module, MloptEmitKind kind,
                                      MloptTargetOptions opts,
                                      MlirStringCallback output, void *user) {
  pthread_once(&targets_once, init_targets);
  MlirContext ctx = mlirOperationGetContext(module);
  mlirRegisterAllLLVMTranslations(ctx);
  LLVMContextRef llctx = LLVMContextCreate();
  LLVMModuleRef mod = mlirTranslateModuleToLLVMIR(module, llctx);
  MlirLogicalResult result = mlirLogicalResultFailure();
  char *triple = NULL, *cpu = NULL, *features = NULL, *error = NULL;
  LLVMTargetMachineRef tm = NULL;
  LLVMTargetDataRef layout = NULL;
  LLVMPassBuilderOptionsRef pb = NULL;
  if (!mod)
    goto out; /* the translation reported why */

  triple = opts.triple.length ? strndup(opts.triple.data, opts.triple.length)
                              : LLVMGetDefaultTargetTriple();
  bool host_cpu = opts.cpu.length == 0;
  cpu = host_cpu ? LLVMGetHostCPUName() : strndup(opts.cpu.data, opts.cpu.length);
  features = host_cpu ? LLVMGetHostCPUFeatures() : strdup("");
  LLVMTargetRef target;
  if (LLVMGetTargetFromTriple(triple, &target, &error)) {
    char msg[512];
    snprintf(msg, sizeof msg, "unknown target triple '%s': %s", triple, error);
    fail_at(module, msg);
    goto out;
  }
  int level = opts.optLevel < 0 ? 0 : opts.optLevel > 3 ? 3 : opts.optLevel;
  tm = LLVMCreateTargetMachine(target, triple, cpu, features,
                               (LLVMCodeGenOptLevel)level, LLVMRelocPIC,
                               LLVMCodeModelDefault);
  LLVMSetTarget(mod, triple);
  layout = LLVMCreateTargetDataLayout(tm);
  LLVMSetModuleDataLayout(mod, layout);
  pb = LLVMCreatePassBuilderOptions();
  char passes[32];
  snprintf(passes, sizeof passes, "default<O%d>", level);
  LLVMErrorRef err = LLVMRunPasses(mod, passes, tm, pb);
  if (err) {
    char *m = LLVMGetErrorMessage(err);
    char msg[512];
    snprintf(msg, sizeof msg, "LLVM optimization failed: %s", m);
    LLVMDisposeErrorMessage(m);
    fail_at(module, msg);
    goto out;
  }
  if (kind == MLOPT_EMIT_LLVM_IR) {
    char *text = LLVMPrintModuleToString(mod);
    output(mlirStringRefCreateFromCString(text), user);
    LLVMDisposeMessage(text);
  } else {
    LLVMMemoryBufferRef buf;
    LLVMCodeGenFileType ft =
        kind == MLOPT_EMIT_ASSEMBLY ? LLVMAssemblyFile : LLVMObjectFile;
    if (LLVMTargetMachineEmitToMemoryBuffer(tm, mod, ft, &error, &buf)) {
      char msg[512];
      snprintf(msg, sizeof msg, "code generation failed: %s", error);
      fail_at(module, msg);
      goto out;
    }
    output(mlirStringRefCreate(LLVMGetBufferStart(buf), LLVMGetBufferSize(buf)),
           user);
    LLVMDisposeMemoryBuffer(buf);
  }
  result = mlirLogicalResultSuccess();
out:
  if (pb)
    LLVMDisposePassBuilderOptions(pb);
  if (layout)
    LLVMDisposeTargetData(layout);
  if (tm)
    LLVMDisposeTargetMachine(tm);
  if (error)
    LLVMDisposeMessage(error);
  /* LLVM's strings go back to LLVM, ours to free(). */
  if (triple && opts.triple.length)
    free(triple);
  else if (triple)
    LLVMDisposeMessage(triple);
  if (cpu && opts.cpu.length)
    free(cpu);
  else if (cpu)
    LLVMDisposeMessage(cpu);
  if (features && opts.cpu.length)
    free(features);
  else if (features)
    LLVMDisposeMessage(features);
  if (mod)
    LLVMDisposeModule(mod);
  LLVMContextDispose(llctx);
  return result;
}

MlirLogicalResult mloptEmit(MlirModule module, MloptEmitKind kind,
                            MloptTargetOptions options,
                            MlirStringCallback output, void *userData) {
  MlirOperation op = mlirModuleGetOperation(module);
  MlirOperation bad = {NULL};
  mlirOperationWalk(op, find_non_llvm, &bad, MlirWalkPreOrder);
  if (!mlirOperationIsNull(bad)) {
    MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(bad));
    char msg[256];
    snprintf(msg, sizeof msg,
             "'%.*s' is not in the llvm dialect: emitting code needs a "
             "lowered module (run --lower-to-llvm first)",
             (int)n.length, n.data);
    return fail_at(bad, msg);
  }
  if (kind == MLOPT_EMIT_C_HEADER) {
    emit_header(op, output, userData);
    return mlirLogicalResultSuccess();
  }
  return emit_machine(op, kind, options, output, userData);
}
