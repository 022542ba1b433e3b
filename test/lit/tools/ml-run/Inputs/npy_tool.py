"""npy_tool.py: makes and checks .npy files for ml-run's tests.

  make OUT DTYPE SHAPE [--seed S] [--value V] [--arange START,STEP]
       [--version 1|2|3] [--fortran] [--big-endian] [--truncate N]
      SHAPE is 4x8, 7 or 'scalar'; values are uniform in [-1, 1) for floats
      and [-8, 8) for integers unless --value gives one for all or --arange
      counts up in C order. DTYPE bool is NumPy's bool (random: half true);
      bf16 is uint16 holding the bit patterns of bf16 values in [-1, 1).
  header OUT TEXT NBYTES       a version 1.0 file with header TEXT and NBYTES
                               of zero data (for malformed headers)
  expect OUT EXPR [NAME=FILE ...] [--rtol R] [--atol A]
      OUT must have the shape and dtype of EXPR (numpy, over the named
      arrays) and equal values: exactly, or within the tolerances. EXPR may
      call from_bf16(bits) -> float32 and to_bf16(float32) -> bits (round
      to nearest even).
  same A B / differ A B        identical (or different) shape, dtype, values
  range FILE LO HI             every value in [LO, HI), and not all equal
"""
import sys

import numpy as np

DTYPES = {"f16": np.float16, "f32": np.float32, "f64": np.float64,
          "i8": np.int8, "i32": np.int32, "i64": np.int64, "bool": np.bool_,
          "bf16": np.uint16}


def from_bf16(bits):
    """float32 values of bf16 bit patterns (uint16)."""
    return (np.asarray(bits, np.uint32) << 16).view(np.float32)


def to_bf16(x):
    """bf16 bit patterns of float32 values, rounded to nearest even."""
    u = np.asarray(x, np.float32).view(np.uint32).astype(np.int64)
    r = (u + ((u >> 16) & 1) + 0x7FFF) >> 16
    return r.astype(np.uint16)


def fail(msg):
    sys.exit("npy_tool: " + msg)


def make(args):
    out, dtype, shape = args[0], DTYPES[args[1]], args[2]
    flags = set(a for a in args[3:] if a in ("--fortran", "--big-endian"))
    opts = {}
    rest = [a for a in args[3:] if a not in flags]
    for k, v in zip(rest[::2], rest[1::2]):
        opts[k] = v
    dims = () if shape == "scalar" else tuple(int(d) for d in shape.split("x"))
    rng = np.random.default_rng(int(opts.get("--seed", 0)))
    if "--value" in opts:
        arr = np.full(dims, float(opts["--value"])).astype(dtype)
    elif "--arange" in opts:  # start, start + step, ... in C order
        start, step = (float(v) for v in opts["--arange"].split(","))
        arr = (start + step * np.arange(int(np.prod(dims)))).reshape(dims)
        arr = arr.astype(dtype)
    elif args[1] == "bf16":
        arr = to_bf16(rng.uniform(-1, 1, dims).astype(np.float32))
    elif dtype == np.bool_:
        arr = rng.integers(0, 2, dims).astype(dtype)
    elif np.issubdtype(dtype, np.floating):
        arr = rng.uniform(-1, 1, dims).astype(dtype)
    else:
        arr = rng.integers(-8, 8, dims).astype(dtype)
    if "--fortran" in flags:
        arr = np.asfortranarray(arr)
    if "--big-endian" in flags:
        arr = arr.astype(arr.dtype.newbyteorder(">"))
    version = int(opts.get("--version", 1))
    with open(out, "wb") as f:
        np.lib.format.write_array(f, arr, version=(version, 0))
    if "--truncate" in opts:
        with open(out, "r+b") as f:
            f.seek(0, 2)
            f.truncate(f.tell() - int(opts["--truncate"]))


def header(args):
    out, text, nbytes = args[0], args[1].encode(), int(args[2])
    text += b" " * ((64 - (10 + len(text) + 1) % 64) % 64) + b"\n"
    with open(out, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + len(text).to_bytes(2, "little") + text +
                b"\0" * nbytes)


def expect(args):
    out, expr = args[0], args[1]
    names = {"np": np, "from_bf16": from_bf16, "to_bf16": to_bf16}
    rtol, atol, i = None, 0.0, 2
    while i < len(args):
        if args[i] in ("--rtol", "--atol"):
            if args[i] == "--rtol":
                rtol = float(args[i + 1])
            else:
                atol = float(args[i + 1])
            i += 2
            continue
        name, path = args[i].split("=", 1)
        names[name] = np.load(path)
        i += 1
    want = np.asarray(eval(expr, names))
    got = np.load(out)
    if got.shape != want.shape or got.dtype != want.dtype:
        fail("%s is %s %s, expected %s %s" % (out, got.shape, got.dtype,
                                             want.shape, want.dtype))
    ok = (np.array_equal(got, want) if rtol is None and atol == 0 else
          np.allclose(got, want, rtol=rtol or 0.0, atol=atol))
    if not ok:
        fail("%s differs from %s:\n%s\nexpected\n%s" % (out, expr, got, want))


def same(args, want_same):
    a, b = np.load(args[0]), np.load(args[1])
    equal = (a.shape == b.shape and a.dtype == b.dtype and
             a.tobytes() == b.tobytes())
    if equal != want_same:
        fail("%s and %s are %s" % (args[0], args[1],
                                  "equal" if equal else "different"))


def value_range(args):
    a, lo, hi = np.load(args[0]), float(args[1]), float(args[2])
    if not ((a >= lo).all() and (a < hi).all()):
        fail("%s has values outside [%g, %g): %s" % (args[0], lo, hi, a))
    if a.size > 1 and (a == a.flat[0]).all():
        fail("%s has all values equal" % args[0])


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "make":
        make(args)
    elif cmd == "header":
        header(args)
    elif cmd == "expect":
        expect(args)
    elif cmd in ("same", "differ"):
        same(args, cmd == "same")
    elif cmd == "range":
        value_range(args)
    else:
        fail("unknown command " + cmd)


main()
