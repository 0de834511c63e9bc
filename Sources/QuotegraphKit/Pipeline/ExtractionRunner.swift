/// What became of one input unit: its document or why it failed, with what the run manifest
/// and the progress line need to know.
public struct UnitOutcome: Sendable {
  public var source: String
  /// `StableID.hash` of the content, empty when the content could not be read.
  public var contentHash: String
  public var byteCount: Int
  public var result: Result<Document, QuotegraphError>

  public var document: Document? { try? result.get() }
  public var error: QuotegraphError? {
    if case .failure(let error) = result { return error }
    return nil
  }
}

/// Reads inputs and runs the pipeline over them on up to `jobs` cores, handing outcomes back
/// in input order so that output is the same for any number of jobs. At most `4 × jobs`
/// documents are in memory at once, however long the input.
public struct ExtractionRunner: Sendable {
  public var pipeline: Pipeline
  public var reader: ArticleReader
  public var jobs: Int

  public init(pipeline: Pipeline, reader: ArticleReader = ArticleReader(), jobs: Int) {
    self.pipeline = pipeline
    self.reader = reader
    self.jobs = max(1, jobs)
  }

  /// Processes one unit; never throws: every failure becomes an outcome.
  public func process(_ unit: InputUnit) -> UnitOutcome {
    let source = unit.source
    let bytes: [UInt8]
    switch unit {
    case .failure(_, let error):
      return UnitOutcome(source: source, contentHash: "", byteCount: 0, result: .failure(error))
    case .content(_, let content): bytes = content
    case .file(let path):
      do {
        bytes = try FileIO.readAll(path: path)
      } catch {
        return UnitOutcome(
          source: source, contentHash: "", byteCount: 0, result: .failure(error.located(in: source))
        )
      }
    }
    let hash = StableID.hash(bytes)
    do throws(QuotegraphError) {
      var document = try reader.read(bytes, source: source)
      try pipeline.process(&document)
      return UnitOutcome(
        source: source, contentHash: hash, byteCount: bytes.count, result: .success(document))
    } catch {
      return UnitOutcome(
        source: source, contentHash: hash, byteCount: bytes.count,
        result: .failure(error.located(in: source)))
    }
  }

  /// Runs every unit `next` yields, calling `deliver` once per unit, in input order, on the
  /// caller's task. `next` is called on the caller's task too, so it may read a stream.
  public func run(
    next: () -> InputUnit?, deliver: (UnitOutcome) throws -> Void
  ) async throws {
    if jobs == 1 {
      // Handing each article to a child task and back costs two thread wake-ups per article
      // (about 5% of a one-core run under perf) and buys nothing when one runs at a time.
      while let unit = next() { try deliver(process(unit)) }
      return
    }
    let window = jobs * 4
    try await withThrowingTaskGroup(of: (Int, UnitOutcome).self) { group in
      var launched = 0
      var delivered = 0
      var running = 0
      var exhausted = false
      var finished: [Int: UnitOutcome] = [:]
      func launch() {
        while !exhausted, running < jobs, launched - delivered < window {
          guard let unit = next() else {
            exhausted = true
            return
          }
          let index = launched
          group.addTask { (index, self.process(unit)) }
          launched += 1
          running += 1
        }
      }
      launch()
      while let (index, outcome) = try await group.next() {
        running -= 1
        finished[index] = outcome
        while let ready = finished.removeValue(forKey: delivered) {
          try deliver(ready)
          delivered += 1
        }
        launch()
      }
    }
  }

  /// Runs a list of units.
  public func run(_ units: [InputUnit], deliver: (UnitOutcome) throws -> Void) async throws {
    var iterator = units.makeIterator()
    try await run(next: { iterator.next() }, deliver: deliver)
  }
}
