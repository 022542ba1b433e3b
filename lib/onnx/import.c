/* import: mloptImportOnnx and mloptCheckOnnxSupport — decode the model,
 * turn the graph's inputs into function arguments, its initializers into
 * constants, each node into mlt ops (ops_*.c), its outputs into results. */
#include "mlopt-c/Onnx.h"

#include "ir/mlt_builder.h"
#include "onnx/importer.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A NUL-terminated copy of a string ref. */
static char *cstr(MlirStringRef s) {
  char *c = malloc(s.length + 1);
  if (!c)
    abort();
  if (s.length)
    memcpy(c, s.data, s.length);
  c[s.length] = 0;
  return c;
}

static bool default_domain(const char *d) {
  return !d || !d[0] || strcmp(d, "ai.onnx") == 0;
}

/* Decodes the model; NULL (after an error) when it is not one. */
static Onnx__ModelProto *decode(MlImporter *im, MlirStringRef bytes) {
  Onnx__ModelProto *m = onnx__model_proto__unpack(
      NULL, bytes.length, (const uint8_t *)bytes.data);
  if (!m) {
    ml_onnx_error(im, "not a valid ONNX model: the protobuf does not decode "
                      "(truncated, or not an .onnx file)");
    return NULL;
  }
  if (!m->graph) {
    ml_onnx_error(im, "not a valid ONNX model: it has no graph");
    onnx__model_proto__free_unpacked(m, NULL);
    return NULL;
  }
  im->opset = -1;
  for (size_t i = 0; i < m->n_opset_import; i++)
    if (default_domain(m->opset_import[i]->domain))
      im->opset = m->opset_import[i]->version;
  return m; /* opset -1: no default-domain ops allowed (import_node) */
}

static const MloptOnnxShape *find_pin(const MloptOnnxOptions *o,
                                      const char *name) {
  for (intptr_t i = 0; o && i < o->numShapes; i++)
    if (strlen(name) == o->shapes[i].name.length &&
        !memcmp(name, o->shapes[i].name.data, o->shapes[i].name.length))
      return &o->shapes[i];
  return NULL;
}

static bool is_initializer(const Onnx__GraphProto *g, const char *name) {
  for (size_t i = 0; i < g->n_initializer; i++)
    if (g->initializer[i]->name && !strcmp(g->initializer[i]->name, name))
      return true;
  return false;
}

/* The tensor type of graph input `vi`, with dims pinned by `pin`. */
static MlirLogicalResult input_type(MlImporter *im,
                                    const Onnx__ValueInfoProto *vi,
                                    const MloptOnnxShape *pin, MlirType *out) {
  const Onnx__TypeProto *tp = vi->type;
  if (!tp || tp->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE)
    return ml_onnx_error(im, "graph input '%s': unsupported type (only "
                             "tensors)", vi->name);
  const Onnx__TypeProto__Tensor *tt = tp->tensor_type;
  MlirType elt = ml_onnx_element_type(im->ctx, tt->elem_type);
  if (mlirTypeIsNull(elt))
    return ml_onnx_error(im, "graph input '%s': unsupported element type %s",
                         vi->name, ml_onnx_dtype_name(tt->elem_type));
  int64_t dims[ML_ONNX_MAX_RANK];
  if (pin) {
    if (pin->rank > ML_ONNX_MAX_RANK)
      return ml_onnx_error(im, "--shape %s: rank %ld is over %d", vi->name,
                           (long)pin->rank, ML_ONNX_MAX_RANK);
    if (tt->shape && (intptr_t)tt->shape->n_dim != pin->rank)
      return ml_onnx_error(im, "--shape %s: rank %ld, but the model says %zu",
                           vi->name, (long)pin->rank, tt->shape->n_dim);
    for (intptr_t i = 0; i < pin->rank; i++) {
      const Onnx__TensorShapeProto__Dimension *d =
          tt->shape ? tt->shape->dim[i] : NULL;
      if (pin->dims[i] <= 0)
        return ml_onnx_error(im, "--shape %s: dim %ld must be positive",
                             vi->name, (long)i);
      if (d && d->value_case ==
                   ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE &&
          d->dim_value != pin->dims[i])
        return ml_onnx_error(im, "--shape %s: dim %ld is %lld in the model, "
                                 "not %lld", vi->name, (long)i,
                             (long long)d->dim_value,
                             (long long)pin->dims[i]);
      dims[i] = pin->dims[i];
    }
    *out = ml_tensor_type(elt, pin->rank, dims);
    return mlirLogicalResultSuccess();
  }
  if (!tt->shape)
    return ml_onnx_error(im, "graph input '%s' has no shape: pin it with "
                             "--shape %s=DIMS (e.g. 1x3x224x224)", vi->name,
                         vi->name);
  if (tt->shape->n_dim > ML_ONNX_MAX_RANK)
    return ml_onnx_error(im, "graph input '%s': unsupported rank %zu",
                         vi->name, tt->shape->n_dim);
  for (size_t i = 0; i < tt->shape->n_dim; i++) {
    const Onnx__TensorShapeProto__Dimension *d = tt->shape->dim[i];
    if (d->value_case != ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE)
      return ml_onnx_error(
          im, "graph input '%s': dim %zu is %s%s%s, not a number: pin the "
              "shape with --shape %s=DIMS",
          vi->name, i,
          d->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM
              ? "symbolic '" : "unknown",
          d->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM
              ? d->dim_param : "",
          d->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM
              ? "'" : "",
          vi->name);
    if (d->dim_value < 0)
      return ml_onnx_error(im, "graph input '%s': dim %zu is negative",
                           vi->name, i);
    dims[i] = d->dim_value;
  }
  *out = ml_tensor_type(elt, (intptr_t)tt->shape->n_dim, dims);
  return mlirLogicalResultSuccess();
}

/* Decodes the constants of `options` into the value table. */
static MlirLogicalResult freeze_inputs(MlImporter *im,
                                       const Onnx__GraphProto *g,
                                       const MloptOnnxOptions *o) {
  for (intptr_t i = 0; o && i < o->numConstants; i++) {
    char *name = cstr(o->constants[i].name);
    bool found = false;
    for (size_t k = 0; k < g->n_input; k++)
      found |= g->input[k]->name && !strcmp(g->input[k]->name, name);
    MlirLogicalResult r = mlirLogicalResultFailure();
    Onnx__TensorProto *t = NULL;
    MlOnnxTensor *known = NULL;
    if (!found) {
      ml_onnx_error(im, "--const %s: the graph has no input named '%s'", name,
                    name);
      goto next;
    }
    t = onnx__tensor_proto__unpack(NULL, o->constants[i].tensorProto.length,
                                   (const uint8_t *)o->constants[i]
                                       .tensorProto.data);
    if (!t) {
      ml_onnx_error(im, "--const %s: not a valid ONNX TensorProto", name);
      goto next;
    }
    char what[300];
    snprintf(what, sizeof what, "--const %.200s", name);
    if (mlirLogicalResultIsFailure(ml_onnx_tensor_decode(im, t, what, &known)))
      goto next;
    ml_onnx_values_get(&im->values, name, true)->known = known;
    r = mlirLogicalResultSuccess();
  next:
    if (t)
      onnx__tensor_proto__free_unpacked(t, NULL);
    free(name);
    if (mlirLogicalResultIsFailure(r))
      return r;
  }
  return mlirLogicalResultSuccess();
}

/* The function's name: the graph's, made a valid bare identifier. */
static char *function_name(const Onnx__GraphProto *g) {
  const char *src = g->name && g->name[0] ? g->name : "main";
  char *s = malloc(strlen(src) + 2), *p = s;
  if (!s)
    abort();
  if (isdigit((unsigned char)src[0]))
    *p++ = '_';
  for (; *src; src++)
    *p++ = isalnum((unsigned char)*src) ? *src : '_';
  *p = 0;
  return s;
}

static MlirNamedAttribute named(MlirContext ctx, const char *n,
                                MlirAttribute a) {
  return mlirNamedAttributeGet(
      mlirIdentifierGet(ctx, mlirStringRefCreateFromCString(n)), a);
}

/* Imports one node: checks its domain and attributes, then maps it. */
static MlirLogicalResult import_node(MlImporter *im, const Onnx__NodeProto *n) {
  if (!n->op_type || !n->op_type[0])
    return ml_onnx_error(im, "has no op_type");
  if (!default_domain(n->domain))
    return ml_onnx_error(im, "unsupported ONNX op '%s' of domain '%s'",
                         n->op_type, n->domain);
  if (im->opset < 0)
    return ml_onnx_error(im, "the model imports no version of the default "
                             "(ai.onnx) opset, which op '%s' needs",
                         n->op_type);
  const MlOnnxOp *op = ml_onnx_find_op(n->op_type);
  if (!op)
    return ml_onnx_error(im, "unsupported ONNX op '%s' (opset %lld)",
                         n->op_type, (long long)im->opset);
  for (size_t i = 0; i < n->n_attribute; i++) {
    const char *a = n->attribute[i]->name ? n->attribute[i]->name : "";
    bool known = false;
    for (const char *const *k = op->attributes; k && *k; k++)
      known |= strcmp(*k, a) == 0;
    if (!known)
      return ml_onnx_error(im, "unsupported attribute '%s' of %s (opset %lld)",
                           a, n->op_type, (long long)im->opset);
  }
  for (size_t i = 0; i < n->n_input; i++) {
    if (!n->input[i][0])
      continue;
    MlOnnxValue *e = ml_onnx_values_get(&im->values, n->input[i], false);
    if (!e || (mlirValueIsNull(e->value) && !e->known))
      return ml_onnx_error(im, "input '%s' is not a graph input, an "
                               "initializer or the output of an earlier node",
                           n->input[i]);
  }
  return op->import(im, n);
}

/* Checks that output `vi`'s computed type `t` agrees with what the model
 * declares (element type, and each dim the model gives as a number). */
static MlirLogicalResult check_output(MlImporter *im,
                                      const Onnx__ValueInfoProto *vi,
                                      MlirValue v) {
  const Onnx__TypeProto *tp = vi->type;
  if (!tp || tp->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE)
    return mlirLogicalResultSuccess();
  const Onnx__TypeProto__Tensor *tt = tp->tensor_type;
  MlirType elt = ml_onnx_element_type(im->ctx, tt->elem_type);
  if (tt->has_elem_type && !mlirTypeEqual(elt, ml_element_type(v)))
    return ml_onnx_error(im, "graph output '%s': unsupported element type %s",
                         vi->name, ml_onnx_dtype_name(tt->elem_type));
  if (!tt->shape)
    return mlirLogicalResultSuccess();
  int64_t dims[ML_ONNX_MAX_RANK];
  intptr_t r = ml_shape_of(v, dims);
  bool ok = (intptr_t)tt->shape->n_dim == r;
  for (intptr_t i = 0; ok && i < r; i++) {
    const Onnx__TensorShapeProto__Dimension *d = tt->shape->dim[i];
    ok = d->value_case !=
             ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE ||
         d->dim_value == dims[i];
  }
  if (!ok)
    return ml_onnx_error(im, "graph output '%s': the model declares a "
                             "different shape than the graph computes",
                         vi->name);
  return mlirLogicalResultSuccess();
}

/* Builds the function of graph `g` into `module`. */
static MlirLogicalResult import_graph(MlImporter *im, const Onnx__GraphProto *g,
                                      const MloptOnnxOptions *o,
                                      MlirModule module) {
  MlirLocation loc = ml_onnx_model_loc(im);
  for (size_t i = 0; i < g->n_initializer; i++) {
    const Onnx__TensorProto *t = g->initializer[i];
    char what[300];
    snprintf(what, sizeof what, "initializer '%.200s'", t->name ? t->name : "");
    MlOnnxTensor *known;
    if (!t->name || !t->name[0])
      return ml_onnx_error(im, "an initializer has no name");
    if (mlirLogicalResultIsFailure(ml_onnx_tensor_decode(im, t, what, &known)))
      return mlirLogicalResultFailure();
    MlOnnxValue *e = ml_onnx_values_get(&im->values, t->name, true);
    ml_onnx_tensor_free(e->known);
    e->known = known;
  }
  if (mlirLogicalResultIsFailure(freeze_inputs(im, g, o)))
    return mlirLogicalResultFailure();
  for (intptr_t i = 0; o && i < o->numShapes; i++) {
    bool found = false;
    for (size_t k = 0; k < g->n_input; k++)
      found |= g->input[k]->name &&
               strlen(g->input[k]->name) == o->shapes[i].name.length &&
               !memcmp(g->input[k]->name, o->shapes[i].name.data,
                       o->shapes[i].name.length);
    if (!found)
      return ml_onnx_error(im, "--shape %.*s: the graph has no input of that "
                               "name", (int)o->shapes[i].name.length,
                           o->shapes[i].name.data);
  }

  /* Arguments: the graph inputs that are neither initializers nor frozen. */
  MlirType *args = calloc(g->n_input + 1, sizeof *args);
  MlirLocation *locs = calloc(g->n_input + 1, sizeof *locs);
  const Onnx__ValueInfoProto **arg_info = calloc(g->n_input + 1, sizeof *arg_info);
  intptr_t n_args = 0;
  MlirLogicalResult r = mlirLogicalResultSuccess();
  if (!args || !locs || !arg_info)
    abort();
  for (size_t i = 0; i < g->n_input; i++) {
    const Onnx__ValueInfoProto *vi = g->input[i];
    if (!vi->name || !vi->name[0]) {
      r = ml_onnx_error(im, "graph input %zu has no name", i);
      goto out;
    }
    MlOnnxValue *e = ml_onnx_values_get(&im->values, vi->name, false);
    if (is_initializer(g, vi->name) || (e && e->known))
      continue; /* a constant (older models list initializers as inputs) */
    r = input_type(im, vi, find_pin(o, vi->name), &args[n_args]);
    if (mlirLogicalResultIsFailure(r))
      goto out;
    locs[n_args] = mlirLocationNameGet(
        im->ctx, mlirStringRefCreateFromCString(vi->name), loc);
    arg_info[n_args++] = vi;
  }

  MlirRegion region = mlirRegionCreate();
  MlirBlock body = mlirBlockCreate(n_args, args, locs);
  mlirRegionAppendOwnedBlock(region, body); /* takes ownership */
  char *fname = function_name(g);
  MlirType ftype = mlirFunctionTypeGet(im->ctx, n_args, args, 0, NULL);
  MlirNamedAttribute fattrs[2] = {
      named(im->ctx, "sym_name",
            mlirStringAttrGet(im->ctx, mlirStringRefCreateFromCString(fname))),
      named(im->ctx, "function_type", mlirTypeAttrGet(ftype))};
  free(fname);
  MlirOperationState fs = mlirOperationStateGet(
      mlirStringRefCreateFromCString("func.func"), loc);
  mlirOperationStateAddAttributes(&fs, 2, fattrs);
  mlirOperationStateAddOwnedRegions(&fs, 1, &region); /* takes ownership */
  MlirOperation func = mlirOperationCreate(&fs);
  mlirBlockAppendOwnedOperation(mlirModuleGetBody(module), func);
  for (intptr_t i = 0; i < n_args; i++) {
    MlOnnxValue *e = ml_onnx_values_get(&im->values, arg_info[i]->name, true);
    e->value = mlirBlockGetArgument(body, i);
    e->graph_input = true;
  }

  im->b = ml_builder_at_end(body, loc);
  for (size_t i = 0; i < g->n_node; i++) {
    const Onnx__NodeProto *n = g->node[i];
    im->node = n;
    im->node_index = (intptr_t)i;
    im->b.loc = mlirLocationNameGet(
        im->ctx,
        mlirStringRefCreateFromCString(n->name && n->name[0] ? n->name
                                                              : n->op_type),
        loc);
    r = import_node(im, n);
    if (mlirLogicalResultIsFailure(r))
      goto out;
    ml_onnx_fold(im);
    ml_onnx_mark_known_outputs(im);
  }
  im->node = NULL;
  im->b.loc = loc;

  /* Results: the graph outputs. */
  MlirValue *results = calloc(g->n_output + 1, sizeof *results);
  MlirType *result_types = calloc(g->n_output + 1, sizeof *result_types);
  if (!results || !result_types)
    abort();
  for (size_t i = 0; i < g->n_output && mlirLogicalResultIsSuccess(r); i++) {
    const char *name = g->output[i]->name ? g->output[i]->name : "";
    MlOnnxValue *e = ml_onnx_values_get(&im->values, name, false);
    if (!e) {
      r = ml_onnx_error(im, "graph output '%s' is not computed by any node",
                        name);
      break;
    }
    if (mlirValueIsNull(e->value) && e->known)
      e->value = ml_build_mlt_constant(&im->b, ml_onnx_tensor_attr(im, e->known));
    results[i] = e->value;
    result_types[i] = mlirValueGetType(e->value);
    r = check_output(im, g->output[i], e->value);
  }
  if (mlirLogicalResultIsSuccess(r)) {
    MlirOperationState rs = ml_state(&im->b, "func.return");
    mlirOperationStateAddOperands(&rs, (intptr_t)g->n_output, results);
    ml_build_op(&im->b, &rs);
    ftype = mlirFunctionTypeGet(im->ctx, n_args, args, (intptr_t)g->n_output,
                                result_types);
    mlirOperationSetAttributeByName(
        func, mlirStringRefCreateFromCString("function_type"),
        mlirTypeAttrGet(ftype));
  }
  free(results);
  free(result_types);
out:
  free(args);
  free(locs);
  free(arg_info);
  return r;
}

MlirModule mloptImportOnnx(MlirContext context, MlirStringRef bytes,
                           MlirStringRef sourceName,
                           const MloptOnnxOptions *options) {
  MlImporter im = {0};
  im.ctx = context;
  char *source = cstr(sourceName);
  im.source = source;
  ml_onnx_values_init(&im.values);
  MlirModule module = {NULL};
  Onnx__ModelProto *m = NULL;
  const char *dialects[] = {"func", "mlt"};
  for (int i = 0; i < 2; i++)
    if (mlirDialectIsNull(mlirContextGetOrLoadDialect(
            context, mlirStringRefCreateFromCString(dialects[i])))) {
      ml_onnx_error(&im, "the context has no '%s' dialect registered "
                         "(mloptRegisterAllDialects)", dialects[i]);
      goto out;
    }
  m = decode(&im, bytes);
  if (m) {
    module = mlirModuleCreateEmpty(ml_onnx_model_loc(&im));
    if (mlirLogicalResultIsFailure(import_graph(&im, m->graph, options,
                                                module)) ||
        !mlirOperationVerify(mlirModuleGetOperation(module))) {
      mlirModuleDestroy(module);
      module.ptr = NULL;
    }
    onnx__model_proto__free_unpacked(m, NULL);
  }
out:
  ml_onnx_values_free(&im.values);
  free(source);
  return module;
}

MlirLogicalResult mloptCheckOnnxSupport(MlirContext context,
                                        MlirStringRef bytes,
                                        MlirStringRef sourceName) {
  MlImporter im = {0};
  im.ctx = context;
  char *source = cstr(sourceName);
  im.source = source;
  bool ok = false;
  Onnx__ModelProto *m = decode(&im, bytes);
  if (m) {
    ok = true;
    const Onnx__GraphProto *g = m->graph;
    MlirLocation loc = ml_onnx_model_loc(&im);
    im.b = ml_builder_at_end((MlirBlock){NULL}, loc);
    for (size_t i = 0; i < g->n_node; i++) {
      const Onnx__NodeProto *n = g->node[i];
      im.node = n;
      im.node_index = (intptr_t)i;
      im.b.loc = loc;
      const MlOnnxOp *op =
          default_domain(n->domain) ? ml_onnx_find_op(n->op_type) : NULL;
      if (!op) {
        ml_onnx_error(&im, "unsupported ONNX op '%s' (%s%s, opset %lld)",
                      n->op_type,
                      default_domain(n->domain) ? "ai.onnx" : "domain ",
                      default_domain(n->domain) ? "" : n->domain,
                      (long long)im.opset);
        ok = false;
        continue;
      }
      for (size_t k = 0; k < n->n_attribute; k++) {
        const char *a = n->attribute[k]->name ? n->attribute[k]->name : "";
        bool known = false;
        for (const char *const *p = op->attributes; p && *p; p++)
          known |= strcmp(*p, a) == 0;
        if (!known) {
          ml_onnx_error(&im, "unsupported attribute '%s' of %s (opset %lld)",
                        a, n->op_type, (long long)im.opset);
          ok = false;
        }
      }
    }
    im.node = NULL;
    for (size_t i = 0; i < g->n_input; i++) {
      const Onnx__TypeProto *tp = g->input[i]->type;
      int32_t dt = tp && tp->value_case == ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE
                       ? tp->tensor_type->elem_type : -1;
      if (dt >= 0 && mlirTypeIsNull(ml_onnx_element_type(context, dt))) {
        ml_onnx_error(&im, "graph input '%s': unsupported element type %s",
                      g->input[i]->name, ml_onnx_dtype_name(dt));
        ok = false;
      }
    }
    for (size_t i = 0; i < g->n_initializer; i++) {
      int32_t dt = g->initializer[i]->data_type;
      if (mlirTypeIsNull(ml_onnx_element_type(context, dt))) {
        ml_onnx_error(&im, "initializer '%s': unsupported element type %s",
                      g->initializer[i]->name, ml_onnx_dtype_name(dt));
        ok = false;
      }
    }
    onnx__model_proto__free_unpacked(m, NULL);
  }
  ml_onnx_values_free(&im.values);
  free(source);
  return ok ? mlirLogicalResultSuccess() : mlirLogicalResultFailure();
}
