/* ops: the table of supported ONNX ops, gathered from each family file. */
#include "onnx/importer.h"

#include <string.h>

const MlOnnxOp *ml_onnx_find_op(const char *op_type) {
  const MlOnnxOp *const families[] = {ml_onnx_elementwise_ops, ml_onnx_nn_ops,
                                      ml_onnx_shape_ops, ml_onnx_reduce_ops,
                                      ml_onnx_pad_ops, ml_onnx_norm_ops,
                                      ml_onnx_conv_transpose_ops,
                                      ml_onnx_quant_ops};
  for (size_t f = 0; f < sizeof families / sizeof *families; f++)
    for (const MlOnnxOp *op = families[f]; op->op_type; op++)
      if (strcmp(op->op_type, op_type) == 0)
        return op;
  return NULL;
}
