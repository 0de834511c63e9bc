/// Content-derived identifiers: the same input gives the same id on every run and machine.
public enum StableID {
  /// 64-bit FNV-1a of the UTF-8 bytes, as 16 lowercase hex digits.
  public static func hash(_ text: String) -> String {
    var hasher = StableHasher()
    hasher.combine(text)
    return hasher.hex
  }

  /// 64-bit FNV-1a of raw bytes (file contents), as 16 lowercase hex digits.
  public static func hash(_ bytes: [UInt8]) -> String {
    var hasher = StableHasher()
    bytes.withUnsafeBufferPointer { hasher.combine($0) }
    return hasher.hex
  }

  public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hasher = StableHasher()
    // Contiguous bytes (a String's UTF-8) read in place: the UTF8View's iterator cost some
    // 15 instructions a byte.
    let done: Void? = bytes.withContiguousStorageIfAvailable { hasher.combine($0) }
    if done == nil { for byte in bytes { hasher.combine(byte) } }
    return hasher.value
  }

  /// `article:<hash of the URL>`, or of the source path for an article without a URL.
  public static func article(url: String, source: String) -> String {
    "article:" + hash(url.isEmpty ? "source:" + source : url)
  }
}

/// FNV-1a fed piece by piece: the hash of `a|b|c` without building that String, for ids made
/// of several parts (a quote's article, start and end). The same bytes give the same hash as
/// `StableID.hash` of the joined text.
public struct StableHasher {
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  @inline(__always)
  public mutating func combine(_ byte: UInt8) {
    value ^= UInt64(byte)
    value &*= 0x0000_0100_0000_01b3
  }

  public mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
    for byte in bytes { combine(byte) }
  }

  /// The text's UTF-8, read in place rather than through the UTF8View's iterator (and
  /// without copying the String to call the mutating `withUTF8`).
  public mutating func combine(_ text: String) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { combine($0) }
    if done == nil {
      var text = text
      text.withUTF8 { combine($0) }
    }
  }

  /// The decimal digits of `number`, as `"\(number)"` writes them.
  public mutating func combine(decimal number: Int) {
    if number < 0 { combine(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    var divisor: UInt = 1
    while magnitude / divisor >= 10 { divisor *= 10 }
    repeat {
      combine(UInt8(ascii: "0") + UInt8(magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    } while divisor > 0
  }

  /// The hash as 16 lowercase hex digits.
  public var hex: String { hex(prefixedBy: "") }

  /// `prefix` and the 16 hex digits as one String (`quote:…`): joining the two with `+` made
  /// two Strings.
  public func hex(prefixedBy prefix: StaticString) -> String {
    let prefixCount = prefix.utf8CodeUnitCount
    return String(unsafeUninitializedCapacity: prefixCount + 16) { buffer in
      let target = buffer.baseAddress!
      if prefixCount > 0 { target.update(from: prefix.utf8Start, count: prefixCount) }
      for index in 0..<16 {
        let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
        target[prefixCount + index] =
          nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
      }
      return prefixCount + 16
    }
  }
}
