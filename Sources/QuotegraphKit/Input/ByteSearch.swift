#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte searches over whole files, done by the C library's `memchr`: a Swift loop over a
/// buffer costs several instructions a byte, and reading runs these over every article.
enum ByteSearch {
  /// The offset of the first `byte` in `bytes`, or nil.
  static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    guard let found = memchr(base, Int32(byte), bytes.count) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  static func firstIndex(of byte: UInt8, in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstIndex(of: byte, in: $0) }
  }

  /// The offset of the first byte from `start` on that `matches`, or `bytes.count`.
  /// `wordMayMatch` looks at eight bytes at once and may say yes wrongly but never no wrongly:
  /// words it clears are skipped unread.
  @inline(__always)
  static func firstIndex(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, wordMayMatch: (UInt64) -> Bool,
    matches: (UInt8) -> Bool
  ) -> Int {
    var offset = start
    let raw = UnsafeRawBufferPointer(bytes)
    while offset + 8 <= bytes.count
      && !wordMayMatch(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    {
      offset += 8
    }
    while offset < bytes.count && !matches(bytes[offset]) { offset += 1 }
    return offset
  }

  /// Whether some byte of `word` is `byte` (exact).
  @inline(__always)
  static func word(_ word: UInt64, contains byte: UInt8) -> Bool {
    let differences = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    return (differences &- 0x0101_0101_0101_0101) & ~differences & 0x8080_8080_8080_8080 != 0
  }

  /// Whether some byte of `word` is below `bound` (exact; `bound` at most 0x80).
  @inline(__always)
  static func word(_ word: UInt64, hasByteBelow bound: UInt8) -> Bool {
    (word &- UInt64(bound) &* 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
  }
}
