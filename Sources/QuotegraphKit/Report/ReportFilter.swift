import ICUText

/// Which statements a report shows. Every filter given must hold (they combine with *and*).
public struct ReportFilter: Equatable, Sendable {
  /// A person by any name the graph knows: canonical, alias, traditional or simplified script,
  /// English name, Wikidata QID or node id.
  public var person: String?
  /// An organisation, by the same kinds of name: its own statements, statements it relays
  /// (REPORTED_BY), and statements by people holding a title that names it in that article
  /// (外交部发言人 for 外交部).
  public var organization: String?
  /// Statements published on or after this time.
  public var since: ReportDate?
  /// Statements published on or before this time (a bare date includes the whole day).
  public var until: ReportDate?
  /// The article's outlet as written (法广, RFI), or its web host (www.rfi.fr, rfi.fr).
  public var outlet: String?
  public var kind: QuoteKind?

  public init(
    person: String? = nil, organization: String? = nil, since: ReportDate? = nil,
    until: ReportDate? = nil, outlet: String? = nil, kind: QuoteKind? = nil
  ) {
    self.person = person
    self.organization = organization
    self.since = since
    self.until = until
    self.outlet = outlet
    self.kind = kind
  }

  public var isEmpty: Bool { self == ReportFilter() }

  /// Whether a statement published at `published` passes the date filters.
  func admits(published: String?) -> Bool {
    if since == nil && until == nil { return true }
    guard let published, let seconds = Timestamp.parseISO8601(published) else { return false }
    if let since, seconds < since.seconds { return false }
    if let until, seconds > until.lastSecond { return false }
    return true
  }
}

/// The kinds of statement the graph records.
public enum QuoteKind: String, CaseIterable, Sendable {
  case direct, indirect, mixed

  /// Parses a kind name; an unknown one is an error listing the known ones.
  public init(name: String) throws(QuotegraphError) {
    guard let kind = QuoteKind(rawValue: name.lowercased()) else {
      throw QuotegraphError(
        "report.bad-kind",
        "unknown kind `\(name)`: expected one of "
          + QuoteKind.allCases.map(\.rawValue).joined(separator: ", "))
    }
    self = kind
  }
}

/// A point in time given on the command line: a date (2020-03-01) or a full ISO 8601
/// timestamp (2020-03-01T08:00:00Z, 2020-03-01T16:00:00+08:00).
public struct ReportDate: Equatable, Sendable, CustomStringConvertible {
  public var text: String
  /// Epoch seconds of the start.
  public var seconds: Int64
  /// Epoch seconds of the last second the value covers: the day's end for a bare date.
  public var lastSecond: Int64

  public init(_ text: String) throws(QuotegraphError) {
    let trimmed = String(text.trimmingASCIISpaces())
    guard let seconds = Timestamp.parseISO8601(trimmed) else {
      throw QuotegraphError(
        "report.bad-date",
        "`\(text)` is not a date: expected YYYY-MM-DD or an ISO 8601 time such as "
          + "2020-03-01T08:00:00Z")
    }
    self.text = trimmed
    self.seconds = seconds
    self.lastSecond = trimmed.count == 10 ? seconds + 86_399 : seconds
  }

  public var description: String { text }
}

/// Folds a name so that its script, width, case and separator variants meet: 蓬佩奧, 蓬佩奥,
/// ＷＡＮＧ　ＹＩ, wang yi and 迈克•蓬佩奥 / 迈克蓬佩奥 give one key each.
///
/// Traditional characters go through ICU's Traditional-Simplified transform, then through the
/// gazetteer's own fold (`MatchKeyFolder`: width, case, middle dots, and the script-variants
/// table when one is given). It holds an ICU transliterator: give each concurrent task its own.
public struct NameKey: Sendable {
  private let folder: MatchKeyFolder
  private let transliterator: Transliterator?

  public init(folder: MatchKeyFolder = MatchKeyFolder(traditionalToSimplified: [:])) {
    self.folder = folder
    self.transliterator = try? Transliterator("Traditional-Simplified")
  }

  public func key(_ name: String) -> String {
    let simplified = (try? transliterator?.apply(name)) ?? name
    var key = String.UnicodeScalarView()
    for scalar in folder.fold(simplified).unicodeScalars
    where scalar != MatchKeyFolder.middleDot && !Self.separators.contains(scalar) {
      key.append(scalar)
    }
    return String(key)
  }

  private static let separators: Set<Unicode.Scalar> = [" ", "-", "‐", "\t", ".", "_"]
}
