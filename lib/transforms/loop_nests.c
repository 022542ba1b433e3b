/* loop_nests: the loop-nest plumbing shared by the loop-level passes. */
#include "transforms/loop_nests.h"

#include <stdlib.h>
#include <string.h>

#include "ir/attrs.h"
#include "ir/diagnostics.h"
#include "ir/oplist.h"

MlirBlock ml_loop_body(MlirOperation loop) {
  return mlirRegionGetFirstBlock(mlirOperationGetRegion(loop, 0));
}

int ml_loop_count_children(MlirOperation loop) {
  int n = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(ml_loop_body(loop));
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    n += ml_op_named(op, "loop.for");
  return n;
}

static MlirWalkResult find_mlt(MlirOperation op, void *user) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  if (name.length > 4 && !memcmp(name.data, "mlt.", 4)) {
    *(MlirOperation *)user = op;
    return MlirWalkResultInterrupt;
  }
  return MlirWalkResultAdvance;
}

bool ml_refuse_mlt_ops(MlirOperation module, const char *flag) {
  MlirOperation mlt = {NULL};
  mlirOperationWalk(module, find_mlt, &mlt, MlirWalkPreOrder);
  if (mlirOperationIsNull(mlt))
    return false;
  char name[64];
  ml_error(mlt, "'%s' is not loop-level: --%s works on loop.for nests over "
                "memrefs; run --lower-to-loops first",
           ml_op_name(mlt, name, sizeof name), flag);
  return true;
}

/* Is `op` a loop.for inside a function with no loop.for around it? */
static bool is_root(MlirOperation op) {
  if (!ml_op_named(op, "loop.for"))
    return false;
  for (MlirOperation p = mlirOperationGetParentOperation(op); !mlirOperationIsNull(p);
       p = mlirOperationGetParentOperation(p)) {
    if (ml_op_named(p, "loop.for"))
      return false;
    if (ml_op_named(p, "func.func"))
      return true;
  }
  return false;
}

static MlirWalkResult collect(MlirOperation op, void *user) {
  if (is_root(op))
    ml_oplist_push(user, op);
  return MlirWalkResultAdvance;
}

MlirOperation *ml_loop_roots(MlirOperation module, size_t *n) {
  MlOpList r = {0};
  mlirOperationWalk(module, collect, &r, MlirWalkPreOrder);
  *n = r.n;
  return r.ops;
}

void ml_loop_copy_attrs(MlirOperation from, MlirOperation to, const char *consumed) {
  static const char *const schedule[] = {"tile_sizes", "vector_width", "unroll"};
  for (size_t i = 0; i < sizeof schedule / sizeof schedule[0]; i++) {
    MlirAttribute a = ml_attr(from, schedule[i]);
    if (strcmp(schedule[i], consumed) && !mlirAttributeIsNull(a))
      mlirOperationSetInherentAttributeByName(
          to, mlirStringRefCreateFromCString(schedule[i]), a);
  }
  for (intptr_t i = 0; i < mlirOperationGetNumDiscardableAttributes(from); i++) {
    MlirNamedAttribute a = mlirOperationGetDiscardableAttribute(from, i);
    mlirOperationSetDiscardableAttributeByName(to, mlirIdentifierStr(a.name),
                                               a.attribute);
  }
}
