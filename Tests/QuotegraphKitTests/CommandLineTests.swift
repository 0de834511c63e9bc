import Foundation
import Testing

/// Runs the real `quotegraph` executable, as a user would.
@Suite("quotegraph command line", .serialized)
struct CommandLineTests {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let executable: URL = {
    var url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    url.deleteLastPathComponent()
    return url.appendingPathComponent("quotegraph")
  }()

  func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Paths.repository)
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self))
  }

  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotegraph-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("extract over the sample archive: one Article per file, exit 0, a summary")
  func extractSample() throws {
    let directory = try temporaryDirectory()
    let output = directory.appendingPathComponent("graph.jsonl").path
    let result = try run(["extract", "Tests/Fixtures/sample", "-o", output])
    #expect(result.status == 0)
    #expect(result.stderr.contains("7 articles read"))
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 7)
    #expect(lines.allSatisfy { $0.contains(#""labels":["Article"]"#) })
  }

  @Test("a bad file costs nothing else: errors file lines, exit 1")
  func badFiles() throws {
    let directory = try temporaryDirectory()
    let bad = directory.appendingPathComponent("bad.md")
    try Data([0x00, 0x01, 0x02, 0xFF]).write(to: bad)
    let noHeader = directory.appendingPathComponent("note.txt")
    try "hello".write(to: noHeader, atomically: true, encoding: .utf8)
    let errors = directory.appendingPathComponent("errors.jsonl").path
    let result = try run([
      "extract", Paths.seedArticle, bad.path, noHeader.path, "missing.md", "--errors", errors, "-j",
      "2",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.split(separator: "\n").count == 1)
    let errorLines = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
    #expect(errorLines.count == 3)
    let decoded = try errorLines.map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
    #expect(decoded.map { $0["source"] as? String } == [bad.path, noHeader.path, "missing.md"])
    #expect(decoded[0]["code"] as? String == "input.binary")
    #expect(decoded[1]["line"] as? Int == 1)
    #expect(decoded.allSatisfy { ($0["error"] as? String)?.isEmpty == false })
    #expect(result.stderr.contains("3 failed"))
  }

  @Test("standard input is one article")
  func standardInput() throws {
    let text = try String(contentsOfFile: Paths.seedArticle, encoding: .utf8)
    let result = try run(["extract", "-"], stdin: text)
    #expect(result.status == 0)
    #expect(result.stdout.contains(#""source":"-""#))
  }

  @Test(
    "usage errors exit with 2",
    arguments: [
      ["extract"], ["extract", "x", "--jobs", "0"], ["extract", "--bogus", "x"], ["nonsense"],
    ])
  func usageErrors(arguments: [String]) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(!result.stderr.isEmpty)
  }

  @Test("a broken pipeline file exits with 2, naming the file and line")
  func brokenPipeline() throws {
    let directory = try temporaryDirectory()
    let pipeline = directory.appendingPathComponent("p.yml")
    try "stages:\n  - type: no.such.stage\n".write(to: pipeline, atomically: true, encoding: .utf8)
    let result = try run(["extract", Paths.seedArticle, "--pipeline", pipeline.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(pipeline.path):2: unknown stage type `no.such.stage`"))
  }

  @Test("segment prints paragraphs, sentences and tokens")
  func segment() throws {
    let result = try run(["segment", Paths.seedArticle])
    #expect(result.status == 0)
    #expect(result.stdout.contains("s2 [19,41) 美国气候特使克里今天会见中国国家副主席韩正。"))
    #expect(result.stdout.contains("美国|气候|特使|克里|今天|会见|中国|国家|副主席|韩|正|。"))
    let json = try run(["segment", "--json", Paths.seedArticle])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["sentences"] as? [Any])?.count == 22)
  }
}
