/// The type of one property across many nodes or relationships, inferred from the values, so
/// that typed formats (GraphML keys, neo4j-admin headers) can declare it. Nothing is assumed
/// about which labels or properties exist.
public enum PropertyType: Equatable, Sendable {
  /// Scalar kinds, also the element kinds of lists.
  public enum Scalar: Equatable, Sendable {
    case boolean
    /// `fitsInt32` is false once a value needs 64 bits.
    case integer(fitsInt32: Bool)
    case float
    case string
  }

  case scalar(Scalar)
  /// A list whose elements are all of one scalar kind (`nil`: only empty lists were seen).
  case list(Scalar?)
  /// Mixed or nested values: written as JSON text (strings as they are).
  case json

  /// The type of one value; `nil` for JSON null, which says nothing.
  public init?(of value: JSONValue) {
    switch value {
    case .null: return nil
    case .array(let elements):
      var element: Scalar?
      for item in elements {
        guard case .scalar(let scalar)? = PropertyType(of: item) else {
          self = .json
          return
        }
        guard let known = element else {
          element = scalar
          continue
        }
        guard let combined = Scalar.combine(known, scalar) else {
          self = .json
          return
        }
        element = combined
      }
      self = .list(element)
    case .object: self = .json
    case .bool: self = .scalar(.boolean)
    case .int(let value): self = .scalar(.integer(fitsInt32: Int32(exactly: value) != nil))
    case .double: self = .scalar(.float)
    case .string: self = .scalar(.string)
    }
  }

  /// The narrowest type that holds values of both types.
  public static func combine(_ first: PropertyType, _ second: PropertyType) -> PropertyType {
    switch (first, second) {
    case (.scalar(let a), .scalar(let b)):
      return Scalar.combine(a, b).map(PropertyType.scalar) ?? .json
    case (.list(let a), .list(let b)):
      guard let a else { return .list(b) }
      guard let b else { return .list(a) }
      return Scalar.combine(a, b).map { .list($0) } ?? .json
    default:
      return .json
    }
  }

  /// The types of every property of the given property sets, by name.
  public static func infer(_ propertySets: [GraphProperties]) -> [String: PropertyType] {
    var types: [String: PropertyType] = [:]
    var seen: Set<String> = []
    for properties in propertySets {
      for (key, value) in properties {
        seen.insert(key)
        guard let type = PropertyType(of: value) else { continue }
        types[key] = types[key].map { combine($0, type) } ?? type
      }
    }
    // A property that is only ever null is still a column.
    for key in seen where types[key] == nil { types[key] = .scalar(.string) }
    return types
  }
}

extension PropertyType.Scalar {
  static func combine(_ a: Self, _ b: Self) -> Self? {
    switch (a, b) {
    case (.integer(let x), .integer(let y)): return .integer(fitsInt32: x && y)
    case (.integer, .float), (.float, .integer), (.float, .float): return .float
    case (.boolean, .boolean): return .boolean
    case (.string, .string): return .string
    default: return nil
    }
  }
}

extension JSONValue {
  /// A scalar as plain text: strings as they are, numbers and booleans as JSON writes them,
  /// lists and objects as JSON; `nil` for null.
  var plainText: String? {
    switch self {
    case .null: nil
    case .string(let value): value
    default: serialized()
    }
  }
}
