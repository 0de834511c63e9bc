import Foundation
import QuotegraphKit
import Testing

/// Paths to the repository, its fixtures and the shared data beside it.
enum Paths {
  static let repository: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()
  static let fixtures = repository + "/Tests/Fixtures"
  static let sample = fixtures + "/sample"
  static let golden = repository + "/Tests/QuotegraphKitTests/Golden"
  static let defaultPipeline = repository + "/Pipelines/default.yml"
  static let shared = URL(fileURLWithPath: repository).deletingLastPathComponent()
    .appendingPathComponent("shared").path
  static let seedArticle = sample + "/rfi-20230719-kerry-han-zheng.txt"

  static var sharedCorpusAvailable: Bool {
    FileManager.default.fileExists(atPath: shared + "/corpus")
  }
}

enum Fixture {
  static func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static let defaultPipeline: Pipeline = {
    do {
      let configuration = try PipelineConfiguration.load(file: Paths.defaultPipeline)
      return try Pipeline(configuration: configuration, resourceRoot: Paths.repository)
    } catch {
      fatalError("the default pipeline does not build: \(error)")
    }
  }()

  /// Runs the default pipeline over files, folders or archives, as `extract` does.
  static func outcomes(_ paths: [String], jobs: Int = 2) async throws -> [UnitOutcome] {
    let producer = InputProducer(items: InputCollector().collect(paths).items)
    var outcomes: [UnitOutcome] = []
    try await ExtractionRunner(pipeline: defaultPipeline, jobs: jobs).run(next: producer.next) {
      outcomes.append($0)
    }
    return outcomes
  }

  /// Reads and runs the default pipeline over an article given as text.
  static func process(_ text: String, source: String = "test.md") throws -> Document {
    var document = try ArticleReader().parse(text, source: source)
    try defaultPipeline.process(&document)
    return document
  }

  /// An article in the exact layout around an HTML body.
  static func article(body: String, title: String = "标题", url: String = "https://example.org/a")
    -> String
  {
    "<!--1689756309000-->\n[\(title)](\(url))\n------\n\n\(body)\n"
  }
}

/// Compares output with a golden file; `QUOTEGRAPH_RECORD=1 swift test` rewrites the golden
/// files and fails, so that a person reviews the diff before committing it.
enum Golden {
  static func check(
    _ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let path = Paths.golden + "/" + name
    if ProcessInfo.processInfo.environment["QUOTEGRAPH_RECORD"] == "1" {
      try FileManager.default.createDirectory(
        atPath: Paths.golden, withIntermediateDirectories: true)
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
      Issue.record(
        "recorded \(name): review the diff, then run the tests without QUOTEGRAPH_RECORD",
        sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      Issue.record(
        "no golden file \(name): run QUOTEGRAPH_RECORD=1 swift test", sourceLocation: sourceLocation
      )
      return
    }
    if expected != actual {
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let firstDifference =
        Array(zip(expectedLines, actualLines)).firstIndex(where: { $0 != $1 })
        ?? min(expectedLines.count, actualLines.count)
      let expectedLine =
        firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
      let actualLine =
        firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
      Issue.record(
        "\(name) differs at line \(firstDifference + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
        sourceLocation: sourceLocation)
    }
  }
}
