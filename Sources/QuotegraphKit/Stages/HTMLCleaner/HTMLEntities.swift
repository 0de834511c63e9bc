/// HTML character references: named (`&quot;`, `&nbsp;`, all of HTML5's) and numeric
/// (`&#039;`, `&#x4E2D;`). Unknown names stay as written, as browsers show them.
public enum HTMLEntities {
  static let byName: [String: String] = {
    var map: [String: String] = [:]
    map.reserveCapacity(2200)
    for line in table.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard let name = fields.first else { continue }
      var value = ""
      for field in fields.dropFirst() {
        if let code = UInt32(field, radix: 16), let scalar = Unicode.Scalar(code) {
          value.unicodeScalars.append(scalar)
        }
      }
      map[String(name)] = value
    }
    return map
  }()

  /// Decodes every reference in `text`.
  public static func decode(_ text: some StringProtocol) -> String {
    guard text.utf8.contains(0x26) else { return String(text) }
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { bytes in
      var index = 0
      while index < bytes.count {
        if bytes[index] == 0x26, let (value, length) = reference(in: bytes, at: index) {
          output.append(contentsOf: value.utf8)
          index += length
        } else {
          output.append(bytes[index])
          index += 1
        }
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The reference starting at `bytes[start]` (an `&`): its value and its length in bytes.
  static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
    var index = start + 1
    guard index < bytes.count else { return nil }
    if bytes[index] == 0x23 {  // '#'
      index += 1
      var radix: UInt32 = 10
      if index < bytes.count, bytes[index] | 0x20 == 0x78 {  // 'x' or 'X'
        radix = 16
        index += 1
      }
      let digitsStart = index
      var value: UInt32 = 0
      while index < bytes.count, let digit = digitValue(bytes[index], radix: radix),
        index - digitsStart < 8
      {
        value = value * radix + digit
        index += 1
      }
      guard index > digitsStart else { return nil }
      if index < bytes.count, bytes[index] == 0x3B { index += 1 }
      return (String(replacementScalar(for: value)), index - start)
    }
    let nameStart = index
    while index < bytes.count, index - nameStart < 32, isAlphanumeric(bytes[index]) { index += 1 }
    guard index > nameStart, index < bytes.count, bytes[index] == 0x3B else { return nil }
    let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
    guard let value = byName[name] else { return nil }
    return (value, index + 1 - start)
  }

  /// What a numeric reference means, with HTML's repairs for NUL, surrogates and the
  /// Windows-1252 range.
  static func replacementScalar(for value: UInt32) -> Character {
    if (0x80...0x9F).contains(value) {
      let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
      ]
      if let scalar = Unicode.Scalar(windows1252[Int(value - 0x80)]) { return Character(scalar) }
    }
    guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
    return Character(scalar)
  }

  private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
    switch byte {
    case 0x30...0x39: return UInt32(byte - 0x30)
    case 0x61...0x66 where radix == 16: return UInt32(byte - 0x61 + 10)
    case 0x41...0x46 where radix == 16: return UInt32(byte - 0x41 + 10)
    default: return nil
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}
