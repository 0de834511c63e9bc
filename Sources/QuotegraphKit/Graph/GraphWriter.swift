/// Writes graph records as JSON lines, each id once per output, in the order given. Only node
/// ids are remembered: a document's relationships carry its article's id in theirs, so they
/// can repeat only when the whole article does, and then the whole document is skipped.
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

  /// The lines for one document's records, skipping nodes written before; a document whose
  /// Article node was written before (the same URL archived twice) gives no lines at all.
  /// Returns the text and whether the document was such a duplicate.
  public mutating func lines(for records: [GraphRecord]) -> (text: String, duplicates: Int) {
    let (bytes, duplicates) = lineBytes(for: records)
    return (String(decoding: bytes, as: UTF8.self), duplicates)
  }

  /// `lines(for:)` as UTF-8 bytes, for a sink that writes bytes: making a String of them
  /// validated every byte of the output once more.
  public mutating func lineBytes(for records: [GraphRecord]) -> (bytes: [UInt8], duplicates: Int) {
    if case .node(let first)? = records.first, first.labels == ["Article"],
      seenIDs.contains(first.id)
    {
      return ([], 1)
    }
    var chunk = JSONOutput(capacity: 1 << 15)
    // Each record read where it lies: `for record in records` copied it (retaining and
    // releasing its every string and array) only to write it.
    records.withUnsafeBufferPointer { records in
      for index in records.indices {
        if let id = records[index].nodeID, !seenIDs.insert(id).inserted { continue }
        records[index].writeJSONLine(to: &chunk)
        chunk.append(UInt8(ascii: "\n"))
      }
    }
    return (chunk.takeBytes(), 0)
  }

  /// Writes the records of one document; returns 1 when it was skipped as a duplicate article.
  @discardableResult
  public mutating func write(_ records: [GraphRecord]) throws -> Int {
    let (chunk, duplicates) = lines(for: records)
    if !chunk.isEmpty { try sink(chunk) }
    return duplicates
  }
}
