#!/usr/bin/python3
"""The accelerator path's modeled performance: each workload is lowered with
--lower-to-accel for a target, run by ml-run on the simulator of
runtime/accel (libmlopt_accel_rt), and reported from --accel-stats: modeled
cycles, PE utilization (useful MACs / (PE rows x cols x cycles)) and bytes
moved. The numbers come from the cycle model (docs/accel-runtime.md), not
from a clock, so they are the same on every machine and every run.

Run alone (python3 bench/accel.py [--build-dir build]) or from bench/run.py,
which appends the table to bench/results/latest.md.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The default target of the issue: a 16x16 int8 PE array, 256 KiB
# scratchpad, 64 KiB accumulator, 64 bytes/cycle of DMA.
I8 = "pe=16x16,spad=256KiB,acc=64KiB,dma=64,in=i8"
F32 = "pe=16x16,spad=256KiB,acc=64KiB,dma=64,in=f32"


def matmul(m, n, k, t):
    acc = "i32" if t == "i8" else t
    return (f"func.func @main(%a: tensor<{m}x{k}x{t}>, %b: tensor<{k}x{n}x{t}>) -> tensor<{m}x{n}x{acc}> {{\n"
            f"  %c = mlt.matmul %a, %b : tensor<{m}x{k}x{t}>, tensor<{k}x{n}x{t}> -> tensor<{m}x{n}x{acc}>\n"
            f"  return %c : tensor<{m}x{n}x{acc}>\n}}\n")


def conv(n, c, h, w, f, kh, kw):
    return (f"func.func @main(%x: tensor<{n}x{c}x{h}x{w}xi8>, %w: tensor<{f}x{c}x{kh}x{kw}xi8>) -> tensor<{n}x{f}x{h}x{w}xi32> {{\n"
            f"  %y = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] "
            f"groups = 1 : tensor<{n}x{c}x{h}x{w}xi8>, tensor<{f}x{c}x{kh}x{kw}xi8> -> tensor<{n}x{f}x{h}x{w}xi32>\n"
            f"  return %y : tensor<{n}x{f}x{h}x{w}xi32>\n}}\n")


def mlp_int8(m, n, k):
    """relu(dequantize(quantize(X) · W) + b): X f32, W int8, b f32."""
    return (f"func.func @main(%x: tensor<{m}x{k}xf32>, %w: tensor<{k}x{n}xi8>, %b: tensor<{n}xf32>) -> tensor<{m}x{n}xf32> {{\n"
            f"  %q = mlt.quantize %x {{scale = 0.0078125 : f32, zero_point = 0 : i32}} : tensor<{m}x{k}xf32> -> tensor<{m}x{k}xi8>\n"
            f"  %p = mlt.matmul %q, %w : tensor<{m}x{k}xi8>, tensor<{k}x{n}xi8> -> tensor<{m}x{n}xi32>\n"
            f"  %d = mlt.dequantize %p {{scale = 0.0009765625 : f32, zero_point = 0 : i32}} : tensor<{m}x{n}xi32> -> tensor<{m}x{n}xf32>\n"
            f"  %s = mlt.add %d, %b : tensor<{m}x{n}xf32>, tensor<{n}xf32> -> tensor<{m}x{n}xf32>\n"
            f"  %r = mlt.relu %s : tensor<{m}x{n}xf32>\n"
            f"  return %r : tensor<{m}x{n}xf32>\n}}\n")


# (key, label, mlir text, target, buffers)
WORKLOADS = [
    ("mm512_single", "matmul 512³ i8", matmul(512, 512, 512, "i8"), I8, 1),
    ("mm512_double", "matmul 512³ i8", matmul(512, 512, 512, "i8"), I8, 2),
    ("mm1024", "matmul 1024³ i8", matmul(1024, 1024, 1024, "i8"), I8, 2),
    ("mm1024_f32", "matmul 1024³ f32", matmul(1024, 1024, 1024, "f32"), F32, 2),
    ("mm_skinny", "matmul 64×4096×1024 i8", matmul(64, 1024, 4096, "i8"), I8, 2),
    ("conv", "conv2d 1×64×56×56 3×3 i8 (im2col)", conv(1, 64, 56, 56, 64, 3, 3), I8, 2),
    ("mlp", "MLP relu(deq(q(X)·W)+b) 512×1024×1024", mlp_int8(512, 1024, 1024), I8, 2),
]


def stats(text):
    out = {}
    for line in text.splitlines():
        k, sep, v = line.strip().partition(": ")
        if sep and k.replace("_", "").isalnum():
            try:
                out[k] = float(v)
            except ValueError:
                pass
    return out


def run_one(ml_run, text, target, buffers, workdir):
    src = Path(workdir) / "w.mlir"
    src.write_text(text)
    pipe = f"--fuse --lower-to-accel={target},buffers={buffers} --lower-accel-to-llvm --lower-to-llvm"
    r = subprocess.run([str(ml_run), str(src), f"--pipeline={pipe}", "--random-inputs", "--accel-stats"],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        return None, (r.stderr.strip().splitlines() or ["failed"])[-1]
    return stats(r.stdout), None


def accel_table(build_dir, log=lambda m: print(m, file=sys.stderr)):
    ml_run = Path(build_dir) / "bin" / "ml-run"
    lines = ["## The accelerator path (modeled)", "",
             "`--fuse --lower-to-accel=TARGET --lower-accel-to-llvm --lower-to-llvm`, run by ml-run on the "
             "simulator of `runtime/accel` (`--accel-stats`). Cycles come from the cycle model "
             "(docs/accel-runtime.md: DMA at the target's bytes/cycle plus 100 cycles of latency, a matmul "
             "tile K + rows + cols cycles, three in-order engines overlapping), so they do not depend on "
             "this machine. PE utilization = useful MACs / (PE rows × cols × cycles); ideal = MACs / "
             "(rows × cols). Target i8: `" + I8 + "`; f32: `" + F32 + "`.", "",
             "| workload | target | buffers | cycles | ideal cycles | PE utilization | MB in | MB out |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    results = {}
    with tempfile.TemporaryDirectory() as d:
        for key, label, text, target, buffers in WORKLOADS:
            s, err = run_one(ml_run, text, target, buffers, d)
            results[key] = s
            tname = "i8" if target == I8 else "f32"
            if s is None:
                log(f"bench: accel {key}: {err}")
                lines.append(f"| {label} | {tname} | {buffers} | – | – | {err} | – | – |")
                continue
            ideal = s["macs"] / (s["pe_rows"] * s["pe_cols"])
            log(f"bench: accel {key}: {s['cycles']:.0f} cycles, PE utilization "
                f"{s['pe_utilization_percent']:.1f}%")
            lines.append(f"| {label} | {tname} | {buffers} | {s['cycles']:.0f} | {ideal:.0f} | "
                         f"{s['pe_utilization_percent']:.1f}% | {s['bytes_in'] / 1e6:.2f} | "
                         f"{s['bytes_out'] / 1e6:.2f} |")
    one, two = results.get("mm512_single"), results.get("mm512_double")
    if one and two:
        lines += ["", f"Double buffering on matmul 512³: {one['cycles']:.0f} → {two['cycles']:.0f} "
                  f"modeled cycles ({one['cycles'] / two['cycles']:.2f}× fewer)."]
    return lines + [""]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", default=str(ROOT / "build"))
    args = ap.parse_args()
    print("\n".join(accel_table(args.build_dir)))


if __name__ == "__main__":
    main()
