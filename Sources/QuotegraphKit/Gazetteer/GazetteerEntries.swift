/// A period in office: `国家副主席@2023-03..` (open end) or `外交部长@2013-03..2022-12`.
/// The role is named by its `name` in `roles.tsv`; dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
public struct RoleTenure: Sendable, Equatable {
  public var role: String
  public var from: String
  public var to: String

  public init(role: String, from: String = "", to: String = "") {
    self.role = role
    self.from = from
    self.to = to
  }

  public init?(parsing text: String) {
    let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
    guard let role = parts.first, !role.isEmpty else { return nil }
    self.role = String(role)
    guard parts.count == 2 else {
      self.from = ""
      self.to = ""
      return
    }
    let dates = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    guard dates.count == 3, dates[1].isEmpty,
      RoleTenure.isDate(dates[0]), RoleTenure.isDate(dates[2])
    else { return nil }
    self.from = String(dates[0])
    self.to = String(dates[2])
  }

  public var text: String {
    from.isEmpty && to.isEmpty ? role : "\(role)@\(from)..\(to)"
  }

  /// Empty, or `YYYY`, `YYYY-MM`, `YYYY-MM-DD` with digits in place.
  public static func isDate<S: StringProtocol>(_ text: S) -> Bool {
    // On bytes: every accepted character is one ASCII byte, and a byte outside ASCII (a
    // non-ASCII digit, a combining mark) fails the shape as its character did.
    let bytes = text.utf8
    guard bytes.count == 0 || bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else {
      return false
    }
    for (offset, byte) in bytes.enumerated() {
      let isDash = offset == 4 || offset == 7
      if isDash
        ? byte != UInt8(ascii: "-") : !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      {
        return false
      }
    }
    return true
  }
}

public struct PersonEntry: Sendable, Equatable {
  public var id: String
  public var name: String
  public var nameEnglish: String
  public var aliases: [String]
  /// Forms news use alone, which may name several people: 克里, 佩洛西, 布什.
  public var shortForms: [String]
  /// ISO 3166-1 alpha-2, or empty when no source says.
  public var country: String
  public var born: String
  public var died: String
  /// How likely this person is the one meant by an ambiguous name, from 0 to 1.
  public var prominence: Double
  public var roles: [RoleTenure]
  public var sources: [String]
  /// Where a source gives it: 他 and 她 agree with it.
  public var gender: Gender? = nil
}

public enum Gender: String, CaseIterable, Sendable {
  case male, female
}

public enum RoleKind: String, CaseIterable, Sendable {
  case headOfState = "head-of-state"
  case deputyHeadOfState = "deputy-head-of-state"
  case headOfGovernment = "head-of-government"
  case deputyHeadOfGovernment = "deputy-head-of-government"
  case minister, spokesperson, envoy, diplomat, legislator, judge, military
  case partyLeader = "party-leader"
  case regionalLeader = "regional-leader"
  case official, executive, other
}

public struct RoleEntry: Sendable, Equatable {
  public var id: String
  public var name: String
  public var nameEnglish: String
  public var kind: RoleKind
  public var aliases: [String]
  public var country: String
  public var sources: [String]
}

public enum OrganizationKind: String, CaseIterable, Sendable {
  case government, party, legislature, military, international, media, company, education
  case court, ngo, other
}

public struct OrganizationEntry: Sendable, Equatable {
  public var id: String
  public var name: String
  public var nameEnglish: String
  public var kind: OrganizationKind
  public var aliases: [String]
  public var country: String
  public var sources: [String]
}

public enum PlaceKind: String, CaseIterable, Sendable {
  case country, territory, region, province, city, location
}

public struct PlaceEntry: Sendable, Equatable {
  public var id: String
  public var name: String
  public var nameEnglish: String
  public var kind: PlaceKind
  public var iso2: String
  public var iso3: String
  public var aliases: [String]
  public var country: String
  public var sources: [String]
}

/// What a cue says about the words it introduces.
public enum CueClass: String, CaseIterable, Sendable {
  /// Neutral speech: 说, 表示, 称.
  case say
  /// Assertion or announcement: 强调, 指出, 宣布, 警告.
  case state
  /// Opinion, not necessarily spoken: 认为, 相信.
  case believe
  /// Request or appeal: 呼吁, 要求, 敦促.
  case demand
  /// Reported or second-hand: 据…称, 报道, 透露.
  case report
}

public struct CueEntry: Sendable, Equatable {
  public var id: String
  /// The cue; `…` marks a gap filled by the source, as in 据…称.
  public var name: String
  public var cueClass: CueClass
  public var aliases: [String]
  public var nameEnglish: String
  /// Which source lexicons list the cue (cilin:Hi14A01, hownet, say-words): evidence, not data.
  public var attested: [String]
  public var sources: [String]
}
