/// Ties the short forms of an article's people to the full names the article gives: the part
/// after the last middle dot (佩洛西 → 南希·佩洛西), the leading part of a four-character name
/// (林郑 → 林郑月娥), the given name of a Chinese name (俊平 → 江俊平), and a bare surname in a
/// one-character ICU word before punctuation or a `cues_after` word (他告诉韩。→ 韩正) when one
/// person of the article has it. A short form the matcher gave to somebody else (by prominence)
/// goes to the person the article names in full; a short form two full names share is left alone.
/// A name person discovery found by its context is a mention wherever else the article writes it.
/// People left with no mention are dropped.
public struct NameCoreference: Stage {
  public static let type = "name.coref.v1"
  public static let requires: Set<Layer> = [.cleanText, .tokens, .mentions]
  public static let provides: Set<Layer> = [.coreference]

  public let data: NameData
  public let cuesAfter: [String]

  public init(data: NameData, cuesAfter: [String]) {
    self.data = data
    self.cuesAfter = cuesAfter
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    let path = try options.gazetteerDirectory(context)
    self.init(
      data: try NameData.load(directory: path, sharedIn: context),
      cuesAfter: try options.strings("cues_after") ?? [])
  }

  /// The short forms of a full name as written: 南希·佩洛西 → [佩洛西], 林郑月娥 → [林郑],
  /// 江俊平 → [俊平]; and its one-character surname, if any.
  func shortForms(of name: String) -> (forms: [String], surname: String?) {
    let units = Array(name.utf16)
    if let dot = units.lastIndex(where: { $0.isNameDot }) {
      let last = String(decodingUTF16: units[(dot + 1)...])
      return (last.utf16.count >= 2 ? [last] : [], nil)
    }
    guard units.allSatisfy({ $0.isIdeograph }) else { return ([], nil) }
    switch units.count {
    case 4:
      let head = String(decodingUTF16: units[..<2])
      return (
        data.surnameWeight(units, at: 0, length: 2) != nil
          ? [String(decodingUTF16: units[2...])] : [head], nil
      )
    case 3:
      guard data.surnameWeight(units, at: 0, length: 1) != nil else { return ([], nil) }
      return ([String(decodingUTF16: units[1...])], String(decodingUTF16: units[..<1]))
    case 2:
      return (
        [],
        data.surnameWeight(units, at: 0, length: 1) != nil
          ? String(decodingUTF16: units[..<1]) : nil
      )
    default:
      return ([], nil)
    }
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let units = document.text.units
    // The short forms of a full name (person mentions that are not short forms), and whether
    // it was discovered.
    func forms(of mention: Mention) -> (forms: [String], surname: String?, discovered: Bool)? {
      // Asked before the entity is copied: most mentions are of no person.
      guard mention.form != .shortForm, document.entities[mention.entity].kind == .person else {
        return nil
      }
      let entity = document.entities[mention.entity]
      let written = document.text[mention.range]
      // A transliterated name has no surname and given name to split (纳瓦罗 is no 纳 + 瓦罗).
      let discovered = entity.properties["discovered"]
      let isTransliteration =
        discovered == .string("transliteration") || discovered == .string("latin")
      let (forms, surname) =
        isTransliteration && !written.utf16.contains(where: { $0.isNameDot })
        ? ([], nil) : shortForms(of: written)
      return (forms, surname, discovered != nil)
    }
    // Names discovery found alone that are the short form of one full name of the article
    // (佩罗特 after 马特·佩罗特): that person.
    // Each mention's forms, made once: a mention that becomes a short form below has none.
    var mentionForms = document.mentions.map(forms(of:))
    var shortFormOwners: [String: Set<Int>] = [:]
    for (mention, forms) in zip(document.mentions, mentionForms) {
      for form in forms?.forms ?? [] {
        shortFormOwners[form, default: []].insert(mention.entity)
      }
    }
    for index in document.mentions.indices {
      let mention = document.mentions[index]
      guard mentionForms[index]?.discovered == true,
        let owner = shortFormOwners[document.text[mention.range]], owner.count == 1,
        let slot = owner.first, slot != mention.entity
      else { continue }
      document.mentions[index].entity = slot
      document.mentions[index].form = .shortForm
      document.mentions[index].evidence = "coreference"
      mentionForms[index] = nil
    }
    var owners: [String: Set<Int>] = [:]
    var surnameOwners: [String: Set<Int>] = [:]
    for (mention, forms) in zip(document.mentions, mentionForms) {
      guard let (foundForms, surname, discovered) = forms else { continue }
      var found = foundForms
      // A name found by its context once is the same name where the context is missing: the
      // gazetteer's names are matched everywhere already, discovered ones are not.
      if discovered { found.append(document.text[mention.range]) }
      for form in found { owners[form, default: []].insert(mention.entity) }
      if let surname { surnameOwners[surname, default: []].insert(mention.entity) }
    }
    guard !owners.isEmpty || !surnameOwners.isEmpty else {
      document.layers.insert(.coreference)
      return
    }
    // Short forms the matcher gave to someone else: to the person named in full.
    for index in document.mentions.indices where document.mentions[index].form == .shortForm {
      let surface = document.text[document.mentions[index].range]
      if let owner = owners[surface], owner.count == 1, let slot = owner.first,
        document.entities[document.mentions[index].entity].kind == .person
      {
        document.mentions[index].entity = slot
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
    // Longer forms first: 纳瓦罗 before a 瓦罗 inside it.
    let ordered = owners.sorted {
      ($0.key.utf16.count, $1.key) > ($1.key.utf16.count, $0.key)
    }
    // Where each form's first unit occurs, found in one pass: scanning the whole text once per
    // form made this stage quadratic in long articles with many names.
    // A closure, not the key path `\.utf16.first`: the key path is applied through the runtime
    // (some 2,000 instructions a form).
    let startsForm = UnitSet(
      units: (Array(owners.keys) + Array(surnameOwners.keys)).compactMap { $0.utf16.first })
    var positions: [UInt16: [Int]] = [:]
    for (offset, unit) in units.enumerated() where startsForm.contains(unit) {
      positions[unit, default: []].append(offset)
    }
    for (form, owner) in ordered where owner.count == 1 {
      let pattern = Array(form.utf16)
      // The traps by their units, as `data.traps` answers for the form (its units are the
      // form's), without hashing the string's normal form.
      guard !data.trapWords.contains(pattern[...]), let slot = owner.first else { continue }
      guard let first = pattern.first else { continue }
      var nextFree = 0
      for start in positions[first] ?? [] where start >= nextFree {
        let end = start + pattern.count
        guard end <= units.count else { break }
        if units[start..<end].elementsEqual(pattern), free(start, end), aligned(start, end) {
          added.append(
            Mention(
              range: TextRange(start, end), entity: slot, form: .shortForm, evidence: "coreference")
          )
          for offset in start..<end { covered[offset] = true }
          nextFree = end
        }
      }
    }
    for (surname, owner) in surnameOwners.sorted(by: { $0.key < $1.key }) where owner.count == 1 {
      guard let slot = owner.first, let unit = surname.utf16.first else { continue }
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
    document.mentions += added
    document.mentions.sort { $0.range < $1.range }
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
