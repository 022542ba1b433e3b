/* mlopt-c/Mlopt.h: the whole public C API of mlopt in one include. */
#ifndef MLOPT_C_MLOPT_H
#define MLOPT_C_MLOPT_H

#include "mlopt-c/Accel.h"
#include "mlopt-c/Compile.h"
#include "mlopt-c/Dialects.h"
#include "mlopt-c/Onnx.h"
#include "mlopt-c/Parse.h"
#include "mlopt-c/Passes.h"
#include "mlopt-c/Pipeline.h"
#include "mlopt-c/Support.h"

#endif /* MLOPT_C_MLOPT_H */
