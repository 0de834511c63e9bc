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
    var counts = [Int](repeating: 0, count: document.entities.count)
    for mention in document.mentions { counts[mention.entity] += 1 }
    for entity in document.entities {
      var properties = entity.properties
      properties["name"] = .string(entity.name)
      properties["aliases"] = .array(entity.aliases.map(JSONValue.string))
      records.append(
        .node(.init(id: entity.id, labels: [entity.kind.rawValue], properties: properties)))
    }
    let articleEnd = GraphRecord.Endpoint(id: article.id, labels: ["Article"])
    for (slot, entity) in document.entities.enumerated() where counts[slot] > 0 {
      records.append(
        .relationship(
          .init(
            id: "mentioned:" + GraphBuilder.hash(entity.id, article.id), label: "MENTIONED_IN",
            start: .init(id: entity.id, labels: [entity.kind.rawValue]), end: articleEnd,
            properties: ["count": .int(counts[slot])])))
    }
    records += GraphBuilder.peopleRecords(document, article: article.id)
    records += GraphBuilder.statementRecords(document, article: articleEnd)
    document.records = records
    document.layers.insert(.graph)
  }

  /// Quote nodes with `QUOTED_IN`, and `SAID`, `SAID_TO`, `REPORTED_BY` where known.
  static func statementRecords(_ document: Document, article: GraphRecord.Endpoint) -> [GraphRecord]
  {
    var nodes: [GraphRecord] = []
    var relationships: [GraphRecord] = []
    let text = document.text
    func endpoint(_ entity: Int) -> GraphRecord.Endpoint {
      let record = document.entities[entity]
      return .init(id: record.id, labels: [record.kind.rawValue])
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
      let id = "quote:" + quoteHash.hex
      var properties: [String: JSONValue] = [
        "text": .string(text[statement.content]), "kind": .string(statement.kind.rawValue),
        "cue": .string(statement.cue), "cue_class": .string(statement.cueClass),
        "start": .int(start), "end": .int(end), "sentence": .int(statement.sentence),
        "confidence": .double((statement.confidence * 100).rounded() / 100),
        "frame": .string(statement.frame),
      ]
      // Where the speaker stands, resolved or not (an unresolved 他 is still worth showing).
      if !statement.speakerText.isEmpty {
        properties["speaker_text"] = .string(statement.speakerText)
      }
      if let range = statement.speakerRange {
        properties["speaker_start"] = .int(text.scalarOffset(range.start))
        properties["speaker_end"] = .int(text.scalarOffset(range.end))
      }
      nodes.append(.node(.init(id: id, labels: ["Quote"], properties: properties)))
      let quote = GraphRecord.Endpoint(id: id, labels: ["Quote"])
      func edge(
        _ label: String, _ from: GraphRecord.Endpoint, _ to: GraphRecord.Endpoint,
        _ properties: [String: JSONValue] = [:]
      ) {
        relationships.append(
          .relationship(
            .init(
              id: label.lowercased() + ":" + GraphBuilder.hash(id, to.id, from.id),
              label: label,
              start: from, end: to, properties: properties)))
      }
      if let speaker = statement.speaker {
        var said: [String: JSONValue] = [
          "speaker_text": .string(statement.speakerText),
          "resolution": .string(statement.resolution?.rawValue ?? "name"),
        ]
        if let range = statement.speakerRange {
          said["speaker_start"] = .int(text.scalarOffset(range.start))
          said["speaker_end"] = .int(text.scalarOffset(range.end))
        }
        edge("SAID", endpoint(speaker), quote, said)
      }
      edge("QUOTED_IN", quote, article)
      if let addressee = statement.addressee.map({ document.mentions[$0].entity }),
        document.entities[addressee].kind == .person
      {
        edge("SAID_TO", quote, endpoint(addressee))
      }
      if let outlet = statement.reportedBy.map({ document.mentions[$0].entity }),
        document.entities[outlet].kind == .organization
      {
        edge("REPORTED_BY", quote, endpoint(outlet))
      }
    }
    return nodes + relationships
  }

  /// `StableID.hash` of the parts joined by `|`, without joining them.
  static func hash(_ parts: String...) -> String {
    var hasher = StableHasher()
    for (index, part) in parts.enumerated() {
      if index > 0 { hasher.combine(UInt8(ascii: "|")) }
      hasher.combine(part)
    }
    return hasher.hex
  }

  static func articleNode(_ document: Document) -> GraphRecord.Node {
    let article = document.article
    var properties: [String: JSONValue] = [
      "url": .string(article.url),
      "title": .string(article.title),
      "published": .string(article.published),
      "source": .string(article.source),
      "text_length": .int(document.text.scalarCount),
      "paragraphs": .int(document.paragraphs.count),
    ]
    if let outlet = article.outlet { properties["outlet"] = .string(outlet) }
    if let author = article.author { properties["author"] = .string(author) }
    if let from = article.fromURL, from != article.url { properties["from_url"] = .string(from) }
    if article.encoding != "UTF-8" { properties["encoding"] = .string(article.encoding) }
    return GraphRecord.Node(
      id: StableID.article(url: article.url, source: article.source), labels: ["Article"],
      properties: properties)
  }
}
