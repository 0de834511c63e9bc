import Foundation
import Testing

@testable import QuotegraphKit

/// The seed article through the default pipeline, scored by `shared/tools/score.py` — the
/// scorer the project is judged by, run on the real output.
@Suite(
  "Seed article scored by shared/tools/score.py",
  .enabled(if: Paths.sharedCorpusAvailable, "needs ../shared/eval and ../shared/tools")
)
struct SeedScoreTests {
  /// The scorer's report lines, by their first word: `entities` → `P=1.000 R=1.000 F1=1.000`.
  func scores() async throws -> [String: String] {
    var output = ""
    var writer = GraphWriter(sink: { output += $0 })
    let seed = Paths.shared + "/eval/seed/rfi-20230719-kerry-han-zheng.txt"
    for outcome in try await Fixture.outcomes([seed]) {
      try writer.write(outcome.document?.records ?? [])
    }
    let graph = FileManager.default.temporaryDirectory.appendingPathComponent(
      "qg-seed-\(UUID().uuidString).jsonl")
    try output.write(to: graph, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Paths.shared + "/tools/score.py", Paths.shared + "/eval/seed", graph.path,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var lines: [String: String] = [:]
    for line in report.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
      lines[String(line[..<colon])] = String(line[line.index(after: colon)...])
    }
    return lines
  }

  @Test("quote attribution F1 ≥ 0.95, entities F1, roles recall and meetings F1 all 1.000")
  func seedScores() async throws {
    let scores = try await scores()
    func f1(_ key: String) -> Double? {
      scores[key]?.split(separator: "=").last.flatMap { Double($0) }
    }
    #expect((f1("quote_attribution") ?? 0) >= 0.95, "\(scores)")
    #expect(f1("entities") == 1.0, "\(scores)")
    #expect(f1("meetings") == 1.0, "\(scores)")
    #expect(scores["roles"]?.contains("recall=1.000") == true, "\(scores)")
  }
}
