/// A readable rendering of a document's clean text, sentences, tokens and quotations: what
/// `quotegraph segment` prints when a user wants to see why a name was missed.
public struct SegmentationView: Sendable {
  public let document: Document
  public let showTokens: Bool

  public init(document: Document, showTokens: Bool = true) {
    self.document = document
    self.showTokens = showTokens
  }

  public func text() -> String {
    let article = document.article
    let text = document.text
    var out = "title:     \(article.title)\n"
    out += "url:       \(article.url)\n"
    out += "published: \(article.published)\n"
    if let outlet = article.outlet { out += "outlet:    \(outlet)\n" }
    out += "source:    \(article.source) (\(article.encoding), \(article.layout.rawValue) layout)\n"
    let tokens = document.tokens
    out +=
      "text:      \(text.scalarCount) characters, \(document.paragraphs.count) paragraphs, \(document.sentences.count) sentences, \(tokens.count) tokens, \(document.quotations.count) quotations\n"
    var sentenceIndex = 0
    var tokenIndex = 0
    var quotationIndex = 0
    for (p, paragraph) in document.paragraphs.enumerated() {
      out += "\n¶\(p + 1) \(paragraph.kind.rawValue) \(span(paragraph.range))\n"
      while sentenceIndex < document.sentences.count,
        document.sentences[sentenceIndex].paragraph == Int32(p)
      {
        let sentence = document.sentences[sentenceIndex]
        out += "  s\(sentenceIndex + 1) \(span(sentence.range)) \(text[sentence.range])\n"
        while quotationIndex < document.quotations.count,
          document.quotations[quotationIndex].range.start < sentence.range.end
        {
          let quotation = document.quotations[quotationIndex]
          let state = quotation.isClosed ? "" : " unclosed"
          out += "     quote\(state) \(span(quotation.range)) \(text[quotation.range])\n"
          quotationIndex += 1
        }
        if showTokens {
          while tokenIndex < tokens.count,
            tokens[tokenIndex].range.end <= sentence.range.start
          {
            tokenIndex += 1
          }
          var pieces: [String] = []
          while tokenIndex < tokens.count,
            tokens[tokenIndex].range.start < sentence.range.end
          {
            pieces.append(text[tokens[tokenIndex].range])
            tokenIndex += 1
          }
          out += "     \(pieces.joined(separator: "|"))\n"
        }
        sentenceIndex += 1
      }
    }
    return out
  }

  public func json() -> String {
    let text = document.text
    func range(_ range: TextRange) -> [String: JSONValue] {
      ["start": .int(text.scalarOffset(range.start)), "end": .int(text.scalarOffset(range.end))]
    }
    let paragraphs: [JSONValue] = document.paragraphs.map { paragraph in
      var members = range(paragraph.range)
      members["kind"] = .string(paragraph.kind.rawValue)
      return .object(members)
    }
    let sentences: [JSONValue] = document.sentences.map { sentence in
      var members = range(sentence.range)
      members["paragraph"] = .int(Int(sentence.paragraph))
      members["text"] = .string(text[sentence.range])
      return .object(members)
    }
    let tokens: [JSONValue] = (showTokens ? document.tokens : []).map { token in
      var members = range(token.range)
      members["text"] = .string(text[token.range])
      members["kind"] = .string(String(describing: token.kind))
      return .object(members)
    }
    let quotations: [JSONValue] = document.quotations.map { quotation in
      var members = range(quotation.range)
      members["closed"] = .bool(quotation.isClosed)
      members["depth"] = .int(quotation.depth)
      members["text"] = .string(text[quotation.inner])
      return .object(members)
    }
    let root: JSONValue = [
      "source": .string(document.article.source),
      "title": .string(document.article.title),
      "url": .string(document.article.url),
      "published": .string(document.article.published),
      "text": .string(text.string),
      "paragraphs": .array(paragraphs),
      "sentences": .array(sentences),
      "tokens": showTokens ? .array(tokens) : .array([]),
      "quotations": .array(quotations),
    ]
    return root.serialized() + "\n"
  }

  private func span(_ range: TextRange) -> String {
    "[\(document.text.scalarOffset(range.start)),\(document.text.scalarOffset(range.end)))"
  }
}
