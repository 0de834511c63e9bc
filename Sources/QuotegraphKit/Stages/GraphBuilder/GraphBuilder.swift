/// Writes what the document knows as graph records (`shared/spec/graph-jsonl.md`): the Article
/// node with the header's metadata, and, when entities were matched, their Person,
/// Organization and Place nodes with `MENTIONED_IN` edges counting the mentions.
public struct GraphBuilder: Stage {
  public static let type = "graph.build.v1"
  public static let requires: Set<Layer> = [.article, .cleanText]
  public static let provides: Set<Layer> = [.graph]

  public init() {}

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    self.init()
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let article = GraphBuilder.articleNode(document)
    var records: [GraphRecord] = [.node(article)]
    // Entities twice (node, edge), each statement up to five records, roles two.
    records.reserveCapacity(
      1 + 2 * document.entities.count + 5 * document.statements.count + 2 * document.roles.count
        + document.meetings.count)
    var counts = [Int](repeating: 0, count: document.entities.count)
    // A name's Latin form in parentheses (斯卢茨基（Leonid Slutsky）) is the same mention.
    for mention in document.mentions where mention.evidence != NameCoreference.latinFormEvidence {
      counts[mention.entity] += 1
    }
    for entity in document.entities {
      // The entity's properties are in key order already: `aliases` and `name` are merged in
      // at their places (replacing any of those keys, as the node's own fields win), into one
      // array made with room for all.
      let aliases: GraphProperties.Member = (
        "aliases", .array(entity.aliases.map(JSONValue.string))
      )
      let name: GraphProperties.Member = ("name", .string(entity.name))
      var members: [GraphProperties.Member] = []
      members.reserveCapacity(entity.properties.count + 2)
      var placed = 0
      for member in entity.properties.members {
        if placed == 0 && !(member.key < aliases.key) {
          members.append(aliases)
          placed = 1
        }
        if placed == 1 && !(member.key < name.key) {
          members.append(name)
          placed = 2
        }
        if member.key != aliases.key && member.key != name.key { members.append(member) }
      }
      if placed == 0 { members.append(aliases) }
      if placed < 2 { members.append(name) }
      records.append(
        .node(
          .init(
            id: entity.id, labels: GraphBuilder.labels(entity.kind),
            properties: GraphProperties(sorted: members))))
    }
    let articleEnd = GraphRecord.Endpoint(id: article.id, labels: ["Article"])
    for (slot, entity) in document.entities.enumerated() where counts[slot] > 0 {
      records.append(
        .relationship(
          .init(
            id: GraphBuilder.id("mentioned:", entity.id, article.id), label: "MENTIONED_IN",
            start: .init(id: entity.id, labels: GraphBuilder.labels(entity.kind)), end: articleEnd,
            properties: GraphProperties(sorted: [("count", .int(counts[slot]))]))))
    }
    GraphBuilder.appendPeopleRecords(document, article: article.id, to: &records)
    GraphBuilder.appendStatementRecords(document, article: articleEnd, to: &records)
    document.records = records
    document.layers.insert(.graph)
  }

  /// Appends Quote nodes, then their `QUOTED_IN` edges and `SAID`, `SAID_TO`, `REPORTED_BY`
  /// where known.
  static func appendStatementRecords(
    _ document: Document, article: GraphRecord.Endpoint, to nodes: inout [GraphRecord]
  ) {
    var relationships: [GraphRecord] = []
    relationships.reserveCapacity(4 * document.statements.count)
    let text = document.text
    func endpoint(_ entity: Int) -> GraphRecord.Endpoint {
      let record = document.entities[entity]
      return .init(id: record.id, labels: GraphBuilder.labels(record.kind))
    }
    for statement in document.statements {
      let start = text.scalarOffset(statement.content.start)
      let end = text.scalarOffset(statement.content.end)
      var quoteHash = StableHasher()
      quoteHash.combine(article.id)
      quoteHash.combine(UInt8(ascii: "|"))
      quoteHash.combine(decimal: start)
      quoteHash.combine(UInt8(ascii: "|"))
      quoteHash.combine(decimal: end)
      let id = quoteHash.hex(prefixedBy: "quote:")
      let speakerOffsets = statement.speakerRange.map {
        (start: text.scalarOffset($0.start), end: text.scalarOffset($0.end))
      }
      // In key order, the optional ones in their places.
      var properties = GraphProperties(capacity: 12)
      properties.appendInOrder("confidence", .double((statement.confidence * 100).rounded() / 100))
      properties.appendInOrder("cue", .string(statement.cue))
      properties.appendInOrder("cue_class", .string(statement.cueClass))
      properties.appendInOrder("end", .int(end))
      properties.appendInOrder("frame", .string(statement.frame))
      properties.appendInOrder("kind", .string(statement.kind.rawValue))
      properties.appendInOrder("sentence", .int(statement.sentence))
      if let speakerOffsets {
        properties.appendInOrder("speaker_end", .int(speakerOffsets.end))
        properties.appendInOrder("speaker_start", .int(speakerOffsets.start))
      }
      // Where the speaker stands, resolved or not (an unresolved 他 is still worth showing).
      if !statement.speakerText.isEmpty {
        properties.appendInOrder("speaker_text", .string(statement.speakerText))
      }
      properties.appendInOrder("start", .int(start))
      properties.appendInOrder("text", .string(text[statement.content]))
      nodes.append(.node(.init(id: id, labels: ["Quote"], properties: properties)))
      let quote = GraphRecord.Endpoint(id: id, labels: ["Quote"])
      func edge(
        _ label: String, _ idPrefix: StaticString, _ from: GraphRecord.Endpoint,
        _ to: GraphRecord.Endpoint, _ properties: GraphProperties = GraphProperties()
      ) {
        relationships.append(
          .relationship(
            .init(
              id: GraphBuilder.id(idPrefix, id, to.id, from.id),
              label: label,
              start: from, end: to, properties: properties)))
      }
      if let speaker = statement.speaker {
        var said = GraphProperties(capacity: 4)
        said.appendInOrder("resolution", .string(statement.resolution?.rawValue ?? "name"))
        if let speakerOffsets {
          said.appendInOrder("speaker_end", .int(speakerOffsets.end))
          said.appendInOrder("speaker_start", .int(speakerOffsets.start))
        }
        said.appendInOrder("speaker_text", .string(statement.speakerText))
        edge("SAID", "said:", endpoint(speaker), quote, said)
      }
      edge("QUOTED_IN", "quoted_in:", quote, article)
      if let addressee = statement.addressee.map({ document.mentions[$0].entity }),
        document.entities[addressee].kind == .person
      {
        edge("SAID_TO", "said_to:", quote, endpoint(addressee))
      }
      if let outlet = statement.reportedBy.map({ document.mentions[$0].entity }),
        document.entities[outlet].kind == .organization
      {
        edge("REPORTED_BY", "reported_by:", quote, endpoint(outlet))
      }
    }
    nodes.append(contentsOf: relationships)
  }

  /// An entity's node labels: array literals, which the compiler makes once, where
  /// `[kind.rawValue]` allocated an array for every node and endpoint.
  static func labels(_ kind: EntityRecord.Kind) -> [String] {
    switch kind {
    case .person: ["Person"]
    case .organization: ["Organization"]
    case .place: ["Place"]
    }
  }

  /// `StableID.hash` of the parts joined by `|`, without joining them.
  static func hash(_ parts: String...) -> String { hasher(parts).hex }

  /// `prefix` and the hash of the parts joined by `|`: a relationship's id. One function per
  /// number of parts, not a variadic one, whose array was allocated for every edge.
  static func id(_ prefix: StaticString, _ first: String, _ second: String) -> String {
    var hasher = StableHasher()
    hasher.combine(first)
    hasher.combine(UInt8(ascii: "|"))
    hasher.combine(second)
    return hasher.hex(prefixedBy: prefix)
  }

  static func id(_ prefix: StaticString, _ first: String, _ second: String, _ third: String)
    -> String
  {
    var hasher = StableHasher()
    hasher.combine(first)
    hasher.combine(UInt8(ascii: "|"))
    hasher.combine(second)
    hasher.combine(UInt8(ascii: "|"))
    hasher.combine(third)
    return hasher.hex(prefixedBy: prefix)
  }

  static func id(
    _ prefix: StaticString, _ first: String, _ second: String, _ third: String, _ fourth: String
  ) -> String {
    hasher([first, second, third, fourth]).hex(prefixedBy: prefix)
  }

  private static func hasher(_ parts: [String]) -> StableHasher {
    var hasher = StableHasher()
    for (index, part) in parts.enumerated() {
      if index > 0 { hasher.combine(UInt8(ascii: "|")) }
      hasher.combine(part)
    }
    return hasher
  }

  static func articleNode(_ document: Document) -> GraphRecord.Node {
    let article = document.article
    // In key order, the optional ones in their places.
    var properties = GraphProperties(capacity: 10)
    if let author = article.author { properties.appendInOrder("author", .string(author)) }
    if article.encoding != "UTF-8" {
      properties.appendInOrder("encoding", .string(article.encoding))
    }
    if let from = article.fromURL, from != article.url {
      properties.appendInOrder("from_url", .string(from))
    }
    if let outlet = article.outlet { properties.appendInOrder("outlet", .string(outlet)) }
    properties.appendInOrder("paragraphs", .int(document.paragraphs.count))
    properties.appendInOrder("published", .string(article.published))
    properties.appendInOrder("source", .string(article.source))
    properties.appendInOrder("text_length", .int(document.text.scalarCount))
    properties.appendInOrder("title", .string(article.title))
    properties.appendInOrder("url", .string(article.url))
    return GraphRecord.Node(
      id: StableID.article(url: article.url, source: article.source), labels: ["Article"],
      properties: properties)
  }
}
