"""Checks that the README's dialect examples are exactly the files in
examples/dialects/ (which the RUN lines then parse and verify)."""
import re
import sys

root = sys.argv[1]
readme = open(root + "/README.md").read()
blocks = re.findall(r"```mlir\n(.*?)```", readme, re.S)
for name, block in zip(["mlt", "loop", "accel"], blocks):
    path = "%s/examples/dialects/%s.mlir" % (root, name)
    text = open(path).read()
    body = text.split("\n", 1)[1]  # after the header comment
    if body != block:
        sys.exit("README's %s example differs from %s" % (name, path))
print("README examples match")
