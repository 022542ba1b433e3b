"""bool (i1), bf16 and f64 through the Python bindings: mlt.cmp, mlt.select,
mlt.not/and/or/xor and casts against NumPy on balanced random bools, with
shapes of 1, primes and non-multiples of 32, at -O2 and at the plain
pipeline; NaN compares; bf16 as uint16 bit patterns in and out; f64
kernels; and the errors a wrong dtype gets."""
import numpy as np
import pytest

import mlopt
from conftest import PIPELINES, assert_close

SHAPES = [(1, 1), (7, 13), (19, 37), (33, 65)]
PREDICATES = {"eq": np.equal, "ne": np.not_equal, "lt": np.less,
              "le": np.less_equal, "gt": np.greater, "ge": np.greater_equal}


def to_bf16(a):
    """float32 values -> bf16 bit patterns, rounded to nearest even."""
    u = np.asarray(a, np.float32).view(np.uint32).astype(np.int64)
    return ((u + ((u >> 16) & 1) + 0x7FFF) >> 16).astype(np.uint16)


def from_bf16(b):
    """bf16 bit patterns -> float32 (exact)."""
    return (np.asarray(b, np.uint16).astype(np.uint32) << 16).view(np.float32)


def _kernels():
    """Per shape MxN: every compare of an MxN against an N row (f32 and
    i32), select with a column condition, the logic ops, casts."""
    out = []
    for m, n in SHAPES:
        s = f"{m}x{n}"
        f, i, b = f"tensor<{s}xf32>", f"tensor<{s}xi32>", f"tensor<{s}xi1>"
        rf, ri, rb = (f"tensor<{n}xf32>", f"tensor<{n}xi32>",
                      f"tensor<{n}xi1>")
        cmps = "\n".join(
            f"  %{p} = mlt.cmp {p} %x, %y : {f}, {rf} -> {b}\n"
            f"  %{p}i = mlt.cmp {p} %i, %j : {i}, {ri} -> {b}"
            for p in PREDICATES)
        names = ", ".join(f"%{p}, %{p}i" for p in PREDICATES)
        out.append(f"""
func.func @cmp_{s}(%x: {f}, %y: {rf}, %i: {i}, %j: {ri}) -> ({", ".join([b] * 12)}) {{
{cmps}
  return {names} : {", ".join([b] * 12)}
}}
func.func @select_{s}(%c: tensor<{m}x1xi1>, %x: {f}, %y: {rf}, %p: {b}, %q: {rb}) -> ({f}, {b}) {{
  %0 = mlt.select %c, %x, %y : tensor<{m}x1xi1>, {f}, {rf} -> {f}
  %1 = mlt.select %c, %p, %q : tensor<{m}x1xi1>, {b}, {rb} -> {b}
  return %0, %1 : {f}, {b}
}}
func.func @logic_{s}(%a: {b}, %r: {rb}) -> ({b}, {b}, {b}, {b}) {{
  %0 = mlt.not %a : {b}
  %1 = mlt.and %a, %r : {b}, {rb} -> {b}
  %2 = mlt.or %r, %a : {rb}, {b} -> {b}
  %3 = mlt.xor %a, %r : {b}, {rb} -> {b}
  return %0, %1, %2, %3 : {b}, {b}, {b}, {b}
}}
func.func @cast_{s}(%x: {f}, %i: {i}, %a: {b}) -> ({b}, {b}, {f}, {i}, tensor<{s}xf64>) {{
  %0 = mlt.cast %x : {f} -> {b}
  %1 = mlt.cast %i : {i} -> {b}
  %2 = mlt.cast %a : {b} -> {f}
  %3 = mlt.cast %a : {b} -> {i}
  %4 = mlt.cast %a : {b} -> tensor<{s}xf64>
  return %0, %1, %2, %3, %4 : {b}, {b}, {f}, {i}, tensor<{s}xf64>
}}
func.func @f64_{s}(%x: tensor<{s}xf64>, %w: tensor<{n}x{m}xf64>, %y: tensor<{n}xf64>) -> (tensor<{s}xf64>, tensor<{m}x{m}xf64>, tensor<{s}xf64>) {{
  %e = mlt.exp %x : tensor<{s}xf64>
  %d = mlt.div %e, %y : tensor<{s}xf64>, tensor<{n}xf64> -> tensor<{s}xf64>
  %g = mlt.gelu %d : tensor<{s}xf64>
  %mm = mlt.matmul %x, %w : tensor<{s}xf64>, tensor<{n}x{m}xf64> -> tensor<{m}x{m}xf64>
  %sm = mlt.softmax %x axis = 1 : tensor<{s}xf64>
  return %g, %mm, %sm : tensor<{s}xf64>, tensor<{m}x{m}xf64>, tensor<{s}xf64>
}}""")
    return "\n".join(out)


@pytest.fixture(scope="module", params=sorted(PIPELINES))
def exe(request):
    return mlopt.Module.parse(_kernels(), name="bool.mlir").compile(
        pipeline=PIPELINES[request.param])


def _bools(rng, shape):
    return rng.integers(0, 2, shape).astype(np.bool_)


@pytest.mark.parametrize("m,n", SHAPES)
def test_cmp(m, n, exe, rng):
    x = rng.uniform(-1, 1, (m, n)).astype(np.float32)
    y = rng.uniform(-1, 1, n).astype(np.float32)
    x[:, ::3] = y[::3]  # ties, so eq / le / ge are not trivially false
    i = rng.integers(-8, 8, (m, n)).astype(np.int32)
    j = rng.integers(-8, 8, n).astype(np.int32)
    got = exe["cmp_%dx%d" % (m, n)](x, y, i, j)
    want = [w for f in PREDICATES.values() for w in (f(x, y), f(i, j))]
    for g, w in zip(got, want):
        assert g.dtype == np.bool_ and np.array_equal(g, w)


@pytest.mark.parametrize("m,n", SHAPES)
def test_select_and_logic(m, n, exe, rng):
    c = _bools(rng, (m, 1))
    x = rng.uniform(-1, 1, (m, n)).astype(np.float32)
    y = rng.uniform(-1, 1, n).astype(np.float32)
    p, q = _bools(rng, (m, n)), _bools(rng, n)
    s, t = exe["select_%dx%d" % (m, n)](c, x, y, p, q)
    assert np.array_equal(s, np.where(c, x, y))
    assert t.dtype == np.bool_ and np.array_equal(t, np.where(c, p, q))
    got = exe["logic_%dx%d" % (m, n)](p, q)
    for g, w in zip(got, (~p, p & q, q | p, p ^ q)):
        assert g.dtype == np.bool_ and np.array_equal(g, w)


@pytest.mark.parametrize("m,n", SHAPES)
def test_casts(m, n, exe, rng):
    x = rng.uniform(-1, 1, (m, n)).astype(np.float32)
    x.flat[::2] = 0.0
    x.flat[1::5] = -0.0
    i = rng.integers(-2, 2, (m, n)).astype(np.int32)
    a = _bools(rng, (m, n))
    got = exe["cast_%dx%d" % (m, n)](x, i, a)
    want = (x.astype(bool), i.astype(bool), a.astype(np.float32),
            a.astype(np.int32), a.astype(np.float64))
    for g, w in zip(got, want):
        assert g.dtype == w.dtype and np.array_equal(g, w)


@pytest.mark.parametrize("m,n", SHAPES)
def test_f64_kernels(m, n, exe, rng):
    x = rng.uniform(-1, 1, (m, n))
    w = rng.uniform(-1, 1, (n, m))
    y = rng.uniform(0.5, 2, n)
    g, mm, sm = exe["f64_%dx%d" % (m, n)](x, w, y)
    d = np.exp(x) / y
    from conftest import erf
    assert_close(g, d * 0.5 * (1 + erf(d / np.sqrt(2))), rtol=1e-12,
                 atol=1e-14)
    assert_close(mm, x @ w, rtol=1e-12, atol=1e-13)
    e = np.exp(x - x.max(1, keepdims=True))
    assert_close(sm, e / e.sum(1, keepdims=True), rtol=1e-12, atol=1e-15)


def test_nan_compares(ctx):
    """NaN: every predicate false but ne; -0 == +0; as NumPy."""
    text = "\n".join(f"""
func.func @{p}(%a: tensor<6xf32>, %b: tensor<6xf32>) -> tensor<6xi1> {{
  %0 = mlt.cmp {p} %a, %b : tensor<6xf32>, tensor<6xf32> -> tensor<6xi1>
  return %0 : tensor<6xi1>
}}""" for p in PREDICATES)
    exe = mlopt.Module.parse(text, context=ctx).compile()
    a = np.array([np.nan, 1, np.nan, -0.0, np.inf, 2], np.float32)
    b = np.array([np.nan, np.nan, 1, 0.0, np.inf, -np.inf], np.float32)
    with np.errstate(invalid="ignore"):
        for p, f in PREDICATES.items():
            assert np.array_equal(exe[p](a, b), f(a, b)), p


def test_bf16_bits_in_and_out(ctx):
    exe = mlopt.Module.parse("""
func.func @axpb(%x: tensor<5x7xbf16>, %b: tensor<7xbf16>) -> (tensor<5x7xbf16>, tensor<5x7xf32>) {
  %s = mlt.add %x, %b : tensor<5x7xbf16>, tensor<7xbf16> -> tensor<5x7xbf16>
  %f = mlt.cast %x : tensor<5x7xbf16> -> tensor<5x7xf32>
  return %s, %f : tensor<5x7xbf16>, tensor<5x7xf32>
}""", context=ctx).compile()
    assert [s.is_bf16 for s in exe.axpb.inputs] == [True, True]
    assert [s.dtype for s in exe.axpb.outputs] == [np.uint16, np.float32]
    rng = np.random.default_rng(7)
    x = to_bf16(rng.uniform(-1, 1, (5, 7)))
    b = to_bf16(rng.uniform(-1, 1, 7))
    s, f = exe.axpb(x, b)
    assert s.dtype == np.uint16
    assert np.array_equal(s, to_bf16(from_bf16(x) + from_bf16(b)))
    assert np.array_equal(f, from_bf16(x))


def test_bool_and_bf16_scalars(ctx):
    exe = mlopt.Module.parse("""
func.func @f(%flag: i1, %x: bf16) -> i1 {
  %z = arith.constant 0.0 : bf16
  %pos = arith.cmpf ogt, %x, %z : bf16
  %r = arith.andi %flag, %pos : i1
  return %r : i1
}""", context=ctx).compile(pipeline="--lower-to-llvm")
    one, minus_one = int(to_bf16(1.0)), int(to_bf16(-1.0))
    assert exe.f(True, one) is np.True_
    assert exe.f(np.bool_(True), np.uint16(minus_one)) is np.False_
    assert exe.f(False, one) is np.False_
    with pytest.raises(TypeError, match=r"argument #0 of @f .* must be a "
                       r"bool, not int"):
        exe.f(1, one)
    with pytest.raises(TypeError, match=r"argument #1 of @f .* must be a "
                       r"bf16 bit pattern \(an int\), not float"):
        exe.f(True, 1.0)
    with pytest.raises(OverflowError, match="70000 is out of range"):
        exe.f(True, 70000)


def test_wrong_dtypes_say_what_to_pass(ctx):
    exe = mlopt.Module.parse("""
func.func @g(%m: tensor<3xi1>, %x: tensor<3xbf16>) -> tensor<3xbf16> {
  %0 = mlt.select %m, %x, %x : tensor<3xi1>, tensor<3xbf16>, tensor<3xbf16> -> tensor<3xbf16>
  return %0 : tensor<3xbf16>
}""", context=ctx).compile()
    m = np.array([True, False, True])
    x = to_bf16([1, 2, 3])
    assert np.array_equal(exe.g(m, x), x)
    with pytest.raises(TypeError, match=r"argument #0 of @g \(tensor<3xi1>: "
                       r"shape \(3,\), dtype bool\) got dtype int8; convert "
                       r"it with .astype\(np.bool_\)"):
        exe.g(m.astype(np.int8), x)
    with pytest.raises(TypeError, match=r"argument #1 of @g \(tensor<3xbf16>:"
                       r" shape \(3,\), dtype uint16 holding bf16 bits\) got "
                       r"dtype float32; NumPy has no bf16, so pass the bit "
                       r"patterns as uint16"):
        exe.g(m, from_bf16(x))
