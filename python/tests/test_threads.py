"""OpenMP threads (threads=N) and calls from several Python threads."""
import threading

import numpy as np

import mlopt
from conftest import EXAMPLES, assert_close


def _mlp_inputs(fn, rng):
    return [rng.uniform(-1, 1, s.shape).astype(np.float32) for s in fn.inputs]


def test_threads_2_matches_threads_1(rng):
    m = mlopt.Module.parse_file(EXAMPLES / "mlp.mlir")
    one = m.compile(threads=1)
    two = m.compile(threads=2)
    assert two.threads == 2 and two.openmp  # -O2 code runs on OpenMP
    args = _mlp_inputs(one.mlp, rng)
    assert_close(two.mlp(*args), one.mlp(*args), rtol=1e-6, atol=1e-6)


def test_big_parallel_matmul_with_2_threads(rng, ctx):
    m = mlopt.Module.parse("""
func.func @mm(%a: tensor<257x129xf32>, %b: tensor<129x191xf32>) -> tensor<257x191xf32> {
  %c = mlt.matmul %a, %b : tensor<257x129xf32>, tensor<129x191xf32> -> tensor<257x191xf32>
  return %c : tensor<257x191xf32>
}""", context=ctx)
    assert "scf.parallel" in str(m.clone().run(
        "--lower-to-loops --parallelize"))
    exe = m.compile(threads=2)
    a = rng.uniform(-1, 1, (257, 129)).astype(np.float32)
    b = rng.uniform(-1, 1, (129, 191)).astype(np.float32)
    assert_close(exe.mm(a, b), a @ b, rtol=1e-4, atol=1e-4)


def test_calls_from_python_threads(rng):
    exe = mlopt.Module.parse_file(EXAMPLES / "softmax.mlir").compile(
        threads=2)
    xs = [rng.uniform(-3, 3, (33, 100)).astype(np.float32) for _ in range(4)]
    results = [None] * len(xs)

    def work(i):
        for _ in range(20):
            results[i] = exe.softmax_rows(xs[i])

    threads = [threading.Thread(target=work, args=(i,))
               for i in range(len(xs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for x, y in zip(xs, results):
        e = np.exp(x - x.max(1, keepdims=True))
        assert_close(y, e / e.sum(1, keepdims=True), rtol=1e-5, atol=1e-6)
