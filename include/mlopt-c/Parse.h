/* mlopt-c/Parse.h: parsing source text the way ml-opt does. */
#ifndef MLOPT_C_PARSE_H
#define MLOPT_C_PARSE_H

#include "mlir-c/IR.h"
#include "mlopt-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Parses `source` into a module, wrapping the top-level operations in an
/// implicit builtin.module unless the text is a single module (as mlir-opt
/// does). Locations name `sourceName`. Returns a null module on failure,
/// after reporting diagnostics to the context's handlers. The caller owns
/// the result. (mlir-c offers either the implicit module with the name "-" or
/// a source name without the implicit module; this gives both.)
MLOPT_CAPI_EXPORTED MlirModule mloptParseModule(MlirContext context,
                                                MlirStringRef source,
                                                MlirStringRef sourceName);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_PARSE_H */
