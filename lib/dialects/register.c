/* register: mloptRegisterAllDialects, the one entry point that hands every
 * mlopt dialect to a host's registry. Each dialect (lib/dialects/<D>/) adds
 * its MLIR_DEFINE_CAPI_DIALECT_REGISTRATION handle here as it lands. */
#include "mlopt-c/Dialects.h"

void mloptRegisterAllDialects(MlirDialectRegistry registry) {
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__mlt__(), registry);
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__loop__(), registry);
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__accel__(), registry);
}
