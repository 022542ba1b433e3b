#!/usr/bin/env bash
# Runs every test suite of a build tree: lit (test/lit) and ctest (C unit
# tests). Prints lit's summary, then one plain line "N passed, N failed"
# counting both, and exits 1 if anything failed.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
results="$build/test-results"
rm -rf "$results" && mkdir -p "$results"
lit=/usr/lib/llvm-22/bin/lit

echo "== lit =="
"$lit" -sv --xunit-xml-output="$results/lit.xml" "$build/test/lit"
lit_rc=$?

echo "== ctest (C unit tests) =="
(cd "$build" && ctest --output-on-failure --output-junit "$PWD/test-results/ctest.xml")
ctest_rc=$?

/usr/bin/python3 "$root/scripts/test-summary.py" "$results/lit.xml" "$results/ctest.xml" \
  | tee "$results/summary.txt"
summary_rc=${PIPESTATUS[0]}
[[ $lit_rc -eq 0 && $ctest_rc -eq 0 && $summary_rc -eq 0 ]]
