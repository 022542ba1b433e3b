#!/usr/bin/env bash
# make demo: runs ml-opt on a shipped example and shows the IR before and
# after a pipeline (an mlt layer lowered to loops), then JIT-compiles and
# runs the three-layer MLP example on random inputs with ml-run.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
example="$root/examples/dialects/mlt.mlir"
flags=(--lower-to-loops)

echo "== input: examples/dialects/mlt.mlir =="
cat "$example"
echo
echo "== ml-opt ${flags[*]} examples/dialects/mlt.mlir =="
"$build/bin/ml-opt" "${flags[@]}" "$example"

echo
echo "== ml-run examples/mlp.mlir --random-inputs --seed=1 (JIT-compiled and run) =="
"$build/bin/ml-run" "$root/examples/mlp.mlir" --random-inputs --seed=1 --print
