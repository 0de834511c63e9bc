/// A half-open range of UTF-16 offsets into a document's clean text. Offsets are converted to
/// Unicode scalar offsets only when written out (see `CleanText.scalarOffset(_:)`).
public struct TextRange: Hashable, Sendable, Comparable {
  public var start: Int32
  public var end: Int32

  public init(_ start: Int, _ end: Int) {
    self.start = Int32(start)
    self.end = Int32(end)
  }

  public init(start: Int32, end: Int32) {
    self.start = start
    self.end = end
  }

  public var length: Int { Int(end - start) }
  public var isEmpty: Bool { start >= end }
  public var range: Range<Int> { Int(start)..<Int(end) }
  public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
  public func contains(_ other: TextRange) -> Bool { other.start >= start && other.end <= end }
  public func overlaps(_ other: TextRange) -> Bool { other.start < end && start < other.end }

  public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }
}

/// The article's text after HTML cleaning: paragraphs joined by a single newline. No stage
/// rewrites it once made, so every offset in every layer refers to it.
public struct CleanText: Sendable, Equatable {
  public let units: [UInt16]
  /// Set when the text holds characters outside the BMP, so UTF-16 and scalar offsets differ.
  private let scalarStarts: [Int32]?

  /// The text as a String, made on demand: the stages read `units`.
  public var string: String { String(decodingUTF16: units) }

  public init(_ string: String) {
    // One pass gives the units and whether any scalar needs two: the UTF-16 view of a native
    // (UTF-8) String transcodes unit by unit, and counting scalars was a second pass.
    var supplementary = false
    let units =
      string.utf8.withContiguousStorageIfAvailable { bytes in
        [UInt16](unsafeUninitializedCapacity: bytes.count) { units, initialized in
          initialized = CleanText.transcode(bytes, into: units, at: 0, &supplementary)
        }
      } ?? CleanText.utf16(of: string.unicodeScalars, &supplementary)
    self.init(units: units, supplementary: supplementary)
  }

  /// Text already in UTF-16; `supplementary` tells whether it holds surrogate pairs.
  init(units: [UInt16], supplementary: Bool) {
    self.units = units
    if !supplementary {
      scalarStarts = nil
    } else {
      // scalarStarts[u] = the scalar offset of UTF-16 offset u.
      var table = [Int32](repeating: 0, count: units.count + 1)
      var scalar: Int32 = 0
      for (u, unit) in units.enumerated() {
        table[u] = scalar
        if !UTF16.isTrailSurrogate(unit) { scalar += 1 }
      }
      table[units.count] = scalar
      scalarStarts = table
    }
  }

  /// Writes the UTF-16 of valid UTF-8 (a String's, or pieces of one cut between scalars) into
  /// `units` from `offset` on, and returns the offset after it; sets `supplementary` when a
  /// scalar takes two units. UTF-16 never takes more units than UTF-8 takes bytes. Decoding
  /// the bytes directly costs a fraction of iterating `unicodeScalars`.
  static func transcode(
    _ bytes: UnsafeBufferPointer<UInt8>, into units: UnsafeMutableBufferPointer<UInt16>,
    at offset: Int, _ supplementary: inout Bool
  ) -> Int {
    let count = bytes.count
    var index = 0
    var out = offset
    while index < count {
      let lead = UInt32(bytes[index])
      if lead < 0x80 {
        units[out] = UInt16(truncatingIfNeeded: lead)
        index += 1
        out += 1
      } else if lead < 0xE0 {
        units[out] = UInt16(truncatingIfNeeded: (lead & 0x1F) << 6 | continuation(bytes, index + 1))
        index += 2
        out += 1
      } else if lead < 0xF0 {
        units[out] = UInt16(
          truncatingIfNeeded: (lead & 0x0F) << 12 | continuation(bytes, index + 1) << 6
            | continuation(bytes, index + 2))
        index += 3
        out += 1
      } else {
        supplementary = true
        let scalar =
          (lead & 0x07) << 18 | continuation(bytes, index + 1) << 12
          | continuation(bytes, index + 2) << 6 | continuation(bytes, index + 3)
        let pairOffset = scalar - 0x10000
        units[out] = UInt16(truncatingIfNeeded: 0xD800 + (pairOffset >> 10))
        units[out + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (pairOffset & 0x3FF))
        index += 4
        out += 2
      }
    }
    return out
  }

  @inline(__always)
  private static func continuation(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
    UInt32(bytes[index] & 0x3F)
  }

  private static func utf16(of scalars: String.UnicodeScalarView, _ supplementary: inout Bool)
    -> [UInt16]
  {
    var units: [UInt16] = []
    for scalar in scalars {
      let value = scalar.value
      if value < 0x10000 {
        units.append(UInt16(truncatingIfNeeded: value))
      } else {
        supplementary = true
        let offset = value - 0x10000
        units.append(UInt16(truncatingIfNeeded: 0xD800 + (offset >> 10)))
        units.append(UInt16(truncatingIfNeeded: 0xDC00 + (offset & 0x3FF)))
      }
    }
    return units
  }

  public var isEmpty: Bool { units.isEmpty }

  /// The text of a range, as a String.
  public subscript(range: TextRange) -> String {
    let lower = max(0, min(Int(range.start), units.count))
    let upper = max(lower, min(Int(range.end), units.count))
    return String(decodingUTF16: units[lower..<upper])
  }

  /// The Unicode-scalar offset of a UTF-16 offset: what graph output and the NER scorers count.
  public func scalarOffset(_ utf16Offset: Int32) -> Int {
    guard let scalarStarts else { return Int(utf16Offset) }
    return Int(scalarStarts[max(0, min(Int(utf16Offset), scalarStarts.count - 1))])
  }

  public var scalarCount: Int { scalarOffset(Int32(units.count)) }
}

/// One block of clean text, with what kind of block the HTML made it.
public struct Paragraph: Equatable, Sendable {
  public enum Kind: String, Sendable {
    case body, heading, caption, dateline
  }
  public var range: TextRange
  public var kind: Kind

  public init(range: TextRange, kind: Kind) {
    self.range = range
    self.kind = kind
  }
}

public struct Sentence: Equatable, Sendable {
  public var range: TextRange
  public var paragraph: Int32

  public init(range: TextRange, paragraph: Int32) {
    self.range = range
    self.paragraph = paragraph
  }
}

public struct Token: Equatable, Sendable {
  public enum Kind: UInt8, Sendable {
    case punctuation, number, letter, kana, ideograph
  }
  public var range: TextRange
  public var kind: Kind

  public init(range: TextRange, kind: Kind) {
    self.range = range
    self.kind = kind
  }
}

/// A span between quotation marks (“…”, 「…」, 『…』, "…"), found before sentences are split.
public struct Quotation: Equatable, Sendable {
  /// From the opening mark to just after the closing mark (or to the paragraph's end).
  public var range: TextRange
  /// The quoted text without the marks.
  public var inner: TextRange
  public var openingMark: Character
  /// False when the paragraph ended before a closing mark.
  public var isClosed: Bool
  /// Nesting depth: 0 for outermost quotations.
  public var depth: Int
  public var paragraph: Int32

  public init(
    range: TextRange, inner: TextRange, openingMark: Character, isClosed: Bool, depth: Int,
    paragraph: Int32
  ) {
    self.range = range
    self.inner = inner
    self.openingMark = openingMark
    self.isClosed = isClosed
    self.depth = depth
    self.paragraph = paragraph
  }
}
