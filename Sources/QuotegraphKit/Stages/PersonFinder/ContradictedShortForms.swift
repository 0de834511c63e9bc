extension PersonFinder {
  static let contradictedEvidence = "latin-form"

  /// A gazetteer short form followed by a Latin name that is not the person's names someone
  /// else: 切尼 (Liz Cheney) beside the gazetteer's 迪克·切尼 (Dick Cheney), 麦戈文 (Jim
  /// McGovern) beside 乔治·麦戈文. It is the gazetteer person with that English name when
  /// exactly one has it (吉儿．拜登（Jill Biden）, there only: the article's other 拜登 may well
  /// be Joe), else a person of the article's own named by the short form, the Latin name as
  /// `name_en`, whom the article's other mentions of the short form name too, unless one of
  /// them is confirmed as the gazetteer person (a full name, or its own English name after
  /// it). The Latin name contradicts when it contradicts (`contradicts`) the person's English
  /// name and every Latin alias.
  func relinkingContradictedShortForms(_ document: inout Document) {
    let units = document.text.units
    var relinked: [String: Int] = [:]
    var propagated: [String: Int] = [:]
    var confirmed = Set<Int>()
    for index in document.mentions.indices {
      let mention = document.mentions[index]
      guard mention.form == .shortForm,
        document.entities[mention.entity].kind == .person,
        case .string(let english)? = document.entities[mention.entity].properties["name_en"],
        let latin = PersonFinder.latinForm(after: Int(mention.range.end), in: units),
        (PersonFinder.latinNameWordCount(after: Int(mention.range.end), in: units) ?? 0) >= 2
      else { continue }
      let written = document.text[mention.range]
      let key = String(mention.entity) + "|" + written
      let person = document.entities[mention.entity]
      let other = englishNames?.person(named: latin)
      if let other, other.id == person.id { continue }
      // Every Latin name of the person's, of two words or more, must contradict it (Bess
      // Truman, born Bess Wallace). A short form glued to a transliteration before it
      // (穆|里根 (Casey Mulligan)) is part of the name the Latin form is of, unless the form is
      // another gazetteer person's (小|特朗普（Donald Trump Jr）).
      let latinNames =
        [english]
        + person.aliases.filter { $0.utf8.allSatisfy { $0 < 0x80 } && $0.contains(" ") }
      guard
        other != nil
          || !isGluedToTransliteration(mention.range, units)
            && latinNames.allSatisfy({ PersonFinder.contradicts(latin, $0) })
      else { continue }
      if let slot = relinked[key + "|" + latin] {
        document.mentions[index].entity = slot
        continue
      }
      let slot: Int
      if let other {
        slot = PersonFinder.slot(of: other, in: &document)
      } else {
        slot = document.entities.count
        document.entities.append(
          EntityRecord(
            id: GazetteerFile.people.derivedID(
              name: data.scriptKey(of: written) + "|" + PeopleByEnglishName.key(latin)),
            kind: .person, name: written, aliases: [latin],
            properties: [
              "discovered": .string(PersonFinder.contradictedEvidence),
              "name_en": .string(latin),
            ]))
      }
      relinked[key + "|" + latin] = slot
      if other == nil { propagated[key] = slot }
      document.mentions[index].entity = slot
      document.mentions[index].evidence = PersonFinder.contradictedEvidence
    }
    guard !propagated.isEmpty else { return }
    for mention in document.mentions where mention.evidence != PersonFinder.contradictedEvidence {
      let entity = document.entities[mention.entity]
      guard entity.kind == .person else { continue }
      if mention.form != .shortForm {
        confirmed.insert(mention.entity)
      } else if let latin = PersonFinder.latinForm(after: Int(mention.range.end), in: units),
        case .string(let english)? = entity.properties["name_en"],
        PeopleByEnglishName.key(latin) == PeopleByEnglishName.key(english)
          || englishNames?.person(named: latin)?.id == entity.id
      {
        confirmed.insert(mention.entity)
      }
    }
    // The same short form elsewhere in the article, without a Latin name, is the same person.
    for index in document.mentions.indices {
      let mention = document.mentions[index]
      guard mention.evidence != PersonFinder.contradictedEvidence,
        !confirmed.contains(mention.entity),
        let slot = propagated[String(mention.entity) + "|" + document.text[mention.range]]
      else { continue }
      document.mentions[index].entity = slot
    }
  }

  /// Whether the character before `range` likely starts or continues a transliteration (穆 of
  /// 穆|里根, weighed above chance there), not merely may (人 of 民主党人|麦戈文).
  func isGluedToTransliteration(_ range: TextRange, _ units: [UInt16]) -> Bool {
    let start = Int(range.start)
    guard start > 0 else { return false }
    let unit = units[start - 1]
    return (data.foreign[unit] ?? 0) > 0 || (data.foreignFirst[unit] ?? 0) > 0
  }

  /// Whether `latin` names another person than `english`: two words or more (less a
  /// generational suffix, Jr, III), and either a surname like the person's (the same but for
  /// two letters: Klain and Klein, Hobbs and Hobbes) with a given name of another first letter
  /// that neither holds the other's (Joe and Joseph, Tony and Antony agree), or no word like
  /// any of the person's (Chris Wallace is not Bess Truman, Kai Strittmatter is Ma Kai).
  static func contradicts(_ latin: String, _ english: String) -> Bool {
    func words(_ name: String) -> [Substring] {
      var words = PeopleByEnglishName.key(name).split(separator: " ")
      while words.count > 2, let last = words.last, generationalSuffixes.contains(String(last)) {
        words.removeLast()
      }
      return words
    }
    let given = words(latin)
    let known = words(english)
    guard given.count >= 2, known.count >= 2, let surname = given.last, let first = given.first,
      let knownSurname = known.last, let knownFirst = known.first
    else { return false }
    if alike(surname, knownSurname) {
      return first.first != knownFirst.first && !first.contains(knownFirst)
        && !knownFirst.contains(first)
    }
    return !given.contains { word in known.contains { alike(word, $0) } }
  }

  static let generationalSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

  /// Whether two words of names are one spelt alike: equal, or of four letters or more and
  /// two edits apart at most (Klain and Klein, Gaddafi and Qaddafi).
  static func alike(_ left: Substring, _ right: Substring) -> Bool {
    if left == right { return true }
    let a = Array(left.utf8)
    let b = Array(right.utf8)
    guard a.count >= 4, b.count >= 4, abs(a.count - b.count) <= 2 else { return false }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + [Int](repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
      }
      previous = current
    }
    return previous[b.count] <= 2
  }
}
