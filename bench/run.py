#!/usr/bin/python3
"""bench/run.py: `make bench` — mlopt measured against real peers, in one
run on one machine.

Builds the C peers (bench/peers/*.c, bench/peak/fma_peak.c) into
bench/build/, measures the machine's peak FMA rate, then runs every
workload at 1 and 2 threads through each implementation:

  mlopt      build/bin/ml-run on bench/workloads/*.mlir (mlt dialect),
             pipeline MLOPT_PIPELINE below
  OpenBLAS   bench/peers/openblas_peer.c (cblas_sgemm)
  oneDNN     bench/peers/dnnl_peer.c (dnnl_sgemm, matmul, convolution, softmax)
  PyTorch    bench/peers/torch_peer.py under /usr/bin/python3
  linalg     build/bin/ml-run on bench/workloads/linalg/*.mlir with a plain
             upstream MLIR lowering (LINALG_PIPELINE below)
  naive C    bench/peers/naive_peer.c at gcc -O3 -march=native

and writes the table of rates and ratios to bench/results/latest.md (also
printed) and a chart to bench/results/latest.png (gnuplot).

OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from the environment of
every run (they pin OpenBLAS, and PyTorch through it, to a kernel of the
caller's choosing); the results file says what they were set to.

Standard library plus NumPy (the shared inputs and output checksums,
peers/inputs.py). bench/README.md explains the columns and caveats.
"""
import argparse
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from string import Template

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent / "peers"))
from accel import accel_table  # noqa: E402
from inputs import bench_random, checksum, input_shapes  # noqa: E402

# --------------------------------------------------------------------------
# The mlopt pipeline: the one line to change when the optimizing passes
# land (e.g. "--fuse --tile --vectorize --lower-to-loops --lower-to-llvm",
# or a single "-O2"). Per-workload overrides go in MLOPT_PIPELINE_FOR.
MLOPT_PIPELINE = "-O2"
MLOPT_PIPELINE_FOR = {}  # workload key -> pipeline text
# How ml-run is told a thread count, once it can run in parallel (e.g.
# "--threads={n}"); None = mlopt runs on 1 thread and its 2-thread cells
# say so and reuse the 1-thread number.
MLOPT_THREADS_FLAG = "--threads={n}"

# The upstream MLIR peer: linalg on tensors, bufferized with destination
# passing, lowered to plain loops and then to LLVM (--lower-to-llvm is
# mlopt's name for the upstream conversions to the llvm dialect plus the C
# wrappers ml-run calls through; docs/DEVELOPMENT.md).
LINALG_PIPELINE = (
    "--one-shot-bufferize='bufferize-function-boundaries "
    "function-boundary-type-conversion=identity-layout-map' "
    "--buffer-results-to-out-params='hoist-static-allocs modify-public-functions' "
    "--buffer-deallocation-pipeline --convert-linalg-to-loops --lower-affine --lower-to-llvm"
)
# The --fuse comparison: the same loop-level pipeline with and without
# --fuse in front (-O2 is --fuse + this tail, with the tile from the host's
# L2; the tail spells out the 1 MiB-L2 tile so both sides use one).
FUSE_TAIL = ("--lower-to-loops --tile=256,64 --vectorize --unroll=8,2 "
             "--approximate-math --parallelize --lower-to-llvm")
FUSION_WORKLOADS = [("gelu_chain", "gelu(x·a+b) 4096×1024 (mul, add, gelu)"),
                    ("softmax_decomposed", "softmax 4096×1024 as max, sub, exp, sum, div")]
# --------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PY = "/usr/bin/python3"
TRAP_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
TRAP_DEFAULTS = {"OPENBLAS_CORETYPE": "Haswell", "OPENBLAS_L2_SIZE": "512"}

IMPLS = ["mlopt", "openblas", "onednn", "torch", "linalg", "naive"]
TITLE = {"mlopt": "mlopt", "openblas": "OpenBLAS", "onednn": "oneDNN", "torch": "PyTorch",
         "linalg": "MLIR linalg", "naive": "naive C"}
SERIAL_NOTE = {"mlopt": "1 thread (no --parallelize yet)",
               "linalg": "1 thread (plain lowering is serial)"}


@dataclass
class Workload:
    key: str        # short id, also the file stem in bench/workloads/
    label: str      # row label
    kind: str       # argument of the C/Python peers
    dims: tuple     # their dimensions
    work: float     # flop (GFLOP/s rows) or bytes (GB/s rows) per call
    unit: str       # "GFLOP/s" or "GB/s"
    mlt: str        # bench/workloads/<mlt> (a .in template for sgemm)
    linalg: str     # bench/workloads/linalg/<linalg>


def sgemm(m, n, k):
    return Workload(f"sgemm_{m}x{n}x{k}", f"sgemm {m}×{n}×{k}" if not m == n == k else f"sgemm {m}³",
                    "sgemm", (m, n, k), 2.0 * m * n * k, "GFLOP/s",
                    "sgemm.mlir.in", "sgemm.mlir.in")


def workloads():
    w = [sgemm(s, s, s) for s in (128, 256, 512, 1024, 2048)]
    w += [sgemm(1, 4096, 4096), sgemm(64, 1024, 4096)]
    w.append(Workload("mlp", "MLP relu(X·W+b) 512×1024×1024", "mlp", (512, 1024, 1024),
                      2.0 * 512 * 1024 * 1024, "GFLOP/s", "mlp.mlir", "mlp.mlir"))
    w.append(Workload("conv2d", "conv2d 1×64×56×56, 64×3×3, pad 1", "conv",
                      (1, 64, 56, 56, 64, 3, 3, 1), 2.0 * 56 * 56 * 64 * 64 * 9, "GFLOP/s",
                      "conv2d.mlir", "conv2d.mlir"))
    w.append(Workload("softmax", "softmax 4096×1024 (rows)", "softmax", (4096, 1024),
                      8.0 * 4096 * 1024, "GB/s", "softmax.mlir", "softmax.mlir"))
    l, d, dh = 512, 768, 64
    w.append(Workload("attention", "attention head L512 D768 dh64", "attention", (l, d, dh),
                      3 * 2.0 * l * d * dh + 2 * 2.0 * l * l * dh, "GFLOP/s",
                      "attention.mlir", "attention.mlir"))
    return w


@dataclass
class Cell:
    min_ms: float = 0.0
    med_ms: float = 0.0
    runs: int = 0
    rate: float = 0.0       # in the workload's unit
    skip: str = ""          # why there is no number ("n/a", "skipped: ...")
    note: str = ""          # e.g. the serial note in 2-thread rows
    attempts: int = 1       # measurements taken (the fastest is kept)
    checksum: tuple = ()    # (sum |y|, sum y²) of the output
    wrong: bool = False     # its checksum differs from naive C's
    cost: float = 0.0       # wall seconds spent measuring it

    @property
    def ok(self):
        return not self.skip


# ---------------------------------------------------------------- helpers

def log(msg):
    print(msg, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def clean_env(threads):
    """The environment of every measured run: the OpenBLAS trap variables
    removed, thread counts set for OpenMP (oneDNN, PyTorch, naive C) and
    OpenBLAS (which PyTorch's matmuls also go through)."""
    env = {k: v for k, v in os.environ.items() if k not in TRAP_VARS}
    env["OMP_NUM_THREADS"] = str(threads)
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    return env


def build_peers(out):
    """Compiles the C peers into bench/build/ with gcc (fast; always)."""
    out.mkdir(parents=True, exist_ok=True)
    cc = os.environ.get("BENCH_CC", "gcc")
    jobs = [
        ("fma_peak", ["peak/fma_peak.c"], ["-O2", "-pthread"]),
        ("naive_peer", ["peers/naive_peer.c"], ["-O3", "-fopenmp", "-lm"]),
        ("openblas_peer", ["peers/openblas_peer.c"], ["-O3", "-lopenblas", "-lm"]),
        ("dnnl_peer", ["peers/dnnl_peer.c"], ["-O3", "-ldnnl", "-lm"]),
    ]
    for name, srcs, flags in jobs:
        cmd = [cc, "-march=native", "-Wall", "-o", str(out / name)] + \
              [str(BENCH / s) for s in srcs] + flags
        r = sh(cmd)
        if r.returncode:
            sys.exit(f"bench: building {name} failed:\n{' '.join(cmd)}\n{r.stderr}")
    return cc


def parse_times(text):
    """'min_ms median_ms runs' from a peer, or None."""
    for line in text.splitlines():
        p = line.split()
        if len(p) == 3:
            try:
                return float(p[0]), float(p[1]), int(p[2])
            except ValueError:
                pass
    return None


MLRUN_RE = re.compile(r"min ([\d.]+) ms, median ([\d.]+) ms \((\d+) runs?\)")


class Bench:
    def __init__(self, args):
        self.args = args
        self.bin = BENCH / "build"
        self.ml_run = Path(args.build_dir).resolve() / "bin" / "ml-run"
        self.gen = self.bin / "workloads"
        self.results = {}     # (key, threads) -> {impl: Cell}
        self.stderr_notes = {}  # impl -> first interesting stderr line
        self.wls = []

    def snapshot_ml_run(self):
        """Copies ml-run into bench/build/ so every measurement of this run
        uses one binary, even if build/ is rebuilt meanwhile (it is shared;
        ml-run links libmlopt statically, so the copy is self-contained)."""
        src = self.ml_run
        dst = self.bin / "ml-run"
        self.bin.mkdir(parents=True, exist_ok=True)
        for _ in range(30):  # a link in progress: wait for it
            try:
                shutil.copy2(src, dst)
                if sh([str(dst), "--version"]).returncode == 0:
                    break
            except FileNotFoundError:
                sys.exit(f"bench: {src} not found (run `make build` first)")
            except OSError:
                pass
            time.sleep(2)
        else:
            sys.exit(f"bench: could not copy a working {src}")
        self.ml_run_built = datetime.fromtimestamp(src.stat().st_mtime, timezone.utc)
        self.ml_run = dst

    # ------------------------------------------------------------ running
    def timeout(self):
        return max(180.0, 3 * self.args.max_call_seconds)

    def run_cmd(self, impl, cmd, threads):
        """Runs one measurement: (stdout, stderr, None) or (None, None, why)."""
        try:
            r = sh(cmd, env=clean_env(threads), timeout=self.timeout())
        except subprocess.TimeoutExpired:
            return None, None, f"timed out after {self.timeout():.0f} s"
        err = r.stderr.strip()
        if impl not in self.stderr_notes and err and not err.startswith("checksum"):
            self.stderr_notes[impl] = err.splitlines()[0]
        if r.returncode == 2 and r.stdout.startswith("n/a"):
            return None, None, r.stdout.strip()
        if r.returncode:
            return None, None, f"failed (exit {r.returncode}): {(err or r.stdout).splitlines()[-1][:120]}"
        return r.stdout, r.stderr, None

    def peer(self, impl, w, threads):
        a = self.args
        common = [str(threads), str(a.min_seconds), str(a.max_seconds), w.kind] + [str(x) for x in w.dims]
        if impl == "torch":
            cmd = [PY, str(BENCH / "peers" / "torch_peer.py")] + common
        else:
            exe = {"openblas": "openblas_peer", "onednn": "dnnl_peer", "naive": "naive_peer"}[impl]
            cmd = [str(self.bin / exe)] + common
        out, err, why = self.run_cmd(impl, cmd, threads)
        if why:
            return Cell(skip=why)
        t = parse_times(out)
        if not t:
            return Cell(skip=f"unparsed output: {out.strip()[:80]}")
        m = re.search(r"^checksum (\S+) (\S+)$", err, re.M)
        return Cell(*t, checksum=(float(m.group(1)), float(m.group(2))) if m else ())

    def mlir_file(self, impl, w):
        """The .mlir for `impl` (mlopt: mlt dialect, linalg: upstream), an
        sgemm template instantiated into bench/build/workloads/."""
        src = BENCH / "workloads" / (w.mlt if impl == "mlopt" else "linalg/" + w.linalg)
        if src.suffix != ".in":
            return src
        m, n, k = w.dims
        text = Template(src.read_text()).substitute(M=m, N=n, K=k)
        self.gen.mkdir(parents=True, exist_ok=True)
        dst = self.gen / f"{'mlt' if impl == 'mlopt' else 'linalg'}_{w.key}.mlir"
        dst.write_text(text)
        return dst

    def mlrun(self, impl, w, threads):
        """Times one workload through ml-run: --repeat=1 first (it also
        gives the call time); if that call took MAX_SECONDS or more it is
        the only sample, else a second run with enough repeats for
        MIN_SECONDS (at least 3)."""
        a = self.args
        pipe = MLOPT_PIPELINE_FOR.get(w.key, a.mlopt_pipeline) if impl == "mlopt" else LINALG_PIPELINE
        out_npy = self.bin / "outputs" / f"{impl}_{w.key}.npy"
        out_npy.parent.mkdir(parents=True, exist_ok=True)
        cmd = [str(self.ml_run), str(self.mlir_file(impl, w)), "--entry=f", f"--pipeline={pipe}"] + \
            [f"--input={f}" for f in self.inputs(w)] + [f"--output={out_npy}"]
        if impl == "mlopt" and MLOPT_THREADS_FLAG:
            cmd.append(MLOPT_THREADS_FLAG.format(n=threads))

        def once(repeat):
            out, _, why = self.run_cmd(impl, cmd + [f"--repeat={repeat}"], threads)
            if why:
                return None, why
            m = MLRUN_RE.search(out)
            if not m:
                return None, f"unparsed ml-run output: {out.strip()[:80]}"
            return (float(m.group(1)), float(m.group(2)), int(m.group(3))), None

        t, why = once(1)
        if why:
            return Cell(skip=why)
        if t[0] / 1e3 < a.max_seconds:
            reps = max(3, min(10000, math.ceil(a.min_seconds / max(t[0] / 1e3, 1e-6))))
            t2, why = once(reps)
            if why:
                return Cell(skip=why)
            t = t2
        return Cell(*t, checksum=checksum(np.load(out_npy)))

    def fusion_time(self, key, pipeline, threads):
        """Best time in ms of bench/workloads/fusion/<key>.mlir on random
        inputs (correctness is lit's job: test/lit/e2e/check-fuse.test), or
        None with the reason."""
        src = BENCH / "workloads" / "fusion" / f"{key}.mlir"
        cmd = [str(self.ml_run), str(src), "--random-inputs", f"--pipeline={pipeline}",
               MLOPT_THREADS_FLAG.format(n=threads), "--repeat=20"]
        out, _, why = self.run_cmd("mlopt", cmd, threads)
        if why:
            return None, why
        m = MLRUN_RE.search(out)
        return (float(m.group(1)), None) if m else (None, f"unparsed: {out.strip()[:80]}")

    def inputs(self, w):
        """The workload's inputs as .npy files for ml-run, the very numbers
        the C and PyTorch peers draw (peers/inputs.py), made once."""
        files = []
        for n, (shape, seed) in enumerate(input_shapes(w.kind, w.dims)):
            f = self.bin / "inputs" / f"{'x'.join(map(str, shape))}_seed{seed}.npy"
            if not f.exists():
                f.parent.mkdir(parents=True, exist_ok=True)
                np.save(f, bench_random(shape, seed))
            files.append(f)
        return files

    def estimate(self, impl, w, threads):
        """Estimated seconds per call, from the sgemm rates this
        implementation reached so far at this thread count: for a square
        sgemm, the rate at the largest size measured, extrapolated along
        its trend (the naive loops slow down as N grows); otherwise the
        slowest sgemm rate. None: no estimate (run it)."""
        if w.unit != "GFLOP/s":
            return None
        square = sorted((x.dims[0], c.rate) for x in self.wls
                        if x.kind == "sgemm" and len(set(x.dims)) == 1
                        for c in [self.results.get((x.key, threads), {}).get(impl)]
                        if c is not None and c.ok and c.rate > 0 and x.dims[0] < w.dims[0])
        if w.kind == "sgemm" and len(set(w.dims)) == 1 and square:
            rate = square[-1][1]
            if len(square) > 1 and square[-1][1] < square[-2][1]:
                rate *= square[-1][1] / square[-2][1]
            return w.work / (rate * 1e9)
        rates = [c.rate for (k, t), row in self.results.items() if t == threads and k.startswith("sgemm")
                 for i, c in row.items() if i == impl and c.ok and c.rate > 0]
        return w.work / (min(rates) * 1e9) if rates else None

    def serial(self, impl):
        """mlopt (until MLOPT_THREADS_FLAG is set) and the linalg peer run
        on one thread only."""
        return impl in SERIAL_NOTE and not (impl == "mlopt" and MLOPT_THREADS_FLAG)

    def cell(self, w, threads, impl):
        """The cell to report: a serial implementation's 2-thread cell is
        its 1-thread one, marked."""
        if self.serial(impl) and threads > 1:
            one = self.results.get((w.key, 1), {}).get(impl)
            if one is None:
                return None
            return Cell(one.min_ms, one.med_ms, one.runs, one.rate, one.skip, SERIAL_NOTE[impl],
                        one.attempts, one.checksum, one.wrong)
        return self.results.get((w.key, threads), {}).get(impl)

    def attempt(self, impl, w, threads):
        t0 = time.monotonic()
        c = self.mlrun(impl, w, threads) if impl in ("mlopt", "linalg") else self.peer(impl, w, threads)
        if c.ok:
            c.rate = w.work / (c.min_ms / 1e3) / 1e9
        c.cost = time.monotonic() - t0
        return c

    def show(self, w, threads, impl, c, tag):
        what = f"{c.rate:9.3g} {w.unit:7s} (min {c.min_ms:.3f} ms, median {c.med_ms:.3f} ms, {c.runs} runs)" \
            if c.ok else c.skip
        log(f"{tag} {w.label:34s} {threads}T {TITLE[impl]:11s} {what}")

    def measure(self, impl, w, threads, tag):
        """Pass 1: one measurement (or a skip) of every case."""
        est = self.estimate(impl, w, threads)
        if est is not None and est > self.args.max_call_seconds:
            c = Cell(skip=f"skipped: est. {est:.0f} s/call > {self.args.max_call_seconds:.0f} s")
        else:
            c = self.attempt(impl, w, threads)
        self.results.setdefault((w.key, threads), {})[impl] = c
        self.show(w, threads, impl, c, tag)

    def again(self, impl, w, threads, tag):
        """A later pass: measure once more and keep the faster."""
        old = self.results[(w.key, threads)][impl]
        c = self.attempt(impl, w, threads)
        keep = c if c.ok and c.rate > old.rate else old
        keep.attempts = old.attempts + 1
        keep.cost = old.cost + c.cost
        self.results[(w.key, threads)][impl] = keep
        if keep is c:
            self.show(w, threads, impl, c, tag + " faster:")


# ----------------------------------------------------------- machine info

def read(path):
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def cpu_info():
    info = read("/proc/cpuinfo")
    get = lambda k: (re.search(rf"^{k}\s*:\s*(.*)$", info, re.M) or [None, "?"])[1]
    flags = get("flags").split()
    isa = "AVX-512" if "avx512f" in flags else ("AVX2+FMA" if "fma" in flags else "no FMA")
    lscpu = sh(["lscpu"]).stdout if shutil.which("lscpu") else ""
    lget = lambda k: (re.search(rf"^{k}:\s*(.*)$", lscpu, re.M) or [None, "?"])[1].strip()
    cores = f"{os.cpu_count()} logical CPUs"
    if lscpu:
        per_socket, per_core = lget(r"Core\(s\) per socket"), lget(r"Thread\(s\) per core")
        cores += (f"; {per_socket} cores per socket, {per_core} thread(s) per core; "
                  f"L2 {lget('L2 cache')}, L3 {lget('L3 cache')}")
        if "Hypervisor vendor" in lscpu:
            cores += f"; {lget('Hypervisor vendor')} guest"
    return {
        "model": f"{get('model name')} (family {get('cpu family')}, model {get('model')}, "
                 f"stepping {get('stepping')}), {isa}",
        "cores": cores,
    }


def pkg_versions(names):
    out = []
    for n in names:
        r = sh(["dpkg-query", "-W", "-f=${Version}", n])
        out.append(f"{n} {r.stdout.strip() if r.returncode == 0 and r.stdout.strip() else '(not installed)'}")
    return out


def fma_peak(bindir, threads):
    r = sh([str(bindir / "fma_peak"), str(threads)])
    m = re.search(r"([\d.]+) GFLOP/s \(([^)]*)\)", r.stdout)
    return (float(m.group(1)), m.group(2)) if m else (0.0, "failed")


def trap_check(bench, w):
    """OpenBLAS sgemm at 1 thread with the trap variables set as the caller
    had them (or to the known trap values when the caller had none)."""
    env = clean_env(1)
    for k in TRAP_VARS:
        env[k] = os.environ.get(k, TRAP_DEFAULTS[k])
    a = bench.args
    r = sh([str(bench.bin / "openblas_peer"), "1", str(a.min_seconds), str(a.max_seconds), "sgemm"]
           + [str(x) for x in w.dims], env=env)
    t = parse_times(r.stdout)
    core = re.search(r"core (\S+);", r.stderr)
    if not t:
        return None
    return w.work / (t[0] / 1e3) / 1e9, core.group(1) if core else "?", \
        " ".join(f"{k}={env[k]}" for k in TRAP_VARS)


# --------------------------------------------------------------- reporting

def fmt(x):
    if x >= 100:
        return f"{x:.0f}"
    return f"{x:.3g}"


def cell_text(c):
    if c is None:
        return "–"
    if not c.ok:
        return "n/a" if c.skip.startswith("n/a") else c.skip.replace("|", "/")
    return fmt(c.rate) + ("†" if c.note else "") + (" ✗" if c.wrong else "")


def ratio_text(m, p):
    if m is None or p is None or not m.ok or not p.ok or p.rate <= 0:
        return "–"
    r = m.rate / p.rate
    return f"{r:.2g}" if r < 10 else f"{r:.0f}"


def cross_check(bench, wls):
    """Compares every output's checksum with naive C's on the same inputs
    (relative 1e-3 on sum |y| and sum y²): a fast but wrong implementation
    must not pass unnoticed. Returns (cases compared, [mismatches])."""
    compared, bad = 0, []
    for (key, th), row in bench.results.items():
        ref = row.get("naive")
        if ref is None or not ref.checksum:
            continue
        w = next(x for x in wls if x.key == key)
        for i, c in row.items():
            if i == "naive" or not c.ok or not c.checksum:
                continue
            compared += 1
            if any(abs(a - b) > 1e-3 * max(abs(b), 1e-30) for a, b in zip(c.checksum, ref.checksum)):
                c.wrong = True
                bad.append(f"{TITLE[i]} on {w.label} at {th} thread(s): sum |y|, sum y² = "
                           f"{c.checksum[0]:.6g}, {c.checksum[1]:.6g}; naive C {ref.checksum[0]:.6g}, "
                           f"{ref.checksum[1]:.6g}")
    return compared, bad


def tables(bench, wls, threads_list, peaks):
    lines = []
    peers = [i for i in IMPLS if i != "mlopt"]
    for th in threads_list:
        peak = peaks.get(th, (0, ""))[0]
        lines.append(f"### {th} thread{'s' if th > 1 else ''}  (FMA peak {peak:.0f} GFLOP/s)")
        lines.append("")
        head = ["workload", "unit"] + [TITLE[i] for i in IMPLS] + \
               [f"mlopt / {TITLE[i]}" for i in peers] + ["mlopt % of peak"]
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "|".join(["---"] * 2 + ["---:"] * (len(head) - 2)) + "|")
        for w in wls:
            row = {i: bench.cell(w, th, i) for i in IMPLS}
            m = row.get("mlopt")
            cells = [w.label, w.unit] + [cell_text(row.get(i)) for i in IMPLS] + \
                    [ratio_text(m, row.get(i)) for i in peers]
            if w.unit == "GFLOP/s" and m is not None and m.ok and peak:
                cells.append(f"{100 * m.rate / peak:.2g}%")
            else:
                cells.append("–")
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        if th > 1:
            lines.append("† mlopt: " + SERIAL_NOTE["mlopt"] + "; MLIR linalg: " + SERIAL_NOTE["linalg"] +
                         ". Their 1-thread numbers are repeated here and the ratios compare them with "
                         "the peers' 2-thread numbers." if not MLOPT_THREADS_FLAG else
                         "† MLIR linalg: " + SERIAL_NOTE["linalg"] + ".")
            lines.append("")
    return lines


def fusion_table(bench, threads_list):
    """--fuse's speedup: each fusion workload through the same pipeline with
    and without --fuse, twice in alternation (the faster of each kept)."""
    lines = ["## What --fuse buys", "",
             f"Pipeline without fusion: `{FUSE_TAIL}`; with: `--fuse` in front. "
             "Best of 2×20 runs each; speedup = time without / time with.", "",
             "| workload | threads | without --fuse (ms) | with --fuse (ms) | speedup |",
             "|---|---:|---:|---:|---:|"]
    for key, label in FUSION_WORKLOADS:
        for th in threads_list:
            best = {}
            for _ in range(2):
                for name, pipe in (("off", FUSE_TAIL), ("on", "--fuse " + FUSE_TAIL)):
                    t, why = bench.fusion_time(key, pipe, th)
                    if t is not None:
                        best[name] = min(best.get(name, t), t)
                    else:
                        log(f"bench: fusion {key} {name} {th}T: {why}")
            off, on = best.get("off"), best.get("on")
            log(f"bench: fusion {key} {th}T: without {off} ms, with {on} ms")
            lines.append(f"| {label} | {th} | {fmt(off) if off else '–'} | {fmt(on) if on else '–'} | "
                         + (f"{off / on:.2f}×" if off and on else "–") + " |")
    return lines + [""]


def raw_table(bench, wls, threads_list):
    lines = ["| workload | threads | implementation | min ms | median ms | runs | attempts |",
             "|---|---:|---|---:|---:|---:|---:|"]
    for w in wls:
        for th in threads_list:
            for i in IMPLS:
                c = bench.results.get((w.key, th), {}).get(i)
                if c is None:
                    continue
                if c.ok:
                    lines.append(f"| {w.label} | {th} | {TITLE[i]} | {c.min_ms:.4g} | {c.med_ms:.4g} | "
                                 f"{c.runs} | {c.attempts} |")
                else:
                    lines.append(f"| {w.label} | {th} | {TITLE[i]} | {c.skip.replace('|', '/')} | | | |")
    return lines


def chart(bench, wls, threads_list, png):
    """Clustered bars of each implementation's rate per workload (log
    scale), one panel per thread count, with gnuplot."""
    if not shutil.which("gnuplot"):
        return "gnuplot not found: no chart"
    dat = bench.bin / "chart.dat"
    rows = []
    for th in threads_list:
        for w in wls:
            row = {i: bench.cell(w, th, i) for i in IMPLS}
            vals = [f"{row[i].rate:.6g}" if row[i] is not None and row[i].ok else "?" for i in IMPLS]
            label = w.label.split(" (")[0].replace("MLP relu(X·W+b)", "MLP") \
                .replace("attention head", "attention").replace(", 64×3×3, pad 1", " 3×3")
            if w.unit != "GFLOP/s":
                label += f" [{w.unit}]"
            rows.append(f'{th} "{label}" ' + " ".join(vals))
        rows.append("")
        rows.append("")
    dat.write_text("\n".join(rows) + "\n")
    cols = " , ".join(
        f"'{dat}' index IDX using {3 + j}:xtic(2) title '{TITLE[i]}'" for j, i in enumerate(IMPLS))
    panels = []
    for n, th in enumerate(threads_list):
        t = f"{th} thread" + ("s (mlopt and MLIR linalg: 1 thread)" if th > 1 else "") + \
            "; no bar: n/a or skipped (see latest.md)"
        panels.append(f"set title \"{t}\"\nplot " + cols.replace("IDX", str(n)))
    script = f"""
set terminal pngcairo size 1600,{520 * len(threads_list)} font "DejaVu Sans,10"
set output '{png}'
set datafile missing '?'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set yrange [0.05:*]
set xrange [-0.6:{len(wls) - 0.4}]
set ylabel "GFLOP/s (softmax: GB/s), log scale"
set grid ytics
set key outside right top
set xtics rotate by -30 font ",9"
set multiplot layout {len(threads_list)},1
{chr(10).join(panels)}
unset multiplot
"""
    r = sh(["gnuplot"], input=script)
    return r.stderr.strip() if r.returncode else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", default=str(ROOT / "build"), help="mlopt build dir (has bin/ml-run)")
    ap.add_argument("--threads", default="1,2", help="thread counts (default 1,2)")
    ap.add_argument("--only", default="", help="comma-separated substrings of workload keys to run")
    ap.add_argument("--impls", default=",".join(IMPLS), help="implementations to run")
    ap.add_argument("--min-seconds", type=float, default=0.5, help="time each case at least this long (>= 3 runs)")
    ap.add_argument("--max-seconds", type=float, default=3.0,
                    help="a single call this slow is the only sample")
    ap.add_argument("--max-call-seconds", type=float, default=60.0,
                    help="skip a case whose estimated call time exceeds this")
    ap.add_argument("--repass-seconds", type=float, default=15.0,
                    help="measure a case a second time (later in the run) if it took less than this")
    ap.add_argument("--mlopt-pipeline", default=MLOPT_PIPELINE,
                    help=f"ml-run pipeline for mlopt (default '{MLOPT_PIPELINE}')")
    ap.add_argument("--output", default=str(BENCH / "results" / "latest.md"))
    args = ap.parse_args()
    t_start = time.monotonic()
    started = datetime.now(timezone.utc)

    bench = Bench(args)
    bench.snapshot_ml_run()
    threads_list = [int(x) for x in args.threads.split(",")]
    impls = [i for i in IMPLS if i in args.impls.split(",")]
    wls = [w for w in workloads() if not args.only or any(s in w.key for s in args.only.split(","))]

    trap_env = {k: os.environ.get(k) for k in TRAP_VARS}
    log("bench: " + ", ".join(f"{k} {'was ' + repr(v) if v is not None else 'was not set'}"
                              for k, v in trap_env.items()) + "; unset for every run")
    log(f"bench: building the C peers with {build_peers(bench.bin)} into {bench.bin}")
    load0 = os.getloadavg()

    peaks = {th: fma_peak(bench.bin, th) for th in threads_list}
    for th, (g, isa) in peaks.items():
        log(f"bench: FMA peak at {th} thread(s): {g:.1f} GFLOP/s ({isa})")

    bench.wls = wls
    cases = [(impl, w, th) for w in wls for th in threads_list for impl in impls
             if not (bench.serial(impl) and th > 1)]  # 1 and 2 threads back to back
    for n, (impl, w, th) in enumerate(cases):
        bench.measure(impl, w, th, f"[{n + 1:3d}/{len(cases)}]")
    # Pass 2, minutes later: every case that took under --repass-seconds
    # once more, the faster kept (a shared machine's load comes and goes).
    # Pass 3: 2-thread cases still slower than their 1-thread case (a core
    # taken by another process; an OpenMP barrier then waits out a whole
    # time slice) once more.
    res = lambda i, w, th: bench.results.get((w.key, th), {}).get(i) or Cell(skip="-")
    again = [(i, w, th) for i, w, th in cases if res(i, w, th).ok and res(i, w, th).cost < args.repass_seconds]
    log(f"bench: pass 2, {len(again)} cases again")
    for i, w, th in again:
        bench.again(i, w, th, "[pass 2]")
    slow = [(i, w, th) for i, w, th in cases if th > 1 and res(i, w, th).ok and res(i, w, 1).ok
            and res(i, w, th).rate < res(i, w, 1).rate]
    log(f"bench: pass 3, {len(slow)} 2-thread cases slower than at 1 thread, again")
    for i, w, th in slow:
        bench.again(i, w, th, "[pass 3]")

    fusion = (fusion_table(bench, threads_list)
              if "mlopt" in impls and (not args.only or "fusion" in args.only) else [])

    accel = (accel_table(args.build_dir, log)
             if "mlopt" in impls and (not args.only or "accel" in args.only) else [])

    trap = None
    ref = next((w for w in wls if w.key == "sgemm_1024x1024x1024"), None)
    if ref and "openblas" in impls:
        trap = trap_check(bench, ref)
    peaks_end = {th: fma_peak(bench.bin, th) for th in threads_list}
    for th in threads_list:  # the better of the two peak runs
        if peaks_end[th][0] > peaks[th][0]:
            peaks[th] = peaks_end[th]
    load1 = os.getloadavg()
    wall = time.monotonic() - t_start

    # ---- the report
    cpu = cpu_info()
    commit = sh(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]).stdout.strip() or "?"
    pk = pkg_versions(["libopenblas0-pthread", "libdnnl2", "python3-torch", "libmlir-22-dev",
                       "gcc-12", "gnuplot-nox"])
    env_note = ("OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for all peers (they were set to "
                + " / ".join(trap_env[k] if trap_env[k] is not None else "(not set)" for k in TRAP_VARS)
                + " in the calling environment)")
    best = None
    for (k, th), row in bench.results.items():
        c = row.get("mlopt")
        w = next(x for x in wls if x.key == k)
        if c and c.ok and not c.note and w.unit == "GFLOP/s":
            f = c.rate / peaks[th][0] if peaks[th][0] else 0
            if best is None or f > best[0]:
                best = (f, w.label, th, c.rate)
    md = [f"# mlopt benchmark — {started.strftime('%Y-%m-%d %H:%M UTC')}", ""]
    md += [
        f"* Machine: {cpu['model']}; {cpu['cores']}",
        f"* Kernel: {platform.system()} {platform.release()} {platform.version()}; "
        f"Debian {read('/etc/debian_version').strip()}",
        f"* Packages: {', '.join(pk)}",
        f"* mlopt: `{args.build_dir}/bin/ml-run` of {bench.ml_run_built.strftime('%Y-%m-%d %H:%M UTC')}, "
        f"built from commit {commit} (and any uncommitted work in the tree); pipeline "
        f"`{args.mlopt_pipeline}`" + (f" (overrides: {MLOPT_PIPELINE_FOR})" if MLOPT_PIPELINE_FOR else ""),
        f"* MLIR linalg pipeline: `{LINALG_PIPELINE}`",
        f"* Environment: {env_note}.",
    ]
    if trap:
        full = bench.results.get((ref.key, 1), {}).get("openblas")
        md.append(f"* Trap check: OpenBLAS sgemm 1024³ at 1 thread with {trap[2]}: {trap[0]:.0f} GFLOP/s "
                  f"(kernel {trap[1]}); with both unset: "
                  + (f"{full.rate:.0f} GFLOP/s" if full and full.ok else "–")
                  + f" ({bench.stderr_notes.get('openblas', '?').replace('openblas: ', '')}).")
    if "torch" in bench.stderr_notes:
        note = re.sub(r", \d+ threads", "", bench.stderr_notes["torch"].replace("torch: ", ""))
        md.append(f"* PyTorch: {note} "
                  "(matmuls through Debian's libblas.so.3 = OpenBLAS pthread, convolutions through oneDNN)")
    if "onednn" in bench.stderr_notes:
        md.append(f"* oneDNN: {bench.stderr_notes['onednn'].replace('dnnl: ', '')} (cpu runtime 2 = OpenMP)")
    md.append("* Peak FMA (bench/peak/fma_peak.c, best of the runs before and after): " +
              ", ".join(f"{th} thread{'s' if th > 1 else ''}: {g:.1f} GFLOP/s ({isa})"
                        for th, (g, isa) in peaks.items()))
    compared, bad = cross_check(bench, wls)
    md.append(f"* Cross-check: all implementations compute on the same inputs; {compared} outputs "
              "compared with naive C's (sum |y| and sum y², relative 1e-3): "
              + ("all agree." if not bad else f"{len(bad)} differ (marked ✗): " + "; ".join(bad)))
    if best:
        md.append(f"* mlopt's best fraction of peak: {100 * best[0]:.2g}% ({best[1]}, {best[2]} thread, "
                  f"{best[3]:.3g} GFLOP/s)")
    md.append(f"* Load average (1 min) before / after: {load0[0]:.2f} / {load1[0]:.2f}; "
              f"wall time of this run: {wall / 60:.1f} min")
    md.append("")
    md.append("Rates at the fastest run (min time). GFLOP/s count the contractions only "
              "(2·M·N·K; conv 2·N·OH·OW·OC·C·KH·KW; attention its five matmuls); softmax is GB/s of "
              "compulsory traffic (8 bytes per element). Ratios are mlopt's rate over the peer's "
              "(below 1: mlopt is slower). bench/README.md describes each column and the caveats.")
    md.append("")
    md += tables(bench, wls, threads_list, peaks)
    md += fusion
    md += accel
    md += ["## Raw timings", ""] + raw_table(bench, wls, threads_list) + [""]

    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(md))
    err = chart(bench, wls, threads_list, out.with_suffix(".png"))
    print()
    print("\n".join(md[: md.index("## Raw timings")]))
    log(f"bench: wrote {out}" + (f" and {out.with_suffix('.png')}" if not err else f" (chart failed: {err})"))


if __name__ == "__main__":
    main()
