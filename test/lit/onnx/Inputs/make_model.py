"""make_model.py: writes small ONNX models for ml-import-onnx's tests.

  make_model.py OUT_DIR NAME...

writes OUT_DIR/NAME.onnx for each NAME and, for models with weights or frozen inputs,
their values as OUT_DIR/NAME.<tensor>.npy / .pb (see MODELS below).
"""
import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper


def tensor(name, dims, elt=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elt, dims)


def model(nodes, inputs, outputs, inits=(), opset=17, name="g"):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(inits))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def mlp(out):
    rng = np.random.default_rng(0)
    w = rng.uniform(-1, 1, (3, 7)).astype(np.float32)
    b = rng.uniform(-1, 1, (3,)).astype(np.float32)
    np.save(out + ".w.npy", w)
    np.save(out + ".b.npy", b)
    nodes = [helper.make_node("Gemm", ["x", "w", "b"], ["t"], name="fc",
                              transB=1, alpha=0.5, beta=2.0),
             helper.make_node("Relu", ["t"], ["y"], name="act")]
    return model(nodes, [tensor("x", [5, 7])], [tensor("y", [5, 3])],
                 [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b")],
                 name="mlp")


def symbolic(out):
    return model([helper.make_node("Relu", ["x"], ["y"])],
                 [tensor("x", ["N", 4])], [tensor("y", ["N", 4])])


def reshape_input(out):
    with open(out + ".shape.pb", "wb") as f:
        f.write(numpy_helper.from_array(np.array([3, 4], np.int64), "shape")
                .SerializeToString())
    return model([helper.make_node("Reshape", ["x", "shape"], ["y"], name="r")],
                 [tensor("x", [2, 6]), tensor("shape", [2], TensorProto.INT64)],
                 [tensor("y", [3, 4])])


def unsupported(out):
    nodes = [helper.make_node("Hardmax", ["x"], ["h"], name="hm"),
             helper.make_node("Relu", ["h"], ["r"], name="odd", bogus=1),
             helper.make_node("NonZero", ["r"], ["y"], name="nz")]
    return model(nodes, [tensor("x", [2, 3]), tensor("d", [2], TensorProto.UINT8)],
                 [tensor("y", [2, 3])])


def bad_initializer(out):
    w = helper.make_tensor("w", TensorProto.FLOAT, [2, 3], [1.0] * 6)
    del w.float_data[5]
    return model([helper.make_node("Add", ["x", "w"], ["y"], name="add")],
                 [tensor("x", [2, 3])], [tensor("y", [2, 3])], [w])


def undefined_input(out):
    return model([helper.make_node("Add", ["x", "nowhere"], ["y"], name="add")],
                 [tensor("x", [2, 3])], [tensor("y", [2, 3])])


def bad_broadcast(out):
    return model([helper.make_node("Add", ["x", "z"], ["y"], name="add")],
                 [tensor("x", [2, 3]), tensor("z", [4])], [tensor("y", [2, 3])])


def quant(out):
    """QuantizeLinear -> DequantizeLinear (int8, zero point -3) and a
    DequantizeLinear of an int32 accumulator without zero point."""
    s = numpy_helper.from_array(np.array(0.05, np.float32), "s")
    zp = numpy_helper.from_array(np.array(-3, np.int8), "zp")
    sa = numpy_helper.from_array(np.array(0.0025, np.float32), "sa")
    nodes = [helper.make_node("QuantizeLinear", ["x", "s", "zp"], ["q"], name="quant"),
             helper.make_node("DequantizeLinear", ["q", "s", "zp"], ["y"], name="dequant"),
             helper.make_node("DequantizeLinear", ["a", "sa"], ["z"], name="dequant32")]
    return model(nodes, [tensor("x", [3, 5]), tensor("a", [7], TensorProto.INT32)],
                 [tensor("q", [3, 5], TensorProto.INT8), tensor("y", [3, 5]),
                  tensor("z", [7])], [s, zp, sa], opset=13, name="quant")


def quant_uint8(out):
    """QuantizeLinear without a zero point gives uint8: refused."""
    s = numpy_helper.from_array(np.array(0.05, np.float32), "s")
    return model([helper.make_node("QuantizeLinear", ["x", "s"], ["q"], name="q8")],
                 [tensor("x", [4])], [tensor("q", [4], TensorProto.UINT8)], [s],
                 opset=13)


def quant_axis(out):
    """Per-axis scales (one per channel): refused."""
    s = numpy_helper.from_array(np.array([0.1, 0.2, 0.3], np.float32), "s")
    zp = numpy_helper.from_array(np.zeros(3, np.int8), "zp")
    return model([helper.make_node("QuantizeLinear", ["x", "s", "zp"], ["q"],
                                   name="qa", axis=1)],
                 [tensor("x", [2, 3])], [tensor("q", [2, 3], TensorProto.INT8)],
                 [s, zp], opset=13)


MODELS = {f.__name__: f for f in (mlp, symbolic, reshape_input, unsupported,
                                  bad_initializer, undefined_input,
                                  bad_broadcast, quant, quant_uint8,
                                  quant_axis)}

if __name__ == "__main__":
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for name in sys.argv[2:]:
        base = os.path.join(out_dir, name)
        with open(base + ".onnx", "wb") as f:
            f.write(MODELS[name](base).SerializeToString())
