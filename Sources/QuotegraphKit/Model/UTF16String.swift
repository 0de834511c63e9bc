extension String {
  /// A String from UTF-16 code units, as `String(decoding: units, as: UTF16.self)` makes it
  /// (a lone surrogate becomes U+FFFD), but transcoded here in one pass.
  ///
  /// The standard library's UTF-16 path is generic and unspecialised for `ArraySlice`: about
  /// 12,000 instructions for a two-character name in callgrind, which made String keys built
  /// from text slices the largest cost of person discovery and role linking. This is ~20×
  /// cheaper; use it wherever a stage turns a range of `CleanText.units` into a String.
  public init(decodingUTF16 units: ArraySlice<UInt16>) {
    self = units.withUnsafeBufferPointer { String(decodingUTF16: $0) }
  }

  public init(decodingUTF16 units: [UInt16]) {
    self = units.withUnsafeBufferPointer { String(decodingUTF16: $0) }
  }

  public init(decodingUTF16 units: Slice<UnsafeBufferPointer<UInt16>>) {
    self.init(decodingUTF16: UnsafeBufferPointer(rebasing: units))
  }

  public init(decodingUTF16 units: UnsafeBufferPointer<UInt16>) {
    let count = units.count
    if count == 0 {
      self = ""
      return
    }
    // Three UTF-8 bytes at most per unit: a surrogate pair is two units for four bytes.
    self.init(unsafeUninitializedCapacity: count * 3) { bytes in
      var out = 0
      var index = 0
      while index < count {
        let unit = units[index]
        index += 1
        if unit < 0x80 {
          bytes[out] = UInt8(truncatingIfNeeded: unit)
          out += 1
        } else if unit < 0x800 {
          bytes[out] = 0xC0 | UInt8(truncatingIfNeeded: unit >> 6)
          bytes[out + 1] = 0x80 | UInt8(truncatingIfNeeded: unit & 0x3F)
          out += 2
        } else if UTF16.isLeadSurrogate(unit), index < count, UTF16.isTrailSurrogate(units[index]) {
          let scalar =
            0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
          index += 1
          bytes[out] = 0xF0 | UInt8(truncatingIfNeeded: scalar >> 18)
          bytes[out + 1] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F)
          bytes[out + 2] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F)
          bytes[out + 3] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
          out += 4
        } else {
          // A lone surrogate is U+FFFD, as the standard library repairs it.
          let scalar = UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) ? 0xFFFD : unit
          bytes[out] = 0xE0 | UInt8(truncatingIfNeeded: scalar >> 12)
          bytes[out + 1] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F)
          bytes[out + 2] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
          out += 3
        }
      }
      return out
    }
  }
}

extension String {
  /// The UTF-16 code units, as `Array(utf16)` gives them, transcoded from the UTF-8 in one pass.
  ///
  /// The view's generic iterator (and `map`'s growing buffer) cost about 1,000 instructions
  /// for a short name in callgrind; the entity index folds some 60,000 names at every start.
  public var utf16Units: [UInt16] {
    var units: [UInt16] = []
    units.appendUTF16(of: self)
    return units
  }
}

extension [UInt16] {
  /// Appends the UTF-16 code units of `text`, as `append(contentsOf: text.utf16)` does, but
  /// transcoded from its UTF-8 in one pass, without an array for the text.
  mutating func appendUTF16(of text: String) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
      let start = count
      // A unit per byte at most: one to three bytes make one unit, four make two.
      append(contentsOf: repeatElement(0, count: bytes.count))
      let end = withUnsafeMutableBufferPointer { buffer in
        var supplementary = false
        return CleanText.transcode(bytes, into: buffer, at: start, &supplementary)
      }
      removeLast(count - end)
    }
    if done == nil { append(contentsOf: text.utf16) }
  }
}
