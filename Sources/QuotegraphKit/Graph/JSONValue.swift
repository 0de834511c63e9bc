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
    var output = ""
    write(to: &output)
    return output
  }

  public func write(to output: inout String) {
    switch self {
    case .string(let value): JSONValue.writeString(value, to: &output)
    case .int(let value): output += String(value)
    case .double(let value):
      if value.isFinite {
        output += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
      } else {
        output += "null"
      }
    case .bool(let value): output += value ? "true" : "false"
    case .null: output += "null"
    case .array(let values):
      output += "["
      for (i, value) in values.enumerated() {
        if i > 0 { output += "," }
        value.write(to: &output)
      }
      output += "]"
    case .object(let members):
      JSONValue.writeObject(members.sorted { $0.key < $1.key }, to: &output)
    }
  }

  /// Writes members in the order given: for the fixed key order of APOC lines.
  static func writeObject(_ members: [(key: String, value: JSONValue)], to output: inout String) {
    output += "{"
    for (i, member) in members.enumerated() {
      if i > 0 { output += "," }
      writeString(member.key, to: &output)
      output += ":"
      member.value.write(to: &output)
    }
    output += "}"
  }

  static func writeString(_ value: String, to output: inout String) {
    output += "\""
    var pending = value.unicodeScalars.startIndex
    let scalars = value.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let escape: String?
      switch scalar {
      case "\"": escape = "\\\""
      case "\\": escape = "\\\\"
      case "\n": escape = "\\n"
      case "\r": escape = "\\r"
      case "\t": escape = "\\t"
      case "\u{2028}": escape = "\\u2028"
      case "\u{2029}": escape = "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          escape = nil
        }
      }
      if let escape {
        output.unicodeScalars.append(contentsOf: scalars[pending..<index])
        output += escape
        pending = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    output.unicodeScalars.append(contentsOf: scalars[pending..<scalars.endIndex])
    output += "\""
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
