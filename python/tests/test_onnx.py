"""mlopt.import_onnx and mlopt.check_onnx_support: small models built with
onnx.helper (the tests need python3-onnx; the mlopt package does not),
imported, compiled and run against NumPy; shape pins, frozen constants,
malformed files, unsupported ops; the TensorProto encoder."""
import os

import numpy as np
import pytest

import mlopt
from conftest import assert_close
from mlopt.onnx_import import tensor_proto

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

F32 = TensorProto.FLOAT


def model_bytes(nodes, inputs, outputs, initializers=(), name="g",
                opset=13):
    graph = helper.make_graph(nodes, name, inputs, outputs,
                              initializer=list(initializers))
    model = helper.make_model(graph, opset_imports=[
        helper.make_opsetid("", opset)])
    return model.SerializeToString()


def tensor(name, dims, elem=F32):
    return helper.make_tensor_value_info(name, elem, dims)


@pytest.fixture
def mlp():
    """relu(x @ w + b) with w, b initializers; x is 4x8."""
    rng = np.random.default_rng(7)
    w = rng.uniform(-1, 1, (8, 5)).astype(np.float32)
    b = rng.uniform(-1, 1, (5,)).astype(np.float32)
    data = model_bytes(
        [helper.make_node("MatMul", ["x", "w"], ["h"]),
         helper.make_node("Add", ["h", "b"], ["hb"]),
         helper.make_node("Relu", ["hb"], ["y"])],
        [tensor("x", [4, 8])], [tensor("y", [4, 5])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b")],
        name="tiny mlp")
    return data, w, b


def test_import_and_run(mlp, ctx, rng):
    data, w, b = mlp
    m = mlopt.import_onnx(data, context=ctx)
    assert isinstance(m, mlopt.Module)
    assert m.functions == ["tiny_mlp"]  # the graph's name, sanitized
    assert m.name == "<bytes>"
    assert "mlt.matmul" in str(m)
    exe = m.compile()
    fn = exe.tiny_mlp
    assert [s.shape for s in fn.inputs] == [(4, 8)]
    assert [s.shape for s in fn.outputs] == [(4, 5)]
    x = rng.uniform(-1, 1, (4, 8)).astype(np.float32)
    assert_close(fn(x), np.maximum(x @ w + b, 0))


def test_import_from_a_path(mlp, ctx, tmp_path):
    data, _, _ = mlp
    path = tmp_path / "mlp.onnx"
    path.write_bytes(data)
    for source in (path, str(path)):
        m = mlopt.import_onnx(source, context=ctx)
        assert m.name == str(path) and m.functions == ["tiny_mlp"]
    m = mlopt.import_onnx(data, name="model.onnx", context=ctx)
    assert m.name == "model.onnx"
    assert mlopt.import_onnx(data).context is mlopt.default_context()


def test_graph_outputs_in_order_and_unnamed_graph(ctx):
    data = model_bytes(
        [helper.make_node("Sub", ["a", "b"], ["d"]),
         helper.make_node("Add", ["a", "b"], ["s"])],
        [tensor("a", [3]), tensor("b", [3])],
        [tensor("s", [3]), tensor("d", [3])], name="")
    exe = mlopt.import_onnx(data, context=ctx).compile()
    a = np.array([1, 2, 3], np.float32)
    b = np.array([10, 20, 30], np.float32)
    s, d = exe.main(a, b)
    assert np.array_equal(s, a + b) and np.array_equal(d, a - b)


def test_shapes_pin_symbolic_dims(ctx, rng):
    data = model_bytes([helper.make_node("Relu", ["x"], ["y"])],
                       [tensor("x", ["N", 6])], [tensor("y", ["N", 6])])
    with pytest.raises(mlopt.MloptError, match="'x'"):
        mlopt.import_onnx(data, context=ctx)
    m = mlopt.import_onnx(data, shapes={"x": (3, 6)}, context=ctx)
    fn = m.compile().g
    assert fn.inputs[0].shape == (3, 6) and fn.outputs[0].shape == (3, 6)
    x = rng.uniform(-1, 1, (3, 6)).astype(np.float32)
    assert np.array_equal(fn(x), np.maximum(x, 0))
    with pytest.raises(mlopt.MloptError, match="nope"):
        mlopt.import_onnx(data, shapes={"nope": (3, 6)}, context=ctx)


def test_shapes_are_checked_in_python(ctx):
    data = model_bytes([helper.make_node("Relu", ["x"], ["y"])],
                       [tensor("x", ["N"])], [tensor("y", ["N"])])
    for bad in ((0,), (-1, 2), (2.0,), (True,)):
        with pytest.raises(ValueError, match="positive int"):
            mlopt.import_onnx(data, shapes={"x": bad}, context=ctx)
    with pytest.raises(TypeError, match="tuple of ints"):
        mlopt.import_onnx(data, shapes={"x": 3}, context=ctx)


def reshape_model():
    return model_bytes(
        [helper.make_node("Reshape", ["x", "shape"], ["y"])],
        [tensor("x", [2, 6]), tensor("shape", [2], TensorProto.INT64)],
        [tensor("y", [3, 4])])


def test_operand_that_must_be_a_constant(ctx):
    with pytest.raises(mlopt.MloptError) as info:
        mlopt.import_onnx(reshape_model(), context=ctx)
    text = str(info.value)
    assert "must be a constant" in text and "graph input 'shape'" in text


@pytest.mark.parametrize("as_bytes", [False, True], ids=["numpy", "proto"])
def test_constants_freeze_inputs(ctx, as_bytes):
    shape = np.array([3, 4], np.int64)
    value = numpy_helper.from_array(shape, "shape").SerializeToString() \
        if as_bytes else shape
    m = mlopt.import_onnx(reshape_model(), constants={"shape": value},
                          context=ctx)
    fn = m.compile().g
    assert len(fn.inputs) == 1  # "shape" is no longer an argument
    x = np.arange(12, dtype=np.float32).reshape(2, 6)
    assert np.array_equal(fn(x), x.reshape(3, 4))


def test_constants_are_checked(ctx):
    with pytest.raises(TypeError, match="numpy array or the bytes"):
        mlopt.import_onnx(reshape_model(), constants={"shape": [3, 4]},
                          context=ctx)
    with pytest.raises(TypeError, match="cannot encode a <U1 array"):
        mlopt.import_onnx(reshape_model(),
                          constants={"shape": np.array(["a"])}, context=ctx)
    with pytest.raises(mlopt.MloptError, match="nope"):
        mlopt.import_onnx(reshape_model(),
                          constants={"nope": np.array([3, 4], np.int64)},
                          context=ctx)


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_model(mlp, ctx, cut):
    data, _, _ = mlp
    with pytest.raises(mlopt.MloptError) as info:
        mlopt.import_onnx(data[:int(len(data) * cut)], name="cut.onnx",
                          context=ctx)
    e = info.value
    assert e.diagnostics and e.diagnostics[0].severity == "error"
    assert "cut.onnx" in str(e)
    assert "not a valid ONNX model" in str(e)


def test_garbage_file(ctx, tmp_path):
    path = tmp_path / "garbage.onnx"
    path.write_bytes(b"this is not a protobuf \xff\xff\xff\xff")
    with pytest.raises(mlopt.MloptError, match="not a valid ONNX model") as i:
        mlopt.import_onnx(path, context=ctx)
    assert str(i.value).startswith(str(path) + ": error: ")
    with pytest.raises(FileNotFoundError):
        mlopt.import_onnx(tmp_path / "missing.onnx", context=ctx)
    with pytest.raises(TypeError, match="path"):
        mlopt.import_onnx(42, context=ctx)


def two_unsupported():
    return model_bytes(
        [helper.make_node("Relu", ["x"], ["r"]),
         helper.make_node("NonMaxSuppression", ["r", "r"], ["n"],
                          name="nms"),
         helper.make_node("StringNormalizer", ["n"], ["y"])],
        [tensor("x", [1, 4, 4])], [tensor("y", [3])])


def test_unsupported_op(ctx):
    with pytest.raises(mlopt.MloptError) as info:
        mlopt.import_onnx(two_unsupported(), context=ctx)
    messages = [d.message for d in info.value.diagnostics]
    assert len(messages) == 1
    assert "unsupported ONNX op 'NonMaxSuppression'" in messages[0]


def test_check_onnx_support(mlp, ctx):
    data, _, _ = mlp
    assert mlopt.check_onnx_support(data, context=ctx) == []
    found = mlopt.check_onnx_support(two_unsupported(), context=ctx)
    assert all(isinstance(d, mlopt.Diagnostic) and d.severity == "error"
               for d in found)
    text = "\n".join(d.message for d in found)
    assert "unsupported ONNX op 'NonMaxSuppression'" in text
    assert "unsupported ONNX op 'StringNormalizer'" in text
    assert mlopt.check_onnx_support(b"\xff\xff\xff", context=ctx)


@pytest.mark.parametrize("dtype", [np.float32, np.uint8, np.int8, np.uint16,
                                   np.int16, np.int32, np.int64, np.bool_,
                                   np.float16, np.float64, np.uint32,
                                   np.uint64])
def test_tensor_proto_matches_onnx(dtype):
    a = (np.arange(24).reshape(2, 3, 4) % 5).astype(dtype)
    for value in (a, a[:, ::2], a[0, 0, 0], a[:0, 1:]):
        proto = TensorProto()
        proto.ParseFromString(tensor_proto(value, "v"))
        back = numpy_helper.to_array(proto)
        assert proto.name == "v"
        assert back.dtype == np.dtype(dtype)
        assert back.shape == np.shape(value)
        assert np.array_equal(back, value)


def test_tensor_proto_big_endian_and_dims():
    a = np.arange(300, dtype=">i8").reshape(3, 100)
    proto = TensorProto()
    proto.ParseFromString(tensor_proto(a))
    assert list(proto.dims) == [3, 100] and proto.data_type == 7
    assert np.array_equal(numpy_helper.to_array(proto), a)


def test_public_names():
    assert "import_onnx" in mlopt.__all__
    assert "check_onnx_support" in mlopt.__all__
    assert os.path.basename(mlopt.onnx_import.__file__) == "onnx_import.py"
