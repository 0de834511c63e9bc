/// The gazetteer's people by their English name and Latin aliases, for the Latin form an
/// article gives in parentheses after a name: 佩洛希（Nancy Pelosi）is the gazetteer's 南希·佩洛西
/// however the article spells her. Names of one word, and names two people share, are left
/// out: a surname alone (Pelosi, Smith) says too little.
public struct PeopleByEnglishName: Sendable {
  private let records: [String: EntityRecord]

  public init(people: [PersonEntry]) {
    var records: [String: EntityRecord] = [:]
    var shared: Set<String> = []
    for person in people {
      let names = [person.nameEnglish] + person.aliases.filter(PeopleByEnglishName.isLatin)
      let record = EntityIndex.record(person)
      for name in names {
        let key = PeopleByEnglishName.key(name)
        guard key.contains(" ") else { continue }
        if let known = records[key], known.id != record.id { shared.insert(key) }
        records[key] = records[key] ?? record
      }
    }
    for key in shared { records[key] = nil }
    self.records = records
  }

  /// The person whose English name or Latin alias `latin` is, if exactly one has it.
  public func person(named latin: String) -> EntityRecord? {
    records[PeopleByEnglishName.key(latin)]
  }

  public var count: Int { records.count }

  /// Lower case, with dots, hyphens and apostrophes as spaces and runs of spaces as one: John F.
  /// Kennedy and John F Kennedy are one key.
  static func key(_ name: String) -> String {
    String(name.lowercased().map { ".-'’".contains($0) ? " " : $0 })
      .split(separator: " ").joined(separator: " ")
  }

  static func isLatin(_ name: String) -> Bool {
    !name.isEmpty && name.unicodeScalars.allSatisfy { $0.value < 0x250 }
  }

  /// The table of the gazetteer folder `directory`, made once for all the stages built in
  /// `context`, from `gazetteer` when the caller has it loaded already.
  public static func load(
    directory: String, sharedIn context: StageContext, gazetteer: Gazetteer? = nil
  ) throws(QuotegraphError) -> PeopleByEnglishName {
    try context.shared.value("PeopleByEnglishName:" + directory) { () throws(QuotegraphError) in
      if let gazetteer { return PeopleByEnglishName(people: gazetteer.people) }
      return PeopleByEnglishName(people: try Gazetteer.load(directory: directory).people)
    }
  }
}
