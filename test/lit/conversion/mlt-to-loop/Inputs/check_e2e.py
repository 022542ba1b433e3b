"""Reads printMemrefF32 output of e2e.test and compares each printed memref
with NumPy's result for the same op on the same inputs (exact: all values
are small integers, so f32 arithmetic is exact)."""
import re
import sys

import numpy as np


def fill(shape):
    n = int(np.prod(shape))
    i = np.arange(n)
    return (((7 * i + 3) % 11) - 5).astype(np.float32).reshape(shape)


x, w, b = fill((3, 5)), fill((5, 7)), fill((7,))
p, q = fill((2, 3, 5)), fill((2, 5, 1))
a = np.abs(-x)
expected = [
    np.maximum(x @ w + b, 0),
    x.T,
    x.reshape(15),
    p @ q,
    np.broadcast_to(b, (3, 7)),
    np.minimum(np.maximum(np.clip(a * x - x, -4, 9), x), a),
]
text = sys.stdin.read()
blocks = re.split(r"Unranked Memref base@", text)[1:]
if len(blocks) != len(expected):
    sys.exit("expected %d printed memrefs, got %d" % (len(expected), len(blocks)))
for k, (blk, exp) in enumerate(zip(blocks, expected)):
    sizes = [int(s) for s in re.search(r"sizes = \[([^\]]*)\]", blk).group(1).split(",") if s.strip()]
    data = blk.split("data =", 1)[1]
    vals = np.array([float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", data)],
                    dtype=np.float32)
    if tuple(sizes) != exp.shape:
        sys.exit("output #%d: shape %s, expected %s" % (k, sizes, exp.shape))
    got = vals.reshape(exp.shape)
    if not np.array_equal(got, exp):
        sys.exit("output #%d differs:\ngot\n%s\nexpected\n%s" % (k, got, exp))
    print("output #%d ok %s" % (k, "x".join(map(str, exp.shape))))
