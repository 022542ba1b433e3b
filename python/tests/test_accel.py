"""Accel IR lowered by --lower-accel-to-llvm, called from Python on the
accelerator runtime (runtime/accel/accel_rt.h): results against NumPy,
Executable.accel_stats(), runtime errors as MloptError. The tests that run
code need the simulator (libmlopt_accel_rt.so beside libmlopt.so, or
$MLOPT_ACCEL_RT) and are skipped without it."""
import os

import numpy as np
import pytest

import mlopt
from mlopt import _accel
from conftest import ROOT, assert_close

ACCEL = "--lower-accel-to-llvm --lower-to-llvm"
DOUBLE_BUFFER = ROOT / "test" / "lit" / "dialects" / "accel" / "double-buffer.mlir"
INPUTS = ROOT / "test" / "lit" / "conversion" / "accel-to-llvm" / "Inputs"

_path = _accel.library_path()
needs_runtime = pytest.mark.skipif(
    not _path or not os.path.exists(_path),
    reason="no accelerator runtime (build mlopt_accel_rt or set "
           "MLOPT_ACCEL_RT)")


@needs_runtime
def test_double_buffer_matches_numpy_and_counts(rng, ctx):
    exe = mlopt.Module.parse_file(DOUBLE_BUFFER, context=ctx).compile(
        pipeline=ACCEL)
    assert exe.accel and exe.accel_stats() is None  # no call yet
    a = rng.integers(-8, 8, (64, 64)).astype(np.int8)
    b = rng.integers(-8, 8, (64, 64)).astype(np.int8)
    c = np.zeros((64, 64), np.int32)  # a memref argument, written in place
    assert exe.matmul(a, b, c) is None
    np.testing.assert_array_equal(c, a.astype(np.int32) @ b.astype(np.int32))
    stats = exe.accel_stats()
    assert stats["macs"] == 64 * 16 ** 3
    assert stats["matmul_count"] == 64
    assert stats["dma_in_count"] == 144 and stats["dma_out_count"] == 16
    assert stats["bytes_in"] == 16 * (1024 + 8 * 256)
    assert stats["bytes_out"] == 16 * 1024
    assert stats["pe_busy_cycles"] == 64 * (16 + 16 + 16)
    assert (stats["pe_rows"], stats["pe_cols"]) == (16, 16)
    assert stats["cycles"] > 0 and 0 < stats["pe_utilization"] <= 1
    # the counters are reset before every call: a second call reports the same
    c[...] = 0
    exe.matmul(a, b, c)
    assert exe.accel_stats()["macs"] == stats["macs"]


@needs_runtime
def test_edge_tiles_f32(rng, ctx):
    exe = mlopt.Module.parse_file(INPUTS / "edge-tiles.mlir",
                                  context=ctx).compile(pipeline=ACCEL)
    x = rng.uniform(-1, 1, (50, 40)).astype(np.float32)
    w = rng.uniform(-1, 1, (40, 30)).astype(np.float32)
    y = np.full((50, 30), np.nan, np.float32)  # every element is written
    exe.edge(x, w, y)
    assert_close(y, x @ w)
    assert exe.accel_stats()["macs"] == 50 * 40 * 30


@needs_runtime
def test_runtime_error_raises_and_later_calls_work(rng, ctx):
    bad = mlopt.Module.parse_file(INPUTS / "over-capacity.mlir",
                                  context=ctx).compile(pipeline=ACCEL)
    with pytest.raises(mlopt.MloptError, match="^accelerator runtime: .+"):
        bad.too_many(np.zeros((16, 16), np.int8))
    # the failed call's buffers were released: the same call fails the same
    # way, and other accelerator code still runs
    with pytest.raises(mlopt.MloptError, match="^accelerator runtime: "):
        bad.too_many(np.zeros((16, 16), np.int8))
    good = mlopt.Module.parse_file(INPUTS / "one-tile.mlir",
                                   context=ctx).compile(pipeline=ACCEL)
    a = rng.integers(-8, 8, (64, 64)).astype(np.int8)
    c = np.zeros((64, 64), np.int32)
    good.tile(a, a, c)
    want = np.zeros((64, 64), np.int32)
    want[:16, :16] = a[:16, :16].astype(np.int32) @ a[:16, :16].astype(np.int32)
    np.testing.assert_array_equal(c, want)
    assert good.accel_stats()["cycles"] == 272  # by hand: e2e.test


def test_missing_runtime_is_an_error_at_compile(ctx, monkeypatch, tmp_path):
    monkeypatch.setenv("MLOPT_ACCEL_RT", str(tmp_path / "missing.so"))
    m = mlopt.Module.parse_file(DOUBLE_BUFFER, context=ctx)
    with pytest.raises(mlopt.MloptError,
                       match=r"calls the accelerator runtime \(accel_rt_\*\) "
                             r"but it cannot be loaded: .*missing\.so"):
        m.compile(pipeline=ACCEL)


def test_cpu_code_has_no_accel_stats(ctx):
    m = mlopt.Module.parse("""
func.func @add(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %c = mlt.add %a, %b : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %c : tensor<4xf32>
}""", context=ctx)
    exe = m.compile(pipeline="--lower-to-loops --lower-to-llvm")
    exe.add(np.ones(4, np.float32), np.ones(4, np.float32))
    assert not exe.accel and exe.accel_stats() is None


def test_accel_ops_need_the_pass(ctx):
    m = mlopt.Module.parse_file(DOUBLE_BUFFER, context=ctx)
    with pytest.raises(mlopt.MloptError, match="--lower-accel-to-llvm"):
        m.compile(pipeline="--lower-to-llvm")
