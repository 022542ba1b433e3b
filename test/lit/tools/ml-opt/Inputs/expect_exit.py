"""expect_exit.py CODE CMD...: runs CMD and fails unless it exits with CODE.
Unlike `not`, it tells exit 1 (our error) from a crash or valgrind's 99."""
import subprocess
import sys

code = int(sys.argv[1])
rc = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL).returncode
if rc != code:
    sys.exit("expected exit code %d, got %d from %s" % (code, rc, " ".join(sys.argv[2:])))
