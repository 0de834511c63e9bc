/// Turns the article's HTML body into clean text: one paragraph per block, whitespace
/// collapsed, entities decoded, scripts, styles and share/newsletter widgets dropped, captions
/// and headings kept as paragraphs of their own kind. Tolerates any malformed markup.
public struct HTMLCleaner: Stage {
  public static let type = "html.clean.v1"
  public static let requires: Set<Layer> = [.article]
  public static let provides: Set<Layer> = [.cleanText, .paragraphs]

  public struct Rules: Sendable, Equatable {
    /// Elements dropped with everything inside them (`script`, `share-button` …).
    public var droppedElements: Set<String>
    /// Elements carrying any of these attributes are dropped (`data-root-share` …).
    public var droppedAttributes: Set<String>
    /// Elements with any of these class names are dropped.
    public var droppedClasses: Set<String>
    /// Text inside these elements forms caption paragraphs (`figcaption`, `small`).
    public var captionElements: Set<String>
    /// Paragraphs starting with any of these are widget or feed residue (`分享 :`).
    public var droppedParagraphPrefixes: [String]
    /// A paragraph starting with any of these begins a footer: it and all that follows go.
    public var footerPrefixes: [String]

    public init(
      droppedElements: Set<String>, droppedAttributes: Set<String> = [],
      droppedClasses: Set<String> = [], captionElements: Set<String> = [],
      droppedParagraphPrefixes: [String] = [], footerPrefixes: [String] = []
    ) {
      self.droppedElements = droppedElements
      self.droppedAttributes = droppedAttributes
      self.droppedClasses = droppedClasses
      self.captionElements = captionElements
      self.droppedParagraphPrefixes = droppedParagraphPrefixes
      self.footerPrefixes = footerPrefixes
    }
  }

  public let rules: Rules
  let elements: ElementTable

  public init(rules: Rules) {
    self.rules = rules
    self.elements = ElementTable(rules: rules)
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    func lowercased(_ values: [String]?) -> Set<String> {
      Set((values ?? []).map { $0.lowercased() })
    }
    self.init(
      rules: Rules(
        droppedElements: lowercased(try options.requiredStrings("drop_elements")),
        droppedAttributes: lowercased(try options.strings("drop_attributes")),
        droppedClasses: Set(try options.strings("drop_classes") ?? []),
        captionElements: lowercased(try options.strings("caption_elements")),
        droppedParagraphPrefixes: try options.strings("drop_paragraphs_starting_with") ?? [],
        footerPrefixes: try options.strings("drop_from_paragraph_starting_with") ?? []))
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let (text, paragraphs) = clean(document.body)
    document.text = text
    document.paragraphs = paragraphs
    document.layers.formUnion(Self.provides)
  }

  public func clean(_ html: String) -> (CleanText, [Paragraph]) {
    var html = html
    return html.withUTF8 { bytes in
      var scanner = HTMLScanner(bytes: bytes, elements: elements, rules: rules)
      scanner.run()
      return scanner.builder.finish()
    }
  }
}
