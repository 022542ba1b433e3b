//===- LoopOps.cpp - loop.for syntax, verifiers and loop interface --------===//
//
// The parts of the loop dialect ODS cannot say:
//  * the custom syntax of loop.for, where each bound is an integer or an SSA
//    index value and the empty loop.yield of a loop without iter_args is
//    implicit:
//      loop.for %i = 0 to %n step 4 reduction iter_args(%a = %z) -> (f32)
//          attributes {unroll = 2 : i64} { ... }
//  * the verifiers of loop.for and loop.yield (bounds, iterator kind,
//    loop-carried values, schedule attributes), one message each naming the
//    numbers involved;
//  * LoopLikeOpInterface, so upstream loop utilities (e.g.
//    loop-invariant-code-motion) understand loop.for.
//
//===----------------------------------------------------------------------===//
#include "LoopDialect.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlopt::loop;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// "[4, 8]" for diagnostics.
static std::string listStr(ArrayRef<int64_t> values) {
  std::string s = "[";
  for (auto [i, v] : llvm::enumerate(values))
    s += (i ? ", " : "") + std::to_string(v);
  return s + "]";
}

//===----------------------------------------------------------------------===//
// loop.for: custom syntax
//===----------------------------------------------------------------------===//

/// Parses one bound: an SSA value (of type index) or an integer literal.
static ParseResult
parseBound(OpAsmParser &parser, StringRef what,
           std::optional<OpAsmParser::UnresolvedOperand> &operand,
           IntegerAttr &value) {
  OpAsmParser::UnresolvedOperand ssa;
  OptionalParseResult isSsa = parser.parseOptionalOperand(ssa);
  if (isSsa.has_value()) {
    if (failed(*isSsa))
      return failure();
    operand = ssa;
    return success();
  }
  SMLoc loc = parser.getCurrentLocation();
  int64_t n;
  OptionalParseResult isInt = parser.parseOptionalInteger(n);
  if (!isInt.has_value())
    return parser.emitError(loc)
           << "expected an integer or an index SSA value for the " << what;
  if (failed(*isInt))
    return failure();
  value = parser.getBuilder().getI64IntegerAttr(n);
  return success();
}

/// Parses `%iv = lb to ub step s kind [iter_args(...) -> (types)]
/// [attributes {...}] region`.
ParseResult ForOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &b = parser.getBuilder();
  Type index = b.getIndexType();
  OpAsmParser::Argument iv;
  std::optional<OpAsmParser::UnresolvedOperand> lb, ub, step;
  IntegerAttr staticLb, staticUb, staticStep;
  if (parser.parseArgument(iv) || parser.parseEqual() ||
      parseBound(parser, "lower bound", lb, staticLb) ||
      parser.parseKeyword("to") ||
      parseBound(parser, "upper bound", ub, staticUb) ||
      parser.parseKeyword("step") ||
      parseBound(parser, "step", step, staticStep))
    return failure();

  SMLoc kindLoc = parser.getCurrentLocation();
  StringRef kindName;
  if (failed(parser.parseOptionalKeyword(&kindName)))
    return parser.emitError(kindLoc)
           << "expected iterator kind 'parallel' or 'reduction'";
  std::optional<IteratorKind> kind = symbolizeIteratorKind(kindName);
  if (!kind)
    return parser.emitError(kindLoc)
           << "expected iterator kind 'parallel' or 'reduction', got '"
           << kindName << "'";

  // The body block takes the induction variable, then the iter_args.
  iv.type = index;
  SmallVector<OpAsmParser::Argument> regionArgs = {iv};
  SmallVector<OpAsmParser::UnresolvedOperand> inits;
  SMLoc initsLoc = parser.getCurrentLocation();
  if (succeeded(parser.parseOptionalKeyword("iter_args"))) {
    if (parser.parseAssignmentList(regionArgs, inits) ||
        parser.parseArrowTypeList(result.types))
      return failure();
    if (inits.size() != result.types.size())
      return parser.emitError(initsLoc)
             << inits.size() << " iter_args but " << result.types.size()
             << " result types after '->'";
    for (auto [arg, type] : llvm::zip(llvm::drop_begin(regionArgs), result.types))
      arg.type = type;
  }

  if (parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  Region *body = result.addRegion();
  if (parser.parseRegion(*body, regionArgs))
    return failure();
  ForOp::ensureTerminator(*body, b, result.location);

  // Operands in ODS order: lower bound, upper bound, step, inits.
  for (auto &bound : {lb, ub, step})
    if (bound && parser.resolveOperand(*bound, index, result.operands))
      return failure();
  if (parser.resolveOperands(inits, result.types, initsLoc, result.operands))
    return failure();

  MLIRContext *ctx = b.getContext();
  OperationName name = result.name;
  if (staticLb)
    result.attributes.set(getStaticLowerBoundAttrName(name), staticLb);
  if (staticUb)
    result.attributes.set(getStaticUpperBoundAttrName(name), staticUb);
  if (staticStep)
    result.attributes.set(getStaticStepAttrName(name), staticStep);
  result.attributes.set(getIteratorKindAttrName(name),
                        IteratorKindAttr::get(ctx, *kind));
  result.attributes.set(
      getOperandSegmentSizeAttr(),
      b.getDenseI32ArrayAttr({lb ? 1 : 0, ub ? 1 : 0, step ? 1 : 0,
                              static_cast<int32_t>(inits.size())}));
  return success();
}

/// Prints a bound as its SSA value or its integer.
static void printBound(OpAsmPrinter &p, Value operand, IntegerAttr value) {
  if (operand)
    p << operand;
  else
    p << value.getInt();
}

/// Prints the form ForOp::parse reads; the yield only when it says something.
void ForOp::print(OpAsmPrinter &p) {
  p << " " << getInductionVar() << " = ";
  printBound(p, getLowerBound(), getStaticLowerBoundAttr());
  p << " to ";
  printBound(p, getUpperBound(), getStaticUpperBoundAttr());
  p << " step ";
  printBound(p, getStep(), getStaticStepAttr());
  p << " " << stringifyIteratorKind(getIteratorKind());
  if (!getInitArgs().empty()) {
    p << " iter_args(";
    llvm::interleaveComma(
        llvm::zip(getRegionIterArgs(), getInitArgs()), p,
        [&](auto pair) { p << std::get<0>(pair) << " = " << std::get<1>(pair); });
    p << ") -> (" << getResultTypes() << ")";
  }
  p.printOptionalAttrDictWithKeyword(
      (*this)->getAttrs(),
      {getOperandSegmentSizeAttr(), getStaticLowerBoundAttrName(),
       getStaticUpperBoundAttrName(), getStaticStepAttrName(),
       getIteratorKindAttrName()});
  p << " ";
  bool showYield =
      !getInitArgs().empty() || !getYieldOp()->getAttrs().empty();
  p.printRegion(getRegion(), /*printEntryBlockArgs=*/false, showYield);
}

//===----------------------------------------------------------------------===//
// loop.for: verifier
//===----------------------------------------------------------------------===//

/// A bound is given exactly once: as an operand or as a static attribute.
static LogicalResult checkBound(Operation *op, Value operand, IntegerAttr value,
                                StringRef what, StringRef attrName) {
  if (operand && value)
    return op->emitOpError() << "has both an SSA " << what << " and the '"
                             << attrName << "' attribute";
  if (!operand && !value)
    return op->emitOpError() << "needs the " << what
                             << " as an index operand or the '" << attrName
                             << "' attribute";
  return success();
}

/// Bounds, iterator kind, loop-carried values, body block, schedule.
LogicalResult ForOp::verify() {
  Operation *op = getOperation();
  if (failed(checkBound(op, getLowerBound(), getStaticLowerBoundAttr(),
                        "lower bound", getStaticLowerBoundAttrName())) ||
      failed(checkBound(op, getUpperBound(), getStaticUpperBoundAttr(),
                        "upper bound", getStaticUpperBoundAttrName())) ||
      failed(checkBound(op, getStep(), getStaticStepAttr(), "step",
                        getStaticStepAttrName())))
    return failure();
  if (IntegerAttr s = getStaticStepAttr(); s && s.getInt() <= 0)
    return emitOpError() << "static step must be > 0, got " << s.getInt();
  IntegerAttr lb = getStaticLowerBoundAttr(), ub = getStaticUpperBoundAttr();
  if (lb && ub && lb.getInt() > ub.getInt())
    return emitOpError() << "static lower bound " << lb.getInt()
                         << " is greater than the static upper bound "
                         << ub.getInt();

  // Loop-carried values: only in reduction loops, one result each.
  size_t n = getInitArgs().size();
  if (n && getIteratorKind() == IteratorKind::parallel)
    return emitOpError() << "a parallel loop cannot carry values, got " << n
                         << " iter_args (they need the 'reduction' iterator "
                            "kind)";
  if (getNumResults() != n)
    return emitOpError() << "has " << n << " iter_args but "
                         << getNumResults() << " results";
  for (auto [k, init, res] :
       llvm::enumerate(getInitArgs().getTypes(), getResultTypes()))
    if (init != res)
      return emitOpError() << "iter_arg #" << k << " has type " << init
                           << " but result #" << k << " has type " << res;

  // Body block: the index induction variable, then one argument per iter_arg.
  Block *body = getBody();
  if (body->getNumArguments() != n + 1)
    return emitOpError() << "body block needs " << n + 1
                         << " arguments (the induction variable and " << n
                         << " iter_args), got " << body->getNumArguments();
  if (Type t = getInductionVar().getType(); !t.isIndex())
    return emitOpError() << "induction variable must have type index, got "
                         << t;
  for (auto [k, arg, res] :
       llvm::enumerate(ValueRange(getRegionIterArgs()).getTypes(),
                       getResultTypes()))
    if (arg != res)
      return emitOpError() << "body argument #" << k + 1 << " has type " << arg
                           << " but iter_arg #" << k << " has type " << res;

  // Schedule attributes written by later passes.
  if (std::optional<ArrayRef<int64_t>> tiles = getTileSizes()) {
    if (tiles->empty())
      return emitOpError() << "tile_sizes must not be empty";
    if (llvm::any_of(*tiles, [](int64_t t) { return t <= 0; }))
      return emitOpError() << "tile_sizes must all be > 0, got "
                           << listStr(*tiles);
  }
  if (IntegerAttr w = getVectorWidthAttr(); w && w.getInt() <= 0)
    return emitOpError() << "vector_width must be > 0, got " << w.getInt();
  if (IntegerAttr u = getUnrollAttr(); u && u.getInt() < 1)
    return emitOpError() << "unroll must be >= 1, got " << u.getInt();
  return success();
}

//===----------------------------------------------------------------------===//
// loop.for: LoopLikeOpInterface
//===----------------------------------------------------------------------===//

/// A bound as an OpFoldResult: the SSA value or an index attribute.
static OpFoldResult foldBound(Value operand, IntegerAttr value) {
  if (operand)
    return operand;
  return Builder(value.getContext()).getIndexAttr(value.getInt());
}

/// The terminator of the body.
YieldOp ForOp::getYieldOp() { return cast<YieldOp>(getBody()->getTerminator()); }

/// The one region holding the body.
SmallVector<Region *> ForOp::getLoopRegions() { return {&getRegion()}; }

/// The single induction variable.
std::optional<SmallVector<Value>> ForOp::getLoopInductionVars() {
  return SmallVector<Value>{getInductionVar()};
}

/// The lower bound.
std::optional<SmallVector<OpFoldResult>> ForOp::getLoopLowerBounds() {
  return SmallVector<OpFoldResult>{
      foldBound(getLowerBound(), getStaticLowerBoundAttr())};
}

/// The upper bound.
std::optional<SmallVector<OpFoldResult>> ForOp::getLoopUpperBounds() {
  return SmallVector<OpFoldResult>{
      foldBound(getUpperBound(), getStaticUpperBoundAttr())};
}

/// The step.
std::optional<SmallVector<OpFoldResult>> ForOp::getLoopSteps() {
  return SmallVector<OpFoldResult>{foldBound(getStep(), getStaticStepAttr())};
}

/// The iter_args initial values.
MutableArrayRef<OpOperand> ForOp::getInitsMutable() {
  return getInitArgsMutable();
}

/// The body arguments after the induction variable.
Block::BlockArgListType ForOp::getRegionIterArgs() {
  return getBody()->getArguments().drop_front();
}

/// The operands of the loop.yield.
std::optional<MutableArrayRef<OpOperand>> ForOp::getYieldedValuesMutable() {
  return getYieldOp().getValuesMutable();
}

/// All results: one per iter_arg.
std::optional<ResultRange> ForOp::getLoopResults() { return getResults(); }

//===----------------------------------------------------------------------===//
// loop.yield
//===----------------------------------------------------------------------===//

/// The yielded values match the enclosing loop's results in number and type.
LogicalResult YieldOp::verify() {
  auto loop = cast<ForOp>((*this)->getParentOp());
  TypeRange want = loop.getResultTypes();
  if (getValues().size() != want.size())
    return emitOpError() << "yields " << getValues().size()
                         << " values but the enclosing loop.for carries "
                         << want.size();
  for (auto [k, got, res] : llvm::enumerate(getValues().getTypes(), want))
    if (got != res)
      return emitOpError() << "operand #" << k << " has type " << got
                           << " but the enclosing loop.for result #" << k
                           << " has type " << res;
  return success();
}
