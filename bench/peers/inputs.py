"""inputs: the benchmark's input data and output checksums in NumPy, for
the Python side (torch_peer.py, and run.py's .npy files for ml-run).

bench_random(shape, seed) is bench/peers/common.h's bench_random to the
bit (splitmix64, uniform in [-1, 1), row-major), so every implementation
computes on the same numbers and their checksums can be compared."""
import math

import numpy as np


def bench_random(shape, seed):
    golden = np.uint64(0x9e3779b97f4a7c15)
    n = math.prod(shape)
    with np.errstate(over="ignore"):
        s0 = np.uint64(seed) * golden + np.uint64(1)
        z = np.arange(1, n + 1, dtype=np.uint64) * golden + s0
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xbf58476d1ce4e5b9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94d049bb133111eb)
        z ^= z >> np.uint64(31)
    v = ((z >> np.uint64(40)).astype(np.int64) - (1 << 23)).astype(np.float32) / np.float32(1 << 23)
    return v.reshape(shape)


def input_shapes(kind, dims):
    """(shape, seed) of each input, in the order of the workload's function
    arguments (bench/workloads/*.mlir) and of the C peers' seeds."""
    if kind == "sgemm":
        m, n, k = dims
        return [((m, k), 1), ((k, n), 2)]
    if kind == "mlp":
        m, n, k = dims
        return [((m, k), 1), ((k, n), 2), ((n,), 3)]
    if kind == "conv":
        nb, c, h, w, oc, kh, kw, _ = dims
        return [((nb, c, h, w), 1), ((oc, c, kh, kw), 2)]
    if kind == "softmax":
        return [(tuple(dims), 1)]
    if kind == "attention":
        l, d, dh = dims
        return [((l, d), 1), ((d, dh), 2), ((d, dh), 3), ((d, dh), 4)]
    raise ValueError(kind)


def checksum(y):
    """(sum |y|, sum y²) in double precision."""
    y = np.asarray(y, dtype=np.float64)
    return float(np.abs(y).sum()), float((y * y).sum())
