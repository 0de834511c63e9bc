/// Counts for the one-line summary of a run.
public struct ExtractionSummary: Sendable, Equatable {
  public var read = 0
  public var failed = 0
  /// Files in folders left out for their extension.
  public var skipped = 0
  public var skippedByShard = 0
  /// Units committed by an interrupted run and not processed again.
  public var resumed = 0
  public var emptyText = 0
  public var duplicateRecords = 0
  public var characters = 0
  public var bytes = 0
  public var seconds = 0.0
  /// Quote nodes written.
  public var statements = 0
  /// Distinct Person nodes written.
  public var persons: Set<String> = []

  public init() {}

  public mutating func record(_ document: Document) {
    read += 1
    if document.text.isEmpty { emptyText += 1 }
    characters += document.text.units.count
    for case .node(let node) in document.records {
      if node.labels.contains("Quote") { statements += 1 }
      if node.labels.contains("Person") { persons.insert(node.id) }
    }
  }

  public func line(errorsFile: String?) -> String {
    var parts = ["\(read) article\(read == 1 ? "" : "s") read"]
    if emptyText > 0 { parts.append("\(emptyText) with no body text") }
    var failedPart = "\(failed) failed"
    if failed > 0 { failedPart += errorsFile.map { " (see \($0))" } ?? " (reasons above)" }
    parts.append(failedPart)
    if skipped > 0 { parts.append("\(skipped) skipped (not an article's extension)") }
    if skippedByShard > 0 { parts.append("\(skippedByShard) in other shards") }
    if resumed > 0 { parts.append("\(resumed) carried over from the interrupted run") }
    parts.append("\(statements) statements, \(persons.count) persons")
    if duplicateRecords > 0 {
      parts.append(
        "\(duplicateRecords) duplicate article\(duplicateRecords == 1 ? "" : "s") (same URL) skipped"
      )
    }
    let rate = seconds > 0 ? Double(read + failed - resumed) / seconds : 0
    let megabytes = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
    parts.append(
      "\(formatted(seconds)) s, \(Int(rate.rounded())) files/s, \(formatted(megabytes)) MB/s")
    return parts.joined(separator: ", ")
  }

  private func formatted(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}

/// One line of the errors file: `{"source", "error", "code", "stage"?, "line"?}`.
public struct ErrorLine: Sendable {
  public var source: String
  public var error: QuotegraphError

  public init(source: String, error: QuotegraphError) {
    self.source = source
    self.error = error
  }

  public func jsonLine() -> String {
    var members: [String: JSONValue] = [
      "source": .string(source), "error": .string(error.message), "code": .string(error.code),
    ]
    if let line = error.line { members["line"] = .int(line) }
    if let stage = error.stage { members["stage"] = .string(stage) }
    return JSONValue.object(members).serialized()
  }
}
