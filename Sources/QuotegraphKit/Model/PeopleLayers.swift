extension Layer {
  /// People found beyond the gazetteer, added to `entities` and `mentions`.
  public static let persons = Layer("persons")
  /// Short forms tied back to the full names the article gives (佩洛西 → 南希·佩洛西).
  public static let coreference = Layer("coreference")
  public static let roles = Layer("roles")
  public static let meetings = Layer("meetings")
}

/// A title the text gives a person: 美国气候特使克里 → qualifiers [美国], role 气候特使.
public struct RoleAssignment: Sendable, Equatable {
  /// Index into `Document.entities`.
  public var entity: Int
  /// The mention the title is attached to.
  public var mention: Int
  /// The whole title as written, qualifiers included (美国气候特使).
  public var title: TextRange
  /// The role without its qualifiers (气候特使).
  public var role: TextRange
  /// The gazetteer's role the title names, when it names one: id, canonical name and kind.
  public var roleID: String?
  public var roleName: String?
  public var kind: String?
  /// `before` (美国气候特使克里), `after-comma` (韩正，国家副主席) or `parenthesis`.
  public var position: String

  public init(
    entity: Int, mention: Int, title: TextRange, role: TextRange, roleID: String? = nil,
    roleName: String? = nil, kind: String? = nil, position: String
  ) {
    self.entity = entity
    self.mention = mention
    self.title = title
    self.role = role
    self.roleID = roleID
    self.roleName = roleName
    self.kind = kind
    self.position = position
  }
}

/// Two people the text says met: 克里会见韩正, 克里与王毅举行会晤.
public struct Meeting: Sendable, Equatable {
  /// Indices into `Document.entities`: `first` is the one the sentence makes the subject.
  public var first: Int
  public var second: Int
  /// The meeting word as written (会见, 会晤) and where.
  public var cue: String
  public var cueRange: TextRange

  public init(first: Int, second: Int, cue: String, cueRange: TextRange) {
    self.first = first
    self.second = second
    self.cue = cue
    self.cueRange = cueRange
  }
}

extension RoleAssignment {
  /// Whether 前 or 原 opens or closes the title's qualifiers as a word of its own, outside any
  /// name (前美国国务卿蓬佩奥, 中国外交部前发言人陆慷; not 原子能机构总干事).
  public func isFormer(in document: Document) -> Bool {
    let start = Int(title.start)
    let end = Int(role.start)
    guard start < end else { return false }
    let units = document.text.units
    return [start, end - 1].contains { offset in
      RoleAssignment.formerMarks.contains(units[offset])
        && !document.mentions.contains { $0.range.range.contains(offset) }
    }
  }
  static let formerMarks = UnitSet("前原")
}
