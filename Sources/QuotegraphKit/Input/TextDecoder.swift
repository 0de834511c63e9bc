import ICUText

/// Turns a file's bytes into text: UTF-8 (with or without BOM) as is; GB18030 and Big5 when
/// ICU's detector names them and a strict conversion succeeds; anything else is an error.
public enum TextDecoder {
  public struct Decoded: Equatable, Sendable {
    public var text: String
    public var encoding: String
  }

  /// The legacy charsets we convert; every other detector verdict is refused, never guessed.
  static let convertible: [String: String] = ["gb18030": "GB18030", "big5": "Big5"]

  public static func decode(_ bytes: [UInt8]) throws(QuotegraphError) -> Decoded {
    if bytes.isEmpty { throw QuotegraphError("input.empty", "empty file") }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw QuotegraphError(
        "input.encoding", "UTF-16 text is not supported: convert the file to UTF-8")
    }
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let content = hasBOM ? Array(bytes[3...]) : bytes
    if let offset = firstNUL(in: content) {
      throw QuotegraphError(
        "input.binary", "binary data, not text (NUL byte at offset \(offset))",
        line: lineNumber(of: offset, in: content))
    }
    if let text = String(validating: content, as: UTF8.self) {
      try rejectControlCharacters(in: text)
      return Decoded(text: text, encoding: "UTF-8")
    }
    let invalidAt = firstInvalidUTF8Offset(in: content)
    let detection = Charset.detect(content)
    guard let detection, let charset = convertible[detection.name.lowercased()] else {
      let guess =
        detection.map {
          ", and it does not look like GB18030 or Big5 either (ICU's best guess: \($0.name))"
        } ?? ""
      throw QuotegraphError(
        "input.encoding",
        "not valid UTF-8 (byte 0x\(hex(content[invalidAt])) at offset \(invalidAt))\(guess)",
        line: lineNumber(of: invalidAt, in: content))
    }
    let units: [UInt16]
    do {
      units = try Charset.decode(content, from: charset)
    } catch {
      let offset = error.byteOffset ?? 0
      throw QuotegraphError(
        "input.encoding",
        "looks like \(charset) but is not valid \(charset) at byte offset \(offset) (\(error.icuErrorName))",
        line: lineNumber(of: offset, in: content))
    }
    let text = String(decoding: units, as: UTF16.self)
    try rejectControlCharacters(in: text)
    return Decoded(text: text, encoding: charset)
  }

  private static func firstNUL(in bytes: [UInt8]) -> Int? {
    ByteSearch.firstIndex(of: 0, in: bytes)
  }

  /// Text files hold tabs, newlines and the odd form feed; a sprinkling of other C0 controls
  /// means the bytes were never text.
  private static func rejectControlCharacters(in text: String) throws(QuotegraphError) {
    var text = text
    let refusal = text.withUTF8 { bytes in
      Result { () throws(QuotegraphError) in try rejectControlCharacters(in: bytes) }
    }
    try refusal.get()
  }

  /// Counts on the UTF-8 buffer, and looks for the first control's line only when the file
  /// is refused: iterating `String.utf8` and counting lines as it went cost more than the rest
  /// of reading an article.
  private static func rejectControlCharacters(in bytes: UnsafeBufferPointer<UInt8>)
    throws(QuotegraphError)
  {
    var controls = 0
    var offset = 0
    // Eight bytes at a time: a word with no byte below 0x20 (most of them) needs no look.
    let raw = UnsafeRawBufferPointer(bytes)
    while offset + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
        for byte in bytes[offset..<(offset + 8)] where isControl(byte) { controls += 1 }
      }
      offset += 8
    }
    for byte in bytes[offset...] where isControl(byte) { controls += 1 }
    if controls > 0 && (controls * 200 > bytes.count || controls > 64) {
      let firstControl = bytes.firstIndex(where: isControl) ?? 0
      let firstLine = 1 + bytes[..<firstControl].count(where: { $0 == 0x0A })
      throw QuotegraphError(
        "input.binary", "binary data, not text (\(controls) control characters)", line: firstLine)
    }
  }

  /// A C0 control other than tab, line feed, form feed and carriage return.
  @inline(__always)
  private static func isControl(_ byte: UInt8) -> Bool {
    // Bits 9, 10, 12 and 13: the controls text files hold.
    byte < 0x20 && (0x3600 as UInt32) >> UInt32(byte) & 1 == 0
  }

  static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return index
      }
      if index + length > bytes.count { return index }
      let slice = [UInt8](bytes[index..<(index + length)])
      if String(validating: slice, as: UTF8.self) == nil { return index }
      index += length
    }
    return max(0, bytes.count - 1)
  }

  static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
    var line = 1
    for byte in bytes[..<min(offset, bytes.count)] where byte == 0x0A { line += 1 }
    return line
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
