//===- AccelCAPI.cpp - the accel dialect for the C API --------------------===//
//
// The dialect handle, and getters for !accel.buf, !accel.token and
// #accel.target (include/mlopt-c/Accel.h) that C passes read.
//
//===----------------------------------------------------------------------===//
#include "AccelDialect.h"
#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Registration.h"
#include "mlopt-c/Accel.h"
#include "mlopt-c/Dialects.h"

using namespace mlopt::accel;

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Accel, accel, mlopt::accel::AccelDialect)

static BufType buf(MlirType t) { return llvm::cast<BufType>(unwrap(t)); }
static TargetAttr target(MlirAttribute a) {
  return llvm::cast<TargetAttr>(unwrap(a));
}

bool mloptTypeIsAAccelBuf(MlirType type) {
  return llvm::isa<BufType>(unwrap(type));
}
bool mloptTypeIsAAccelToken(MlirType type) {
  return llvm::isa<TokenType>(unwrap(type));
}
int32_t mloptAccelBufTypeGetKind(MlirType type) {
  return static_cast<int32_t>(buf(type).getKind());
}
intptr_t mloptAccelBufTypeGetRank(MlirType type) {
  return buf(type).getRank();
}
int64_t mloptAccelBufTypeGetDimSize(MlirType type, intptr_t dim) {
  return buf(type).getShape()[dim];
}
MlirType mloptAccelBufTypeGetElementType(MlirType type) {
  return wrap(buf(type).getElementType());
}

bool mloptAttributeIsAAccelTarget(MlirAttribute attr) {
  return llvm::isa<TargetAttr>(unwrap(attr));
}
int64_t mloptAccelTargetAttrGetPeRows(MlirAttribute attr) {
  return target(attr).getPeRows();
}
int64_t mloptAccelTargetAttrGetPeCols(MlirAttribute attr) {
  return target(attr).getPeCols();
}
int64_t mloptAccelTargetAttrGetSpadBytes(MlirAttribute attr) {
  return target(attr).getSpadBytes();
}
int64_t mloptAccelTargetAttrGetAccBytes(MlirAttribute attr) {
  return target(attr).getAccBytes();
}
int64_t mloptAccelTargetAttrGetDmaBytes(MlirAttribute attr) {
  return target(attr).getDmaBytes();
}
MlirType mloptAccelTargetAttrGetInType(MlirAttribute attr) {
  return wrap(target(attr).getInType());
}
MlirType mloptAccelTargetAttrGetAccType(MlirAttribute attr) {
  return wrap(target(attr).getAccType());
}
