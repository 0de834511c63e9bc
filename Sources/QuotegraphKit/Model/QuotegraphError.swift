/// A failure with a stable code (`input.empty`, `pipeline.unknown-stage`), a message a user
/// understands, and where it happened: the file, the line when there is one, and the stage.
public struct QuotegraphError: Error, Equatable, Sendable, CustomStringConvertible {
  public var code: String
  public var message: String
  public var file: String?
  public var line: Int?
  public var stage: String?

  public init(
    _ code: String, _ message: String, file: String? = nil, line: Int? = nil, stage: String? = nil
  ) {
    self.code = code
    self.message = message
    self.file = file
    self.line = line
    self.stage = stage
  }

  public var description: String {
    var location = file ?? ""
    if let line { location += location.isEmpty ? "line \(line)" : ":\(line)" }
    let prefix = location.isEmpty ? "" : "\(location): "
    let stagePart = stage.map { " [\($0)]" } ?? ""
    return "\(prefix)\(message)\(stagePart)"
  }

  /// The same error, located in `file` when it was not located yet.
  public func located(in file: String) -> QuotegraphError {
    var copy = self
    if copy.file == nil { copy.file = file }
    return copy
  }
}
