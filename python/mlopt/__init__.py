"""mlopt: a multi-level ML compiler on MLIR, from Python.

    import mlopt, numpy as np
    m = mlopt.Module.parse(open("examples/mlp.mlir").read(), name="mlp.mlir")
    m.run("--fuse")                       # ml-opt's pass flags, in place
    exe = m.compile()                     # -O2, JIT for this CPU
    y = exe.mlp(x, w1, b1, w2, b2, w3, b3)
    m = mlopt.import_onnx("model.onnx")   # an ONNX graph as an mlt module

ctypes bindings over libmlopt.so (found through $MLOPT_LIBRARY,
mlopt/_config.py, or the system's library path). docs/python.md is the
guide.
"""
from . import _capi
from .errors import Diagnostic, MloptError, MloptWarning
from .execution import Executable, Function
from .ir import Context, Module, default_context
from .onnx_import import check_onnx_support, import_onnx
from .passes import PassInfo, passes, upstream_passes
from .signature import Signature, Slot

__all__ = [
    "Context", "Module", "Executable", "Function", "Signature", "Slot",
    "Diagnostic", "MloptError", "MloptWarning", "PassInfo", "passes",
    "upstream_passes", "default_context", "version", "mlir_version",
    "library_path", "import_onnx", "check_onnx_support",
]


def version():
    """mlopt's version, e.g. "0.1.0"."""
    return _capi.mloptGetVersion().str()


def mlir_version():
    """The MLIR version mlopt was built against, e.g. "22.1.8"."""
    return _capi.mloptGetMlirVersion().str()


def library_path():
    """The path of the libmlopt.so this package loaded."""
    return _capi.library_path

