/// The formats `quotegraph export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// GraphML for Gephi, yEd, NetworkX: one file.
  case graphml
  /// The `neo4j-admin database import` CSV layout: a folder.
  case neo4jCSV = "neo4j-csv"
  /// Flat tables for spreadsheets (quotes, entities, articles, relationships): a folder.
  case csv
  /// NetworkX node-link JSON with the explicit `edges` key: one file.
  case nodeLink = "node-link"

  /// Parses a format name; an unknown name is an error listing the known ones.
  public init(name: String) throws(QuotegraphError) {
    guard let format = ExportFormat(rawValue: name) else {
      throw QuotegraphError(
        "export.unknown-format",
        "unknown format `\(name)`: expected one of "
          + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
    }
    self = format
  }

  /// Whether the format writes a folder of files rather than one file.
  public var writesFolder: Bool {
    switch self {
    case .graphml, .nodeLink: false
    case .neo4jCSV, .csv: true
    }
  }

  /// Converts a graph to this format.
  public func export(_ graph: ExportGraph) -> ExportOutput {
    switch self {
    case .graphml: .file(GraphMLExporter().export(graph))
    case .neo4jCSV: .folder(Neo4jCSVExporter().export(graph))
    case .csv: .folder(FlatCSVExporter().export(graph))
    case .nodeLink: .file(NodeLinkExporter().export(graph))
    }
  }
}

/// What an exporter produced: one file's text, or named files for a folder.
public enum ExportOutput: Equatable, Sendable {
  case file(String)
  case folder([ExportFile])

  /// Writes one file to `path` (standard output when `nil` or `-`), or the files of a folder
  /// into `path`, creating it when missing.
  public func write(to path: String?) throws(QuotegraphError) {
    switch self {
    case .file(let text):
      let output =
        try path.flatMap { path throws(QuotegraphError) in
          path == "-" ? nil : try OutputFile(creating: path)
        } ?? .standardOutput()
      defer { output.close() }
      try output.write(text)
    case .folder(let files):
      guard let path, path != "-" else {
        throw QuotegraphError("export.no-output", "this format writes a folder: name it with -o")
      }
      try FileIO.makeDirectory(path)
      for file in files {
        let output = try OutputFile(creating: path + "/" + file.name)
        defer { output.close() }
        try output.write(file.contents)
      }
    }
  }
}

/// One file of an exported folder.
public struct ExportFile: Equatable, Sendable {
  public var name: String
  public var contents: String

  public init(name: String, contents: String) {
    self.name = name
    self.contents = contents
  }
}
