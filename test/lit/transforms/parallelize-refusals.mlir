// --parallelize works on loop nests: an mlt op still present is refused at
// the op, and the pass fails. The flag takes no value.
// RUN: ml-opt --parallelize --split-input-file --verify-diagnostics %s
// RUN: not ml-opt --parallelize %s 2>&1 | FileCheck %s
// RUN: not ml-opt --parallelize=4 %s 2>&1 | FileCheck %s --check-prefix=VALUE
// RUN: not ml-run %s --random-inputs --pipeline='--lower-to-loops --parallelize=2 --lower-to-llvm' 2>&1 | FileCheck %s --check-prefix=RUN-VALUE
// RUN: ml-opt --help | FileCheck %s --check-prefix=HELP
// VALUE: ml-opt: error: --parallelize takes no value (got '=4')
// RUN-VALUE: ml-run: error: in --pipeline: --parallelize takes no value (got '=2')
// HELP: --parallelize

func.func @tensor_level(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @+1 {{'mlt.relu' is not loop-level: --parallelize works on loop.for nests over memrefs; run --lower-to-loops first}}
  %0 = mlt.relu %a : tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
// CHECK: parallelize-refusals.mlir:[[@LINE-3]]:8: error: 'mlt.relu' is not loop-level
