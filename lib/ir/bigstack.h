/* bigstack.h: running a tool's MLIR work on a thread with a 512 MiB stack.
 * MLIR's parser, verifier and printer recurse once per nesting level, and
 * deeply nested input (thousands of regions) overflows the usual 8 MiB. */
#ifndef MLOPT_IR_BIGSTACK_H
#define MLOPT_IR_BIGSTACK_H

#include <stdbool.h>

/* Runs `fn(arg)` on a new thread with a 512 MiB stack and waits for it;
 * returns false (with *result untouched) if the thread cannot start. */
bool ml_run_on_big_stack(int (*fn)(const void *arg), const void *arg,
                         int *result);

/* The stack size, in MiB, for messages. */
enum { ML_BIG_STACK_MIB = 512 };

#endif
