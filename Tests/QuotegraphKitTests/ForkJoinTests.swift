import Dispatch
import Synchronization
import Testing

@testable import QuotegraphKit

#if canImport(Glibc)
  import Glibc
#endif

@Suite("forkJoin")
struct ForkJoinTests {
  @Test("returns both halves' results, the forked one computed on another thread")
  func bothResults() {
    let forkedThread = Mutex<UInt>(0)
    let (forked, own) = forkJoin({ () -> [Int] in
      forkedThread.withLock { $0 = currentThreadID() }
      return (1...1000).map { $0 * $0 }
    }) { (1...1000).reduce(0, +) }
    #expect(forked.count == 1000 && forked.last == 1_000_000)
    #expect(own == 500_500)
    #expect(forkedThread.withLock { $0 } != currentThreadID())
  }

  @Test("nested in concurrentPerform, as the pipeline builds its stages, every result arrives")
  func nested() {
    let sums = Mutex([Int](repeating: 0, count: 8))
    DispatchQueue.concurrentPerform(iterations: 8) { index in
      let (a, b) = forkJoin({ index * 2 }) { index * 3 }
      sums.withLock { $0[index] = a + b }
    }
    #expect(sums.withLock { $0 } == (0..<8).map { $0 * 5 })
  }
}

private func currentThreadID() -> UInt { UInt(bitPattern: Int(bitPattern: pthread_self())) }
