import Foundation
import Testing

/// `quotegraph export`, run as a user would: the graph of the seed article in every format.
extension CommandLineTests {
  func seedGraph(in directory: URL) throws -> String {
    let graph = directory.appendingPathComponent("seed.jsonl").path
    let result = try run(["extract", Paths.seedArticle, "-q", "-o", graph])
    #expect(result.status == 0)
    return graph
  }

  @Test(
    "export writes every format of the seed graph, the same bytes twice",
    arguments: [
      ("graphml", "seed.graphml", "<data key=\"type\">SAID</data>"),
      ("node-link", "seed.json", #""label":"SAID""#),
      ("neo4j-csv", "neo4j/relationships-SAID.csv", ",SAID,said:"),
      ("csv", "tables/quotes.csv", ",wd:Q22316,2023-07-19,"),
    ])
  func export(format: String, output: String, marker: String) throws {
    let directory = try temporaryDirectory()
    let graph = try seedGraph(in: directory)
    let target = directory.appendingPathComponent(output.components(separatedBy: "/")[0]).path
    var contents: [String] = []
    for _ in 0..<2 {
      let result = try run(["export", graph, "--format", format, "-o", target])
      #expect(result.status == 0, "\(result.stderr)")
      contents.append(
        try String(contentsOfFile: directory.appendingPathComponent(output).path, encoding: .utf8))
    }
    #expect(contents[0] == contents[1])
    #expect(contents[0].contains(marker))
  }

  @Test("export to standard output, from standard input")
  func exportStreams() throws {
    let directory = try temporaryDirectory()
    let graph = try String(contentsOfFile: try seedGraph(in: directory), encoding: .utf8)
    let result = try run(["export", "-", "-f", "node-link"], stdin: graph)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix(#"{"directed":true,"multigraph":true"#))
  }

  @Test(
    "export usage errors exit with 2",
    arguments: [
      ["export"], ["export", "g.jsonl"], ["export", "g.jsonl", "-f", "xml"],
      ["export", "g.jsonl", "-f", "csv"], ["export", "g.jsonl", "-f", "neo4j-csv", "-o", "-"],
    ])
  func exportUsage(arguments: [String]) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(!result.stderr.isEmpty)
  }

  @Test("a graph that is not a graph exits with 1, naming the file and line")
  func exportBadGraph() throws {
    let directory = try temporaryDirectory()
    let graph = directory.appendingPathComponent("bad.jsonl")
    let node = #"{"type":"node","id":"a","labels":["Person"],"properties":{}}"#
    let dangling =
      #"{"type":"relationship","id":"r","label":"SAID","start":{"id":"a"},"end":{"id":"q"},"properties":{}}"#
    try (node + "\n" + dangling + "\n").write(to: graph, atomically: true, encoding: .utf8)
    let result = try run(["export", graph.path, "-f", "graphml"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(graph.path):2: SAID relationship `r` names node `q`"))
    let missing = try run(["export", "no-such.jsonl", "-f", "graphml"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no-such.jsonl"))
  }
}
