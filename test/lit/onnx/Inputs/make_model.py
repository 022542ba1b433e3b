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


MODELS = {f.__name__: f for f in (mlp, symbolic, reshape_input, unsupported,
                                  bad_initializer, undefined_input,
                                  bad_broadcast)}

if __name__ == "__main__":
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for name in sys.argv[2:]:
        base = os.path.join(out_dir, name)
        with open(base + ".onnx", "wb") as f:
            f.write(MODELS[name](base).SerializeToString())
