// Context and pass-manager switches: unregistered dialects, threading,
// and --verify-each (on by default; =false and =true are accepted).
// RUN: not ml-opt %s 2>&1 | FileCheck %s --check-prefix=STRICT
// RUN: ml-opt --allow-unregistered-dialect %s | FileCheck %s
// RUN: ml-opt --allow-unregistered-dialect --mlir-disable-threading --cse %s | FileCheck %s
// RUN: ml-opt --allow-unregistered-dialect --verify-each=false --cse %s | FileCheck %s
// RUN: ml-opt --allow-unregistered-dialect --verify-each=true --cse %s | FileCheck %s
// RUN: ml-opt --allow-unregistered-dialect --verify-each --cse %s | FileCheck %s

// STRICT: context-flags.mlir:[[@LINE+3]]:17: error: operation being parsed with an unregistered dialect
// CHECK: "mine.op"() : () -> i32
// CHECK-LABEL: func.func @f
  %0 = "mine.op"() : () -> i32
func.func @f() {
  return
}
