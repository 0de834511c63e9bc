#if canImport(Glibc)
  import Glibc
#endif

/// Writes a run's graph and errors in durable steps and keeps a manifest beside the output, so
/// that a run killed at any moment (even `kill -9`) can be resumed and end byte-identical to an
/// uninterrupted one.
///
/// While running, the graph goes to `OUTPUT.partial` and the manifest to `OUTPUT.manifest`.
/// A commit appends the buffered lines to the partial graph and the errors file, fsyncs them,
/// then appends the committed units and a commit marker (with both files' lengths) to the
/// manifest and fsyncs it. On resume, both files are cut back to the last commit marker's
/// lengths and the committed units are skipped. At the end the partial graph is fsynced and
/// renamed to `OUTPUT`, and the manifest removed.
public final class DurableRun {
  public struct Entry: Equatable, Sendable {
    public var source: String
    public var hash: String
    public var failed: Bool

    public init(source: String, hash: String, failed: Bool) {
      self.source = source
      self.hash = hash
      self.failed = failed
    }
  }

  public let outputPath: String
  public let errorsPath: String?
  public var partialPath: String { outputPath + ".partial" }
  public var manifestPath: String { outputPath + ".manifest" }
  public let commitEvery: Int

  /// Units committed by the interrupted run being resumed, in order.
  public private(set) var resumed: [Entry] = []
  /// Ids already in the resumed part of the graph, so the writer keeps writing each id once.
  public private(set) var resumedIDs: Set<String> = []

  private var graph: Int32 = -1
  private var errors: Int32 = -1
  private var manifest: Int32 = -1
  private var graphBytes: Int64 = 0
  private var errorsBytes: Int64 = 0
  /// Each unit's graph lines as the writer made them, kept apart until written: gathering
  /// them into one array copied every byte of the output once more.
  private var pendingGraph: [[UInt8]] = []
  private var pendingGraphCount = 0
  private var pendingErrors: [UInt8] = []
  private var pendingEntries: [Entry] = []
  private var committedCount = 0

  /// - Parameter identity: what must be equal for a resume to be valid (pipeline, shard …).
  public init(
    output: String, errors: String?, resume: Bool, commitEvery: Int, identity: String
  ) throws(QuotegraphError) {
    self.outputPath = output
    self.errorsPath = errors
    self.commitEvery = max(1, commitEvery)
    let header = JSONValue.object([
      "quotegraph_manifest": 1, "identity": .string(identity),
      "errors": errors.map(JSONValue.string) ?? .null,
    ]).serialized()
    if resume, FileIO.kind(of: manifestPath) == .file {
      try reopen(expectedHeader: header)
    } else {
      try startFresh(header: header)
    }
  }

  deinit {
    for descriptor in [graph, errors, manifest] where descriptor >= 0 { close(descriptor) }
  }

  /// Records one unit's output; commits every `commitEvery` units.
  public func record(_ entry: Entry, graphText: String, errorText: String) throws(QuotegraphError) {
    try record(entry, graphBytes: Array(graphText.utf8), errorText: errorText)
  }

  /// Records one unit's output, its graph lines as UTF-8 bytes.
  public func record(_ entry: Entry, graphBytes: [UInt8], errorText: String)
    throws(QuotegraphError)
  {
    pendingGraph.append(graphBytes)
    pendingGraphCount += graphBytes.count
    pendingErrors += errorText.utf8
    pendingEntries.append(entry)
    if pendingEntries.count >= commitEvery || pendingGraphCount > 8 << 20 {
      try commit()
    }
  }

  /// Makes everything recorded so far durable.
  public func commit() throws(QuotegraphError) {
    guard !pendingEntries.isEmpty else { return }
    for lines in pendingGraph { try append(lines, to: graph, path: partialPath) }
    graphBytes += Int64(pendingGraphCount)
    if errors >= 0 {
      try append(pendingErrors, to: errors, path: errorsPath ?? "")
      errorsBytes += Int64(pendingErrors.count)
    }
    try sync(graph, partialPath)
    if errors >= 0 { try sync(errors, errorsPath ?? "") }
    var lines = ""
    for entry in pendingEntries {
      lines += JSONValue.object([
        "source": .string(entry.source), "hash": .string(entry.hash), "failed": .bool(entry.failed),
      ]).serialized()
      lines += "\n"
    }
    committedCount += pendingEntries.count
    lines += JSONValue.object([
      "commit": .int(committedCount), "graph_bytes": .int(Int(graphBytes)),
      "errors_bytes": .int(Int(errorsBytes)),
    ]).serialized()
    lines += "\n"
    try append(Array(lines.utf8), to: manifest, path: manifestPath)
    try sync(manifest, manifestPath)
    pendingGraph.removeAll(keepingCapacity: true)
    pendingGraphCount = 0
    pendingErrors.removeAll(keepingCapacity: true)
    pendingEntries.removeAll(keepingCapacity: true)
  }

  /// Commits, then publishes the graph under its final name and drops the manifest.
  public func finish() throws(QuotegraphError) {
    try commit()
    if rename(partialPath, outputPath) != 0 {
      throw QuotegraphError(
        "output.unwritable", "cannot rename \(partialPath): \(DurableRun.errnoText())",
        file: outputPath)
    }
    unlink(manifestPath)
  }

  // MARK: - Opening

  private func startFresh(header: String) throws(QuotegraphError) {
    graph = try open(partialPath, truncate: true)
    if let errorsPath { errors = try open(errorsPath, truncate: true) }
    manifest = try open(manifestPath, truncate: true)
    try append(Array((header + "\n").utf8), to: manifest, path: manifestPath)
    try sync(manifest, manifestPath)
  }

  private func reopen(expectedHeader: String) throws(QuotegraphError) {
    let text = String(decoding: try FileIO.readAll(path: manifestPath), as: UTF8.self)
    // Only whole lines count: one cut short by the kill has no newline after it.
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines.removeLast()
    guard let first = lines.first, String(first) == expectedHeader else {
      throw QuotegraphError(
        "resume.mismatch",
        "the interrupted run used another pipeline, shard or errors file: run again without --resume",
        file: manifestPath, line: 1)
    }
    var entries: [Entry] = []
    var committed: [Entry] = []
    var committedGraph: Int64 = 0
    var committedErrors: Int64 = 0
    var lastCommitLine = 0
    for (number, line) in lines.enumerated().dropFirst() {
      guard case .object(let object)? = try? JSONReader.parse(Array(line.utf8), name: manifestPath)
      else {
        throw QuotegraphError(
          "resume.manifest", "damaged manifest line", file: manifestPath, line: number + 1)
      }
      if case .int(let count)? = object["commit"] {
        guard count == committed.count + entries.count,
          case .int(let graphLength)? = object["graph_bytes"],
          case .int(let errorsLength)? = object["errors_bytes"]
        else {
          throw QuotegraphError(
            "resume.manifest", "inconsistent commit marker", file: manifestPath, line: number + 1)
        }
        committed += entries
        entries.removeAll()
        lastCommitLine = number
        committedGraph = Int64(graphLength)
        committedErrors = Int64(errorsLength)
      } else if case .string(let source)? = object["source"],
        case .string(let hash)? = object["hash"]
      {
        entries.append(Entry(source: source, hash: hash, failed: object["failed"] == .bool(true)))
      }
    }
    resumed = committed
    committedCount = committed.count
    graph = try open(partialPath, truncate: false)
    try cut(graph, partialPath, to: committedGraph)
    graphBytes = committedGraph
    if let errorsPath {
      errors = try open(errorsPath, truncate: false)
      try cut(errors, errorsPath, to: committedErrors)
      errorsBytes = committedErrors
    }
    manifest = try open(manifestPath, truncate: false)
    // Drop uncommitted manifest lines by rewriting the committed prefix.
    let kept = lines[0...lastCommitLine].joined(separator: "\n") + "\n"
    try cut(manifest, manifestPath, to: 0)
    try append(Array(kept.utf8), to: manifest, path: manifestPath)
    try sync(manifest, manifestPath)
    resumedIDs = DurableRun.recordIDs(in: try FileIO.readAll(path: partialPath))
  }

  /// The `"id"` of every line of a graph file written by `GraphRecord.jsonLine()`.
  static func recordIDs(in bytes: [UInt8]) -> Set<String> {
    var ids: Set<String> = []
    let marker = Array(#","id":""#.utf8)
    var lineStart = 0
    while lineStart < bytes.count {
      let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
      if let markerStart = DurableRun.find(marker, in: bytes, from: lineStart, to: lineEnd) {
        let idStart = markerStart + marker.count
        var idEnd = idStart
        while idEnd < lineEnd, bytes[idEnd] != 0x22 {
          idEnd += bytes[idEnd] == 0x5C ? 2 : 1
        }
        ids.insert(String(decoding: bytes[idStart..<min(idEnd, lineEnd)], as: UTF8.self))
      }
      lineStart = lineEnd + 1
    }
    return ids
  }

  private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
    guard to - from >= pattern.count else { return nil }
    for start in from...(to - pattern.count) where bytes[start] == pattern[0] {
      if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
    }
    return nil
  }

  // MARK: - POSIX

  private func open(_ path: String, truncate: Bool) throws(QuotegraphError) -> Int32 {
    let flags = O_WRONLY | O_CREAT | (truncate ? O_TRUNC : 0)
    let descriptor = Glibc.open(path, flags, 0o644)
    guard descriptor >= 0 else {
      throw QuotegraphError(
        "output.unwritable", "cannot open: \(DurableRun.errnoText())", file: path)
    }
    return descriptor
  }

  private func cut(_ descriptor: Int32, _ path: String, to length: Int64) throws(QuotegraphError) {
    guard ftruncate(descriptor, off_t(length)) == 0, lseek(descriptor, off_t(length), SEEK_SET) >= 0
    else {
      throw QuotegraphError(
        "output.unwritable", "cannot truncate: \(DurableRun.errnoText())", file: path)
    }
  }

  private func append(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(QuotegraphError)
  {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes {
        write(descriptor, $0.baseAddress! + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw QuotegraphError(
          "output.unwritable", "write failed: \(DurableRun.errnoText())", file: path)
      }
      offset += written
    }
  }

  private func sync(_ descriptor: Int32, _ path: String) throws(QuotegraphError) {
    if fsync(descriptor) != 0 {
      throw QuotegraphError(
        "output.unwritable", "fsync failed: \(DurableRun.errnoText())", file: path)
    }
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
