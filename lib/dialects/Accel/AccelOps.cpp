//===- AccelOps.cpp - syntax and verifiers of the accel dialect -----------===//
//
// The custom syntax of #accel.target and !accel.buf, and the checks ODS
// constraints cannot express: attribute and type parameters, and every op
// against the #accel.target found on its nearest enclosing op (buffer
// capacities, element types, the PE array) plus the DMA and matmul shapes.
// Each failure is one message naming the limit and the offending value.
//
//===----------------------------------------------------------------------===//
#include "AccelDialect.h"

#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlopt::accel;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// "16x16" for diagnostics, the way shapes are written in types.
static std::string shapeStr(ArrayRef<int64_t> shape) {
  std::string s;
  for (auto [i, d] : llvm::enumerate(shape))
    s += (i ? "x" : "") + std::to_string(d);
  return s;
}

/// "i8" for diagnostics (streaming a Type into a diagnostic quotes it).
static std::string typeStr(Type t) {
  std::string s;
  llvm::raw_string_ostream os(s);
  t.print(os);
  return s;
}

/// Input (scratchpad) element types the PE array takes.
static bool isInputType(Type t) {
  return t.isSignlessInteger(8) || t.isF16() || t.isBF16() || t.isF32();
}

/// The accumulator type that goes with an input type: i32 for i8, else f32.
static Type accTypeFor(Type in) {
  MLIRContext *ctx = in.getContext();
  if (in.isSignlessInteger(8))
    return IntegerType::get(ctx, 32);
  return Float32Type::get(ctx);
}

//===----------------------------------------------------------------------===//
// #accel.target
//===----------------------------------------------------------------------===//

/// Parses `, name = <integer>`.
static ParseResult parseSizeField(AsmParser &p, StringRef name, int64_t &v) {
  return failure(p.parseComma() || p.parseKeyword(name) || p.parseEqual() ||
                 p.parseInteger(v));
}

/// `<pe = RxC, spad = N, acc = N, dma = N, in = T, acc_t = T>`, in that order.
Attribute TargetAttr::parse(AsmParser &p, Type) {
  SMLoc loc = p.getCurrentLocation();
  SmallVector<int64_t, 2> pe;
  int64_t spad = 0, acc = 0, dma = 0;
  Type in, accT;
  if (p.parseLess() || p.parseKeyword("pe") || p.parseEqual())
    return {};
  SMLoc peLoc = p.getCurrentLocation();
  if (p.parseDimensionList(pe, /*allowDynamic=*/false, /*withTrailingX=*/false))
    return {};
  if (pe.size() != 2) {
    p.emitError(peLoc, "expected the PE array as ROWSxCOLS, e.g. 16x16");
    return {};
  }
  if (parseSizeField(p, "spad", spad) || parseSizeField(p, "acc", acc) ||
      parseSizeField(p, "dma", dma) || p.parseComma() ||
      p.parseKeyword("in") || p.parseEqual() || p.parseType(in) ||
      p.parseComma() || p.parseKeyword("acc_t") || p.parseEqual() ||
      p.parseType(accT) || p.parseGreater())
    return {};
  return getChecked([&] { return p.emitError(loc); }, p.getContext(), pe[0],
                    pe[1], spad, acc, dma, in, accT);
}

/// Prints the form parse() reads.
void TargetAttr::print(AsmPrinter &p) const {
  p << "<pe = " << getPeRows() << "x" << getPeCols()
    << ", spad = " << getSpadBytes() << ", acc = " << getAccBytes()
    << ", dma = " << getDmaBytes() << ", in = " << getInType()
    << ", acc_t = " << getAccType() << ">";
}

/// Sizes > 0; input type i8/f16/bf16/f32; accumulator type i32 or f32 to match.
LogicalResult TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 int64_t peRows, int64_t peCols,
                                 int64_t spadBytes, int64_t accBytes,
                                 int64_t dmaBytes, Type inType, Type accType) {
  if (peRows <= 0 || peCols <= 0)
    return emitError() << "PE array rows and columns must be > 0, got "
                       << peRows << "x" << peCols;
  if (spadBytes <= 0)
    return emitError() << "scratchpad size must be > 0 bytes, got "
                       << spadBytes;
  if (accBytes <= 0)
    return emitError() << "accumulator size must be > 0 bytes, got "
                       << accBytes;
  if (dmaBytes <= 0)
    return emitError() << "DMA bandwidth must be > 0 bytes/cycle, got "
                       << dmaBytes;
  if (!isInputType(inType))
    return emitError() << "input type " << typeStr(inType)
                       << " is not one of i8, f16, bf16, f32";
  if (accType != accTypeFor(inType))
    return emitError() << "accumulator type " << typeStr(accType) << " must be "
                       << typeStr(accTypeFor(inType)) << " for input type "
                       << typeStr(inType);
  return success();
}

/// The only accel discardable attribute is `accel.target`, a #accel.target.
LogicalResult AccelDialect::verifyOperationAttribute(Operation *op,
                                                     NamedAttribute attr) {
  if (attr.getName() != kTargetAttrName)
    return op->emitError() << "unknown accel attribute '"
                           << attr.getName().getValue() << "'";
  if (!isa<TargetAttr>(attr.getValue()))
    return op->emitError() << "'accel.target' must be a #accel.target, got "
                           << attr.getValue();
  return success();
}

/// The #accel.target on the nearest enclosing op, or an error naming it. (An
/// `accel.target` of another kind is reported by verifyOperationAttribute.)
static FailureOr<TargetAttr> lookupTarget(Operation *op) {
  for (Operation *p = op->getParentOp(); p; p = p->getParentOp())
    if (auto t = dyn_cast_or_null<TargetAttr>(
            p->getAttr(AccelDialect::kTargetAttrName)))
      return t;
  return op->emitOpError()
         << "needs an 'accel.target' attribute (a #accel.target) on an "
            "enclosing op";
}

//===----------------------------------------------------------------------===//
// !accel.buf
//===----------------------------------------------------------------------===//

/// `<spad|acc, DxDx...xT>`.
Type BufType::parse(AsmParser &p) {
  SMLoc loc = p.getCurrentLocation();
  StringRef kindStr;
  SmallVector<int64_t> shape;
  Type elt;
  if (p.parseLess())
    return {};
  SMLoc kindLoc = p.getCurrentLocation();
  if (p.parseKeyword(&kindStr))
    return {};
  std::optional<MemKind> kind = symbolizeMemKind(kindStr);
  if (!kind) {
    p.emitError(kindLoc) << "expected buffer kind 'spad' or 'acc', got '"
                         << kindStr << "'";
    return {};
  }
  if (p.parseComma() ||
      p.parseDimensionList(shape, /*allowDynamic=*/false) ||
      p.parseType(elt) || p.parseGreater())
    return {};
  return getChecked([&] { return p.emitError(loc); }, p.getContext(), *kind,
                    ArrayRef<int64_t>(shape), elt);
}

/// Prints the form parse() reads.
void BufType::print(AsmPrinter &p) const {
  p << "<" << stringifyMemKind(getKind()) << ", ";
  for (int64_t d : getShape())
    p << d << "x";
  p << getElementType() << ">";
}

/// Rank >= 1, every dimension > 0, an element type the hardware has.
LogicalResult BufType::verify(function_ref<InFlightDiagnostic()> emitError,
                              MemKind, ArrayRef<int64_t> shape, Type elt) {
  if (shape.empty())
    return emitError() << "buffer must have at least one dimension";
  if (llvm::any_of(shape, [](int64_t d) { return d <= 0; }))
    return emitError() << "buffer dimensions must be > 0, got "
                       << shapeStr(shape);
  if (!isInputType(elt) && !elt.isSignlessInteger(32))
    return emitError() << "buffer element type " << typeStr(elt)
                       << " is not one of i8, i32, f16, bf16, f32";
  return success();
}

/// Elements x bytes per element, saturating rather than overflowing.
int64_t BufType::getSizeInBytes() const {
  uint64_t bytes = (getElementType().getIntOrFloatBitWidth() + 7) / 8;
  for (int64_t d : getShape())
    bytes = llvm::SaturatingMultiply(bytes, (uint64_t)d);
  return (int64_t)std::min<uint64_t>(bytes, INT64_MAX);
}

/// A buffer must hold the target's type for its kind and fit that memory;
/// `name` says which operand ("" for the result of accel.alloc).
static LogicalResult checkBuffer(Operation *op, TargetAttr t, BufType buf,
                                 StringRef name) {
  bool spad = buf.getKind() == MemKind::spad;
  std::string prefix = name.empty() ? "" : (name + " ").str();
  Type want = spad ? t.getInType() : t.getAccType();
  if (buf.getElementType() != want)
    return op->emitOpError() << prefix << "element type "
                             << typeStr(buf.getElementType())
                             << " is not the target's "
                             << (spad ? "input" : "accumulator") << " type "
                             << typeStr(want);
  int64_t cap = spad ? t.getSpadBytes() : t.getAccBytes();
  if (buf.getSizeInBytes() > cap)
    return op->emitOpError() << prefix << "buffer of " << buf.getSizeInBytes()
                             << " bytes exceeds the " << cap << "-byte "
                             << (spad ? "scratchpad" : "accumulator");
  return success();
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

/// The new buffer suits the target in scope.
LogicalResult AllocOp::verify() {
  FailureOr<TargetAttr> t = lookupTarget(*this);
  if (failed(t))
    return failure();
  return checkBuffer(*this, *t, getResult().getType(), "");
}

/// dma_in / dma_out: the memref and the buffer agree on rank and element
/// type, one offset per dimension, the tile fits the memref's static
/// dimensions, and the buffer suits the target.
static LogicalResult verifyDma(Operation *op, MemRefType mem, BufType buf,
                               size_t numOffsets, ValueRange sizes,
                               StringRef bufName) {
  if (mem.getRank() != buf.getRank())
    return op->emitOpError() << "memref rank " << mem.getRank()
                             << " does not match the buffer rank "
                             << buf.getRank();
  if ((int64_t)numOffsets != mem.getRank())
    return op->emitOpError() << "expected " << mem.getRank()
                             << " offsets (one per memref dimension), got "
                             << numOffsets;
  if (!sizes.empty() && (int64_t)sizes.size() != mem.getRank())
    return op->emitOpError() << "expected " << mem.getRank()
                             << " sizes (one per memref dimension), got "
                             << sizes.size();
  for (auto [k, v] : llvm::enumerate(sizes)) {
    APInt c;
    int64_t dim = buf.getShape()[k];
    if (matchPattern(v, m_ConstantInt(&c)) &&
        (c.getSExtValue() < 1 || c.getSExtValue() > dim))
      return op->emitOpError() << "size " << c.getSExtValue()
                               << " of dimension " << k
                               << " is outside [1, " << dim
                               << "] (the buffer's dimension)";
  }
  if (mem.getElementType() != buf.getElementType())
    return op->emitOpError() << "memref element type "
                             << typeStr(mem.getElementType())
                             << " differs from the buffer element type "
                             << typeStr(buf.getElementType());
  for (auto [k, m, b] : llvm::enumerate(mem.getShape(), buf.getShape()))
    if (!ShapedType::isDynamic(m) && b > m)
      return op->emitOpError() << "tile of " << shapeStr(buf.getShape())
                               << " exceeds memref dimension " << k
                               << " of size " << m;
  FailureOr<TargetAttr> t = lookupTarget(op);
  if (failed(t))
    return failure();
  return checkBuffer(op, *t, buf, bufName);
}

/// memref tile -> buffer.
LogicalResult DmaInOp::verify() {
  return verifyDma(*this, getSource().getType(), getDest().getType(),
                   getOffsets().size(), getSizes(), "destination");
}

/// buffer -> memref tile.
LogicalResult DmaOutOp::verify() {
  return verifyDma(*this, getDest().getType(), getSource().getType(),
                   getOffsets().size(), getSizes(), "source");
}

/// `%acc += %lhs * %rhs after(%t) attr-dict : types`; `=` instead of `+=`
/// leaves out the `accumulate` attribute (the product overwrites acc).
ParseResult MatmulOp::parse(OpAsmParser &p, OperationState &st) {
  OpAsmParser::UnresolvedOperand acc, lhs, rhs;
  SmallVector<OpAsmParser::UnresolvedOperand> after;
  Type accT, lhsT, rhsT;
  if (p.parseOperand(acc))
    return failure();
  if (succeeded(p.parseOptionalPlus()))
    st.addAttribute(getAccumulateAttrName(st.name), p.getBuilder().getUnitAttr());
  if (p.parseEqual() || p.parseOperand(lhs) || p.parseStar() ||
      p.parseOperand(rhs))
    return failure();
  if (succeeded(p.parseOptionalKeyword("after")) &&
      p.parseOperandList(after, OpAsmParser::Delimiter::Paren))
    return failure();
  if (p.parseOptionalAttrDict(st.attributes) || p.parseColon() ||
      p.parseType(accT) || p.parseComma() || p.parseType(lhsT) ||
      p.parseComma() || p.parseType(rhsT))
    return failure();
  Type token = TokenType::get(p.getContext());
  st.addTypes(token);
  return failure(p.resolveOperand(acc, accT, st.operands) ||
                 p.resolveOperand(lhs, lhsT, st.operands) ||
                 p.resolveOperand(rhs, rhsT, st.operands) ||
                 p.resolveOperands(after, token, st.operands));
}

/// Prints the form parse() reads.
void MatmulOp::print(OpAsmPrinter &p) {
  p << " " << getAcc() << (getAccumulate() ? " += " : " = ") << getLhs()
    << " * " << getRhs();
  if (!getAfter().empty())
    p << " after(" << getAfter() << ")";
  p.printOptionalAttrDict((*this)->getAttrs(), {getAccumulateAttrName()});
  p << " : " << getAcc().getType() << ", " << getLhs().getType() << ", "
    << getRhs().getType();
}

/// 2-D operands with matching M, K, N; buffers suit the target; the MxN tile
/// fits the PE array.
LogicalResult MatmulOp::verify() {
  BufType c = getAcc().getType(), a = getLhs().getType(),
          b = getRhs().getType();
  for (auto [buf, name] : {std::pair{a, "lhs"}, {b, "rhs"}, {c, "acc"}})
    if (buf.getRank() != 2)
      return emitOpError() << name << " must be a 2-D buffer, got rank "
                           << buf.getRank();
  int64_t m = a.getShape()[0], k = a.getShape()[1], n = b.getShape()[1];
  if (b.getShape()[0] != k)
    return emitOpError() << "lhs " << shapeStr(a.getShape()) << " and rhs "
                         << shapeStr(b.getShape()) << " disagree on K: " << k
                         << " vs " << b.getShape()[0];
  if (c.getShape() != ArrayRef<int64_t>{m, n})
    return emitOpError() << "acc " << shapeStr(c.getShape())
                         << " does not match the " << m << "x" << n
                         << " product of lhs and rhs";
  FailureOr<TargetAttr> t = lookupTarget(*this);
  if (failed(t) || failed(checkBuffer(*this, *t, a, "lhs")) ||
      failed(checkBuffer(*this, *t, b, "rhs")) ||
      failed(checkBuffer(*this, *t, c, "acc")))
    return failure();
  if (m > t->getPeRows() || n > t->getPeCols())
    return emitOpError() << "tile of " << m << "x" << n << " exceeds the "
                         << t->getPeRows() << "x" << t->getPeCols()
                         << " PE array";
  return success();
}

/// A wait on nothing is a mistake, not a no-op.
LogicalResult WaitOp::verify() {
  if (getTokens().empty())
    return emitOpError() << "needs at least one token";
  return success();
}
