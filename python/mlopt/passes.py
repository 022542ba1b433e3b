"""Pass pipelines from ml-opt's flag text, and the list of mlopt's passes."""
import collections

from . import _capi as C
from ._native import CapturedStderr
from .errors import Diagnostic, MloptError

PassInfo = collections.namedtuple("PassInfo", "flag value_help summary")
PassInfo.__doc__ = """One pass: its `flag` (used as --flag[=VALUE]), the
`value_help` of its value ("" when it takes none), a one-line `summary`."""


def _info(p):
    return PassInfo(p.flag.str(), p.valueHelp.str(), p.summary.str())


def passes():
    """mlopt's own passes, in the order `ml-opt --help` lists them, as
    PassInfo(flag, value_help, summary)."""
    return [_info(C.mloptGetPass(i)) for i in range(C.mloptGetNumPasses())]


def upstream_passes():
    """The upstream MLIR passes this build knows, sorted by flag, as
    PassInfo; every one is also usable in Module.run."""
    return [_info(C.mloptGetUpstreamPass(i))
            for i in range(C.mloptGetNumUpstreamPasses())]


def build(context_handle, text):
    """A new pass manager anchored on builtin.module holding the pipeline
    `text` (ml-opt flags or "builtin.module(...)"); the caller destroys it.
    Raises MloptError with mlopt's one message on a bad pipeline."""
    pm = C.mlirPassManagerCreateOnOperation(
        context_handle, C.string_ref(b"builtin.module"))
    sink = C.StringSink()
    ref = C.string_ref(text)
    # LLVM's option parser prints the reason for a bad option value on
    # stderr; fold it into the message as ml-opt does.
    with CapturedStderr() as captured:
        good = C.ok(C.mloptParsePipeline(
            C.mlirPassManagerGetAsOpPassManager(pm), ref, sink.callback, None))
    if good:
        captured.passthrough()
        return pm
    C.mlirPassManagerDestroy(pm)  # may hold part of the pipeline
    message = sink.text()
    extra = captured.text.lstrip(": \n").replace("\n", "; ")
    if extra:
        message += ": " + extra
    raise MloptError(message, [Diagnostic("error", message)])
