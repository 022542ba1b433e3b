/* builder: creating ops at an insertion point, one helper per op we emit. */
#include "ir/builder.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/LLVM.h"

#include <stdlib.h>

MlBuilder ml_builder_before(MlirOperation op) {
  MlBuilder b = {mlirOperationGetContext(op), mlirOperationGetLocation(op),
                 mlirOperationGetBlock(op), op};
  return b;
}

MlBuilder ml_builder_at_end(MlirBlock block, MlirLocation loc) {
  MlBuilder b = {mlirLocationGetContext(loc), loc, block, {NULL}};
  return b;
}

MlirOperationState ml_state(const MlBuilder *b, const char *name) {
  return mlirOperationStateGet(mlirStringRefCreateFromCString(name), b->loc);
}

void ml_builder_insert(const MlBuilder *b, MlirOperation op) {
  if (mlirOperationIsNull(b->before))
    mlirBlockAppendOwnedOperation(b->block, op); /* takes ownership */
  else
    mlirBlockInsertOwnedOperationBefore(b->block, b->before, op);
}

MlirOperation ml_build_op(const MlBuilder *b, MlirOperationState *state) {
  MlirOperation op = mlirOperationCreate(state);
  ml_builder_insert(b, op);
  return op;
}

MlirValue ml_build_index_constant(const MlBuilder *b, int64_t value) {
  MlirType index = mlirIndexTypeGet(b->ctx);
  MlirOperationState s = ml_state(b, "arith.constant");
  MlirNamedAttribute attr = mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("value")),
      mlirIntegerAttrGet(index, value));
  mlirOperationStateAddAttributes(&s, 1, &attr);
  mlirOperationStateAddResults(&s, 1, &index);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

MlirOperation ml_build_scf_yield(const MlBuilder *b, intptr_t n,
                                 const MlirValue *values) {
  MlirOperationState s = ml_state(b, "scf.yield");
  mlirOperationStateAddOperands(&s, n, values);
  return ml_build_op(b, &s);
}

MlirValue ml_build_value_op(const MlBuilder *b, const char *name, intptr_t n,
                            const MlirValue *operands, MlirType type) {
  MlirOperationState s = ml_state(b, name);
  mlirOperationStateAddOperands(&s, n, operands);
  mlirOperationStateAddResults(&s, 1, &type);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

MlirValue ml_build_unary(const MlBuilder *b, const char *name, MlirValue x) {
  return ml_build_value_op(b, name, 1, &x, mlirValueGetType(x));
}

MlirValue ml_build_binary(const MlBuilder *b, const char *name, MlirValue x,
                          MlirValue y) {
  MlirValue xy[2] = {x, y};
  return ml_build_value_op(b, name, 2, xy, mlirValueGetType(x));
}

/* arith.constant holding `attr`, of type `type`. */
static MlirValue build_constant(const MlBuilder *b, MlirType type,
                                MlirAttribute attr) {
  MlirOperationState s = ml_state(b, "arith.constant");
  MlirNamedAttribute named = mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("value")), attr);
  mlirOperationStateAddAttributes(&s, 1, &named);
  mlirOperationStateAddResults(&s, 1, &type);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

MlirValue ml_build_int_constant(const MlBuilder *b, MlirType type, int64_t value) {
  return build_constant(b, type, mlirIntegerAttrGet(type, value));
}

MlirValue ml_build_scalar_constant(const MlBuilder *b, MlirType type,
                                   double value) {
  if (mlirTypeIsAInteger(type) || mlirTypeIsAIndex(type))
    return ml_build_int_constant(b, type, (int64_t)value);
  return build_constant(b, type, mlirFloatAttrDoubleGet(b->ctx, type, value));
}

MlirValue ml_build_splat_constant(const MlBuilder *b, MlirType type,
                                  double value) {
  if (!mlirTypeIsAVector(type))
    return ml_build_scalar_constant(b, type, value);
  MlirType elt = mlirShapedTypeGetElementType(type);
  MlirAttribute e = mlirTypeIsAFloat(elt)
                        ? mlirFloatAttrDoubleGet(b->ctx, elt, value)
                        : mlirIntegerAttrGet(elt, (int64_t)value);
  return build_constant(b, type, mlirDenseElementsAttrSplatGet(type, e));
}

MlirValue ml_build_select(const MlBuilder *b, MlirValue cond, MlirValue x,
                          MlirValue y) {
  MlirValue ops[3] = {cond, x, y};
  return ml_build_value_op(b, "arith.select", 3, ops, mlirValueGetType(x));
}

MlirValue ml_build_load(const MlBuilder *b, MlirValue memref, intptr_t n,
                        const MlirValue *indices) {
  MlirOperationState s = ml_state(b, "memref.load");
  mlirOperationStateAddOperands(&s, 1, &memref);
  mlirOperationStateAddOperands(&s, n, indices);
  MlirType elt = mlirShapedTypeGetElementType(mlirValueGetType(memref));
  mlirOperationStateAddResults(&s, 1, &elt);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

void ml_build_store(const MlBuilder *b, MlirValue value, MlirValue memref,
                    intptr_t n, const MlirValue *indices) {
  MlirOperationState s = ml_state(b, "memref.store");
  MlirValue vm[2] = {value, memref};
  mlirOperationStateAddOperands(&s, 2, vm);
  mlirOperationStateAddOperands(&s, n, indices);
  ml_build_op(b, &s);
}

MlirValue ml_build_alloc(const MlBuilder *b, MlirType memref_type) {
  MlirOperationState s = ml_state(b, "memref.alloc");
  MlirNamedAttribute seg = mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("operandSegmentSizes")),
      mlirDenseI32ArrayGet(b->ctx, 2, (const int32_t[]){0, 0}));
  mlirOperationStateAddAttributes(&s, 1, &seg);
  mlirOperationStateAddResults(&s, 1, &memref_type);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

void ml_build_dealloc(const MlBuilder *b, MlirValue memref) {
  MlirOperationState s = ml_state(b, "memref.dealloc");
  mlirOperationStateAddOperands(&s, 1, &memref);
  ml_build_op(b, &s);
}

void ml_build_memref_copy(const MlBuilder *b, MlirValue src, MlirValue dst) {
  MlirOperationState s = ml_state(b, "memref.copy");
  MlirValue sd[2] = {src, dst};
  mlirOperationStateAddOperands(&s, 2, sd);
  ml_build_op(b, &s);
}

MlBound ml_bound_const(int64_t c) {
  MlBound bound = {{NULL}, c};
  return bound;
}

MlBound ml_bound_value(MlirValue value) {
  MlBound bound = {value, 0};
  return bound;
}

MlLoop ml_build_loop_for(const MlBuilder *b, int64_t lb, int64_t ub,
                         int64_t step, bool reduction, intptr_t n_inits,
                         const MlirValue *inits) {
  return ml_build_loop_for_bounds(b, ml_bound_const(lb), ml_bound_const(ub),
                                  ml_bound_const(step), reduction, n_inits, inits);
}

MlLoop ml_build_loop_for_bounds(const MlBuilder *b, MlBound lb, MlBound ub,
                                MlBound step, bool reduction, intptr_t n_inits,
                                const MlirValue *inits) {
  MlirType index = mlirIndexTypeGet(b->ctx);
  MlirType i64 = mlirIntegerTypeGet(b->ctx, 64);
  MlirType i32 = mlirIntegerTypeGet(b->ctx, 32);
  /* On the stack up to 16 carried values, else on the heap (unroll-and-jam
   * multiplies accumulators). */
  MlirType small_types[1 + 16], *types = small_types;
  MlirLocation small_locs[1 + 16], *locs = small_locs;
  if (n_inits > 16) {
    types = malloc((size_t)(1 + n_inits) * sizeof *types);
    locs = malloc((size_t)(1 + n_inits) * sizeof *locs);
    if (!types || !locs)
      abort();
  }
  types[0] = index;
  locs[0] = b->loc;
  for (intptr_t i = 0; i < n_inits; i++) {
    types[1 + i] = mlirValueGetType(inits[i]);
    locs[1 + i] = b->loc;
  }
  MlirBlock block = mlirBlockCreate(1 + n_inits, types, locs);
  MlirRegion region = mlirRegionCreate();
  mlirRegionAppendOwnedBlock(region, block); /* takes ownership */

  /* Each of lb, ub, step: an operand, or its static_* attribute. */
  const MlBound bounds[3] = {lb, ub, step};
  static const char *const names[3] = {"static_lower_bound",
                                       "static_upper_bound", "static_step"};
  MlirOperationState s = ml_state(b, "loop.for");
  int32_t segments[4] = {0, 0, 0, (int32_t)n_inits};
  for (int k = 0; k < 3; k++) {
    if (!mlirValueIsNull(bounds[k].value)) {
      segments[k] = 1;
      mlirOperationStateAddOperands(&s, 1, &bounds[k].value);
      continue;
    }
    MlirNamedAttribute a = mlirNamedAttributeGet(
        mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString(names[k])),
        mlirIntegerAttrGet(i64, bounds[k].c));
    mlirOperationStateAddAttributes(&s, 1, &a);
  }
  MlirNamedAttribute attrs[2] = {
      mlirNamedAttributeGet(
          mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("iterator_kind")),
          mlirIntegerAttrGet(i32, reduction ? 1 : 0)),
      mlirNamedAttributeGet(
          mlirIdentifierGet(b->ctx,
                            mlirStringRefCreateFromCString("operandSegmentSizes")),
          mlirDenseI32ArrayGet(b->ctx, 4, segments)),
  };
  mlirOperationStateAddAttributes(&s, 2, attrs);
  mlirOperationStateAddOperands(&s, n_inits, inits);
  mlirOperationStateAddResults(&s, n_inits, types + 1);
  mlirOperationStateAddOwnedRegions(&s, 1, &region); /* takes ownership */
  MlLoop loop;
  loop.op = ml_build_op(b, &s);
  if (types != small_types) {
    free(types);
    free(locs);
  }
  loop.iv = mlirBlockGetArgument(block, 0);
  loop.body = ml_builder_at_end(block, b->loc);
  return loop;
}

MlirValue ml_loop_iter_arg(const MlLoop *loop, intptr_t i) {
  return mlirBlockGetArgument(loop->body.block, 1 + i);
}

void ml_build_loop_yield(const MlBuilder *b, intptr_t n, const MlirValue *values) {
  MlirOperationState s = ml_state(b, "loop.yield");
  mlirOperationStateAddOperands(&s, n, values);
  ml_build_op(b, &s);
}

/* arith.cmpi or arith.cmpf `name` with `predicate`. */
MlirType ml_type_like(MlirType like, MlirType elt) {
  if (!mlirTypeIsAVector(like))
    return elt;
  intptr_t rank = mlirShapedTypeGetRank(like);
  int64_t shape[8];
  if (rank > 8)
    abort(); /* raise the bound */
  for (intptr_t d = 0; d < rank; d++)
    shape[d] = mlirShapedTypeGetDimSize(like, d);
  return mlirVectorTypeGet(rank, shape, elt);
}

static MlirValue build_cmp(const MlBuilder *b, const char *name, int64_t predicate,
                           MlirValue x, MlirValue y) {
  MlirOperationState s = ml_state(b, name);
  MlirValue xy[2] = {x, y};
  mlirOperationStateAddOperands(&s, 2, xy);
  MlirType i1 = ml_type_like(mlirValueGetType(x), mlirIntegerTypeGet(b->ctx, 1));
  mlirOperationStateAddResults(&s, 1, &i1);
  MlirNamedAttribute p = mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("predicate")),
      mlirIntegerAttrGet(mlirIntegerTypeGet(b->ctx, 64), predicate));
  mlirOperationStateAddAttributes(&s, 1, &p);
  return mlirOperationGetResult(ml_build_op(b, &s), 0);
}

MlirValue ml_build_cmpi(const MlBuilder *b, int64_t predicate, MlirValue x,
                        MlirValue y) {
  return build_cmp(b, "arith.cmpi", predicate, x, y);
}

MlirValue ml_build_cmpf(const MlBuilder *b, int64_t predicate, MlirValue x,
                        MlirValue y) {
  return build_cmp(b, "arith.cmpf", predicate, x, y);
}

MlParallel ml_build_scf_parallel(const MlBuilder *b, intptr_t n,
                                 const MlirValue *lbs, const MlirValue *ubs,
                                 const MlirValue *steps) {
  MlirType index = mlirIndexTypeGet(b->ctx);
  MlirType types[8];
  MlirLocation locs[8];
  if (n < 1 || n > 8)
    abort(); /* raise the bound */
  for (intptr_t k = 0; k < n; k++) {
    types[k] = index;
    locs[k] = b->loc;
  }
  MlirBlock block = mlirBlockCreate(n, types, locs);
  MlirRegion region = mlirRegionCreate();
  mlirRegionAppendOwnedBlock(region, block); /* takes ownership */
  MlirOperationState s = ml_state(b, "scf.parallel");
  mlirOperationStateAddOperands(&s, n, lbs);
  mlirOperationStateAddOperands(&s, n, ubs);
  mlirOperationStateAddOperands(&s, n, steps);
  int32_t segments[4] = {(int32_t)n, (int32_t)n, (int32_t)n, 0};
  MlirNamedAttribute seg = mlirNamedAttributeGet(
      mlirIdentifierGet(b->ctx, mlirStringRefCreateFromCString("operandSegmentSizes")),
      mlirDenseI32ArrayGet(b->ctx, 4, segments));
  mlirOperationStateAddAttributes(&s, 1, &seg);
  mlirOperationStateAddOwnedRegions(&s, 1, &region); /* takes ownership */
  MlParallel p;
  p.op = ml_build_op(b, &s);
  MlBuilder at_end = ml_builder_at_end(block, b->loc);
  MlirOperationState r = ml_state(&at_end, "scf.reduce");
  p.body = ml_builder_before(ml_build_op(&at_end, &r));
  return p;
}

MlirValue ml_parallel_iv(const MlParallel *p, intptr_t k) {
  return mlirBlockGetArgument(p->body.block, k);
}

MlirValue ml_build_llvm_stacksave(const MlBuilder *b) {
  MlirType ptr = mlirLLVMPointerTypeGet(b->ctx, 0);
  return ml_build_value_op(b, "llvm.intr.stacksave", 0, NULL, ptr);
}

void ml_build_llvm_stackrestore(const MlBuilder *b, MlirValue sp) {
  MlirOperationState s = ml_state(b, "llvm.intr.stackrestore");
  mlirOperationStateAddOperands(&s, 1, &sp);
  ml_build_op(b, &s);
}

/* A named attribute `name` = `attr`. */
static MlirNamedAttribute named(MlirContext ctx, const char *name,
                                MlirAttribute attr) {
  return mlirNamedAttributeGet(
      mlirIdentifierGet(ctx, mlirStringRefCreateFromCString(name)), attr);
}

MlirOperation ml_build_func_decl(const MlBuilder *b, const char *name,
                                 MlirType type) {
  MlirOperationState s = ml_state(b, "func.func");
  MlirNamedAttribute attrs[3] = {
      named(b->ctx, "sym_name",
            mlirStringAttrGet(b->ctx, mlirStringRefCreateFromCString(name))),
      named(b->ctx, "function_type", mlirTypeAttrGet(type)),
      named(b->ctx, "sym_visibility",
            mlirStringAttrGet(b->ctx, mlirStringRefCreateFromCString("private"))),
  };
  mlirOperationStateAddAttributes(&s, 3, attrs);
  MlirRegion body = mlirRegionCreate(); /* empty: a declaration */
  mlirOperationStateAddOwnedRegions(&s, 1, &body); /* takes ownership */
  return ml_build_op(b, &s);
}

MlirOperation ml_build_func_call(const MlBuilder *b, const char *callee,
                                 intptr_t n, const MlirValue *args,
                                 intptr_t num_results,
                                 const MlirType *result_types) {
  MlirOperationState s = ml_state(b, "func.call");
  MlirNamedAttribute attr = named(
      b->ctx, "callee",
      mlirFlatSymbolRefAttrGet(b->ctx, mlirStringRefCreateFromCString(callee)));
  mlirOperationStateAddAttributes(&s, 1, &attr);
  mlirOperationStateAddOperands(&s, n, args);
  mlirOperationStateAddResults(&s, num_results, result_types);
  return ml_build_op(b, &s);
}

MlirValue ml_build_memref_extract_strided_metadata(const MlBuilder *b,
                                                   MlirValue memref,
                                                   MlirValue *sizes,
                                                   MlirValue *strides) {
  MlirType type = mlirValueGetType(memref);
  intptr_t rank = mlirShapedTypeGetRank(type);
  MlirType index = mlirIndexTypeGet(b->ctx);
  MlirType types[2 + 2 * 8];
  if (rank > 8)
    abort(); /* raise the bound */
  /* The base buffer: a 0-d memref of the element type in the same memory. */
  types[0] = mlirMemRefTypeGet(mlirShapedTypeGetElementType(type), 0, NULL,
                               mlirAttributeGetNull(),
                               mlirMemRefTypeGetMemorySpace(type));
  for (intptr_t i = 1; i < 2 + 2 * rank; i++)
    types[i] = index;
  MlirOperationState s = ml_state(b, "memref.extract_strided_metadata");
  mlirOperationStateAddOperands(&s, 1, &memref);
  mlirOperationStateAddResults(&s, 2 + 2 * rank, types);
  MlirOperation op = ml_build_op(b, &s);
  for (intptr_t d = 0; d < rank; d++) {
    if (sizes)
      sizes[d] = mlirOperationGetResult(op, 2 + d);
    if (strides)
      strides[d] = mlirOperationGetResult(op, 2 + rank + d);
  }
  return mlirOperationGetResult(op, 1);
}

MlirValue ml_build_memref_extract_aligned_pointer(const MlBuilder *b,
                                                  MlirValue memref) {
  return ml_build_value_op(b, "memref.extract_aligned_pointer_as_index", 1,
                           &memref, mlirIndexTypeGet(b->ctx));
}

MlirValue ml_build_llvm_inttoptr(const MlBuilder *b, MlirValue x) {
  return ml_build_value_op(b, "llvm.inttoptr", 1, &x,
                           mlirLLVMPointerTypeGet(b->ctx, 0));
}
