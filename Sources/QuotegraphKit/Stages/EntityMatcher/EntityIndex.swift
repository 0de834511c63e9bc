/// The gazetteer compiled for matching: every name, alias and short form of every person,
/// organisation and place, folded to its match key, in one automaton; built once per run.
public struct EntityIndex: Sendable {
  /// One way of writing an entity.
  public struct Candidate: Sendable, Equatable {
    public var entity: Int32
    public var form: Mention.Form
  }

  public let entities: [EntityRecord]
  /// Prior for ambiguous forms (people's `prominence`; organisations and places 0.5).
  public let prominence: [Double]
  /// For people: the role names they hold or held (`roles.tsv` names), for title context.
  public let roles: [[String]]
  /// For people: the date of death as the gazetteer writes it (`1973-01-22`, `1973`), else "".
  public let died: [String]
  /// For places: the ISO code of their country (property `iso2`), else nil; read for every
  /// match to find the country an article is about.
  public let countryCode: [String?]
  /// Candidates of each pattern, by pattern index.
  public let candidates: [[Candidate]]
  public let automaton: PatternAutomaton
  /// Where the automaton's patterns may start: asked before it at every position of a text.
  public let automatonStarts: PatternStartFilter
  /// Folds a UTF-16 unit of text to its match key (one unit to one unit).
  public let foldTable: [UInt16]
  /// Role titles and their aliases, folded, for the title-before-name context rule.
  public let titleAutomaton: PatternAutomaton

  public static let middleDot = UInt16(MatchKeyFolder.middleDot.value)

  /// Shorter forms are refused: one character names everybody and nobody.
  public static let minimumLength = 2

  public init(gazetteer: Gazetteer) {
    var entities: [EntityRecord] = []
    var prominence: [Double] = []
    var roles: [[String]] = []
    var died: [String] = []
    var countryCode: [String?] = []
    var byKey: [[UInt16]: [Candidate]] = [:]
    let folder = gazetteer.folder

    let foldTable: [UInt16] = (0...0xFFFF).map { unit in
      guard let scalar = Unicode.Scalar(UInt32(unit)) else { return UInt16(unit) }
      let folded = folder.fold(scalar)
      return folded.value <= 0xFFFF ? UInt16(folded.value) : UInt16(unit)
    }
    func key(_ text: String) -> [UInt16] {
      var units = text.utf16Units
      for index in units.indices { units[index] = foldTable[Int(units[index])] }
      return units
    }
    let stopWords = Set(gazetteer.notNames.map(key))
    // Given names of transliterated names (约翰, 乔治, 威廉): alone they name nobody.
    let dot = EntityIndex.middleDot
    var givenNames = Set<[UInt16]>()
    for person in gazetteer.people {
      let folded = key(person.name)
      if let first = folded.firstIndex(of: dot) { givenNames.insert(Array(folded[..<first])) }
    }

    func add(_ forms: [String], _ form: Mention.Form, entity: Int, minimumLength: Int = 2) {
      for text in forms {
        let folded = key(text)
        // Counted in UTF-16 units: every name in the sources is in the BMP.
        guard folded.count >= max(EntityIndex.minimumLength, minimumLength),
          !stopWords.contains(folded), !givenNames.contains(folded)
        else { continue }
        // Latin-only forms must be longer: two or three letters are initials of anything.
        if folded.allSatisfy({ $0 < 0x80 }) && folded.count < 4 { continue }
        let candidate = Candidate(entity: Int32(entity), form: form)
        byKey[folded, default: []].merge(candidate)
      }
    }

    let placeIDs = Set(gazetteer.places.map(\.id))
    for person in gazetteer.people {
      let index = entities.count
      entities.append(EntityIndex.record(person))
      prominence.append(person.prominence)
      roles.append(person.roles.map(\.role))
      died.append(person.died)
      countryCode.append(nil)
      add([person.name], .name, entity: index)
      add(person.aliases, .alias, entity: index)
      add(person.shortForms, .shortForm, entity: index)
    }
    for organization in gazetteer.organizations where !placeIDs.contains(organization.id) {
      // The imported organisations hold titles and generic words (夫人, 国家, 政府): two-character
      // forms and the catch-all kind count only when a curated row vouches for them.
      let curated = organization.sources.contains("curated")
      if organization.kind == .other && !curated { continue }
      let index = entities.count
      entities.append(EntityIndex.record(organization))
      prominence.append(0.5)
      roles.append([])
      died.append("")
      countryCode.append(nil)
      add([organization.name], .name, entity: index, minimumLength: curated ? 2 : 3)
      add(organization.aliases, .alias, entity: index, minimumLength: curated ? 2 : 3)
    }
    for place in gazetteer.places {
      let established = place.kind != .location || place.sources.contains("curated")
      let index = entities.count
      entities.append(EntityIndex.record(place))
      prominence.append(0.5)
      roles.append([])
      died.append("")
      countryCode.append(place.iso2.isEmpty ? nil : place.iso2)
      add([place.name], .name, entity: index, minimumLength: established ? 2 : 3)
      add(place.aliases, .alias, entity: index, minimumLength: established ? 2 : 3)
    }
    // Sort keys so pattern numbers, and so every tie-break, are the same on every run.
    let keys = byKey.keys.sorted { $0.lexicographicallyPrecedes($1) }
    self.entities = entities
    self.prominence = prominence
    self.roles = roles
    self.died = died
    self.countryCode = countryCode
    self.candidates = keys.map { byKey[$0] ?? [] }
    self.automaton = PatternAutomaton(patterns: keys)
    self.automatonStarts = PatternStartFilter(patterns: keys)
    self.foldTable = foldTable
    var titleKeys: Set<[UInt16]> = []
    for role in gazetteer.roles {
      for title in [role.name] + role.aliases where title.count >= 2 {
        titleKeys.insert(key(title))
      }
    }
    self.titleAutomaton = PatternAutomaton(
      patterns: titleKeys.sorted { $0.lexicographicallyPrecedes($1) }.map { $0.reversed() })
  }

  static func strength(_ form: Mention.Form) -> Int {
    switch form {
    case .name: 2
    case .alias: 1
    case .shortForm: 0
    }
  }

  /// The text folded unit by unit; offsets are unchanged.
  public func fold(_ units: [UInt16]) -> [UInt16] {
    // Through pointers: the table has a key for every unit, so no bound needs checking.
    foldTable.withUnsafeBufferPointer { table in
      units.withUnsafeBufferPointer { text in
        [UInt16](unsafeUninitializedCapacity: text.count) { folded, count in
          for offset in text.indices { folded[offset] = table[Int(text[offset])] }
          count = text.count
        }
      }
    }
  }

  static func nodeID(_ gazetteerID: String) -> String {
    gazetteerID.first == "Q" ? "wd:" + gazetteerID : gazetteerID
  }

  static func common(_ id: String, _ nameEnglish: String, _ country: String) -> [String: JSONValue]
  {
    // Room for every property at once: grown from empty, the table was rehashed at each
    // insertion, for every entity of the gazetteer at every start.
    var properties = [String: JSONValue](minimumCapacity: 5)
    if id.first == "Q" { properties["wikidata"] = .string(id) }
    if !nameEnglish.isEmpty { properties["name_en"] = .string(nameEnglish) }
    if !country.isEmpty { properties["country"] = .string(country) }
    return properties
  }

  static func record(_ person: PersonEntry) -> EntityRecord {
    var aliases: [String] = []
    aliases.reserveCapacity(person.aliases.count + person.shortForms.count)
    for list in [person.aliases, person.shortForms] {
      for alias in list where !aliases.contains(alias) && alias != person.name {
        aliases.append(alias)
      }
    }
    return EntityRecord(
      id: nodeID(person.id), kind: .person, name: person.name, aliases: aliases,
      properties: common(person.id, person.nameEnglish, person.country))
  }

  static func record(_ organization: OrganizationEntry) -> EntityRecord {
    var properties = common(organization.id, organization.nameEnglish, organization.country)
    properties["kind"] = .string(organization.kind.rawValue)
    return EntityRecord(
      id: nodeID(organization.id), kind: .organization, name: organization.name,
      aliases: organization.aliases, properties: properties)
  }

  static func record(_ place: PlaceEntry) -> EntityRecord {
    var properties = common(place.id, place.nameEnglish, place.country)
    properties["kind"] = .string(place.kind.rawValue)
    if !place.iso2.isEmpty { properties["iso2"] = .string(place.iso2) }
    return EntityRecord(
      id: nodeID(place.id), kind: .place, name: place.name, aliases: place.aliases,
      properties: properties)
  }
}

extension [EntityIndex.Candidate] {
  /// Adds a candidate, keeping one per entity: the strongest form (a name that folds like an
  /// alias stays a name).
  mutating func merge(_ candidate: EntityIndex.Candidate) {
    if let existing = firstIndex(where: { $0.entity == candidate.entity }) {
      if EntityIndex.strength(candidate.form) > EntityIndex.strength(self[existing].form) {
        self[existing] = candidate
      }
    } else {
      append(candidate)
    }
  }
}
