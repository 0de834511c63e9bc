import Foundation
import Testing

@testable import QuotegraphKit

@Suite("Archives, standard input streams and shards")
struct BatchInputTests {
  @Test("tar.gz and zip members are read in order, as sources archive!member")
  func archives() async throws {
    for archive in ["sample.tar.gz", "sample.zip"] {
      let outcomes = try await Fixture.outcomes([Paths.fixtures + "/archives/" + archive])
      #expect(outcomes.count == 7)
      #expect(outcomes.allSatisfy { $0.document != nil })
      #expect(
        outcomes.last?.source.hasSuffix(archive + "!sample/rfi-20230719-kerry-han-zheng.txt")
          == true)
    }
  }

  @Test("files are read whole: empty, larger than a read, and from a pipe of unknown size")
  func readingFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotegraph-read-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let large = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    for content in [[], [0x41], large] as [[UInt8]] {
      let path = directory.appendingPathComponent("f\(content.count)").path
      try Data(content).write(to: URL(fileURLWithPath: path))
      #expect(try FileIO.readAll(path: path) == content)
    }
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let written = large.prefix(50_000).withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    #expect(written == 50_000)
    close(ends[1])
    #expect(try FileIO.readAll(descriptor: ends[0], name: "pipe") == Array(large.prefix(50_000)))
    close(ends[0])
    #expect(throws: QuotegraphError.self) { try FileIO.readAll(path: directory.path) }
  }

  @Test("hostile members are refused, one error each, and the rest is read")
  func hostileArchive() async throws {
    let outcomes = try await Fixture.outcomes([Paths.fixtures + "/archives/hostile.tar"])
    let reasons = outcomes.map {
      ($0.source.split(separator: "!").last.map(String.init) ?? "", $0.error?.message)
    }
    #expect(
      reasons.map(\.0) == [
        "ok/seed.txt", "/etc/evil.md", "../escape.md", "ok/link.md", "ok/hard.md", "ok/after.txt",
      ])
    #expect(outcomes[0].document != nil && outcomes[5].document != nil)
    #expect(reasons[1].1?.contains("absolute path") == true)
    #expect(reasons[2].1?.contains("climbs out") == true)
    #expect(reasons[3].1?.contains("symbolic link") == true)
    #expect(reasons[4].1?.contains("hard link") == true)
  }

  @Test("a zip bomb member is refused without expanding it; the next member is read")
  func zipBomb() async throws {
    let outcomes = try await Fixture.outcomes([Paths.fixtures + "/archives/bomb.zip"])
    #expect(outcomes.count == 2)
    #expect(outcomes[0].error?.message.contains("zip bomb") == true)
    #expect(outcomes[1].document?.article.title == "克里见韩正 提气候归气候 政治归政治")
  }

  @Test("a damaged archive is one error naming it")
  func damagedArchive() async throws {
    let outcomes = try await Fixture.outcomes([Paths.fixtures + "/archives/damaged.tar.gz"])
    #expect(outcomes.count >= 1)
    #expect(outcomes.last?.error?.code == "input.archive")
  }

  @Test(
    "member names: absolute and climbing paths are unsafe",
    arguments: [
      ("/etc/passwd", true), ("../x.md", true), ("a/../../x.md", true), ("C:/x.md", true),
      ("a/b.md", false), ("a..b.md", false),
    ])
  func unsafeNames(name: String, unsafe: Bool) {
    #expect((ArchiveReader.unsafeNameReason(name) != nil) == unsafe)
  }

  func split(_ text: String, max: Int = 1 << 20) -> [InputUnit] {
    let splitter = StandardInputSplitter(bytes: Array(text.utf8), maxArticleBytes: max)
    var units: [InputUnit] = []
    while let unit = splitter.next() { units.append(unit) }
    return units
  }

  func text(_ unit: InputUnit) -> String {
    if case .content(_, let bytes) = unit { return String(decoding: bytes, as: UTF8.self) }
    return ""
  }

  @Test("standard input: articles one after another, with and without front matter")
  func concatenatedArticles() {
    let first = Fixture.article(body: "<p>一</p>", url: "https://x.org/1")
    let second =
      "---\ntitle: \"二\"\n---\n<!--1689756309000-->\n[二](https://x.org/2)\n------\n\n<p>二</p>\n"
    let third = Fixture.article(body: "<p>三</p>", url: "https://x.org/3")
    let units = split(first + second + third)
    #expect(units.map(\.source) == ["-#1", "-#2", "-#3"])
    #expect(units.map(text) == [first, second, third])
  }

  @Test("standard input: one article keeps the source -")
  func singleArticle() {
    let units = split(Fixture.article(body: "<p>一</p>"))
    #expect(units.map(\.source) == ["-"])
  }

  @Test("standard input: JSON lines, with a bad line reported at its line")
  func jsonLines() {
    let units = split(
      """
      {"source": "a.md", "content": "<!--1-->\\n[a](https://x.org/a)\\n"}
      not json
      {"source": "c.md"}

      {"content": "x"}
      """)
    #expect(units.map(\.source) == ["a.md", "-:2", "-:3", "-:5"])
    if case .failure(_, let error) = units[1] {
      #expect(error.line == 2)
    } else {
      Issue.record("line 2 should fail")
    }
    if case .failure(_, let error) = units[2] {
      #expect(error.message.contains("content"))
    } else {
      Issue.record("line 3 should fail")
    }
    #expect(text(units[0]).hasPrefix("<!--1-->\n[a]"))
  }

  @Test("standard input: an article over the limit is refused, the next is read")
  func oversizedArticle() {
    let big = Fixture.article(
      body: "<p>" + String(repeating: "长", count: 2000) + "</p>", url: "https://x.org/big")
    let small = Fixture.article(body: "<p>短</p>", url: "https://x.org/small")
    let units = split(big + small, max: 1000)
    #expect(units.count == 2)
    if case .failure(_, let error) = units[0] {
      #expect(error.code == "input.too-large")
    } else {
      Issue.record("should fail")
    }
    #expect(text(units[1]) == small)
  }

  @Test("property: shards partition the sources")
  func shardsPartition() {
    var generator = SplitMix64(seed: 3)
    let sources = (0..<500).map {
      "archive/\($0)-\(UInt32.random(in: 0...UInt32.max, using: &generator)).md"
    }
    for count in [1, 2, 3, 7] {
      let shards = (0..<count).compactMap { Shard("\($0)/\(count)") }
      for source in sources {
        #expect(shards.filter { $0.contains(source) }.count == 1)
      }
    }
    #expect(Shard("2/2") == nil)
    #expect(Shard("-1/2") == nil)
    #expect(Shard("a/b") == nil)
  }
}

@Suite("Merging and durable runs")
struct MergeAndResumeTests {
  @Test("merge unions by id, sums counts, unites lists, orders deterministically")
  func merge() throws {
    let a = """
      {"type":"node","id":"p:1","labels":["Person"],"properties":{"aliases":["克里"],"name":"约翰·克里","count":2}}
      {"type":"node","id":"a:1","labels":["Article"],"properties":{"url":"u1"}}
      {"type":"relationship","id":"r:1","label":"MENTIONED_IN","start":{"id":"p:1","labels":["Person"]},"end":{"id":"a:1","labels":["Article"]},"properties":{"count":1}}
      """
    let b = """
      {"type":"node","id":"p:1","labels":["Person"],"properties":{"aliases":["凯瑞"],"name":"约翰·克里","count":3}}
      {"type":"relationship","id":"r:1","label":"MENTIONED_IN","start":{"id":"p:1","labels":["Person"]},"end":{"id":"a:1","labels":["Article"]},"properties":{"count":4}}
      """
    var merger = GraphMerger()
    try merger.add(Array(a.utf8), file: "a.jsonl")
    try merger.add(Array(b.utf8), file: "b.jsonl")
    let lines = merger.lines()
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix(#"{"type":"node","id":"a:1""#))
    #expect(lines[1].contains(#""aliases":["克里","凯瑞"],"count":5"#))
    #expect(lines[2].contains(#""properties":{"count":5}"#))
    var reversed = GraphMerger()
    try reversed.add(Array(b.utf8), file: "b.jsonl")
    try reversed.add(Array(a.utf8), file: "a.jsonl")
    #expect(reversed.lines().map { $0.count } == lines.map { $0.count })
  }

  @Test("merge names the file and line of a bad line")
  func mergeBadLine() {
    var merger = GraphMerger()
    let error = #expect(throws: QuotegraphError.self) {
      try merger.add(
        Array("{\"type\":\"node\",\"id\":\"x\",\"labels\":[]}\n{oops\n".utf8), file: "p.jsonl")
    }
    #expect(error?.file == "p.jsonl")
    #expect(error?.line == 2)
  }

  @Test("a resumed run cuts uncommitted output and skips committed units")
  func resumeAfterCrash() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "qg-durable-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let output = directory + "/graph.jsonl"
    let errors = directory + "/errors.jsonl"
    do {
      let run = try DurableRun(
        output: output, errors: errors, resume: false, commitEvery: 2, identity: "x")
      try run.record(
        .init(source: "a", hash: "1", failed: false),
        graphText: #"{"type":"node","id":"n:a","labels":[],"properties":{}}"# + "\n", errorText: "")
      try run.record(
        .init(source: "b", hash: "2", failed: true), graphText: "",
        errorText: "{\"source\":\"b\"}\n")
      // Uncommitted: as if the process were killed before the next commit.
      try run.record(
        .init(source: "c", hash: "3", failed: false),
        graphText: #"{"type":"node","id":"n:c","labels":[],"properties":{}}"# + "\n", errorText: "")
    }
    // Garbage a kill could leave after the last commit.
    let partial = try FileHandle(forWritingTo: URL(fileURLWithPath: output + ".partial"))
    partial.seekToEndOfFile()
    partial.write(Data("{\"type\":\"no".utf8))
    try partial.close()

    let resumed = try DurableRun(
      output: output, errors: errors, resume: true, commitEvery: 2, identity: "x")
    #expect(resumed.resumed.map(\.source) == ["a", "b"])
    #expect(resumed.resumedIDs == ["n:a"])
    try resumed.record(
      .init(source: "c", hash: "3", failed: false),
      graphText: #"{"type":"node","id":"n:c","labels":[],"properties":{}}"# + "\n", errorText: "")
    try resumed.finish()
    let graph = try String(contentsOfFile: output, encoding: .utf8)
    #expect(graph.split(separator: "\n").count == 2)
    #expect(try String(contentsOfFile: errors, encoding: .utf8) == "{\"source\":\"b\"}\n")
    #expect(!FileManager.default.fileExists(atPath: output + ".manifest"))
    let mismatch = #expect(throws: QuotegraphError.self) {
      let run = try DurableRun(
        output: output, errors: errors, resume: false, commitEvery: 2, identity: "x")
      try run.commit()
      _ = try DurableRun(
        output: output, errors: errors, resume: true, commitEvery: 2, identity: "y")
    }
    #expect(mismatch?.code == "resume.mismatch")
  }
}
