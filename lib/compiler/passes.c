/* passes: the rows of mlopt's pass table. Each pass lives in its own file
 * under lib/transforms or lib/conversion and exports an `add` function named
 * in its row. Rows are in the order --help lists them. */
#include "compiler/passes.h"

#include <string.h>

const MlPassDef ml_pass_table[] = {
    {"fuse", NULL,
     "group producer-consumer mlt ops into mlt.fused regions (elementwise "
     "chains, matmul epilogues)",
     ml_add_fuse},
    {"lower-to-loops", NULL,
     "lower mlt tensor ops to loop nests on memrefs (tensor results become "
     "out-parameters)",
     ml_add_lower_to_loops},
    {"lower-to-accel", "SPEC",
     "like --lower-to-loops, but matmul, batch_matmul and conv2d become "
     "double-buffered tile loops on the accelerator of the module's "
     "#accel.target (SPEC: pe=16x16,spad=256KiB,acc=64KiB,dma=64,in=i8 sets "
     "one; buffers=1 single-buffers)",
     ml_add_lower_to_accel},
    {"tile", "N[,N...]",
     "tile the outer band of each loop nest (N: every dim; a,b,c: per dim, "
     "outermost first, 0 untiled; no value: tile_sizes attributes); "
     "remainders peeled",
     ml_add_tile},
    {"vectorize", "W",
     "widen innermost parallel loops (else reductions) to W-lane vector ops; "
     "remainders peeled (no value: the host's SIMD width, 16 with AVX-512)",
     ml_add_vectorize},
    {"unroll", "N[,N...]",
     "unroll-and-jam the innermost parallel loop of each nest (N) or the "
     "innermost few (a,b: outermost first, 1 leaves a loop; no value: "
     "unroll attributes); remainders peeled",
     ml_add_unroll},
    {"approximate-math", NULL,
     "replace f32 math.exp, log, tanh and erf (scalar or vector) with "
     "polynomial approximations (no libm calls; within 2-3 ulp)",
     ml_add_approximate_math},
    {"parallelize", NULL,
     "run the outer parallel loops of each loop nest on OpenMP threads "
     "(up to 3 perfectly nested dims collapsed; link -lomp)",
     ml_add_parallelize},
    {"O2", NULL,
     "the default CPU pipeline: --fuse --lower-to-loops --tile=MC,NC (from "
     "the host's L2 size) --vectorize --unroll=8,2 "
     "--approximate-math --parallelize --lower-to-llvm",
     ml_add_o2},
    {"convert-loop-to-scf", NULL, "lower loop.for to scf.for",
     ml_add_convert_loop_to_scf},
    {"lower-accel-to-llvm", NULL,
     "lower accel ops to calls of the accelerator runtime ABI "
     "(runtime/accel/accel_rt.h); buffers and tokens become i64 handles",
     ml_add_lower_accel_to_llvm},
    {"lower-to-llvm", NULL,
     "lower loop/scf/arith/math/memref/func to the llvm dialect; every "
     "defined function gets a C wrapper",
     ml_add_lower_to_llvm},
    {NULL, NULL, NULL, NULL},
};

const MlPassDef *ml_pass_lookup(MlirStringRef flag) {
  for (const MlPassDef *p = ml_pass_table; p->flag; p++)
    if (strlen(p->flag) == flag.length &&
        memcmp(p->flag, flag.data, flag.length) == 0)
      return p;
  return NULL;
}
