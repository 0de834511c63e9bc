extension PersonFinder {
  static let contradictedEvidence = "latin-form"

  /// A gazetteer short form followed by a Latin name that is not the person's names someone
  /// else: 切尼 (Liz Cheney) beside the gazetteer's 迪克·切尼 (Dick Cheney), 麦戈文 (Jim
  /// McGovern) beside 乔治·麦戈文. It is the gazetteer person with that English name when
  /// exactly one has it (吉儿．拜登（Jill Biden）, there only: the article's other 拜登 may well
  /// be Joe), else a person of the article's own named by the short form, the Latin name as
  /// `name_en`, whom the article's other mentions of the short form name too, unless one of
  /// them is confirmed as the gazetteer person (a full name, or its own English name after
  /// it). The Latin name contradicts when it has two words or more, ends in the person's
  /// English surname, and its given name neither starts with the same letter as the person's
  /// nor holds it or is held by it (Joe and Joseph, Tony and Antony agree; a name with another
  /// surname may be a translator's).
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
      guard other != nil || PersonFinder.contradicts(latin, english) else { continue }
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

  /// Whether `latin` names another person than `english` with the same surname: two words or
  /// more, the same last word, given names with other first letters, neither holding the other.
  static func contradicts(_ latin: String, _ english: String) -> Bool {
    let given = PeopleByEnglishName.key(latin).split(separator: " ")
    let known = PeopleByEnglishName.key(english).split(separator: " ")
    guard given.count >= 2, known.count >= 2, given.last == known.last,
      let first = given.first, let knownFirst = known.first
    else { return false }
    return first.first != knownFirst.first && !first.contains(knownFirst)
      && !knownFirst.contains(first)
  }
}
