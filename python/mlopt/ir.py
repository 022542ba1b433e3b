"""Contexts and modules: parse MLIR text, print it, run pass pipelines.

A Context owns an MLIR context with every upstream dialect and mlopt's
(mlt, loop, accel) registered, and routes its diagnostics to the
operation in progress: errors become MloptError, warnings Python warnings,
remarks are kept on the Module. Python references keep native objects
valid: a Module keeps its Context alive, an Executable its Context; an
explicit close() of a Context closes what depends on it first.
"""
import contextlib
import os
import threading
import warnings
import weakref

from . import _capi as C
from . import errors, passes
from ._native import Owned, on_big_stack
from .errors import MloptError, MloptWarning

_passes_registered = False


class _DiagnosticRouter:
    """The diagnostic handler of one context: appends each diagnostic to
    the innermost active capture list (a stack, one per operation). Holds no
    reference to the Context, so it can outlive it safely."""

    def __init__(self):
        self.captures = []
        self.callback = C.DiagnosticHandler(self._on_diagnostic)

    def _on_diagnostic(self, diag, _user):
        try:
            d = errors.from_mlir(diag)
            if self.captures:
                self.captures[-1].append(d)
            elif d.severity in ("error", "warning"):
                warnings.warn(str(d), MloptWarning)
        except BaseException:  # never unwind into C++
            return 0
        return 1  # handled: nothing else prints it


def _destroy_context(state):
    handle, handler_id = state
    C.mlirContextDetachDiagnosticHandler(handle, handler_id)
    C.mlirContextDestroy(handle)


class Context:
    """An MLIR context with MLIR's and mlopt's dialects registered.

    `multithreading` lets MLIR run function passes in parallel (as ml-opt
    does by default); `allow_unregistered_dialects` accepts ops of unknown dialects.
    Usable as a context manager (closes on exit)."""

    def __init__(self, *, multithreading=True,
                 allow_unregistered_dialects=False):
        global _passes_registered
        if not _passes_registered:
            C.mloptRegisterAllPasses()  # idempotent; names upstream passes
            _passes_registered = True
        registry = C.mlirDialectRegistryCreate()
        C.mlirRegisterAllDialects(registry)
        C.mloptRegisterAllDialects(registry)
        handle = C.mlirContextCreateWithRegistry(registry, False)
        C.mlirDialectRegistryDestroy(registry)
        C.mlirContextEnableMultithreading(handle, bool(multithreading))
        C.mlirContextSetAllowUnregisteredDialects(
            handle, bool(allow_unregistered_dialects))
        C.mlirRegisterAllLLVMTranslations(handle)  # for the JIT
        self._router = _DiagnosticRouter()
        handler_id = C.mlirContextAttachDiagnosticHandler(
            handle, self._router.callback, None, None)
        # one operation at a time per context: diagnostics route per operation
        self._lock = threading.RLock()
        self._dependents = weakref.WeakSet()
        # the router (and its ctypes callback) lives until detached
        self._owned = Owned(self, (handle, handler_id), _destroy_context,
                            self._router)

    @property
    def closed(self):
        """True once close() has run."""
        return not self._owned.alive

    def close(self):
        """Closes every Module and Executable made in this context, then
        destroys the MLIR context. Idempotent; later use raises ValueError."""
        with self._lock:
            for dep in list(self._dependents):
                dep.close()
            self._owned.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<mlopt.Context%s>" % (" closed" if self.closed else "")

    def _handle(self):
        if not self._owned.alive:
            raise ValueError("the mlopt.Context is closed")
        return self._owned.handle[0]

    def _adopt(self, obj):
        """Records `obj` (with a close() method) as depending on us."""
        self._dependents.add(obj)

    @contextlib.contextmanager
    def _capture(self):
        """Collects the diagnostics MLIR reports inside the block (one
        operation at a time per context)."""
        with self._lock:
            self._handle()
            found = []
            self._router.captures.append(found)
            try:
                yield found
            finally:
                self._router.captures.pop()


_default = None


def default_context():
    """The Context Module.parse uses when given none (created on first use)."""
    global _default
    if _default is None or _default.closed:
        _default = Context()
    return _default


def _raise_errors(found, summary, sources):
    """Issues the warnings among `found`; raises MloptError if any error is
    among them or `summary` is set (the operation failed)."""
    errs = [d for d in found if d.severity == "error"]
    for d in found:
        if d.severity == "warning":
            warnings.warn(d.format(sources), MloptWarning, stacklevel=3)
    if errs or summary:
        raise MloptError(summary or errs[0].message, errs, sources)


def _destroy_module(handle):
    C.mlirModuleDestroy(handle)


class Module:
    """An MLIR module (a builtin.module), owned by Python.

    Make one with Module.parse(text) or Module.parse_file(path). str(m) is
    its IR; m.run(pipeline) transforms it; m.compile() JIT-compiles a copy
    of it into an Executable. `remarks` holds the remarks of the last
    parse or run (passes explain their decisions there)."""

    def __init__(self, *args, **kwargs):
        raise TypeError("create modules with mlopt.Module.parse(text) or "
                        "mlopt.Module.parse_file(path)")

    @classmethod
    def _wrap(cls, context, handle, name, source):
        m = cls.__new__(cls)
        m._context = context
        m.name = name
        m._source = source
        m.remarks = []
        m._owned = Owned(m, handle, _destroy_module, context)
        context._adopt(m)
        return m

    @classmethod
    def parse(cls, text, context=None, name="<string>"):
        """Parses MLIR text (str or bytes) into a Module in `context` (the
        default context if None). `name` is the file name locations carry,
        so diagnostics read `name:line:col: error: ...`. Top-level ops
        other than one builtin.module are wrapped in an implicit module.
        Raises MloptError with the located diagnostics if the text is
        malformed or does not verify."""
        ctx = context if context is not None else default_context()
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        source = data.decode("utf-8", "replace")
        with ctx._capture() as found:
            handle = on_big_stack(C.mloptParseModule, ctx._handle(),
                                  C.string_ref(data), C.string_ref(name))
        sources = {name: source}
        if not handle:
            _raise_errors(found, "cannot parse %s" % name, sources)
        m = cls._wrap(ctx, handle, name, source)
        _raise_errors(found, None, sources)
        m.remarks = [d for d in found if d.severity == "remark"]
        return m

    @classmethod
    def parse_file(cls, path, context=None):
        """Reads and parses a .mlir file; locations carry `path` as given."""
        with open(path, "rb") as f:
            data = f.read()
        return cls.parse(data, context=context, name=os.fspath(path))

    @property
    def context(self):
        """The Context the module lives in."""
        return self._context

    @property
    def closed(self):
        """True once close() has run (or its Context was closed)."""
        return not self._owned.alive

    def close(self):
        """Destroys the native module now; idempotent. Executables compiled
        from it stay usable."""
        self._owned.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _handle(self):
        if not self._owned.alive:
            raise ValueError("the mlopt.Module is closed")
        self._context._handle()
        return self._owned.handle

    def _operation(self):
        return C.mlirModuleGetOperation(self._handle())

    def _sources(self):
        return {self.name: self._source}

    def print(self, generic=False, debug_info=False):
        """The module's IR as text; `generic` prints the generic op form,
        `debug_info` adds locations."""
        with self._context._capture():
            flags = C.mlirOpPrintingFlagsCreate()
            try:
                if generic:
                    C.mlirOpPrintingFlagsPrintGenericOpForm(flags)
                if debug_info:
                    C.mlirOpPrintingFlagsEnableDebugInfo(flags, True, False)
                sink = C.StringSink()
                on_big_stack(C.mlirOperationPrintWithFlags, self._operation(),
                             flags, sink.callback, None)
            finally:
                C.mlirOpPrintingFlagsDestroy(flags)
        return sink.text()

    def __str__(self):
        return self.print()

    def __repr__(self):
        return "<mlopt.Module %s%s>" % (self.name,
                                        " closed" if self.closed else "")

    def clone(self):
        """An independent deep copy in the same context."""
        with self._context._capture():
            op = C.mlirOperationClone(self._operation())
            handle = C.mlirModuleFromOperation(op)
        clone = Module._wrap(self._context, handle, self.name, self._source)
        return clone

    def verify(self):
        """Runs the verifier; raises MloptError with its diagnostics on
        failure, returns self otherwise."""
        with self._context._capture() as found:
            good = on_big_stack(C.mlirOperationVerify, self._operation())
        _raise_errors(found, None if good else "%s does not verify"
                      % self.name, self._sources())
        return self

    def run(self, pipeline, *, verify_each=True):
        """Runs a pass pipeline on the module in place and returns self.

        `pipeline` is ml-opt's flag text ("--fuse --tile=32", any upstream
        pass as --name[=options], -O2) or a textual pipeline
        ("builtin.module(canonicalize,cse)"). On failure raises MloptError
        and leaves the module as it was (the passes run on a copy that
        replaces the module only on success). The remarks the passes emit
        replace self.remarks."""
        ctx = self._context
        with ctx._capture() as found:
            pm = passes.build(ctx._handle(), pipeline)
            try:
                if not verify_each:
                    C.mlirPassManagerEnableVerifier(pm, False)
                work = C.mlirOperationClone(self._operation())
                good = C.ok(on_big_stack(C.mlirPassManagerRunOnOp, pm, work))
            finally:
                C.mlirPassManagerDestroy(pm)
            if good:
                self._owned.replace(C.mlirModuleFromOperation(work))
            else:
                C.mlirModuleDestroy(C.mlirModuleFromOperation(work))
        _raise_errors(found, None if good else "pipeline %r failed on %s"
                      % (pipeline, self.name), self._sources())
        self.remarks = [d for d in found if d.severity == "remark"]
        return self

    @property
    def functions(self):
        """Names of the func.func functions the module defines, in order."""
        from .signature import defined_functions
        with self._context._capture():
            return [name for name, _ in defined_functions(self._handle())]

    def compile(self, opt=3, pipeline="-O2", threads=None):
        """JIT-compiles a copy of the module (it is left unchanged) and
        returns an Executable whose functions take and return NumPy arrays.

        `pipeline` lowers the copy to the llvm dialect (default "-O2", the
        CPU pipeline; "--lower-to-loops --lower-to-llvm" is the plain one);
        `opt` is LLVM's optimization level 0-3; `threads` is the OpenMP
        thread count for parallel loops (None: libomp's default)."""
        from .execution import compile_module
        return compile_module(self, opt, pipeline, threads)

    def emit(self, kind="llvm", opt=3, triple="", cpu=""):
        """Translates a module already in the llvm dialect (after
        --lower-to-llvm) to `kind`: "llvm" (LLVM IR text), "asm",
        "header" (C prototypes of the entry points), all as str, or "obj"
        (an object file, bytes). `triple`/`cpu` default to the host's."""
        if kind not in C.EMIT_KINDS:
            raise ValueError("emit kind must be one of %s, not %r"
                             % (", ".join(C.EMIT_KINDS), kind))
        t, c = C.string_ref(triple), C.string_ref(cpu)
        options = C.TargetOptions(t, c, int(opt))  # t, c keep the bytes
        sink = C.StringSink()
        with self._context._capture() as found:
            good = C.ok(on_big_stack(C.mloptEmit, self._handle(),
                                     C.EMIT_KINDS[kind], options,
                                     sink.callback, None))
        _raise_errors(found, None if good else "cannot emit %s" % kind,
                      self._sources())
        data = b"".join(sink.chunks)
        return data if kind == "obj" else data.decode("utf-8", "replace")
