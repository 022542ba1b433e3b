"""compare_cycles.py SINGLE DOUBLE: reads two `ml-run --accel-stats`
outputs and fails unless the double-buffered run took fewer modeled cycles
and did the same work (MACs, bytes, op counts); prints both and the ratio."""
import sys


def stats(path):
    out = {}
    for line in open(path):
        k, sep, v = line.strip().partition(": ")
        if sep:
            try:
                out[k] = float(v)
            except ValueError:
                pass
    return out


one, two = stats(sys.argv[1]), stats(sys.argv[2])
for key in ("macs", "bytes_in", "bytes_out", "matmul_count", "dma_in_count", "dma_out_count"):
    if one.get(key) != two.get(key) or key not in one:
        sys.exit(f"different work: {key} {one.get(key)} vs {two.get(key)}")
print(f"single: {one['cycles']:.0f} cycles, {one['pe_utilization_percent']:.2f}% PE")
print(f"double: {two['cycles']:.0f} cycles, {two['pe_utilization_percent']:.2f}% PE")
if not two["cycles"] < one["cycles"]:
    sys.exit("double buffering did not lower the modeled cycles")
print(f"double buffering: {one['cycles'] / two['cycles']:.2f}x fewer cycles")
