/// Flat tables for a spreadsheet, UTF-8 with a byte order mark (so that Excel shows Chinese)
/// and RFC 4180 quoting:
///
/// - `quotes.csv`: one row per statement and article: who said it (`speaker`, `speaker_id`,
///   through `SAID`), when and where (`date`, `outlet`, `url`, `title`, through `QUOTED_IN`),
///   `kind`, `cue`, `text`, then the speaker as written, how it was resolved, the addressee
///   (`SAID_TO`), the relaying outlet (`REPORTED_BY`), confidence, the full timestamp and ids.
///   Sorted by publication time, article and position in the text.
/// - `entities.csv`: every node that is neither an Article nor a Quote (people, organisations,
///   places, roles …) with how often it is quoted and mentioned, then all its properties.
/// - `articles.csv`: every Article with its statement count, then all its properties.
/// - `relationships.csv`: every relationship with the names of both ends and its properties.
///
/// Lists are joined with `; `. Several speakers of one statement are joined the same way. A
/// field that starts like a spreadsheet formula (`=`, `+`, `-`, `@`) and is not a number gets a
/// leading `'`: text from the news is never run as a formula.
public struct FlatCSVExporter: Sendable {
  public init() {}

  public func export(_ graph: ExportGraph) -> [ExportFile] {
    let index = Index(graph)
    return [
      ExportFile(name: "quotes.csv", contents: quotes(graph, index)),
      ExportFile(name: "entities.csv", contents: entities(graph, index)),
      ExportFile(name: "articles.csv", contents: articles(graph, index)),
      ExportFile(name: "relationships.csv", contents: relationships(graph)),
    ]
  }

  /// Relationships by node id, in input order.
  struct Index {
    var outgoing: [String: [GraphRecord.Relationship]] = [:]
    var incoming: [String: [GraphRecord.Relationship]] = [:]

    init(_ graph: ExportGraph) {
      for relationship in graph.relationships {
        outgoing[relationship.start.id, default: []].append(relationship)
        incoming[relationship.end.id, default: []].append(relationship)
      }
    }

    func from(_ id: String, _ type: String) -> [GraphRecord.Relationship] {
      (outgoing[id] ?? []).filter { $0.label == type }
    }

    func to(_ id: String, _ type: String) -> [GraphRecord.Relationship] {
      (incoming[id] ?? []).filter { $0.label == type }
    }
  }

  static let quoteColumns = [
    "speaker", "speaker_id", "date", "outlet", "url", "title", "kind", "cue", "text",
    "speaker_as_written", "resolution", "said_to", "reported_by", "confidence", "published",
    "quote_id", "article_id",
  ]

  func quotes(_ graph: ExportGraph, _ index: Index) -> String {
    struct Row {
      var fields: [String?]
      var order: (published: String, url: String, start: Int, id: String)
    }
    var rows: [Row] = []
    for quote in graph.nodes
    where quote.labels.contains("Quote") || !index.to(quote.id, "SAID").isEmpty
      || !index.from(quote.id, "QUOTED_IN").isEmpty
    {
      let said = index.to(quote.id, "SAID")
      let speakers = said.compactMap { graph.node($0.start.id) }
      let addressees = index.from(quote.id, "SAID_TO").compactMap { graph.node($0.end.id) }
      let outlets = index.from(quote.id, "REPORTED_BY").compactMap { graph.node($0.end.id) }
      let articles: [GraphRecord.Node?] = {
        let found = index.from(quote.id, "QUOTED_IN").compactMap { graph.node($0.end.id) }
        return found.isEmpty ? [nil] : found
      }()
      let property = { (key: String) in quote.properties[key]?.plainText }
      for article in articles {
        let published = article?.properties["published"]?.plainText
        rows.append(
          Row(
            fields: [
              Self.joined(speakers.map(Self.name)), Self.joined(speakers.map(\.id)),
              published.map(Self.date), article.flatMap(Self.outlet),
              article?.properties["url"]?.plainText, article?.properties["title"]?.plainText,
              property("kind"), property("cue"), property("text"),
              Self.joined(
                said.map {
                  $0.properties["speaker_text"]?.plainText ?? property("speaker_text") ?? ""
                }
              ),
              Self.joined(said.compactMap { $0.properties["resolution"]?.plainText }),
              Self.joined(addressees.map(Self.name)), Self.joined(outlets.map(Self.name)),
              property("confidence"), published, quote.id, article?.id,
            ],
            order: (
              published ?? "", article?.properties["url"]?.plainText ?? "",
              { if case .int(let start)? = quote.properties["start"] { start } else { Int.max } }(),
              quote.id
            )))
      }
    }
    rows.sort { $0.order < $1.order }
    var csv = CSVWriter(byteOrderMark: true, defuseFormulas: true)
    csv.row(Self.quoteColumns)
    for row in rows { csv.row(row.fields) }
    return csv.text
  }

  func entities(_ graph: ExportGraph, _ index: Index) -> String {
    let nodes = graph.nodes.filter {
      !$0.labels.contains("Article") && !$0.labels.contains("Quote")
    }
    let keys = Set(nodes.flatMap(\.properties.keys)).subtracting(["name"]).sorted()
    var rows: [(node: GraphRecord.Node, quotes: Int, articles: Int, mentions: Int)] = []
    for node in nodes {
      let mentioned = index.from(node.id, "MENTIONED_IN")
      let mentions = mentioned.reduce(0) {
        if case .int(let count)? = $1.properties["count"] { $0 + count } else { $0 + 1 }
      }
      rows.append(
        (node, index.from(node.id, "SAID").count, Set(mentioned.map(\.end.id)).count, mentions))
    }
    rows.sort {
      ($1.quotes, $1.mentions, $0.node.id) < ($0.quotes, $0.mentions, $1.node.id)
    }
    var csv = CSVWriter(byteOrderMark: true, defuseFormulas: true)
    csv.row(["id", "labels", "name", "quotes", "articles", "mentions"] + keys)
    for row in rows {
      csv.row(
        [
          row.node.id, row.node.labels.joined(separator: "; "), Self.name(row.node),
          String(row.quotes), String(row.articles), String(row.mentions),
        ] + keys.map { Self.text(row.node.properties[$0]) })
    }
    return csv.text
  }

  func articles(_ graph: ExportGraph, _ index: Index) -> String {
    let nodes = graph.nodes.filter { $0.labels.contains("Article") }
    let leading = ["published", "title", "url", "outlet"]
    let keys = Set(nodes.flatMap(\.properties.keys)).subtracting(leading).sorted()
    let sorted = nodes.sorted {
      let a = ($0.properties["published"]?.plainText ?? "", $0.properties["url"]?.plainText ?? "")
      let b = ($1.properties["published"]?.plainText ?? "", $1.properties["url"]?.plainText ?? "")
      return (a.0, a.1, $0.id) < (b.0, b.1, $1.id)
    }
    var csv = CSVWriter(byteOrderMark: true, defuseFormulas: true)
    csv.row(["id", "date", "published", "outlet", "title", "url", "quotes"] + keys)
    for node in sorted {
      let published = node.properties["published"]?.plainText
      csv.row(
        [
          node.id, published.map(Self.date), published, Self.outlet(node),
          node.properties["title"]?.plainText, node.properties["url"]?.plainText,
          String(index.to(node.id, "QUOTED_IN").count),
        ] + keys.map { Self.text(node.properties[$0]) })
    }
    return csv.text
  }

  func relationships(_ graph: ExportGraph) -> String {
    let keys = Set(graph.relationships.flatMap(\.properties.keys)).sorted()
    var csv = CSVWriter(byteOrderMark: true, defuseFormulas: true)
    csv.row(["type", "start_id", "start_name", "end_id", "end_name", "id"] + keys)
    for relationship in graph.relationships {
      csv.row(
        [
          relationship.label, relationship.start.id,
          graph.node(relationship.start.id).map(Self.name),
          relationship.end.id, graph.node(relationship.end.id).map(Self.name), relationship.id,
        ] + keys.map { Self.text(relationship.properties[$0]) })
    }
    return csv.text
  }

  static func name(_ node: GraphRecord.Node) -> String { GraphMLExporter.displayName(node) }

  /// The calendar date of an ISO 8601 timestamp (`2023-07-19`), which spreadsheets read as a
  /// date; the text as it is otherwise.
  static func date(_ published: String) -> String {
    let prefix = published.prefix(10)
    let isDate =
      prefix.count == 10
      && prefix.enumerated().allSatisfy { offset, character in
        offset == 4 || offset == 7 ? character == "-" : character.isASCII && character.isNumber
      }
    return isDate ? String(prefix) : published
  }

  /// The article's `outlet`, else the host of its URL.
  static func outlet(_ article: GraphRecord.Node) -> String? {
    if let outlet = article.properties["outlet"]?.plainText, !outlet.isEmpty { return outlet }
    guard let url = article.properties["url"]?.plainText,
      let scheme = url.range(of: "://")
    else { return nil }
    let rest = url[scheme.upperBound...]
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    return host.isEmpty ? nil : String(host)
  }

  static func text(_ value: JSONValue?) -> String? {
    guard let value else { return nil }
    if case .array(let elements) = value {
      return elements.compactMap(\.plainText).joined(separator: "; ")
    }
    return value.plainText
  }

  static func joined(_ values: [String]) -> String? {
    values.isEmpty ? nil : values.joined(separator: "; ")
  }
}
