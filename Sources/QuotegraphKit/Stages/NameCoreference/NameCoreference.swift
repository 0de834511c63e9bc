/// Ties the short forms of an article's people to the full names the article gives: the part
/// after the last middle dot (佩洛西 → 南希·佩洛西), the leading part of a four-character name
/// (林郑 → 林郑月娥), the given name of a Chinese name (俊平 → 江俊平), and a bare surname in a
/// one-character ICU word before punctuation or a `cues_after` word (他告诉韩。→ 韩正), or found
/// by discovery before a form of address or a title (蔡总统 → 蔡英文), when one person of the
/// article has it. A short form the matcher gave to somebody else (by prominence), or a
/// gazetteer name without a dot that is the last part of the article's dotted name (巴金 after
/// 诺阿·巴金), goes to the person the article names in full; a short form two full names share
/// is left alone.
/// A name person discovery found by its context is a mention wherever else the article writes it.
/// A short form crossing a gazetteer person's name (林郑|和 read as 郑和), or a discovered name
/// repeated around a gazetteer short form (保罗-沙龙 read as 沙龙), takes its place. People left
/// with no mention are dropped.
public struct NameCoreference: Stage {
  public static let type = "name.coref.v1"
  public static let requires: Set<Layer> = [.cleanText, .tokens, .mentions]
  public static let provides: Set<Layer> = [.coreference]

  public let data: NameData
  public let cuesAfter: [String]
  /// The one-character words of `curated/name-edges.tsv` (时, 曾, 和 …): a function word before a
  /// cue (在回应…的举动时称, 曾表示) is no bare surname, whoever of the article has it.
  let functionCharacters: UnitSet

  public init(data: NameData, cuesAfter: [String], functionWords: [String] = []) {
    self.data = data
    self.cuesAfter = cuesAfter
    self.functionCharacters = UnitSet(
      units: functionWords.filter { $0.utf16.count == 1 }.compactMap(\.utf16.first))
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    let path = try options.gazetteerDirectory(context)
    let data = try NameData.load(directory: path, sharedIn: context)
    self.init(
      data: data, cuesAfter: try options.strings("cues_after") ?? [],
      functionWords: data.edgeAfter + data.edgeBefore)
  }

  /// The short forms of the full name whose UTF-16 units are `units`, as keys of type `Key`:
  /// 南希·佩洛西 → [佩洛西], 林郑月娥 → [林郑], 江俊平 → [俊平], Max Gokhman → [Gokhman]; and its
  /// one-character surname, if any.
  func shortForms<Key: CoreferenceKey>(ofUnits units: [UInt16]) -> (forms: [Key], surname: Key?) {
    if let dot = units.lastIndex(where: { $0.isNameDot }) {
      let last = Key.make(units[(dot + 1)...])
      return (last.unitCount >= 2 ? [last] : [], nil)
    }
    // A name in Latin letters: its last word, capitalised and of three letters or more (Gokhman说
    // after Max Gokhman), as the news write it alone.
    if let space = units.lastIndex(of: 0x20),
      units.allSatisfy({ $0.isLatinLetter || $0 == 0x20 || $0 == 0x2D || $0 == 0x27 || $0 == 0x2E })
    {
      let last = units[(space + 1)...]
      let capitalised = last.first.map { (0x41...0x5A).contains($0) } ?? false
      return (
        capitalised && last.count >= 3 && last.allSatisfy(\.isLatinLetter)
          ? [Key.make(last)] : [], nil
      )
    }
    guard units.allSatisfy({ $0.isIdeograph }) else { return ([], nil) }
    switch units.count {
    case 4:
      return (
        data.surnameWeight(units, at: 0, length: 2) != nil
          ? [Key.make(units[2...])] : [Key.make(units[..<2])], nil
      )
    case 3:
      guard data.surnameWeight(units, at: 0, length: 1) != nil else { return ([], nil) }
      return ([Key.make(units[1...])], Key.make(units[..<1]))
    case 2:
      return (
        [],
        data.surnameWeight(units, at: 0, length: 1) != nil ? Key.make(units[..<1]) : nil
      )
    default:
      return ([], nil)
    }
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    // Every form and every text the tables are asked about is the text of a mention. When
    // all of it is inert (`CanonicalUnits`), Strings are equal exactly when their units are,
    // and order as their units do: key the tables by units, not by Strings, whose hashing and
    // comparing normalise each form (some 1,100 instructions a lookup).
    let units = document.text.units
    let inert = document.mentions.allSatisfy { mention in
      units[mention.range.range.clamped(to: units.indices)].allSatisfy(CanonicalUnits.isInert)
    }
    if inert {
      try resolve(&document, keyedBy: UnitsKey.self)
    } else {
      try resolve(&document, keyedBy: String.self)
    }
  }

  /// The Latin form in parentheses right after a person's name (斯卢茨基（Leonid Slutsky）),
  /// as a mention of that person, where nothing else is.
  static func latinFormMentions(in document: Document) -> [Mention] {
    let units = document.text.units
    var found: [Mention] = []
    for mention in document.mentions where document.entities[mention.entity].kind == .person {
      guard let form = PersonFinder.latinFormRange(after: Int(mention.range.end), in: units)
      else { continue }
      // Rare (a person's name, then parentheses): a scan of the mentions costs nothing.
      let range = TextRange(form.lowerBound, form.upperBound)
      guard !document.mentions.contains(where: { $0.range.overlaps(range) }) else { continue }
      found.append(
        Mention(
          range: range, entity: mention.entity, form: .alias, evidence: latinFormEvidence))
    }
    return found
  }

  /// The evidence of a Latin form's mention.
  static let latinFormEvidence = "latin-gloss"

  private func resolve<Key: CoreferenceKey>(_ document: inout Document, keyedBy _: Key.Type)
    throws(QuotegraphError)
  {
    let units = document.text.units
    func text(_ range: TextRange) -> Key {
      let lower = max(0, min(Int(range.start), units.count))
      return Key.make(units[lower..<max(lower, min(Int(range.end), units.count))])
    }
    // The short forms of a full name (person mentions that are not short forms), and whether
    // it was discovered.
    func forms(of mention: Mention) -> (forms: [Key], surname: Key?, discovered: Bool)? {
      // Asked before the entity is copied: most mentions are of no person.
      guard mention.form != .shortForm, document.entities[mention.entity].kind == .person else {
        return nil
      }
      let written = text(mention.range)
      // A transliterated name has no surname and given name to split (纳瓦罗 is no 纳 + 瓦罗).
      let discovered = document.entities[mention.entity].properties["discovered"]
      // A name discovery tied to a gazetteer person by the English name after it (佩洛希
      // (Nancy Pelosi)) or by its sound (彭佩奥) was discovered too, as a transliteration.
      let linkedByEnglishName =
        mention.evidence == PersonFinder.englishNameEvidence
        || mention.evidence == PersonFinder.soundEvidence
        || mention.evidence == PersonFinder.initialsEvidence
      let isTransliteration =
        discovered == .string("transliteration") || discovered == .string("latin")
        || linkedByEnglishName
      let writtenUnits = written.units
      let (forms, surname): ([Key], Key?) =
        isTransliteration && !writtenUnits.contains(where: { $0.isNameDot || $0 == 0x20 })
        ? ([], nil) : shortForms(ofUnits: writtenUnits)
      return (forms, surname, discovered != nil || linkedByEnglishName)
    }
    // Names discovery found alone that are the short form of one full name of the article
    // (佩罗特 after 马特·佩罗特): that person.
    // Each mention's forms, made once: a mention that becomes a short form below has none.
    // A surname discovery found alone before a form of address or a title (蔡|总统 beside
    // 总统蔡英文) is the one person of the article with that surname, as 韩 in 他告诉韩 is.
    var mentionForms = document.mentions.map(forms(of:))
    var shortFormOwners: [Key: Set<Int>] = [:]
    for (mention, forms) in zip(document.mentions, mentionForms) {
      for form in forms?.forms ?? [] {
        shortFormOwners[form, default: []].insert(mention.entity)
      }
    }
    // Made only when a discovered name is no short form: most articles have no bare surname.
    var fullNameSurnameOwners: [Key: Set<Int>]?
    func surnameOwners() -> [Key: Set<Int>] {
      if let known = fullNameSurnameOwners { return known }
      var owners: [Key: Set<Int>] = [:]
      for (mention, forms) in zip(document.mentions, mentionForms) {
        if let surname = forms?.surname { owners[surname, default: []].insert(mention.entity) }
      }
      fullNameSurnameOwners = owners
      return owners
    }
    for index in document.mentions.indices where mentionForms[index]?.discovered == true {
      let mention = document.mentions[index]
      let written = text(mention.range)
      guard
        let owner = shortFormOwners[written]
          ?? (written.unitCount <= 2 ? surnameOwners()[written] : nil),
        owner.count == 1, let slot = owner.first, slot != mention.entity
      else { continue }
      document.mentions[index].entity = slot
      document.mentions[index].form = .shortForm
      document.mentions[index].evidence = "coreference"
      mentionForms[index] = nil
    }
    var owners: [Key: Set<Int>] = [:]
    var surnameOwners: [Key: Set<Int>] = [:]
    for (mention, forms) in zip(document.mentions, mentionForms) {
      guard let (foundForms, surname, discovered) = forms else { continue }
      var found = foundForms
      // A name found by its context once is the same name where the context is missing: the
      // gazetteer's names are matched everywhere already, discovered ones are not.
      if discovered { found.append(text(mention.range)) }
      for form in found { owners[form, default: []].insert(mention.entity) }
      if let surname { surnameOwners[surname, default: []].insert(mention.entity) }
    }
    guard !owners.isEmpty || !surnameOwners.isEmpty else {
      document.mentions += NameCoreference.latinFormMentions(in: document)
      document.mentions.sort { $0.range < $1.range }
      document.layers.insert(.coreference)
      return
    }
    // Short forms the matcher gave to someone else: to the person named in full, unless the
    // article wrote the short form twice or more before it named that person (总统特朗普…
    // 伊万卡·特朗普: a person is named in full when first mentioned; a headline may go first).
    // Asked only where a short form would change hands: most articles never ask. The mentions
    // are in text order.
    func isWrittenBeforeNamed(_ surface: Key, _ slot: Int) -> Bool {
      var earlier = 0
      for mention in document.mentions {
        if mention.entity == slot && mention.form != .shortForm { return false }
        if mention.form == .shortForm && text(mention.range) == surface {
          earlier += 1
          if earlier >= 2 { return true }
        }
      }
      return false
    }
    // So is a gazetteer's name without a dot that is the last part of the article's dotted
    // name (巴金 after 诺阿·巴金 is no longer the writer 巴金).
    // Found from the people with a dot in their name: few, where the forms are many.
    var dottedNamesLastParts = Set<Key>()
    for slot in document.entities.indices where document.entities[slot].kind == .person {
      let name = document.entities[slot].name.utf16
      guard let dot = name.lastIndex(where: \.isNameDot) else { continue }
      let last = Key.make(Array(name[name.index(after: dot)...])[...])
      if owners[last] == [slot] { dottedNamesLastParts.insert(last) }
    }
    var keptBySurface: [Key: Bool] = [:]
    for index in document.mentions.indices {
      let mention = document.mentions[index]
      guard mention.form == .shortForm || !dottedNamesLastParts.isEmpty else { continue }
      let surface = text(mention.range)
      if let owner = owners[surface], owner.count == 1, let slot = owner.first,
        document.entities[mention.entity].kind == .person,
        mention.form == .shortForm
          || mention.entity != slot && dottedNamesLastParts.contains(surface)
      {
        if document.mentions[index].entity != slot {
          let kept = keptBySurface[surface] ?? isWrittenBeforeNamed(surface, slot)
          keptBySurface[surface] = kept
          if kept { continue }
        }
        document.mentions[index].entity = slot
        document.mentions[index].form = .shortForm
        document.mentions[index].evidence = "coreference"
      }
    }
    // Short forms nobody matched.
    var covered = [Bool](repeating: false, count: units.count)
    for mention in document.mentions {
      for offset in mention.range.range where offset < units.count { covered[offset] = true }
    }
    var wordBreaks = document.words
    var added: [Mention] = []
    func free(_ start: Int, _ end: Int) -> Bool {
      !(start..<end).contains { covered[$0] }
    }
    func aligned(_ start: Int, _ end: Int) -> Bool {
      wordBreaks.startsWord(at: start) && wordBreaks.endsWord(at: end)
    }
    // The person mentions a form may take over: a gazetteer name it crosses (林郑和建制派 is
    // 林郑, named in full, and 和, not 林 and the admiral 郑和), and a gazetteer short form inside
    // it (穆里根, discovered, is no 穆 and 里根).
    var dropped = Set<Int>()
    func crossed(_ start: Int, _ end: Int) -> [Int]? {
      // The form's first unit is its own.
      guard !covered[start] else { return nil }
      var crossing: [Int] = []
      for (index, mention) in document.mentions.enumerated() where !dropped.contains(index) {
        let lower = Int(mention.range.start)
        let upper = Int(mention.range.end)
        guard lower < end, upper > start else { continue }
        let crosses =
          lower > start && upper > end && mention.form != .shortForm
          && mentionForms[index]?.discovered == false
        let inside =
          lower > start && upper <= end && mention.form == .shortForm
          && mention.evidence != "coreference"
        guard crosses || inside, document.entities[mention.entity].kind == .person else {
          return nil
        }
        crossing.append(index)
      }
      // Nothing else, a form added here included, may cover the form.
      let taken = crossing.map { document.mentions[$0].range.range }
      guard
        !crossing.isEmpty,
        !(start..<end).contains(where: { offset in
          covered[offset] && !taken.contains { $0.contains(offset) }
        })
      else { return nil }
      return crossing
    }
    // Longer forms first: 纳瓦罗 before a 瓦罗 inside it.
    let ordered = owners.sorted {
      ($0.key.unitCount, $1.key) > ($1.key.unitCount, $0.key)
    }
    // Where each form's first unit occurs, found in one pass: scanning the whole text once per
    // form made this stage quadratic in long articles with many names.
    // A closure, not the key path `\.utf16.first`: the key path is applied through the runtime
    // (some 2,000 instructions a form).
    let startsForm = UnitSet(
      units: (Array(owners.keys) + Array(surnameOwners.keys)).compactMap { $0.firstUnit })
    var positions: [UInt16: [Int]] = [:]
    for (offset, unit) in units.enumerated() where startsForm.contains(unit) {
      positions[unit, default: []].append(offset)
    }
    for (form, owner) in ordered where owner.count == 1 {
      let pattern = form.units
      // The traps by their units, as `data.traps` answers for the form (its units are the
      // form's), without hashing the string's normal form.
      guard !data.trapWords.contains(pattern[...]), let slot = owner.first else { continue }
      guard let first = pattern.first else { continue }
      var nextFree = 0
      for start in positions[first] ?? [] where start >= nextFree {
        let end = start + pattern.count
        guard end <= units.count else { break }
        guard units[start..<end].elementsEqual(pattern) else { continue }
        if !free(start, end) {
          // ICU may read the crossed name as a word (林|郑和|建制派): the form need not end one.
          guard wordBreaks.startsWord(at: start), let crossing = crossed(start, end) else {
            continue
          }
          for index in crossing {
            dropped.insert(index)
            for offset in document.mentions[index].range.range where offset < units.count {
              covered[offset] = false
            }
          }
        } else if !aligned(start, end) {
          continue
        }
        added.append(
          Mention(
            range: TextRange(start, end), entity: slot, form: .shortForm, evidence: "coreference"))
        for offset in start..<end { covered[offset] = true }
        nextFree = end
      }
    }
    for (surname, owner) in surnameOwners.sorted(by: { $0.key < $1.key }) where owner.count == 1 {
      guard let slot = owner.first, let unit = surname.firstUnit,
        !functionCharacters.contains(unit)
      else { continue }
      for start in positions[unit] ?? [] where !covered[start] {
        let end = start + 1
        let followed =
          end == units.count || !units[end].isIdeograph
          || cuesAfter.contains { PersonFinder.starts(units, at: end, with: $0) }
        guard followed, start == 0 || units[start - 1].isIdeograph, aligned(start, end) else {
          continue
        }
        added.append(
          Mention(
            range: TextRange(start, end), entity: slot, form: .shortForm, evidence: "coreference"))
        covered[start] = true
      }
    }
    if let failure = wordBreaks.failure {
      throw QuotegraphError("segment.icu", failure, stage: Self.type)
    }
    document.words = wordBreaks
    if !dropped.isEmpty {
      document.mentions = document.mentions.enumerated().filter { !dropped.contains($0.offset) }
        .map(\.element)
    }
    document.mentions += added
    document.mentions.sort { $0.range < $1.range }
    // Once every name has its person: a Latin form is the person of the name before it.
    let latinForms = NameCoreference.latinFormMentions(in: document)
    if !latinForms.isEmpty {
      document.mentions = (document.mentions + latinForms).sorted { $0.range < $1.range }
    }
    // Drop people left with no mention, keeping the order of the rest.
    let used = Set(document.mentions.map(\.entity))
    if used.count < document.entities.count {
      var newSlot: [Int: Int] = [:]
      var kept: [EntityRecord] = []
      for (slot, entity) in document.entities.enumerated() where used.contains(slot) {
        newSlot[slot] = kept.count
        kept.append(entity)
      }
      document.entities = kept
      for index in document.mentions.indices {
        document.mentions[index].entity = newSlot[document.mentions[index].entity] ?? 0
      }
    }
    document.layers.insert(.coreference)
  }
}

/// What coreference keys its tables by: a form's `String`, or its units (`UnitsKey`) when
/// every form is inert, where equal Strings have equal units and order as the units do.
protocol CoreferenceKey: Hashable, Comparable {
  /// The key of the text whose UTF-16 units are `units`.
  static func make(_ units: ArraySlice<UInt16>) -> Self
  /// Its UTF-16 units, as `Array(String.utf16)` gives them.
  var units: [UInt16] { get }
  var unitCount: Int { get }
  var firstUnit: UInt16? { get }
}

extension String: CoreferenceKey {
  static func make(_ units: ArraySlice<UInt16>) -> String { String(decodingUTF16: units) }
  var units: [UInt16] { utf16Units }
  var unitCount: Int { utf16.count }
  var firstUnit: UInt16? { utf16.first }
}

/// A form as its UTF-16 units, hashed once by a multiplicative hash of them.
struct UnitsKey: CoreferenceKey {
  let units: [UInt16]
  private let hash: UInt64

  static func make(_ units: ArraySlice<UInt16>) -> UnitsKey { UnitsKey(Array(units)) }

  init(_ units: [UInt16]) {
    self.units = units
    var hash = UInt64(truncatingIfNeeded: units.count) &* 0x9E37_79B9_7F4A_7C15
    for unit in units { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01b3 }
    self.hash = hash
  }

  var unitCount: Int { units.count }
  var firstUnit: UInt16? { units.first }

  static func == (left: UnitsKey, right: UnitsKey) -> Bool {
    left.hash == right.hash && left.units == right.units
  }

  static func < (left: UnitsKey, right: UnitsKey) -> Bool {
    left.units.lexicographicallyPrecedes(right.units)
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
