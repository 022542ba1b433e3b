"""make_lenet.py: writes a LeNet-5 style ONNX model with random weights,
and computes its output with NumPy (an implementation independent of
mlopt) to check a compiled run against.

  python3 make_lenet.py lenet.onnx              # the model
  python3 make_lenet.py --reference x.npy y.npy # NumPy's answer for input x

Input x: 1x1x28x28 f32; output: 1x10 class probabilities.
Conv 5x5 (6) - Relu - MaxPool 2 - Conv 5x5 (16) - Relu - MaxPool 2 -
Flatten - Gemm 256x120 - Relu - Gemm 120x84 - Relu - Gemm 84x10 - Softmax.
"""
import sys

import numpy as np


def weights():
    rng = np.random.default_rng(2026)
    def u(*shape, fan_in):
        return rng.uniform(-1, 1, shape).astype(np.float32) / np.sqrt(fan_in)
    return {"c1.w": u(6, 1, 5, 5, fan_in=25), "c1.b": u(6, fan_in=25),
            "c2.w": u(16, 6, 5, 5, fan_in=150), "c2.b": u(16, fan_in=150),
            "f1.w": u(120, 256, fan_in=256), "f1.b": u(120, fan_in=256),
            "f2.w": u(84, 120, fan_in=120), "f2.b": u(84, fan_in=120),
            "f3.w": u(10, 84, fan_in=84), "f3.b": u(10, fan_in=84)}


def model():
    from onnx import TensorProto, helper, numpy_helper
    w = weights()
    n = helper.make_node
    nodes = [
        n("Conv", ["x", "c1.w", "c1.b"], ["c1"], name="conv1", kernel_shape=[5, 5]),
        n("Relu", ["c1"], ["r1"], name="relu1"),
        n("MaxPool", ["r1"], ["p1"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
        n("Conv", ["p1", "c2.w", "c2.b"], ["c2"], name="conv2", kernel_shape=[5, 5]),
        n("Relu", ["c2"], ["r2"], name="relu2"),
        n("MaxPool", ["r2"], ["p2"], name="pool2", kernel_shape=[2, 2], strides=[2, 2]),
        n("Flatten", ["p2"], ["flat"], name="flatten"),
        n("Gemm", ["flat", "f1.w", "f1.b"], ["f1"], name="fc1", transB=1),
        n("Relu", ["f1"], ["r3"], name="relu3"),
        n("Gemm", ["r3", "f2.w", "f2.b"], ["f2"], name="fc2", transB=1),
        n("Relu", ["f2"], ["r4"], name="relu4"),
        n("Gemm", ["r4", "f3.w", "f3.b"], ["f3"], name="fc3", transB=1),
        n("Softmax", ["f3"], ["y"], name="softmax", axis=1),
    ]
    graph = helper.make_graph(
        nodes, "lenet",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1, 28, 28])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])],
        [numpy_helper.from_array(v, k) for k, v in w.items()])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                             producer_name="mlopt examples/onnx/make_lenet.py")


def conv(x, w, b):
    k = w.shape[2]
    h, wd = x.shape[2] - k + 1, x.shape[3] - k + 1
    patches = np.stack([x[0, :, i:i + h, j:j + wd]
                        for i in range(k) for j in range(k)], axis=1)
    out = np.einsum("ckhw,ock->ohw", patches.reshape(x.shape[1], k * k, h, wd),
                    w.reshape(w.shape[0], w.shape[1], k * k))
    return (out + b[:, None, None])[None]


def pool(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))


def reference(x):
    w = {k: v.astype(np.float64) for k, v in weights().items()}
    x = x.astype(np.float64)
    x = pool(np.maximum(conv(x, w["c1.w"], w["c1.b"]), 0))
    x = pool(np.maximum(conv(x, w["c2.w"], w["c2.b"]), 0)).reshape(1, -1)
    x = np.maximum(x @ w["f1.w"].T + w["f1.b"], 0)
    x = np.maximum(x @ w["f2.w"].T + w["f2.b"], 0)
    x = x @ w["f3.w"].T + w["f3.b"]
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


if __name__ == "__main__":
    if sys.argv[1] == "--reference":
        np.save(sys.argv[3], reference(np.load(sys.argv[2])))
    else:
        with open(sys.argv[1], "wb") as f:
            f.write(model().SerializeToString())
