/// The names and aliases of the gazetteer's organisations, of three characters or more and no
/// gazetteer person's: a name discovery finds that is one is the organisation (沃尔玛 of
/// 沃尔玛拒绝置评 is Walmart, Q483551), also where the entity matcher leaves it unmatched (the
/// catch-all kind `other` counts there only with a curated row, as it holds titles and generic
/// words, which discovery does not take for names).
public struct OrganizationNames: Sendable {
  /// The organisation of each name; nil where two share it.
  private let organizations: [String: OrganizationEntry?]

  public init(organizations: [OrganizationEntry], people: [PersonEntry]) {
    var personNames = Set<String>()
    for person in people {
      personNames.insert(person.name)
      personNames.formUnion(person.aliases)
      personNames.formUnion(person.shortForms)
    }
    var byName: [String: OrganizationEntry?] = [:]
    for organization in organizations {
      for name in [organization.name] + organization.aliases
      where name.utf16.count >= 3 && !personNames.contains(name) {
        if let known = byName[name] {
          if known?.id != organization.id { byName[name] = .some(nil) }
        } else {
          byName[name] = organization
        }
      }
    }
    self.organizations = byName
  }

  public enum Lookup: Equatable, Sendable {
    /// No organisation has the name.
    case absent
    /// One organisation has it.
    case organization(EntityRecord)
    /// Several have it: it is no person, and which organisation is unknown.
    case ambiguous
  }

  /// The organisation named `name`.
  public func lookup(_ name: String) -> Lookup {
    switch organizations[name] {
    case .none: .absent
    case .some(.none): .ambiguous
    case .some(.some(let organization)): .organization(EntityIndex.record(organization))
    }
  }

  /// The names of the gazetteer folder `directory`, made once for all the stages built in
  /// `context` from the gazetteer the entity matcher loads there too.
  public static func load(directory: String, sharedIn context: StageContext)
    throws(QuotegraphError) -> OrganizationNames
  {
    try context.shared.value("OrganizationNames:" + directory) { () throws(QuotegraphError) in
      let gazetteer = try Gazetteer.load(directory: directory, sharedIn: context)
      return OrganizationNames(organizations: gazetteer.organizations, people: gazetteer.people)
    }
  }
}
