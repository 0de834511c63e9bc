/// Who said what in a graph, ready to render: speakers ranked by how often they are quoted,
/// each with their statements in time order, the roles and meetings the graph records for them,
/// and the network of who met whom and who is quoted beside whom.
///
/// Built by `Report.build(from:filter:source:)`, a pure function of the graph and the filter;
/// the renderers (`TextReportRenderer`, `MarkdownReportRenderer`, `HTMLReportRenderer`) only
/// lay it out.
public struct Report: Equatable, Sendable {
  /// The graph file the report reads, as named on the command line.
  public var source: String
  /// The filters in effect, in words (`person: 王毅 (wd:Q…)`, `since: 2020-03-01`).
  public var filters: [String]
  /// Most quoted first.
  public var speakers: [Speaker]
  /// Statements shown: distinct Quote nodes with a speaker that pass the filters.
  public var statementCount: Int
  public var articleCount: Int
  /// Statements that pass the filters but have no resolved speaker (only counted without a
  /// person or organisation filter, which they could never pass).
  public var unattributedCount: Int
  public var firstDate: String?
  public var lastDate: String?
  public var network: Network

  public struct Speaker: Equatable, Sendable {
    public var id: String
    public var name: String
    public var nameEnglish: String?
    /// `Person` or `Organization`.
    public var label: String
    public var aliases: [String]
    /// Titles as written (美国国务卿), most frequent first.
    public var roles: [String]
    public var articleCount: Int
    public var firstDate: String?
    public var lastDate: String?
    /// The people the graph says this speaker met, most meetings first.
    public var met: [Contact]
    /// In time order.
    public var statements: [Statement]
  }

  public struct Contact: Equatable, Sendable {
    public var id: String
    public var name: String
    /// Articles reporting a meeting.
    public var articles: Int
  }

  public struct Statement: Equatable, Sendable {
    public var quoteID: String
    public var text: String
    /// `direct`, `indirect` or `mixed`.
    public var kind: String
    public var cue: String
    public var published: String?
    /// The calendar date of `published` (2023-07-19).
    public var date: String?
    public var outlet: String?
    public var url: String?
    public var title: String?
    /// The addressees (SAID_TO).
    public var saidTo: [String]
    /// The outlets relaying the statement (REPORTED_BY).
    public var reportedBy: [String]
  }

  /// The most quoted speakers and two kinds of ties between them: met (MET, counted in
  /// articles) and quoted in the same article; empty with fewer than two speakers. Positions come from a deterministic layout in a
  /// `width` × `height` box.
  public struct Network: Equatable, Sendable {
    public var width: Double
    public var height: Double
    public var nodes: [Node]
    public var edges: [Edge]

    public struct Node: Equatable, Sendable {
      /// Index into `Report.speakers`.
      public var speaker: Int
      public var x: Double
      public var y: Double
    }

    public struct Edge: Equatable, Sendable {
      /// Indexes into `nodes`, `from < to`.
      public var from: Int
      public var to: Int
      /// Articles reporting a meeting between the two.
      public var met: Int
      /// Articles quoting both.
      public var coQuoted: Int
    }

    public static let empty = Network(width: 0, height: 0, nodes: [], edges: [])
  }

  /// The id of the speaker ranked `rank` (from 0) in every format's links: `speaker-1` first.
  public static func anchor(_ rank: Int) -> String { "speaker-\(rank + 1)" }

  /// The speaker's name with its English form when there is one: 王毅 (Wang Yi).
  public static func fullName(_ speaker: Speaker) -> String {
    guard let english = speaker.nameEnglish, !english.isEmpty, english != speaker.name else {
      return speaker.name
    }
    return "\(speaker.name) (\(english))"
  }

  /// `2020-07-18`, `2020-07-18 – 2020-09-25`, or nil without dates.
  public static func dateRange(_ first: String?, _ last: String?) -> String? {
    guard let first else { return last }
    guard let last, last != first else { return first }
    return "\(first) – \(last)"
  }

  /// A one-line summary: 50 statements by 12 speakers in 5 articles, 2020-07-18 – 2023-07-19.
  public var summary: String {
    var text =
      "\(Self.count(statementCount, "statement")) by \(Self.count(speakers.count, "speaker")) "
      + "in \(Self.count(articleCount, "article"))"
    if let range = Self.dateRange(firstDate, lastDate) { text += ", \(range)" }
    if unattributedCount > 0 {
      text += "; \(Self.count(unattributedCount, "statement")) without a resolved speaker not shown"
    }
    return text
  }

  /// What an empty report says instead of a ranking.
  public var emptyMessage: String {
    filters.isEmpty ? "No statements in this graph." : "No statements match the filters."
  }

  public static func count(_ value: Int, _ noun: String) -> String {
    "\(value) \(noun)\(value == 1 ? "" : "s")"
  }
}
