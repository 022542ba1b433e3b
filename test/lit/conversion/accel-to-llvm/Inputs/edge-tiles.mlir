// Y = X * W with X 50x40, W 40x30 (f32) on a 16x16 PE array: every loop has
// a remainder, moved with edge-tile sizes (dma_in zero-fills the rest of
// the buffer, dma_out writes only the corner). The first K tile overwrites
// the accumulator (`=`), later ones add (`+=`); the matmul's token comes
// out of an scf.if. Run by e2e.test.
module attributes {accel.target = #accel.target<pe = 16x16, spad = 4096, acc = 2048, dma = 32, in = f32, acc_t = f32>} {
  func.func @edge(%X: memref<50x40xf32>, %W: memref<40x30xf32>, %Y: memref<50x30xf32>) {
    %c0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %c30 = arith.constant 30 : index
    %c40 = arith.constant 40 : index
    %c50 = arith.constant 50 : index
    %a = accel.alloc : !accel.buf<spad, 16x16xf32>
    %b = accel.alloc : !accel.buf<spad, 16x16xf32>
    %c = accel.alloc : !accel.buf<acc, 16x16xf32>
    scf.for %i = %c0 to %c50 step %c16 {
      %mr = arith.subi %c50, %i : index
      %m = arith.minsi %mr, %c16 : index
      scf.for %j = %c0 to %c30 step %c16 {
        %nr = arith.subi %c30, %j : index
        %n = arith.minsi %nr, %c16 : index
        scf.for %k = %c0 to %c40 step %c16 {
          %kr = arith.subi %c40, %k : index
          %kk = arith.minsi %kr, %c16 : index
          %ta = accel.dma_in %X[%i, %k][%m, %kk] to %a : memref<50x40xf32> -> !accel.buf<spad, 16x16xf32>
          %tb = accel.dma_in %W[%k, %j][%kk, %n] to %b : memref<40x30xf32> -> !accel.buf<spad, 16x16xf32>
          %first = arith.cmpi eq, %k, %c0 : index
          %tm = scf.if %first -> (!accel.token) {
            %t = accel.matmul %c = %a * %b after(%ta, %tb)
                : !accel.buf<acc, 16x16xf32>, !accel.buf<spad, 16x16xf32>, !accel.buf<spad, 16x16xf32>
            scf.yield %t : !accel.token
          } else {
            %t = accel.matmul %c += %a * %b after(%ta, %tb)
                : !accel.buf<acc, 16x16xf32>, !accel.buf<spad, 16x16xf32>, !accel.buf<spad, 16x16xf32>
            scf.yield %t : !accel.token
          }
          // The next tiles overwrite %a and %b: wait for the matmul.
          accel.wait %tm
        }
        %to = accel.dma_out %c to %Y[%i, %j][%m, %n] : !accel.buf<acc, 16x16xf32> -> memref<50x30xf32>
        accel.wait %to
      }
    }
    return
  }
}
