"""examples.py make|check NAME DIR: writes random .npy inputs for one of the
examples/ models, or checks ml-run's output against NumPy (float64) with the
reduction tolerance of docs/reference.md."""
import sys

import numpy as np

SHAPES = {
    "mlp": [(8, 64), (64, 128), (128,), (128, 96), (96,), (96, 10), (10,)],
    "cnn_block": [(2, 3, 15, 15), (16, 3, 3, 3), (16, 1, 1)],
    "softmax": [(33, 100)],
    "attention": [(17, 32), (32, 16), (32, 16), (32, 16)],
}


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def reference(name, a):
    if name == "mlp":
        h = a[0]
        for w, b in ((a[1], a[2]), (a[3], a[4]), (a[5], a[6])):
            h = np.maximum(h @ w + b, 0)
        return h
    if name == "cnn_block":
        x, w, b = a
        xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
        out = np.zeros((2, 16, 15, 15))
        for i in range(3):
            for j in range(3):
                out += np.einsum("nchw,oc->nohw", xp[:, :, i:i + 15, j:j + 15], w[:, :, i, j])
        r = np.maximum(out + b, 0)[:, :, :14, :14]
        return r.reshape(2, 16, 7, 2, 7, 2).max(axis=(3, 5))
    if name == "softmax":
        return softmax(a[0])
    x, wq, wk, wv = a
    q, k, v = x @ wq, x @ wk, x @ wv
    return softmax(q @ k.T * 0.25) @ v


mode, name, d = sys.argv[1:4]
if mode == "make":
    rng = np.random.default_rng(7)
    for i, s in enumerate(SHAPES[name]):
        np.save("%s/in%d.npy" % (d, i), rng.uniform(-1, 1, s).astype(np.float32))
else:
    a = [np.load("%s/in%d.npy" % (d, i)).astype(np.float64) for i in range(len(SHAPES[name]))]
    want = reference(name, a)
    got = np.load("%s/out.npy" % d)
    k = 128.0  # the longest reduction in these models
    tol = 1e-6 * np.sqrt(k) + 2.0**-23 * k
    ok = got.shape == want.shape and np.allclose(got, want, rtol=1e-5, atol=tol)
    err = np.abs(got - want).max() if got.shape == want.shape else float("inf")
    print("%s %s max abs err %.2e" % (name, "ok" if ok else "WRONG", err))
