import CICUShim

/// A failure reported by ICU, carrying its symbolic name (e.g. `U_INVALID_CHAR_FOUND`).
public struct ICUError: Error, CustomStringConvertible, Sendable {
  public let code: Int32
  public let operation: String

  public var name: String { String(cString: qg_error_name(code)) }
  public var description: String { "ICU \(operation) failed: \(name)" }

  static func check(_ code: Int32, _ operation: String) throws {
    if code > 0 { throw ICUError(code: code, operation: operation) }
  }
}
