"""Compiled results against NumPy: every example, the mlt ops of
test/lit/e2e/Inputs/ops.mlir, and generated kernels with sizes 1, primes
and non-multiples of 32; at -O2 and at the plain pipeline."""
import numpy as np
import pytest

import mlopt
from conftest import (EXAMPLES, OPS, PIPELINES, assert_close, erf,
                      random_inputs)


def relu(x):
    return np.maximum(x, 0)


def softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def conv2d_nchw(x, w, stride, pad, dil, groups):
    """Reference NCHW convolution; pad = (top, bottom, left, right)."""
    n, c, h, wd = x.shape
    f, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), pad[:2], pad[2:]))
    oh = (xp.shape[2] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (xp.shape[3] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    out = np.zeros((n, f, oh, ow), np.float64)
    fg = f // groups
    for g in range(groups):
        xs = xp[:, g * cg:(g + 1) * cg].astype(np.float64)
        for i in range(kh):
            for j in range(kw):
                patch = xs[:, :, i * dil[0]:i * dil[0] + stride[0] * (oh - 1) + 1:stride[0],
                           j * dil[1]:j * dil[1] + stride[1] * (ow - 1) + 1:stride[1]]
                out[:, g * fg:(g + 1) * fg] += np.einsum(
                    "nchw,fc->nfhw", patch, w[g * fg:(g + 1) * fg, :, i, j])
    return out.astype(x.dtype)


def maxpool_nchw(x, k, s):
    n, c, h, w = x.shape
    oh, ow = (h - k) // s + 1, (w - k) // s + 1
    out = np.full((n, c, oh, ow), -np.inf, x.dtype)
    for i in range(k):
        for j in range(k):
            out = np.maximum(out, x[:, :, i:i + s * oh:s, j:j + s * ow:s])
    return out


def leaky_relu(x, alpha):
    return np.where(x >= 0, x, x.dtype.type(alpha) * x)


def arg_last(fn, x, axis):
    """fn (np.argmax / np.argmin) picking the last position on ties (and
    the last NaN): the first one of the reversed axis, mirrored."""
    return x.shape[axis] - 1 - fn(np.flip(x, axis), axis=axis)


def gather(x, idx, axis):
    """mlt.gather: negative indices count from the end, the rest is clamped."""
    n = x.shape[axis]
    k = np.clip(np.where(idx < 0, idx + n, idx), 0, n - 1)
    return np.take(x, k, axis=axis)


def nan_min_argmin(x, i):
    """@argmin of ops.mlir: min with NaN at (1, 2), (2, 1), (2, 5)."""
    c = np.full((3, 7), np.inf, np.float32)
    c[1, 2] = c[2, 1] = c[2, 5] = np.nan
    m = np.minimum(x, c)
    f = i.astype(np.float32)
    return (m.argmin(1), arg_last(np.argmin, m, 1)[:, None],
            arg_last(np.argmax, m, -1), f.argmin(0)[None, :],
            arg_last(np.argmin, f, 0))


def bf16_bits(x):
    """float32 -> bf16 bit patterns (exact inputs: 0 and 1 here)."""
    return (np.asarray(x, np.float32).view(np.uint32) >> 16).astype(np.uint16)


def cast_i1(x, i, b, h, l):
    """@cast_i1 of ops.mlir: nonzero is true, true is 1."""
    s = np.array([0, -0.0, np.nan, 0.5, -np.inf, 1e-45, -3], np.float32)
    return (s.astype(bool), x.astype(bool), i.astype(bool), h.astype(bool),
            l.astype(bool)) + tuple(b.astype(t) for t in (
                np.float32, np.int32, np.int8, np.float16, np.float64,
                np.int64)) + (bf16_bits(b.astype(np.float32)),)


def avg_pool_2x2(x):
    n, c, h, w = x.shape
    h2, w2 = h // 2 * 2, w // 2 * 2
    return x[:, :, :h2, :w2].reshape(n, c, h // 2, 2, w // 2, 2).mean((3, 5))


def f64_ops(a, b, w, x, f):
    """@f64 of ops.mlir in NumPy's float64."""
    def sigmoid(v):
        return 1 / (1 + np.exp(-v))

    def gelu(v):
        return v * 0.5 * (1 + erf(v / np.sqrt(2)))
    p = np.sqrt(np.exp(a)) ** b
    return (a / b, gelu(sigmoid(np.tanh(np.log(np.exp(a))))),
            leaky_relu(p, 0.1), a @ w, softmax(a, 1), a.mean(0, keepdims=True),
            a.astype(np.float32),
            np.clip(np.trunc(a * 1e10), -2 ** 31, 2 ** 31 - 1).astype(np.int32),
            conv2d_nchw(x, f, (1, 1), (1, 1, 1, 1), (1, 1), 1),
            avg_pool_2x2(x), np.maximum(np.clip(erf(a), -0.5, 0.25), a))


EXAMPLE_REFS = {
    "mlp": lambda x, w1, b1, w2, b2, w3, b3:
        relu(relu(relu(x @ w1 + b1) @ w2 + b2) @ w3 + b3),
    "attention": lambda x, wq, wk, wv:
        softmax((x @ wq) @ (x @ wk).T * np.float32(0.25), -1) @ (x @ wv),
    "cnn_block": lambda x, w, b: maxpool_nchw(
        relu(conv2d_nchw(x, w, (1, 1), (1, 1, 1, 1), (1, 1), 1) + b), 2, 2),
    "softmax_rows": lambda x: softmax(x, 1),
}


@pytest.fixture(scope="module", params=sorted(PIPELINES))
def pipeline(request):
    return PIPELINES[request.param]


@pytest.mark.parametrize("example", ["mlp", "attention", "cnn_block",
                                     "softmax"])
def test_example(example, pipeline, rng):
    m = mlopt.Module.parse_file(EXAMPLES / (example + ".mlir"))
    exe = m.compile(pipeline=pipeline)
    (name,) = exe.functions
    args = random_inputs(exe[name], rng)
    got = exe[name](*args)
    want = EXAMPLE_REFS[name](*args).astype(np.float32)
    assert_close(got, want, rtol=1e-4, atol=1e-5)


def test_demo_example_writes_its_memref_in_place(pipeline):
    exe = mlopt.Module.parse_file(EXAMPLES / "demo.mlir").compile(
        pipeline=pipeline)
    buf = np.linspace(-4, 4, 128, dtype=np.float32)
    want = buf * np.float32(6) + np.float32(6)
    assert exe.scale(buf, 2.0, np.float32(3)) is None
    assert_close(buf, want)


# ops.mlir function -> NumPy reference of its outputs (a tuple)
OP_REFS = {
    "matmul": lambda a, b: (a @ b,),
    "matmul_1": lambda a, b: (a @ b,),
    "matmul_k257": lambda a, b: (a @ b,),
    "matmul_i8": lambda a, b: (a.astype(np.int32) @ b.astype(np.int32),),
    "batch_matmul": lambda a, b: (a @ b,),
    "conv2d_nchw": lambda x, w: (conv2d_nchw(x, w, (2, 2), (1, 1, 1, 0),
                                             (1, 2), 2),),
    "add": lambda a, b: (a + b,),
    "sub": lambda a, b: (a - b,),
    "mul": lambda a, b: (a * b,),
    "max": lambda a, b: (np.maximum(a, b),),
    "min": lambda a, b: (np.minimum(a, b),),
    "int_ops": lambda a, b: (a + b, a * b, np.where(
        b == 0, 0, np.trunc(a / np.where(b == 0, 1, b))).astype(np.int32),
        np.maximum(a, b)),
    "i64_sub": lambda a, b: (a - b,),
    "f16_add": lambda a, b: (a + b,),
    "relu": lambda x: (relu(x),),
    "sigmoid": lambda x: (1 / (1 + np.exp(-x)),),
    "tanh": lambda x: (np.tanh(x),),
    "gelu": lambda x: ((x * 0.5 * (1 + erf(x / np.sqrt(2)))).astype(x.dtype),),
    "exp": lambda x: (np.exp(x),),
    "neg": lambda x, i: (-x, -i),
    "erf": lambda x, h: (erf(x), erf(h)),
    "leaky_relu": lambda x, h, a, w: (leaky_relu(x, 0.01), leaky_relu(h, 0.3),
                                      leaky_relu(a @ w, -1.5)),
    "clamp": lambda x, i: (np.clip(x, -0.25, 0.5), np.clip(i, -3, 2)),
    "softmax": lambda x, y: (softmax(x, -1), softmax(y, 0)),
    "reduce": lambda x: (x.sum(1, keepdims=True), x.max((0, 1)), x.min(-1),
                         x.mean((0, 2), keepdims=True), x.prod(1)),
    "reduce_all": lambda x, i: (np.array(x.sum(), np.float32), i.sum(0)),
    "argmax": lambda x, i: (x.argmax(1)[:, None], x.argmax(0),
                            arg_last(np.argmax, i, 0)[None, :], i.argmax(-1)),
    "argmin": nan_min_argmin,
    "transpose": lambda x: (x.transpose(2, 0, 1),),
    "reshape": lambda x: (x.reshape(2, 5, 3),),
    "broadcast": lambda x: (np.broadcast_to(x, (3, 7, 11)),),
    "concat": lambda a, b, c: (np.concatenate([a, b, c], -1),),
    "slice": lambda x, y: (x[1::2, 7::-3], y[:, ::-1, ::-1],
                           y.reshape(3, 37)[:, 3:36], y[:, 37:, :]),
    "gather": lambda x, i, j, s: (gather(x, i, 0), gather(x, j, 1),
                                  gather(x, s, 0)),
    # booleans (random bools here are mostly true; test_bool.py balances)
    "cmp": lambda x, y, i, j: (x == y, x != y, x < y, x <= y, x > y, x >= y,
                               i == j, i != j, i < j, i <= j, i > j, i >= j),
    "select": lambda c, x, y, b, i, j: (np.where(c, x, y), np.where(c, b, ~b),
                                        np.where(c, i, j),
                                        np.where(x > y, x, y)),
    "logic": lambda a, b, c: (~a, a & b, c | a, a ^ b, c ^ c),
    "bool_data": lambda b, c, i: (
        b.T, b.reshape(37, 3), np.broadcast_to(c, (2, 3, 37)),
        np.concatenate([b, c], 1), b[2::-1, 36:2:-3], gather(b, i, 0),
        b ^ np.array([[True], [False], [True]]), b & True),
    "cast_i1": cast_i1,
}


@pytest.fixture(scope="module")
def ops_exe(pipeline):
    return mlopt.Module.parse_file(OPS).compile(pipeline=pipeline)


@pytest.mark.parametrize("name", sorted(OP_REFS))
def test_mlt_op(name, ops_exe, rng):
    fn = ops_exe[name]
    args = random_inputs(fn, rng)
    got = fn(*args)
    got = got if isinstance(got, tuple) else (got,)
    want = OP_REFS[name](*args)
    assert len(got) == len(want) == len(fn.outputs)
    for g, w, slot in zip(got, want, fn.outputs):
        tol = 1e-3 if slot.dtype == np.float16 else 2e-5
        assert_close(g, np.asarray(w).astype(slot.dtype), rtol=tol, atol=tol)


@pytest.fixture(scope="module")
def f64_exe(pipeline):
    return mlopt.Module.parse_file(OPS.with_name("ops_f64.mlir")).compile(
        pipeline=pipeline)


def test_mlt_f64_ops(f64_exe, rng):
    """ops_f64.mlir's @f64 (its own module: see the file's header)."""
    fn = f64_exe["f64"]
    args = random_inputs(fn, rng)
    for g, w, slot in zip(fn(*args), f64_ops(*args), fn.outputs):
        tol = 2e-5 if slot.dtype == np.float32 else 1e-12
        assert_close(g, np.asarray(w).astype(slot.dtype), rtol=tol, atol=tol)


# Generated kernels: (M, K, N) matmuls with bias + relu, softmax rows.
SIZES = [(1, 1, 1), (7, 13, 5), (31, 37, 33), (65, 3, 97), (100, 257, 45)]


def _kernels():
    out = []
    for m, k, n in SIZES:
        out.append(f"""
func.func @mm_{m}x{k}x{n}(%a: tensor<{m}x{k}xf32>, %b: tensor<{k}x{n}xf32>, %c: tensor<{n}xf32>) -> tensor<{m}x{n}xf32> {{
  %h = mlt.matmul %a, %b : tensor<{m}x{k}xf32>, tensor<{k}x{n}xf32> -> tensor<{m}x{n}xf32>
  %hb = mlt.add %h, %c : tensor<{m}x{n}xf32>, tensor<{n}xf32> -> tensor<{m}x{n}xf32>
  %y = mlt.relu %hb : tensor<{m}x{n}xf32>
  return %y : tensor<{m}x{n}xf32>
}}""")
        out.append(f"""
func.func @sm_{m}x{n}(%x: tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32> {{
  %y = mlt.softmax %x axis = 1 : tensor<{m}x{n}xf32>
  return %y : tensor<{m}x{n}xf32>
}}""")
    return "\n".join(out)


@pytest.fixture(scope="module")
def kernels_exe(pipeline):
    return mlopt.Module.parse(_kernels(), name="kernels.mlir").compile(
        pipeline=pipeline)


@pytest.mark.parametrize("m,k,n", SIZES)
def test_generated_shapes(m, k, n, kernels_exe, rng):
    a, b, c = random_inputs(kernels_exe["mm_%dx%dx%d" % (m, k, n)], rng)
    got = kernels_exe["mm_%dx%dx%d" % (m, k, n)](a, b, c)
    assert_close(got, relu(a @ b + c), rtol=1e-4, atol=1e-5)
    (x,) = random_inputs(kernels_exe["sm_%dx%d" % (m, n)], rng)
    assert_close(kernels_exe.invoke("sm_%dx%d" % (m, n), x), softmax(x, 1),
                 rtol=1e-5, atol=1e-6)


def test_scalar_arguments_and_result(ctx):
    m = mlopt.Module.parse("""
func.func @axpy(%a: f64, %x: f64, %n: index, %k: i32) -> f64 {
  %p = arith.mulf %a, %x : f64
  %ni = arith.index_cast %n : index to i64
  %nf = arith.sitofp %ni : i64 to f64
  %kf = arith.sitofp %k : i32 to f64
  %s = arith.addf %p, %nf : f64
  %r = arith.addf %s, %kf : f64
  return %r : f64
}""", context=ctx)
    exe = m.compile(pipeline="--lower-to-llvm")
    got = exe.axpy(1.5, np.float64(4), 10, np.int32(-3))
    assert isinstance(got, np.float64) and got == 13.0
    assert [s.dtype for s in exe.axpy.inputs] == [np.float64, np.float64,
                                                  np.int64, np.int32]


def test_zero_copy_inputs(ctx):
    """A memref argument is the caller's buffer: writes show up in it."""
    m = mlopt.Module.parse("""
func.func @fill(%b: memref<3x5xi32>, %v: i32) {
  loop.for %i = 0 to 3 step 1 parallel {
    loop.for %j = 0 to 5 step 1 parallel {
      memref.store %v, %b[%i, %j] : memref<3x5xi32>
    }
  }
  return
}""", context=ctx)
    exe = m.compile(pipeline="--lower-to-llvm")
    buf = np.zeros((3, 5), np.int32)
    exe.fill(buf, 7)
    assert (buf == 7).all()
