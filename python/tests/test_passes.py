"""Every mlopt pass, upstream passes and textual pipelines through
Module.run, with the remarks they leave on the module."""
import pytest

import mlopt
from conftest import EXAMPLES
from test_ir import LAYER

# flag text -> (the pipeline that prepares its input, what the IR shows after)
PASSES = {
    "--fuse": ("", "mlt.fused"),
    "--lower-to-loops": ("", "loop.for"),
    "--tile=32": ("--lower-to-loops", "loop.for"),
    "--tile=16,0,8": ("--lower-to-loops", "loop.for"),
    "--vectorize": ("--lower-to-loops", "vector<"),  # host width
    "--vectorize=4": ("--lower-to-loops", "vector<4xf32>"),
    "--unroll=2": ("--lower-to-loops", "loop.for"),
    "--unroll=4,2": ("--lower-to-loops --vectorize=8", "vector<8xf32>"),
    "--parallelize": ("--lower-to-loops", "scf.parallel"),
    "-O2": ("", "llvm.func @_mlir_ciface_layer"),
    "--convert-loop-to-scf": ("--lower-to-loops", "scf.for"),
    "--lower-to-llvm": ("--lower-to-loops", "llvm.func @_mlir_ciface_layer"),
}


@pytest.mark.parametrize("flag", sorted(PASSES))
def test_mlopt_pass(flag, ctx):
    before, shows = PASSES[flag]
    m = mlopt.Module.parse(LAYER, context=ctx, name="layer.mlir")
    if before:
        m.run(before)
    text = str(m)
    assert m.run(flag) is m
    after = str(m)
    assert after != text
    assert shows in after
    mlopt.Module.parse(after, context=ctx).verify()  # still valid IR


@pytest.mark.parametrize("info", mlopt.passes(), ids=lambda p: p.flag)
def test_every_mlopt_pass_runs(info, ctx):
    """Each pass of mlopt's table runs through Module.run, at the level it
    works on (passes not in PASSES are tried on mlt, then on loops)."""
    ours = [f for f in PASSES if f.lstrip("-").split("=")[0] == info.flag]
    preps = [PASSES[ours[0]][0]] if ours else ["", "--lower-to-loops"]
    failures = []
    for prep in preps:
        m = mlopt.Module.parse(LAYER, context=ctx, name="layer.mlir")
        try:
            m.run(prep).run("--" + info.flag)
            return
        except mlopt.MloptError as e:
            failures.append(str(e))
    pytest.fail("--%s failed on every input: %s" % (info.flag, failures))


@pytest.mark.parametrize("flag", ["--tile=32", "--vectorize", "--unroll=2",
                                  "--parallelize", "--fuse"])
def test_pass_remarks_are_kept_on_the_module(flag, ctx):
    m = mlopt.Module.parse(LAYER, context=ctx, name="layer.mlir")
    if flag != "--fuse":
        m.run("--lower-to-loops")
    m.run(flag)
    assert m.remarks, "no remark from %s" % flag
    r = m.remarks[0]
    assert r.severity == "remark" and r.file == "layer.mlir" and r.line > 0
    assert str(r).startswith("layer.mlir:%d:%d: remark: " % (r.line, r.col))
    m.run("--canonicalize")  # the next run replaces them
    assert m.remarks == []


def test_upstream_passes_and_options(ctx):
    m = mlopt.Module.parse_file(EXAMPLES / "demo.mlir", context=ctx)
    m.run("--canonicalize='max-iterations=2' --cse "
          "--loop-invariant-code-motion")
    body = str(m).split("scf.for")[1]
    assert body.count("arith.mulf") == 1  # a*b hoisted and deduplicated


def test_textual_pipeline(ctx):
    m = mlopt.Module.parse_file(EXAMPLES / "demo.mlir", context=ctx)
    m.run("builtin.module(func.func(cse),canonicalize)")
    assert str(m).count("arith.mulf") == 2  # x*ab and one a*b


def test_pass_pipeline_flag_and_mixed_order(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx)
    m.run("--fuse --pass-pipeline='builtin.module(canonicalize)' "
          "--lower-to-loops")
    assert "loop.for" in str(m) and "mlt." not in str(m)


def test_run_is_chainable(ctx):
    m = mlopt.Module.parse(LAYER, context=ctx)
    text = str(m.run("--fuse").run("--lower-to-loops").run("--tile=32"))
    assert "loop.for" in text
