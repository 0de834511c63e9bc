import ArgumentParser
import QuotegraphKit

struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Union graph files from shards or separate runs into one.",
    discussion: """
      Writes one line per node or relationship id: labels and list properties united, `count` \
      properties summed, the first value kept otherwise; nodes sorted by id, then relationships.
      """)

  @Argument(help: "Graph JSON Lines files written by extract.")
  var parts: [String]

  @Option(
    name: .shortAndLong,
    help: "Write the merged graph here instead of to standard output (-, the default).")
  var output: String?

  func run() throws {
    var merger = GraphMerger()
    do {
      for part in parts {
        try merger.add(try FileIO.readAll(path: part), file: part)
      }
      let file =
        try (output == "-" ? nil : output).map { path throws(QuotegraphError) in
          try OutputFile(creating: path)
        }
        ?? .standardOutput()
      defer { file.close() }
      var chunk = ""
      for line in merger.lines() {
        chunk += line + "\n"
        if chunk.utf8.count > 1 << 20 {
          try file.write(chunk)
          chunk = ""
        }
      }
      try file.write(chunk)
    } catch {
      Terminal.fail(error.description)
    }
    Terminal.error(
      "quotegraph: merged \(parts.count) files: \(merger.nodeCount) nodes, \(merger.relationshipCount) relationships"
    )
  }
}
