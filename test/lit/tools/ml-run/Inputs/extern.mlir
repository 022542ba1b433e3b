// Calls a function nothing defines: the JIT cannot link it.
func.func private @nowhere(f32) -> f32

func.func @calls_nowhere(%x: f32) -> f32 {
  %y = func.call @nowhere(%x) : (f32) -> f32
  return %y : f32
}
