"""Lifetimes: objects freed or closed in any order, reference cycles,
interpreter exit with live objects, callbacks that outlive collections."""
import gc
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import mlopt
from conftest import ROOT
from test_ir import LAYER

PLAIN = "--lower-to-loops --lower-to-llvm"


def _args():
    return (np.ones((8, 64), np.float32), np.ones((64, 128), np.float32),
            np.full(128, -60, np.float32))


def test_module_keeps_context_alive():
    ctx = mlopt.Context()
    m = mlopt.Module.parse(LAYER, context=ctx)
    del ctx
    gc.collect()
    assert not m.context.closed
    m.run("--fuse")
    assert "mlt.fused" in str(m)


def test_executable_outlives_module_and_context_reference():
    ctx = mlopt.Context()
    m = mlopt.Module.parse(LAYER, context=ctx)
    exe = m.compile(pipeline=PLAIN)
    del m, ctx
    gc.collect()
    assert (exe.layer(*_args()) == 4).all()


def test_closing_module_keeps_executable():
    with mlopt.Context() as ctx:
        m = mlopt.Module.parse(LAYER, context=ctx)
        exe = m.compile(pipeline=PLAIN)
        m.close()
        m.close()  # idempotent
        assert m.closed
        with pytest.raises(ValueError, match="Module is closed"):
            str(m)
        assert (exe.layer(*_args()) == 4).all()


def test_closing_context_closes_dependents():
    ctx = mlopt.Context()
    m = mlopt.Module.parse(LAYER, context=ctx)
    exe = m.compile(pipeline=PLAIN)
    fn = exe.layer
    ctx.close()
    assert ctx.closed and m.closed and exe.closed
    with pytest.raises(ValueError, match="closed"):
        m.run("--fuse")
    with pytest.raises(ValueError, match="Executable is closed"):
        fn(*_args())
    with pytest.raises(ValueError, match="Context is closed"):
        mlopt.Module.parse(LAYER, context=ctx)
    ctx.close()
    m.close()
    exe.close()  # all idempotent, in any order


def test_reference_cycles_in_any_order():
    for order in range(3):
        ctx = mlopt.Context()
        m = mlopt.Module.parse(LAYER, context=ctx)
        exe = m.compile(pipeline=PLAIN)
        objs = [ctx, m, exe]
        # a cycle through all three, collected by the cycle GC at once
        holder = {"objs": objs}
        holder["self"] = holder
        m.cycle = exe.cycle = holder
        objs.insert(0, objs.pop(order))
        del ctx, m, exe, objs, holder
        gc.collect()


def test_callbacks_survive_collection(ctx):
    gc.collect()
    for _ in range(3):
        with pytest.raises(mlopt.MloptError):
            mlopt.Module.parse("func.func @f( {", context=ctx)
        gc.collect()
    m = mlopt.Module.parse(LAYER, context=ctx).run("--fuse")
    assert m.remarks


def test_many_contexts():
    for _ in range(20):
        with mlopt.Context() as ctx:
            mlopt.Module.parse(LAYER, context=ctx).run("--fuse")


SCRIPTS = {
    "live objects at exit": """
        ctx = mlopt.Context()
        m = mlopt.Module.parse(LAYER, context=ctx)
        exe = m.compile(pipeline="-O2", threads=2)
        print(exe.layer(*ARGS).sum())
    """,
    "cycle at exit": """
        m = mlopt.Module.parse(LAYER)
        exe = m.compile(pipeline="--lower-to-loops --lower-to-llvm")
        m.exe = exe; exe.m = m
        print(exe.layer(*ARGS).sum())
    """,
    "only an executable at exit": """
        exe = mlopt.Module.parse(LAYER).compile()
        print(exe.layer(*ARGS).sum())
    """,
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_interpreter_exit(name):
    script = textwrap.dedent("""
        import numpy as np, mlopt
        LAYER = %r
        ARGS = (np.ones((8, 64), np.float32), np.ones((64, 128), np.float32),
                np.full(128, -60, np.float32))
    """) % LAYER + textwrap.dedent(SCRIPTS[name])
    env = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    r = subprocess.run([sys.executable, "-c", script], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "4096.0"
