"""The OpenMP runtime that parallel loops (--parallelize, -O2) call.

The JIT loads libomp only for modules with OpenMP ops, as ml-run does.
libomp reads its thread count once, when it initializes, so a per-call
`threads` is applied with omp_set_num_threads on the calling thread right
before each call; None restores the count libomp started with."""
import ctypes
import ctypes.util
import os

from . import _capi as C

_runtime = None  # (path, CDLL, the default thread count)


def library_path():
    """libomp's path: $MLOPT_LIBOMP, else LLVM's next to MLIR
    (/usr/lib/llvm-<major>/lib/libomp.so, what ml-run uses), else the
    system's; None if there is none."""
    env = os.environ.get("MLOPT_LIBOMP")
    if env:
        return env
    major = C.mloptGetMlirVersion().str().split(".")[0]
    llvm = "/usr/lib/llvm-%s/lib/libomp.so" % major
    if os.path.exists(llvm):
        return llvm
    return ctypes.util.find_library("omp")


def has_openmp(operation):
    """True if the (lowered) operation contains omp.* ops."""
    found = []

    def visit(op, _user):
        name = C.mlirIdentifierStr(C.mlirOperationGetName(op)).bytes()
        if name.startswith(b"omp."):
            found.append(True)
            return C.WALK_INTERRUPT
        return C.WALK_ADVANCE

    C.mlirOperationWalk(operation, C.WalkCallback(visit), None,
                        C.WALK_PRE_ORDER)
    return bool(found)


def runtime(path):
    """The loaded libomp at `path` (after the JIT loaded it)."""
    global _runtime
    if _runtime is None:
        lib = ctypes.CDLL(path)
        lib.omp_set_num_threads.argtypes = [ctypes.c_int]
        lib.omp_get_max_threads.restype = ctypes.c_int
        _runtime = (path, lib, lib.omp_get_max_threads())
    return _runtime


def set_threads(threads):
    """Sets the OpenMP thread count of the calling thread (None: libomp's
    default) for the next parallel region."""
    if _runtime is not None:
        _, lib, default = _runtime
        lib.omp_set_num_threads(threads or default)
