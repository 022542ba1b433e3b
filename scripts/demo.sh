#!/usr/bin/env bash
# make demo: runs ml-opt on a shipped example and shows the IR before and
# after a pipeline.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
example="$root/examples/demo.mlir"
flags=(--canonicalize --cse --loop-invariant-code-motion)

echo "== input: examples/demo.mlir =="
cat "$example"
echo
echo "== ml-opt ${flags[*]} examples/demo.mlir =="
"$build/bin/ml-opt" "${flags[@]}" "$example"
