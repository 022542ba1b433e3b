"""Parsing, printing, cloning, verifying; versions and the pass list."""
import re

import pytest

import mlopt
from conftest import EXAMPLES, OPS

LAYER = """\
func.func @layer(%x: tensor<8x64xf32>, %w: tensor<64x128xf32>, %b: tensor<128xf32>) -> tensor<8x128xf32> {
  %h = mlt.matmul %x, %w : tensor<8x64xf32>, tensor<64x128xf32> -> tensor<8x128xf32>
  %hb = mlt.add %h, %b : tensor<8x128xf32>, tensor<128xf32> -> tensor<8x128xf32>
  %y = mlt.relu %hb : tensor<8x128xf32>
  return %y : tensor<8x128xf32>
}
"""


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("**/*.mlir")) + [OPS],
                         ids=lambda p: p.name)
def test_round_trip(path, ctx):
    m = mlopt.Module.parse_file(path, context=ctx)
    text = str(m)
    again = mlopt.Module.parse(text, context=ctx)
    assert str(again) == text
    assert text.startswith("module")


def test_parse_wraps_in_module_and_keeps_ops(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx, name="layer.mlir")
    text = str(m)
    assert text.startswith("module {")
    for op in ("mlt.matmul", "mlt.add", "mlt.relu"):
        assert op in text
    assert m.functions == ["layer"]
    assert m.name == "layer.mlir"
    assert m.context is ctx


def test_parse_bytes_and_default_context():
    m = mlopt.Module.parse(LAYER.encode())
    assert m.context is mlopt.default_context()
    assert "mlt.relu" in str(m)


def test_print_generic_and_debug_info(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx, name="layer.mlir")
    assert '"mlt.relu"' in m.print(generic=True)
    assert re.search(r'loc\("layer.mlir":4:8\)', m.print(debug_info=True))


def test_clone_is_independent(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx)
    c = m.clone()
    c.run("--fuse")
    assert "mlt.fused" in str(c)
    assert "mlt.fused" not in str(m)


def test_verify(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx)
    assert m.verify() is m


def test_functions_skip_declarations(ctx):
    m = mlopt.Module.parse(
        "func.func private @ext(f32) -> f32\n"
        "func.func @a() { return }\nfunc.func @b() { return }", context=ctx)
    assert m.functions == ["a", "b"]


def test_versions():
    assert re.fullmatch(r"\d+\.\d+\.\d+", mlopt.version())
    assert mlopt.mlir_version().startswith("22.")
    assert mlopt.library_path()


def test_pass_list():
    flags = [p.flag for p in mlopt.passes()]
    for flag in ("fuse", "lower-to-loops", "tile", "vectorize", "unroll",
                 "parallelize", "O2", "lower-to-llvm"):
        assert flag in flags
    tile = next(p for p in mlopt.passes() if p.flag == "tile")
    assert tile.value_help and tile.summary
    upstream = [p.flag for p in mlopt.upstream_passes()]
    assert "canonicalize" in upstream and "cse" in upstream
    assert upstream == sorted(upstream)


def test_import_onnx_refuses_what_is_not_a_model(ctx):
    # the rest is in test_onnx.py (which needs python3-onnx to build models)
    with pytest.raises(mlopt.MloptError, match="not a valid ONNX model"):
        mlopt.import_onnx(b"not a model", name="x.onnx", context=ctx)
