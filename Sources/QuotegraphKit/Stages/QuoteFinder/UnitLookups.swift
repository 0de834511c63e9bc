/// A set of UTF-16 code units as a bitmap over the BMP: membership is one bit test, where a
/// `Set<UInt16>` hashed each unit (quote finding asks at nearly every offset of every clause).
struct UnitSet: Sendable {
  private let bits: [UInt64]

  init(_ characters: String) {
    var bits = [UInt64](repeating: 0, count: 1024)
    for unit in characters.utf16 { bits[Int(unit >> 6)] |= 1 << UInt64(unit & 63) }
    self.bits = bits
  }

  @inline(__always)
  func contains(_ unit: UInt16) -> Bool {
    bits[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0
  }
}

/// Words compared with slices of the text's code units as a `Set<String>` compares them (by
/// canonical equivalence), without a String per lookup while the slice and every word are made
/// of code units that are their own normal form: then equal means the same units.
struct CanonicalWordSet: Sendable {
  let words: Set<String>
  /// The words as packed units; nil when some word is not inert, empty or over four units.
  /// Searched in turn: the lists are short (a dozen negations or adverbs), and comparing
  /// integers beats hashing.
  private let keys: [UnitKey]?

  init(_ words: Set<String>) {
    self.words = words
    var keys: [UnitKey] = []
    for word in words {
      guard word.utf16.allSatisfy(CanonicalUnits.isInert), let key = UnitKey(word) else {
        self.keys = nil
        return
      }
      keys.append(key)
    }
    self.keys = keys
  }

  func contains(_ units: ArraySlice<UInt16>) -> Bool {
    if let keys, units.allSatisfy(CanonicalUnits.isInert) {
      // An inert slice over four units is longer than every word, so equals none.
      return UnitKey(units).map(keys.contains) ?? false
    }
    return words.contains(String(decodingUTF16: units))
  }
}

/// Code units whose scalar is its own canonical normal form whatever surrounds it: no
/// decomposition, no combining class, and nothing composes with it as a second character.
/// Text made only of these compares by canonical equivalence exactly when its units are the
/// same. Covers ASCII and Latin up to the
/// combining marks, CJK punctuation before its tone marks, the CJK ideographs and full-width
/// ASCII: nearly every unit of Chinese news.
enum CanonicalUnits {
  @inline(__always)
  static func isInert(_ unit: UInt16) -> Bool {
    unit < 0x0300 || (0x3000..<0x302A).contains(unit) || (0x3400..<0x4DC0).contains(unit)
      || (0x4E00..<0xA000).contains(unit) || (0xFF01...0xFF5E).contains(unit)
  }
}
