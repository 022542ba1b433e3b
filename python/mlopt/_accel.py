"""The accelerator runtime that code lowered by --lower-accel-to-llvm calls
(runtime/accel/accel_rt.h): the simulator libmlopt_accel_rt.so, or any
library implementing the header.

As ml-run does, it is loaded only for modules that call it, with
RTLD_GLOBAL so the JIT resolves accel_rt_* from the process. Its state
(buffers, clocks, counters, the sticky error) is global to the process, so
calls of accelerator code are serialized by one lock; around each call the
error is cleared and the counters reset, then read back."""
import ctypes
import ctypes.util
import os
import threading

from . import _capi as C

# One call on the runtime at a time: its counters and error are global.
lock = threading.Lock()
_loaded = {}  # path -> Runtime

_NAME = "libmlopt_accel_rt.so"


class Stats(ctypes.Structure):
    """struct accel_rt_stats."""
    _fields_ = [(name, ctypes.c_int64) for name in (
        "cycles", "pe_busy_cycles", "load_busy_cycles", "store_busy_cycles",
        "macs", "bytes_in", "bytes_out", "dma_in_count", "dma_out_count",
        "matmul_count", "pe_rows", "pe_cols")] + [
        ("pe_utilization", ctypes.c_double)]


def library_path():
    """The runtime to load: $MLOPT_ACCEL_RT, else libmlopt_accel_rt.so
    beside the loaded libmlopt.so (the build's lib/ or the install's),
    else the system's; None if there is none."""
    env = os.environ.get("MLOPT_ACCEL_RT")
    if env:
        return env
    beside = os.path.join(os.path.dirname(os.path.abspath(C.library_path)),
                          _NAME)
    if os.path.exists(beside):
        return beside
    return ctypes.util.find_library("mlopt_accel_rt")


def uses_runtime(module_handle):
    """True if the lowered module declares accel_rt_* functions."""
    from .signature import llvm_functions
    return any(name.startswith("accel_rt_")
               for name in llvm_functions(module_handle))


class Runtime:
    """A loaded runtime: the host-side functions of accel_rt.h."""

    def __init__(self, path):
        self.path = path
        self.lib = lib = ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
        try:
            lib.accel_rt_get_stats.argtypes = [ctypes.POINTER(Stats)]
            lib.accel_rt_get_stats.restype = None
            lib.accel_rt_reset_stats.restype = None
            lib.accel_rt_error.restype = ctypes.c_char_p
            lib.accel_rt_clear_error.restype = None
            lib.accel_rt_mark.restype = ctypes.c_int64
            lib.accel_rt_release.argtypes = [ctypes.c_int64]
            lib.accel_rt_release.restype = None
        except AttributeError:
            raise OSError("%s is not an accelerator runtime: it lacks the "
                          "functions of runtime/accel/accel_rt.h" % path)

    def before_call(self):
        """Clears the error, zeroes the counters; returns the allocation
        mark for after_call."""
        self.lib.accel_rt_clear_error()
        self.lib.accel_rt_reset_stats()
        return self.lib.accel_rt_mark()

    def after_call(self, mark):
        """The runtime's error message after a call, or None. After an
        error the compiled code's accel_rt_release did nothing (errors are
        sticky), so the buffers of the failed call are released here."""
        err = self.lib.accel_rt_error()
        if err is None:
            return None
        message = err.decode("utf-8", "replace")
        self.lib.accel_rt_clear_error()
        self.lib.accel_rt_release(mark)
        return message

    def stats(self):
        """The counters as a dict (keys as in accel_rt_stats)."""
        s = Stats()
        self.lib.accel_rt_get_stats(ctypes.byref(s))
        return {name: getattr(s, name) for name, _ in Stats._fields_}


def load(path):
    """The Runtime at `path`, loaded once per process; raises OSError."""
    if path not in _loaded:
        _loaded[path] = Runtime(path)
    return _loaded[path]
