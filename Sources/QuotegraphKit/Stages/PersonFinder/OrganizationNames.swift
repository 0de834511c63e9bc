/// The names and aliases of the gazetteer's organisations, of three characters or more and no
/// gazetteer person's: a name discovery finds that is one is the organisation (卢浮宫 of
/// 卢浮宫表示 is the Louvre, Q1075988), also where the entity matcher leaves it unmatched (the
/// catch-all kind `other` counts there only with a curated row, as it holds titles and generic
/// words, which discovery does not take for names).
public struct OrganizationNames: Sendable {
  private let organizations: [OrganizationEntry]
  /// The index in `organizations` of each name's organisation (`ambiguous` where two share it),
  /// keyed by a 64-bit hash of the name's UTF-8 bytes and checked against the name on lookup.
  /// Keyed by Strings, the people's 60,000 names were each normalised to be hashed at start-up
  /// (320 M instructions); by byte arrays, hashed byte by byte and moved with the entries
  /// (107 M).
  private let indexOfName: [UInt64: Int32]
  private static let ambiguous: Int32 = -1

  public init(organizations: [OrganizationEntry], people: [PersonEntry]) {
    var indexOfName: [UInt64: Int32] = [:]
    // Three characters are at least 9 bytes of CJK: shorter names are never looked up. Each
    // list read in place: an array of the name and the aliases made one per entry.
    func add(_ name: String, _ index: Int32) {
      guard name.utf8.count >= 9 else { return }
      let key = OrganizationNames.key(name)
      if let known = indexOfName[key] {
        if known != index { indexOfName[key] = OrganizationNames.ambiguous }
      } else {
        indexOfName[key] = index
      }
    }
    func remove(_ name: String) {
      if name.utf8.count >= 9 { indexOfName.removeValue(forKey: OrganizationNames.key(name)) }
    }
    for (index, organization) in organizations.enumerated() {
      add(organization.name, Int32(index))
      for alias in organization.aliases { add(alias, Int32(index)) }
    }
    for person in people {
      remove(person.name)
      for alias in person.aliases { remove(alias) }
      for form in person.shortForms { remove(form) }
    }
    self.organizations = organizations
    self.indexOfName = indexOfName
  }

  /// FNV-1a over the name's UTF-8 bytes, read from its storage: through the UTF-8 view's
  /// iterator it cost 570 instructions a name.
  static func key(_ name: String) -> UInt64 {
    func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return hash
    }
    return name.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(name.utf8)
  }

  public enum Lookup: Equatable, Sendable {
    /// No organisation has the name.
    case absent
    /// One organisation has it.
    case organization(EntityRecord)
    /// Several have it: it is no person, and which organisation is unknown.
    case ambiguous
  }

  /// The organisation named `name` (three characters or more).
  public func lookup(_ name: String) -> Lookup {
    guard name.utf8.count >= 9 else { return .absent }
    guard let index = indexOfName[OrganizationNames.key(name)] else { return .absent }
    guard index != OrganizationNames.ambiguous else { return .ambiguous }
    let organization = organizations[Int(index)]
    // A hash is no proof: the name must be the organisation's.
    guard organization.name == name || organization.aliases.contains(name) else { return .absent }
    return .organization(EntityIndex.record(organization))
  }

  /// The names of the gazetteer folder `directory`, made once for all the stages built in
  /// `context` from the gazetteer the entity matcher loads there too.
  public static func load(directory: String, sharedIn context: StageContext)
    throws(QuotegraphError) -> OrganizationNames
  {
    try Gazetteer.derived("OrganizationNames", directory: directory, sharedIn: context) {
      OrganizationNames(organizations: $0.organizations, people: $0.people)
    }
  }
}
