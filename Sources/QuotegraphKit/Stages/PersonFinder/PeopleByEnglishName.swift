/// The gazetteer's people by their English name and Latin aliases, for the Latin form an
/// article gives in parentheses after a name: 佩洛希（Nancy Pelosi）is the gazetteer's 南希·佩洛西
/// however the article spells her. Names of one word, and names two people share, are left
/// out: a surname alone (Pelosi, Smith) says too little.
public struct PeopleByEnglishName: Sendable {
  /// The entries: a record is made only for the few names the articles ask about.
  private let people: [String: PersonEntry]

  public init(people: [PersonEntry]) {
    var byName: [String: PersonEntry] = [:]
    var shared: Set<String> = []
    func add(_ name: String, of person: PersonEntry) {
      guard PeopleByEnglishName.isLatin(name) else { return }
      let full = PeopleByEnglishName.key(name)
      // Harry S. Truman is Harry Truman too.
      let withoutInitials = PeopleByEnglishName.withoutInitials(full)
      for key in withoutInitials == full ? [full] : [full, withoutInitials] {
        // By its bytes: String.contains(_:) goes through Foundation's search, most of the
        // start-up.
        guard key.utf8.contains(0x20) else { continue }
        if let known = byName[key] {
          if known.id != person.id { shared.insert(key) }
        } else {
          byName[key] = person
        }
      }
    }
    for person in people {
      add(person.nameEnglish, of: person)
      for alias in person.aliases { add(alias, of: person) }
    }
    for key in shared { byName[key] = nil }
    self.people = byName
  }

  /// The person whose English name or Latin alias `latin` is, if exactly one has it.
  public func person(named latin: String) -> EntityRecord? {
    let key = PeopleByEnglishName.key(latin)
    return (people[key] ?? people[PeopleByEnglishName.withoutInitials(key)])
      .map(EntityIndex.record)
  }

  /// A key without its one-letter words: harry s truman → harry truman.
  static func withoutInitials(_ key: String) -> String {
    guard key.utf8.count > 4 else { return key }
    let words = key.split(separator: " ")
    guard words.contains(where: { $0.utf8.count == 1 }) else { return key }
    return words.filter { $0.utf8.count > 1 }.joined(separator: " ")
  }

  /// ASCII letters in lower case, with dots, hyphens and apostrophes as spaces and runs of
  /// spaces as one: John F. Kennedy and John F Kennedy are one key. Made from the UTF-8 bytes,
  /// for each of the gazetteer's 12,000 Latin names at start-up.
  static func key(_ name: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(name.utf8.count)
    var spaceBefore = false
    for byte in name.utf8 {
      switch byte {
      case 0x20, 0x27, 0x2D, 0x2E: spaceBefore = !bytes.isEmpty
      default:
        if spaceBefore { bytes.append(0x20) }
        spaceBefore = false
        bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func isLatin(_ name: String) -> Bool {
    !name.isEmpty && name.unicodeScalars.allSatisfy { $0.value < 0x250 }
  }

  /// The table of the gazetteer folder `directory`, made once for all the stages built in
  /// `context` from the gazetteer the entity matcher loads there too.
  public static func load(directory: String, sharedIn context: StageContext)
    throws(QuotegraphError) -> PeopleByEnglishName
  {
    try Gazetteer.derived("PeopleByEnglishName", directory: directory, sharedIn: context) {
      PeopleByEnglishName(people: $0.people)
    }
  }
}
