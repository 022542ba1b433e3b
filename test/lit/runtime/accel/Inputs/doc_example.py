"""Prints docs/accel-runtime.md's calling-sequence example (its first ```c
block) as a C program: the block inside main() with the host arrays it
names, then the cycles and MACs of the worked example."""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"```c\n(.*?)```", text, re.S).group(1)
print("""#include <stdint.h>
#include <stdio.h>

#include "accel_rt.h"

static int8_t A[16 * 64], B[64 * 16];
static int32_t C[16 * 16];

int main(void) {""")
print("".join("  " + line + "\n" for line in block.splitlines()), end="")
print("""  accel_rt_stats s;
  accel_rt_get_stats(&s);
  printf("cycles %lld, macs %lld, error %s\\n", (long long)s.cycles,
         (long long)s.macs, accel_rt_error() ? accel_rt_error() : "(none)");
  return accel_rt_error() != NULL;
}""")
