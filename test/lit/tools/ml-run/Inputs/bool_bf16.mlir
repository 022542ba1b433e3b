// Kernels for bool-bf16.test: i1 (NumPy bool) and bf16 (uint16 bits)
// arguments, results and scalars.

func.func @copy_i1(%a: memref<3x5xi1>, %b: memref<3x5xi1>) {
  loop.for %i0 = 0 to 3 step 1 parallel {
    loop.for %i1 = 0 to 5 step 1 parallel {
      %v = memref.load %a[%i0, %i1] : memref<3x5xi1>
      memref.store %v, %b[%i0, %i1] : memref<3x5xi1>
    }
  }
  return
}

func.func @copy_bf16(%a: memref<3x5xbf16>, %b: memref<3x5xbf16>) {
  loop.for %i0 = 0 to 3 step 1 parallel {
    loop.for %i1 = 0 to 5 step 1 parallel {
      %v = memref.load %a[%i0, %i1] : memref<3x5xbf16>
      memref.store %v, %b[%i0, %i1] : memref<3x5xbf16>
    }
  }
  return
}

// Where(a < b, a + b, b) on bf16, and the mask itself.
func.func @where_bf16(%a: tensor<7x13xbf16>, %b: tensor<13xbf16>) -> (tensor<7x13xbf16>, tensor<7x13xi1>) {
  %m = mlt.cmp lt %a, %b : tensor<7x13xbf16>, tensor<13xbf16> -> tensor<7x13xi1>
  %s = mlt.add %a, %b : tensor<7x13xbf16>, tensor<13xbf16> -> tensor<7x13xbf16>
  %r = mlt.select %m, %s, %b : tensor<7x13xi1>, tensor<7x13xbf16>, tensor<13xbf16> -> tensor<7x13xbf16>
  return %r, %m : tensor<7x13xbf16>, tensor<7x13xi1>
}

// A bool and a bf16 scalar in, an i1 scalar out.
func.func @scalars(%flag: i1, %x: bf16) -> i1 {
  %z = arith.constant 0.0 : bf16
  %pos = arith.cmpf ogt, %x, %z : bf16
  %r = arith.andi %flag, %pos : i1
  return %r : i1
}
