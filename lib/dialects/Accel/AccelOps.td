//===- AccelOps.td - the accel (accelerator-level) dialect --*- tablegen -*-===//
//
// A parameterized systolic-array accelerator in the style of VTA/Gemmini:
// a `#accel.target` attribute describing the machine, scratchpad and
// accumulator buffers, asynchronous DMA and tile matmul ops that return
// tokens, and a wait. Buffer kinds are ODS constraints; everything that
// depends on the target (capacities, element types, the PE array) is checked
// by the C++ verifiers in AccelOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_OPS
#define ACCEL_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Accel_Dialect : Dialect {
  let name = "accel";
  let cppNamespace = "::mlopt::accel";
  let summary = "A parameterized systolic-array accelerator (VTA/Gemmini style)";
  let description = [{
    The accelerator level of mlopt. A `#accel.target` attribute, attached as
    `accel.target` to an enclosing op (usually the module or the function),
    describes the machine: the PE array, the scratchpad and accumulator
    capacities, the DMA bandwidth and the element types. Every accel op looks
    up the nearest enclosing target and is verified against it.

    Data lives in `!accel.buf` buffers (scratchpad or accumulator) created by
    `accel.alloc`. `accel.dma_in` / `accel.dma_out` move tiles between memrefs
    and buffers, `accel.matmul` runs one tile on the PE array; all three are
    asynchronous, return an `!accel.token` and may be ordered after other
    tokens. `accel.wait` blocks until tokens complete.

    ```mlir
    module attributes {accel.target = #accel.target<pe = 16x16, spad = 262144,
        acc = 65536, dma = 64, in = i8, acc_t = i32>} {
      func.func @tile(%A: memref<64x64xi8>, %B: memref<64x64xi8>,
                      %C: memref<64x64xi32>, %i: index, %j: index, %k: index) {
        %a = accel.alloc : !accel.buf<spad, 16x16xi8>
        %b = accel.alloc : !accel.buf<spad, 16x16xi8>
        %c = accel.alloc : !accel.buf<acc, 16x16xi32>
        %t0 = accel.dma_in %A[%i, %k] to %a : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
        %t1 = accel.dma_in %B[%k, %j] to %b : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
        %t2 = accel.matmul %c += %a * %b after(%t0, %t1)
            : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
        %t3 = accel.dma_out %c to %C[%i, %j] after(%t2)
            : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
        accel.wait %t3
        return
      }
    }
    ```
  }];
  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  // Checks the discardable `accel.target` attribute wherever it appears.
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    /// The name of the discardable attribute holding a #accel.target.
    static constexpr ::llvm::StringLiteral kTargetAttrName = "accel.target";
  }];
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Accel_MemKind : I32EnumAttr<"MemKind", "accelerator memory kind", [
    I32EnumAttrCase<"spad", 0>, I32EnumAttrCase<"acc", 1>]> {
  let cppNamespace = "::mlopt::accel";
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

def Accel_TargetAttr : AttrDef<Accel_Dialect, "Target"> {
  let mnemonic = "target";
  let summary = "the accelerator's parameters";
  let description = [{
    `pe` is the PE array (rows x columns); `spad` and `acc` are the
    scratchpad and accumulator capacities in bytes; `dma` is the DMA
    bandwidth in bytes per cycle; `in` is the input (scratchpad) element
    type, one of i8, f16, bf16, f32; `acc_t` is the accumulator element type,
    i32 for i8 inputs and f32 for float inputs. All sizes are > 0. The
    fields are written in this order.

    ```mlir
    #accel.target<pe = 16x16, spad = 262144, acc = 65536, dma = 64, in = i8, acc_t = i32>
    ```
  }];
  let parameters = (ins "int64_t":$peRows, "int64_t":$peCols,
                        "int64_t":$spadBytes, "int64_t":$accBytes,
                        "int64_t":$dmaBytes, "::mlir::Type":$inType,
                        "::mlir::Type":$accType);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

def Accel_BufType : TypeDef<Accel_Dialect, "Buf"> {
  let mnemonic = "buf";
  let summary = "a statically shaped scratchpad or accumulator buffer";
  let description = [{
    A buffer in on-chip memory: the memory kind (`spad` or `acc`), a static
    shape whose dimensions are all > 0, and an element type (i8, i32, f16,
    bf16 or f32). Whether the element type and size suit the target is
    checked by the ops that use the buffer.

    ```mlir
    !accel.buf<spad, 16x16xi8>
    !accel.buf<acc, 16x16xi32>
    ```
  }];
  let parameters = (ins EnumParameter<Accel_MemKind>:$kind,
                        ArrayRefParameter<"int64_t">:$shape,
                        "::mlir::Type":$elementType);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The buffer's size in bytes (saturating at INT64_MAX).
    int64_t getSizeInBytes() const;
    int64_t getRank() const { return getShape().size(); }
  }];
}

def Accel_TokenType : TypeDef<Accel_Dialect, "Token"> {
  let mnemonic = "token";
  let summary = "completion of an asynchronous DMA or matmul";
  let description = [{
    ```mlir
    !accel.token
    ```
  }];
}

def Accel_SpadBuf : Type<
    And<[Accel_BufType.predicate,
         CPred<"::llvm::cast<::mlopt::accel::BufType>($_self).getKind() == "
               "::mlopt::accel::MemKind::spad">]>,
    "scratchpad buffer", "::mlopt::accel::BufType">;

def Accel_AccBuf : Type<
    And<[Accel_BufType.predicate,
         CPred<"::llvm::cast<::mlopt::accel::BufType>($_self).getKind() == "
               "::mlopt::accel::MemKind::acc">]>,
    "accumulator buffer", "::mlopt::accel::BufType">;

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

class Accel_Op<string mnemonic, list<Trait> traits = []>
    : Op<Accel_Dialect, mnemonic, traits>;

def Accel_AllocOp : Accel_Op<"alloc"> {
  let summary = "allocates a scratchpad or accumulator buffer";
  let description = [{
    The buffer's element type must be the target's input type (scratchpad)
    or accumulator type (accumulator), and its size must fit the target's
    scratchpad or accumulator capacity. A buffer lives until the end of the
    enclosing function.

    ```mlir
    %a = accel.alloc : !accel.buf<spad, 16x16xi8>
    %c = accel.alloc : !accel.buf<acc, 16x16xi32>
    ```
  }];
  let results = (outs Res<Accel_BufType, "the new buffer", [MemAlloc]>:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
  let hasVerifier = 1;
}

def Accel_DmaInOp : Accel_Op<"dma_in", [AttrSizedOperandSegments]> {
  let summary = "asynchronously copies a memref tile into a buffer";
  let description = [{
    Copies the tile of `source` starting at `offsets` (one index per
    dimension) whose shape is the buffer's shape into `dest`. The memref and
    the buffer have the same rank and element type; where the memref's
    dimensions are static the tile must fit them. The copy starts once the
    `after` tokens have completed; the result token completes with it.

    An edge tile smaller than the buffer is moved with a second bracket of
    `sizes` (one per dimension, each between 1 and the buffer's dimension):
    only that corner of the memref is read and the rest of the buffer is
    filled with zeros, so a tile loop needs one buffer shape for every tile.

    ```mlir
    %t0 = accel.dma_in %A[%i, %k] to %a : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %t1 = accel.dma_in %B[%k, %j] to %b after(%t0) : memref<64x64xi8> -> !accel.buf<spad, 16x16xi8>
    %t2 = accel.dma_in %X[%i, %k][%m, %c16] to %a : memref<100x64xi8> -> !accel.buf<spad, 16x16xi8>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the memref read", [MemRead]>:$source,
                       Variadic<Index>:$offsets,
                       Variadic<Index>:$sizes,
                       Arg<Accel_BufType, "the buffer written", [MemWrite]>:$dest,
                       Variadic<Accel_TokenType>:$after);
  let results = (outs Accel_TokenType:$token);
  let assemblyFormat = [{
    $source `[` $offsets `]` (`[` $sizes^ `]`)? `to` $dest
    (`after` `(` $after^ `)`)? attr-dict
    `:` type($source) `->` qualified(type($dest))
  }];
  let hasVerifier = 1;
}

def Accel_DmaOutOp : Accel_Op<"dma_out", [AttrSizedOperandSegments]> {
  let summary = "asynchronously copies a buffer into a memref tile";
  let description = [{
    Copies `source` into the tile of `dest` starting at `offsets`, with the
    same rules as `accel.dma_in`. With `sizes`, only that corner of the
    buffer is written (an edge tile).

    ```mlir
    %t = accel.dma_out %c to %C[%i, %j] after(%t2) : !accel.buf<acc, 16x16xi32> -> memref<64x64xi32>
    %u = accel.dma_out %c to %Y[%i, %j][%m, %n] : !accel.buf<acc, 16x16xi32> -> memref<100x30xi32>
    ```
  }];
  let arguments = (ins Arg<Accel_BufType, "the buffer read", [MemRead]>:$source,
                       Arg<AnyMemRef, "the memref written", [MemWrite]>:$dest,
                       Variadic<Index>:$offsets,
                       Variadic<Index>:$sizes,
                       Variadic<Accel_TokenType>:$after);
  let results = (outs Accel_TokenType:$token);
  let assemblyFormat = [{
    $source `to` $dest `[` $offsets `]` (`[` $sizes^ `]`)?
    (`after` `(` $after^ `)`)? attr-dict
    `:` qualified(type($source)) `->` type($dest)
  }];
  let hasVerifier = 1;
}

def Accel_MatmulOp : Accel_Op<"matmul"> {
  let summary = "one PE-array tile: acc (+)= lhs · rhs";
  let description = [{
    `lhs` (scratchpad, M x K) times `rhs` (scratchpad, K x N) accumulated into
    `acc` (accumulator, M x N) with `+=` (the `accumulate` unit attribute),
    or overwriting it with `=` (the first K tile of a product). M must not
    exceed the PE array's rows nor N its columns; `lhs` and `rhs` hold the
    target's input type and `acc` its accumulator type.

    ```mlir
    %t = accel.matmul %c += %a * %b after(%t0, %t1)
        : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
    %u = accel.matmul %c = %a * %b
        : !accel.buf<acc, 16x16xi32>, !accel.buf<spad, 16x16xi8>, !accel.buf<spad, 16x16xi8>
    ```
  }];
  let arguments = (ins
      Arg<Accel_AccBuf, "the accumulator", [MemRead, MemWrite]>:$acc,
      Arg<Accel_SpadBuf, "the left operand", [MemRead]>:$lhs,
      Arg<Accel_SpadBuf, "the right operand", [MemRead]>:$rhs,
      Variadic<Accel_TokenType>:$after,
      UnitAttr:$accumulate);
  let results = (outs Accel_TokenType:$token);
  // `%c += ...` sets `accumulate`, `%c = ...` leaves it out.
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def Accel_WaitOp : Accel_Op<"wait", [MemoryEffects<[MemRead, MemWrite]>]> {
  let summary = "blocks until tokens complete";
  let description = [{
    Waits for one or more tokens. It has memory effects so that it is never
    removed as dead code.

    ```mlir
    accel.wait %t0, %t1
    ```
  }];
  let arguments = (ins Variadic<Accel_TokenType>:$tokens);
  let assemblyFormat = "$tokens attr-dict";
  let hasVerifier = 1;
}

#endif // ACCEL_OPS
