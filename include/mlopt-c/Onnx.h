/* mlopt-c/Onnx.h: importing ONNX models (protobuf bytes) as mlt modules. */
#ifndef MLOPT_C_ONNX_H
#define MLOPT_C_ONNX_H

#include "mlir-c/IR.h"
#include "mlopt-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Pins the shape of one graph input whose shape has symbolic or unknown
/// dims (`--shape name=1x3x224x224` in ml-import-onnx).
typedef struct MloptOnnxShape {
  MlirStringRef name;   ///< the graph input's name
  intptr_t rank;        ///< number of entries in `dims`
  const int64_t *dims;  ///< each > 0; borrowed for the call
} MloptOnnxShape;

/// Freezes one graph input to a value known at import time (`--const
/// name=value.pb`): it becomes an `mlt.constant` instead of an argument.
/// Ops whose output shape depends on an input's value (Reshape's shape,
/// Slice's starts, ReduceSum's axes, ...) need that input constant.
typedef struct MloptOnnxConstant {
  MlirStringRef name;        ///< the graph input's name
  MlirStringRef tensorProto; ///< a serialized onnx TensorProto; borrowed
} MloptOnnxConstant;

typedef struct MloptOnnxOptions {
  intptr_t numShapes;                 ///< entries in `shapes`
  const MloptOnnxShape *shapes;       ///< may be NULL when numShapes is 0
  intptr_t numConstants;              ///< entries in `constants`
  const MloptOnnxConstant *constants; ///< may be NULL when numConstants is 0
} MloptOnnxOptions;

/// Imports the ONNX model in `bytes` (a serialized ModelProto) as a module
/// holding one func.func per graph: graph inputs that are not initializers
/// become its arguments and graph outputs its results, in the graph's order;
/// initializers (and inputs frozen by `options`) become `mlt.constant`. Locations name `sourceName` and the
/// node. Returns a null module on failure (malformed protobuf, an unsupported
/// op, attribute or type, a symbolic dim not pinned by `options`), after
/// reporting one located diagnostic to the context's handlers; the caller
/// owns the result. The context needs the mlt and func dialects registered
/// (`mloptRegisterAllDialects`, `mlirRegisterAllDialects`); the importer
/// loads them. `options` may be NULL.
MLOPT_CAPI_EXPORTED MlirModule mloptImportOnnx(MlirContext context,
                                               MlirStringRef bytes,
                                               MlirStringRef sourceName,
                                               const MloptOnnxOptions *options);

/// Checks without importing whether every node of the model in `bytes` is
/// supported: reports one diagnostic per unsupported op (with its node name
/// and opset), attribute or element type, all of them, not just the first.
/// Returns success when there is nothing to report.
MLOPT_CAPI_EXPORTED MlirLogicalResult
mloptCheckOnnxSupport(MlirContext context, MlirStringRef bytes,
                      MlirStringRef sourceName);

#ifdef __cplusplus
}
#endif

#endif /* MLOPT_C_ONNX_H */
