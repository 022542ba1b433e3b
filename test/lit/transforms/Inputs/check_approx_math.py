"""Accuracy of --approximate-math, end to end: each f32 function on 2^16
sweep and random values plus the special values, compiled (vectorized,
approximated, JIT-run by ml-run) and compared with Python's double-precision
math. Prints one line per function; exits 1 if any bound is exceeded.
Usage: check_approx_math.py ML_RUN WORKDIR"""
import math
import os
import subprocess
import sys

import numpy as np

ml_run, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
rng = np.random.default_rng(7)
N = 1 << 15
SPECIALS = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 1e-45, 1e-38,
            88.72, 88.73, -87.4, -103.9, -104.5, 0.625, -0.625, 0.5, 4.0,
            -4.0, 10.1, 12.0, -12.0]


def log_ref(v):
    return math.log(v) if v > 0 else (-math.inf if v == 0 else math.nan)


def gelu_ref(v):
    return v / 2 * math.erfc(-v / math.sqrt(2))


# name: (inputs, reference, error kind, bound, how it is reached)
CASES = {
    "exp": (np.concatenate([np.linspace(-110, 90, N), rng.uniform(-5, 5, N)]),
            math.exp, "ulp", 2.0, "mlt"),
    "log": (np.concatenate([np.exp(rng.uniform(-100, 88, N)),
                            rng.uniform(0, 4, N), np.linspace(1e-45, 1e-37, N)]),
            log_ref, "ulp", 2.0, "mlt"),
    "tanh": (np.concatenate([np.linspace(-12, 12, N), rng.uniform(-1, 1, N)]),
             math.tanh, "ulp", 3.0, "mlt"),
    "gelu": (np.concatenate([np.linspace(-12, 12, N), rng.uniform(-6, 6, N)]),
             gelu_ref, "rel", 1.4e-5, "mlt"),  # docs/reference.md's rtol: x/sqrt(2)
                                                # rounds, erfc(8.4) moves 2·8.4² times
    "erf": (np.concatenate([np.linspace(-6, 6, N), rng.uniform(-0.5, 0.5, N)]),
            math.erf, "abs", 4e-7, "math"),
    "erfc": (np.concatenate([np.linspace(-6, 11, N), rng.uniform(0, 4, N)]),
             math.erfc, "rel", 5e-7, "math"),
}


def module(name, n, how):
    t = f"tensor<{n}xf32>"
    if how == "mlt":
        return (f"func.func @f(%x: {t}) -> {t} {{\n"
                f"  %y = mlt.{name} %x : {t}\n  return %y : {t}\n}}\n")
    m = f"memref<{n}xf32>"
    return (f"func.func @f(%x: {m}, %y: {m}) {{\n"
            f"  loop.for %i = 0 to {n} step 1 parallel {{\n"
            f"    %v = memref.load %x[%i] : {m}\n"
            f"    %e = math.{name} %v : f32\n"
            f"    memref.store %e, %y[%i] : {m}\n  }}\n  return\n}}\n")


def error(y, r, kind):
    """Error of each f32 result y against the double reference r."""
    r32 = r.astype(np.float32)
    err = np.zeros(len(y))
    same = (np.isnan(y) & np.isnan(r)) | (y == r32)
    nonfinite = ~np.isfinite(r32) | ~np.isfinite(y)
    if kind == "ulp":
        ulp = np.spacing(np.abs(r32)).astype(np.float64)
        err = np.abs(y - r) / ulp
    elif kind == "abs":
        err = np.abs(y - r)
    else:  # relative; denormal results relative to the smallest normal
        err = np.abs(y - r) / np.maximum(np.abs(r), 1.1754944e-38)
    err[nonfinite] = np.inf
    err[same] = 0.0
    return err


np.seterr(all="ignore")  # inf - inf and overflowing casts are handled above
failed = False
for name, (xs, ref, kind, bound, how) in CASES.items():
    x = np.concatenate([xs, SPECIALS]).astype(np.float32)
    src = os.path.join(work, f"{name}.mlir")
    with open(src, "w") as f:
        f.write(module(name, len(x), how))
    np.save(os.path.join(work, f"{name}_in.npy"), x)
    out = os.path.join(work, f"{name}_out.npy")
    pipeline = ("-O2" if how == "mlt"
                else "--vectorize --approximate-math --lower-to-llvm")
    cmd = [ml_run, f"--pipeline={pipeline}", "--threads=1",
           f"--input={os.path.join(work, name + '_in.npy')}", f"--output={out}", src]
    if how == "math":
        cmd.insert(1, "--output-args=1")
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode:
        print(f"{name}: ml-run failed:\n{run.stderr}")
        failed = True
        continue
    y = np.load(out).astype(np.float64)
    r = np.array([ref(float(v)) for v in x])
    err = error(y, r, kind)
    k = int(np.argmax(err))
    ok = err[k] <= bound
    failed |= not ok
    print(f"{name}: {'ok' if ok else 'FAIL'} max {kind} error {err[k]:.3g} "
          f"(bound {bound:g}) at x={x[k]!r}: got {y[k]!r}, want {r[k]!r}")
sys.exit(1 if failed else 0)
