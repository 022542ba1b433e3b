#!/usr/bin/env bash
# Installs the Debian packages mlopt needs to build and test, and only those
# that are missing, so a second run costs a few dpkg queries (~0.1 s).
# Packages come from Debian's archive only. `--bench` installs the
# benchmark's packages instead (make bench).
set -euo pipefail

packages=(
  # MLIR/LLVM 22 (headers, libMLIR.so, mlir-opt, lit, FileCheck, not)
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools
  # the OpenMP runtime --parallelize code calls (ml-run's JIT loads it)
  libomp-22-dev
  # build: clang-22 is the compiler libMLIR.so was built with (see
  # CMakeLists.txt); its compiler-rt gives the sanitizers
  clang-22 libclang-rt-22-dev cmake ninja-build make python3
  # tests: memory checking; NumPy to write and read .npy test data; pytest
  # for the Python package's tests (python/tests)
  valgrind python3-numpy python3-pytest
  # the embed tests: pkg-config for mlopt.pc (test/lit/embed)
  pkgconf
  # ONNX import (lib/onnx): onnx.proto from libonnx-dev compiled by
  # protobuf-c; the conformance tests (test/onnx) read ONNX's backend test
  # data with python3-onnx
  libonnx-dev libprotobuf-c-dev protobuf-c-compiler python3-onnx
  libonnx-testdata
)

# `--bench`: only what `make bench` adds (bench/README.md) — the peers mlopt
# is measured against and the chart tool; never needed by build or check.
if [[ "${1:-}" == "--bench" ]]; then
  packages=(
    libopenblas-dev           # cblas_sgemm (the pthread OpenBLAS variant)
    libdnnl-dev               # oneDNN: dnnl_sgemm, matmul, convolution
    python3-torch python3-numpy  # PyTorch CPU through /usr/bin/python3
    gcc make gnuplot-nox      # the peer programs and the chart
  )
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || {
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
