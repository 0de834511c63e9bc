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
            id: "mentioned:" + StableID.hash(entity.id + "|" + article.id), label: "MENTIONED_IN",
            start: .init(id: entity.id, labels: [entity.kind.rawValue]), end: articleEnd,
            properties: ["count": .int(counts[slot])])))
    }
    records += GraphBuilder.peopleRecords(document, article: article.id)
    document.records = records
    document.layers.insert(.graph)
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
