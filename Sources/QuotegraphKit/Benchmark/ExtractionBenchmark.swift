import Dispatch
import ICUText
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Times quotegraph against its floor (raw ICU word break) on one workload built from real
/// articles: the reader, each stage alone, and `extract` end to end on one core and on all.
/// Throughput is in MB (10^6 bytes) of UTF-8 per second, of article files or of clean text.
public struct ExtractionBenchmark: Sendable {
  /// One article file's bytes and where it came from.
  public struct Article: Sendable {
    public var source: String
    public var bytes: [UInt8]
  }

  public var articles: [Article]
  public var pipeline: Pipeline
  public var jobs: Int
  /// How much clean text to keep in `Report.sampleText`.
  public var sampleBytes: Int

  public init(articles: [Article], pipeline: Pipeline, jobs: Int, sampleBytes: Int = 5_000_000) {
    self.articles = articles
    self.pipeline = pipeline
    self.jobs = jobs
    self.sampleBytes = sampleBytes
  }

  /// Repeats the readable files of `items` until their bytes reach `minimumBytes`.
  public static func workload(from items: [InputItem], minimumBytes: Int) -> [Article] {
    var originals: [Article] = []
    for case .file(let path) in items {
      if let bytes = try? FileIO.readAll(path: path) {
        originals.append(Article(source: path, bytes: bytes))
      }
    }
    guard !originals.isEmpty else { return [] }
    var result: [Article] = []
    var total = 0
    var round = 0
    while total < minimumBytes {
      for article in originals {
        result.append(Article(source: "\(article.source)#\(round)", bytes: article.bytes))
        total += article.bytes.count
      }
      round += 1
    }
    return result
  }

  public struct Measurement: Sendable {
    public var name: String
    public var seconds: Double
    /// The bytes this measurement's rate is computed over.
    public var bytes: Int
    public var basis: String
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
  }

  public struct Report: Sendable {
    public var articles: Int
    public var inputBytes: Int
    public var cleanTextBytes: Int
    public var measurements: [Measurement]
    /// Peak resident memory after the end-to-end runs (the workload's bytes included), before
    /// the stage-by-stage passes.
    public var peakResidentMegabytes: Double
    /// The first few MB of the workload's clean text, for baselines run outside this process.
    public var sampleText: String

    public func rate(_ name: String) -> Double? {
      measurements.first { $0.name == name }?.megabytesPerSecond
    }
  }

  public func run() async throws -> Report {
    let clock = ContinuousClock()
    let inputBytes = articles.reduce(0) { $0 + $1.bytes.count }
    var measurements: [Measurement] = []
    var sampleText = ""

    // End to end first, so that the peak RSS read after it is what `extract` needs: read, every
    // stage, JSON lines, as `extract` runs them.
    var endToEndSeconds: [(jobs: Int, seconds: Double)] = []
    for jobCount in Set([1, jobs]).sorted() {
      endToEndSeconds.append((jobCount, try await endToEnd(jobs: jobCount)))
    }
    let extractResident = ExtractionBenchmark.peakResidentMegabytes()

    // The reader, then each stage alone on documents that went through the stages before it.
    // In slices of articles, so that the whole workload's documents are never in memory at once.
    let reader = ArticleReader()
    var readSeconds = 0.0
    var stageSeconds = [Double](repeating: 0, count: pipeline.stages.count)
    var texts: [[UInt16]] = []
    var cleanTextBytes = 0
    var position = 0
    while position < articles.count {
      let slice = articles[position..<min(articles.count, position + 256)]
      position += slice.count
      var documents: [Document] = []
      documents.reserveCapacity(slice.count)
      let started = clock.now
      for article in slice {
        if let document = try? reader.read(article.bytes, source: article.source) {
          documents.append(document)
        }
      }
      readSeconds += (clock.now - started).seconds
      for (index, stage) in pipeline.stages.enumerated() {
        for slot in documents.indices {
          let before = clock.now
          try stage.process(&documents[slot])
          stageSeconds[index] += (clock.now - before).seconds
        }
        if index == 0 {
          for document in documents {
            cleanTextBytes += document.text.string.utf8.count
            texts.append(document.text.units)
            if sampleText.utf8.count < sampleBytes { sampleText += document.text.string + "\n" }
          }
        }
      }
    }
    measurements.append(
      Measurement(
        name: "read (decode, header)", seconds: readSeconds, bytes: inputBytes, basis: "files"))
    for (index, stage) in pipeline.stages.enumerated() {
      measurements.append(
        Measurement(
          name: "stage \(pipeline.stageIDs[index]) (\(type(of: stage).type))",
          seconds: stageSeconds[index], bytes: inputBytes, basis: "files"))
    }

    // The floor: ICU's word break over the same clean text, nothing else.
    let words = try BreakIterator(.word, locale: "zh")
    var started = clock.now
    var boundaryCount = 0
    for text in texts {
      boundaryCount += try words.segments(of: text).count
    }
    let icuSeconds = (clock.now - started).seconds
    precondition(boundaryCount >= 0)
    measurements.append(
      Measurement(
        name: "raw ICU word break (floor)", seconds: icuSeconds, bytes: cleanTextBytes,
        basis: "clean text"))
    if jobs > 1 {
      // The floor on all cores: the texts in `jobs` slices, an iterator per slice.
      let slice = (texts.count + jobs - 1) / jobs
      let failures = Mutex(0)
      let allTexts = texts
      started = clock.now
      DispatchQueue.concurrentPerform(iterations: jobs) { part in
        guard let iterator = try? BreakIterator(.word, locale: "zh") else {
          failures.withLock { $0 += 1 }
          return
        }
        for text
          in allTexts[min(allTexts.count, part * slice)..<min(allTexts.count, (part + 1) * slice)]
        where (try? iterator.segments(of: text)) == nil {
          failures.withLock { $0 += 1 }
        }
      }
      let seconds = (clock.now - started).seconds
      precondition(failures.withLock { $0 } == 0, "ICU word break failed")
      measurements.append(
        Measurement(
          name: "raw ICU word break (floor), \(jobs) jobs", seconds: seconds,
          bytes: cleanTextBytes, basis: "clean text"))
    }

    for (jobCount, seconds) in endToEndSeconds {
      let name = "extract end to end, \(jobCount) job\(jobCount == 1 ? "" : "s")"
      measurements.append(
        Measurement(name: name, seconds: seconds, bytes: inputBytes, basis: "files"))
      measurements.append(
        Measurement(name: name, seconds: seconds, bytes: cleanTextBytes, basis: "clean text"))
    }
    return Report(
      articles: articles.count, inputBytes: inputBytes, cleanTextBytes: cleanTextBytes,
      measurements: measurements, peakResidentMegabytes: extractResident,
      sampleText: sampleText)
  }

  private func endToEnd(jobs: Int) async throws -> Double {
    let units = articles.map { InputUnit.content(source: $0.source, bytes: $0.bytes) }
    let runner = ExtractionRunner(pipeline: pipeline, jobs: jobs)
    var written = 0
    var writer = GraphWriter(sink: { written += $0.utf8.count })
    let clock = ContinuousClock()
    let started = clock.now
    try await runner.run(units) { outcome in
      if let document = outcome.document { try writer.write(document.records) }
    }
    precondition(written >= 0)
    return (clock.now - started).seconds
  }

  public static func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
  }
}
