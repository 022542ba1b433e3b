/* mlopt-c/Passes.h: constructors of mlopt's passes, for pass managers an
 * embedder builds itself. Each returns a new pass owned by the caller until
 * handed to mlirPassManagerAddOwnedPass / mlirOpPassManagerAddOwnedPass.
 * The same passes are flags of ml-opt and of mloptParsePipeline. */
#ifndef MLOPT_C_PASSES_H
#define MLOPT_C_PASSES_H

#include "mlir-c/Pass.h"
#include "mlopt-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// --fuse: groups producer-consumer mlt ops into mlt.fused regions
/// (elementwise chains; elementwise epilogues of matmul/batch_matmul) and
/// explains each decision with a remark at the op.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateFusePass(void);

/// --lower-to-loops: mlt ops → loop nests on memrefs, destination passing
/// (tensor results become trailing memref out-parameters). Ops it cannot
/// lower yet are refused with a located error.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateLowerToLoopsPass(void);

/// --lower-to-accel: --lower-to-loops, except that mlt.matmul,
/// mlt.batch_matmul and mlt.conv2d (one group) become double-buffered tile
/// loops of accel ops for the nearest #accel.target (the module's
/// `accel.target` attribute). Contractions the target cannot hold get a
/// located error. ml-opt's --lower-to-accel=SPEC also sets the target.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateLowerToAccelPass(void);

/// --tile: tiles the outer band of every loop.for nest, with `numSizes`
/// tile sizes: 1 tiles every dim by sizes[0], more give one size per dim
/// (outermost first, 0 leaves a dim untiled), 0 reads only each band's
/// `tile_sizes` attribute (which wins over the sizes when present).
/// Remainders are peeled; each band gets a remark saying what was done.
/// Sizes must be >= 0, at most 16 of them (else the pass fails).
MLOPT_CAPI_EXPORTED MlirPass mloptCreateTilePass(intptr_t numSizes,
                                                 const int64_t *sizes);

/// --unroll: unroll-and-jam (register blocking). With `numFactors` factors
/// a,b,...: the innermost numFactors parallel loops on each nest's path
/// (from its outermost loop to a parallel loop with no parallel loop
/// inside) are unrolled by them, outermost first (1 leaves a loop alone);
/// the copies of inner loops whose bounds do not depend on the unrolled
/// loop are jammed into one loop carrying all their values. 0 factors
/// reads only each loop's `unroll` attribute (which wins over the factors
/// when present; on a reduction loop it unrolls plainly). Remainders are
/// peeled; each unrolled loop gets a remark. Factors must be >= 1, at most
/// 16 of them (else the pass fails).
MLOPT_CAPI_EXPORTED MlirPass mloptCreateUnrollPass(intptr_t numFactors,
                                                   const int64_t *factors);

/// --vectorize: widens the innermost parallel loop of every loop.for nest
/// (else its innermost reductions) to 1-D vector ops of `lanes` lanes
/// (< 2: the host's SIMD width in 32-bit lanes), remainders peeled; each
/// loop gets a remark saying what was done or why not.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateVectorizePass(int64_t lanes);

/// --approximate-math: f32 math.exp, math.log, math.tanh and math.erf
/// (scalars or vectors) become polynomial approximations in arith and
/// math.fma ops (exp/log within 2 ulp, tanh 3 ulp, erf 3.4e-7 absolute;
/// special values as libm), so vectorized code makes no scalar libm calls.
/// Each replaced op gets a remark.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateApproximateMathPass(void);

/// --parallelize: the outermost parallel loops of every loop.for nest (up
/// to 3 perfectly nested dims, collapsed) become one scf.parallel, which
/// --lower-to-llvm turns into OpenMP (link libomp); each nest gets a remark
/// saying what was done or why not.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateParallelizePass(void);

/// --convert-loop-to-scf: loop.for → scf.for (anchored on builtin.module).
/// Refuses mlt and accel ops with a located error.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateConvertLoopToScfPass(void);

/// --lower-accel-to-llvm: accel ops → calls of the accelerator runtime ABI
/// (runtime/accel/accel_rt.h): !accel.buf and !accel.token become i64
/// handles everywhere (results, block arguments, function signatures), each
/// function with accel ops configures the runtime from its #accel.target
/// at entry and releases its buffers before returning, and the runtime
/// functions called are declared once per module. Runs before
/// --lower-to-llvm (anchored on builtin.module); refusals are located
/// errors and leave the module unchanged.
MLOPT_CAPI_EXPORTED MlirPass mloptCreateLowerAccelToLlvmPass(void);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_PASSES_H */
