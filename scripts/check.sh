#!/usr/bin/env bash
# Runs every test suite of a build tree: lit (test/lit), ctest (C unit
# tests), pytest (python/tests, the mlopt package over the build's
# libmlopt.so, and test/onnx's runner unit tests) and the ONNX conformance
# tests (test/onnx/run.py: each test of test/onnx/expected-pass.txt is one
# test case). Prints lit's summary, then one plain line "N passed, N failed"
# counting them all, and exits 1 if anything failed.
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

echo "== pytest (Python package) =="
xmls=("$results/lit.xml" "$results/ctest.xml")
pytest_rc=0
build_abs=$(cd "$build" && pwd)
pyenv=(MLOPT_LIBRARY="$build_abs/lib/libmlopt.so" PYTHONPATH="$root/python"
       PYTHONDONTWRITEBYTECODE=1)
skip=""
if grep -q '^MLOPT_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  # An ASan libmlopt.so needs the ASan runtime loaded first (python is not
  # instrumented); Python's own allocations at exit are not leaks of ours.
  asan_rt=$(/usr/lib/llvm-22/bin/clang -print-file-name="libclang_rt.asan-$(uname -m).so")
  if [[ -f "$asan_rt" ]]; then
    pyenv+=(LD_PRELOAD="$asan_rt" ASAN_OPTIONS="detect_leaks=0")
  else
    skip="no shared ASan runtime ($asan_rt) to preload into python3"
  fi
fi
if [[ -n "$skip" ]]; then
  echo "pytest: skipped: $skip (not counted)"
else
  xmls+=("$results/pytest.xml")  # a missing file counts as a failure
  env "${pyenv[@]}" /usr/bin/python3 -m pytest -q -p no:cacheprovider \
    --junitxml="$results/pytest.xml" "$root/python/tests" \
    "$root/test/onnx/test_run.py"
  pytest_rc=$?
fi

echo "== onnx conformance =="
onnx_rc=0
if [[ -n "$skip" ]]; then
  echo "onnx: skipped: $skip (not counted)"
else
  onnx_args=(--build "$build_abs" --jobs 2
             --expected "$root/test/onnx/expected-pass.txt"
             --junit "$results/onnx.xml")
  # All ~1070 tests, also under the sanitizers: ~15-25 s at 2 jobs
  # (~40 s with ASan + UBSan), most of them refused quickly at import.
  xmls+=("$results/onnx.xml")
  env "${pyenv[@]}" /usr/bin/python3 "$root/test/onnx/run.py" "${onnx_args[@]}"
  onnx_rc=$?
fi

/usr/bin/python3 "$root/scripts/test-summary.py" "${xmls[@]}" \
  | tee "$results/summary.txt"
summary_rc=${PIPESTATUS[0]}
[[ $lit_rc -eq 0 && $ctest_rc -eq 0 && $pytest_rc -eq 0 && $onnx_rc -eq 0 &&
   $summary_rc -eq 0 ]]
