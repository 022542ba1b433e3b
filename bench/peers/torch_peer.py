#!/usr/bin/python3
"""torch_peer: the workloads of `make bench` on Debian's PyTorch CPU build
(python3-torch; its BLAS is OpenBLAS, its convolutions oneDNN), run with
Debian's /usr/bin/python3.

  sgemm      a @ b
  mlp        torch.relu(x @ w + b)
  conv       torch.nn.functional.conv2d(x, w, padding=PAD) (NCHW, no bias)
  softmax    torch.softmax(x, dim=1)
  attention  q, k, v = x @ wq, x @ wk, x @ wv;
             torch.softmax(q @ k.T / sqrt(dh), dim=1) @ v

Eager mode under torch.inference_mode(), torch.set_num_threads(THREADS).
Inputs are common.h's (inputs.py: same generator and seeds), so the
checksum printed to stderr matches the C peers'. Timed exactly like bench/peers/common.h: one timed warm-up call, then
calls until >= 3 runs and >= MIN_SECONDS (or MAX_SECONDS); prints
"min_ms median_ms runs".

usage: torch_peer.py THREADS MIN_SECONDS MAX_SECONDS WORKLOAD DIMS...
"""
import math
import statistics
import sys
import time

import torch

from inputs import bench_random


def build(workload, d):
    seeds = iter(range(1, 10))

    def rnd(*shape):
        return torch.from_numpy(bench_random(shape, next(seeds)))

    if workload == "sgemm":
        m, n, k = d
        a, b = rnd(m, k), rnd(k, n)
        return lambda: a @ b
    if workload == "mlp":
        m, n, k = d
        x, w, bias = rnd(m, k), rnd(k, n), rnd(n)
        return lambda: torch.relu(x @ w + bias)
    if workload == "conv":
        nb, c, h, w_, oc, kh, kw, pad = d
        x, w = rnd(nb, c, h, w_), rnd(oc, c, kh, kw)
        return lambda: torch.nn.functional.conv2d(x, w, padding=pad)
    if workload == "softmax":
        r, c = d
        x = rnd(r, c)
        return lambda: torch.softmax(x, dim=1)
    if workload == "attention":
        l, dm, dh = d
        x, wq, wk, wv = rnd(l, dm), rnd(dm, dh), rnd(dm, dh), rnd(dm, dh)
        scale = 1.0 / math.sqrt(dh)

        def attention():
            q, k, v = x @ wq, x @ wk, x @ wv
            return torch.softmax((q @ k.T) * scale, dim=1) @ v

        return attention
    print("n/a: unknown workload")
    sys.exit(2)


def measure(fn, min_s, max_s):
    t0 = time.perf_counter()
    fn()
    warm = time.perf_counter() - t0
    times = []
    if warm >= max_s:
        times.append(warm)
    else:
        start = time.perf_counter()
        while len(times) < 10000:
            s = time.perf_counter()
            fn()
            e = time.perf_counter()
            times.append(e - s)
            spent = e - start
            if len(times) >= 3 and (spent >= min_s or spent + times[-1] > max_s):
                break
            if spent >= 3 * max_s:
                break
    return min(times), statistics.median(times), len(times)


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        sys.exit(1)
    threads, min_s, max_s = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    workload, dims = sys.argv[4], [int(x) for x in sys.argv[5:]]
    torch.set_num_threads(threads)
    cap = [line.strip() for line in torch.__config__.show().splitlines() if "CPU capability" in line]
    print(f"torch: {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{cap[0].lstrip('- ') if cap else 'CPU capability unknown'}", file=sys.stderr)
    with torch.inference_mode():
        fn = build(workload, dims)
        tmin, tmed, runs = measure(fn, min_s, max_s)
        y = fn().double()
    print(f"{tmin * 1e3:.6f} {tmed * 1e3:.6f} {runs}")
    print(f"checksum {y.abs().sum().item():.9e} {(y * y).sum().item():.9e}", file=sys.stderr)


if __name__ == "__main__":
    main()
