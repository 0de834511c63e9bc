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
    // The distinct keys in the order first added, each with its candidates.
    var byKey = FoldedKeyTable(capacity: 1 << 16)
    var keyCandidates: [[Candidate]] = []
    let folder = gazetteer.folder

    let foldTable = folder.unitFoldTable
    func key(_ text: String) -> [UInt16] {
      var units = text.utf16Units
      for index in units.indices { units[index] = foldTable[Int(units[index])] }
      return units
    }
    let stopWords = FoldedKeyTable(keys: gazetteer.notNames.map(key))
    // Given names of transliterated names (约翰, 乔治, 威廉): alone they name nobody.
    let dot = EntityIndex.middleDot
    var givenNameKeys: [[UInt16]] = []
    for index in gazetteer.people.indices {
      let folded = key(gazetteer.people[index].name)
      if let first = folded.firstIndex(of: dot) { givenNameKeys.append(Array(folded[..<first])) }
    }
    let givenNames = FoldedKeyTable(keys: givenNameKeys)

    func add(_ forms: [String], _ form: Mention.Form, entity: Int, minimumLength: Int = 2) {
      for text in forms {
        let folded = key(text)
        // Counted in UTF-16 units: every name in the sources is in the BMP.
        guard folded.count >= max(EntityIndex.minimumLength, minimumLength),
          stopWords.index(of: folded) == nil, givenNames.index(of: folded) == nil
        else { continue }
        // Latin-only forms must be longer: two or three letters are initials of anything.
        if folded.allSatisfy({ $0 < 0x80 }) && folded.count < 4 { continue }
        let candidate = Candidate(entity: Int32(entity), form: form)
        let (slot, inserted) = byKey.insert(folded)
        if inserted { keyCandidates.append([]) }
        keyCandidates[slot].merge(candidate)
      }
    }

    let placeIDs = Set(gazetteer.places.map(\.id))
    // By index, not `for person in`: each entry copied out retained and released all its fields.
    for personIndex in gazetteer.people.indices {
      let index = entities.count
      entities.append(EntityIndex.record(gazetteer.people[personIndex]))
      prominence.append(gazetteer.people[personIndex].prominence)
      roles.append(gazetteer.people[personIndex].roles.map(\.role))
      died.append(gazetteer.people[personIndex].died)
      countryCode.append(nil)
      add([gazetteer.people[personIndex].name], .name, entity: index)
      add(gazetteer.people[personIndex].aliases, .alias, entity: index)
      add(gazetteer.people[personIndex].shortForms, .shortForm, entity: index)
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
    let allKeys = byKey.keys
    let order = allKeys.indices.sorted { allKeys[$0].lexicographicallyPrecedes(allKeys[$1]) }
    let keys = order.map { allKeys[$0] }
    self.entities = entities
    self.prominence = prominence
    self.roles = roles
    self.died = died
    self.countryCode = countryCode
    self.candidates = order.map { keyCandidates[$0] }
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
    isWikidata(gazetteerID) ? "wd:" + gazetteerID : gazetteerID
  }

  /// Whether the id's first Character is `Q`, read from its bytes when they decide: an ASCII
  /// byte after the `Q` (or none) ends the Character. `first` made a Character, some 300
  /// instructions an entity at every start.
  static func isWikidata(_ id: String) -> Bool {
    let bytes = id.utf8
    guard bytes.first == UInt8(ascii: "Q") else { return false }
    let second = bytes.index(after: bytes.startIndex)
    if second == bytes.endIndex || bytes[second] < 0x80 { return true }
    return id.first == "Q"
  }

  /// An entity's properties, appended in key order (`country`, `gender`, `iso2`, `kind`,
  /// `name_en`, `wikidata`) with room for exactly those present.
  static func properties(
    _ id: String, _ nameEnglish: String, _ country: String, kind: String? = nil, iso2: String = "",
    gender: Gender? = nil
  ) -> GraphProperties {
    let wikidata = isWikidata(id)
    let count =
      (country.isEmpty ? 0 : 1) + (gender == nil ? 0 : 1) + (iso2.isEmpty ? 0 : 1)
      + (kind == nil ? 0 : 1) + (nameEnglish.isEmpty ? 0 : 1) + (wikidata ? 1 : 0)
    guard count > 0 else { return GraphProperties() }
    var properties = GraphProperties(capacity: count)
    if !country.isEmpty { properties.appendInOrder("country", .string(country)) }
    if let gender { properties.appendInOrder("gender", .string(gender.rawValue)) }
    if !iso2.isEmpty { properties.appendInOrder("iso2", .string(iso2)) }
    if let kind { properties.appendInOrder("kind", .string(kind)) }
    if !nameEnglish.isEmpty { properties.appendInOrder("name_en", .string(nameEnglish)) }
    if wikidata { properties.appendInOrder("wikidata", .string(id)) }
    return properties
  }

  static func record(_ person: PersonEntry) -> EntityRecord {
    var aliases: [String] = []
    aliases.reserveCapacity(person.aliases.count + person.shortForms.count)
    for list in [person.aliases, person.shortForms] {
      for alias in list
      where !aliases.contains(where: { sameText($0, alias) }) && !sameText(alias, person.name) {
        aliases.append(alias)
      }
    }
    return EntityRecord(
      id: nodeID(person.id), kind: .person, name: person.name, aliases: aliases,
      properties: properties(
        person.id, person.nameEnglish, person.country, gender: person.gender))
  }

  static func record(_ organization: OrganizationEntry) -> EntityRecord {
    let properties = properties(
      organization.id, organization.nameEnglish, organization.country,
      kind: organization.kind.rawValue)
    return EntityRecord(
      id: nodeID(organization.id), kind: .organization, name: organization.name,
      aliases: organization.aliases, properties: properties)
  }

  static func record(_ place: PlaceEntry) -> EntityRecord {
    let properties = properties(
      place.id, place.nameEnglish, place.country, kind: place.kind.rawValue, iso2: place.iso2)
    return EntityRecord(
      id: nodeID(place.id), kind: .place, name: place.name, aliases: place.aliases,
      properties: properties)
  }
}

/// `left == right`, decided from the bytes where they can decide: the same bytes are the same
/// text, and two texts of ASCII, Latin before the combining marks and CJK ideographs
/// (U+4E00 to U+9FFF), which are their own normal form in any context, are equal only with the
/// same bytes. `==` on two Chinese Strings compared their normal forms, some 450 instructions
/// a pair, for every alias of every person at every start.
private func sameText(_ left: String, _ right: String) -> Bool {
  let decided = left.utf8.withContiguousStorageIfAvailable { leftBytes in
    right.utf8.withContiguousStorageIfAvailable { rightBytes -> Bool? in
      if leftBytes.elementsEqual(rightBytes) { return true }
      return isPlainText(leftBytes) && isPlainText(rightBytes) ? false : nil
    }
  }
  if let decided = decided ?? nil, let result = decided { return result }
  return left == right
}

/// Whether every scalar of the UTF-8 is below U+0300 or in U+4E00...U+9FFF.
private func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  var index = 0
  while index < bytes.count {
    let lead = bytes[index]
    if lead < 0x80 {
      index += 1
    } else if lead >= 0xC2 && lead <= 0xCB {
      index += 2
    } else if (lead >= 0xE5 && lead <= 0xE9)
      || (lead == 0xE4 && index + 1 < bytes.count && bytes[index + 1] >= 0xB8)
    {
      index += 3
    } else {
      return false
    }
  }
  return true
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

/// Distinct folded keys, numbered in the order first inserted, found by an open-addressing
/// table over their units: `Set<[UInt16]>` and `[[UInt16]: …]` hashed every key with SipHash
/// element by element (some 400 instructions a lookup), 160,000 lookups at every start.
struct FoldedKeyTable {
  /// In the order inserted.
  private(set) var keys: [[UInt16]] = []
  /// The index of a key plus one, 0 for an empty slot.
  private var slots: [Int32]
  private var mask: Int

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    keys.reserveCapacity(capacity)
  }

  init(keys: [[UInt16]]) {
    self.init(capacity: keys.count)
    for key in keys { _ = insert(key) }
  }

  func index(of key: [UInt16]) -> Int? {
    var slot = FoldedKeyTable.slot(of: key, mask: mask)
    while slots[slot] != 0 {
      let index = Int(slots[slot]) - 1
      if keys[index] == key { return index }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// The key's index, and whether it was new.
  mutating func insert(_ key: [UInt16]) -> (index: Int, inserted: Bool) {
    var slot = FoldedKeyTable.slot(of: key, mask: mask)
    while slots[slot] != 0 {
      let index = Int(slots[slot]) - 1
      if keys[index] == key { return (index, false) }
      slot = (slot + 1) & mask
    }
    let index = keys.count
    slots[slot] = Int32(index + 1)
    keys.append(key)
    if keys.count * 2 > slots.count { grow() }
    return (index, true)
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    for index in keys.indices {
      var slot = FoldedKeyTable.slot(of: keys[index], mask: mask)
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }

  private static func slot(of key: [UInt16], mask: Int) -> Int {
    UnitsHash.slot(of: key, mask: mask)
  }
}
