/// Builds the gazetteer tables from parsed sources and the hand-curated tables. Pure: the same
/// sources and curated rows give byte-identical output.
public struct GazetteerImporter {
  public var sources: GazetteerSources
  /// Curated tables by file (`Gazetteers/curated/*.tsv`); missing files are simply absent.
  public var curated: [GazetteerFile: GazetteerTable]
  /// Simplified → traditional conversion of a whole name (ICU's `Simplified-Traditional`).
  public var traditional: (String) -> String

  public struct Result {
    public var tables: [GazetteerFile: GazetteerTable]
    /// One line per observation a person should read: counts, and lexicon words no cue covers.
    public var notes: [String]
  }

  public init(
    sources: GazetteerSources, curated: [GazetteerFile: GazetteerTable],
    traditional: @escaping (String) -> String
  ) {
    self.sources = sources
    self.curated = curated
    self.traditional = traditional
  }

  static let eliteSource = "chinese-elite"

  public func run() -> Result {
    let folder = MatchKeyFolder(
      traditionalToSimplified: Dictionary(
        sources.scriptVariants.compactMap { pair -> (Unicode.Scalar, Unicode.Scalar)? in
          guard pair.traditional.unicodeScalars.count == 1,
            pair.simplified.unicodeScalars.count == 1,
            let from = pair.traditional.unicodeScalars.first,
            let to = pair.simplified.unicodeScalars.first
          else { return nil }
          return (from, to)
        }, uniquingKeysWith: { first, _ in first }))
    var context = ImportContext(sources: sources, folder: folder)

    let countries = context.countryRows()
    let countryNames = Set(countries.flatMap { [$0["name"]] + $0.list("aliases") })
    // Some chinese-elite locations carry a country's name as their first name (a free-trade
    // zone named 中国); as places they would shadow the country.
    let locations = context.locationRows().filter { !countryNames.contains($0["name"]) }
    var places = merge(countries + locations, into: .places)
    context.learnCountries(from: places)
    let curatedRoles = curated[.roles]?.rows ?? []
    let organizationKinds = (curated[.organizationKinds]?.rows ?? []).map {
      (suffix: $0["suffix"], kind: $0["kind"])
    }
    let (importedRoles, importedOrganizations) = context.positionAndOrganizationRows(
      roleTitles: curatedRoles.map { (title: $0["name"], kind: $0["kind"]) },
      organizationKinds: organizationKinds)
    var roles = merge(importedRoles, into: .roles)
    var organizations = merge(
      importedOrganizations.filter { !countryNames.contains($0["name"]) }, into: .organizations)
    context.inheritCountries(&organizations)
    context.learnCountries(from: organizations + roles)
    var people = merge(context.personRows(), into: .people)
    var cues = merge([], into: .cues)

    let glosses = dictionaryGlosses()
    for index in places.indices {
      addVariants(&places[index], folder: folder)
      fillEnglish(&places[index], glosses: glosses)
    }
    for index in roles.indices {
      addVariants(&roles[index], folder: folder)
      fillEnglish(&roles[index], glosses: glosses)
    }
    for index in organizations.indices {
      addVariants(&organizations[index], folder: folder)
      fillEnglish(&organizations[index], glosses: glosses)
    }
    for index in people.indices {
      addPersonForms(&people[index], folder: folder)
      fillEnglish(&people[index], glosses: glosses)
    }
    for index in cues.indices {
      addVariants(&cues[index], folder: folder)
      fillEnglish(&cues[index], glosses: glosses)
      cues[index].setList("attested", context.attestation(of: cues[index]["name"]))
    }

    let variants = sources.scriptVariants.map {
      GazetteerRow(["traditional": $0.traditional, "simplified": $0.simplified])
    }
    let tables: [GazetteerFile: GazetteerTable] = [
      .people: GazetteerTable(file: .people, rows: people),
      .roles: GazetteerTable(file: .roles, rows: roles),
      .organizations: GazetteerTable(file: .organizations, rows: organizations),
      .places: GazetteerTable(file: .places, rows: places),
      .cues: GazetteerTable(file: .cues, rows: cues),
      .scriptVariants: GazetteerTable(
        file: .scriptVariants, rows: NameCleaning.uniqueRows(variants, key: "traditional")),
    ]
    var notes = GazetteerFile.generated.map {
      "\($0.fileName): \(tables[$0]?.rows.count ?? 0) rows"
    }
    let uncovered = context.uncoveredLexiconWords(cues: Set(cues.map { $0["name"] }))
    if !uncovered.isEmpty {
      notes.append(
        "speech words in the lexicons that no cue lists (review for curated/cues.tsv): "
          + uncovered.joined(separator: " "))
    }
    return Result(tables: tables, notes: notes)
  }

  /// Curated rows override imported rows with the same id, field by field where the curated
  /// field is not empty, and add rows that are new. A curated row with no id takes the id of
  /// the one imported row with its name, or else an id derived from the name.
  func merge(_ imported: [GazetteerRow], into file: GazetteerFile) -> [GazetteerRow] {
    var rows: [GazetteerRow] = []
    var indexOfID: [String: Int] = [:]
    for row in imported where indexOfID[row["id"]] == nil {
      indexOfID[row["id"]] = rows.count
      rows.append(row)
    }
    var indicesOfName: [String: [Int]] = [:]
    for (index, row) in rows.enumerated() { indicesOfName[row["name"], default: []].append(index) }
    for var row in curated[file]?.rows ?? [] {
      if row["id"].isEmpty {
        if let matches = indicesOfName[row["name"]], matches.count == 1 {
          row["id"] = rows[matches[0]]["id"]
        } else {
          row["id"] = file.derivedID(name: row["name"])
        }
      }
      row.line = 0
      if let index = indexOfID[row["id"]] {
        for (column, value) in row.fields where !value.isEmpty && column != "sources" {
          rows[index][column] = value
        }
        rows[index].setList(
          "sources", NameCleaning.unique(rows[index].list("sources") + row.list("sources")))
      } else {
        if row["sources"].isEmpty { row["sources"] = "curated" }
        indexOfID[row["id"]] = rows.count
        rows.append(row)
      }
    }
    return rows
  }

  /// Adds the simplified and traditional forms of the name and aliases as aliases.
  func addVariants(_ row: inout GazetteerRow, folder: MatchKeyFolder) {
    let name = row["name"]
    var forms = row.list("aliases")
    forms += forms.map { folder.normalizedName($0) }
    forms += ([name] + forms).map(traditional)
    row.setList("aliases", NameCleaning.unique(forms).filter { $0 != name })
  }

  func addPersonForms(_ row: inout GazetteerRow, folder: MatchKeyFolder) {
    addVariants(&row, folder: folder)
    let name = row["name"]
    var shortForms = row.list("short_forms")
    shortForms += ([name] + row.list("aliases")).compactMap(NameCleaning.shortForm(of:))
    shortForms += shortForms.map(traditional)
    shortForms = NameCleaning.unique(shortForms).filter { $0 != name }
    let short = Set(shortForms)
    row.setList("aliases", row.list("aliases").filter { !short.contains($0) })
    row.setList("short_forms", shortForms)
  }

  /// An empty English name takes CedPane's public-domain gloss, or else the first gloss of
  /// its names dictionary without a trailing note (`Han Zheng (politician)` → `Han Zheng`).
  func fillEnglish(_ row: inout GazetteerRow, glosses: [String: String]) {
    guard row["name_en"].isEmpty else { return }
    if let gloss = sources.definitions[row["name"]] ?? glosses[row["name"]] {
      row["name_en"] = gloss
    }
  }

  /// Simplified form → first gloss of CedPane's names dictionary, its trailing note dropped.
  func dictionaryGlosses() -> [String: String] {
    var glosses: [String: String] = [:]
    for entry in sources.dictionary where glosses[entry.simplified] == nil {
      guard var gloss = entry.glosses.first else { continue }
      if let open = gloss.firstIndex(of: "("), open != gloss.startIndex {
        gloss = gloss[..<open].trimmingCharacters(in: " ")
      }
      glosses[entry.simplified] = gloss
    }
    return glosses
  }
}

extension NameCleaning {
  static func uniqueRows(_ rows: [GazetteerRow], key: String) -> [GazetteerRow] {
    var seen: Set<String> = []
    return rows.filter { seen.insert($0[key]).inserted }
  }
}
