#!/usr/bin/env python3
"""ONNX conformance: runs ONNX's own backend test data (Debian's
libonnx-testdata) through mlopt and compares with the expected outputs.

For every test directory (model.onnx + test_data_set_*/input_K.pb,
output_K.pb) under the data directories node, pytorch-converted,
pytorch-operator and simple: mlopt.import_onnx -> Module.compile() (-O2)
-> call the graph's function on each data set's inputs -> compare with its
outputs (rtol 1e-4, atol 1e-5 for floats unless TOLERANCES says
otherwise; integers and bools exactly; shapes and dtypes must match).

An import that says an operand "must be a constant" naming graph input
'X' is retried with X frozen to the data set's value (what a user does
with --const), and inputs with symbolic dims are pinned to the data
set's shapes (--shape). Each test ends in one category:

  pass            every data set matches
  fail            import error, compile error, mismatch, crash, timeout
  unsupported-op  the importer said "unsupported ONNX op '...'"
  unsupported     another "unsupported ..." (attribute, element type)

Tests run in worker subprocesses (--jobs of them), one test at a time
each, under a timeout: a crash or a hang fails that test only, and the
worker is replaced. The onnx Python package is used only to read the
test data (the model's input list and the .pb tensors); the mlopt package
does the importing. test/onnx/README.md has the options.
"""
import argparse
import collections
import glob
import importlib
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = "/usr/share/libonnx-testdata/data"
SUITES = ("node", "pytorch-converted", "pytorch-operator", "simple")
CATEGORIES = ("pass", "fail", "unsupported-op", "unsupported")
EXPECTED = os.path.join(HERE, "expected-pass.txt")
STATUS = os.path.join(HERE, "STATUS.md")

RTOL, ATOL = 1e-4, 1e-5
# Looser float tolerances, by test id regex: (regex, rtol, atol, reason).
# The first match wins; keep one line of reason per entry.
TOLERANCES = [
    (r"^node/test_cast_FLOAT_to_BFLOAT16$", 2 ** -7, ATOL,
     "ONNX 1.12's expected bf16 values truncate f32; mlopt rounds to "
     "nearest even (later ONNX's rule): one bf16 ulp (2^-8 relative)"),
]

# A worker is replaced after this many tests (bounds what a long-lived
# process accumulates: JIT code, MLIR's uniqued types and attributes).
TESTS_PER_WORKER = 150


# ---------------------------------------------------------------------------
# Reading the test data (the worker side)

# TensorProto.DataType BFLOAT16: NumPy has none, so ONNX's test data and
# mlopt's calling convention both hold its bits in uint16 arrays.
BFLOAT16 = 16


def bf16_to_f32(bits):
    """bfloat16 bits (uint16) as float32 values."""
    import numpy as np
    return (bits.astype(np.uint32) << 16).view(np.float32)


class ModelInfo:
    """What the runner needs of a model: its non-initializer inputs (name,
    value kind "tensor_type"/"sequence_type"/..., static shape or None),
    its output names and the op types of its top-level nodes."""

    def __init__(self, path):
        import onnx
        model = onnx.load(path)
        graph = model.graph
        inits = {t.name for t in graph.initializer}
        self.inputs = []
        for vi in graph.input:
            if vi.name in inits:
                continue
            kind = vi.type.WhichOneof("value")
            static = None
            if kind == "tensor_type" and vi.type.tensor_type.HasField("shape"):
                dims = vi.type.tensor_type.shape.dim
                if all(d.HasField("dim_value") for d in dims):
                    static = tuple(d.dim_value for d in dims)
            self.inputs.append((vi.name, kind, static))
        self.outputs = [vi.name for vi in graph.output]
        self.output_kinds = [vi.type.WhichOneof("value")
                             for vi in graph.output]
        self.output_bf16 = [vi.type.tensor_type.elem_type == BFLOAT16
                            for vi in graph.output]
        self.ops = sorted({n.op_type for n in graph.node})


def read_tensor(path):
    """A .pb TensorProto as a writeable, C-contiguous NumPy array."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    proto = onnx.TensorProto()
    with open(path, "rb") as f:
        proto.ParseFromString(f.read())
    return np.array(numpy_helper.to_array(proto), order="C", copy=True)


def read_data_set(directory, info):
    """(inputs, outputs) of one test_data_set_* directory: lists of arrays
    (None for a value that is not a tensor, a sequence or an optional,
    which the runner can neither pass nor compare)."""
    inputs = []
    for k, (_, kind, _) in enumerate(info.inputs):
        path = os.path.join(directory, "input_%d.pb" % k)
        inputs.append(read_tensor(path) if kind == "tensor_type" else None)
    outputs = []
    for k, kind in enumerate(info.output_kinds):
        path = os.path.join(directory, "output_%d.pb" % k)
        outputs.append(read_tensor(path) if kind == "tensor_type" else None)
    return inputs, outputs


# ---------------------------------------------------------------------------
# Comparing and classifying

def tolerance(test_id):
    """(rtol, atol) for a test's float outputs."""
    for regex, rtol, atol, _reason in TOLERANCES:
        if re.search(regex, test_id):
            return rtol, atol
    return RTOL, ATOL


def compare(got, want, rtol=RTOL, atol=ATOL, bf16=False):
    """None if `got` matches `want` (same dtype and shape; integers and
    bools equal; floats within atol + rtol * |want|, NaN where NaN is
    expected, infinities equal), else a one-line reason. With `bf16`,
    uint16 arrays hold bfloat16 bits and are compared as floats."""
    import numpy as np
    got = np.asarray(got)
    if got.dtype != want.dtype:
        return "dtype %s, expected %s" % (got.dtype, want.dtype)
    if got.shape != want.shape:
        return "shape %s, expected %s" % (got.shape, want.shape)
    if want.size == 0:
        return None
    if bf16 and want.dtype == np.uint16:
        got, want = bf16_to_f32(got), bf16_to_f32(want)
    if want.dtype.kind in "biu":
        bad = got != want
        if not bad.any():
            return None
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        return "%d of %d elements differ (exact compare), first at %s: %s, " \
            "expected %s" % (int(bad.sum()), want.size, idx, got[idx],
                             want[idx])
    if want.dtype.kind != "f":
        return None if np.array_equal(got, want) else "values differ"
    g, w = got.astype(np.float64), want.astype(np.float64)
    nan_g, nan_w = np.isnan(g), np.isnan(w)
    with np.errstate(invalid="ignore", over="ignore"):
        err = np.abs(g - w)
        bad = err > atol + rtol * np.abs(w)
        inf = np.isinf(w) | np.isinf(g)
        bad = np.where(inf, g != w, bad)
    bad = np.where(nan_w | nan_g, nan_w != nan_g, bad)
    if not bad.any():
        return None
    finite = ~(nan_w | nan_g | np.isinf(w) | np.isinf(g))
    abs_err = float(err[finite].max()) if finite.any() else float("nan")
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = err / np.abs(w)
    rel_err = float(rel[finite & (w != 0)].max()) \
        if (finite & (w != 0)).any() else float("nan")
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    return "%d of %d elements differ, max abs err %.3g, max rel err %.3g " \
        "(rtol %g, atol %g), first at %s: %r, expected %r" % (
            int(bad.sum()), want.size, abs_err, rel_err, rtol, atol, idx,
            float(g[idx]), float(w[idx]))


UNSUPPORTED_OP = re.compile(r"unsupported ONNX op '([^']*)'")
MUST_BE_CONSTANT = re.compile(r"must be a constant.*?graph input '([^']*)'"
                              r"|graph input '([^']*)'.*?must be a constant",
                              re.S)


def classify_error(message):
    """(category, detail) of an import error message: ("unsupported-op",
    op), ("unsupported", message) or ("fail", message)."""
    first = message.strip().splitlines()[0] if message.strip() else message
    m = UNSUPPORTED_OP.search(first)
    if m:
        return "unsupported-op", m.group(1)
    if re.search(r"(^|: )unsupported ", first):
        return "unsupported", first
    return "fail", first


def constant_input(message):
    """The graph input an import error says must be a constant, or None."""
    m = MUST_BE_CONSTANT.search(message)
    return (m.group(1) or m.group(2)) if m else None


def error_message(err):
    """The first error diagnostic's message of an MloptError (or its
    text), one line."""
    diags = [d for d in getattr(err, "diagnostics", ())
             if d.severity == "error"]
    text = diags[0].message if diags else str(err)
    return " ".join(text.split("\n")[0].split()) or type(err).__name__


def short(text, limit=300):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


# ---------------------------------------------------------------------------
# One test (in a worker)

def run_test(test_id, directory, mlopt):
    """Runs one test; returns a result dict: id, category, reason (for
    everything but pass), ops (unsupported ops), frozen and pinned input
    names, seconds."""
    start = time.monotonic()
    result = {"id": test_id, "category": "pass", "reason": "",
              "ops": [], "frozen": [], "pinned": []}
    try:
        _run_test(result, directory, mlopt)
    except Exception as e:  # a runner problem is reported, not fatal
        result["category"] = "fail"
        result["reason"] = short("runner: %s: %s" % (type(e).__name__, e))
    result["seconds"] = round(time.monotonic() - start, 3)
    return result


def _unsupported_ops(model, mlopt, ctx):
    """Every op check_onnx_support names (all of them, not the first)."""
    ops = []
    try:
        for d in mlopt.check_onnx_support(model, context=ctx):
            m = UNSUPPORTED_OP.search(d.message)
            if m and m.group(1) not in ops:
                ops.append(m.group(1))
    except mlopt.MloptError:
        pass
    return ops


def _ops_reason(ops):
    return "unsupported ONNX op%s %s" % ("s" if len(ops) > 1 else "",
                                         ", ".join(ops))


def _run_test(result, directory, mlopt):
    model_path = os.path.join(directory, "model.onnx")
    info = ModelInfo(model_path)
    with open(model_path, "rb") as f:
        model = f.read()
    data_sets = sorted(glob.glob(os.path.join(directory, "test_data_set_*")))
    if not data_sets:
        result.update(category="fail", reason="no test_data_set_* directory")
        return
    names = [name for name, _, _ in info.inputs]
    frozen_names = []
    compiled = {}  # (pins, frozen values) -> (Executable, function name)
    rtol, atol = tolerance(result["id"])
    with mlopt.Context(multithreading=False) as ctx:
        for data_dir in data_sets:
            ds = os.path.basename(data_dir)
            inputs, outputs = read_data_set(data_dir, info)
            pins = {name: tuple(int(d) for d in a.shape)
                    for (name, kind, static), a in zip(info.inputs, inputs)
                    if kind == "tensor_type" and static is None
                    and a is not None}
            empty = sorted(n for n, shape in pins.items() if 0 in shape)
            if empty:  # --shape takes positive dims only
                ops = _unsupported_ops(model, mlopt, ctx)
                if ops:
                    result.update(category="unsupported-op", ops=ops,
                                  reason=_ops_reason(ops))
                else:
                    result.update(category="unsupported", reason=(
                        "graph input '%s' has symbolic dims and is empty in "
                        "%s (shape %s): zero-size shapes cannot be pinned"
                        % (empty[0], ds, pins[empty[0]])))
                return
            # import, freezing inputs the importer needs as constants
            while True:
                frozen = {n: inputs[names.index(n)] for n in frozen_names}
                key = (tuple(sorted(pins.items())),
                       tuple((n, a.dtype.str, a.shape, a.tobytes())
                             for n, a in sorted(frozen.items())))
                if key in compiled:
                    break
                try:
                    m = mlopt.import_onnx(model, shapes=pins, constants=frozen,
                                          name=model_path, context=ctx)
                except mlopt.MloptError as e:
                    message = error_message(e)
                    name = constant_input(str(e))
                    if name in names and name not in frozen_names and \
                            inputs[names.index(name)] is not None:
                        frozen_names.append(name)
                        continue
                    category, detail = classify_error(message)
                    if category == "unsupported-op":
                        ops = _unsupported_ops(model, mlopt, ctx)
                        if detail not in ops:
                            ops.insert(0, detail)
                        result.update(category=category, ops=ops,
                                      reason=_ops_reason(ops))
                    else:
                        result.update(category=category, reason=short(
                            detail if category == "unsupported"
                            else "import: " + detail))
                    return
                functions = m.functions
                if len(functions) != 1:
                    result.update(category="fail", reason=short(
                        "import: expected one function, got %s" % functions))
                    return
                try:
                    exe = m.compile(threads=1)
                except mlopt.MloptError as e:
                    result.update(category="fail", reason=short(
                        "compile: " + error_message(e)))
                    return
                finally:
                    m.close()
                compiled[key] = (exe, functions[0])
                break
            result["frozen"] = list(frozen_names)
            result["pinned"] = sorted(pins)
            exe, fname = compiled[key]
            fn = exe[fname]
            for (name, kind, static), a in zip(info.inputs, inputs):
                if static is not None and a is not None and \
                        tuple(a.shape) != static:
                    result.update(category="fail", reason=short(
                        "data: %s gives graph input '%s' shape %s, but the "
                        "model declares %s" % (ds, name, tuple(a.shape),
                                               static)))
                    return
            args = [a for n, a in zip(names, inputs) if n not in frozen_names]
            if any(a is None for a in args):
                result.update(category="fail", reason="runner: cannot pass a "
                              "non-tensor input (sequence or optional)")
                return
            try:
                got = fn(*args)
            except (TypeError, ValueError, mlopt.MloptError) as e:
                result.update(category="fail",
                              reason=short("call: %s" % e))
                return
            got = [] if got is None else \
                list(got) if isinstance(got, tuple) else [got]
            if len(got) != len(outputs):
                result.update(category="fail", reason="%s: %d outputs, "
                              "expected %d" % (ds, len(got), len(outputs)))
                return
            for k, (g, w) in enumerate(zip(got, outputs)):
                why = compare(g, w, rtol, atol, info.output_bf16[k]) \
                    if w is not None else \
                    "the runner cannot compare a non-tensor output"
                if why:
                    label = info.outputs[k] if k < len(info.outputs) else k
                    result.update(category="fail", reason=short(
                        "mismatch: %s output %d (%s): %s" % (ds, k, label,
                                                             why)))
                    return


def worker_main(library):
    """--worker: reads one JSON request per line on stdin ({"id", "dir"}),
    writes one JSON result per line on the original stdout. Anything the
    tests print goes to stderr."""
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    os.environ["MLOPT_LIBRARY"] = library
    sys.path.insert(0, os.path.join(ROOT, "python"))
    try:
        import mlopt
        importlib.import_module("onnx")  # reads the test data
        if not mlopt._capi.has("mloptImportOnnx"):
            raise ImportError("%s has no ONNX importer (built without "
                              "lib/onnx)" % library)
    except Exception as e:
        out.write(json.dumps({"fatal": "%s: %s" % (type(e).__name__, e)})
                  + "\n")
        return 2
    for line in sys.stdin:
        request = json.loads(line)
        print("== %s" % request["id"], file=sys.stderr, flush=True)
        out.write(json.dumps(run_test(request["id"], request["dir"], mlopt))
                  + "\n")
    return 0


# ---------------------------------------------------------------------------
# The worker pool (the parent side)

class Worker:
    """One worker subprocess; its stderr goes to a temporary file so a
    crash's last words can be quoted."""

    def __init__(self, argv, env):
        self.stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=self.stderr, env=env,
                                     start_new_session=True)
        self.buffer = b""
        self.test = None
        self.deadline = None
        self.started = 0.0
        self.err_offset = 0
        self.done = 0

    def send(self, test_id, directory, timeout):
        self.test = test_id
        self.started = time.monotonic()
        self.deadline = self.started + timeout
        self.err_offset = os.fstat(self.stderr.fileno()).st_size
        self.proc.stdin.write((json.dumps({"id": test_id, "dir": directory})
                               + "\n").encode())
        self.proc.stdin.flush()

    def stderr_tail(self):
        """What the worker wrote to stderr since the current test began."""
        fd = self.stderr.fileno()
        size = os.fstat(fd).st_size
        start = max(self.err_offset, size - 16384)
        return os.pread(fd, size - start, start).decode("utf-8", "replace")

    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc.wait()

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()
        self.proc.stdout.close()
        self.stderr.close()


def crash_reason(returncode, stderr_text):
    """"crash: SIGSEGV" (or the exit status), with UBSan's "runtime error"
    line, else the sanitizer's SUMMARY line, else the last stderr line."""
    if returncode < 0:
        try:
            what = signal.Signals(-returncode).name
        except ValueError:
            what = "signal %d" % -returncode
    else:
        what = "exit status %d" % returncode
    lines = [line.strip() for line in stderr_text.splitlines()
             if line.strip() and not line.startswith("== ")]
    ubsan = [line for line in lines if ": runtime error: " in line]
    summary = [line for line in lines if line.startswith("SUMMARY:")]
    detail = ubsan[0] if ubsan else summary[-1] if summary else \
        lines[-1] if lines else ""
    return short("crash: %s%s" % (what, " (%s)" % detail if detail else ""))


class FatalWorkerError(Exception):
    """A worker could not start (mlopt or onnx cannot be imported)."""


def run_pool(tests, argv, env, jobs, timeout, on_result,
             per_worker=TESTS_PER_WORKER):
    """Runs `tests` ([(id, dir)]) on `jobs` workers started with `argv`;
    calls on_result(result dict) for each, in completion order. A worker
    that dies or exceeds `timeout` seconds fails its current test and is
    replaced."""
    pending = collections.deque(tests)
    workers = []
    sel = selectors.DefaultSelector()

    def finish(w, result):
        w.test = None
        w.deadline = None
        on_result(result)

    def retire(w):
        sel.unregister(w.proc.stdout)
        workers.remove(w)

    try:
        while pending or any(w.test for w in workers):
            for w in [w for w in workers if w.test is None
                      and w.done >= per_worker]:
                retire(w)
                w.close()
            while pending and len(workers) < jobs:
                w = Worker(argv, env)
                workers.append(w)
                sel.register(w.proc.stdout, selectors.EVENT_READ, w)
            for w in workers:
                if w.test is None and pending:
                    test_id, directory = pending.popleft()
                    try:
                        w.send(test_id, directory, timeout)
                    except BrokenPipeError:
                        pass  # reported as a crash when its stdout closes
            busy = [w for w in workers if w.test]
            if not busy:
                continue
            wait = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            for key, _ in sel.select(wait):
                w = key.data
                chunk = os.read(w.proc.stdout.fileno(), 1 << 16)
                if not chunk:  # the worker died
                    retire(w)
                    w.proc.stdin.close()
                    rc = w.proc.wait()
                    if w.test:
                        finish(w, {"id": w.test, "category": "fail",
                                   "reason": crash_reason(rc, w.stderr_tail()),
                                   "ops": [], "frozen": [], "pinned": [],
                                   "seconds": round(time.monotonic()
                                                    - w.started, 3)})
                    w.close()
                    continue
                w.buffer += chunk
                while b"\n" in w.buffer:
                    line, w.buffer = w.buffer.split(b"\n", 1)
                    result = json.loads(line)
                    if "fatal" in result:
                        raise FatalWorkerError(result["fatal"])
                    w.done += 1
                    if result["category"] == "fail":
                        said = [line.strip() for line in
                                w.stderr_tail().splitlines() if line.strip()
                                and not line.startswith("== ")]
                        if said:  # e.g. LLVM's own reason for a JIT error
                            result["reason"] = short("%s [stderr: %s]" % (
                                result["reason"], said[-1]))
                    finish(w, result)
            now = time.monotonic()
            for w in [w for w in workers if w.test and w.deadline < now]:
                retire(w)
                w.kill()
                finish(w, {"id": w.test, "category": "fail",
                           "reason": "timeout after %g s" % timeout,
                           "ops": [], "frozen": [], "pinned": [],
                           "seconds": round(now - w.started, 3)})
                w.close()
    finally:
        for w in workers:
            w.kill()
            w.close()
        sel.close()


# ---------------------------------------------------------------------------
# Discovery, reports

def discover(data_root, regex=None):
    """[(id, dir)] of every test under the data dirs, id "suite/test"."""
    tests = []
    pattern = re.compile(regex) if regex else None
    for suite in SUITES:
        base = os.path.join(data_root, suite)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            directory = os.path.join(base, name)
            test_id = "%s/%s" % (suite, name)
            if not os.path.isfile(os.path.join(directory, "model.onnx")):
                continue
            if pattern and not pattern.search(test_id):
                continue
            tests.append((test_id, directory))
    return tests


def read_expected(path):
    """The test ids listed in an expected-pass file (# comments)."""
    ids = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                ids.append(line)
    return ids


def write_expected(path, passing, selected, old):
    """Rewrites the expected-pass list: the passing tests among those run,
    plus the old entries of tests not run this time (--filter)."""
    keep = [t for t in old if t not in selected]
    ids = sorted(set(keep) | set(passing))
    with open(path, "w") as f:
        f.write("# ONNX backend tests that pass (test/onnx/run.py "
                "--expected fails if one does not).\n"
                "# Regenerate with: test/onnx/run.py --update-expected\n")
        for t in ids:
            f.write(t + "\n")
    return ids


def suite_of(test_id):
    return test_id.split("/", 1)[0]


def write_status(path, results, data_root):
    """STATUS.md: counts per category per data dir, unsupported ops,
    other unsupported reasons, failing tests."""
    by_suite = collections.OrderedDict((s, collections.Counter())
                                       for s in SUITES)
    for r in results.values():
        by_suite[suite_of(r["id"])][r["category"]] += 1
    lines = ["# ONNX conformance status", "",
             "Written by `test/onnx/run.py --write-status` from the ONNX "
             "backend test data in `%s` (Debian `libonnx-testdata`); "
             "test/onnx/README.md explains the categories. Do not edit by "
             "hand." % data_root, "",
             "| data dir | tests | %s |" % " | ".join(CATEGORIES),
             "| --- | ---: |%s" % (" ---: |" * len(CATEGORIES))]
    total = collections.Counter()
    for suite, counts in by_suite.items():
        n = sum(counts.values())
        if not n:
            continue
        total.update(counts)
        lines.append("| %s | %d | %s |" % (suite, n, " | ".join(
            str(counts[c]) for c in CATEGORIES)))
    lines.append("| **total** | **%d** | %s |" % (sum(total.values()),
                 " | ".join("**%d**" % total[c] for c in CATEGORIES)))

    op_tests = collections.Counter()
    op_only = collections.Counter()
    for r in results.values():
        if r["category"] == "unsupported-op":
            for op in r["ops"]:
                op_tests[op] += 1
            if len(r["ops"]) == 1:
                op_only[r["ops"][0]] += 1
    lines += ["", "## Unsupported ops", "",
              "Tests the importer refused with `unsupported ONNX op`; a "
              "model can need several (\"only one\": tests this op alone "
              "blocks).", "",
              "| op | tests | only one |", "| --- | ---: | ---: |"]
    for op, n in sorted(op_tests.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append("| %s | %d | %d |" % (op, n, op_only[op]))

    def table(title, intro, category):
        rows = sorted((r for r in results.values()
                       if r["category"] == category), key=lambda r: r["id"])
        out = ["", "## %s (%d)" % (title, len(rows)), "", intro, "",
               "| test | reason |", "| --- | --- |"]
        for r in rows:
            out.append("| %s | %s |" % (r["id"], r["reason"]
                                        .replace("|", "\\|")))
        return out

    lines += table("Unsupported", "Refused for an attribute, value or "
                   "element type (`unsupported ...`).", "unsupported")
    lines += table("Failing", "Import or compile errors, mismatches, "
                   "crashes, timeouts.", "fail")
    helped = sorted((r for r in results.values() if r["category"] == "pass"
                     and (r["frozen"] or r["pinned"])), key=lambda r: r["id"])
    if helped:
        lines += ["", "## Passing with inputs bound by the runner (%d)"
                  % len(helped), "",
                  "Inputs frozen to the data set's value (`--const`) or "
                  "shapes pinned (`--shape`).", "",
                  "| test | frozen | pinned |", "| --- | --- | --- |"]
        for r in helped:
            lines.append("| %s | %s | %s |" % (
                r["id"], ", ".join(r["frozen"]) or "-",
                ", ".join(r["pinned"]) or "-"))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def write_junit(path, cases, results, seconds, skip_unsupported=False):
    """JUnit XML: one testcase per id in `cases`; a failure for each one
    that did not pass (or was not found); with `skip_unsupported`, the
    unsupported ones are skipped instead."""
    suite = ET.Element("testsuite", name="onnx-conformance")
    failures = 0
    for test_id in cases:
        r = results.get(test_id)
        case = ET.SubElement(suite, "testcase",
                             classname="onnx." + suite_of(test_id),
                             name=test_id.split("/", 1)[-1],
                             time="%.3f" % (r["seconds"] if r else 0))
        if r is None:
            failures += 1
            ET.SubElement(case, "failure",
                          message="not found in the ONNX test data")
        elif skip_unsupported and r["category"].startswith("unsupported"):
            ET.SubElement(case, "skipped", message="%s: %s" % (
                r["category"], r["reason"]))
        elif r["category"] != "pass":
            failures += 1
            ET.SubElement(case, "failure", message="%s: %s" % (
                r["category"], r["reason"]))
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("time", "%.1f" % seconds)
    root = ET.Element("testsuites")
    root.append(suite)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def default_library(build):
    if build:
        return os.path.join(os.path.abspath(build), "lib", "libmlopt.so")
    if os.environ.get("MLOPT_LIBRARY"):
        return os.path.abspath(os.environ["MLOPT_LIBRARY"])
    return os.path.join(ROOT, "build", "lib", "libmlopt.so")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Runs ONNX's backend test data through mlopt.")
    ap.add_argument("--filter", metavar="REGEX",
                    help="only tests whose id (suite/test) matches")
    ap.add_argument("--jobs", "-j", type=int, default=2,
                    help="worker processes (default 2)")
    ap.add_argument("--timeout", type=float, default=120,
                    help="seconds per test before it fails (default 120)")
    ap.add_argument("--build", metavar="DIR",
                    help="the build tree whose lib/libmlopt.so to use "
                    "(default: $MLOPT_LIBRARY, else build/)")
    ap.add_argument("--data", default=DATA, metavar="DIR",
                    help="the ONNX test data (default %s)" % DATA)
    ap.add_argument("--write-status", action="store_true",
                    help="write test/onnx/STATUS.md")
    ap.add_argument("--status-file", default=STATUS, help=argparse.SUPPRESS)
    ap.add_argument("--expected", metavar="FILE", nargs="?", const=EXPECTED,
                    help="fail unless every test listed passes (default "
                    "file test/onnx/expected-pass.txt)")
    ap.add_argument("--update-expected", action="store_true",
                    help="rewrite the expected list from the passing tests")
    ap.add_argument("--junit", metavar="FILE",
                    help="JUnit XML: one testcase per expected-pass test "
                    "(every test run, without --expected)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="print every test's result")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--library", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        return worker_main(args.library)
    library = default_library(args.build)
    if not os.path.isfile(library):
        print("onnx: no %s (build first, or pass --build DIR)" % library,
              file=sys.stderr)
        return 2
    if not os.path.isdir(args.data):
        print("onnx: no ONNX test data in %s (install libonnx-testdata: "
              "scripts/install-deps.sh)" % args.data, file=sys.stderr)
        return 2
    tests = discover(args.data, args.filter)
    if not tests:
        print("onnx: no test matches", file=sys.stderr)
        return 2
    expected_path = args.expected or (EXPECTED if args.update_expected
                                       else None)
    old_expected = read_expected(expected_path) \
        if expected_path and os.path.exists(expected_path) else []

    env = dict(os.environ, MLOPT_LIBRARY=library, PYTHONDONTWRITEBYTECODE="1")
    worker_argv = [sys.executable, os.path.abspath(__file__), "--worker",
                   "--library", library]
    results = {}
    start = time.monotonic()

    def on_result(r):
        results[r["id"]] = r
        if args.verbose:
            print("%-14s %s%s" % (r["category"], r["id"],
                                  ": " + r["reason"] if r["reason"] else ""),
                  flush=True)

    try:
        run_pool(tests, worker_argv, env, max(1, args.jobs), args.timeout,
                 on_result)
    except FatalWorkerError as e:
        print("onnx: a worker cannot start: %s" % e, file=sys.stderr)
        return 2
    seconds = time.monotonic() - start

    counts = collections.Counter(r["category"] for r in results.values())
    print("onnx: %d test%s (%s) in %.0f s with %d jobs: %s" % (
        len(results), "" if len(results) == 1 else "s", library, seconds,
        args.jobs,
        ", ".join("%d %s" % (counts[c], c) for c in CATEGORIES)))
    for suite in SUITES:
        c = collections.Counter(r["category"] for r in results.values()
                                if suite_of(r["id"]) == suite)
        if c:
            print("  %-18s %s" % (suite, ", ".join(
                "%d %s" % (c[cat], cat) for cat in CATEGORIES)))

    if args.write_status:
        write_status(args.status_file, results, args.data)
        print("onnx: wrote %s" % os.path.relpath(args.status_file))
    selected = {t for t, _ in tests}
    passing = sorted(t for t, r in results.items() if r["category"] == "pass")
    rc = 0
    if args.update_expected:
        ids = write_expected(expected_path, passing, selected, old_expected)
        print("onnx: wrote %s (%d tests; %d added, %d removed)" % (
            os.path.relpath(expected_path), len(ids),
            len(set(ids) - set(old_expected)),
            len(set(old_expected) - set(ids))))
    expected = [t for t in old_expected
                if args.filter is None or t in selected]
    if args.expected and not args.update_expected:
        broken = [t for t in expected if results.get(t, {}).get(
            "category") != "pass"]
        for t in broken:
            r = results.get(t)
            print("onnx: FAIL (expected to pass) %s: %s" % (
                t, "%s: %s" % (r["category"], r["reason"]) if r
                else "not found in %s" % args.data))
        new = [t for t in passing if t not in set(old_expected)]
        if new:
            print("onnx: %d test%s pass%s that %s not in %s (run with "
                  "--update-expected): %s" % (
                      len(new), "s" if len(new) > 1 else "",
                      "" if len(new) > 1 else "es",
                      "are" if len(new) > 1 else "is",
                      os.path.relpath(args.expected),
                      " ".join(new[:10]) + (" ..." if len(new) > 10 else "")))
        print("onnx: %d of %d expected-pass tests pass" % (
            len(expected) - len(broken), len(expected)))
        if broken:
            rc = 1
    if args.junit:
        if args.expected:
            write_junit(args.junit, expected, results, seconds)
        else:
            write_junit(args.junit, sorted(results), results, seconds,
                        skip_unsupported=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
