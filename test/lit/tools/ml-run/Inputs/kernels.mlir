// Loop-level kernels run by ml-run's tests (one --entry each).

// c = a + b, elementwise; run with --output-args=1.
func.func @add_4x8(%a: memref<4x8xf32>, %b: memref<4x8xf32>, %c: memref<4x8xf32>) {
  loop.for %i = 0 to 4 step 1 parallel {
    loop.for %j = 0 to 8 step 1 parallel {
      %x = memref.load %a[%i, %j] : memref<4x8xf32>
      %y = memref.load %b[%i, %j] : memref<4x8xf32>
      %s = arith.addf %x, %y : f32
      memref.store %s, %c[%i, %j] : memref<4x8xf32>
    }
  }
  return
}

// c = a + b, elementwise; run with --output-args=1.
func.func @add_1x1(%a: memref<1x1xf32>, %b: memref<1x1xf32>, %c: memref<1x1xf32>) {
  loop.for %i = 0 to 1 step 1 parallel {
    loop.for %j = 0 to 1 step 1 parallel {
      %x = memref.load %a[%i, %j] : memref<1x1xf32>
      %y = memref.load %b[%i, %j] : memref<1x1xf32>
      %s = arith.addf %x, %y : f32
      memref.store %s, %c[%i, %j] : memref<1x1xf32>
    }
  }
  return
}

// c = a + b, elementwise; run with --output-args=1.
func.func @add_7x13(%a: memref<7x13xf32>, %b: memref<7x13xf32>, %c: memref<7x13xf32>) {
  loop.for %i = 0 to 7 step 1 parallel {
    loop.for %j = 0 to 13 step 1 parallel {
      %x = memref.load %a[%i, %j] : memref<7x13xf32>
      %y = memref.load %b[%i, %j] : memref<7x13xf32>
      %s = arith.addf %x, %y : f32
      memref.store %s, %c[%i, %j] : memref<7x13xf32>
    }
  }
  return
}

// ca = a, cb = b, c = a + b: the random inputs come back out with the sum.
func.func @add_echo(%a: memref<5x3xf32>, %b: memref<5x3xf32>, %ca: memref<5x3xf32>,
                    %cb: memref<5x3xf32>, %c: memref<5x3xf32>) {
  loop.for %i = 0 to 5 step 1 parallel {
    loop.for %j = 0 to 3 step 1 parallel {
      %x = memref.load %a[%i, %j] : memref<5x3xf32>
      %y = memref.load %b[%i, %j] : memref<5x3xf32>
      %s = arith.addf %x, %y : f32
      memref.store %x, %ca[%i, %j] : memref<5x3xf32>
      memref.store %y, %cb[%i, %j] : memref<5x3xf32>
      memref.store %s, %c[%i, %j] : memref<5x3xf32>
    }
  }
  return
}

// out[i] = sum_j a[i, j]; run with --output-args=1.
func.func @rowsum(%a: memref<13x7xf32>, %out: memref<13xf32>) {
  %zero = arith.constant 0.0 : f32
  loop.for %i = 0 to 13 step 1 parallel {
    %s = loop.for %j = 0 to 7 step 1 reduction iter_args(%acc = %zero) -> (f32) {
      %v = memref.load %a[%i, %j] : memref<13x7xf32>
      %n = arith.addf %acc, %v : f32
      loop.yield %n : f32
    }
    memref.store %s, %out[%i] : memref<13xf32>
  }
  return
}

// k * sum_i a[i] * b[i]: a scalar argument and a scalar result.
func.func @dot(%a: memref<7xf32>, %b: memref<7xf32>, %k: f32) -> f32 {
  %zero = arith.constant 0.0 : f32
  %s = loop.for %i = 0 to 7 step 1 reduction iter_args(%acc = %zero) -> (f32) {
    %x = memref.load %a[%i] : memref<7xf32>
    %y = memref.load %b[%i] : memref<7xf32>
    %p = arith.mulf %x, %y : f32
    %n = arith.addf %acc, %p : f32
    loop.yield %n : f32
  }
  %r = arith.mulf %s, %k : f32
  return %r : f32
}

// out = a * x + y in f64.
func.func @axpy(%a: f64, %x: memref<5xf64>, %y: memref<5xf64>, %out: memref<5xf64>) {
  loop.for %i = 0 to 5 step 1 parallel {
    %xi = memref.load %x[%i] : memref<5xf64>
    %yi = memref.load %y[%i] : memref<5xf64>
    %p = arith.mulf %a, %xi : f64
    %s = arith.addf %p, %yi : f64
    memref.store %s, %out[%i] : memref<5xf64>
  }
  return
}

// out = k * x in i32.
func.func @scale(%k: i32, %x: memref<6xi32>, %out: memref<6xi32>) {
  loop.for %i = 0 to 6 step 1 parallel {
    %xi = memref.load %x[%i] : memref<6xi32>
    %p = arith.muli %k, %xi : i32
    memref.store %p, %out[%i] : memref<6xi32>
  }
  return
}

// out[i] = i * i for i < n (an index bound); the rest stays zero.
func.func @squares(%n: index, %out: memref<9xi64>) {
  loop.for %i = 0 to %n step 1 parallel {
    %ii = arith.index_cast %i : index to i64
    %sq = arith.muli %ii, %ii : i64
    memref.store %sq, %out[%i] : memref<9xi64>
  }
  return
}

// Scalars only: x * 3 + y, an i64 result.
func.func @mad3(%x: i64, %y: i64) -> i64 {
  %c3 = arith.constant 3 : i64
  %p = arith.muli %x, %c3 : i64
  %s = arith.addi %p, %y : i64
  return %s : i64
}

// A scalar f16 result: x + x.
func.func @twice_f16(%x: f16) -> f16 {
  %s = arith.addf %x, %x : f16
  return %s : f16
}

// Identity copies b = a for each element type; run with --output-args=1.
func.func @copy_f16(%a: memref<3x5xf16>, %b: memref<3x5xf16>) {
  loop.for %i0 = 0 to 3 step 1 parallel {
    loop.for %i1 = 0 to 5 step 1 parallel {
      %v = memref.load %a[%i0, %i1] : memref<3x5xf16>
      memref.store %v, %b[%i0, %i1] : memref<3x5xf16>
    }
  }
  return
}

func.func @copy_f32(%a: memref<3x5xf32>, %b: memref<3x5xf32>) {
  loop.for %i0 = 0 to 3 step 1 parallel {
    loop.for %i1 = 0 to 5 step 1 parallel {
      %v = memref.load %a[%i0, %i1] : memref<3x5xf32>
      memref.store %v, %b[%i0, %i1] : memref<3x5xf32>
    }
  }
  return
}

func.func @copy_f64(%a: memref<3x5xf64>, %b: memref<3x5xf64>) {
  loop.for %i0 = 0 to 3 step 1 parallel {
    loop.for %i1 = 0 to 5 step 1 parallel {
      %v = memref.load %a[%i0, %i1] : memref<3x5xf64>
      memref.store %v, %b[%i0, %i1] : memref<3x5xf64>
    }
  }
  return
}

func.func @copy_i8(%a: memref<3x5xi8>, %b: memref<3x5xi8>) {
  loop.for %i0 = 0 to 3 step 1 parallel {
    loop.for %i1 = 0 to 5 step 1 parallel {
      %v = memref.load %a[%i0, %i1] : memref<3x5xi8>
      memref.store %v, %b[%i0, %i1] : memref<3x5xi8>
    }
  }
  return
}

func.func @copy_i32(%a: memref<3x5xi32>, %b: memref<3x5xi32>) {
  loop.for %i0 = 0 to 3 step 1 parallel {
    loop.for %i1 = 0 to 5 step 1 parallel {
      %v = memref.load %a[%i0, %i1] : memref<3x5xi32>
      memref.store %v, %b[%i0, %i1] : memref<3x5xi32>
    }
  }
  return
}

func.func @copy_i64(%a: memref<3x5xi64>, %b: memref<3x5xi64>) {
  loop.for %i0 = 0 to 3 step 1 parallel {
    loop.for %i1 = 0 to 5 step 1 parallel {
      %v = memref.load %a[%i0, %i1] : memref<3x5xi64>
      memref.store %v, %b[%i0, %i1] : memref<3x5xi64>
    }
  }
  return
}

// A 3-d copy, for printing.
func.func @copy3d(%a: memref<2x3x4xi32>, %b: memref<2x3x4xi32>) {
  loop.for %i = 0 to 2 step 1 parallel {
    loop.for %j = 0 to 3 step 1 parallel {
      loop.for %k = 0 to 4 step 1 parallel {
        %v = memref.load %a[%i, %j, %k] : memref<2x3x4xi32>
        memref.store %v, %b[%i, %j, %k] : memref<2x3x4xi32>
      }
    }
  }
  return
}

// A large copy, for the summarized printing of big arrays.
func.func @copy_big(%a: memref<40x50xf32>, %b: memref<40x50xf32>) {
  loop.for %i = 0 to 40 step 1 parallel {
    loop.for %j = 0 to 50 step 1 parallel {
      %v = memref.load %a[%i, %j] : memref<40x50xf32>
      memref.store %v, %b[%i, %j] : memref<40x50xf32>
    }
  }
  return
}
