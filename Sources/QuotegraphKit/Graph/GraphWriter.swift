/// Writes graph records as JSON lines, each id once per output, in the order given.
public struct GraphWriter {
  private var seenIDs: Set<String> = []
  private let sink: (String) throws -> Void

  /// - Parameter sink: receives chunks of output text, each ending in a newline.
  public init(sink: @escaping (String) throws -> Void) {
    self.sink = sink
  }

  /// Writes the records of one document; returns how many records were skipped because their
  /// id was written before (the same article archived twice, for instance).
  @discardableResult
  public mutating func write(_ records: [GraphRecord]) throws -> Int {
    var chunk = ""
    var duplicates = 0
    for record in records {
      guard seenIDs.insert(record.id).inserted else {
        duplicates += 1
        continue
      }
      chunk += record.jsonLine()
      chunk += "\n"
    }
    if !chunk.isEmpty { try sink(chunk) }
    return duplicates
  }
}
