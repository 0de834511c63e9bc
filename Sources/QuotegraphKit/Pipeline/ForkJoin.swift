#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `forked` on a thread of its own while `body` runs on the caller's, and returns both
/// results once both are done.
///
/// For loading inside a stage's initialiser, where the pipeline already builds its stages
/// side by side with `DispatchQueue.concurrentPerform`: a `concurrentPerform` nested in
/// another runs its iterations one after the other on the caller's thread (callgrind shows
/// `_dispatch_apply_serial`), so the gazetteer's two halves loaded in turn while the other
/// core finished its own stages and idled. A thread of its own lets the system share both
/// cores between three loads. If no thread can be started, `forked` runs on the caller's.
func forkJoin<Forked: Sendable, Result>(
  _ forked: @escaping @Sendable () -> Forked, _ body: () -> Result
) -> (Forked, Result) {
  let slot = ForkedResult<Forked>()
  let job = ThreadJob { slot.value = forked() }
  let context = Unmanaged.passRetained(job).toOpaque()
  #if canImport(Darwin)
    var thread: pthread_t?
  #else
    var thread = pthread_t()
  #endif
  let started = pthread_create(
    &thread, nil,
    { raw in
      guard let raw else { return nil }
      Unmanaged<ThreadJob>.fromOpaque(raw).takeRetainedValue().run()
      return nil
    }, context)
  guard started == 0 else {
    Unmanaged<ThreadJob>.fromOpaque(context).release()
    return (forked(), body())
  }
  let result = body()
  #if canImport(Darwin)
    if let thread { pthread_join(thread, nil) }
  #else
    pthread_join(thread, nil)
  #endif
  return (slot.value ?? forked(), result)
}

/// What a started thread runs; not generic, as a C function pointer cannot name a generic type.
private final class ThreadJob: @unchecked Sendable {
  let run: @Sendable () -> Void
  init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// The forked result: written by the forked thread before it ends and read after
/// `pthread_join`, which orders the two accesses.
private final class ForkedResult<Value: Sendable>: @unchecked Sendable {
  var value: Value?
}
