/// Writes what the document knows as graph records (`shared/spec/graph-jsonl.md`): for now the
/// Article node, with the header's metadata and the clean text's size.
public struct GraphBuilder: Stage {
  public static let type = "graph.build.v1"
  public static let requires: Set<Layer> = [.article, .cleanText]
  public static let provides: Set<Layer> = [.graph]

  public init() {}

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    self.init()
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    document.records = [.node(GraphBuilder.articleNode(document))]
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
