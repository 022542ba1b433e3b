"""quant.py make|check N DIR: edge-value inputs for Inputs/quant.mlir's
@quant_N (N elements), or a check of ml-run's outputs against NumPy's
ONNX QuantizeLinear / DequantizeLinear (int8) — an oracle independent of
mlopt's C reference, which `ml-run --check` compares against.

The f32 input mixes exact ties (x / scale is k + 0.5 in f32, found by
searching around (k + 0.5) * scale), ties a reciprocal multiply rounds the
other way, values that saturate at both ends, +-inf, NaN, -0, subnormals,
huge values and random ones; the i32 input reaches INT32_MIN/MAX. Every
element of the output must be identical (bit for bit for the f32 ones).
"""
import sys

import numpy as np

# The attributes of Inputs/quant.mlir.
S1, ZP1 = np.float32(0.1), -3        # q1 = quantize(x)
S2, ZP2 = np.float32(0.0123), -128   # q2 = quantize(x), skewed range
S3 = np.float32(0.037)               # y1 = dequantize(q1, S3, 7)
S4, ZP4 = np.float32(0.0025), -1000000  # y2 = dequantize(a, S4, ZP4)


def ties(scale, rng):
    """f32 values x with f32(x / scale) exactly k + 0.5, for k around the
    i8 range; those x * f32(1 / scale) rounds differently come first."""
    inv = np.float32(1) / scale
    found, trap = [], []
    for k in range(-140, 140):
        t = np.float32(k + 0.5)
        x = np.float32(t * scale)
        for _ in range(4):
            x = np.nextafter(x, np.float32(-np.inf))
        for _ in range(9):
            if np.float32(x / scale) == t:
                (trap if np.rint(np.float32(x * inv)) != np.rint(t) else found).append(x)
            x = np.nextafter(x, np.float32(np.inf))
    rng.shuffle(found)
    return trap + found


def quantize(x, scale, zp):
    """ONNX QuantizeLinear to int8: saturate(round_half_even(x / scale) +
    zp), NaN -> zp, computed in f32 as mlt.quantize defines it."""
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        r = np.rint(x / scale)  # f32 division, ties to even
        r = np.clip(r, -128 - zp, 127 - zp)
        r = np.where(np.isnan(r), 0, r)
    return (r.astype(np.int32) + zp).astype(np.int8)


def dequantize(q, scale, zp):
    """ONNX DequantizeLinear: (q - zp) * scale, the difference exact, then
    rounded to f32 once and one f32 multiply."""
    d = q.astype(np.int64) - zp
    return (d.astype(np.float32) * scale).astype(np.float32)


def inputs(n):
    rng = np.random.default_rng(n)
    special = np.array([np.inf, -np.inf, np.nan, -0.0, 0.0, 1e-45, -1e-45,
                        1e-40, 3.4e38, -3.4e38, 1e30, -1e30, 12.7, -12.8,
                        12.75, -12.85, 2.0 ** 24, -(2.0 ** 24)], np.float32)
    groups = [ties(S1, rng)[:40], list(special), ties(S2, rng)[:40]]
    pool = np.array([g[i] for i in range(40) for g in groups if i < len(g)],
                    np.float32)  # interleaved: small n get some of each
    x = rng.uniform(-20, 20, n).astype(np.float32)
    k = min(n, len(pool))
    x[:k] = pool[:k] if n < len(pool) else pool
    if n > len(pool):  # scatter the edge values, keep random ones between
        x = x[rng.permutation(n)]
    a = rng.integers(-2 ** 31, 2 ** 31, n, dtype=np.int64).astype(np.int32)
    a[:min(n, 4)] = np.array([2 ** 31 - 1, -2 ** 31, 0, -1000000],
                             np.int32)[:min(n, 4)]
    return x, a


def main():
    mode, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if mode == "make":
        x, a = inputs(n)
        np.save(f"{d}/x.npy", x)
        np.save(f"{d}/a.npy", a)
        return
    x, a = np.load(f"{d}/x.npy"), np.load(f"{d}/a.npy")
    q1, q2 = quantize(x, S1, ZP1), quantize(x, S2, ZP2)
    want = [q1, q2, dequantize(q1, S3, 7), dequantize(a, S4, ZP4)]
    bad = 0
    for i, w in enumerate(want):
        got = np.load(f"{d}/out{i}.npy")
        same = got.dtype == w.dtype and got.shape == w.shape and \
            np.array_equal(got.view(np.uint8), w.view(np.uint8))
        if not same:
            bad += 1
            k = int(np.flatnonzero(got.view(np.uint8) != w.view(np.uint8))[0])
            k //= w.itemsize
            print(f"output #{i}: first difference at {k}: x = {x.flat[k]!r}, "
                  f"want {w.flat[k]!r}, got {got.flat[k]!r}")
    with np.errstate(invalid="ignore", over="ignore"):
        r = x / S1
        n_ties = int(np.sum(np.abs(r - np.trunc(r)) == 0.5))
    print(f"quant {n}: {'ok' if bad == 0 else 'MISMATCH'} ({n_ties} ties, "
          f"{int(np.sum(q1 == -128))} at -128, {int(np.sum(q2 == 127))} at 127, "
          f"{int(np.sum(np.isnan(x)))} NaN, {int(np.sum(np.isinf(x)))} inf)")

if __name__ == "__main__":
    main()
