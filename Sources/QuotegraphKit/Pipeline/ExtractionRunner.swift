/// What became of one input.
public enum DocumentOutcome: Sendable {
  case processed(Document)
  case failed(source: String, error: QuotegraphError)

  public var source: String {
    switch self {
    case .processed(let document): document.article.source
    case .failed(let source, _): source
    }
  }
}

/// Reads inputs and runs the pipeline over them on up to `jobs` cores, handing outcomes back
/// in input order so that output is the same for any number of jobs. At most a bounded number
/// of documents is in memory at once, however long the input list.
public struct ExtractionRunner: Sendable {
  public var pipeline: Pipeline
  public var reader: ArticleReader
  public var jobs: Int

  public init(pipeline: Pipeline, reader: ArticleReader = ArticleReader(), jobs: Int) {
    self.pipeline = pipeline
    self.reader = reader
    self.jobs = max(1, jobs)
  }

  /// Processes one input; never throws: every failure becomes an outcome.
  public func process(_ item: InputItem, bytes preread: [UInt8]? = nil) -> DocumentOutcome {
    let source = item.source
    let bytes: [UInt8]
    do throws(QuotegraphError) {
      switch item {
      case .unreadable(_, let error): throw error
      case _ where preread != nil: bytes = preread ?? []
      case .file(let path): bytes = try FileIO.readAll(path: path)
      case .standardInput: bytes = try FileIO.readAll(descriptor: 0, name: "-")
      }
      var document = try reader.read(bytes, source: source)
      try pipeline.process(&document)
      return .processed(document)
    } catch {
      return .failed(source: source, error: error.located(in: source))
    }
  }

  /// Runs every input, calling `deliver` once per input, in input order, on the caller's task.
  /// - Parameter bytes: supplies an item's content instead of reading it (benchmarks, archives).
  public func run(
    _ items: [InputItem], bytes: (@Sendable (InputItem) -> [UInt8]?)? = nil,
    deliver: (DocumentOutcome) throws -> Void
  ) async throws {
    let window = jobs * 4
    try await withThrowingTaskGroup(of: (Int, DocumentOutcome).self) { group in
      var next = 0
      var nextToDeliver = 0
      var running = 0
      var finished: [Int: DocumentOutcome] = [:]
      func launch() {
        while running < jobs, next < items.count, next - nextToDeliver < window {
          let index = next
          let item = items[index]
          group.addTask { (index, self.process(item, bytes: bytes?(item))) }
          next += 1
          running += 1
        }
      }
      launch()
      while let (index, outcome) = try await group.next() {
        running -= 1
        finished[index] = outcome
        while let ready = finished.removeValue(forKey: nextToDeliver) {
          try deliver(ready)
          nextToDeliver += 1
        }
        launch()
      }
    }
  }
}
