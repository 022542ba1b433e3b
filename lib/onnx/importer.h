/* importer.h: the ONNX importer's internals, shared by the driver
 * (import.c) and the per-family op mappings (ops_*.c).
 *
 * A node mapping reads its inputs and attributes through the accessors
 * here, builds mlt ops with lib/ir/mlt_builder.h at `im->b` (which carries
 * the node's location), and binds each output with ml_onnx_define. On bad
 * or unsupported input it calls ml_onnx_error (one diagnostic naming the
 * node) and returns failure. */
#ifndef MLOPT_ONNX_IMPORTER_H
#define MLOPT_ONNX_IMPORTER_H

#include <stdbool.h>
#include <stdint.h>

#include "ir/builder.h"
#include "onnx.pb-c.h"

#define ML_ONNX_MAX_RANK 8

/* Returns failure from the calling mapping when `x` failed (its error has
 * been reported). */
#define ML_ONNX_TRY(x)                                                         \
  do {                                                                         \
    if (mlirLogicalResultIsFailure(x))                                         \
      return mlirLogicalResultFailure();                                       \
  } while (0)

/* A tensor whose value is known at import time (an initializer, a Constant
 * node, a frozen input): elements in native layout, `elt_size` bytes each. */
typedef struct MlOnnxTensor {
  int32_t dtype; /* onnx TensorProto.DataType */
  intptr_t rank;
  int64_t dims[ML_ONNX_MAX_RANK];
  int64_t count;
  size_t elt_size;
  void *data; /* owned */
} MlOnnxTensor;

/* One named value of the graph. */
typedef struct MlOnnxValue {
  char *name;          /* owned */
  MlirValue value;     /* the SSA value (null until defined) */
  MlOnnxTensor *known; /* owned; null unless known at import time */
  bool graph_input;    /* a function argument */
} MlOnnxValue;

typedef struct MlOnnxValues {
  MlOnnxValue *slots; /* open addressing; name == NULL is empty */
  size_t cap, count;
} MlOnnxValues;

typedef struct MlImporter {
  MlirContext ctx;
  const char *source; /* the model's name in diagnostics */
  int64_t opset;      /* version of the default ("ai.onnx") domain */
  MlBuilder b;        /* appends to the function body at the node's loc */
  const Onnx__NodeProto *node; /* the node being imported, or NULL */
  intptr_t node_index;
  MlirOperation last; /* the block's last op before the current node */
  MlOnnxValues values;
} MlImporter;

/* A mapping from one ONNX op to mlt ops. */
typedef MlirLogicalResult (*MlOnnxImportFn)(MlImporter *im,
                                            const Onnx__NodeProto *node);
typedef struct MlOnnxOp {
  const char *op_type;
  MlOnnxImportFn import;
  const char *const *attributes; /* the attributes it understands; NULL-ended */
} MlOnnxOp;

/* The op table (ops.c); NULL when `op_type` is not supported. */
const MlOnnxOp *ml_onnx_find_op(const char *op_type);
/* Each family's rows, appended to the table by ops.c. */
extern const MlOnnxOp ml_onnx_elementwise_ops[];
extern const MlOnnxOp ml_onnx_nn_ops[];
extern const MlOnnxOp ml_onnx_shape_ops[];
extern const MlOnnxOp ml_onnx_reduce_ops[];
extern const MlOnnxOp ml_onnx_pad_ops[];
extern const MlOnnxOp ml_onnx_norm_ops[];
extern const MlOnnxOp ml_onnx_conv_transpose_ops[];
extern const MlOnnxOp ml_onnx_quant_ops[];

/* --- diagnostics (node.c) --- */
/* Emits an error at the current node ("node 'n' (Op): ..."), or at the
 * model when no node is being imported; always returns failure. */
MlirLogicalResult ml_onnx_error(MlImporter *im, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The model's location (file:0:0). */
MlirLocation ml_onnx_model_loc(MlImporter *im);

/* --- values (values.c) --- */
void ml_onnx_values_init(MlOnnxValues *t);
void ml_onnx_values_free(MlOnnxValues *t);
/* The entry named `name`, created empty when `create`; NULL otherwise. */
MlOnnxValue *ml_onnx_values_get(MlOnnxValues *t, const char *name, bool create);
/* Binds output `k` of the current node (skipped when the node leaves that
 * output unnamed). */
void ml_onnx_define(MlImporter *im, intptr_t k, MlirValue v);
/* Binds output `k` to a value known at import time (takes `known`). */
void ml_onnx_define_known(MlImporter *im, intptr_t k, MlirValue v,
                          MlOnnxTensor *known);

/* Records the contents of the current node's outputs that are constants
 * (after ml_onnx_fold) as known values. */
void ml_onnx_mark_known_outputs(MlImporter *im);

/* --- node inputs and attributes (node.c) --- */
/* Input `k` of the current node, or a null value when absent or empty. */
MlirValue ml_onnx_input(MlImporter *im, intptr_t k);
/* Input `k`, failing with an error naming it when absent. */
MlirLogicalResult ml_onnx_require(MlImporter *im, intptr_t k, MlirValue *out);
bool ml_onnx_has_input(MlImporter *im, intptr_t k);
/* Input `k`'s value known at import time, or an error saying it must be a
 * constant (naming the graph input to freeze when it is one). */
MlirLogicalResult ml_onnx_known_input(MlImporter *im, intptr_t k,
                                      const MlOnnxTensor **out);
/* Input `k`'s value when known at import time, else NULL (no error). */
const MlOnnxTensor *ml_onnx_known(MlImporter *im, intptr_t k);
/* Input `k` as integers known at import time (int32/int64 elements). */
MlirLogicalResult ml_onnx_const_ints(MlImporter *im, intptr_t k, int64_t *out,
                                     intptr_t max, intptr_t *n);
/* Number of outputs the current node names (trailing empty ones dropped). */
intptr_t ml_onnx_num_outputs(MlImporter *im);

const Onnx__AttributeProto *ml_onnx_attr(const Onnx__NodeProto *n,
                                         const char *name);
int64_t ml_onnx_attr_int(const Onnx__NodeProto *n, const char *name,
                         int64_t dflt);
float ml_onnx_attr_float(const Onnx__NodeProto *n, const char *name,
                         float dflt);
/* The ints of attribute `name` (count in *n; NULL and 0 when absent). */
const int64_t *ml_onnx_attr_ints(const Onnx__NodeProto *n, const char *name,
                                 intptr_t *count);
/* A string attribute as a NUL-terminated copy in `buf`, or `dflt`. */
const char *ml_onnx_attr_string(const Onnx__NodeProto *n, const char *name,
                                const char *dflt, char *buf, size_t size);

/* --- shapes and types (node.c) --- */
intptr_t ml_rank(MlirValue v);
int64_t ml_onnx_product(const int64_t *dims, intptr_t n);
/* Fails (unsupported element type) unless x holds floats. */
MlirLogicalResult ml_onnx_need_float(MlImporter *im, MlirValue x);
/* Normalizes a possibly negative axis against `rank`, or fails naming the
 * attribute. */
MlirLogicalResult ml_onnx_axis(MlImporter *im, const char *what, int64_t axis,
                               intptr_t rank, int64_t *out);
/* The numpy broadcast of x's and y's shapes, with `elt`, or an error. */
MlirLogicalResult ml_onnx_broadcast(MlImporter *im, MlirValue x, MlirValue y,
                                    MlirType elt, MlirType *out);
/* The same for two shaped types. */
MlirLogicalResult ml_onnx_broadcast_types(MlImporter *im, MlirType x,
                                          MlirType y, MlirType elt,
                                          MlirType *out);
/* A builder's scalar splat constant tensor of `elt` and rank-0 shape. */
MlirValue ml_onnx_scalar(MlImporter *im, MlirType elt, double value);
/* x reshaped to `rank` dims `dims` (no op when already that shape). */
MlirValue ml_onnx_reshape(MlImporter *im, MlirValue x, intptr_t rank,
                          const int64_t *dims);
/* x broadcast to `rank` dims `dims` (no op when already that shape). */
MlirValue ml_onnx_broadcast_to(MlImporter *im, MlirValue x, intptr_t rank,
                               const int64_t *dims);
/* `size` elements of x along `axis` from `offset`, `stride` apart. */
MlirValue ml_onnx_slice_axis(MlImporter *im, MlirValue x, int64_t axis,
                             int64_t offset, int64_t size, int64_t stride);
/* mlt.<name> of x and y with numpy broadcasting and x's element type. */
MlirLogicalResult ml_onnx_binary(MlImporter *im, const char *name, MlirValue x,
                                 MlirValue y, MlirValue *out);

/* --- constant folding (fold.c) --- */
/* Folds the ops built since im->last whose operands are all constants, and
 * advances im->last to the block's end. */
void ml_onnx_fold(MlImporter *im);
/* v's contents when v is an mlt.constant small enough to read; else NULL.
 * The caller owns the result. */
MlOnnxTensor *ml_onnx_known_value(MlirValue v);

/* --- tensors (tensor.c) --- */
/* The mlt element type of onnx data type `dtype`, or a null type. */
MlirType ml_onnx_element_type(MlirContext ctx, int32_t dtype);
const char *ml_onnx_dtype_name(int32_t dtype);
/* Decodes a TensorProto (raw_data or typed fields) into a new tensor;
 * `what` names it in errors ("initializer 'w'"). */
MlirLogicalResult ml_onnx_tensor_decode(MlImporter *im,
                                        const Onnx__TensorProto *t,
                                        const char *what, MlOnnxTensor **out);
void ml_onnx_tensor_free(MlOnnxTensor *t);
/* A zeroed known tensor of `count` elements of `dtype` (an mlt type), of
 * rank 0 (count 1) or rank 1. */
MlOnnxTensor *ml_onnx_tensor_new(int32_t dtype, intptr_t rank, int64_t count);
/* An elements attribute holding `t` (mlt element types only). */
MlirAttribute ml_onnx_tensor_attr(MlImporter *im, const MlOnnxTensor *t);
/* A new known matrix: the transpose of the 2-D tensor `t`. */
MlOnnxTensor *ml_onnx_tensor_transpose(const MlOnnxTensor *t);
/* Element i of an integer or float tensor, as int64 / double. */
int64_t ml_onnx_tensor_int(const MlOnnxTensor *t, int64_t i);
double ml_onnx_tensor_float(const MlOnnxTensor *t, int64_t i);

#endif
