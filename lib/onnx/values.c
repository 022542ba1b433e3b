/* values: the importer's table from ONNX value names to SSA values (and to
 * their contents when known at import time). Open addressing with FNV-1a:
 * models have tens of thousands of names. */
#include "onnx/importer.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

void ml_onnx_values_init(MlOnnxValues *t) {
  t->cap = 64;
  t->count = 0;
  t->slots = calloc(t->cap, sizeof *t->slots);
  if (!t->slots)
    abort();
}

void ml_onnx_values_free(MlOnnxValues *t) {
  for (size_t i = 0; i < t->cap; i++) {
    free(t->slots[i].name);
    ml_onnx_tensor_free(t->slots[i].known);
  }
  free(t->slots);
  t->slots = NULL;
  t->cap = t->count = 0;
}

/* The slot for `name`: its entry, or the empty slot where it would go. */
static MlOnnxValue *probe(const MlOnnxValues *t, const char *name) {
  size_t i = (size_t)hash(name) & (t->cap - 1);
  while (t->slots[i].name && strcmp(t->slots[i].name, name) != 0)
    i = (i + 1) & (t->cap - 1);
  return &t->slots[i];
}

static void grow(MlOnnxValues *t) {
  MlOnnxValues old = *t;
  t->cap *= 2;
  t->slots = calloc(t->cap, sizeof *t->slots);
  if (!t->slots)
    abort();
  for (size_t i = 0; i < old.cap; i++)
    if (old.slots[i].name)
      *probe(t, old.slots[i].name) = old.slots[i];
  free(old.slots);
}

MlOnnxValue *ml_onnx_values_get(MlOnnxValues *t, const char *name,
                                bool create) {
  MlOnnxValue *v = probe(t, name);
  if (v->name || !create)
    return v->name ? v : NULL;
  if (2 * (t->count + 1) > t->cap) {
    grow(t);
    v = probe(t, name);
  }
  v->name = strdup(name);
  if (!v->name)
    abort();
  v->value.ptr = NULL;
  v->known = NULL;
  v->graph_input = false;
  t->count++;
  return v;
}

void ml_onnx_define_known(MlImporter *im, intptr_t k, MlirValue v,
                          MlOnnxTensor *known) {
  const Onnx__NodeProto *n = im->node;
  if (k >= (intptr_t)n->n_output || !n->output[k][0]) {
    ml_onnx_tensor_free(known);
    return;
  }
  MlOnnxValue *e = ml_onnx_values_get(&im->values, n->output[k], true);
  e->value = v;
  ml_onnx_tensor_free(e->known);
  e->known = known;
}

void ml_onnx_define(MlImporter *im, intptr_t k, MlirValue v) {
  ml_onnx_define_known(im, k, v, NULL);
}

void ml_onnx_mark_known_outputs(MlImporter *im) {
  const Onnx__NodeProto *n = im->node;
  for (size_t k = 0; k < n->n_output; k++) {
    MlOnnxValue *e = n->output[k][0]
                         ? ml_onnx_values_get(&im->values, n->output[k], false)
                         : NULL;
    if (e && !e->known && !mlirValueIsNull(e->value))
      e->known = ml_onnx_known_value(e->value);
  }
}
