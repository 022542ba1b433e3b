// Ops --lower-to-loops cannot lower yet are refused at the op.
// RUN: ml-opt --lower-to-loops --split-input-file --verify-diagnostics %s

func.func @fused(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error @+1 {{'mlt.fused' is not supported by --lower-to-loops yet: mlt.fused groups are lowered by a later step}}
  %y = mlt.fused (%x) : (tensor<4x8xf32>) -> tensor<4x8xf32> {
  ^bb0(%a: tensor<4x8xf32>):
    %r = mlt.relu %a : tensor<4x8xf32>
    mlt.yield %r : tensor<4x8xf32>
  }
  return %y : tensor<4x8xf32>
}

// -----

func.func @foreign(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'arith.addf' is not supported by --lower-to-loops yet: only mlt ops may work on tensors in a function lowered to loops}}
  %y = arith.addf %x, %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
