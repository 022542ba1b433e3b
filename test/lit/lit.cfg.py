# lit configuration for mlopt's tests. CMake writes lit.site.cfg.py into the
# build tree with the paths below, then loads this file.
import os

import lit.formats

config.name = "mlopt"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.mlopt_binary_dir, "test", "lit")

# Our tools first, then LLVM's FileCheck, not, count, split-file.
for d in (config.llvm_tools_dir, config.mlopt_tools_dir):
    config.environment["PATH"] = os.path.pathsep.join(
        [d, config.environment.get("PATH", "")])

# Sanitizer builds: keep reports on and make them fail the test.
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%cc", config.c_compiler))
config.substitutions.append(("%mlopt_src", config.mlopt_source_dir))
# MLIR's JIT runner and its C runtime helpers (printF32, printNewline, ...),
# for end-to-end tests of lowered code until ml-run exists.
config.substitutions.append(
    ("%c_runner_utils", os.path.join(os.path.dirname(config.llvm_tools_dir),
                                     "lib", "libmlir_c_runner_utils.so")))
config.substitutions.append(
    ("%runner_utils", os.path.join(os.path.dirname(config.llvm_tools_dir),
                                   "lib", "libmlir_runner_utils.so")))
# The OpenMP runtime (libomp-22-dev) that --parallelize code links against.
config.substitutions.append(
    ("%libomp", os.path.join(os.path.dirname(config.llvm_tools_dir), "lib",
                             "libomp.so")))
config.substitutions.append(("%mlopt_build", config.mlopt_binary_dir))
# ONNX's backend test data (Debian libonnx-testdata), for ml-import-onnx.
config.substitutions.append(("%mlopt_onnx_data",
                             "/usr/share/libonnx-testdata/data"))

if config.mlopt_sanitize:
    config.available_features.add("asan")

# The accelerator runtime that code lowered by --lower-accel-to-llvm calls
# (target mlopt_accel_rt; MLOPT_ACCEL_RT in the environment names another
# implementation of runtime/accel/accel_rt.h, which ml-run loads instead).
# Tests running such code say `REQUIRES: accel-rt`.
accel_rt = os.environ.get("MLOPT_ACCEL_RT") or config.mlopt_accel_rt
if "MLOPT_ACCEL_RT" in os.environ:
    config.environment["MLOPT_ACCEL_RT"] = os.environ["MLOPT_ACCEL_RT"]
if os.path.exists(accel_rt):
    config.available_features.add("accel-rt")

# valgrind cannot run ASan binaries; in a plain build it checks memory.
import shutil
if shutil.which("valgrind") and not config.mlopt_sanitize:
    config.available_features.add("valgrind")
    config.substitutions.append(
        ("%valgrind", "valgrind -q --leak-check=full --errors-for-leak-kinds=definite "
                      "--error-exitcode=99"))
