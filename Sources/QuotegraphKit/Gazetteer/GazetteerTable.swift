/// The gazetteer files, each with a fixed header row. Lists inside a field are separated by `|`.
public enum GazetteerFile: String, CaseIterable, Sendable {
  case people, roles, organizations, places, cues
  /// Traditional → simplified characters, the table behind `MatchKeyFolder`.
  case scriptVariants = "script-variants"
  /// Name endings that give an imported organisation its kind (社 → media); curated only.
  case organizationKinds = "organization-kinds"
  /// Short words ICU glues to a name's edge (韩正|在 read as 韩|正在); curated only.
  case nameBoundaries = "name-boundaries"
  /// Generic words the sources list as names (国家, 政府); never matched; curated only.
  case notNames = "not-names"

  public var fileName: String { rawValue + ".tsv" }

  public var columns: [String] {
    switch self {
    case .people:
      return [
        "id", "name", "name_en", "aliases", "short_forms", "country", "born", "died",
        "prominence", "roles", "sources",
      ]
    case .roles: return ["id", "name", "name_en", "kind", "aliases", "country", "sources"]
    case .organizations: return ["id", "name", "name_en", "kind", "aliases", "country", "sources"]
    case .places:
      return ["id", "name", "name_en", "kind", "iso2", "iso3", "aliases", "country", "sources"]
    case .cues: return ["id", "name", "class", "aliases", "name_en", "attested", "sources"]
    case .scriptVariants: return ["traditional", "simplified"]
    case .organizationKinds: return ["suffix", "kind"]
    case .nameBoundaries: return ["word", "side", "note"]
    case .notNames: return ["word", "note"]
    }
  }

  /// What content-derived ids start with: `person:` + `StableID.hash` of kind and name.
  public var idPrefix: String {
    switch self {
    case .people: return "person"
    case .roles: return "role"
    case .organizations: return "org"
    case .places: return "place"
    case .cues: return "cue"
    case .scriptVariants: return "variant"
    case .organizationKinds: return "suffix"
    case .nameBoundaries: return "boundary"
    case .notNames: return "not-name"
    }
  }

  /// The stable id of a row with no Wikidata id: derived from the file's kind and the name, so
  /// it survives rebuilds and row reordering.
  public func derivedID(name: String) -> String {
    idPrefix + ":" + StableID.hash(idPrefix + "|" + name)
  }

  /// The column that identifies a row: `id`, or the traditional character for script variants.
  public var keyColumn: String { columns[0] }
}

/// One row of a gazetteer file, by column name, with the line it came from (0 if generated).
/// Values sit in an array beside a column list shared by every row of a table: loading tens of
/// thousands of rows must not build a dictionary for each.
public struct GazetteerRow: Sendable, Equatable {
  private var columns: [String]
  private var values: [String]
  public var line: Int

  public init(_ fields: [String: String], line: Int = 0) {
    let ordered = fields.sorted { $0.key < $1.key }
    self.columns = ordered.map(\.key)
    self.values = ordered.map(\.value)
    self.line = line
  }

  init(columns: [String], values: [String], line: Int) {
    self.columns = columns
    self.values = values
    self.line = line
  }

  /// Every column with its value.
  public var fields: [String: String] {
    Dictionary(zip(columns, values), uniquingKeysWith: { first, _ in first })
  }

  public subscript(column: String) -> String {
    get {
      for index in columns.indices where columns[index] == column { return values[index] }
      return ""
    }
    set {
      if let index = columns.firstIndex(of: column) {
        values[index] = newValue
      } else {
        columns.append(column)
        values.append(newValue)
      }
    }
  }

  public static func == (lhs: GazetteerRow, rhs: GazetteerRow) -> Bool {
    lhs.line == rhs.line
      && lhs.fields.filter { !$0.value.isEmpty } == rhs.fields.filter { !$0.value.isEmpty }
  }

  /// The `|`-separated items of a list column, without empty items.
  public func list(_ column: String) -> [String] {
    self[column].split(separator: "|").map(String.init)
  }

  public mutating func setList(_ column: String, _ items: [String]) {
    self[column] = items.joined(separator: "|")
  }
}

/// A TSV file: a header row, then one row per line. Blank lines and lines starting with `#`
/// are skipped, so curated files can say why a row is there.
public struct GazetteerTable: Sendable, Equatable {
  public var file: GazetteerFile
  public var rows: [GazetteerRow]

  public init(file: GazetteerFile, rows: [GazetteerRow]) {
    self.file = file
    self.rows = rows
  }

  public static func parse(_ text: String, file: GazetteerFile, path: String)
    throws(QuotegraphError) -> GazetteerTable
  {
    var text = text
    let result = text.withUTF8 { bytes in
      Result { () throws(QuotegraphError) in try parse(bytes, file: file, path: path) }
    }
    return try result.get()
  }

  /// Splits lines and fields over the UTF-8 bytes, making a `String` only per field.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: GazetteerFile, path: String)
    throws(QuotegraphError) -> GazetteerTable
  {
    let columns = file.columns
    var rows: [GazetteerRow] = []
    var sawHeader = false
    var lineNumber = 0
    var lineStart = 0
    var values: [String] = []
    values.reserveCapacity(columns.count)
    while lineStart < bytes.count || (lineStart == bytes.count && !sawHeader && lineNumber == 0) {
      lineNumber += 1
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
      var contentEnd = lineEnd
      if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
      defer { lineStart = lineEnd + 1 }
      if contentEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
      values.removeAll(keepingCapacity: true)
      var fieldStart = lineStart
      for position in lineStart...contentEnd where position == contentEnd || bytes[position] == 0x09
      {
        values.append(
          String(
            decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<position]), as: UTF8.self))
        fieldStart = position + 1
      }
      if !sawHeader {
        guard values == columns else {
          throw QuotegraphError(
            "gazetteer.bad-header",
            "header must be \(columns.joined(separator: " ")), found \(values.joined(separator: " "))",
            file: path, line: lineNumber)
        }
        sawHeader = true
        continue
      }
      guard values.count == columns.count else {
        throw QuotegraphError(
          "gazetteer.bad-row",
          "expected \(columns.count) tab-separated fields, found \(values.count)",
          file: path, line: lineNumber)
      }
      rows.append(GazetteerRow(columns: columns, values: values, line: lineNumber))
    }
    guard sawHeader else {
      throw QuotegraphError("gazetteer.bad-header", "no header row", file: path, line: 1)
    }
    return GazetteerTable(file: file, rows: rows)
  }

  /// The header and the rows sorted by their key column, each field cleaned of tabs and line
  /// breaks, so the same rows always give the same bytes.
  public func serialized() -> String {
    let key = file.keyColumn
    var output = file.columns.joined(separator: "\t") + "\n"
    for row in rows.sorted(by: { $0[key].utf8.lexicographicallyPrecedes($1[key].utf8) }) {
      output += file.columns.map { GazetteerTable.clean(row[$0]) }.joined(separator: "\t")
      output += "\n"
    }
    return output
  }

  static func clean(_ value: String) -> String {
    guard value.contains(where: { $0 == "\t" || $0.isNewline }) else { return value }
    return String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }
}

extension GazetteerFile {
  /// The files the importer writes into `Gazetteers/` (and that `Gazetteer.load` reads).
  public static let generated: [GazetteerFile] = [
    .people, .roles, .organizations, .places, .cues, .scriptVariants,
  ]
}
