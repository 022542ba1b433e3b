#!/usr/bin/env python3
"""Counts test cases in JUnit XML files (lit's, ctest's, pytest's) and prints one
line: "N passed, N failed" (", N skipped" when some were). Exits 1 if any
failed, if a file is missing, or if no test ran at all."""
import sys
import xml.etree.ElementTree as ET


def main():
    passed = failed = skipped = 0
    for path in sys.argv[1:]:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            print("test-summary: cannot read %s: %s" % (path, e), file=sys.stderr)
            failed += 1
            continue
        for case in root.iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            elif case.find("skipped") is not None:
                skipped += 1
            else:
                passed += 1
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    print(line)
    sys.exit(1 if failed or passed == 0 else 0)


if __name__ == "__main__":
    main()
