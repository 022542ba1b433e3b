//===- MltOps.cpp - verifiers ODS constraints cannot express ---------------===//
//
// Shape rules of mlt ops: contraction and convolution shapes, numpy
// broadcasting, axes and permutations. Each failure is one message on the
// op naming the offending value and the numbers involved.
//
//===----------------------------------------------------------------------===//
#include "MltDialect.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlopt::mlt;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static RankedTensorType tensorOf(Value v) {
  return cast<RankedTensorType>(v.getType());
}

/// "[4, 8]" for diagnostics.
static std::string shapeStr(ArrayRef<int64_t> shape) {
  std::string s = "[";
  for (auto [i, d] : llvm::enumerate(shape))
    s += (i ? ", " : "") + std::to_string(d);
  return s + "]";
}

LogicalResult mlopt::mlt::verifyStaticShapes(Operation *op) {
  auto check = [&](Type t, StringRef what, unsigned i) -> LogicalResult {
    auto tensor = dyn_cast<RankedTensorType>(t);
    if (tensor && !tensor.hasStaticShape())
      return op->emitOpError() << what << " #" << i << " has type " << t
                               << " with a dynamic dimension: dynamic shapes "
                                  "are not supported yet";
    return success();
  };
  for (auto [i, v] : llvm::enumerate(op->getOperands()))
    if (failed(check(v.getType(), "operand", i)))
      return failure();
  for (auto [i, v] : llvm::enumerate(op->getResults()))
    if (failed(check(v.getType(), "result", i)))
      return failure();
  return success();
}

/// The result must have exactly `expected` as its shape.
static LogicalResult checkResultShape(Operation *op, ArrayRef<int64_t> expected) {
  ArrayRef<int64_t> got = tensorOf(op->getResult(0)).getShape();
  if (got != expected)
    return op->emitOpError() << "result shape " << shapeStr(got)
                             << " does not match the expected "
                             << shapeStr(expected);
  return success();
}

static LogicalResult checkRank(Operation *op, Value v, StringRef name,
                               int64_t rank) {
  int64_t got = tensorOf(v).getRank();
  if (got != rank)
    return op->emitOpError() << name << " must be a " << rank
                             << "-D tensor, got rank " << got;
  return success();
}

static LogicalResult checkSameElementType(Operation *op, Value a, StringRef an,
                                          Value b, StringRef bn) {
  Type ea = tensorOf(a).getElementType(), eb = tensorOf(b).getElementType();
  if (ea != eb)
    return op->emitOpError() << an << " element type " << ea << " differs from "
                             << bn << " element type " << eb;
  return success();
}

/// Contractions: equal operand element types; the result keeps a float
/// type, and i8 operands accumulate into i32.
static LogicalResult checkContractionTypes(Operation *op, Value lhs, Value rhs) {
  if (failed(checkSameElementType(op, lhs, "lhs", rhs, "rhs")))
    return failure();
  Type in = tensorOf(lhs).getElementType();
  Type out = tensorOf(op->getResult(0)).getElementType();
  if (in.isInteger(8)) {
    if (!out.isInteger(32))
      return op->emitOpError() << "i8 operands need an i32 result (integer "
                                  "accumulation), got "
                               << out;
    return success();
  }
  if (out != in)
    return op->emitOpError() << "result element type " << out
                             << " differs from the operand element type " << in;
  return success();
}

static LogicalResult checkFloat(Operation *op, Value v, StringRef why) {
  Type e = tensorOf(v).getElementType();
  if (!isa<FloatType>(e))
    return op->emitOpError() << why << " needs a float element type, got " << e;
  return success();
}

/// Normalizes an axis in [-rank, rank) to [0, rank); fails outside.
static FailureOr<int64_t> normalizeAxis(Operation *op, int64_t axis,
                                        int64_t rank, StringRef name) {
  if (axis < -rank || axis >= rank) {
    op->emitOpError() << name << " " << axis << " is out of range for rank "
                      << rank << " (expected " << -rank << " to " << rank - 1
                      << ")";
    return failure();
  }
  return axis < 0 ? axis + rank : axis;
}

/// Checks that `values` has `size` entries, each >= `min`.
static LogicalResult checkArray(Operation *op, ArrayRef<int64_t> values,
                                StringRef name, size_t size, int64_t min) {
  if (values.size() != size)
    return op->emitOpError() << name << " needs " << size << " values, got "
                             << values.size();
  for (int64_t v : values)
    if (v < min)
      return op->emitOpError() << name << " values must be >= " << min
                               << ", got " << shapeStr(values);
  return success();
}

/// Output size of a window sliding over `in` padded by lo/hi.
static int64_t windowOut(int64_t in, int64_t lo, int64_t hi, int64_t k,
                         int64_t stride, int64_t dilation) {
  int64_t span = dilation * (k - 1) + 1;
  int64_t padded = in + lo + hi;
  return padded < span ? 0 : (padded - span) / stride + 1;
}

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

LogicalResult MatmulOp::verify() {
  Operation *op = getOperation();
  if (failed(checkRank(op, getLhs(), "lhs", 2)) ||
      failed(checkRank(op, getRhs(), "rhs", 2)) ||
      failed(checkContractionTypes(op, getLhs(), getRhs())))
    return failure();
  ArrayRef<int64_t> a = tensorOf(getLhs()).getShape();
  ArrayRef<int64_t> b = tensorOf(getRhs()).getShape();
  if (a[1] != b[0])
    return emitOpError() << "contraction dimensions differ: lhs " << shapeStr(a)
                         << " has K = " << a[1] << ", rhs " << shapeStr(b)
                         << " has K = " << b[0];
  return checkResultShape(op, {a[0], b[1]});
}

LogicalResult BatchMatmulOp::verify() {
  Operation *op = getOperation();
  if (failed(checkRank(op, getLhs(), "lhs", 3)) ||
      failed(checkRank(op, getRhs(), "rhs", 3)) ||
      failed(checkContractionTypes(op, getLhs(), getRhs())))
    return failure();
  ArrayRef<int64_t> a = tensorOf(getLhs()).getShape();
  ArrayRef<int64_t> b = tensorOf(getRhs()).getShape();
  if (a[0] != b[0])
    return emitOpError() << "batch sizes differ: lhs " << shapeStr(a)
                         << " has " << a[0] << ", rhs " << shapeStr(b)
                         << " has " << b[0];
  if (a[2] != b[1])
    return emitOpError() << "contraction dimensions differ: lhs " << shapeStr(a)
                         << " has K = " << a[2] << ", rhs " << shapeStr(b)
                         << " has K = " << b[1];
  return checkResultShape(op, {a[0], a[1], b[2]});
}

LogicalResult Conv2dOp::verify() {
  Operation *op = getOperation();
  if (failed(checkRank(op, getInput(), "input", 4)) ||
      failed(checkRank(op, getFilter(), "filter", 4)) ||
      failed(checkContractionTypes(op, getInput(), getFilter())) ||
      failed(checkArray(op, getStrides(), "strides", 2, 1)) ||
      failed(checkArray(op, getPadding(), "padding", 4, 0)) ||
      failed(checkArray(op, getDilations(), "dilations", 2, 1)))
    return failure();
  int64_t groups = getGroups();
  if (groups < 1)
    return emitOpError() << "groups must be >= 1, got " << groups;
  ArrayRef<int64_t> x = tensorOf(getInput()).getShape();
  ArrayRef<int64_t> w = tensorOf(getFilter()).getShape();
  bool nchw = getLayout() == Layout::nchw;
  // NCHW input with OIHW filter, or NHWC input with HWIO filter.
  int64_t n = x[0], c = nchw ? x[1] : x[3], h = nchw ? x[2] : x[1],
          wd = nchw ? x[3] : x[2];
  int64_t o = nchw ? w[0] : w[3], i = nchw ? w[1] : w[2],
          kh = nchw ? w[2] : w[0], kw = nchw ? w[3] : w[1];
  if (c != i * groups)
    return emitOpError() << "input has " << c << " channels but the filter "
                         << shapeStr(w) << " takes " << i << " per group x "
                         << groups << " group(s)";
  if (o % groups != 0)
    return emitOpError() << "filter output channels " << o
                         << " are not divisible by groups " << groups;
  ArrayRef<int64_t> s = getStrides(), p = getPadding(), d = getDilations();
  int64_t oh = windowOut(h, p[0], p[2], kh, s[0], d[0]);
  int64_t ow = windowOut(wd, p[1], p[3], kw, s[1], d[1]);
  if (oh < 1 || ow < 1)
    return emitOpError() << "the dilated " << kh << "x" << kw
                         << " kernel does not fit the padded " << h << "x"
                         << wd << " input";
  SmallVector<int64_t> expected =
      nchw ? SmallVector<int64_t>{n, o, oh, ow} : SmallVector<int64_t>{n, oh, ow, o};
  return checkResultShape(op, expected);
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

/// Numpy broadcasting of two shapes; fails if some pair is neither equal
/// nor 1.
static FailureOr<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> a,
                                                       ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> out(rank);
  for (size_t k = 0; k < rank; k++) {
    int64_t da = k < a.size() ? a[a.size() - 1 - k] : 1;
    int64_t db = k < b.size() ? b[b.size() - 1 - k] : 1;
    if (da != db && da != 1 && db != 1)
      return failure();
    out[rank - 1 - k] = da == 1 ? db : da;
  }
  return out;
}

static LogicalResult verifyBinary(Operation *op, bool floatOnly) {
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  if (failed(checkSameElementType(op, lhs, "lhs", rhs, "rhs")))
    return failure();
  Type e = tensorOf(lhs).getElementType();
  Type r = tensorOf(op->getResult(0)).getElementType();
  if (r != e)
    return op->emitOpError() << "result element type " << r
                             << " differs from the operand element type " << e;
  if (floatOnly && failed(checkFloat(op, lhs, "this op")))
    return failure();
  ArrayRef<int64_t> a = tensorOf(lhs).getShape(), b = tensorOf(rhs).getShape();
  FailureOr<SmallVector<int64_t>> shape = broadcastShapes(a, b);
  if (failed(shape))
    return op->emitOpError() << "operand shapes " << shapeStr(a) << " and "
                             << shapeStr(b) << " are not broadcast-compatible";
  return checkResultShape(op, *shape);
}

/// The numpy broadcast of all operand shapes of `op` (cmp: two, select:
/// three), or an error listing them.
static FailureOr<SmallVector<int64_t>> broadcastOperands(Operation *op) {
  SmallVector<int64_t> shape;
  bool ok = true;
  std::string names;
  for (auto [k, v] : llvm::enumerate(op->getOperands())) {
    ArrayRef<int64_t> s = tensorOf(v).getShape();
    names += (k == 0 ? "" : k + 1 == op->getNumOperands() ? " and " : ", ") +
             shapeStr(s);
    FailureOr<SmallVector<int64_t>> next = broadcastShapes(shape, s);
    ok = ok && succeeded(next);
    if (ok)
      shape = *next;
  }
  if (!ok) {
    op->emitOpError() << "operand shapes " << names
                      << " are not broadcast-compatible";
    return failure();
  }
  return shape;
}

LogicalResult CmpOp::verify() {
  Operation *op = getOperation();
  if (failed(checkSameElementType(op, getLhs(), "lhs", getRhs(), "rhs")))
    return failure();
  FailureOr<SmallVector<int64_t>> shape = broadcastOperands(op);
  return failed(shape) ? failure() : checkResultShape(op, *shape);
}

LogicalResult SelectOp::verify() {
  Operation *op = getOperation();
  if (failed(checkSameElementType(op, getX(), "x", getY(), "y")) ||
      failed(checkSameElementType(op, getX(), "x", getResult(), "result")))
    return failure();
  FailureOr<SmallVector<int64_t>> shape = broadcastOperands(op);
  return failed(shape) ? failure() : checkResultShape(op, *shape);
}

LogicalResult AndOp::verify() { return verifyBinary(*this, false); }
LogicalResult OrOp::verify() { return verifyBinary(*this, false); }
LogicalResult XorOp::verify() { return verifyBinary(*this, false); }

LogicalResult AddOp::verify() { return verifyBinary(*this, false); }
LogicalResult SubOp::verify() { return verifyBinary(*this, false); }
LogicalResult MulOp::verify() { return verifyBinary(*this, false); }
LogicalResult DivOp::verify() { return verifyBinary(*this, false); }
LogicalResult MaxOp::verify() { return verifyBinary(*this, false); }
LogicalResult MinOp::verify() { return verifyBinary(*this, false); }
LogicalResult PowOp::verify() { return verifyBinary(*this, true); }

LogicalResult ClampOp::verify() {
  if (getMin().convertToDouble() > getMax().convertToDouble())
    return emitOpError() << "min " << getMin().convertToDouble()
                         << " is greater than max "
                         << getMax().convertToDouble();
  return success();
}

LogicalResult CastOp::verify() {
  ArrayRef<int64_t> a = tensorOf(getInput()).getShape();
  return checkResultShape(getOperation(), a);
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

/// quantize / dequantize: same shape, scale finite and > 0, and a
/// zero_point that fits i8 when `i8` (the quantized side is i8).
static LogicalResult verifyQuant(Operation *op, Value input, APFloat scale,
                                 int64_t zeroPoint, bool i8) {
  if (failed(checkResultShape(op, tensorOf(input).getShape())))
    return failure();
  if (!scale.isFinite() || scale.isNegative() || scale.isZero()) {
    SmallString<16> s;
    scale.toString(s);
    return op->emitOpError() << "scale must be a finite number > 0, got " << s;
  }
  if (i8 && (zeroPoint < -128 || zeroPoint > 127))
    return op->emitOpError() << "zero_point " << zeroPoint
                             << " is outside the i8 range [-128, 127]";
  return success();
}

LogicalResult QuantizeOp::verify() {
  return verifyQuant(*this, getInput(), getScaleAttr().getValue(),
                     getZeroPointAttr().getInt(), true);
}

LogicalResult DequantizeOp::verify() {
  bool i8 = tensorOf(getInput()).getElementType().isInteger(8);
  return verifyQuant(*this, getInput(), getScaleAttr().getValue(),
                     getZeroPointAttr().getInt(), i8);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::verify() {
  int64_t rank = tensorOf(getInput()).getRank();
  if (rank == 0)
    return emitOpError() << "input must have rank >= 1";
  return success(succeeded(normalizeAxis(*this, getAxis(), rank, "axis")));
}

LogicalResult ReduceOp::verify() {
  Operation *op = getOperation();
  RankedTensorType in = tensorOf(getInput());
  if (getKind() == ReduceKind::mean && failed(checkFloat(op, getInput(), "mean")))
    return failure();
  if (failed(checkSameElementType(op, getInput(), "input", getResult(),
                                  "result")))
    return failure();
  if (getAxes().empty())
    return emitOpError() << "axes must name at least one dimension";
  SmallVector<bool> reduced(in.getRank(), false);
  for (int64_t axis : getAxes()) {
    FailureOr<int64_t> a = normalizeAxis(op, axis, in.getRank(), "axis");
    if (failed(a))
      return failure();
    if (reduced[*a])
      return emitOpError() << "axis " << *a << " is listed twice in axes "
                           << shapeStr(getAxes());
    reduced[*a] = true;
  }
  SmallVector<int64_t> expected;
  for (auto [k, d] : llvm::enumerate(in.getShape())) {
    if (!reduced[k])
      expected.push_back(d);
    else if (getKeepdims())
      expected.push_back(1);
  }
  return checkResultShape(op, expected);
}

LogicalResult Pool2dOp::verify() {
  Operation *op = getOperation();
  if (failed(checkRank(op, getInput(), "input", 4)) ||
      failed(checkSameElementType(op, getInput(), "input", getResult(),
                                  "result")) ||
      failed(checkArray(op, getKernel(), "kernel", 2, 1)) ||
      failed(checkArray(op, getStrides(), "strides", 2, 1)) ||
      failed(checkArray(op, getPadding(), "padding", 4, 0)))
    return failure();
  if (getKind() == PoolKind::avg && failed(checkFloat(op, getInput(), "avg")))
    return failure();
  ArrayRef<int64_t> k = getKernel(), s = getStrides(), p = getPadding();
  for (int dim = 0; dim < 2; dim++)
    if (p[dim] >= k[dim] || p[dim + 2] >= k[dim])
      return emitOpError() << "padding " << shapeStr(p)
                           << " must be smaller than the kernel "
                           << shapeStr(k);
  ArrayRef<int64_t> x = tensorOf(getInput()).getShape();
  bool nchw = getLayout() == Layout::nchw;
  int64_t h = nchw ? x[2] : x[1], w = nchw ? x[3] : x[2];
  int64_t oh = windowOut(h, p[0], p[2], k[0], s[0], 1);
  int64_t ow = windowOut(w, p[1], p[3], k[1], s[1], 1);
  if (oh < 1 || ow < 1)
    return emitOpError() << "the " << k[0] << "x" << k[1]
                         << " kernel does not fit the padded " << h << "x" << w
                         << " input";
  SmallVector<int64_t> expected =
      nchw ? SmallVector<int64_t>{x[0], x[1], oh, ow}
           : SmallVector<int64_t>{x[0], oh, ow, x[3]};
  return checkResultShape(op, expected);
}

/// argmax / argmin: a nonempty axis, the reduced shape, an index type wide
/// enough for the axis.
static LogicalResult verifyArgReduce(Operation *op, Value input, int64_t axis,
                                     bool keepdims) {
  RankedTensorType in = tensorOf(input);
  if (in.getRank() == 0)
    return op->emitOpError() << "input must have rank >= 1";
  FailureOr<int64_t> a = normalizeAxis(op, axis, in.getRank(), "axis");
  if (failed(a))
    return failure();
  int64_t size = in.getDimSize(*a);
  if (size == 0)
    return op->emitOpError() << "axis " << *a << " of input "
                             << shapeStr(in.getShape())
                             << " is empty: it has no element to pick";
  Type out = tensorOf(op->getResult(0)).getElementType();
  if (out.isInteger(32) && size - 1 > INT32_MAX)
    return op->emitOpError() << "axis " << *a << " has " << size
                             << " positions, too many for an i32 result";
  SmallVector<int64_t> expected;
  for (auto [k, d] : llvm::enumerate(in.getShape())) {
    if ((int64_t)k != *a)
      expected.push_back(d);
    else if (keepdims)
      expected.push_back(1);
  }
  return checkResultShape(op, expected);
}

LogicalResult ArgmaxOp::verify() {
  return verifyArgReduce(*this, getInput(), getAxis(), getKeepdims());
}

LogicalResult ArgminOp::verify() {
  return verifyArgReduce(*this, getInput(), getAxis(), getKeepdims());
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::verify() {
  Operation *op = getOperation();
  if (failed(checkSameElementType(op, getInput(), "input", getResult(),
                                  "result")))
    return failure();
  ArrayRef<int64_t> in = tensorOf(getInput()).getShape();
  ArrayRef<int64_t> perm = getPerm();
  SmallVector<bool> seen(in.size(), false);
  bool ok = perm.size() == in.size();
  for (int64_t p : perm) {
    ok = ok && p >= 0 && p < (int64_t)in.size() && !seen[p];
    if (ok)
      seen[p] = true;
  }
  if (!ok)
    return emitOpError() << "perm " << shapeStr(perm)
                         << " is not a permutation of 0.." << in.size() - 1;
  SmallVector<int64_t> expected;
  for (int64_t p : perm)
    expected.push_back(in[p]);
  return checkResultShape(op, expected);
}

LogicalResult ReshapeOp::verify() {
  Operation *op = getOperation();
  if (failed(checkSameElementType(op, getInput(), "input", getResult(),
                                  "result")))
    return failure();
  RankedTensorType in = tensorOf(getInput()), out = tensorOf(getResult());
  if (in.getNumElements() != out.getNumElements())
    return emitOpError() << "input " << shapeStr(in.getShape()) << " has "
                         << in.getNumElements() << " elements but result "
                         << shapeStr(out.getShape()) << " has "
                         << out.getNumElements();
  return success();
}

LogicalResult BroadcastOp::verify() {
  Operation *op = getOperation();
  if (failed(checkSameElementType(op, getInput(), "input", getResult(),
                                  "result")))
    return failure();
  ArrayRef<int64_t> in = tensorOf(getInput()).getShape();
  ArrayRef<int64_t> out = tensorOf(getResult()).getShape();
  bool ok = in.size() <= out.size();
  for (size_t k = 0; ok && k < in.size(); k++) {
    int64_t di = in[in.size() - 1 - k], dout = out[out.size() - 1 - k];
    ok = di == dout || di == 1;
  }
  if (!ok)
    return emitOpError() << "input shape " << shapeStr(in)
                         << " does not broadcast to " << shapeStr(out);
  return success();
}

LogicalResult ConcatOp::verify() {
  Operation *op = getOperation();
  if (getInputs().empty())
    return emitOpError() << "needs at least one input";
  RankedTensorType out = tensorOf(getResult());
  FailureOr<int64_t> axis = normalizeAxis(op, getAxis(), out.getRank(), "axis");
  if (failed(axis))
    return failure();
  int64_t total = 0;
  for (auto [k, v] : llvm::enumerate(getInputs())) {
    RankedTensorType t = tensorOf(v);
    if (t.getElementType() != out.getElementType())
      return emitOpError() << "input #" << k << " element type "
                           << t.getElementType()
                           << " differs from the result element type "
                           << out.getElementType();
    if (t.getRank() != out.getRank())
      return emitOpError() << "input #" << k << " has rank " << t.getRank()
                           << " but the result has rank " << out.getRank();
    for (int64_t d = 0; d < t.getRank(); d++)
      if (d != *axis && t.getDimSize(d) != out.getDimSize(d))
        return emitOpError() << "input #" << k << " shape "
                             << shapeStr(t.getShape()) << " differs from the "
                             << "result " << shapeStr(out.getShape())
                             << " outside axis " << *axis;
    total += t.getDimSize(*axis);
  }
  if (total != out.getDimSize(*axis))
    return emitOpError() << "inputs add up to " << total << " along axis "
                         << *axis << " but the result has "
                         << out.getDimSize(*axis);
  return success();
}

LogicalResult SliceOp::verify() {
  Operation *op = getOperation();
  if (failed(checkSameElementType(op, getInput(), "input", getResult(),
                                  "result")))
    return failure();
  ArrayRef<int64_t> in = tensorOf(getInput()).getShape();
  ArrayRef<int64_t> out = tensorOf(getResult()).getShape();
  if (out.size() != in.size())
    return emitOpError() << "result rank " << out.size()
                         << " differs from the input rank " << in.size();
  ArrayRef<int64_t> offsets = getOffsets(), strides = getStrides();
  if (offsets.size() != in.size())
    return emitOpError() << "offsets needs " << in.size()
                         << " values (one per dim), got " << offsets.size();
  if (strides.size() != in.size())
    return emitOpError() << "strides needs " << in.size()
                         << " values (one per dim), got " << strides.size();
  for (size_t d = 0; d < in.size(); d++) {
    int64_t off = offsets[d], stride = strides[d], n = out[d], size = in[d];
    if (stride == 0)
      return emitOpError() << "stride of dim " << d << " is 0; strides must "
                              "be nonzero, got " << shapeStr(strides);
    if (n == 0)
      continue; // an empty dim reads nothing
    if (off < 0 || off >= size)
      return emitOpError() << "dim " << d << ": offset " << off
                           << " is outside the input dim of size " << size
                           << " (expected 0 to " << size - 1 << ")";
    // The last position read, offset + (n - 1) * stride, without overflow.
    int64_t step, last;
    bool overflow = llvm::MulOverflow(n - 1, stride, step) ||
                    llvm::AddOverflow(off, step, last);
    if (overflow || last < 0 || last >= size) {
      InFlightDiagnostic diag = emitOpError()
                                << "dim " << d << ": the last of " << n
                                << " positions, " << off << " + " << n - 1
                                << " * " << stride;
      if (overflow)
        diag << ", overflows";
      else
        diag << " = " << last << ", is outside the input dim of size " << size
             << " (expected 0 to " << size - 1 << ")";
      return diag;
    }
  }
  return success();
}

LogicalResult GatherOp::verify() {
  Operation *op = getOperation();
  if (failed(checkSameElementType(op, getInput(), "input", getResult(),
                                  "result")))
    return failure();
  RankedTensorType in = tensorOf(getInput()), idx = tensorOf(getIndices());
  int64_t rank = in.getRank(), axis = getAxis();
  if (rank == 0)
    return emitOpError() << "input must have rank >= 1";
  if (axis < 0 || axis >= rank)
    return emitOpError() << "axis " << axis << " is out of range for rank "
                         << rank << " (expected 0 to " << rank - 1
                         << "; negative axes are not accepted)";
  if (in.getDimSize(axis) == 0 && idx.getNumElements() > 0)
    return emitOpError() << "axis " << axis << " of input "
                         << shapeStr(in.getShape())
                         << " is empty: no index can select from it";
  ArrayRef<int64_t> x = in.getShape();
  SmallVector<int64_t> expected(x.begin(), x.begin() + axis);
  llvm::append_range(expected, idx.getShape());
  expected.append(x.begin() + axis + 1, x.end());
  return checkResultShape(op, expected);
}

//===----------------------------------------------------------------------===//
// Fusion groups
//===----------------------------------------------------------------------===//

LogicalResult FusedOp::verify() {
  Block &body = getBody().front();
  if (body.getNumArguments() != getInputs().size())
    return emitOpError() << "body has " << body.getNumArguments()
                         << " arguments for " << getInputs().size()
                         << " inputs";
  for (auto [k, pair] : llvm::enumerate(llvm::zip(body.getArguments(), getInputs())))
    if (std::get<0>(pair).getType() != std::get<1>(pair).getType())
      return emitOpError() << "body argument #" << k << " has type "
                           << std::get<0>(pair).getType() << " but input #"
                           << k << " has type " << std::get<1>(pair).getType();
  for (Operation &inner : body)
    if (inner.getDialect() != getOperation()->getDialect())
      return inner.emitOpError() << "is not an mlt op; mlt.fused groups hold "
                                    "only mlt ops";
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError() << "body must end with mlt.yield";
  if (yield.getValues().getTypes() != getResultTypes())
    return yield.emitOpError() << "yields " << yield.getValues().size()
                               << " value(s) of types "
                               << yield.getValues().getTypes()
                               << " but the group returns "
                               << getResultTypes();
  return success();
}
