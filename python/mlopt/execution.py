"""Compiled code: Module.compile() lowers a copy of a module, JIT-compiles
it with MLIR's ExecutionEngine, and returns an Executable whose functions
take NumPy arrays and return NumPy arrays.

Arguments are checked (count, dtype, shape, layout) before any call and
passed without copying; outputs are allocated here with numpy.empty and
passed as the trailing out-memrefs of the destination-passing convention
(signature.py)."""
import ctypes

import numpy as np

from . import _capi as C
from . import _accel, _openmp, passes
from . import signature as sig_mod
from ._native import CapturedStderr, Owned, on_big_stack
from .errors import Diagnostic, MloptError


def _describe(slot, fn):
    if slot.is_buffer:
        return "%s of @%s (%s: shape %s, dtype %s%s)" % (
            slot.name, fn, slot.type, slot.shape, slot.dtype,
            " holding bf16 bits" if slot.is_bf16 else "")
    return "%s of @%s (%s: a %s scalar)" % (slot.name, fn, slot.type,
                                             slot.dtype)


def _check_buffer(value, slot, fn):
    """`value` as a C-contiguous ndarray matching `slot`, or raises."""
    what = _describe(slot, fn)
    if isinstance(value, np.generic) and slot.shape == () and \
            not slot.is_memref:
        value = np.asarray(value)  # a 0-d tensor from a NumPy scalar
    if not isinstance(value, np.ndarray):
        raise TypeError("%s must be a numpy.ndarray, not %s"
                        % (what, type(value).__name__))
    if value.dtype != slot.dtype and slot.is_bf16:
        raise TypeError("%s got dtype %s; NumPy has no bf16, so pass the bit "
                        "patterns as uint16 (for float32 values x: "
                        "(x.view(np.uint32) >> 16).astype(np.uint16), which "
                        "truncates)" % (what, value.dtype))
    if value.dtype != slot.dtype:
        raise TypeError("%s got dtype %s; convert it with .astype(np.%s)"
                        % (what, value.dtype, "bool_" if slot.dtype.kind ==
                           "b" else slot.dtype))
    if value.shape != slot.shape:
        raise ValueError("%s got shape %s" % (what, value.shape))
    if not value.flags.c_contiguous or not value.flags.aligned:
        raise ValueError("%s got a non-contiguous or unaligned array; pass "
                         "np.ascontiguousarray(a)" % what)
    if slot.is_memref and not value.flags.writeable:
        raise ValueError("%s got a read-only array, but the function may "
                         "write a memref argument" % what)
    return value


def _check_scalar(value, slot, fn):
    """`value` as a 0-d array of the slot's dtype, or raises."""
    what = _describe(slot, fn)
    if isinstance(value, (np.ndarray, np.generic)):
        if value.shape != () or value.dtype != slot.dtype:
            raise TypeError("%s got a %s array of shape %s" % (
                what, value.dtype, value.shape))
        return np.array(value)
    kind = slot.dtype.kind
    if kind == "b":
        if not isinstance(value, bool):
            raise TypeError("%s must be a bool, not %s" % (
                what, type(value).__name__))
        return np.array(value, dtype=slot.dtype)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            (kind in "iu" and not isinstance(value, int)):
        raise TypeError("%s must be a %s, not %s" % (
            what, "float" if kind == "f" else "bf16 bit pattern (an int)"
            if slot.is_bf16 else "int", type(value).__name__))
    if kind in "iu":
        info = np.iinfo(slot.dtype)
        if not info.min <= value <= info.max:
            raise OverflowError("%s: %d is out of range" % (what, value))
    return np.array(value, dtype=slot.dtype)


class Function:
    """A compiled function: call it with NumPy arrays (and Python or NumPy
    scalars) in the order of its arguments. Returns its one output, a tuple
    of outputs, or None. `signature` describes inputs and outputs."""

    def __init__(self, executable, sig):
        self._exe = executable
        self.signature = sig
        self.name = sig.name
        self._fn = None  # the packed wrapper, looked up on first call

    @property
    def inputs(self):
        """The input Slots, in argument order."""
        return list(self.signature.inputs)

    @property
    def outputs(self):
        """The output Slots: tensor results, then a scalar result."""
        return list(self.signature.outputs)

    def __repr__(self):
        return "<mlopt.Function %s>" % self.signature

    def _check_args(self, args):
        sig = self.signature
        if sig.error:
            raise TypeError("cannot call @%s from Python: %s"
                            % (self.name, sig.error))
        if len(args) != len(sig.inputs):
            raise TypeError("@%s takes %d argument%s (%s) but %d %s given" % (
                self.name, len(sig.inputs), "" if len(sig.inputs) == 1
                else "s", ", ".join(s.type for s in sig.inputs), len(args),
                "was" if len(args) == 1 else "were"))
        return [_check_buffer(a, s, self.name) if s.is_buffer
                else _check_scalar(a, s, self.name)
                for a, s in zip(args, sig.inputs)]

    def __call__(self, *args):
        sig = self.signature
        values = self._check_args(args)
        fn = self._exe._lookup(self)
        outs = [np.empty(s.shape, s.dtype) for s in sig.outputs]
        buffers = values + outs[:len(sig.params) - len(values)]
        n = len(sig.params)
        packed = (ctypes.c_void_p * (n + 1))()
        # memref descriptors {allocated, aligned, offset, sizes, strides},
        # row-major, and the pointers to them the packed wrapper loads
        descs = [None] * n
        ptrs = (ctypes.c_void_p * max(n, 1))()
        for i, (slot, a) in enumerate(zip(sig.params, buffers)):
            data = a.ctypes.data
            if not slot.is_buffer:
                packed[i] = data  # the wrapper loads the scalar from here
                continue
            strides = [1] * len(slot.shape)
            for d in range(len(slot.shape) - 2, -1, -1):
                strides[d] = strides[d + 1] * slot.shape[d + 1]
            descs[i] = (ctypes.c_int64 * (3 + 2 * len(slot.shape)))(
                data, data, 0, *slot.shape, *strides)
            ptrs[i] = ctypes.addressof(descs[i])
            packed[i] = ctypes.addressof(ptrs) + i * ctypes.sizeof(
                ctypes.c_void_p)
        if sig.ret is not None:
            packed[n] = outs[-1].ctypes.data  # the scalar result lands here
        self._exe._call(fn, packed)
        if sig.ret is not None:
            outs[-1] = outs[-1][()]
        if not outs:
            return None
        return outs[0] if len(outs) == 1 else tuple(outs)


def _destroy_engine(handle):
    C.mlirExecutionEngineDestroy(handle)


class Executable:
    """A JIT-compiled module. Its functions are attributes (exe.matmul),
    items (exe["matmul"]) or exe.invoke("matmul", ...); `functions` maps
    names to Function objects. Keeps its Context alive; close() frees the
    machine code (idempotent)."""

    def __init__(self, context, engine, signatures, threads, libomp,
                 opt, pipeline, accel=None):
        self._context = context
        self.opt = opt
        self.pipeline = pipeline
        self.threads = threads
        self._libomp = libomp
        self._accel = accel  # the accelerator Runtime, if the code calls it
        self._accel_stats = None
        self._owned = Owned(self, engine, _destroy_engine, context)
        self.functions = {s.name: Function(self, s) for s in signatures}
        context._adopt(self)

    @property
    def closed(self):
        """True once close() has run (or its Context was closed)."""
        return not self._owned.alive

    @property
    def openmp(self):
        """True if the code runs parallel loops on OpenMP threads."""
        return bool(self._libomp)

    @property
    def accel(self):
        """True if the code calls the accelerator runtime (it was lowered
        by --lower-accel-to-llvm)."""
        return self._accel is not None

    def accel_stats(self):
        """The accelerator runtime's counters for this executable's last
        call, as a dict with the keys of accel_rt_stats (cycles,
        pe_utilization as a fraction, macs, bytes_in, bytes_out,
        dma_in_count, dma_out_count, matmul_count, pe_busy_cycles,
        load_busy_cycles, store_busy_cycles, pe_rows, pe_cols); None before
        the first call or when the code makes no runtime calls."""
        return dict(self._accel_stats) if self._accel_stats else None

    def close(self):
        """Frees the JIT-compiled code; calling a function afterwards raises
        ValueError."""
        self._owned.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<mlopt.Executable %s%s>" % (
            ", ".join(sorted(self.functions)), " closed" if self.closed
            else "")

    def _missing(self, name):
        have = ", ".join("@" + n for n in self.functions) or "no functions"
        return "no function @%s in the compiled module; it defines %s" % (
            name, have)

    def __getitem__(self, name):
        try:
            return self.functions[name]
        except KeyError:
            raise KeyError(self._missing(name)) from None

    def __getattr__(self, name):
        functions = self.__dict__.get("functions")
        if functions is None or name.startswith("__"):
            raise AttributeError(name)
        try:
            return functions[name]
        except KeyError:
            raise AttributeError(self._missing(name)) from None

    def __dir__(self):
        return list(super().__dir__()) + list(self.functions)

    def invoke(self, name, *args):
        """Calls function `name` with `args`; the same as self[name](*args)."""
        return self[name](*args)

    def _lookup(self, function):
        if not self._owned.alive:
            raise ValueError("the mlopt.Executable is closed")
        if function._fn is None:
            addr = C.mlirExecutionEngineLookupPacked(
                self._owned.handle, C.string_ref("_mlir_ciface_" +
                                                 function.name))
            if not addr:
                raise MloptError("the JIT could not link @%s"
                                 % function.name)
            function._fn = C.PackedFunction(addr)
        return function._fn

    def _call(self, fn, packed):
        if self._libomp:
            _openmp.set_threads(self.threads)
        if self._accel is None:
            fn(packed)  # ctypes releases the GIL for the call
            return
        # The runtime's state is the process's: one call at a time, its
        # error cleared and counters reset before, both read after.
        with _accel.lock:
            mark = self._accel.before_call()
            fn(packed)
            self._accel_stats = self._accel.stats()
            error = self._accel.after_call(mark)
        if error is not None:
            raise MloptError("accelerator runtime: " + error)


def _lower_and_jit(module, opt, pipeline, sigs):
    """Runs `pipeline` on a copy of `module`, checks the C interfaces of
    `sigs`, creates the engine. Returns (engine, libomp path or None, the
    accelerator Runtime or None); raises MloptError. Runs on the big stack
    inside a diagnostics capture."""
    ctx = module.context
    pm = passes.build(ctx._handle(), pipeline)
    work = C.mlirModuleFromOperation(C.mlirOperationClone(module._operation()))
    try:
        good = C.ok(C.mlirPassManagerRunOnOp(pm, C.mlirModuleGetOperation(work)))
        if not good:
            return None, None, None
        left = [name for name, _ in sig_mod.defined_functions(work)]
        if left:
            message = ("after the pipeline @%s is still a func.func: the "
                       "pipeline must lower it to the llvm dialect (functions "
                       "on tensors need bufferizing first, e.g. by "
                       "--lower-to-loops; then --lower-to-llvm)" % left[0])
            raise MloptError(message, [Diagnostic("error", message)])
        funcs = sig_mod.llvm_functions(work)
        for sig in sigs:
            if sig.error is None:
                sig.error = sig_mod.check_lowered(sig, funcs)
        libs = []
        libomp = None
        if _openmp.has_openmp(C.mlirModuleGetOperation(work)):
            libomp = _openmp.library_path()
            if not libomp:
                raise MloptError("the module runs loops on OpenMP threads but "
                                 "libomp was not found (install "
                                 "libomp-22-dev or set MLOPT_LIBOMP)")
            libs.append(C.string_ref(libomp))
        accel = None
        if _accel.uses_runtime(work):
            path = _accel.library_path()
            try:
                if not path:
                    raise OSError("libmlopt_accel_rt.so was not found beside "
                                  "libmlopt.so nor on the system's path")
                accel = _accel.load(path)  # RTLD_GLOBAL: the JIT finds it
            except OSError as e:
                message = ("the module calls the accelerator runtime "
                           "(accel_rt_*) but it cannot be loaded: %s (build "
                           "the mlopt_accel_rt target, or set MLOPT_ACCEL_RT "
                           "to a library implementing "
                           "runtime/accel/accel_rt.h)" % e)
                raise MloptError(message, [Diagnostic("error", message)])
        paths = (C.StringRef * max(len(libs), 1))(*libs)
        with CapturedStderr() as jit_errors:
            engine = C.mlirExecutionEngineCreate(work, int(opt), len(libs),
                                                 paths, False, False)
        if not engine:
            message = "the JIT could not compile the lowered module" + (
                ": " + jit_errors.text if jit_errors.text else "")
            raise MloptError(message, [Diagnostic("error", message)])
        jit_errors.passthrough()
        C.mlirExecutionEngineInitialize(engine)  # global constructors
        return engine, libomp, accel
    finally:
        C.mlirPassManagerDestroy(pm)
        C.mlirModuleDestroy(work)  # the engine does not need it


def compile_module(module, opt, pipeline, threads):
    """Module.compile: see there."""
    if opt not in (0, 1, 2, 3):
        raise ValueError("opt must be 0, 1, 2 or 3, not %r" % (opt,))
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ValueError("threads must be a positive int or None, not %r"
                         % (threads,))
    ctx = module.context
    from .ir import _raise_errors
    with ctx._capture() as found:
        sigs = [sig_mod.read(name, op)
                for name, op in sig_mod.defined_functions(module._handle())]
        try:
            engine, libomp, accel = on_big_stack(_lower_and_jit, module,
                                                 opt, pipeline, sigs)
        except MloptError as e:
            if not any(d.severity == "error" for d in found):
                raise
            # a JIT failure after located errors (e.g. an op LLVM cannot
            # translate): report those, then the JIT's message
            found.extend(e.diagnostics or [Diagnostic("error", e.summary)])
            engine = libomp = accel = None
    try:
        _raise_errors(found, None if engine else "pipeline %r failed on %s"
                      % (pipeline, module.name), module._sources())
    except MloptError:
        if engine:
            C.mlirExecutionEngineDestroy(engine)
        raise
    if libomp:
        _openmp.runtime(libomp)
    return Executable(ctx, engine, sigs, threads, libomp, opt, pipeline,
                      accel)
