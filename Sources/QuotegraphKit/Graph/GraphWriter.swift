/// Writes graph records as JSON lines, each id once per output, in the order given.
public struct GraphWriter {
  private var seenIDs: Set<String> = []
  private let sink: (String) throws -> Void

  /// - Parameters:
  ///   - alreadyWritten: ids in the output already (a resumed run).
  ///   - sink: receives chunks of output text, each ending in a newline.
  public init(alreadyWritten: Set<String> = [], sink: @escaping (String) throws -> Void) {
    self.seenIDs = alreadyWritten
    self.sink = sink
  }

  /// The lines for one document's records, skipping ids written before; returns the text and
  /// how many records were skipped.
  public mutating func lines(for records: [GraphRecord]) -> (text: String, duplicates: Int) {
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
    return (chunk, duplicates)
  }

  /// Writes the records of one document; returns how many records were skipped because their
  /// id was written before (the same article archived twice, for instance).
  @discardableResult
  public mutating func write(_ records: [GraphRecord]) throws -> Int {
    let (chunk, duplicates) = lines(for: records)
    if !chunk.isEmpty { try sink(chunk) }
    return duplicates
  }
}
