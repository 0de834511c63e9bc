/// A JSON value whose serialisation is deterministic: object keys are written sorted, numbers
/// as integers where they are integers, and only the characters JSON requires are escaped.
public enum JSONValue: Equatable, Sendable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([String: JSONValue])

  public func serialized() -> String {
    var output = JSONOutput()
    write(to: &output)
    return output.string
  }

  public func write(to output: inout String) {
    var bytes = JSONOutput()
    write(to: &bytes)
    output += bytes.string
  }

  /// Serialises into UTF-8 bytes: graph output is most of what a run writes, and appending
  /// scalar by scalar to a String cost more than some stages (see README, Speed).
  func write(to output: inout JSONOutput) {
    switch self {
    case .string(let value): output.writeString(value)
    case .int(let value): output.writeInt(value)
    case .double(let value):
      if value.isFinite {
        if value == value.rounded() && abs(value) < 1e15 {
          output.writeInt(Int(value))
        } else {
          output.writeASCII(value.description)
        }
      } else {
        output.writeASCII("null")
      }
    case .bool(let value): output.writeASCII(value ? "true" : "false")
    case .null: output.writeASCII("null")
    case .array(let values):
      output.append(UInt8(ascii: "["))
      for (i, value) in values.enumerated() {
        if i > 0 { output.append(UInt8(ascii: ",")) }
        value.write(to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      JSONValue.writeObject(members.sorted { $0.key < $1.key }, to: &output)
    }
  }

  /// Writes members in the order given: for the fixed key order of APOC lines.
  static func writeObject(_ members: [(key: String, value: JSONValue)], to output: inout String) {
    var bytes = JSONOutput()
    writeObject(members, to: &bytes)
    output += bytes.string
  }

  static func writeObject(
    _ members: [(key: String, value: JSONValue)], to output: inout JSONOutput
  ) {
    output.append(UInt8(ascii: "{"))
    for (i, member) in members.enumerated() {
      if i > 0 { output.append(UInt8(ascii: ",")) }
      output.writeString(member.key)
      output.append(UInt8(ascii: ":"))
      member.value.write(to: &output)
    }
    output.append(UInt8(ascii: "}"))
  }

  static func writeString(_ value: String, to output: inout String) {
    var bytes = JSONOutput()
    bytes.writeString(value)
    output += bytes.string
  }
}

/// JSON text under construction, as UTF-8 bytes.
struct JSONOutput {
  var bytes: [UInt8] = []

  init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  var string: String { String(decoding: bytes, as: UTF8.self) }

  @inline(__always)
  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  mutating func writeASCII(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func writeASCII(_ text: String) { bytes.append(contentsOf: text.utf8) }

  mutating func writeInt(_ value: Int) {
    if value >= 0 && value < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
    } else {
      bytes.append(contentsOf: String(value).utf8)
    }
  }

  /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00xx`,
  /// and U+2028/U+2029 as `\u2028`/`\u2029` (JavaScript reads them as line ends).
  mutating func writeString(_ value: String) {
    var value = value
    value.withUTF8 { writeString(utf8: $0) }
  }

  mutating func writeString(utf8 source: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var pending = 0
    var index = 0
    let count = source.count
    while index < count {
      let byte = source[index]
      var escape: StaticString? = nil
      var width = 1
      switch byte {
      case 0x22: escape = "\\\""
      case 0x5C: escape = "\\\\"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0xE2:
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        if index + 2 < count, source[index + 1] == 0x80, source[index + 2] & 0xFE == 0xA8 {
          escape = source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          width = 3
        }
      default: break
      }
      if escape == nil && byte < 0x20 {
        bytes.append(contentsOf: source[pending..<index])
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [
          UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
          hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
        ])
        index += 1
        pending = index
        continue
      }
      if let escape {
        bytes.append(contentsOf: source[pending..<index])
        escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
        index += width
        pending = index
        continue
      }
      index += 1
    }
    bytes.append(contentsOf: source[pending..<count])
    bytes.append(UInt8(ascii: "\""))
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
