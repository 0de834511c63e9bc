#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The importer's working state: the parsed sources plus what earlier tables taught it (which
/// names and ids belong to which country).
struct ImportContext {
  let sources: GazetteerSources
  let folder: MatchKeyFolder
  /// Country names and aliases (美国, 中华人民共和国 …) with their ISO code, longest first.
  var countryPrefixes: [(prefix: String, code: String)] = []
  /// Ids of places, organisations and roles with a known country.
  var countryOfID: [String: String] = [:]

  /// name_to_id inverted, each list sorted so the output does not depend on hash order.
  let namesOfID: [String: [String]]

  init(sources: GazetteerSources, folder: MatchKeyFolder) {
    self.sources = sources
    self.folder = folder
    var names: [String: [String]] = [:]
    for (name, id) in sources.elite.nameToID { names[id, default: []].append(name) }
    self.namesOfID = names.mapValues { $0.sorted() }
  }

  static let wikidataURLPrefix = "https://www.wikidata.org/wiki/"

  static func isQID(_ id: String) -> Bool {
    id.first == "Q" && id.count > 1 && id.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
  }

  // MARK: Places

  /// One row per ISO country or territory: CLDR short name (美国) as the name, the Traditional
  /// CLDR names and the UN short and formal names as aliases.
  func countryRows() -> [GazetteerRow] {
    sources.countries.compactMap { country -> GazetteerRow? in
      let code = country["ISO3166-1-Alpha-2", default: ""]
      guard code.count == 2 else { return nil }
      let localNames = GazetteerSources.countryNameLocales.compactMap {
        sources.countryNames[$0]?[code]
      }
      let unNames = ["UNTERM Chinese Short", "UNTERM Chinese Formal", "official_name_cn"]
        .compactMap { country[$0] }
      let names = NameCleaning.unique((localNames + unNames).compactMap(NameCleaning.clean))
      guard let name = names.first else { return nil }
      var id = country["wikidata_id", default: ""]
      if id.hasPrefix(ImportContext.wikidataURLPrefix) {
        id.removeFirst(ImportContext.wikidataURLPrefix.count)
      }
      if !ImportContext.isQID(id) { id = GazetteerFile.places.derivedID(name: name) }
      var row = GazetteerRow([
        "id": id, "name": name,
        "name_en": country["CLDR display name"].flatMap { $0.isEmpty ? nil : $0 }
          ?? country["official_name_en", default: ""],
        "kind": country["is_independent"] == "Yes" ? "country" : "territory",
        "iso2": code, "iso3": country["ISO3166-1-Alpha-3", default: ""], "country": code,
        "sources": "country-codes|cldr-country-names",
      ])
      row.setList("aliases", Array(names.dropFirst()))
      return row
    }
  }

  /// chinese-elite Location nodes (cities, provinces, historical states), kind `location`
  /// until a curated row says more.
  func locationRows() -> [GazetteerRow] {
    sources.elite.nodes.filter { $0.type == "Location" }.compactMap { node in
      namedRow(node, file: .places, extra: ["kind": "location"])
    }
  }

  mutating func learnCountries(from rows: [GazetteerRow]) {
    for row in rows where !row["country"].isEmpty { countryOfID[row["id"]] = row["country"] }
    var prefixes: [(prefix: String, code: String)] = []
    for row in rows where ["country", "territory"].contains(row["kind"]) && !row["iso2"].isEmpty {
      for name in [row["name"]] + row.list("aliases")
      where name.count >= 2 && NameCleaning.hasHan(name) {
        prefixes.append((folder.normalizedName(name), row["iso2"]))
      }
    }
    if !prefixes.isEmpty {
      countryPrefixes = (countryPrefixes + prefixes).sorted {
        ($0.prefix.count, $1.prefix) > ($1.prefix.count, $0.prefix)
      }
    }
  }

  /// The country a name starts with: 美国国务卿 → US, 中华人民共和国外交部 → CN.
  func countryPrefix(of name: String) -> String {
    countryPrefixes.first { name.hasPrefix($0.prefix) }?.code ?? ""
  }

  // MARK: Roles and organisations

  /// chinese-elite types positions as Organization. A node whose name ends in a curated title
  /// (总理, 发言人, 国务卿 …) is a role of that title's kind; the rest are organisations, whose
  /// kind comes from the longest curated name ending (社 → media, 党 → party).
  func positionAndOrganizationRows(
    roleTitles: [(title: String, kind: String)],
    organizationKinds: [(suffix: String, kind: String)]
  ) -> (roles: [GazetteerRow], organizations: [GazetteerRow]) {
    let titles = roleTitles.filter { !$0.title.isEmpty }.sorted {
      ($0.title.count, $1.title) > ($1.title.count, $0.title)
    }
    let titleSet = Set(titles.map(\.title))
    let suffixes = organizationKinds.filter { !$0.suffix.isEmpty }.sorted {
      ($0.suffix.count, $1.suffix) > ($1.suffix.count, $0.suffix)
    }
    var roles: [GazetteerRow] = []
    var organizations: [GazetteerRow] = []
    for node in sources.elite.nodes where node.type == "Organization" {
      guard var row = namedRow(node, file: .organizations, extra: [:]) else { continue }
      let name = row["name"]
      // Bare titles are curated roles; as aliases of one office they would claim every mention.
      row.setList("aliases", row.list("aliases").filter { !titleSet.contains($0) })
      row["country"] = countryPrefix(of: name)
      if let title = titles.first(where: { name.hasSuffix($0.title) }) {
        if !ImportContext.isQID(row["id"]) { row["id"] = GazetteerFile.roles.derivedID(name: name) }
        row["kind"] = title.kind
        roles.append(row)
      } else {
        row["kind"] = suffixes.first(where: { name.hasSuffix($0.suffix) })?.kind ?? "other"
        organizations.append(row)
      }
    }
    return (roles, organizations)
  }

  /// An organisation with no country prefix takes the country of the body it belongs to.
  func inheritCountries(_ organizations: inout [GazetteerRow]) {
    var countries = countryOfID
    for row in organizations where !row["country"].isEmpty { countries[row["id"]] = row["country"] }
    var parents: [String: [String]] = [:]
    for edge in sources.elite.edges where edge.type == "SUBORDINATE_OF" || edge.type == "MEMBER_OF"
    {
      parents[edge.source, default: []].append(edge.target)
    }
    for index in organizations.indices where organizations[index]["country"].isEmpty {
      organizations[index]["country"] = majority(
        (parents[organizations[index]["id"]] ?? []).compactMap { countries[$0] })
    }
  }

  // MARK: People

  /// chinese-elite Person nodes with a Chinese name. Prominence is the node's number of
  /// distinct edges in the data set (plus 10 for the 2,100 core nodes of `initial.json`), on a
  /// log scale where the best-linked person is 1. Country is the majority country of the
  /// bodies the person is a member or subordinate of.
  func personRows() -> [GazetteerRow] {
    var degree: [String: Int] = [:]
    var memberships: [String: [String]] = [:]
    for edge in sources.elite.edges {
      degree[edge.source, default: 0] += 1
      degree[edge.target, default: 0] += 1
      if edge.type == "MEMBER_OF" || edge.type == "SUBORDINATE_OF" {
        memberships[edge.source, default: []].append(edge.target)
      }
    }
    let persons = sources.elite.nodes.filter { $0.type == "Person" }
    func score(_ id: String) -> Int {
      degree[id, default: 0] + (sources.elite.coreIDs.contains(id) ? 10 : 0)
    }
    let top = persons.map { score($0.id) }.max() ?? 0
    return persons.compactMap { node in
      guard var row = namedRow(node, file: .people, extra: [:]) else { return nil }
      let (born, died) = ChineseEliteSource.lifetimeDates(node.lifetime)
      row["born"] = born
      row["died"] = died
      row["gender"] = sources.elite.genders[node.id] ?? ""
      row["prominence"] = ImportContext.prominence(score(node.id), top: top)
      row["country"] = majority((memberships[node.id] ?? []).compactMap { countryOfID[$0] })
      return row
    }
  }

  static func prominence(_ score: Int, top: Int) -> String {
    guard top > 0 else { return "0.000" }
    let scaled = Int((log1p(Double(score)) / log1p(Double(top)) * 1000).rounded())
    let digits = String(min(scaled, 1000))
    return scaled >= 1000
      ? "1.000" : "0." + String(repeating: "0", count: 3 - digits.count) + digits
  }

  // MARK: Shared

  /// A row from a node: the first Han name (cleaned, simplified) as the name, the node's other
  /// names, its Wikipedia titles and its name_to_id keys as aliases when they share a Han
  /// character with it, the first English name. Nil for nodes with no usable Chinese name.
  func namedRow(
    _ node: ChineseEliteSource.Node, file: GazetteerFile, extra: [String: String]
  ) -> GazetteerRow? {
    let chinese = node.chineseNames.compactMap(NameCleaning.clean).map(folder.normalizedName)
      .filter(NameCleaning.hasHan)
    guard let name = chinese.first else { return nil }
    let other = (sources.elite.titles[node.id] ?? []) + (namesOfID[node.id] ?? [])
    let aliases =
      (chinese.dropFirst()
      + other.compactMap(NameCleaning.clean).map(folder.normalizedName))
      .filter { $0 != name && $0.count >= 2 && NameCleaning.sharesHan($0, with: name) }
    let id = ImportContext.isQID(node.id) ? node.id : file.derivedID(name: name)
    var row = GazetteerRow(extra)
    row["id"] = id
    row["name"] = name
    row["name_en"] = node.englishNames.first ?? ""
    row.setList("aliases", NameCleaning.unique(aliases))
    row["sources"] = GazetteerImporter.eliteSource
    return row
  }

  /// The most frequent code; ties go to the code that sorts first. Empty for no codes.
  func majority(_ codes: [String]) -> String {
    var counts: [String: Int] = [:]
    for code in codes where !code.isEmpty { counts[code, default: 0] += 1 }
    return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
  }

  // MARK: Cues

  /// The Cilin speech classes: 言语 (Hi12–Hi15), denial (Hi22), appeal (Hi25), opinion (Gb02).
  static let cilinSpeechClasses = ["Hi12", "Hi13", "Hi14", "Hi15", "Hi22", "Hi25", "Gb02"]
  /// Below this score the word2vec list turns into topical noise (its README).
  static let sayWordsMinimumScore = 0.4

  /// Which lexicons list `cue`: `cilin:<code>` for each Cilin speech group, `hownet`, `say-words`.
  func attestation(of cue: String) -> [String] {
    var found = sources.cilin.filter { group in
      ImportContext.cilinSpeechClasses.contains(where: group.code.hasPrefix)
        && group.words.contains(cue)
    }.map { "cilin:" + $0.code }
    if sources.claimWords.contains(cue) { found.append("hownet") }
    if sources.sayWords.contains(where: {
      $0.word == cue && $0.score >= ImportContext.sayWordsMinimumScore
    }) {
      found.append("say-words")
    }
    return found
  }

  /// Words the HowNet and word2vec lists give that no cue covers: prompts for a curator, not
  /// data (the lexicons' licences do not allow copying them in).
  func uncoveredLexiconWords(cues: Set<String>) -> [String] {
    let candidates =
      sources.claimWords.filter { $0.count >= 2 }
      + sources.sayWords.filter { $0.score >= ImportContext.sayWordsMinimumScore }.map(\.word)
    return NameCleaning.unique(candidates.filter { !cues.contains($0) }).sorted()
  }
}
