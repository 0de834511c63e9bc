/// The formats `quotegraph report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, markdown, html

  /// Parses a format name (`md` for markdown, `htm` for html); an unknown name is an error
  /// listing the known ones.
  public init(name: String) throws(QuotegraphError) {
    switch name.lowercased() {
    case "text", "txt": self = .text
    case "markdown", "md": self = .markdown
    case "html", "htm": self = .html
    default:
      throw QuotegraphError(
        "report.unknown-format",
        "unknown format `\(name)`: expected one of "
          + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
    }
  }

  /// The format an output file's extension asks for: report.md, report.html; nil otherwise.
  public init?(fileName: String) {
    guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else {
      return nil
    }
    switch fileName[fileName.index(after: dot)...].lowercased() {
    case "md", "markdown": self = .markdown
    case "html", "htm": self = .html
    case "txt", "text": self = .text
    default: return nil
    }
  }
}
