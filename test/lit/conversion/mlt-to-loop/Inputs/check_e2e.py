"""Reads printMemrefF32 output of e2e.test / e2e-reductions.test (argv[1]:
"kernel" or "reductions") and compares each printed memref with NumPy's
result for the same op on the same inputs: exactly where all values are
small integers (f32 arithmetic is then exact), with rtol 1e-5 / atol 1e-6
for softmax and average pooling."""
import re
import sys

import numpy as np


def fill(shape):
    n = int(np.prod(shape))
    i = np.arange(n)
    return (((7 * i + 3) % 11) - 5).astype(np.float32).reshape(shape)


def pool(img, k, s, pad, avg):
    n, c, h, w = img.shape
    oh = (h + 2 * pad - k) // s + 1
    ow = (w + 2 * pad - k) // s + 1
    out = np.zeros((n, c, oh, ow), np.float64)
    for i in range(oh):
        for j in range(ow):
            h0, w0 = i * s - pad, j * s - pad
            win = img[:, :, max(h0, 0):min(h0 + k, h), max(w0, 0):min(w0 + k, w)]
            out[:, :, i, j] = win.mean(axis=(2, 3)) if avg else win.max(axis=(2, 3))
    return out.astype(np.float32)


def conv(x, w, stride, pad, dil, groups, nhwc):
    """Direct convolution; pad = (top, left, bottom, right)."""
    if nhwc:
        x, w = x.transpose(0, 3, 1, 2), w.transpose(3, 2, 0, 1)
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    xp = np.zeros((n, c, h + pad[0] + pad[2], wd + pad[1] + pad[3]), np.float64)
    xp[:, :, pad[0]:pad[0] + h, pad[1]:pad[1] + wd] = x
    oh = (xp.shape[2] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (xp.shape[3] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    out = np.zeros((n, o, oh, ow), np.float64)
    og = o // groups
    for oc in range(o):
        g = oc // og
        for i in range(oh):
            for j in range(ow):
                win = xp[:, g * cg:(g + 1) * cg,
                         i * stride[0]:i * stride[0] + dil[0] * (kh - 1) + 1:dil[0],
                         j * stride[1]:j * stride[1] + dil[1] * (kw - 1) + 1:dil[1]]
                out[:, oc, i, j] = (win * w[oc]).sum(axis=(1, 2, 3))
    out = out.astype(np.float32)
    return out.transpose(0, 2, 3, 1) if nhwc else out


case = sys.argv[1] if len(sys.argv) > 1 else "kernel"
exact = [True] * 11
if case == "kernel":
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
elif case == "fused":
    x, w, b = fill((3, 5)), fill((5, 7)), fill((7,))
    y = np.maximum(x @ w + b, 0)
    expected = [y, 2 * y]
elif case == "unary":
    from math import erf
    x, w = fill((3, 5)), fill((5, 7))
    p = x * x + 1
    gelu = np.vectorize(lambda v: 0.5 * v * (1 + erf(v / np.sqrt(2))))
    sat = np.clip(x.astype(np.float64) * 1e10, -2.0**31, 2.0**31 - 1)
    expected = [1 / (1 + np.exp(-x)), np.tanh(x), gelu(x).astype(np.float32),
                np.exp(x), np.log(p), np.sqrt(p), 1 / np.sqrt(p), p ** x, x / p,
                (x.astype(np.int32) @ w.astype(np.int32)).astype(np.float32),
                sat.astype(np.int64).astype(np.float32)]
    # printMemrefF32 prints 6 digits: the saturated +-2^31 compare within rtol.
    exact = [False] * 9 + [True, False]
elif case == "conv":
    x, w = fill((1, 4, 7, 6)), fill((6, 2, 3, 3))
    xh, wh = fill((2, 5, 5, 3)), fill((2, 2, 3, 4))
    expected = [
        conv(x, w, (2, 2), (1, 1, 1, 0), (1, 2), 2, False),
        conv(xh, wh, (1, 1), (0, 0, 1, 1), (1, 1), 1, True),
        np.concatenate([x, x], axis=1),
    ]
else:
    x, img = fill((2, 3, 5)), fill((1, 2, 5, 7))
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    expected = [
        x.sum(axis=1, keepdims=True),
        x.max(axis=(0, 2)),
        e / e.sum(axis=-1, keepdims=True),
        pool(img, 3, 2, 1, True),
        pool(img, 2, 2, 0, False),
    ]
    exact = [True, True, False, False, True]
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
    same = np.array_equal(got, exp) if exact[k] else np.allclose(
        got, exp, rtol=1e-5, atol=1e-6)
    if not same:
        sys.exit("output #%d differs:\ngot\n%s\nexpected\n%s" % (k, got, exp))
    print("output #%d ok %s" % (k, "x".join(map(str, exp.shape))))
