#!/usr/bin/env bash
# make demo: runs ml-opt on a shipped example and shows the IR before and
# after a pipeline: an mlt layer (matmul + bias + relu) lowered to loops.
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
