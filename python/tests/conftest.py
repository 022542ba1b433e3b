"""Shared fixtures. Run with MLOPT_LIBRARY=<build>/lib/libmlopt.so and
PYTHONPATH=<repo>/python (scripts/check.sh does)."""
import math
import pathlib

import numpy as np
import pytest

import mlopt

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
OPS = ROOT / "test" / "lit" / "e2e" / "Inputs" / "ops.mlir"

# The CPU pipeline and the plain one (no tiling, vectors or threads).
PIPELINES = {"O2": "-O2", "plain": "--lower-to-loops --lower-to-llvm"}


@pytest.fixture
def ctx():
    """A fresh context per test, closed afterwards."""
    with mlopt.Context() as c:
        yield c


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


def random_inputs(fn, rng):
    """Random arrays for a Function's inputs: floats in [-1, 1), integers
    in [-8, 8) (as ml-run --random-inputs draws them)."""
    out = []
    for slot in fn.inputs:
        if slot.dtype.kind == "f":
            a = np.asarray(rng.uniform(-1, 1, slot.shape), slot.dtype)
        else:
            a = np.asarray(rng.integers(-8, 8, slot.shape), slot.dtype)
        out.append(a if slot.is_buffer else a[()])
    return out


def assert_close(got, want, rtol=1e-5, atol=1e-5):
    """Elementwise |got - want| <= atol + rtol |want|, dtypes equal."""
    want = np.asarray(want)
    assert got.dtype == want.dtype, (got.dtype, want.dtype)
    assert got.shape == want.shape, (got.shape, want.shape)
    np.testing.assert_allclose(got.astype(np.float64), want.astype(np.float64),
                               rtol=rtol, atol=atol)


erf = np.vectorize(math.erf, otypes=[np.float64])
