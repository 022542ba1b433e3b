// --tile works on loop nests: an mlt op still present is refused at the
// op, and the pass fails.
// RUN: ml-opt --tile=32 --split-input-file --verify-diagnostics %s
// RUN: not ml-opt --tile=32 %s 2>&1 | FileCheck %s

func.func @tensor_level(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @+1 {{'mlt.relu' is not loop-level: --tile works on loop.for nests over memrefs; run --lower-to-loops first}}
  %0 = mlt.relu %a : tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
// CHECK: tile-refusals.mlir:[[@LINE-3]]:8: error: 'mlt.relu' is not loop-level
