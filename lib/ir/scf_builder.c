/* scf_builder: scf.for with iter_args and scf.if with results (see the
 * header). Blocks are created unterminated so callers add the yield with
 * the values they computed. */
#include "ir/scf_builder.h"

#include <stdlib.h>

#include "mlir-c/BuiltinTypes.h"

/* A region holding one empty block with `n` arguments of `types`. */
static MlirRegion region_with_block(const MlBuilder *b, intptr_t n,
                                    const MlirType *types, MlirBlock *block) {
  MlirLocation locs[64];
  if (n > 64)
    abort(); /* callers carry a handful of tokens */
  for (intptr_t i = 0; i < n; i++)
    locs[i] = b->loc;
  *block = mlirBlockCreate(n, types, locs);
  MlirRegion region = mlirRegionCreate();
  mlirRegionAppendOwnedBlock(region, *block); /* takes ownership */
  return region;
}

MlScfFor ml_build_scf_for(const MlBuilder *b, MlirValue lb, MlirValue ub,
                          MlirValue step, intptr_t n_inits,
                          const MlirValue *inits) {
  MlirType types[64];
  if (n_inits > 63)
    abort();
  types[0] = mlirIndexTypeGet(b->ctx);
  for (intptr_t i = 0; i < n_inits; i++)
    types[1 + i] = mlirValueGetType(inits[i]);
  MlirBlock block;
  MlirRegion region = region_with_block(b, 1 + n_inits, types, &block);
  MlirOperationState s = ml_state(b, "scf.for");
  MlirValue bounds[3] = {lb, ub, step};
  mlirOperationStateAddOperands(&s, 3, bounds);
  mlirOperationStateAddOperands(&s, n_inits, inits);
  mlirOperationStateAddResults(&s, n_inits, types + 1);
  mlirOperationStateAddOwnedRegions(&s, 1, &region); /* takes ownership */
  MlScfFor loop;
  loop.op = ml_build_op(b, &s);
  loop.iv = mlirBlockGetArgument(block, 0);
  loop.body = ml_builder_at_end(block, b->loc);
  return loop;
}

MlirValue ml_scf_for_iter_arg(const MlScfFor *loop, intptr_t i) {
  return mlirBlockGetArgument(loop->body.block, 1 + i);
}

MlScfIf ml_build_scf_if(const MlBuilder *b, MlirValue cond, intptr_t n_results,
                        const MlirType *types) {
  MlirBlock then_block, else_block;
  MlirRegion regions[2] = {region_with_block(b, 0, NULL, &then_block),
                           region_with_block(b, 0, NULL, &else_block)};
  MlirOperationState s = ml_state(b, "scf.if");
  mlirOperationStateAddOperands(&s, 1, &cond);
  mlirOperationStateAddResults(&s, n_results, types);
  mlirOperationStateAddOwnedRegions(&s, 2, regions); /* takes ownership */
  MlScfIf r;
  r.op = ml_build_op(b, &s);
  r.then_b = ml_builder_at_end(then_block, b->loc);
  r.else_b = ml_builder_at_end(else_block, b->loc);
  return r;
}
