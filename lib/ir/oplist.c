/* oplist: a growable list of operations (see the header). */
#include "ir/oplist.h"

#include <stdlib.h>

void ml_oplist_push(MlOpList *list, MlirOperation op) {
  if (list->n == list->cap) {
    list->cap = list->cap ? 2 * list->cap : 16;
    list->ops = realloc(list->ops, list->cap * sizeof *list->ops);
    if (!list->ops)
      abort();
  }
  list->ops[list->n++] = op;
}

void ml_oplist_free(MlOpList *list) {
  free(list->ops);
  *list = (MlOpList){NULL, 0, 0};
}
