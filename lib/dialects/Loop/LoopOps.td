//===- LoopOps.td - the loop dialect --------------------------*- tablegen -*-===//
//
// The loop level of mlopt: explicit loop nests over builtin memrefs (buffer
// semantics). `loop.for` has static or SSA bounds, an iterator kind, optional
// loop-carried values and schedule attributes that the tiling, vectorizing and
// unrolling passes read and write. The custom syntax and the verifiers that
// ODS cannot express live in LoopOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef LOOP_OPS
#define LOOP_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/LoopLikeInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Loop_Dialect : Dialect {
  let name = "loop";
  let cppNamespace = "::mlopt::loop";
  let summary = "Loop nests with buffer semantics on memrefs";
  let description = [{
    The middle level of mlopt. `--lower-to-loops` (planned) turns every `mlt` operation
    into a nest of `loop.for` operations whose bodies `memref.load`, compute
    with `arith`/`math` and `memref.store`. Tiling, vectorization, unrolling
    and parallelization act at this level, where the iterator kind of each
    loop makes legality checks simple; they record their decisions in the
    schedule attributes `tile_sizes`, `vector_width` and `unroll`. `loop`
    then lowers to `scf`.

    ```mlir
    loop.for %i = 0 to 128 step 32 parallel {
      %v = memref.load %A[%i] : memref<128xf32>
      memref.store %v, %B[%i] : memref<128xf32>
    }
    ```
  }];
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Loop_IteratorKind : I32EnumAttr<"IteratorKind", "loop iterator kind", [
    I32EnumAttrCase<"parallel", 0>, I32EnumAttrCase<"reduction", 1>]> {
  let cppNamespace = "::mlopt::loop";
}

class Loop_Op<string mnemonic, list<Trait> traits = []>
    : Op<Loop_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// loop.for
//===----------------------------------------------------------------------===//

def Loop_ForOp : Loop_Op<"for", [
    AttrSizedOperandSegments, RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"YieldOp">,
    DeclareOpInterfaceMethods<LoopLikeOpInterface, [
      "getLoopInductionVars", "getLoopLowerBounds", "getLoopUpperBounds",
      "getLoopSteps", "getInitsMutable", "getRegionIterArgs",
      "getYieldedValuesMutable", "getLoopResults"]>]> {
  let summary = "a counted loop with static or SSA bounds";
  let description = [{
    Syntax (each bound is an integer literal or an SSA value of type index):

    ```
    (%results =)? loop.for %iv = <lb> to <ub> step <step> (parallel | reduction)
        (iter_args(%arg = %init, ...) -> (type, ...))?
        (attributes { ... })? { body }
    ```

    Runs its body for `%iv = lb, lb + step, ...` while `%iv < ub`. Each of the
    lower bound, upper bound and step is either an integer written in place
    (stored in `static_lower_bound`, `static_upper_bound`, `static_step`) or
    an SSA value of type `index` (the optional operands `lower_bound`,
    `upper_bound`, `step`); exactly one of the two is present for each.

    The iterator kind says whether iterations are independent (`parallel`)
    or accumulate into loop-carried values (`reduction`). Only a reduction
    loop may have `iter_args`: the body block receives the induction
    variable (`index`) followed by the current iter_args values, and
    `loop.yield` passes the next values; the loop returns the last ones. A
    loop without iter_args ends with an implicit empty `loop.yield`, which
    the custom syntax omits.

    Schedule attributes, set and read by later passes, are verified when
    present: `tile_sizes` (all > 0), `vector_width` (> 0), `unroll` (>= 1).
    Other attributes print after the `attributes` keyword before the body.

    ```mlir
    loop.for %i = 0 to 128 step 32 parallel attributes {vector_width = 8 : i64} {
      %v = memref.load %A[%i] : memref<128xf32>
      memref.store %v, %B[%i] : memref<128xf32>
    }
    %sum = loop.for %k = %lb to %ub step 1 reduction iter_args(%acc = %zero) -> (f32) {
      %x = memref.load %A[%k] : memref<?xf32>
      %next = arith.addf %acc, %x : f32
      loop.yield %next : f32
    }
    ```
  }];
  let arguments = (ins
    Optional<Index>:$lower_bound,
    Optional<Index>:$upper_bound,
    Optional<Index>:$step,
    Variadic<AnyType>:$init_args,
    OptionalAttr<I64Attr>:$static_lower_bound,
    OptionalAttr<I64Attr>:$static_upper_bound,
    OptionalAttr<I64Attr>:$static_step,
    Loop_IteratorKind:$iterator_kind,
    OptionalAttr<DenseI64ArrayAttr>:$tile_sizes,
    OptionalAttr<I64Attr>:$vector_width,
    OptionalAttr<I64Attr>:$unroll);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$region);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The induction variable: the first argument of the body block.
    ::mlir::Value getInductionVar() { return getBody()->getArgument(0); }
    /// The terminator of the body.
    YieldOp getYieldOp();
  }];
}

//===----------------------------------------------------------------------===//
// loop.yield
//===----------------------------------------------------------------------===//

def Loop_YieldOp : Loop_Op<"yield", [Pure, Terminator, HasParent<"ForOp">]> {
  let summary = "passes the loop-carried values to the next iteration";
  let description = [{
    Terminates the body of a `loop.for`. Its operands become the iter_args
    of the next iteration, and the loop's results after the last one; their
    types must equal the loop's result types. Without operands it may be
    left out of the custom syntax.

    ```mlir
    loop.yield %next : f32
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let builders = [OpBuilder<(ins), [{ /* no values */ }]>];
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
  let hasVerifier = 1;
}

#endif // LOOP_OPS
