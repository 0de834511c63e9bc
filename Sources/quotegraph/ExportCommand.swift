import ArgumentParser
import QuotegraphKit

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Convert graph JSON Lines for Neo4j, NetworkX, Gephi, yEd or a spreadsheet.",
    discussion: """
      Formats: graphml (one file: typed keys per property, lists as JSON text), neo4j-csv (a \
      folder for neo4j-admin database import: one nodes file per label, one relationships file \
      per type, typed headers, and import.sh), csv (a folder of spreadsheet tables: quotes.csv, \
      entities.csv, articles.csv, relationships.csv; UTF-8 with BOM), node-link (one file of \
      NetworkX node-link JSON with the `edges` key). The same graph gives the same bytes. \
      Exit status: 0 on success, 1 when the graph cannot be read (not JSON, not a graph line, \
      a relationship naming a missing node: the message names file and line) or the output \
      cannot be written, 2 on usage errors.
      """)

  @Argument(help: "A graph JSON Lines file written by extract or merge, or - for standard input.")
  var graph: String

  @Option(
    name: .shortAndLong,
    help: "graphml, neo4j-csv, csv or node-link.")
  var format: String

  @Option(
    name: .shortAndLong,
    help: "The output file (graphml, node-link; default: standard output) or folder (csv formats).")
  var output: String?

  func validate() throws {
    let format: ExportFormat
    do {
      format = try ExportFormat(name: self.format)
    } catch {
      throw ValidationError(error.message)
    }
    if format.writesFolder && (output == nil || output == "-") {
      throw ValidationError("--format \(format.rawValue) writes a folder: name it with -o")
    }
  }

  func run() throws {
    do {
      let format = try ExportFormat(name: format)
      let bytes =
        graph == "-"
        ? try FileIO.readAll(descriptor: 0, name: "-") : try FileIO.readAll(path: graph)
      let exported = format.export(try ExportGraph.read(bytes, file: graph))
      try exported.write(to: output)
    } catch {
      Terminal.error("quotegraph: " + error.description)
      throw ExitCode(ExitStatus.someFailed)
    }
  }
}
