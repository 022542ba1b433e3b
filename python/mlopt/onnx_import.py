"""ONNX models as mlt modules: import_onnx() over mloptImportOnnx and
check_onnx_support() over mloptCheckOnnxSupport (include/mlopt-c/Onnx.h).

Constants bound to graph inputs are passed to C as serialized ONNX
TensorProtos; NumPy arrays are encoded here by a small protobuf writer
(dims, data_type, name, raw_data), so the package never needs the onnx
Python package.
"""
import ctypes
import numbers
import os

import numpy as np

from . import _capi as C
from ._native import on_big_stack
from .errors import Diagnostic, MloptError

# TensorProto.DataType numbers of the NumPy dtypes an array constant may
# have, by dtype kind + item size.
DATA_TYPES = {
    "f4": 1, "u1": 2, "i1": 3, "u2": 4, "i2": 5, "i4": 6, "i8": 7,
    "b1": 9, "f2": 10, "f8": 11, "u4": 12, "u8": 13,
}


def _varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number, wire_type):
    return _varint(number << 3 | wire_type)


def tensor_proto(array, name=""):
    """A serialized ONNX TensorProto holding `array` (a NumPy array or
    scalar): dims (field 1), data_type (2), name (8) and raw_data (9,
    little-endian). Raises TypeError for a dtype ONNX raw data cannot hold
    here (strings, objects, complex)."""
    a = np.asarray(array)
    key = "%s%d" % (a.dtype.kind, a.dtype.itemsize)
    if key not in DATA_TYPES:
        raise TypeError(
            "cannot encode a %s array as an ONNX tensor; use one of %s"
            % (a.dtype, ", ".join(str(np.dtype(k)) if k != "b1" else "bool"
                                  for k in DATA_TYPES)))
    if a.dtype.itemsize > 1:
        a = a.astype(a.dtype.newbyteorder("<"), copy=False)
    raw = np.ascontiguousarray(a).tobytes()
    out = bytearray()
    for d in a.shape:
        out += _field(1, 0) + _varint(d)
    out += _field(2, 0) + _varint(DATA_TYPES[key])
    if name:
        encoded = name.encode("utf-8")
        out += _field(8, 2) + _varint(len(encoded)) + encoded
    out += _field(9, 2) + _varint(len(raw)) + raw
    return bytes(out)


def _read(source, name):
    """(model bytes, source name) of a path or bytes."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name if name is not None else "<bytes>"
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        with open(path, "rb") as f:
            return f.read(), name if name is not None else path
    raise TypeError("an ONNX model is a path (str or os.PathLike) or bytes, "
                    "not %s" % type(source).__name__)


def _function(name):
    if not C.has(name):
        raise MloptError(
            "%s has no ONNX importer (%s is missing): it was built without "
            "lib/onnx, which needs protobuf-c and ONNX's headers "
            "(scripts/install-deps.sh installs them; rebuild)"
            % (C.library_path, name))
    return getattr(C, name)


def _options(shapes, constants):
    """An MloptOnnxOptions and the objects its pointers borrow."""
    keep = []
    shape_list = []
    for input_name, dims in (shapes or {}).items():
        if not isinstance(input_name, str):
            raise TypeError("shapes: keys are graph input names (str), not %r"
                            % (input_name,))
        try:
            dims = tuple(dims)
        except TypeError:
            raise TypeError("shapes[%r] must be a tuple of ints, not %r"
                            % (input_name, dims)) from None
        for d in dims:
            if isinstance(d, bool) or not isinstance(d, numbers.Integral) \
                    or d <= 0:
                raise ValueError("shapes[%r] = %r: each dim must be a "
                                 "positive int" % (input_name, dims))
        arr = (ctypes.c_int64 * max(len(dims), 1))(*dims)
        ref = C.string_ref(input_name)
        keep += [arr, ref]
        shape_list.append(C.OnnxShape(ref, len(dims), ctypes.cast(
            arr, ctypes.POINTER(ctypes.c_int64))))
    const_list = []
    for input_name, value in (constants or {}).items():
        if not isinstance(input_name, str):
            raise TypeError("constants: keys are graph input names (str), "
                            "not %r" % (input_name,))
        if isinstance(value, (bytes, bytearray, memoryview)):
            proto = bytes(value)  # already a serialized TensorProto
        elif isinstance(value, (np.ndarray, np.generic)):
            proto = tensor_proto(value, input_name)
        else:
            raise TypeError(
                "constants[%r] must be a numpy array or the bytes of a "
                "serialized TensorProto, not %s (wrap numbers as "
                "np.array(value, dtype))" % (input_name, type(value).__name__))
        name_ref, proto_ref = C.string_ref(input_name), C.string_ref(proto)
        keep += [name_ref, proto_ref]
        const_list.append(C.OnnxConstant(name_ref, proto_ref))
    shape_arr = (C.OnnxShape * max(len(shape_list), 1))(*shape_list)
    const_arr = (C.OnnxConstant * max(len(const_list), 1))(*const_list)
    keep += [shape_arr, const_arr]
    options = C.OnnxOptions(len(shape_list), shape_arr,
                            len(const_list), const_arr)
    return options, keep


def import_onnx(source, *, shapes=None, constants=None, name=None,
                context=None):
    """Imports an ONNX model as a Module holding one func.func named after
    the graph: its arguments are the graph inputs that are neither
    initializers nor frozen by `constants`, in the graph's order, and its
    results are the graph outputs.

    `source` is a path (str or os.PathLike) or the model's bytes; `shapes`
    pins inputs with symbolic or unknown dims ({name: (1, 3, 224, 224)});
    `constants` freezes inputs to values known now ({name: numpy array, or
    the bytes of a serialized TensorProto}), as operands such as Reshape's
    shape must be; `name` is the source name locations carry (the path,
    or "<bytes>"). Raises MloptError with the importer's diagnostic for a
    malformed model, an unsupported op, attribute or type, or an operand
    that must be a constant."""
    from .ir import Module, _raise_errors, default_context
    data, source_name = _read(source, name)
    fn = _function("mloptImportOnnx")
    options, keep = _options(shapes, constants)
    ctx = context if context is not None else default_context()
    with ctx._capture() as found:
        handle = on_big_stack(fn, ctx._handle(), C.string_ref(data),
                              C.string_ref(source_name),
                              ctypes.byref(options))
    del keep  # borrowed only during the call
    if not handle:
        _raise_errors(found, "cannot import %s" % source_name, {})
    m = Module._wrap(ctx, handle, source_name, None)
    _raise_errors(found, None, {})
    m.remarks = [d for d in found if d.severity == "remark"]
    return m


def check_onnx_support(source, *, name=None, context=None):
    """Checks, without importing, whether mlopt supports every node of the
    ONNX model at `source` (a path or bytes): returns the list of error
    Diagnostics, one per unsupported op, attribute or element type (all of
    them); empty when the model is supported."""
    from .ir import default_context
    data, source_name = _read(source, name)
    fn = _function("mloptCheckOnnxSupport")
    ctx = context if context is not None else default_context()
    with ctx._capture() as found:
        good = C.ok(on_big_stack(fn, ctx._handle(), C.string_ref(data),
                                 C.string_ref(source_name)))
    errors = [d for d in found if d.severity == "error"]
    if not good and not errors:
        errors = [Diagnostic("error", "%s is not supported" % source_name)]
    return [] if good else errors
