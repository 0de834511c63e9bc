import CICUShim

/// Splits runs of Han characters into the words of ICU's Chinese and Japanese dictionary as
/// ICU's word break does, without a break iterator: ICU's rules hand such a run whole to its
/// dictionary pass, whose cheapest-split programme this repeats over the same dictionary, for
/// a fraction of the cost of setting up the iterator, its rules and its caches for a few words.
public final class CJKDictionarySplitter: @unchecked Sendable {
  // Shared by every thread: the trie is read-only, the cache of its first steps atomic.
  @usableFromInline let handle: OpaquePointer

  /// The system ICU's dictionary; nil when ICU has none.
  public static let system: CJKDictionarySplitter? = {
    var error: Int32 = 0
    guard let handle = qg_cjdict_open(&error), error <= 0 else { return nil }
    return CJKDictionarySplitter(handle: handle)
  }()

  private init(handle: OpaquePointer) { self.handle = handle }

  deinit { qg_cjdict_close(handle) }

  /// Calls `body` with the ends of ICU's words in `text[range]`, offsets into `text`, and
  /// returns true; returns false when some unit is not a Han character of the Basic Multilingual
  /// Plane (CJK unified ideographs and extension A, which no normalisation changes).
  /// Inlinable, so that `body` (called for every word) is inlined into the caller.
  @inlinable
  public func forEachWordEnd(
    in text: [UInt16], _ range: Range<Int>, _ body: (Int32) -> Void
  ) -> Bool {
    guard !range.isEmpty else { return true }
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: range.count) { ends in
      let count = text.withUnsafeBufferPointer { all in
        qg_cjdict_split(
          handle, all.baseAddress.map { $0 + range.lowerBound }, Int32(range.count),
          ends.baseAddress)
      }
      guard count >= 0 else { return false }
      let offset = Int32(range.lowerBound)
      for index in 0..<Int(count) { body(ends[index] + offset) }
      return true
    }
  }
}
