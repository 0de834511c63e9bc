import Foundation
import Testing

/// `quotegraph report`, run as a user would, on the sample archive's graph.
extension CommandLineTests {
  static let reportGraph = Paths.fixtures + "/report/sample.graph.jsonl"

  @Test(
    "report writes each format, the same bytes twice; the -o extension chooses the format",
    arguments: [
      (["-f", "text"], "report.out", "1  约翰·克里 (John Kerry)"),
      (["--format", "markdown"], "report.out", "| 1 | [约翰·克里 (John Kerry)](#speaker-1) | 15 |"),
      ([], "report.md", "## 1. 约翰·克里 (John Kerry)"),
      ([], "report.html", "<h2>1. 约翰·克里 <span class=\"en\">John Kerry</span></h2>"),
      (["-f", "html"], "report.out", "data-ready"),
    ])
  func report(options: [String], output: String, marker: String) throws {
    let directory = try temporaryDirectory()
    let path = directory.appendingPathComponent(output).path
    var contents: [String] = []
    for _ in 0..<2 {
      let result = try run(["report", Self.reportGraph, "-o", path] + options)
      #expect(result.status == 0, "\(result.stderr)")
      contents.append(try String(contentsOfFile: path, encoding: .utf8))
    }
    #expect(contents[0] == contents[1])
    #expect(contents[0].contains(marker))
  }

  @Test("report filters on the command line; text to a pipe is plain, from standard input")
  func reportFilters() throws {
    let graph = try String(contentsOfFile: Self.reportGraph, encoding: .utf8)
    let result = try run(
      ["report", "-", "--person", "凱瑞", "--kind", "direct", "--since", "2023-07-19", "--full"],
      stdin: graph)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains("Filters: person 凱瑞: 约翰·克里 (wd:Q22316); since 2023-07-19; kind direct")
    )
    #expect(result.stdout.contains("1 speaker"))
    #expect(!result.stdout.contains("(indirect"))
    #expect(!result.stdout.contains("\u{1B}["))
    let outlet = try run(["report", Self.reportGraph, "--outlet", "法广", "-f", "md"])
    #expect(outlet.status == 0)
    #expect(outlet.stdout.contains("迈克·蓬佩奥"))
    #expect(!outlet.stdout.contains("约翰·克里"))
  }

  @Test("an empty graph reports no statements and exits with 0")
  func reportEmpty() throws {
    let directory = try temporaryDirectory()
    let empty = directory.appendingPathComponent("empty.jsonl")
    try Data().write(to: empty)
    for format in ["text", "markdown", "html"] {
      let result = try run(["report", empty.path, "-f", format])
      #expect(result.status == 0)
      #expect(result.stdout.contains("No statements in this graph."))
    }
  }

  @Test("a graph with a dangling id, a missing file or an unknown name exits with 1, saying where")
  func reportErrors() throws {
    let directory = try temporaryDirectory()
    let graph = directory.appendingPathComponent("dangling.jsonl")
    let lines = [
      #"{"type":"node","id":"q","labels":["Quote"],"properties":{"text":"话","kind":"direct"}}"#,
      #"{"type":"relationship","id":"s","label":"SAID","start":{"id":"p"},"end":{"id":"q"},"properties":{}}"#,
    ]
    try lines.joined(separator: "\n").write(to: graph, atomically: true, encoding: .utf8)
    let dangling = try run(["report", graph.path])
    #expect(dangling.status == 1)
    #expect(dangling.stderr.contains("\(graph.path):2: SAID relationship `s` names node `p`"))
    #expect(dangling.stdout.isEmpty)
    let missing = try run(["report", "no-such.jsonl"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no-such.jsonl"))
    let unknown = try run(["report", Self.reportGraph, "--person", "Nobody At All"])
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr.contains(
        "\(Self.reportGraph): no person in the graph is named `Nobody At All`"))
  }

  @Test(
    "report usage errors exit with 2 and say what is wrong",
    arguments: [
      (["report"], "graph"),
      (["report", "g.jsonl", "--since", "last week"], "YYYY-MM-DD"),
      (["report", "g.jsonl", "--until", "2020-02-30x"], "YYYY-MM-DD"),
      (["report", "g.jsonl", "--kind", "quoted"], "direct, indirect, mixed"),
      (["report", "g.jsonl", "-f", "pdf"], "text, markdown, html"),
      (["report", "g.jsonl", "--width", "10"], "--width"),
    ])
  func reportUsage(arguments: [String], message: String) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
