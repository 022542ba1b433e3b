"""ctypes declarations of the C functions mlopt's Python package calls:
mlopt's own API (include/mlopt-c/) and the parts of the MLIR C API
(mlir-c/) that libmlopt.so exports. Private: the public API is in ir.py
and execution.py.

MLIR handles are one-pointer structs passed by value; MlirStringRef is
{data, length}; MlirLogicalResult is {int8_t}. ctypes cannot return a
struct from a Python callback, so callbacks that return MlirLogicalResult
are declared to return c_int8: the same registers on x86-64 and AArch64.
"""
import ctypes
from ctypes import (CFUNCTYPE, POINTER, Structure, c_bool, c_int,
                    c_int8, c_int64, c_size_t, c_uint, c_uint64, c_void_p)

from . import _lib

lib, library_path = _lib.load()


class StringRef(Structure):
    """MlirStringRef: bytes that are not NUL-terminated."""
    _fields_ = [("data", c_void_p), ("length", c_size_t)]

    def bytes(self):
        return ctypes.string_at(self.data, self.length) if self.length else b""

    def str(self):
        return self.bytes().decode("utf-8", "replace")


class LogicalResult(Structure):
    """MlirLogicalResult: value != 0 is success."""
    _fields_ = [("value", c_int8)]


def _handle(name):
    """A handle type: struct { void *ptr; }, null when ptr is NULL."""
    return type(name, (Structure,), {
        "_fields_": [("ptr", c_void_p)],
        "__bool__": lambda self: bool(self.ptr),
    })


Context = _handle("Context")
DialectRegistry = _handle("DialectRegistry")
Module = _handle("Module")
Operation = _handle("Operation")
Block = _handle("Block")
Region = _handle("Region")
Type = _handle("Type")
Attribute = _handle("Attribute")
Location = _handle("Location")
Identifier = _handle("Identifier")
Diagnostic = _handle("Diagnostic")
PassManager = _handle("PassManager")
OpPassManager = _handle("OpPassManager")
OpPrintingFlags = _handle("OpPrintingFlags")
ExecutionEngine = _handle("ExecutionEngine")


class PassInfo(Structure):
    """MloptPassInfo: flag, value help, one-line summary (static strings)."""
    _fields_ = [("flag", StringRef), ("valueHelp", StringRef),
                ("summary", StringRef)]


class TargetOptions(Structure):
    """MloptTargetOptions for mloptEmit."""
    _fields_ = [("triple", StringRef), ("cpu", StringRef), ("optLevel", c_int)]


class OnnxShape(Structure):
    """MloptOnnxShape: pins one graph input's shape (dims borrowed)."""
    _fields_ = [("name", StringRef), ("rank", ctypes.c_ssize_t),
                ("dims", POINTER(c_int64))]


class OnnxConstant(Structure):
    """MloptOnnxConstant: freezes one graph input to a serialized
    TensorProto (borrowed)."""
    _fields_ = [("name", StringRef), ("tensorProto", StringRef)]


class OnnxOptions(Structure):
    """MloptOnnxOptions for mloptImportOnnx."""
    _fields_ = [("numShapes", ctypes.c_ssize_t),
                ("shapes", POINTER(OnnxShape)),
                ("numConstants", ctypes.c_ssize_t),
                ("constants", POINTER(OnnxConstant))]


StringCallback = CFUNCTYPE(None, StringRef, c_void_p)
DiagnosticHandler = CFUNCTYPE(c_int8, Diagnostic, c_void_p)  # see above
WalkCallback = CFUNCTYPE(c_int, Operation, c_void_p)  # -> MlirWalkResult
PackedFunction = CFUNCTYPE(None, POINTER(c_void_p))  # void fn(void **args)

# Diagnostic severities (MlirDiagnosticSeverity) and walk results.
SEVERITIES = ("error", "warning", "note", "remark")
WALK_ADVANCE, WALK_INTERRUPT = 0, 1
WALK_PRE_ORDER = 0
EMIT_KINDS = {"llvm": 0, "asm": 1, "obj": 2, "header": 3}

_PROTOTYPES = {
    # mlopt-c
    "mloptGetVersion": (StringRef, []),
    "mloptGetMlirVersion": (StringRef, []),
    "mloptRegisterAllDialects": (None, [DialectRegistry]),
    "mloptRegisterAllPasses": (None, []),
    "mloptParseModule": (Module, [Context, StringRef, StringRef]),
    "mloptParsePipeline": (LogicalResult,
                           [OpPassManager, StringRef, StringCallback, c_void_p]),
    "mloptGetNumPasses": (ctypes.c_ssize_t, []),
    "mloptGetPass": (PassInfo, [ctypes.c_ssize_t]),
    "mloptGetNumUpstreamPasses": (ctypes.c_ssize_t, []),
    "mloptGetUpstreamPass": (PassInfo, [ctypes.c_ssize_t]),
    "mloptEmit": (LogicalResult,
                  [Module, c_int, TargetOptions, StringCallback, c_void_p]),
    # contexts and diagnostics
    "mlirDialectRegistryCreate": (DialectRegistry, []),
    "mlirDialectRegistryDestroy": (None, [DialectRegistry]),
    "mlirRegisterAllDialects": (None, [DialectRegistry]),
    "mlirContextCreateWithRegistry": (Context, [DialectRegistry, c_bool]),
    "mlirContextDestroy": (None, [Context]),
    "mlirContextEnableMultithreading": (None, [Context, c_bool]),
    "mlirContextSetAllowUnregisteredDialects": (None, [Context, c_bool]),
    "mlirRegisterAllLLVMTranslations": (None, [Context]),
    "mlirContextAttachDiagnosticHandler":
        (c_uint64, [Context, DiagnosticHandler, c_void_p, c_void_p]),
    "mlirContextDetachDiagnosticHandler": (None, [Context, c_uint64]),
    "mlirDiagnosticGetSeverity": (c_int, [Diagnostic]),
    "mlirDiagnosticGetLocation": (Location, [Diagnostic]),
    "mlirDiagnosticPrint": (None, [Diagnostic, StringCallback, c_void_p]),
    "mlirDiagnosticGetNumNotes": (ctypes.c_ssize_t, [Diagnostic]),
    "mlirDiagnosticGetNote": (Diagnostic, [Diagnostic, ctypes.c_ssize_t]),
    "mlirLocationIsAFileLineColRange": (c_bool, [Location]),
    "mlirLocationFileLineColRangeGetFilename": (Identifier, [Location]),
    "mlirLocationFileLineColRangeGetStartLine": (c_int, [Location]),
    "mlirLocationFileLineColRangeGetStartColumn": (c_int, [Location]),
    "mlirLocationIsAName": (c_bool, [Location]),
    "mlirLocationNameGetChildLoc": (Location, [Location]),
    "mlirLocationIsACallSite": (c_bool, [Location]),
    "mlirLocationCallSiteGetCallee": (Location, [Location]),
    "mlirLocationIsAFused": (c_bool, [Location]),
    "mlirLocationFusedGetNumLocations": (c_uint, [Location]),
    "mlirLocationFusedGetLocations": (None, [Location, POINTER(Location)]),
    "mlirIdentifierStr": (StringRef, [Identifier]),
    # modules and operations
    "mlirModuleGetOperation": (Operation, [Module]),
    "mlirModuleFromOperation": (Module, [Operation]),
    "mlirModuleGetBody": (Block, [Module]),
    "mlirModuleDestroy": (None, [Module]),
    "mlirOperationClone": (Operation, [Operation]),
    "mlirOperationVerify": (c_bool, [Operation]),
    "mlirOperationGetName": (Identifier, [Operation]),
    "mlirOperationGetNextInBlock": (Operation, [Operation]),
    "mlirOperationGetRegion": (Region, [Operation, ctypes.c_ssize_t]),
    "mlirOperationGetInherentAttributeByName":
        (Attribute, [Operation, StringRef]),
    "mlirOperationPrintWithFlags":
        (None, [Operation, OpPrintingFlags, StringCallback, c_void_p]),
    "mlirOperationWalk": (None, [Operation, WalkCallback, c_void_p, c_int]),
    "mlirOpPrintingFlagsCreate": (OpPrintingFlags, []),
    "mlirOpPrintingFlagsDestroy": (None, [OpPrintingFlags]),
    "mlirOpPrintingFlagsPrintGenericOpForm": (None, [OpPrintingFlags]),
    "mlirOpPrintingFlagsEnableDebugInfo":
        (None, [OpPrintingFlags, c_bool, c_bool]),
    "mlirRegionGetFirstBlock": (Block, [Region]),
    "mlirBlockGetFirstOperation": (Operation, [Block]),
    # attributes and types
    "mlirAttributeIsAString": (c_bool, [Attribute]),
    "mlirStringAttrGetValue": (StringRef, [Attribute]),
    "mlirTypeAttrGetValue": (Type, [Attribute]),
    "mlirTypePrint": (None, [Type, StringCallback, c_void_p]),
    "mlirFunctionTypeGetNumInputs": (ctypes.c_ssize_t, [Type]),
    "mlirFunctionTypeGetNumResults": (ctypes.c_ssize_t, [Type]),
    "mlirFunctionTypeGetInput": (Type, [Type, ctypes.c_ssize_t]),
    "mlirFunctionTypeGetResult": (Type, [Type, ctypes.c_ssize_t]),
    "mlirLLVMFunctionTypeGetNumInputs": (ctypes.c_ssize_t, [Type]),
    "mlirLLVMFunctionTypeGetReturnType": (Type, [Type]),
    "mlirTypeIsALLVMStructType": (c_bool, [Type]),
    "mlirTypeIsAMemRef": (c_bool, [Type]),
    "mlirTypeIsARankedTensor": (c_bool, [Type]),
    "mlirTypeIsAUnrankedMemRef": (c_bool, [Type]),
    "mlirTypeIsAUnrankedTensor": (c_bool, [Type]),
    "mlirTypeIsAShaped": (c_bool, [Type]),
    "mlirShapedTypeGetElementType": (Type, [Type]),
    "mlirShapedTypeHasStaticShape": (c_bool, [Type]),
    "mlirShapedTypeGetRank": (c_int64, [Type]),
    "mlirShapedTypeGetDimSize": (c_int64, [Type, ctypes.c_ssize_t]),
    "mlirMemRefTypeGetStridesAndOffset":
        (LogicalResult, [Type, POINTER(c_int64), POINTER(c_int64)]),
    "mlirMemRefTypeGetMemorySpace": (Attribute, [Type]),
    "mlirTypeIsAIndex": (c_bool, [Type]),
    "mlirTypeIsAF16": (c_bool, [Type]),
    "mlirTypeIsAF32": (c_bool, [Type]),
    "mlirTypeIsAF64": (c_bool, [Type]),
    "mlirTypeIsAInteger": (c_bool, [Type]),
    "mlirIntegerTypeIsSignless": (c_bool, [Type]),
    "mlirIntegerTypeGetWidth": (c_uint, [Type]),
    # pass managers
    "mlirPassManagerCreateOnOperation": (PassManager, [Context, StringRef]),
    "mlirPassManagerDestroy": (None, [PassManager]),
    "mlirPassManagerGetAsOpPassManager": (OpPassManager, [PassManager]),
    "mlirPassManagerRunOnOp": (LogicalResult, [PassManager, Operation]),
    "mlirPassManagerEnableVerifier": (None, [PassManager, c_bool]),
    # JIT
    "mlirExecutionEngineCreate":
        (ExecutionEngine,
         [Module, c_int, c_int, POINTER(StringRef), c_bool, c_bool]),
    "mlirExecutionEngineInitialize": (None, [ExecutionEngine]),
    "mlirExecutionEngineDestroy": (None, [ExecutionEngine]),
    "mlirExecutionEngineLookupPacked": (c_void_p, [ExecutionEngine, StringRef]),
}

# Functions a libmlopt.so may lack (built without protobuf-c: no ONNX
# import); has(name) tells, and the callers say what is missing.
_OPTIONAL_PROTOTYPES = {
    "mloptImportOnnx": (Module, [Context, StringRef, StringRef,
                                 POINTER(OnnxOptions)]),
    "mloptCheckOnnxSupport": (LogicalResult,
                              [Context, StringRef, StringRef]),
}

for _name, (_res, _args) in _PROTOTYPES.items():
    _fn = getattr(lib, _name)
    _fn.restype = _res
    _fn.argtypes = _args
    globals()[_name] = _fn
for _name, (_res, _args) in _OPTIONAL_PROTOTYPES.items():
    _fn = getattr(lib, _name, None)
    if _fn is not None:
        _fn.restype = _res
        _fn.argtypes = _args
        globals()[_name] = _fn
del _name, _res, _args, _fn


def has(name):
    """True if the loaded libmlopt.so exports the C function `name`."""
    return name in _PROTOTYPES or (name in _OPTIONAL_PROTOTYPES
                                   and name in globals())


def string_ref(data):
    """An MlirStringRef over a copy of `data` (bytes or str); the copy
    lives as long as the returned object."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    buf = ctypes.create_string_buffer(data, len(data))
    ref = StringRef(ctypes.cast(buf, c_void_p), len(data))
    ref._keep = buf
    return ref


class StringSink:
    """Collects the chunks an MlirStringCallback receives; `callback` is the
    function pointer to pass (keep the sink alive during the call)."""

    def __init__(self):
        self.chunks = []
        self.callback = StringCallback(self._append)

    def _append(self, ref, _user):
        self.chunks.append(ref.bytes())

    def text(self):
        return b"".join(self.chunks).decode("utf-8", "replace")


def ok(result):
    """True if an MlirLogicalResult is success."""
    return result.value != 0
