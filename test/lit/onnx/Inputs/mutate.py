"""mutate.py: feeds ml-import-onnx corrupted models (seeded byte flips,
insertions, deletions and truncations of real ones) and fails if any run
crashes: every run must import (exit 0) or report an error (exit 1).

  mutate.py ML_IMPORT_ONNX SEED COUNT MODEL... 
"""
import random
import subprocess
import sys
import tempfile


def mutate(rng, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        if op < 0.5 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif op < 0.7 and data:
            at = rng.randrange(len(data))
            del data[at:at + rng.randint(1, 8)]
        elif op < 0.85:
            data.insert(rng.randrange(len(data) + 1), rng.randrange(256))
        else:
            data = data[:rng.randrange(len(data) + 1)]
    return bytes(data)


def main():
    tool, seed, count, models = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    rng = random.Random(seed)
    originals = [open(m, "rb").read() for m in models]
    with tempfile.TemporaryDirectory() as tmp:
        path = tmp + "/m.onnx"
        for i in range(count):
            with open(path, "wb") as f:
                f.write(mutate(rng, rng.choice(originals)))
            for flags in ([], ["--list-unsupported"]):
                r = subprocess.run([tool, *flags, path, "-o", tmp + "/m.mlir"],
                                   capture_output=True, text=True, errors="replace")
                if r.returncode not in (0, 1) or (r.returncode == 1 and "error" not in r.stderr):
                    keep = "crash-%d-%d.onnx" % (seed, i)
                    with open(keep, "wb") as f:
                        f.write(open(path, "rb").read())
                    sys.exit("mutation %d %s: exit %d (kept as %s)\n%s"
                             % (i, flags, r.returncode, keep, r.stderr[-2000:]))
    print("%d mutations: no crash" % count)


if __name__ == "__main__":
    main()
