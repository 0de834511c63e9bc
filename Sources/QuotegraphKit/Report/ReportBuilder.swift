extension Report {
  /// The report of a graph under a filter.
  ///
  /// A `person`, `organization` or `outlet` filter that names nothing in the graph is an error
  /// (`report.unknown-person`, `report.unknown-organization`, `report.unknown-outlet`) naming
  /// `source`: a typo should not look like a person who never spoke. A name that exists but
  /// has no statement under the other filters gives an empty report.
  ///
  /// - Parameter networkSize: how many of the most quoted speakers the network shows.
  public static func build(
    from graph: ExportGraph, filter: ReportFilter = ReportFilter(), source: String,
    names: NameKey = NameKey(), networkSize: Int = 40
  ) throws(QuotegraphError) -> Report {
    var builder = ReportBuilder(graph: graph, filter: filter, source: source, names: names)
    try builder.resolveFilters()
    return builder.report(networkSize: networkSize)
  }
}

/// The steps of `Report.build`; holds the graph's indexes and the resolved filter targets.
struct ReportBuilder {
  let graph: ExportGraph
  let filter: ReportFilter
  let source: String
  let nameKey: NameKey
  let index: FlatCSVExporter.Index

  var personIDs: Set<String>?
  var organizationIDs: Set<String>?
  /// Per article, the people holding a title there that names the filtered organisation.
  var organizationTitleHolders: [String: Set<String>] = [:]
  var outletArticles: Set<String>?
  var filterDescriptions: [String] = []

  init(graph: ExportGraph, filter: ReportFilter, source: String, names: NameKey) {
    self.graph = graph
    self.filter = filter
    self.source = source
    self.nameKey = names
    self.index = FlatCSVExporter.Index(graph)
  }

  mutating func resolveFilters() throws(QuotegraphError) {
    if let person = filter.person {
      let found = try entities(named: person, label: "Person", code: "report.unknown-person")
      personIDs = Set(found.map(\.id))
      filterDescriptions.append(
        "person \(person): " + found.map(Self.describe).joined(separator: ", "))
    }
    if let organization = filter.organization {
      let found = try entities(
        named: organization, label: "Organization", code: "report.unknown-organization")
      organizationIDs = Set(found.map(\.id))
      filterDescriptions.append(
        "organisation \(organization): " + found.map(Self.describe).joined(separator: ", "))
      let organizationKeys = Set(found.flatMap(names(of:)).map(nameKey.key)).filter {
        $0.count >= 2
      }
      for relationship in graph.relationships where relationship.label == "HOLDS_ROLE" {
        guard let article = relationship.properties["article"]?.stringValue,
          let title = relationship.properties["title_text"]?.stringValue
        else { continue }
        let titleKey = nameKey.key(title)
        if organizationKeys.contains(where: { titleKey.contains($0) }) {
          organizationTitleHolders[article, default: []].insert(relationship.start.id)
        }
      }
    }
    if let since = filter.since { filterDescriptions.append("since \(since)") }
    if let until = filter.until { filterDescriptions.append("until \(until)") }
    if let outlet = filter.outlet {
      let key = nameKey.key(outlet)
      let articles = graph.nodes.filter { $0.labels.contains("Article") }
      let matching = articles.filter { article in
        if let name = article.properties["outlet"]?.stringValue, nameKey.key(name) == key {
          return true
        }
        guard let host = article.properties["url"]?.stringValue.flatMap(Self.host) else {
          return false
        }
        let wanted = outlet.lowercased()
        return host == wanted || host.hasSuffix("." + wanted)
      }
      if matching.isEmpty {
        let known = Set(articles.compactMap(FlatCSVExporter.outlet)).sorted()
        throw QuotegraphError(
          "report.unknown-outlet",
          "no article in the graph comes from an outlet named `\(outlet)`"
            + (known.isEmpty ? "" : "; outlets: " + known.prefix(20).joined(separator: ", ")),
          file: source)
      }
      outletArticles = Set(matching.map(\.id))
      filterDescriptions.append("outlet \(outlet)")
    }
    if let kind = filter.kind { filterDescriptions.append("kind \(kind.rawValue)") }
  }

  /// Every node with this label that the name names, by any of its names.
  func entities(named query: String, label: String, code: String) throws(QuotegraphError)
    -> [GraphRecord.Node]
  {
    let key = nameKey.key(query)
    let found =
      key.isEmpty
      ? []
      : graph.nodes.filter { node in
        node.labels.contains(label) && names(of: node).contains { nameKey.key($0) == key }
      }
    guard !found.isEmpty else {
      let noun = label == "Person" ? "person" : "organisation"
      throw QuotegraphError(
        code, "no \(noun) in the graph is named `\(query)` (by name, alias, English name or QID)",
        file: source)
    }
    return found
  }

  /// The names a node answers to: canonical, aliases, English name, QID and id.
  func names(of node: GraphRecord.Node) -> [String] {
    var result = [node.id]
    for key in ["name", "name_en", "wikidata"] {
      if let value = node.properties[key]?.stringValue, !value.isEmpty { result.append(value) }
    }
    result += node.properties["aliases"]?.strings ?? []
    return result
  }

  static func describe(_ node: GraphRecord.Node) -> String {
    let name = FlatCSVExporter.name(node)
    return name == node.id ? name : "\(name) (\(node.id))"
  }

  /// The lowercase host of an http(s) URL.
  static func host(_ url: String) -> String? {
    FlatCSVExporter.outlet(GraphRecord.Node(id: "", labels: [], properties: ["url": .string(url)]))
      .map { $0.lowercased() }
  }

  /// Whether an article (by id) passes the date and outlet filters. A statement, role or
  /// meeting that names no article passes only without those filters.
  func admits(article id: String?) -> Bool {
    guard let id else { return filter.since == nil && filter.until == nil && outletArticles == nil }
    if let outletArticles, !outletArticles.contains(id) { return false }
    return filter.admits(published: graph.node(id)?.properties["published"]?.stringValue)
  }

  struct Entry {
    var speaker: String
    var statement: Report.Statement
    var articleID: String?
    var order: (published: String, url: String, start: Int, id: String)
  }

  func report(networkSize: Int) -> Report {
    var entries: [Entry] = []
    var unattributed = 0
    var statementIDs: Set<String> = []
    for quote in graph.nodes where quote.labels.contains("Quote") {
      let kind = quote.properties["kind"]?.stringValue ?? ""
      if let wanted = filter.kind, kind != wanted.rawValue { continue }
      let articles = index.from(quote.id, "QUOTED_IN").compactMap { graph.node($0.end.id) }
        .sorted { Self.articleOrder($0) < Self.articleOrder($1) }
      let article: GraphRecord.Node?
      if articles.isEmpty {
        guard admits(article: nil) else { continue }
        article = nil
      } else {
        guard let first = articles.first(where: { admits(article: $0.id) }) else { continue }
        article = first
      }
      var speakers = unique(index.to(quote.id, "SAID").map(\.start.id))
      if speakers.isEmpty {
        if personIDs == nil && organizationIDs == nil { unattributed += 1 }
        continue
      }
      if let personIDs { speakers = speakers.filter(personIDs.contains) }
      if let organizationIDs {
        let relayed = index.from(quote.id, "REPORTED_BY").contains {
          organizationIDs.contains($0.end.id)
        }
        let holders = article.flatMap { organizationTitleHolders[$0.id] } ?? []
        if !relayed && !speakers.contains(where: organizationIDs.contains) {
          speakers = speakers.filter(holders.contains)
        }
      }
      if speakers.isEmpty { continue }
      statementIDs.insert(quote.id)
      let statement = self.statement(quote, kind: kind, article: article)
      let start: Int
      if case .int(let value)? = quote.properties["start"] { start = value } else { start = .max }
      for speaker in speakers {
        entries.append(
          Entry(
            speaker: speaker, statement: statement, articleID: article?.id,
            order: (statement.published ?? "", statement.url ?? "", start, quote.id)))
      }
    }
    entries.sort { $0.order < $1.order }

    var bySpeaker: [String: [Entry]] = [:]
    for entry in entries { bySpeaker[entry.speaker, default: []].append(entry) }
    var speakers = bySpeaker.compactMap { id, entries in
      graph.node(id).map { speaker($0, entries: entries) }
    }
    speakers.sort {
      ($1.statements.count, $0.name, $0.id) < ($0.statements.count, $1.name, $1.id)
    }
    let dates = entries.compactMap(\.statement.date)
    let networkSpeakers = Array(speakers.prefix(max(0, networkSize)))
    return Report(
      source: source, filters: filterDescriptions, speakers: speakers,
      statementCount: statementIDs.count,
      articleCount: Set(entries.compactMap(\.articleID)).count,
      unattributedCount: unattributed, firstDate: dates.min(), lastDate: dates.max(),
      network: network(networkSpeakers, entries: entries))
  }

  static func articleOrder(_ article: GraphRecord.Node) -> (String, String, String) {
    (
      article.properties["published"]?.stringValue ?? "",
      article.properties["url"]?.stringValue ?? "", article.id
    )
  }

  func statement(_ quote: GraphRecord.Node, kind: String, article: GraphRecord.Node?)
    -> Report.Statement
  {
    let published = article?.properties["published"]?.stringValue
    return Report.Statement(
      quoteID: quote.id, text: quote.properties["text"]?.plainText ?? "", kind: kind,
      cue: quote.properties["cue"]?.plainText ?? "", published: published,
      date: published.map(FlatCSVExporter.date), outlet: article.flatMap(FlatCSVExporter.outlet),
      url: article?.properties["url"]?.stringValue,
      title: article?.properties["title"]?.plainText,
      saidTo: index.from(quote.id, "SAID_TO").compactMap { graph.node($0.end.id) }.map(
        FlatCSVExporter.name),
      reportedBy: index.from(quote.id, "REPORTED_BY").compactMap { graph.node($0.end.id) }.map(
        FlatCSVExporter.name))
  }

  func speaker(_ node: GraphRecord.Node, entries: [Entry]) -> Report.Speaker {
    var roleCounts: [String: Int] = [:]
    for holds in index.from(node.id, "HOLDS_ROLE")
    where admits(article: holds.properties["article"]?.stringValue) {
      let title =
        holds.properties["title_text"]?.stringValue
        ?? graph.node(holds.end.id).map(FlatCSVExporter.name) ?? holds.end.id
      roleCounts[title, default: 0] += 1
    }
    var meetings: [String: Set<String>] = [:]
    for met in index.from(node.id, "MET") + index.to(node.id, "MET") {
      let article = met.properties["article"]?.stringValue
      guard admits(article: article) else { continue }
      let other = met.start.id == node.id ? met.end.id : met.start.id
      if other == node.id { continue }
      meetings[other, default: []].insert(article ?? met.id)
    }
    let contacts = meetings.compactMap { id, articles in
      graph.node(id).map {
        Report.Contact(id: id, name: FlatCSVExporter.name($0), articles: articles.count)
      }
    }
    let dates = entries.compactMap(\.statement.date)
    return Report.Speaker(
      id: node.id, name: FlatCSVExporter.name(node),
      nameEnglish: node.properties["name_en"]?.stringValue,
      label: node.labels.first { $0 == "Person" || $0 == "Organization" } ?? node.labels.first
        ?? "",
      aliases: node.properties["aliases"]?.strings ?? [],
      roles: roleCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key),
      articleCount: Set(entries.compactMap(\.articleID)).count,
      firstDate: dates.min(), lastDate: dates.max(),
      met: contacts.sorted { ($1.articles, $0.name, $0.id) < ($0.articles, $1.name, $1.id) },
      statements: entries.map(\.statement))
  }

  func network(_ speakers: [Report.Speaker], entries: [Entry]) -> Report.Network {
    // One speaker is no network.
    guard speakers.count >= 2 else { return .empty }
    var position: [String: Int] = [:]
    for (i, speaker) in speakers.enumerated() { position[speaker.id] = i }
    struct Pair: Hashable {
      var from: Int
      var to: Int
      init(_ a: Int, _ b: Int) { (from, to) = a < b ? (a, b) : (b, a) }
    }
    var met: [Pair: Set<String>] = [:]
    for relationship in graph.relationships where relationship.label == "MET" {
      let article = relationship.properties["article"]?.stringValue
      guard let a = position[relationship.start.id], let b = position[relationship.end.id],
        a != b, admits(article: article)
      else { continue }
      met[Pair(a, b), default: []].insert(article ?? relationship.id)
    }
    var quotedIn: [String: Set<Int>] = [:]
    for entry in entries {
      guard let article = entry.articleID, let speaker = position[entry.speaker] else { continue }
      quotedIn[article, default: []].insert(speaker)
    }
    var coQuoted: [Pair: Int] = [:]
    for (_, group) in quotedIn {
      let members = group.sorted()
      for i in members.indices {
        for j in members.indices where j > i {
          coQuoted[Pair(members[i], members[j]), default: 0] += 1
        }
      }
    }
    // Every meeting, and the strongest co-quotations: in a large archive everyone is quoted
    // beside everyone once, and a picture of all those ties is a hairball.
    let strongest = coQuoted.filter { met[$0.key] == nil }
      .sorted { ($1.value, $0.key.from, $0.key.to) < ($0.value, $1.key.from, $1.key.to) }
      .prefix(max(0, 3 * speakers.count - met.count)).map(\.key)
    let pairs = Set(met.keys).union(strongest).sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    let edges = pairs.map {
      Report.Network.Edge(
        from: $0.from, to: $0.to, met: met[$0]?.count ?? 0, coQuoted: coQuoted[$0] ?? 0)
    }
    let layout = NetworkLayout(
      nodeCount: speakers.count,
      edges: edges.map { ($0.from, $0.to, Double($0.met * 2 + $0.coQuoted)) })
    return Report.Network(
      width: layout.width, height: layout.height,
      nodes: layout.positions.enumerated().map {
        Report.Network.Node(speaker: $0, x: $1.x, y: $1.y)
      },
      edges: edges)
  }

  func unique(_ ids: [String]) -> [String] {
    var seen: Set<String> = []
    return ids.filter { seen.insert($0).inserted }
  }
}
