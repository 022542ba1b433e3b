"""Helpers around native calls: running MLIR work on a thread with a big
stack, folding what LLVM prints on stderr into our messages, and owning a
native handle that is released exactly once."""
import os
import sys
import tempfile
import threading
import weakref

# MLIR recurses once per nesting level when parsing, verifying and
# printing; ml-opt runs on a 512 MiB stack for the same reason (deeply
# nested input would overflow the main thread's 8 MiB and kill Python).
_STACK_BYTES = 512 << 20
_stack_lock = threading.Lock()


def on_big_stack(fn, *args):
    """Calls fn(*args) on a new thread with a 512 MiB stack and returns its
    result or raises its exception. The caller waits even through Ctrl-C,
    so no native call is cut short while it uses the objects it was given."""
    result = {}

    def target():
        try:
            result["value"] = fn(*args)
        except BaseException as e:  # re-raised in the caller
            result["error"] = e

    with _stack_lock:  # stack_size() is process-wide: set it, then restore
        old = threading.stack_size(_STACK_BYTES)
        try:
            t = threading.Thread(target=target, name="mlopt")
            t.start()
        finally:
            threading.stack_size(old)
    interrupted = None
    while t.is_alive():
        try:
            t.join()
        except KeyboardInterrupt as e:
            interrupted = e
    if "error" in result:
        raise result["error"]
    if interrupted is not None:
        raise interrupted
    return result.get("value")


class CapturedStderr:
    """Redirects file descriptor 2 to a temporary file while active, so the
    lines LLVM writes straight to stderr (bad pass options, JIT link errors)
    can go into an exception's message; `text` holds them afterwards."""

    def __init__(self):
        self.text = ""

    def __enter__(self):
        sys.stderr.flush()
        self._file = tempfile.TemporaryFile()
        self._saved = os.dup(2)
        os.dup2(self._file.fileno(), 2)
        return self

    def __exit__(self, *exc):
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._file.seek(0)
        self.text = self._file.read().decode("utf-8", "replace").strip()
        self._file.close()
        return False

    def passthrough(self):
        """Writes the captured text back to stderr (not ours to swallow)."""
        if self.text:
            sys.stderr.write(self.text + "\n")


class Owned:
    """A native handle and the function that destroys it. `release()` (or
    garbage collection of `owner`, or interpreter exit) destroys it once;
    `keep` holds Python objects the handle depends on (a context, a
    callback) until then. `handle` is None once released."""

    def __init__(self, owner, handle, destroy, *keep):
        self.handle = handle
        self._destroy_fn = destroy
        self._finalizer = weakref.finalize(owner, Owned._destroy, self,
                                           destroy, keep)

    @staticmethod
    def _destroy(box, destroy, keep):
        handle, box.handle = box.handle, None
        if handle is not None:
            destroy(handle)

    def replace(self, handle):
        """Destroys the current handle and owns `handle` instead."""
        old, self.handle = self.handle, handle
        if old is not None:
            self._destroy_fn(old)

    def release(self):
        self._finalizer()

    @property
    def alive(self):
        return self.handle is not None
