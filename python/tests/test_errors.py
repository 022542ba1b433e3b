"""Error paths: malformed IR, verifier errors, bad pipelines, failing
passes, and wrong arguments, each with a message that says what and where."""
import os
import subprocess
import sys

import numpy as np
import pytest

import mlopt
from conftest import ROOT
from test_ir import LAYER

BAD_TYPE = """\
func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {
  %b = mlt.relu %a : tensor<5xf32>
  return %b : tensor<4xf32>
}
"""

BAD_MATMUL = """\
func.func @f(%a: tensor<4x8xf32>, %b: tensor<7x16xf32>) -> tensor<4x16xf32> {
  %c = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<7x16xf32> -> tensor<4x16xf32>
  return %c : tensor<4x16xf32>
}
"""


def test_malformed_ir_has_location_and_source_line(ctx):
    with pytest.raises(mlopt.MloptError) as info:
        mlopt.Module.parse(BAD_TYPE, context=ctx, name="bad.mlir")
    e = info.value
    d = e.diagnostics[0]
    assert (d.severity, d.file, d.line, d.col) == ("error", "bad.mlir", 2, 17)
    assert "expects different type" in d.message
    assert d.notes and d.notes[0].severity == "note"
    lines = str(e).splitlines()
    assert lines[0] == "bad.mlir:2:17: error: " + d.message
    assert lines[1] == "  %b = mlt.relu %a : tensor<5xf32>"
    assert lines[2] == " " * 16 + "^"


def test_verifier_error(ctx):
    with pytest.raises(mlopt.MloptError,
                       match=r"model.mlir:2:8: error: 'mlt.matmul' op "
                             r"contraction dimensions differ") as info:
        mlopt.Module.parse(BAD_MATMUL, context=ctx, name="model.mlir")
    assert len(info.value.diagnostics) == 1


def test_parse_file_error_names_the_file(tmp_path, ctx):
    path = tmp_path / "broken.mlir"
    path.write_text("func.func @f( {\n")
    with pytest.raises(mlopt.MloptError, match=r"broken.mlir:1:\d+: error:"):
        mlopt.Module.parse_file(path, context=ctx)
    with pytest.raises(FileNotFoundError):
        mlopt.Module.parse_file(tmp_path / "missing.mlir", context=ctx)


def test_unknown_pass_with_suggestion(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx)
    with pytest.raises(mlopt.MloptError) as info:
        m.run("--fuse --cse2")
    assert str(info.value) == \
        "error: unknown pass '--cse2'; did you mean '--cse'?"
    assert info.value.diagnostics[0].file is None
    assert "mlt.fused" not in str(m)  # nothing ran


@pytest.mark.parametrize("text,message", [
    ("--tile=-3", "invalid value '-3' for --tile"),
    ("--canonicalize=max-iterations=abc", "'abc' value invalid"),
    ("builtin.module(no-such-pass)", "does not refer to a registered pass"),
    ("--vectorize='4", "quote"),
])
def test_bad_pipeline_text(text, message, ctx):
    m = mlopt.Module.parse(LAYER, context=ctx)
    with pytest.raises(mlopt.MloptError, match=message):
        m.run(text)


def test_failing_pass_leaves_module_unchanged(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx, name="layer.mlir")
    before = str(m)
    with pytest.raises(mlopt.MloptError) as info:
        m.run("--fuse --convert-loop-to-scf")  # refuses mlt ops
    d = info.value.diagnostics[0]
    assert d.file == "layer.mlir" and d.line >= 2
    assert str(info.value).startswith("layer.mlir:%d:%d: error:"
                                      % (d.line, d.col))
    assert str(m) == before
    m.run("--fuse")  # still usable
    assert "mlt.fused" in str(m)


def test_compile_errors(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx, name="layer.mlir")
    with pytest.raises(mlopt.MloptError, match="unknown pass"):
        m.compile(pipeline="--lower-to-lvm")
    with pytest.raises(ValueError, match="opt must be"):
        m.compile(opt=5)
    with pytest.raises(ValueError, match="threads must be"):
        m.compile(threads=0)
    # pipelines that stop before the llvm dialect
    before = str(m)
    for pipeline in ("--fuse", "--lower-to-loops"):
        with pytest.raises(mlopt.MloptError, match=r"^error: after the "
                           r"pipeline @layer is still a func.func"):
            m.compile(pipeline=pipeline)
    assert str(m) == before  # compile works on a copy


def _exe(ctx):
    return mlopt.Module.parse(LAYER, context=ctx).compile(
        pipeline="--lower-to-loops --lower-to-llvm")


def test_wrong_argument_count(ctx):
    exe = _exe(ctx)
    x = np.zeros((8, 64), np.float32)
    with pytest.raises(TypeError, match=r"@layer takes 3 arguments "
                       r"\(tensor<8x64xf32>, tensor<64x128xf32>, "
                       r"tensor<128xf32>\) but 1 was given"):
        exe.layer(x)


def test_wrong_dtype_shape_layout(ctx):
    exe = _exe(ctx)
    x = np.zeros((8, 64), np.float32)
    w = np.zeros((64, 128), np.float32)
    b = np.zeros(128, np.float32)
    with pytest.raises(TypeError, match=r"argument #1 of @layer "
                       r"\(tensor<64x128xf32>: shape \(64, 128\), dtype "
                       r"float32\) got dtype float64"):
        exe.layer(x, w.astype(np.float64), b)
    with pytest.raises(ValueError, match=r"argument #2 of @layer .* got "
                       r"shape \(127,\)"):
        exe.layer(x, w, b[:127])
    with pytest.raises(ValueError, match=r"argument #0 .* non-contiguous"):
        exe.layer(np.zeros((64, 8), np.float32).T, w, b)
    with pytest.raises(TypeError, match=r"argument #0 .* must be a "
                       r"numpy.ndarray, not list"):
        exe.layer(x.tolist(), w, b)
    assert exe.layer(x, w, b).shape == (8, 128)  # the right call works


def test_scalar_argument_errors(ctx):
    exe = mlopt.Module.parse(
        "func.func @f(%a: i8, %x: f32) -> f32 { return %x : f32 }",
        context=ctx).compile(pipeline="--lower-to-llvm")
    assert exe.f(1, 2.5) == np.float32(2.5)
    with pytest.raises(TypeError, match=r"argument #0 of @f .* must be a int"):
        exe.f(1.5, 2.5)
    with pytest.raises(OverflowError, match="300 is out of range"):
        exe.f(300, 2.5)
    with pytest.raises(TypeError, match=r"argument #1 .* float64"):
        exe.f(1, np.float64(2.5))


def test_read_only_array_for_memref_argument(ctx):
    exe = mlopt.Module.parse(
        "func.func @f(%m: memref<4xf32>) { return }",
        context=ctx).compile(pipeline="--lower-to-llvm")
    a = np.zeros(4, np.float32)
    a.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        exe.f(a)


def test_missing_function(ctx):
    exe = _exe(ctx)
    msg = "no function @nope in the compiled module; it defines @layer"
    with pytest.raises(AttributeError, match=msg):
        exe.nope
    with pytest.raises(KeyError, match=msg):
        exe["nope"]
    with pytest.raises(KeyError, match=msg):
        exe.invoke("nope")
    assert not hasattr(exe, "nope")
    assert "layer" in dir(exe)


def test_uncallable_signature_is_reported_at_call(ctx):
    exe = mlopt.Module.parse("""
func.func @dyn(%m: memref<?xf32>) { return }
func.func @ok(%m: memref<2xf32>) { return }""", context=ctx).compile(
        pipeline="--lower-to-llvm")
    exe.ok(np.zeros(2, np.float32))
    with pytest.raises(TypeError, match=r"cannot call @dyn from Python: "
                       r"@dyn: argument #0 is memref<\?xf32>: dynamic shapes"):
        exe.dyn(np.zeros(2, np.float32))


def test_missing_library_is_an_import_error(tmp_path):
    env = dict(os.environ, MLOPT_LIBRARY=str(tmp_path / "libnothere.so"),
               PYTHONPATH=str(ROOT / "python"))
    r = subprocess.run([sys.executable, "-c", "import mlopt"], env=env,
                       capture_output=True, text=True)
    assert r.returncode != 0
    assert "ImportError: mlopt: cannot load libmlopt.so" in r.stderr
    assert "MLOPT_LIBRARY: " + str(tmp_path / "libnothere.so") in r.stderr
    assert "Set MLOPT_LIBRARY" in r.stderr
