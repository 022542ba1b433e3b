// Pass flags run in command-line order, may repeat, and take =VALUE options.
// RUN: ml-opt --cse --canonicalize --dump-pass-pipeline %s 2>&1 >/dev/null | FileCheck %s --check-prefix=CSE-FIRST
// RUN: ml-opt --canonicalize --cse --dump-pass-pipeline %s 2>&1 >/dev/null | FileCheck %s --check-prefix=CANON-FIRST
// RUN: ml-opt --cse --canonicalize --cse --dump-pass-pipeline %s 2>&1 >/dev/null | FileCheck %s --check-prefix=REPEAT
// RUN: ml-opt --canonicalize='max-iterations=7 region-simplify=disabled' --dump-pass-pipeline %s 2>&1 >/dev/null | FileCheck %s --check-prefix=OPTS
// RUN: ml-opt --cse --canonicalize %s | FileCheck %s

// CSE-FIRST: Pass Manager with 2 pass flags:
// CSE-FIRST-NEXT: builtin.module(cse,canonicalize{
// CANON-FIRST: builtin.module(canonicalize{{.*}}},cse)
// REPEAT: builtin.module(cse,canonicalize{{.*}}},cse)
// OPTS: canonicalize{{.*}}max-iterations=7{{.*}}region-simplify=disabled

// CHECK-LABEL: func.func @f
// CHECK-NEXT: %[[M:.*]] = arith.muli %arg0, %arg0 : i32
// CHECK-NEXT: return %[[M]]
func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %x = arith.addi %a, %c0 : i32
  %y = arith.addi %a, %c0 : i32
  %z = arith.muli %x, %y : i32
  return %z : i32
}
