#!/usr/bin/env bash
# Copies the dialect references mlir-tblgen generated in a build tree into
# docs/dialects/ (test/lit/docs/dialect-docs.test checks they match).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cmake --build "$build" --target mlopt_mlt_doc mlopt_loop_doc mlopt_accel_doc
for d in mlt loop accel; do
  cp "$build/docs/dialects/$d.md" "$root/docs/dialects/$d.md"
done
echo "updated docs/dialects/{mlt,loop,accel}.md"
