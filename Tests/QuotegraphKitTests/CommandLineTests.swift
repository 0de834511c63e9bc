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

  static func articleCount(_ graph: String) -> Int {
    graph.split(separator: "\n").filter { $0.hasPrefix(#"{"type":"node","id":"article:"#) }.count
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
    let graph = try String(contentsOfFile: output, encoding: .utf8)
    #expect(Self.articleCount(graph) == 7)
    #expect(graph.contains(#""name":"约翰·克里""#))
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
    #expect(Self.articleCount(result.stdout) == 1)
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

  @Test("-o - writes to standard output, for extract and merge, and --resume refuses it")
  func dashOutputIsStandardOutput() throws {
    let extracted = try run(["extract", Paths.seedArticle, "-o", "-"])
    #expect(extracted.status == 0)
    #expect(Self.articleCount(extracted.stdout) == 1)
    let part = try temporaryDirectory().appendingPathComponent("part.jsonl").path
    try extracted.stdout.write(toFile: part, atomically: true, encoding: .utf8)
    let merged = try run(["merge", part, "-o", "-"])
    #expect(merged.status == 0)
    #expect(Self.articleCount(merged.stdout) == 1)
    #expect(!FileManager.default.fileExists(atPath: Paths.repository + "/-"))
    let resumed = try run(["extract", Paths.seedArticle, "-o", "-", "--resume"])
    #expect(resumed.status == 2)
    #expect(resumed.stderr.contains("--resume needs -o"))
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

  /// A folder of `count` articles with unique URLs made from the sample archive, plus one
  /// file that fails.
  func syntheticArchive(count: Int) throws -> URL {
    let directory = try temporaryDirectory().appendingPathComponent("archive")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let samples = try FileManager.default.contentsOfDirectory(atPath: Paths.sample).sorted().map {
      try String(contentsOfFile: Paths.sample + "/" + $0, encoding: .utf8)
    }
    for index in 0..<count {
      let text = samples[index % samples.count]
        .replacing(")\n------", with: "?copy=\(index))\n------")
      let name = String(format: "%05d.md", index)
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try Data([0, 1, 2]).write(to: directory.appendingPathComponent("00100-bad.md"))
    return directory
  }

  @Test("kill -9 at any moment, then --resume: output byte-identical to an uninterrupted run")
  func killAndResume() async throws {
    let archive = try syntheticArchive(count: 900)
    let work = try temporaryDirectory()
    let reference = work.appendingPathComponent("reference.jsonl").path
    let referenceErrors = work.appendingPathComponent("reference-errors.jsonl").path
    let arguments = ["extract", archive.path, "-j", "2", "--commit-every", "7", "-q"]
    let clock = ContinuousClock()
    let started = clock.now
    let uninterrupted = try run(arguments + ["-o", reference, "--errors", referenceErrors])
    let duration = clock.now - started
    #expect(uninterrupted.status == 1)

    var resumedAtLeastOnce = false
    // Kill at several points of a run as long as the uninterrupted one, start-up included.
    for (trial, fraction) in [0.35, 0.55, 0.7, 0.85, 0.95].enumerated() {
      let delay = duration * fraction
      let output = work.appendingPathComponent("out\(trial).jsonl").path
      let errors = work.appendingPathComponent("errors\(trial).jsonl").path
      let process = Process()
      process.executableURL = Self.executable
      process.arguments = arguments + ["-o", output, "--errors", errors]
      process.standardError = FileHandle.nullDevice
      try process.run()
      try await Task.sleep(for: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      if FileManager.default.fileExists(atPath: output + ".manifest") { resumedAtLeastOnce = true }
      let resumed = try run(
        arguments.filter { $0 != "-q" } + ["-o", output, "--errors", errors, "--resume"])
      #expect(resumed.status == 1)
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: output))
          == Data(contentsOf: URL(fileURLWithPath: reference)))
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: errors))
          == Data(contentsOf: URL(fileURLWithPath: referenceErrors)))
      #expect(!FileManager.default.fileExists(atPath: output + ".manifest"))
    }
    #expect(resumedAtLeastOnce, "no kill landed mid-run: make the workload larger")
  }

  @Test("-j 1 and -j 2 write the same bytes")
  func jobsDoNotChangeOutput() throws {
    let archive = try syntheticArchive(count: 120)
    let one = try run(["extract", archive.path, "-j", "1", "-q"])
    let two = try run(["extract", archive.path, "-j", "2", "-q"])
    #expect(one.stdout == two.stdout)
    #expect(Self.articleCount(one.stdout) == 120)
  }

  @Test("shards split the work and merge back to the whole")
  func shardsAndMerge() throws {
    let archive = try syntheticArchive(count: 60)
    let work = try temporaryDirectory()
    var parts: [String] = []
    for index in 0..<3 {
      let part = work.appendingPathComponent("part\(index).jsonl").path
      _ = try run(["extract", archive.path, "--shard", "\(index)/3", "-o", part, "-q"])
      parts.append(part)
    }
    let counts = try parts.map {
      Self.articleCount(try String(contentsOfFile: $0, encoding: .utf8))
    }
    #expect(counts.reduce(0, +) == 60)
    #expect(counts.allSatisfy { $0 > 0 })
    let merged = try run(["merge"] + parts)
    let unsharded = work.appendingPathComponent("whole.jsonl").path
    _ = try run(["extract", archive.path, "-o", unsharded, "-q"])
    let whole = try run(["merge", unsharded])
    #expect(merged.status == 0)
    #expect(merged.stdout == whole.stdout)
  }

  @Test("extract - reads concatenated articles and JSON lines from standard input")
  func standardInputStreams() throws {
    let seed = try String(contentsOfFile: Paths.seedArticle, encoding: .utf8)
    let other = seed.replacing(")\n------", with: "?b)\n------")
    let concatenated = try run(["extract", "-"], stdin: seed + other)
    #expect(Self.articleCount(concatenated.stdout) == 2)
    #expect(concatenated.stdout.contains(#""source":"-#2""#))
    func jsonLine(_ source: String, _ content: String) throws -> String {
      String(
        decoding: try JSONSerialization.data(withJSONObject: ["source": source, "content": content]
        ), as: UTF8.self)
    }
    let lines = try jsonLine("a.md", seed) + "\n" + jsonLine("b.md", other) + "\n"
    let json = try run(["extract", "-"], stdin: lines)
    #expect(json.status == 0)
    #expect(json.stdout.contains(#""source":"a.md""#) && json.stdout.contains(#""source":"b.md""#))
  }

  @Test("inputs the fuzzer found or that were written to trip it replay without a crash")
  func fuzzRegressions() throws {
    let replay = Self.executable.deletingLastPathComponent().appendingPathComponent(
      "quotegraph-fuzz")
    let inputs = try FileManager.default.contentsOfDirectory(atPath: Paths.fixtures + "/fuzz")
      .sorted().map { Paths.fixtures + "/fuzz/" + $0 }
    #expect(!inputs.isEmpty)
    let process = Process()
    process.executableURL = replay
    process.arguments = inputs
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}
