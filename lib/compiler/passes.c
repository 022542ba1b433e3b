/* passes: the rows of mlopt's pass table. Each pass lives in its own file
 * under lib/transforms or lib/conversion and exports an `add` function named
 * in its row. The dialect and transformation issues fill this table. */
#include "compiler/passes.h"

#include <string.h>

const MlPassDef ml_pass_table[] = {
    {NULL, NULL, NULL, NULL},
};

const MlPassDef *ml_pass_lookup(MlirStringRef flag) {
  for (const MlPassDef *p = ml_pass_table; p->flag; p++)
    if (strlen(p->flag) == flag.length &&
        memcmp(p->flag, flag.data, flag.length) == 0)
      return p;
  return NULL;
}
