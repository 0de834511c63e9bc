/// Rows of comma-separated values as RFC 4180 writes them: a field holding a comma, a double
/// quote, a line break, or leading or trailing space is quoted, and quotes inside are doubled.
struct CSVWriter {
  /// The line ending: RFC 4180 and spreadsheets use CRLF; neo4j-admin takes either.
  var lineEnding = "\r\n"
  /// Quote empty strings, so that readers which treat an empty field as missing (neo4j-admin)
  /// can tell `""` from no value.
  var quoteEmpty = false
  /// For spreadsheets: a field that starts like a formula (`=`, `+`, `-`, `@`) and is not a
  /// number gets a leading `'`, so that text from the news is never run as a formula.
  var defuseFormulas = false
  private(set) var text = ""

  init(
    lineEnding: String = "\r\n", quoteEmpty: Bool = false, byteOrderMark: Bool = false,
    defuseFormulas: Bool = false
  ) {
    self.lineEnding = lineEnding
    self.quoteEmpty = quoteEmpty
    self.defuseFormulas = defuseFormulas
    if byteOrderMark { text = "\u{FEFF}" }
  }

  /// Appends a row; `nil` fields are written empty (missing).
  mutating func row(_ fields: [String?]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { text += "," }
      if let field { text += escape(field) }
    }
    text += lineEnding
  }

  func escape(_ field: String) -> String {
    if field.isEmpty { return quoteEmpty ? "\"\"" : "" }
    var field = field
    if defuseFormulas, let first = field.unicodeScalars.first,
      "=+-@\t\r".unicodeScalars.contains(first), Double(field) == nil
    {
      field = "'" + field
    }
    let needsQuotes =
      field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || field.unicodeScalars.first == " " || field.unicodeScalars.last == " "
    guard needsQuotes else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }
}
