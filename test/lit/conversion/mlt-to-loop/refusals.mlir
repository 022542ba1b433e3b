// Ops --lower-to-loops cannot lower yet are refused at the op.
// RUN: ml-opt --lower-to-loops --split-input-file --verify-diagnostics %s

func.func @dynamic_call(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error @+1 {{'func.call' is not supported by --lower-to-loops yet: only mlt ops may work on tensors in a function lowered to loops}}
  %y = func.call @dynamic_call(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

func.func @foreign(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'arith.addf' is not supported by --lower-to-loops yet: only mlt ops may work on tensors in a function lowered to loops}}
  %y = arith.addf %x, %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
