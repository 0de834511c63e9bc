/// Everything in `Gazetteers/`: people, roles, organisations, places, cues and the script
/// variants behind the match-key fold, loaded into value types.
public struct Gazetteer: Sendable {
  public var people: [PersonEntry]
  public var roles: [RoleEntry]
  public var organizations: [OrganizationEntry]
  public var places: [PlaceEntry]
  public var cues: [CueEntry]
  public var folder: MatchKeyFolder
  /// Words never matched as names (`curated/not-names.tsv`): generic words the sources list as
  /// names of organisations or places.
  public var notNames: [String] = []
  /// English given names by their short forms (`curated/english-nicknames.tsv`: joe → joseph),
  /// in lower case.
  public var englishNicknames: [String: String] = [:]

  /// The gazetteer of `directory`, loaded once for all the stages built in `context` (the
  /// entity matcher, and the tables person discovery derives from it).
  public static func load(directory: String, sharedIn context: StageContext)
    throws(QuotegraphError) -> Gazetteer
  {
    try context.shared.value("Gazetteer:" + directory) { () throws(QuotegraphError) in
      try load(directory: directory)
    }
  }

  /// A table made from the gazetteer of `directory` by `make`, once for all the stages built in
  /// `context` (`name` keeps apart the tables of one gazetteer).
  public static func derived<Table: Sendable>(
    _ name: String, directory: String, sharedIn context: StageContext,
    _ make: (Gazetteer) -> Table
  ) throws(QuotegraphError) -> Table {
    try context.shared.value(name + ":" + directory) { () throws(QuotegraphError) in
      make(try load(directory: directory, sharedIn: context))
    }
  }

  /// Loads the generated files of `directory`. Any bad row stops the load with an error that
  /// names the file and line.
  public static func load(directory: String) throws(QuotegraphError) -> Gazetteer {
    @Sendable func table(_ file: GazetteerFile) throws(QuotegraphError) -> (GazetteerTable, String)
    {
      let path = directory + "/" + file.fileName
      let bytes = try FileIO.readAll(path: path)
      return (
        try GazetteerTable.parse(bytes: bytes, file: file, path: path),
        path
      )
    }
    let (variants, _) = try table(.scriptVariants)
    // Curated tables read at run time, which a gazetteer folder may lack.
    func curatedRows(_ file: GazetteerFile) throws(QuotegraphError) -> [GazetteerRow] {
      let path = directory + "/curated/" + file.fileName
      guard FileIO.kind(of: path) == .file else { return [] }
      let text = String(decoding: try FileIO.readAll(path: path), as: UTF8.self)
      return try GazetteerTable.parse(text, file: file, path: path).rows
    }
    let notNames = try curatedRows(.notNames).map { $0["word"] }
    var nicknames: [String: String] = [:]
    for row in try curatedRows(.englishNicknames) {
      nicknames[row["nickname"].lowercased()] = row["name"].lowercased()
    }
    // The people file is as large as all the others together: load it beside them.
    let folder = MatchKeyFolder(scriptVariants: variants)
    let curatedNotNames = notNames
    let curatedNicknames = nicknames
    @Sendable func loadPeople() -> Result<[PersonEntry], QuotegraphError> {
      do {
        return .success(try decode(table(.people), PersonEntry.init(row:)))
      } catch {
        return .failure(error)
      }
    }
    func loadOthers() -> Result<Gazetteer, QuotegraphError> {
      do {
        return .success(
          Gazetteer(
            people: [],
            roles: try decode(table(.roles), RoleEntry.init(row:)),
            organizations: try decode(table(.organizations), OrganizationEntry.init(row:)),
            places: try decode(table(.places), PlaceEntry.init(row:)),
            cues: try decode(table(.cues), CueEntry.init(row:)),
            folder: folder, notNames: curatedNotNames, englishNicknames: curatedNicknames))
      } catch {
        return .failure(error)
      }
    }
    let (people, others) = forkJoin(loadPeople, loadOthers)
    var gazetteer = try others.get()
    gazetteer.people = try people.get()
    return gazetteer
  }

  /// Decodes every row, locating errors in `path`, and refuses a second row with an id.
  static func decode<Entry>(
    _ loaded: (GazetteerTable, String), _ make: (GazetteerRow) throws(QuotegraphError) -> Entry
  ) throws(QuotegraphError) -> [Entry] {
    let (table, path) = loaded
    var firstLine: [String: Int] = [:]
    var entries: [Entry] = []
    entries.reserveCapacity(table.rows.count)
    for row in table.rows {
      do {
        entries.append(try make(row))
      } catch {
        var located = error.located(in: path)
        located.line = located.line ?? row.line
        throw located
      }
      if let earlier = firstLine[row["id"]] {
        throw QuotegraphError(
          "gazetteer.duplicate-id", "id \(row["id"]) is also used on line \(earlier)", file: path,
          line: row.line)
      }
      firstLine[row["id"]] = row.line
    }
    return entries
  }
}

/// Checks shared by every entry type; each throws an error located at the row's line.
extension GazetteerRow {
  func rowError(_ message: String) -> QuotegraphError {
    QuotegraphError("gazetteer.bad-row", message, line: line)
  }

  /// A Wikidata id (`Q` and digits) or a derived id (`person:` and 16 hex digits).
  func checkedID(prefix: String) throws(QuotegraphError) -> String {
    let id = self["id"]
    // Byte checks first: a row is checked at every start-up (tens of thousands of ids), and
    // character by character this was the costliest step of loading. Non-ASCII ids fall
    // through to the character checks below, which decide them as before.
    let bytes = id.utf8
    if bytes.first == UInt8(ascii: "Q"), bytes.count > 1,
      bytes.dropFirst().allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    {
      return id
    }
    let prefixBytes = prefix.utf8
    if bytes.count == prefixBytes.count + 17, bytes.starts(with: prefixBytes),
      bytes.dropFirst(prefixBytes.count).first == UInt8(ascii: ":"),
      bytes.dropFirst(prefixBytes.count + 1).allSatisfy({
        ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
          || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
      })
    {
      return id
    }
    if id.first == "Q", id.count > 1, id.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
      return id
    }
    let parts = id.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0] == prefix, parts[1].count == 16,
      parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
    else {
      throw rowError("malformed id \"\(id)\": expected Q123 or \(prefix):<16 hex digits>")
    }
    return id
  }

  func required(_ column: String) throws(QuotegraphError) -> String {
    let value = self[column]
    guard !value.isEmpty else { throw rowError("\(column) is empty") }
    return value
  }

  func enumValue<Value: RawRepresentable & CaseIterable>(_ column: String, _: Value.Type)
    throws(QuotegraphError) -> Value where Value.RawValue == String
  {
    guard let value = Value(rawValue: self[column]) else {
      let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw rowError("\(column) \"\(self[column])\" is not one of: \(allowed)")
    }
    return value
  }

  func date(_ column: String) throws(QuotegraphError) -> String {
    let value = self[column]
    guard RoleTenure.isDate(value) else {
      throw rowError("\(column) \"\(value)\" is not YYYY, YYYY-MM or YYYY-MM-DD")
    }
    return value
  }

  func country(_ column: String = "country") throws(QuotegraphError) -> String {
    let value = self[column]
    // On bytes: two ASCII capitals are two bytes, and a character with a combining mark is
    // neither ASCII nor two bytes, so this is the character rule without grapheme breaking.
    guard
      value.isEmpty
        || (value.utf8.count == 2
          && value.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }))
    else { throw rowError("\(column) \"\(value)\" is not an ISO 3166-1 alpha-2 code") }
    return value
  }
}

extension PersonEntry {
  init(row: GazetteerRow) throws(QuotegraphError) {
    let prominenceText = row["prominence"]
    guard let prominence = prominenceText.isEmpty ? 0 : Double(prominenceText),
      (0...1).contains(prominence)
    else { throw row.rowError("prominence \"\(prominenceText)\" is not a number from 0 to 1") }
    var roles: [RoleTenure] = []
    for item in row.list("roles") {
      guard let tenure = RoleTenure(parsing: item) else {
        throw row.rowError("role \"\(item)\" is not ROLE, ROLE@FROM..TO with dates YYYY[-MM[-DD]]")
      }
      roles.append(tenure)
    }
    let genderText = row["gender"]
    guard genderText.isEmpty || Gender(rawValue: genderText) != nil else {
      throw row.rowError("gender \"\(genderText)\" is not male, female or empty")
    }
    self.init(
      id: try row.checkedID(prefix: GazetteerFile.people.idPrefix), name: try row.required("name"),
      nameEnglish: row["name_en"], aliases: row.list("aliases"),
      shortForms: row.list("short_forms"), country: try row.country(), born: try row.date("born"),
      died: try row.date("died"), prominence: prominence, roles: roles,
      sources: row.list("sources"), gender: Gender(rawValue: genderText))
  }
}

extension RoleEntry {
  init(row: GazetteerRow) throws(QuotegraphError) {
    self.init(
      id: try row.checkedID(prefix: GazetteerFile.roles.idPrefix), name: try row.required("name"),
      nameEnglish: row["name_en"], kind: try row.enumValue("kind", RoleKind.self),
      aliases: row.list("aliases"), country: try row.country(), sources: row.list("sources"))
  }
}

extension OrganizationEntry {
  init(row: GazetteerRow) throws(QuotegraphError) {
    self.init(
      id: try row.checkedID(prefix: GazetteerFile.organizations.idPrefix),
      name: try row.required("name"), nameEnglish: row["name_en"],
      kind: try row.enumValue("kind", OrganizationKind.self), aliases: row.list("aliases"),
      country: try row.country(), sources: row.list("sources"))
  }
}

extension PlaceEntry {
  init(row: GazetteerRow) throws(QuotegraphError) {
    self.init(
      id: try row.checkedID(prefix: GazetteerFile.places.idPrefix), name: try row.required("name"),
      nameEnglish: row["name_en"], kind: try row.enumValue("kind", PlaceKind.self),
      iso2: try row.country("iso2"), iso3: row["iso3"], aliases: row.list("aliases"),
      country: try row.country(), sources: row.list("sources"))
  }
}

extension CueEntry {
  init(row: GazetteerRow) throws(QuotegraphError) {
    self.init(
      id: try row.checkedID(prefix: GazetteerFile.cues.idPrefix), name: try row.required("name"),
      cueClass: try row.enumValue("class", CueClass.self), aliases: row.list("aliases"),
      nameEnglish: row["name_en"], attested: row.list("attested"), sources: row.list("sources"))
  }
}
