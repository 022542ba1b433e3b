// conv2d 1×64×56×56, 3×3, padding 1 in upstream linalg: the zero padding as
// a generic over the 58×58 padded tensor (a tensor.pad would bufferize to a
// strided memref.copy, which needs the runner-utils library the JIT does not
// load), then linalg.conv_2d_nchw_fchw into a zero-filled output.
#id4 = affine_map<(n, c, h, w) -> (n, c, h, w)>
func.func @f(%x: tensor<1x64x56x56xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32> {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c55 = arith.constant 55 : index
  %ep = tensor.empty() : tensor<1x64x58x58xf32>
  %p = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      outs(%ep : tensor<1x64x58x58xf32>) {
  ^bb0(%o: f32):
    %n = linalg.index 0 : index
    %c = linalg.index 1 : index
    %h = linalg.index 2 : index
    %wi = linalg.index 3 : index
    %ih = arith.subi %h, %c1 : index
    %iw = arith.subi %wi, %c1 : index
    %ih0 = arith.maxsi %ih, %c0 : index
    %ihc = arith.minsi %ih0, %c55 : index
    %iw0 = arith.maxsi %iw, %c0 : index
    %iwc = arith.minsi %iw0, %c55 : index
    %v = tensor.extract %x[%n, %c, %ihc, %iwc] : tensor<1x64x56x56xf32>
    %hin = arith.cmpi eq, %ih, %ihc : index
    %win = arith.cmpi eq, %iw, %iwc : index
    %in = arith.andi %hin, %win : i1
    %r = arith.select %in, %v, %zero : f32
    linalg.yield %r : f32
  } -> tensor<1x64x58x58xf32>
  %e = tensor.empty() : tensor<1x64x56x56xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x64x58x58xf32>, tensor<64x64x3x3xf32>) outs(%z : tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32>
  return %y : tensor<1x64x56x56xf32>
}
