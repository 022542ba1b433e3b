//===- MltOps.td - the mlt (tensor-level) dialect ----------*- tablegen -*-===//
//
// Value semantics on statically shaped builtin tensors. Shapes and element
// types are checked by ODS constraints where they can say it and by small
// C++ verifiers (MltOps.cpp) where they cannot (broadcasting, conv shapes).
//
//===----------------------------------------------------------------------===//

#ifndef MLT_OPS
#define MLT_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Mlt_Dialect : Dialect {
  let name = "mlt";
  let cppNamespace = "::mlopt::mlt";
  let summary = "Tensor-level ML operations with value semantics";
  let description = [{
    The entry level of mlopt. Operations take and return ranked, statically
    shaped builtin `tensor` values of f32, f64, f16, bf16, i8, i32 or i64
    (numbers) or i1 (booleans) and have no side effects. Arithmetic ops take
    numbers; i1 tensors are made by `mlt.cmp` (or `mlt.cast`, nonzero is
    true), combined by `mlt.not`/`and`/`or`/`xor`, consumed by `mlt.select`
    and `mlt.cast` (true is 1), and moved by the data movement ops. A
    dynamic dimension is rejected: dynamic shapes are not supported yet. The planned `--fuse` groups operations into `mlt.fused`
    regions and `--lower-to-loops` lowers every operation to `loop.for` nests.
  }];
}

//===----------------------------------------------------------------------===//
// Types and enums
//===----------------------------------------------------------------------===//

def Mlt_ElementType : AnyTypeOf<[F32, F64, F16, BF16, I8, I32, I64, I1]>;
def Mlt_FloatElementType : AnyTypeOf<[F32, F64, F16, BF16]>;
// Numbers: what arithmetic, contractions and reductions take.
def Mlt_NumericTensor : RankedTensorOf<[F32, F64, F16, BF16, I8, I32, I64]>;
// Any element type: data movement, constant, cast, select, fused groups.
def Mlt_Tensor : RankedTensorOf<[F32, F64, F16, BF16, I8, I32, I64, I1]>;
def Mlt_FloatTensor : RankedTensorOf<[F32, F64, F16, BF16]>;
def Mlt_SignedTensor : RankedTensorOf<[F32, F64, F16, BF16, I8, I32, I64]>;
// Booleans: cmp's result, select's condition, not/and/or/xor.
def Mlt_BoolTensor : RankedTensorOf<[I1]>;
// Indices: gather's operand and argmax/argmin's result.
def Mlt_IndexTensor : RankedTensorOf<[I32, I64]>;

def Mlt_ReduceKind : I32EnumAttr<"ReduceKind", "reduction kind", [
    I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"max", 1>,
    I32EnumAttrCase<"min", 2>, I32EnumAttrCase<"mean", 3>,
    I32EnumAttrCase<"prod", 4>]> {
  let cppNamespace = "::mlopt::mlt";
}

def Mlt_PoolKind : I32EnumAttr<"PoolKind", "pooling kind", [
    I32EnumAttrCase<"max", 0>, I32EnumAttrCase<"avg", 1>]> {
  let cppNamespace = "::mlopt::mlt";
}

def Mlt_CmpPredicate : I32EnumAttr<"CmpPredicate", "comparison predicate", [
    I32EnumAttrCase<"eq", 0>, I32EnumAttrCase<"ne", 1>,
    I32EnumAttrCase<"lt", 2>, I32EnumAttrCase<"le", 3>,
    I32EnumAttrCase<"gt", 4>, I32EnumAttrCase<"ge", 5>]> {
  let cppNamespace = "::mlopt::mlt";
}

def Mlt_Layout : I32EnumAttr<"Layout", "image layout", [
    I32EnumAttrCase<"nchw", 0>, I32EnumAttrCase<"nhwc", 1>]> {
  let cppNamespace = "::mlopt::mlt";
}

// Every mlt op checks that its tensors have static shapes (MltDialect.h).
def Mlt_StaticShapes : NativeOpTrait<"StaticShapes"> {
  let cppNamespace = "::mlopt::mlt";
}

class Mlt_Op<string mnemonic, list<Trait> traits = []>
    : Op<Mlt_Dialect, mnemonic, !listconcat(traits, [Mlt_StaticShapes])>;

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

def Mlt_MatmulOp : Mlt_Op<"matmul", [Pure]> {
  let summary = "matrix product: (M x K) · (K x N) -> (M x N)";
  let description = [{
    `C = A · B`. Float operands give a result of the same element type; i8
    operands accumulate into an i32 result (quantized inference).

    ```mlir
    %c = mlt.matmul %a, %b : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
    ```
  }];
  let arguments = (ins Mlt_NumericTensor:$lhs, Mlt_NumericTensor:$rhs);
  let results = (outs Mlt_NumericTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_BatchMatmulOp : Mlt_Op<"batch_matmul", [Pure]> {
  let summary = "batched matrix product: (B x M x K) · (B x K x N) -> (B x M x N)";
  let description = [{
    One matrix product per batch index; element types as for `mlt.matmul`.

    ```mlir
    %c = mlt.batch_matmul %a, %b : tensor<2x4x8xf32>, tensor<2x8x16xf32> -> tensor<2x4x16xf32>
    ```
  }];
  let arguments = (ins Mlt_NumericTensor:$lhs, Mlt_NumericTensor:$rhs);
  let results = (outs Mlt_NumericTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_Conv2dOp : Mlt_Op<"conv2d", [Pure]> {
  let summary = "2-D convolution (NCHW with OIHW filters, or NHWC with HWIO filters)";
  let description = [{
    Cross-correlation of `input` with `filter`. `padding` is
    `[top, left, bottom, right]`; `groups` splits the channels (the filter
    has `C / groups` input channels). Element types as for `mlt.matmul`.
    Output size per spatial dim: `(in + pad_lo + pad_hi - dilation*(k-1) - 1) / stride + 1`.

    ```mlir
    %y = mlt.conv2d %x, %w layout = nchw strides = [1, 1] padding = [1, 1, 1, 1]
           dilations = [1, 1] groups = 1
           : tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32> -> tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins Mlt_NumericTensor:$input, Mlt_NumericTensor:$filter,
                       Mlt_Layout:$layout, DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$padding, DenseI64ArrayAttr:$dilations,
                       I64Attr:$groups);
  let results = (outs Mlt_NumericTensor:$result);
  let assemblyFormat = [{
    $input `,` $filter `layout` `=` $layout `strides` `=` $strides
    `padding` `=` $padding `dilations` `=` $dilations `groups` `=` $groups
    attr-dict `:` type($input) `,` type($filter) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

// Binary elementwise ops broadcast their operands numpy-style.
class Mlt_BinaryOp<string mnemonic, string what,
                   Type tensorType = Mlt_NumericTensor, string elt = "f32">
    : Mlt_Op<mnemonic, [Pure]> {
  let summary = "elementwise " # what # " with numpy broadcasting";
  let description = [{
    Both operands have the same element type; shapes broadcast from the
    trailing dimension (each pair equal, or one of them 1), and the result
    has the broadcast shape.

    ```mlir
    %z = mlt.}] # mnemonic # [{ %x, %y : tensor<4x1x}] # elt # [{>, tensor<8x}] # elt #
    [{> -> tensor<4x8x}] # elt # [{>
    ```
  }];
  let arguments = (ins tensorType:$lhs, tensorType:$rhs);
  let results = (outs tensorType:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_AddOp : Mlt_BinaryOp<"add", "addition">;
def Mlt_SubOp : Mlt_BinaryOp<"sub", "subtraction">;
def Mlt_MulOp : Mlt_BinaryOp<"mul", "multiplication">;
def Mlt_DivOp : Mlt_BinaryOp<"div", "division (integers round toward zero)">;
def Mlt_MaxOp : Mlt_BinaryOp<"max", "maximum">;
def Mlt_MinOp : Mlt_BinaryOp<"min", "minimum">;
def Mlt_PowOp : Mlt_BinaryOp<"pow", "power (floats only)">;

// Unary elementwise ops keep shape and element type.
class Mlt_UnaryOp<string mnemonic, string what, Type operandType,
                  string elt = "f32">
    : Mlt_Op<mnemonic, [Pure, SameOperandsAndResultType]> {
  let summary = "elementwise " # what;
  let description = [{
    ```mlir
    %y = mlt.}] # mnemonic # [{ %x : tensor<4x8x}] # elt # [{>
    ```
  }];
  let arguments = (ins operandType:$input);
  let results = (outs operandType:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
}

def Mlt_ReluOp : Mlt_UnaryOp<"relu", "max(x, 0)", Mlt_SignedTensor>;
def Mlt_SigmoidOp : Mlt_UnaryOp<"sigmoid", "1 / (1 + exp(-x))", Mlt_FloatTensor>;
def Mlt_TanhOp : Mlt_UnaryOp<"tanh", "hyperbolic tangent", Mlt_FloatTensor>;
def Mlt_GeluOp : Mlt_UnaryOp<"gelu", "x * Φ(x), the exact (erf) GELU", Mlt_FloatTensor>;
def Mlt_ExpOp : Mlt_UnaryOp<"exp", "e^x", Mlt_FloatTensor>;
def Mlt_LogOp : Mlt_UnaryOp<"log", "natural logarithm", Mlt_FloatTensor>;
def Mlt_SqrtOp : Mlt_UnaryOp<"sqrt", "square root", Mlt_FloatTensor>;
def Mlt_RsqrtOp : Mlt_UnaryOp<"rsqrt", "1 / sqrt(x)", Mlt_FloatTensor>;
def Mlt_NegOp : Mlt_UnaryOp<"neg", "negation", Mlt_SignedTensor>;
def Mlt_AbsOp : Mlt_UnaryOp<"abs", "absolute value", Mlt_SignedTensor>;
def Mlt_ErfOp : Mlt_UnaryOp<"erf", "error function erf(x)", Mlt_FloatTensor>;

def Mlt_LeakyReluOp : Mlt_Op<"leaky_relu", [Pure, SameOperandsAndResultType]> {
  let summary = "elementwise x if x >= 0, else alpha * x";
  let description = [{
    `alpha` is given as f64 and rounded to the element type. NaN stays NaN
    and -0 stays -0 (it is >= 0).

    ```mlir
    %y = mlt.leaky_relu %x alpha = 0.01 : tensor<4x8xf32>
    ```
  }];
  let arguments = (ins Mlt_FloatTensor:$input, F64Attr:$alpha);
  let results = (outs Mlt_FloatTensor:$result);
  let assemblyFormat = "$input `alpha` `=` $alpha attr-dict `:` type($result)";
}

def Mlt_ClampOp : Mlt_Op<"clamp", [Pure, SameOperandsAndResultType]> {
  let summary = "elementwise min(max(x, min), max)";
  let description = [{
    Bounds are given as f64 and converted to the element type.

    ```mlir
    %y = mlt.clamp %x min = 0.0 max = 6.0 : tensor<4x8xf32>
    ```
  }];
  let arguments = (ins Mlt_NumericTensor:$input, F64Attr:$min, F64Attr:$max);
  let results = (outs Mlt_NumericTensor:$result);
  let assemblyFormat = [{
    $input `min` `=` $min `max` `=` $max attr-dict `:` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_CastOp : Mlt_Op<"cast", [Pure]> {
  let summary = "elementwise element-type conversion";
  let description = [{
    Same shape, any supported element types. Float to integer rounds toward
    zero and saturates; integer narrowing wraps. To i1: nonzero (NaN
    included) is true; from i1: true is 1.

    ```mlir
    %y = mlt.cast %x : tensor<4x8xf32> -> tensor<4x8xi32>
    ```
  }];
  let arguments = (ins Mlt_Tensor:$input);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Quantization (int8, per-tensor scale and zero point)
//===----------------------------------------------------------------------===//

def Mlt_QuantizeOp : Mlt_Op<"quantize", [Pure]> {
  let summary = "elementwise float -> i8 (ONNX QuantizeLinear, per tensor)";
  let description = [{
    `q = clamp(round_half_even(x / scale) + zero_point, -128, 127)`,
    computed exactly as: `r = roundeven(x / scale)` with one IEEE f32
    division (never a multiply by `1 / scale`), `r` clamped to
    `[-128 - zero_point, 127 - zero_point]` in f32 (so ±inf saturate), then
    converted to an integer and `zero_point` added. NaN gives
    `zero_point`. f16 and bf16 inputs are widened to f32 first (exactly);
    f64 inputs are rounded to f32 first (to nearest even), then divided in
    f32. `scale` is a finite f32 > 0, `zero_point` an i32 in [-128, 127];
    same shape in and out.

    ```mlir
    %q = mlt.quantize %x {scale = 0.05 : f32, zero_point = 3 : i32} : tensor<4x8xf32> -> tensor<4x8xi8>
    ```
  }];
  let arguments = (ins Mlt_FloatTensor:$input, F32Attr:$scale,
                       I32Attr:$zero_point);
  let results = (outs RankedTensorOf<[I8]>:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def Mlt_DequantizeOp : Mlt_Op<"dequantize", [Pure]> {
  let summary = "elementwise i8 or i32 -> f32 (ONNX DequantizeLinear, per tensor)";
  let description = [{
    `y = (float)(q - zero_point) * scale`: the difference is exact (i32
    for i8 input, i64 for i32 input), converted to f32 (rounded to nearest
    even; exact unless |q - zero_point| > 2^24), then one f32 multiply
    (never fused into an FMA with a following add). `scale` is a finite
    f32 > 0; `zero_point` is an i32, in [-128, 127] for i8 input (any i32
    for i32 input, e.g. a matmul accumulator). Same shape in and out.

    ```mlir
    %y = mlt.dequantize %q {scale = 0.05 : f32, zero_point = 3 : i32} : tensor<4x8xi8> -> tensor<4x8xf32>
    %z = mlt.dequantize %acc {scale = 0.0025 : f32, zero_point = 0 : i32} : tensor<4x8xi32> -> tensor<4x8xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[I8, I32]>:$input, F32Attr:$scale,
                       I32Attr:$zero_point);
  let results = (outs RankedTensorOf<[F32]>:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Comparison, selection and logic (i1 tensors)
//===----------------------------------------------------------------------===//

def Mlt_CmpOp : Mlt_Op<"cmp", [Pure]> {
  let summary = "elementwise comparison with numpy broadcasting, giving i1";
  let description = [{
    `lhs <predicate> rhs` per element: `eq`, `ne`, `lt`, `le`, `gt` or `ge`.
    Both operands have the same (non-i1) element type; shapes broadcast as
    for the binary ops, and the result is an i1 tensor of the broadcast
    shape. Float compares are ordered: a NaN operand makes every predicate
    false except `ne`, which is true (as NumPy and ONNX). Integers compare
    signed; -0.0 equals +0.0.

    ```mlir
    %m = mlt.cmp lt %x, %y : tensor<4x1xf32>, tensor<8xf32> -> tensor<4x8xi1>
    ```
  }];
  let arguments = (ins Mlt_CmpPredicate:$predicate, Mlt_NumericTensor:$lhs,
                       Mlt_NumericTensor:$rhs);
  let results = (outs Mlt_BoolTensor:$result);
  let assemblyFormat = [{
    $predicate $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->`
    type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_SelectOp : Mlt_Op<"select", [Pure]> {
  let summary = "elementwise `cond ? x : y` with numpy broadcasting (ONNX Where)";
  let description = [{
    `cond` is an i1 tensor; `x`, `y` and the result share one element type
    (any, i1 included). The three shapes broadcast together from the
    trailing dimension, and the result has the broadcast shape.

    ```mlir
    %z = mlt.select %c, %x, %y : tensor<4x8xi1>, tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
    ```
  }];
  let arguments = (ins Mlt_BoolTensor:$cond, Mlt_Tensor:$x, Mlt_Tensor:$y);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = [{
    $cond `,` $x `,` $y attr-dict `:` type($cond) `,` type($x) `,` type($y)
    `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_NotOp : Mlt_UnaryOp<"not", "logical not (i1)", Mlt_BoolTensor, "i1">;
def Mlt_AndOp : Mlt_BinaryOp<"and", "logical and (i1)", Mlt_BoolTensor, "i1">;
def Mlt_OrOp : Mlt_BinaryOp<"or", "logical or (i1)", Mlt_BoolTensor, "i1">;
def Mlt_XorOp : Mlt_BinaryOp<"xor", "logical xor (i1)", Mlt_BoolTensor, "i1">;

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

def Mlt_SoftmaxOp : Mlt_Op<"softmax", [Pure, SameOperandsAndResultType]> {
  let summary = "softmax along one axis";
  let description = [{
    `exp(x - max) / sum(exp(x - max))` along `axis` (negative counts from
    the end).

    ```mlir
    %y = mlt.softmax %x axis = 1 : tensor<4x8xf32>
    ```
  }];
  let arguments = (ins Mlt_FloatTensor:$input, I64Attr:$axis);
  let results = (outs Mlt_FloatTensor:$result);
  let assemblyFormat = "$input `axis` `=` $axis attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Mlt_ReduceOp : Mlt_Op<"reduce", [Pure]> {
  let summary = "sum, max, min, mean or prod over axes";
  let description = [{
    Reduces `axes` (distinct, negative counts from the end). With `keepdims`
    the reduced dims stay as size 1; without, they are removed. `mean` needs
    a float element type.

    ```mlir
    %s = mlt.reduce sum %x axes = [1] keepdims : tensor<4x8xf32> -> tensor<4x1xf32>
    %m = mlt.reduce max %x axes = [0, 1] : tensor<4x8xf32> -> tensor<f32>
    ```
  }];
  let arguments = (ins Mlt_ReduceKind:$kind, Mlt_NumericTensor:$input,
                       DenseI64ArrayAttr:$axes, UnitAttr:$keepdims);
  let results = (outs Mlt_NumericTensor:$result);
  let assemblyFormat = [{
    $kind $input `axes` `=` $axes (`keepdims` $keepdims^)? attr-dict `:`
    type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_Pool2dOp : Mlt_Op<"pool2d", [Pure]> {
  let summary = "2-D max or average pooling";
  let description = [{
    `padding` is `[top, left, bottom, right]`; padded elements are ignored
    by `max` and not counted by `avg` (count_include_pad = false). `avg`
    needs a float element type.

    ```mlir
    %y = mlt.pool2d max %x layout = nchw kernel = [2, 2] strides = [2, 2]
           padding = [0, 0, 0, 0] : tensor<1x16x8x8xf32> -> tensor<1x16x4x4xf32>
    ```
  }];
  let arguments = (ins Mlt_PoolKind:$kind, Mlt_NumericTensor:$input,
                       Mlt_Layout:$layout, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$padding);
  let results = (outs Mlt_NumericTensor:$result);
  let assemblyFormat = [{
    $kind $input `layout` `=` $layout `kernel` `=` $kernel `strides` `=`
    $strides `padding` `=` $padding attr-dict `:` type($input) `->`
    type($result)
  }];
  let hasVerifier = 1;
}

// argmax and argmin: the same operands, attributes and rules.
class Mlt_ArgReduceOp<string mnemonic, string what>
    : Mlt_Op<mnemonic, [Pure]> {
  let summary = "index of the " # what # " along one axis";
  let description = [{
    The position along `axis` (negative counts from the end; its size must
    be at least 1) of the }] # what # [{ element, as i64 or i32. With
    `keepdims` the axis stays as size 1; without, it is removed. On ties the
    first position wins, or the last with `select_last` (ONNX
    `select_last_index`). A NaN counts as the }] # what # [{ (as in
    NumPy): the first NaN wins, or the last NaN with `select_last`.

    ```mlir
    %i = mlt.}] # mnemonic # [{ %x axis = 1 keepdims : tensor<3x4xf32> -> tensor<3x1xi64>
    %j = mlt.}] # mnemonic # [{ %x axis = 0 select_last : tensor<3x4xf32> -> tensor<4xi32>
    ```
  }];
  let arguments = (ins Mlt_NumericTensor:$input, I64Attr:$axis,
                       UnitAttr:$keepdims, UnitAttr:$select_last);
  let results = (outs Mlt_IndexTensor:$result);
  let assemblyFormat = [{
    $input `axis` `=` $axis (`keepdims` $keepdims^)?
    (`select_last` $select_last^)? attr-dict `:` type($input) `->`
    type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_ArgmaxOp : Mlt_ArgReduceOp<"argmax", "maximum">;
def Mlt_ArgminOp : Mlt_ArgReduceOp<"argmin", "minimum">;

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def Mlt_TransposeOp : Mlt_Op<"transpose", [Pure]> {
  let summary = "permutes dimensions: result dim i is input dim perm[i]";
  let description = [{
    ```mlir
    %y = mlt.transpose %x perm = [1, 0] : tensor<4x8xf32> -> tensor<8x4xf32>
    ```
  }];
  let arguments = (ins Mlt_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = [{
    $input `perm` `=` $perm attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_ReshapeOp : Mlt_Op<"reshape", [Pure]> {
  let summary = "same elements in row-major order, new shape";
  let description = [{
    ```mlir
    %y = mlt.reshape %x : tensor<4x8xf32> -> tensor<2x16xf32>
    ```
  }];
  let arguments = (ins Mlt_Tensor:$input);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def Mlt_BroadcastOp : Mlt_Op<"broadcast", [Pure]> {
  let summary = "numpy-style broadcast to the result shape";
  let description = [{
    ```mlir
    %y = mlt.broadcast %x : tensor<1x8xf32> -> tensor<4x8xf32>
    ```
  }];
  let arguments = (ins Mlt_Tensor:$input);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def Mlt_ConcatOp : Mlt_Op<"concat", [Pure]> {
  let summary = "joins tensors along an axis";
  let description = [{
    All inputs have the result's rank and element type and agree on every
    dimension except `axis`, whose sizes add up.

    ```mlir
    %y = mlt.concat %a, %b axis = 0 : tensor<2x8xf32>, tensor<3x8xf32> -> tensor<5x8xf32>
    ```
  }];
  let arguments = (ins Variadic<Mlt_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = [{
    $inputs `axis` `=` $axis attr-dict `:` type($inputs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_SliceOp : Mlt_Op<"slice", [Pure]> {
  let summary = "strided window: result[j] = input[offsets + j * strides]";
  let description = [{
    One offset and one nonzero stride per dim; a negative stride walks the
    input backwards. Result dim `i` has the result type's size `n_i` and
    reads input positions `offsets[i] + j * strides[i]` for `j` in
    `[0, n_i)`, all of which must lie inside the input (checked when
    `n_i > 0`; `n_i = 0` gives an empty dim). Same rank and element type as
    the input.

    ```mlir
    %y = mlt.slice %x offsets = [1, 7] strides = [2, -3] : tensor<5x8xf32> -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Mlt_Tensor:$input, DenseI64ArrayAttr:$offsets,
                       DenseI64ArrayAttr:$strides);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = [{
    $input `offsets` `=` $offsets `strides` `=` $strides attr-dict `:`
    type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_GatherOp : Mlt_Op<"gather", [Pure]> {
  let summary = "picks slices along an axis by index (ONNX Gather)";
  let description = [{
    `result[p..., q..., s...] = input[p..., indices[q...], s...]` where
    `p` runs over the dims before `axis` and `s` over those after it: the
    result shape is `input.shape[:axis] + indices.shape +
    input.shape[axis+1:]`. `axis` is in `[0, rank)` (no negative axes).
    Indices are i32 or i64; a negative index counts from the end
    (`i + dim`), and an index still outside `[0, dim)` is clamped into it
    (never read out of bounds), so the axis must not be empty unless
    `indices` is.

    ```mlir
    %y = mlt.gather %x, %idx axis = 0 : tensor<5x4xf32>, tensor<3xi64> -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Mlt_Tensor:$input, Mlt_IndexTensor:$indices,
                       I64Attr:$axis);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = [{
    $input `,` $indices `axis` `=` $axis attr-dict `:` type($input) `,`
    type($indices) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Mlt_ConstantOp : Mlt_Op<"constant",
    [Pure, ConstantLike, AllTypesMatch<["value", "result"]>]> {
  let summary = "a tensor of dense elements";
  let description = [{
    ```mlir
    %w = mlt.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Mlt_Tensor:$result);
  let assemblyFormat = "$value attr-dict";
}

//===----------------------------------------------------------------------===//
// Fusion groups
//===----------------------------------------------------------------------===//

def Mlt_FusedOp : Mlt_Op<"fused", [IsolatedFromAbove, SingleBlock,
    RecursiveMemoryEffects]> {
  let summary = "a group of mlt ops compiled as one loop nest";
  let description = [{
    Produced by `--fuse` (planned). The body's arguments are the group's inputs, in
    order and of the same types; `mlt.yield` gives the group's results.

    ```mlir
    %y = mlt.fused (%a, %b) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32> {
    ^bb0(%x: tensor<4x8xf32>, %bias: tensor<8xf32>):
      %s = mlt.add %x, %bias : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
      %r = mlt.relu %s : tensor<4x8xf32>
      mlt.yield %r : tensor<4x8xf32>
    }
    ```
  }];
  let arguments = (ins Variadic<Mlt_Tensor>:$inputs);
  let results = (outs Variadic<Mlt_Tensor>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $inputs `)` attr-dict `:` functional-type($inputs, $results) $body
  }];
  let hasVerifier = 1;
}

def Mlt_YieldOp : Mlt_Op<"yield", [Pure, Terminator, HasParent<"FusedOp">]> {
  let summary = "returns the results of an mlt.fused group";
  let arguments = (ins Variadic<Mlt_Tensor>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

#endif // MLT_OPS
