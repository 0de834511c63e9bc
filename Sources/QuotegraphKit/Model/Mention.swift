/// A person, organisation or place as the graph will show it: a gazetteer entry (or, later, a
/// discovered name) with the properties its node carries.
public struct EntityRecord: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    case person = "Person"
    case organization = "Organization"
    case place = "Place"
  }

  /// The graph node id: `wd:Q…` when the QID is known, else the gazetteer's stable id.
  public var id: String
  public var kind: Kind
  public var name: String
  public var aliases: [String]
  /// In key order, as the node writes them: a sorted array of a few members, where a
  /// dictionary made and hashed its keys for each of the gazetteer's 18,000 entities at every
  /// start (36 M instructions) and was sorted again for each node written.
  public var properties: GraphProperties

  public init(
    id: String, kind: Kind, name: String, aliases: [String], properties: GraphProperties
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.aliases = aliases
    self.properties = properties
  }
}

/// Where the text names an entity.
public struct Mention: Sendable, Equatable {
  public enum Form: String, Sendable {
    /// The canonical name (约翰·克里).
    case name
    /// Another full name or a script variant (約翰·克里).
    case alias
    /// A form that may name several people (克里): resolved by context and prominence.
    case shortForm = "short-form"
  }

  public var range: TextRange
  /// Index into `Document.entities`.
  public var entity: Int
  public var form: Form
  /// How the match was accepted: `aligned` with ICU boundaries, or a `cut` ICU glued.
  public var evidence: String

  public init(range: TextRange, entity: Int, form: Form, evidence: String) {
    self.range = range
    self.entity = entity
    self.form = form
    self.evidence = evidence
  }
}
