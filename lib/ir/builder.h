/* builder.h: a small builder over MlirOperationState so passes read as
 * "build this op here" rather than open-coded state plumbing (STYLE.md
 * rule 4). All handles are borrowed. */
#ifndef MLOPT_IR_BUILDER_H
#define MLOPT_IR_BUILDER_H

#include <stdbool.h>
#include <stdint.h>

#include "mlir-c/IR.h"

typedef struct MlBuilder {
  MlirContext ctx;
  MlirLocation loc;
  MlirBlock block;
  MlirOperation before; /* insert before this op; null: append to block */
} MlBuilder;

/* A builder inserting right before `op`, with `op`'s location. */
MlBuilder ml_builder_before(MlirOperation op);
/* A builder appending to `block`. */
MlBuilder ml_builder_at_end(MlirBlock block, MlirLocation loc);

/* Inserts the detached op `op` at the builder (takes ownership). */
void ml_builder_insert(const MlBuilder *b, MlirOperation op);
/* Creates the op described by `state` and inserts it at the builder. */
MlirOperation ml_build_op(const MlBuilder *b, MlirOperationState *state);
/* A state for op `name` at the builder's location. */
MlirOperationState ml_state(const MlBuilder *b, const char *name);

/* A discardable unit attribute on an arith.mulf whose product must round
 * on its own: --vectorize does not contract it with an addf into an FMA
 * (mlt.dequantize's product, bit-identical to the reference). */
#define ML_NO_CONTRACT_ATTR "mlopt.no_contract"

/* arith.constant of type index. */
MlirValue ml_build_index_constant(const MlBuilder *b, int64_t value);
/* A generic op `name` with `n` operands and one result of type `type`
 * (arith.addf, math.exp, arith.extsi, ...). */
MlirValue ml_build_value_op(const MlBuilder *b, const char *name, intptr_t n,
                            const MlirValue *operands, MlirType type);
/* The same, with the result type of operand 0 (arith/math elementwise). */
MlirValue ml_build_unary(const MlBuilder *b, const char *name, MlirValue x);
MlirValue ml_build_binary(const MlBuilder *b, const char *name, MlirValue x,
                          MlirValue y);
/* arith.constant of an integer (or index) type, exact for all of int64. */
MlirValue ml_build_int_constant(const MlBuilder *b, MlirType type, int64_t value);
/* arith.constant of a float or integer scalar type. */
MlirValue ml_build_scalar_constant(const MlBuilder *b, MlirType type,
                                   double value);
/* arith.constant `value` of a scalar type, or splat across a vector type
 * (dense<value> : vector<16xf32>). */
MlirValue ml_build_splat_constant(const MlBuilder *b, MlirType type,
                                  double value);

/* `elt`, or a vector of `like`'s shape holding `elt` when `like` is a
 * vector (the i1 of a vector compare, the i32 of a vector bitcast). */
MlirType ml_type_like(MlirType like, MlirType elt);
/* arith.cmpi / arith.cmpf with a predicate number (arith's enums:
 * cmpi slt = 2, sge = 5; cmpf oge = 3, uno = 14), giving an i1 (a vector
 * of i1 for vector operands). */
MlirValue ml_build_cmpi(const MlBuilder *b, int64_t predicate, MlirValue x,
                        MlirValue y);
MlirValue ml_build_cmpf(const MlBuilder *b, int64_t predicate, MlirValue x,
                        MlirValue y);

/* arith.select: `x` where `cond` holds, else `y` (cond an i1, or a vector
 * of i1 for vector x and y). */
MlirValue ml_build_select(const MlBuilder *b, MlirValue cond, MlirValue x,
                          MlirValue y);

/* memref.load / memref.store at `indices`. */
MlirValue ml_build_load(const MlBuilder *b, MlirValue memref, intptr_t n,
                        const MlirValue *indices);
void ml_build_store(const MlBuilder *b, MlirValue value, MlirValue memref,
                    intptr_t n, const MlirValue *indices);
/* memref.alloc / memref.dealloc of a statically shaped memref. */
MlirValue ml_build_alloc(const MlBuilder *b, MlirType memref_type);
void ml_build_dealloc(const MlBuilder *b, MlirValue memref);
/* memref.copy from `src` to `dst` (same shape). */
void ml_build_memref_copy(const MlBuilder *b, MlirValue src, MlirValue dst);

/* A loop.for with static bounds; its body block has the induction
 * variable and one argument per init, and *no terminator yet*: finish the
 * body with ml_build_loop_yield (empty when there are no inits). */
typedef struct MlLoop {
  MlirOperation op;
  MlirValue iv;
  MlBuilder body; /* appends to the body block */
} MlLoop;
MlLoop ml_build_loop_for(const MlBuilder *b, int64_t lb, int64_t ub,
                         int64_t step, bool reduction, intptr_t n_inits,
                         const MlirValue *inits);
/* A loop bound or step: the SSA index value `value`, or the constant `c`
 * when `value` is null. */
typedef struct MlBound {
  MlirValue value;
  int64_t c;
} MlBound;
MlBound ml_bound_const(int64_t c);
MlBound ml_bound_value(MlirValue value);
/* ml_build_loop_for with bounds and step that may be SSA index values
 * (each becomes an operand, or a static_* attribute when constant). */
MlLoop ml_build_loop_for_bounds(const MlBuilder *b, MlBound lb, MlBound ub,
                                MlBound step, bool reduction, intptr_t n_inits,
                                const MlirValue *inits);
/* The body block's argument #1 + i (the i-th loop-carried value). */
MlirValue ml_loop_iter_arg(const MlLoop *loop, intptr_t i);
void ml_build_loop_yield(const MlBuilder *b, intptr_t n, const MlirValue *values);

/* scf.yield of `n` values. */
MlirOperation ml_build_scf_yield(const MlBuilder *b, intptr_t n,
                                 const MlirValue *values);

/* An scf.parallel over `n` dims without reductions: lbs/ubs/steps are
 * index values; its body block has one index argument per dim and ends in
 * scf.reduce, before which `body` inserts. */
typedef struct MlParallel {
  MlirOperation op;
  MlBuilder body;
} MlParallel;
MlParallel ml_build_scf_parallel(const MlBuilder *b, intptr_t n,
                                 const MlirValue *lbs, const MlirValue *ubs,
                                 const MlirValue *steps);
/* The induction variable of dim `k` of an scf.parallel. */
MlirValue ml_parallel_iv(const MlParallel *p, intptr_t k);

/* llvm.intr.stacksave (an !llvm.ptr) and llvm.intr.stackrestore of it. */
MlirValue ml_build_llvm_stacksave(const MlBuilder *b);
void ml_build_llvm_stackrestore(const MlBuilder *b, MlirValue sp);

/* func.func private `name` of function type `type`: a declaration of an
 * external function (a runtime's). */
MlirOperation ml_build_func_decl(const MlBuilder *b, const char *name,
                                 MlirType type);
/* func.call @callee(args) with `num_results` results of `result_types`. */
MlirOperation ml_build_func_call(const MlBuilder *b, const char *callee,
                                 intptr_t n, const MlirValue *args,
                                 intptr_t num_results,
                                 const MlirType *result_types);

/* memref.extract_strided_metadata of a strided memref of rank r: the
 * element offset, and r sizes and r strides (index values) into `sizes` and
 * `strides` (either may be NULL). Returns the offset. */
MlirValue ml_build_memref_extract_strided_metadata(const MlBuilder *b,
                                                   MlirValue memref,
                                                   MlirValue *sizes,
                                                   MlirValue *strides);
/* memref.extract_aligned_pointer_as_index: the aligned base address of a
 * memref, as an index. */
MlirValue ml_build_memref_extract_aligned_pointer(const MlBuilder *b,
                                                  MlirValue memref);
/* llvm.inttoptr of an integer (i64) to an !llvm.ptr. */
MlirValue ml_build_llvm_inttoptr(const MlBuilder *b, MlirValue x);

#endif
