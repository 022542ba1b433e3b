"""Reads `ml-opt --list-passes` and checks that ml-opt accepts every listed
upstream pass flag (all of them in one --dump-pass-pipeline run)."""
import subprocess
import sys

names = [line.split()[0] for line in sys.stdin
         if line.startswith("  --")]
assert len(names) > 200, "too few passes listed: %d" % len(names)
# Pipelines and passes that need options or a specific anchor still parse.
run = subprocess.run(["ml-opt", "--dump-pass-pipeline", "-"] + names,
                     input="", capture_output=True, text=True)
if run.returncode != 0 and "unknown" in run.stderr:
    sys.exit("ml-opt rejected a listed pass: " + run.stderr)
print("checked %d passes" % len(names))
