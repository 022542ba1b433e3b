"""The calling convention of a compiled function, read from its type in
the module *before* lowering, while tensor and memref types still carry
shapes and element types (the model of ml-run, docs/ml-run.md):

  - every argument, in order, is an input: memrefs and tensors as NumPy
    arrays (passed as memref descriptors), scalars as numbers;
  - each tensor result becomes a trailing out-memref (destination passing,
    as --lower-to-loops does), which the caller allocates: an output;
  - one scalar result comes back by value: the last output.

NumPy has no bfloat16: bf16 values cross as np.uint16 arrays holding the
bit patterns (the top half of the float32's bits); i1 values are NumPy
bools (one byte each, as the compiled code stores them).
"""
import ctypes

import numpy as np

from . import _capi as C

_SCALARS = (
    (C.mlirTypeIsAF16, np.float16), (C.mlirTypeIsAF32, np.float32),
    (C.mlirTypeIsAF64, np.float64),
)
_INT_WIDTHS = {1: np.bool_, 8: np.int8, 32: np.int32, 64: np.int64}
SUPPORTED = "f16, bf16 (as uint16 bits), f32, f64, i1 (bool), i8, i32, i64 " \
    "and index"


class Slot:
    """One value crossing the C interface: `role` ("argument" or
    "result") and `index` in the original function, `type` as MLIR prints
    it, `dtype` (a numpy.dtype), `shape` (a tuple; () for scalars),
    `is_buffer` (memref or tensor, else a scalar), `is_memref` (a memref
    argument: the function may write it in place), `is_bf16` (bf16
    elements, carried as uint16 bit patterns)."""

    __slots__ = ("role", "index", "type", "dtype", "shape", "is_buffer",
                 "is_memref", "is_index", "is_bf16")

    def __init__(self, role, index, type_text):
        self.role, self.index, self.type = role, index, type_text
        self.dtype, self.shape = None, ()
        self.is_buffer = self.is_memref = self.is_index = False
        self.is_bf16 = False

    @property
    def name(self):
        """"argument #0" or "result #1"."""
        return "%s #%d" % (self.role, self.index)

    def __repr__(self):
        return "<%s: %s>" % (self.name, self.type)


def _text(fn, handle):
    sink = C.StringSink()
    fn(handle, sink.callback, None)
    return sink.text()


def _str_attr(op, name):
    a = C.mlirOperationGetInherentAttributeByName(
        op, C.string_ref(name))
    if not a or not C.mlirAttributeIsAString(a):
        return ""
    return C.mlirStringAttrGetValue(a).str()


def _op_name(op):
    return C.mlirIdentifierStr(C.mlirOperationGetName(op)).str()


def top_level_ops(module_handle):
    """Yields the operations in the module's body."""
    op = C.mlirBlockGetFirstOperation(C.mlirModuleGetBody(module_handle))
    while op:
        yield op
        op = C.mlirOperationGetNextInBlock(op)


def defined_functions(module_handle):
    """(name, op) of every func.func with a body, in order."""
    out = []
    for op in top_level_ops(module_handle):
        if _op_name(op) == "func.func" and \
                C.mlirRegionGetFirstBlock(C.mlirOperationGetRegion(op, 0)):
            out.append((_str_attr(op, "sym_name"), op))
    return out


def function_type(op):
    """The type in `op`'s function_type attribute."""
    return C.mlirTypeAttrGetValue(C.mlirOperationGetInherentAttributeByName(
        op, C.string_ref(b"function_type")))


def _scalar_dtype(t):
    """(numpy dtype, is_index) for a scalar type, or None."""
    if C.mlirTypeIsAIndex(t):
        return np.dtype(np.int64), True
    if _text(C.mlirTypePrint, t) == "bf16":
        return np.dtype(np.uint16), False  # the bit patterns
    for test, dt in _SCALARS:
        if test(t):
            return np.dtype(dt), False
    if C.mlirTypeIsAInteger(t) and C.mlirIntegerTypeIsSignless(t):
        dt = _INT_WIDTHS.get(C.mlirIntegerTypeGetWidth(t))
        if dt is not None:
            return np.dtype(dt), False
    return None


def _dense_row_major(t):
    """True if a memref type has the identity (row-major) layout."""
    rank = C.mlirShapedTypeGetRank(t)
    strides = (ctypes.c_int64 * max(rank, 1))()
    offset = ctypes.c_int64()
    if not C.ok(C.mlirMemRefTypeGetStridesAndOffset(t, strides, offset)):
        return False
    expect = 1
    for d in reversed(range(rank)):
        size = C.mlirShapedTypeGetDimSize(t, d)
        if strides[d] != expect and size != 1:
            return False
        expect *= size
    return offset.value == 0


def read_slot(t, role, index):
    """A Slot for type `t`, or (None, why) if Python cannot pass it."""
    s = Slot(role, index, _text(C.mlirTypePrint, t))
    s.is_buffer = C.mlirTypeIsAMemRef(t) or C.mlirTypeIsARankedTensor(t)
    s.is_memref = C.mlirTypeIsAMemRef(t) and role == "argument"
    elt = C.mlirShapedTypeGetElementType(t) if s.is_buffer else t
    scalar = _scalar_dtype(elt)
    why = None
    if C.mlirTypeIsAUnrankedMemRef(t) or C.mlirTypeIsAUnrankedTensor(t):
        why = "unranked shapes are not supported"
    elif not s.is_buffer and C.mlirTypeIsAShaped(t):
        why = "only memrefs, tensors and scalars can be passed"
    elif scalar is None:
        why = "element types other than %s are not supported" % SUPPORTED
    elif s.is_buffer and not C.mlirShapedTypeHasStaticShape(t):
        why = "dynamic shapes are not supported"
    elif C.mlirTypeIsAMemRef(t) and not _dense_row_major(t):
        why = "only the identity (row-major, contiguous) layout is supported"
    elif C.mlirTypeIsAMemRef(t) and C.mlirMemRefTypeGetMemorySpace(t):
        why = "only the default memory space is supported"
    elif C.mlirTypeIsAMemRef(t) and role == "result":
        why = "memref results are not supported (pass the buffer as an " \
              "argument)"
    if why:
        return None, "%s is %s: %s" % (s.name, s.type, why)
    s.dtype, s.is_index = scalar
    s.is_bf16 = _text(C.mlirTypePrint, elt) == "bf16"
    if s.is_buffer:
        s.shape = tuple(C.mlirShapedTypeGetDimSize(t, d)
                        for d in range(C.mlirShapedTypeGetRank(t)))
    return s, None


class Signature:
    """The inputs and outputs of one function (lists of Slot), the C
    parameters in call order (`params`: inputs, then out-memrefs), whether
    a scalar comes back by value (`ret`, a Slot or None), and `error`: why
    the function cannot be called from Python (None if it can)."""

    def __init__(self, name):
        self.name = name
        self.inputs, self.outputs, self.params = [], [], []
        self.ret = None
        self.error = None

    def __str__(self):
        ins = ", ".join(s.type for s in self.inputs)
        outs = ", ".join(s.type for s in self.outputs)
        if len(self.outputs) != 1:
            outs = "(%s)" % outs
        return "@%s(%s) -> %s" % (self.name, ins, outs)


def read(name, op):
    """The Signature of func.func `op`."""
    sig = Signature(name)
    fn = function_type(op)
    for i in range(C.mlirFunctionTypeGetNumInputs(fn)):
        s, why = read_slot(C.mlirFunctionTypeGetInput(fn, i), "argument", i)
        if why:
            sig.error = "@%s: %s" % (name, why)
            return sig
        sig.inputs.append(s)
        sig.params.append(s)
    for i in range(C.mlirFunctionTypeGetNumResults(fn)):
        s, why = read_slot(C.mlirFunctionTypeGetResult(fn, i), "result", i)
        if why:
            sig.error = "@%s: %s" % (name, why)
            return sig
        if s.is_buffer:
            sig.params.append(s)
            sig.outputs.append(s)
        elif sig.ret is not None:
            sig.error = "@%s returns more than one scalar" % name
            return sig
        else:
            sig.ret = s
    if sig.ret is not None:
        sig.outputs.append(sig.ret)
    return sig


def check_lowered(sig, llvm_funcs):
    """Checks the lowered module's C interface for `sig` (llvm_funcs:
    {symbol: op} of its llvm.func ops); returns why not, or None."""
    wrapper = "_mlir_ciface_" + sig.name
    op = llvm_funcs.get(wrapper)
    if op is None:
        return ("after the pipeline there is no llvm.func @%s, the C "
                "interface of @%s: the pipeline must end in the llvm dialect "
                "(e.g. with --lower-to-llvm) and bufferize tensors (e.g. "
                "with --lower-to-loops)" % (wrapper, sig.name))
    plain = llvm_funcs.get(sig.name)
    if plain is not None and C.mlirTypeIsALLVMStructType(
            C.mlirLLVMFunctionTypeGetReturnType(function_type(plain))):
        return ("after the pipeline @%s still returns a memref; tensor "
                "results must become trailing out-memref arguments "
                "(destination passing, as --lower-to-loops does)" % sig.name)
    n = C.mlirLLVMFunctionTypeGetNumInputs(function_type(op))
    if n != len(sig.params):
        return ("after the pipeline @%s takes %d parameters, but %s calls "
                "for %d (arguments + tensor results as out-memrefs)"
                % (wrapper, n, sig, len(sig.params)))
    return None


def llvm_functions(module_handle):
    """{symbol name: op} of the llvm.func ops in a lowered module."""
    return {_str_attr(op, "sym_name"): op
            for op in top_level_ops(module_handle)
            if _op_name(op) == "llvm.func"}
