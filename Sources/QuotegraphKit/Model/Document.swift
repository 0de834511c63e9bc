/// A named kind of data that stages add to a document. Stages declare the layers they require
/// and provide, and the pipeline checks the chain when it is built.
public struct Layer: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let name: String
  public init(_ name: String) { self.name = name }
  public var description: String { name }
  public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.name < rhs.name }

  /// Header metadata and the raw HTML body: what the reader provides.
  public static let article = Layer("article")
  public static let cleanText = Layer("clean-text")
  public static let paragraphs = Layer("paragraphs")
  public static let quotations = Layer("quotations")
  public static let sentences = Layer("sentences")
  public static let tokens = Layer("tokens")
  public static let mentions = Layer("mentions")
  public static let statements = Layer("statements")
  public static let speakers = Layer("speakers")
  public static let graph = Layer("graph")
}

/// One article as it moves through the pipeline: each stage enriches it with layers.
public struct Document: Sendable {
  public var article: Article
  /// The HTML body as read from the file.
  public var body: String
  public var text: CleanText
  public var paragraphs: [Paragraph]
  public var quotations: [Quotation]
  public var sentences: [Sentence]
  /// ICU's words, broken stretch by stretch as stages ask (`text.segment.v1` sets it up).
  public var words: WordBoundaries
  /// The people, organisations and places the article names, each once.
  public var entities: [EntityRecord]
  public var mentions: [Mention]
  /// What the article reports people and organisations said.
  public var statements: [Statement]
  public var records: [GraphRecord]
  public var layers: Set<Layer>
  /// Titles tied to people (`role.link.v1`).
  public var roles: [RoleAssignment] = []
  /// Who met whom (`meeting.find.v1`).
  public var meetings: [Meeting] = []

  public init(article: Article, body: String) {
    self.article = article
    self.body = body
    self.text = CleanText("")
    self.paragraphs = []
    self.quotations = []
    self.sentences = []
    self.words = WordBoundaries()
    self.entities = []
    self.mentions = []
    self.statements = []
    self.records = []
    self.layers = [.article]
  }

  /// Every word of the text in order, each stretch broken now if no stage has asked for it.
  public var tokens: [Token] {
    var all = words
    return all.allTokens()
  }

  /// Whether the entity at `index` is a news outlet (an organisation of kind `media`).
  public func isOutlet(_ index: Int?) -> Bool {
    index.map { entities[$0].properties["kind"] == .string(OrganizationKind.media.rawValue) }
      ?? false
  }

  /// The index of the sentence holding `offset`, if any.
  public func sentenceIndex(containing offset: Int32) -> Int? {
    var low = 0
    var high = sentences.count
    while low < high {
      let mid = (low + high) / 2
      if sentences[mid].range.end <= offset { low = mid + 1 } else { high = mid }
    }
    return low < sentences.count && sentences[low].range.start <= offset ? low : nil
  }
}
