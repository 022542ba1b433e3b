"""docs/python.md stays true: its ```python blocks run, in order, in one
namespace, from the repository root."""
import re

from conftest import ROOT


def test_python_md_examples_run(monkeypatch, capsys):
    text = (ROOT / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 6
    monkeypatch.chdir(ROOT)
    namespace = {}
    for i, code in enumerate(blocks):
        exec(compile(code, "docs/python.md block %d" % i, "exec"), namespace)
    out = capsys.readouterr().out
    assert "model.mlir:2:8: error: 'mlt.matmul' op contraction" in out
    assert "--fuse: group producer-consumer" in out
