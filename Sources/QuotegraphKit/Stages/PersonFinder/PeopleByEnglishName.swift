/// The gazetteer's people by their English name and Latin aliases, for the Latin form an
/// article gives in parentheses after a name: 佩洛希（Nancy Pelosi）is the gazetteer's 南希·佩洛西
/// however the article spells her. Names of one word, and names two people share, are left
/// out: a surname alone (Pelosi, Smith) says too little.
public struct PeopleByEnglishName: Sendable {
  /// The entries: a record is made only for the few names the articles ask about.
  private let people: [String: PersonEntry]

  /// Given names by their short forms (joe → joseph), in lower case.
  private let nicknames: [String: String]

  public init(people: [PersonEntry], nicknames: [String: String] = [:]) {
    self.nicknames = nicknames
    // Packed once: `plain` asks every one of the gazetteer's 25,000 names about its first word.
    let packedNicknames = Set(nicknames.keys.compactMap(PeopleByEnglishName.packed))
    var byName: [String: PersonEntry] = [:]
    var shared: Set<String> = []
    func add(_ name: String, of person: PersonEntry) {
      guard PeopleByEnglishName.isLatin(name) else { return }
      let full = PeopleByEnglishName.key(name)
      // Harry S. Truman is Harry Truman too, and Joe Biden is Joseph Biden.
      var keys = [full]
      if let short = PeopleByEnglishName.withoutInitials(full) { keys.append(short) }
      if PeopleByEnglishName.mayBePlainer(full, packedNicknames: packedNicknames),
        let plain = PeopleByEnglishName.plain(full, nicknames: nicknames), !keys.contains(plain)
      {
        keys.append(plain)
      }
      for key in keys {
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
    return
      (people[key] ?? PeopleByEnglishName.withoutInitials(key).flatMap { people[$0] }
      ?? PeopleByEnglishName.plain(key, nicknames: nicknames).flatMap { people[$0] })
      .map(EntityIndex.record)
  }

  /// A key without its initials and generational suffix, its first name in full (joseph r
  /// biden jr → joseph biden, joe biden → joseph biden), or nil when that changes nothing or
  /// leaves a single word.
  static func plain(_ key: String, nicknames: [String: String]) -> String? {
    var words = key.split(separator: " ").filter { $0.count > 1 }.map(String.init)
    while words.count > 2, let last = words.last, generationalSuffixes.contains(last) {
      words.removeLast()
    }
    guard words.count >= 2 else { return nil }
    if let full = nicknames[words[0]] { words[0] = full }
    let plain = words.joined(separator: " ")
    return plain == key ? nil : plain
  }
  static let generationalSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
  static let packedSuffixes = Set(generationalSuffixes.compactMap(packed))

  /// Whether `plain` may change `key`: its first word is a nickname or its last a generational
  /// suffix. Read from the UTF-8 bytes, words packed into integers: making Strings of them
  /// for each of the gazetteer's 25,000 names cost 56 M instructions at start-up.
  static func mayBePlainer(_ key: String, packedNicknames: Set<UInt64>) -> Bool {
    var key = key
    return key.withUTF8 { bytes in
      guard let firstSpace = bytes.firstIndex(of: 0x20),
        let lastSpace = bytes.lastIndex(of: 0x20)
      else { return false }
      return packed(bytes[..<firstSpace]).map(packedNicknames.contains) == true
        || packed(bytes[(lastSpace + 1)...]).map(packedSuffixes.contains) == true
    }
  }

  /// A word of at most eight bytes as one integer, or nil for a longer one.
  static func packed(_ word: String) -> UInt64? { packed(Array(word.utf8)) }

  static func packed(_ bytes: some Collection<UInt8>) -> UInt64? {
    guard bytes.count <= 8 else { return nil }
    return bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }

  /// A key without its one-letter words (harry s truman → harry truman), or nil when it has
  /// none. Read from the UTF-8 bytes: splitting and joining Substrings, for each of the
  /// gazetteer's 25,000 Latin names and aliases, was a third of the table's start-up.
  static func withoutInitials(_ key: String) -> String? {
    // Most names have no initial: find one before allocating anything.
    var length = 0
    var hasInitial = false
    for byte in key.utf8 {
      if byte == 0x20 {
        if length == 1 { hasInitial = true }
        length = 0
      } else {
        length += 1
      }
    }
    guard hasInitial || length == 1 else { return nil }
    var bytes: [UInt8] = []
    var word: [UInt8] = []
    var dropped = false
    func flush() {
      if word.count == 1 {
        dropped = true
      } else if !word.isEmpty {
        if !bytes.isEmpty { bytes.append(0x20) }
        bytes.append(contentsOf: word)
      }
      word.removeAll(keepingCapacity: true)
    }
    for byte in key.utf8 {
      if byte == 0x20 { flush() } else { word.append(byte) }
    }
    flush()
    return dropped && !bytes.isEmpty ? String(decoding: bytes, as: UTF8.self) : nil
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
      PeopleByEnglishName(people: $0.people, nicknames: $0.englishNicknames)
    }
  }
}
