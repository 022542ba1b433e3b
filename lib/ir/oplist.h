/* oplist.h: a growable list of operations, for passes that collect ops
 * during a walk and rewrite them after it (rewriting during a walk would
 * invalidate the walk). */
#ifndef MLOPT_IR_OPLIST_H
#define MLOPT_IR_OPLIST_H

#include <stddef.h>

#include "mlir-c/IR.h"

typedef struct MlOpList {
  MlirOperation *ops;
  size_t n, cap;
} MlOpList;

/* Appends `op` (aborts when out of memory). */
void ml_oplist_push(MlOpList *list, MlirOperation op);
/* Frees the storage; the list is empty again. */
void ml_oplist_free(MlOpList *list);

#endif
