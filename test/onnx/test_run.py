"""Unit tests of the conformance runner's pieces (test/onnx/run.py):
comparing, classifying importer messages, the worker pool's crash and
timeout isolation, the expected list, JUnit and STATUS output, and one
test's flow (freeze, compile, call, compare) with the importer replaced by
MLIR text. Run with MLOPT_LIBRARY and PYTHONPATH=python set, as
scripts/check.sh does."""
import importlib.util
import json
import os
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("onnx_run",
                                               os.path.join(HERE, "run.py"))
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)


# -- compare ---------------------------------------------------------------

def test_compare_floats_within_tolerance():
    w = np.array([1.0, -2.0, 0.0, 1e-7], np.float32)
    assert run.compare(w * (1 + 5e-5), w) is None
    assert run.compare(w + 5e-6, w) is None


def test_compare_floats_mismatch_reports_errors():
    w = np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)
    g = w.copy()
    g[1, 0] = 3.1
    why = run.compare(g, w)
    assert why.startswith("1 of 4 elements differ, max abs err 0.1")
    assert "max rel err 0.0333" in why and "first at (1, 0)" in why


def test_compare_nan_and_inf():
    w = np.array([np.nan, np.inf, -np.inf, 1.0], np.float32)
    assert run.compare(w.copy(), w) is None
    assert run.compare(np.array([0, np.inf, -np.inf, 1], np.float32), w)
    assert run.compare(np.array([np.nan, -np.inf, -np.inf, 1], np.float32),
                       w)
    assert run.compare(np.array([np.nan, np.inf, -np.inf, np.nan],
                                np.float32), w)


def test_compare_exact_for_integers_and_bools():
    w = np.array([1, 2, 3], np.int64)
    assert run.compare(w.copy(), w) is None
    why = run.compare(np.array([1, 2, 4], np.int64), w)
    assert why.startswith("1 of 3 elements differ (exact compare), first "
                          "at (2,): 4, expected 3")
    b = np.array([True, False])
    assert run.compare(b.copy(), b) is None
    assert run.compare(~b, b).startswith("2 of 2 elements differ")


def test_compare_dtype_and_shape():
    w = np.zeros((2, 3), np.float32)
    assert run.compare(np.zeros((2, 3), np.float64), w) == \
        "dtype float64, expected float32"
    assert run.compare(np.zeros((3, 2), np.float32), w) == \
        "shape (3, 2), expected (2, 3)"
    assert run.compare(np.zeros((0, 3), np.float32),
                       np.zeros((0, 3), np.float32)) is None
    assert run.compare(np.float32(1), np.array(1, np.float32)) is None


def test_compare_bf16_bits_as_floats():
    w = np.array([16117, 16256, 0x7FC0], np.uint16)  # 0.4785, 1.0, NaN
    g = np.array([16118, 16256, 0x7FC0], np.uint16)  # one ulp off
    assert run.compare(g, w).startswith("1 of 3 elements differ (exact")
    why = run.compare(g, w, bf16=True)
    assert why.startswith("1 of 3 elements differ, max abs err 0.00195")
    assert run.compare(g, w, rtol=2 ** -7, bf16=True) is None


def test_tolerance_table_entries_have_reasons():
    for entry in run.TOLERANCES:
        regex, rtol, atol, reason = entry
        assert reason.strip() and rtol >= run.RTOL and atol >= run.ATOL
    assert run.tolerance("node/test_nothing_like_it") == (run.RTOL, run.ATOL)


# -- importer messages -----------------------------------------------------

def test_classify_error():
    assert run.classify_error(
        "unsupported ONNX op 'Foo' (node n0, opset 13)") == \
        ("unsupported-op", "Foo")
    assert run.classify_error("unsupported attribute 'ceil_mode' = 1 of "
                              "MaxPool") == \
        ("unsupported", "unsupported attribute 'ceil_mode' = 1 of MaxPool")
    assert run.classify_error("unsupported element type string")[0] == \
        "unsupported"
    assert run.classify_error("malformed protobuf\nmore") == \
        ("fail", "malformed protobuf")


def test_constant_input():
    msg = ("operand #1 of Reshape (node r) must be a constant, but it is "
           "graph input 'shape'; freeze it with a constant binding")
    assert run.constant_input(msg) == "shape"
    assert run.constant_input("graph input 'axes' of ReduceSum must be a "
                              "constant") == "axes"
    assert run.constant_input("unsupported ONNX op 'Foo'") is None


def test_crash_reason():
    assert run.crash_reason(-11, "") == "crash: SIGSEGV"
    asan = "==1==ERROR: AddressSanitizer: heap-buffer-overflow\n" \
        "SUMMARY: AddressSanitizer: heap-buffer-overflow x.c:3 in f\n"
    assert run.crash_reason(1, asan) == ("crash: exit status 1 (SUMMARY: "
                                         "AddressSanitizer: heap-buffer-"
                                         "overflow x.c:3 in f)")
    assert run.crash_reason(-6, "== node/t\nboom\n") == "crash: SIGABRT (boom)"
    ubsan = "t.c:1:2: runtime error: null pointer passed as argument 2\n" \
        "SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior t.c:1:2\n"
    assert run.crash_reason(1, ubsan) == ("crash: exit status 1 (t.c:1:2: "
                                          "runtime error: null pointer "
                                          "passed as argument 2)")


# -- the worker pool -------------------------------------------------------

FAKE_WORKER = r"""
import ctypes, json, os, sys, time
out = os.fdopen(os.dup(1), "w", buffering=1)
os.dup2(2, 1)
for line in sys.stdin:
    r = json.loads(line)
    t = r["id"]
    print("== " + t, file=sys.stderr, flush=True)
    if t == "s/segv":
        print("about to crash", file=sys.stderr, flush=True)
        ctypes.string_at(0)
    if t == "s/hang":
        time.sleep(60)
    if t == "s/exit":
        os._exit(3)
    out.write(json.dumps({"id": t, "category": "pass", "reason": "",
                          "ops": [], "frozen": [], "pinned": [],
                          "seconds": 0, "pid": os.getpid()}) + "\n")
"""


def test_pool_isolates_crashes_and_timeouts(tmp_path):
    script = tmp_path / "worker.py"
    script.write_text(FAKE_WORKER)
    ids = ["s/a", "s/segv", "s/b", "s/hang", "s/c", "s/exit", "s/d", "s/e"]
    got = {}
    run.run_pool([(t, "") for t in ids], [sys.executable, str(script)],
                 dict(os.environ), 2, 3.0, lambda r: got.__setitem__(
                     r["id"], r), per_worker=2)
    assert sorted(got) == sorted(ids)
    assert got["s/segv"]["category"] == "fail"
    # under ASan (preloaded) the SEGV is ASan's report and exit status 1
    segv = got["s/segv"]["reason"]
    assert segv == "crash: SIGSEGV (about to crash)" or segv.startswith(
        "crash: exit status 1 (SUMMARY: AddressSanitizer: SEGV")
    assert got["s/hang"]["reason"] == "timeout after 3 s"
    assert got["s/exit"]["reason"] == "crash: exit status 3"
    passed = [t for t in ids if got[t]["category"] == "pass"]
    assert passed == ["s/a", "s/b", "s/c", "s/d", "s/e"]
    # workers are recycled after per_worker tests
    pids = collections_count(got[t]["pid"] for t in passed)
    assert max(pids.values()) <= 2


def collections_count(values):
    out = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def test_pool_reports_a_worker_that_cannot_start(tmp_path):
    script = tmp_path / "worker.py"
    script.write_text("import json\nprint(json.dumps({'fatal': 'no mlopt'}))"
                      "\n")
    with pytest.raises(run.FatalWorkerError, match="no mlopt"):
        run.run_pool([("s/a", "")], [sys.executable, str(script)],
                     dict(os.environ), 1, 5.0, lambda r: None)


# -- files -----------------------------------------------------------------

def result(test_id, category="pass", reason="", ops=(), frozen=(),
           pinned=()):
    return {"id": test_id, "category": category, "reason": reason,
            "ops": list(ops), "frozen": list(frozen), "pinned": list(pinned),
            "seconds": 0.5}


def test_discover(tmp_path):
    for t in ("node/test_b", "node/test_a", "simple/test_c"):
        (tmp_path / t).mkdir(parents=True)
        (tmp_path / t / "model.onnx").write_bytes(b"")
    (tmp_path / "node" / "not_a_test").mkdir()
    assert [t for t, _ in run.discover(str(tmp_path))] == \
        ["node/test_a", "node/test_b", "simple/test_c"]
    assert [t for t, _ in run.discover(str(tmp_path), "_[ac]$")] == \
        ["node/test_a", "simple/test_c"]


def test_expected_list_round_trip(tmp_path):
    path = tmp_path / "expected.txt"
    ids = run.write_expected(str(path), ["node/b", "node/a"],
                             {"node/a", "node/b", "node/c"},
                             ["node/c", "simple/x"])
    assert ids == ["node/a", "node/b", "simple/x"]
    assert run.read_expected(str(path)) == ids
    assert path.read_text().startswith("# ")


def test_junit(tmp_path):
    results = {"node/a": result("node/a"),
               "node/b": result("node/b", "fail", "crash: SIGSEGV"),
               "node/u": result("node/u", "unsupported-op", "op Foo")}
    path = tmp_path / "onnx.xml"
    run.write_junit(str(path), ["node/a", "node/b", "node/gone"], results,
                    3.0)
    cases = ET.parse(str(path)).getroot().findall(".//testcase")
    assert [c.get("name") for c in cases] == ["a", "b", "gone"]
    assert cases[0].find("failure") is None
    assert cases[1].find("failure").get("message") == "fail: crash: SIGSEGV"
    assert "not found" in cases[2].find("failure").get("message")
    run.write_junit(str(path), sorted(results), results, 3.0,
                    skip_unsupported=True)
    cases = ET.parse(str(path)).getroot().findall(".//testcase")
    assert cases[2].find("skipped") is not None


def test_status(tmp_path):
    results = {r["id"]: r for r in [
        result("node/a"), result("node/f", "pass", frozen=["shape"]),
        result("node/b", "fail", "mismatch: x | y"),
        result("node/u1", "unsupported-op", "", ["Foo"]),
        result("pytorch-converted/u2", "unsupported-op", "", ["Foo", "Bar"]),
        result("simple/v", "unsupported", "unsupported element type string"),
    ]}
    path = tmp_path / "STATUS.md"
    run.write_status(str(path), results, "/data")
    text = path.read_text()
    assert "| node | 4 | 2 | 1 | 1 | 0 |" in text
    assert "| pytorch-converted | 1 | 0 | 0 | 1 | 0 |" in text
    assert "| **total** | **6** | **2** | **1** | **2** | **1** |" in text
    assert "| Foo | 2 | 1 |" in text and "| Bar | 1 | 0 |" in text
    assert "| node/b | mismatch: x \\| y |" in text
    assert "| node/f | shape | - |" in text


# -- one test, with the importer replaced by MLIR text ---------------------

ADD = """func.func @g(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %c = mlt.add %a, %b : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  return %c : tensor<2x3xf32>
}"""


def _write_test(directory, inputs, outputs):
    """A test directory: a model with inputs named x0, x1, ... and one
    data set."""
    onnx = pytest.importorskip("onnx")
    from onnx import helper, numpy_helper, TensorProto
    directory.mkdir(parents=True)
    graph = helper.make_graph(
        [helper.make_node("Add", ["x0", "x1"], ["y"])], "g",
        [helper.make_tensor_value_info("x%d" % i, TensorProto.FLOAT,
                                       a.shape) for i, a in
         enumerate(inputs)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT,
                                       outputs[0].shape)])
    onnx.save(helper.make_model(graph), str(directory / "model.onnx"))
    ds = directory / "test_data_set_0"
    ds.mkdir()
    for k, a in enumerate(inputs):
        (ds / ("input_%d.pb" % k)).write_bytes(
            numpy_helper.from_array(a, "x%d" % k).SerializeToString())
    for k, a in enumerate(outputs):
        (ds / ("output_%d.pb" % k)).write_bytes(
            numpy_helper.from_array(a).SerializeToString())


@pytest.fixture
def fake_importer(monkeypatch):
    """mlopt.import_onnx replaced: x1 must be frozen, then it returns
    `module_text` with x1's value added in."""
    mlopt = pytest.importorskip("mlopt")
    calls = []

    def import_onnx(source, *, shapes=None, constants=None, name=None,
                    context=None):
        calls.append(dict(constants or {}))
        if "x1" not in (constants or {}):
            raise mlopt.MloptError("x", [mlopt.Diagnostic(
                "error", "operand #1 of Add must be a constant, but it is "
                "graph input 'x1'")])
        b = constants["x1"]
        text = """func.func @g(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %b = mlt.constant dense<VALUE> : tensor<2x3xf32>
  %c = mlt.add %a, %b : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  return %c : tensor<2x3xf32>
}""".replace("VALUE", np.array2string(b, separator=",").replace("\n", ""))
        return mlopt.Module.parse(text, context=context)

    monkeypatch.setattr(mlopt, "import_onnx", import_onnx)
    monkeypatch.setattr(mlopt, "check_onnx_support", lambda *a, **k: [])
    return mlopt, calls


def test_run_test_freezes_and_compares(tmp_path, fake_importer):
    mlopt, calls = fake_importer
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.full((2, 3), 0.5, np.float32)
    _write_test(tmp_path / "t", [a, b], [a + b])
    r = run.run_test("node/t", str(tmp_path / "t"), mlopt)
    assert (r["category"], r["reason"], r["frozen"]) == ("pass", "", ["x1"])
    assert len(calls) == 2

    _write_test(tmp_path / "bad", [a, b], [a + b + 0.01])
    r = run.run_test("node/bad", str(tmp_path / "bad"), mlopt)
    assert r["category"] == "fail"
    assert r["reason"].startswith("mismatch: test_data_set_0 output 0 (y): "
                                  "6 of 6 elements differ, max abs err 0.01")


def test_run_test_classifies_import_errors(tmp_path, monkeypatch):
    mlopt = pytest.importorskip("mlopt")
    a = np.zeros((2, 3), np.float32)
    _write_test(tmp_path / "t", [a, a], [a])
    for message, category, reason in [
            ("unsupported ONNX op 'Add' (node n, opset 13)",
             "unsupported-op", "unsupported ONNX op Add"),
            ("unsupported element type bfloat16 of input 'x0'",
             "unsupported", "unsupported element type bfloat16 of input "
             "'x0'"),
            ("cannot parse the model: truncated", "fail",
             "import: cannot parse the model: truncated")]:
        def import_onnx(*args, **kwargs):
            raise mlopt.MloptError("x", [mlopt.Diagnostic("error", message)])
        monkeypatch.setattr(mlopt, "import_onnx", import_onnx)
        monkeypatch.setattr(mlopt, "check_onnx_support", lambda *a, **k: [])
        r = run.run_test("node/t", str(tmp_path / "t"), mlopt)
        assert (r["category"], r["reason"]) == (category, reason)
        if category == "unsupported-op":
            assert r["ops"] == ["Add"]


def test_run_test_reports_compile_errors(tmp_path, monkeypatch):
    mlopt = pytest.importorskip("mlopt")
    a = np.zeros((2, 3), np.float32)
    _write_test(tmp_path / "t", [a, a], [a])
    monkeypatch.setattr(mlopt, "import_onnx", lambda *a, context=None, **k:
                        mlopt.Module.parse(ADD, context=context))
    monkeypatch.setattr(mlopt.Module, "compile", lambda self, **k:
                        (_ for _ in ()).throw(mlopt.MloptError(
                            "x", [mlopt.Diagnostic("error", "no lowering")])))
    r = run.run_test("node/t", str(tmp_path / "t"), mlopt)
    assert (r["category"], r["reason"]) == ("fail", "compile: no lowering")


def test_worker_protocol(tmp_path):
    """The real worker: one JSON line in, one out; stray prints go to
    stderr."""
    pytest.importorskip("onnx")
    library = os.environ.get("MLOPT_LIBRARY")
    if not library:
        pytest.skip("MLOPT_LIBRARY is not set")
    import subprocess
    a = np.zeros((2, 3), np.float32)
    _write_test(tmp_path / "t", [a, a], [a])
    proc = subprocess.run(
        [sys.executable, os.path.join(HERE, "run.py"), "--worker",
         "--library", library], input=json.dumps(
            {"id": "node/t", "dir": str(tmp_path / "t")}) + "\n",
        capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert r["id"] == "node/t" and r["category"] in run.CATEGORIES
    assert "== node/t" in proc.stderr
