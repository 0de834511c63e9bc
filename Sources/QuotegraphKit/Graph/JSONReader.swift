/// A strict JSON parser over UTF-8 bytes, producing `JSONValue`. The library avoids
/// Foundation; the sources it reads are a few megabytes, so a simple recursive descent will do.
public struct JSONReader {
  private let bytes: [UInt8]
  private var position = 0
  private let name: String

  public static func parse(_ bytes: [UInt8], name: String) throws(QuotegraphError) -> JSONValue {
    var reader = JSONReader(bytes: bytes, name: name)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.position = 3 }
    let value = try reader.value()
    reader.skipSpace()
    guard reader.position == bytes.count else { throw reader.error("trailing characters") }
    return value
  }

  private init(bytes: [UInt8], name: String) {
    self.bytes = bytes
    self.name = name
  }

  private func error(_ message: String) -> QuotegraphError {
    QuotegraphError(
      "json.invalid", "JSON: \(message) at byte \(position)", file: name)
  }

  private mutating func skipSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private mutating func value() throws(QuotegraphError) -> JSONValue {
    skipSpace()
    guard position < bytes.count else { throw error("unexpected end") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private mutating func literal(_ word: String, _ value: JSONValue) throws(QuotegraphError)
    -> JSONValue
  {
    let utf8 = Array(word.utf8)
    guard bytes[position...].starts(with: utf8) else { throw error("unexpected character") }
    position += utf8.count
    return value
  }

  private mutating func object() throws(QuotegraphError) -> JSONValue {
    position += 1
    var members: [String: JSONValue] = [:]
    skipSpace()
    if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("expected a key")
      }
      let key = try string()
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw error("expected ':'")
      }
      position += 1
      members[key] = try value()
      skipSpace()
      guard position < bytes.count else { throw error("unexpected end") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      } else {
        throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func array() throws(QuotegraphError) -> JSONValue {
    position += 1
    var elements: [JSONValue] = []
    skipSpace()
    if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      elements.append(try value())
      skipSpace()
      guard position < bytes.count else { throw error("unexpected end") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(elements)
      } else {
        throw error("expected ',' or ']'")
      }
    }
  }

  private mutating func string() throws(QuotegraphError) -> String {
    position += 1
    var runStart = position
    var result = ""
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        result += String(decoding: bytes[runStart..<position], as: UTF8.self)
        position += 1
        return result
      }
      if byte == UInt8(ascii: "\\") {
        result += String(decoding: bytes[runStart..<position], as: UTF8.self)
        position += 1
        guard position < bytes.count else { break }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "n"): result += "\n"
        case UInt8(ascii: "t"): result += "\t"
        case UInt8(ascii: "r"): result += "\r"
        case UInt8(ascii: "b"): result += "\u{08}"
        case UInt8(ascii: "f"): result += "\u{0C}"
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code), bytes[position...].starts(with: [0x5C, 0x75]) {
            position += 2
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          result.unicodeScalars.append(Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}")
        default: result.unicodeScalars.append(Unicode.Scalar(escape))
        }
        runStart = position
        continue
      }
      position += 1
    }
    throw error("unterminated string")
  }

  private mutating func hex4() throws(QuotegraphError) -> Int {
    guard position + 4 <= bytes.count,
      let code = Int(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { throw error("bad \\u escape") }
    position += 4
    return code
  }

  private mutating func number() throws(QuotegraphError) -> JSONValue {
    let start = position
    while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) {
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if let integer = Int(text) { return .int(integer) }
    if let double = Double(text) { return .double(double) }
    throw error("unexpected character")
  }
}

extension JSONValue {
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  public var arrayValue: [JSONValue] {
    if case .array(let values) = self { return values }
    return []
  }

  public var objectValue: [String: JSONValue] {
    if case .object(let members) = self { return members }
    return [:]
  }

  public subscript(key: String) -> JSONValue? { objectValue[key] }

  /// The strings of an array value, skipping anything else.
  public var strings: [String] { arrayValue.compactMap(\.stringValue) }
}
