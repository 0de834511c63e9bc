/// Reads one news file into a `Document`: decodes it, parses the optional Jekyll front matter,
/// the `<!--ms-->` timestamp, the `[title](url)` line and the `------` rule, and keeps the
/// rest as the HTML body. Rejects what is not an article with an error naming the line.
public struct ArticleReader: Sendable {
  /// Files larger than this are refused before any parsing.
  public var maxBytes: Int

  public static let defaultMaxBytes = 16 << 20

  public init(maxBytes: Int = ArticleReader.defaultMaxBytes) {
    self.maxBytes = maxBytes
  }

  public func read(_ bytes: [UInt8], source: String) throws(QuotegraphError) -> Document {
    do throws(QuotegraphError) {
      if bytes.count > maxBytes {
        throw QuotegraphError(
          "input.too-large",
          "file is \(ArticleReader.megabytes(bytes.count)), over the \(ArticleReader.megabytes(maxBytes)) limit for one article"
        )
      }
      let decoded = try TextDecoder.decode(bytes)
      return try parse(decoded.text, encoding: decoded.encoding, source: source)
    } catch {
      throw error.located(in: source)
    }
  }

  /// Parses already decoded text.
  public func parse(_ rawText: String, encoding: String = "UTF-8", source: String)
    throws(QuotegraphError) -> Document
  {
    let text = ArticleReader.normalizingNewlines(rawText)
    var lines = HeaderLines(text)
    let frontMatter = try FrontMatter.parse(lines.prefix(200))
    if let frontMatter { lines.skip(to: frontMatter.closingLine) }
    lines.skipBlankLines()

    var epochMilliseconds: Int64?
    var timestampLine: Int?
    if let line = lines.current, line.trimmingASCIISpaces().hasPrefix("<!--") {
      let comment = line.trimmingASCIISpaces()
      guard comment.hasSuffix("-->"),
        let value = Int64(comment.dropFirst(4).dropLast(3).trimmingASCIISpaces())
      else {
        throw QuotegraphError(
          "input.timestamp",
          "the header comment should hold the publication time in milliseconds, like <!--1689756309000-->",
          line: lines.lineNumber)
      }
      epochMilliseconds = value
      timestampLine = lines.lineNumber
      lines.advance()
      lines.skipBlankLines()
    }

    var link: (title: String, url: String)?
    if let line = lines.current, line.trimmingASCIISpaces().hasPrefix("[") {
      guard let parsed = ArticleReader.parseTitleLink(line.trimmingASCIISpaces()) else {
        throw QuotegraphError(
          "input.title-link", "expected the title line `[title](url)`", line: lines.lineNumber)
      }
      link = parsed
      lines.advance()
    } else if timestampLine != nil {
      throw QuotegraphError(
        "input.title-link", "expected the title line `[title](url)` after the timestamp",
        line: lines.lineNumber)
    }

    var rfc2822Date: Int64?
    if link != nil {
      if let line = lines.current, ArticleReader.isRule(line) { lines.advance() }
      // chinadigitaltimes' variant: `日期：Thu, 02 Jul 2020 18:28:24 +0000` under the rule.
      lines.skipBlankLines()
      if let line = lines.current, line.hasPrefix("日期：") || line.hasPrefix("日期:") {
        rfc2822Date = Timestamp.parseRFC2822(String(line.dropFirst(3)))
        lines.advance()
      }
    }

    guard frontMatter != nil || link != nil else {
      throw QuotegraphError(
        "input.no-header",
        "not a news article: expected a `<!--timestamp-->` line, a `[title](url)` line or Jekyll front matter",
        line: 1)
    }

    let title =
      link.map { HTMLEntities.decode($0.title).trimmingASCIISpaces() }.map(String.init)
      .flatMap { $0.isEmpty ? nil : $0 }
      ?? frontMatter?["title"].map { String(HTMLEntities.decode($0).trimmingASCIISpaces()) } ?? ""
    let url = link?.url ?? frontMatter?["from"] ?? ""
    if url.isEmpty && title.isEmpty {
      throw QuotegraphError("input.no-title", "the header names neither a title nor a URL", line: 1)
    }

    let published: String
    if let epochMilliseconds {
      published = Timestamp.iso8601(epochMilliseconds: epochMilliseconds)
    } else if let date = frontMatter?["date"], let seconds = Timestamp.parseISO8601(date) {
      published = Timestamp.iso8601(epochSeconds: seconds)
    } else if let rfc2822Date {
      published = Timestamp.iso8601(epochSeconds: rfc2822Date)
    } else {
      throw QuotegraphError(
        "input.no-date",
        frontMatter?["date"] != nil
          ? "the front matter's date is not an ISO 8601 date"
          : "the header gives no publication date",
        line: frontMatter?["date"] != nil ? 1 : (timestampLine ?? 1))
    }

    let outlet =
      frontMatter?.firstListItem("categories") ?? frontMatter?.firstListItem("tags")
      ?? frontMatter?["author"]
    let author = frontMatter?["author"].flatMap { $0 == outlet ? nil : $0 }
    let layout: Article.Layout =
      frontMatter == nil ? .exact : (link == nil ? .frontMatterOnly : .frontMatter)
    let article = Article(
      source: source, url: url, title: title, published: published, outlet: outlet,
      author: author, fromURL: frontMatter?["from"], encoding: encoding, layout: layout,
      bodyLine: lines.lineNumber)
    return Document(article: article, body: String(lines.rest))
  }

  /// Splits `[title](url)` where the title may hold nested or unbalanced brackets
  /// (`[[國際] 蓬佩奧…](https://…)`): the URL runs from the last `](` to the final `)`.
  public static func parseTitleLink(_ line: Substring) -> (title: String, url: String)? {
    guard line.first == "[", line.last == ")", hasFourCharacters(line) else { return nil }
    let body = line.dropFirst().dropLast()
    guard let separator = lastLinkSeparator(in: body) else { return nil }
    let title = body[..<separator.lowerBound]
    let url = body[separator.upperBound...].trimmingASCIISpaces()
    guard !containsSpace(url) else { return nil }
    return (String(title), String(url))
  }

  /// Whether `line` holds four Characters or more, answered from the bytes when its last four
  /// are ASCII and not CR (the one ASCII scalar that joins another, in CR LF): three of them
  /// are Characters of their own and the fourth ends one. Walking Characters from the start
  /// broke the title's graphemes.
  static func hasFourCharacters(_ line: Substring) -> Bool {
    let tail = line.utf8.suffix(4)
    if tail.count == 4 && tail.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return true }
    return line.index(line.startIndex, offsetBy: 4, limitedBy: line.endIndex) != nil
  }

  /// `text.contains(" ")`, answered from the bytes when the text is ASCII (URLs are), where a
  /// space is a Character of its own: the Foundation search cost a third of the title line.
  static func containsSpace(_ text: Substring) -> Bool {
    text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.contains(0x20) : text.contains(" ")
  }

  /// The last `](` of the line, as the Characters `]` and `(`. Found among the UTF-8 bytes:
  /// searching Characters cost more than the rest of the header. The brackets are Characters
  /// of their own unless what stands before `]` is a prepending mark or what follows `(` a
  /// combining one; when the bytes cannot rule that out, the Characters decide.
  static func lastLinkSeparator(in body: Substring) -> Range<Substring.Index>? {
    let bytes = Array(body.utf8)
    var opening = bytes.count - 1
    while opening > 0 && !(bytes[opening] == 0x28 && bytes[opening - 1] == 0x5D) { opening -= 1 }
    guard opening > 0 else { return nil }
    let closing = opening - 1
    guard cannotPrepend(bytes, before: closing),
      opening + 1 == bytes.count || bytes[opening + 1] < 0x80
    else { return body.ranges(of: "](").last }
    let start = body.utf8.index(body.startIndex, offsetBy: closing)
    return start..<body.utf8.index(start, offsetBy: 2)
  }

  /// Whether the scalar ending at `offset` is surely not a grapheme prepend mark (Arabic
  /// number signs and the like, none of them ASCII or between U+3000 and U+FFFF, where Chinese
  /// text lies), so that a Character starts at `offset`.
  private static func cannotPrepend(_ bytes: [UInt8], before offset: Int) -> Bool {
    guard offset > 0, bytes[offset - 1] >= 0x80 else { return true }
    return offset >= 3 && (0xE3...0xEF).contains(bytes[offset - 3])
      && bytes[offset - 2] & 0xC0 == 0x80 && bytes[offset - 1] & 0xC0 == 0x80
  }

  static func isRule(_ line: Substring) -> Bool {
    let trimmed = line.trimmingASCIISpaces()
    return trimmed.count >= 3 && trimmed.allSatisfy { $0 == "-" }
  }

  static func normalizingNewlines(_ text: String) -> String {
    guard containsCarriageReturn(text) else { return text }
    return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
  }

  /// Searched in the contiguous UTF-8 of a native string: `utf8.contains` walks the view
  /// index by index, some 30 instructions a byte.
  static func containsCarriageReturn(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { ByteSearch.firstIndex(of: 0x0D, in: $0) != nil }
      ?? text.utf8.contains(0x0D)
  }

  static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + (1 << 19)) >> 20
    return "\(tenths / 10).\(tenths % 10) MiB"
  }
}

/// A cursor over the header's lines that can hand back the untouched rest of the text. Lines
/// are found on the UTF-8 view: searching `Character`s would segment graphemes across a whole
/// one-line HTML body just to find its end.
struct HeaderLines {
  private let text: String
  private var position: String.Index
  /// 1-based number of the current line.
  private(set) var lineNumber = 1

  init(_ text: String) {
    self.text = text
    self.position = text.startIndex
  }

  /// Found in the contiguous UTF-8 when the string is native, index by index otherwise.
  private func lineEnd(from start: String.Index) -> String.Index {
    let startOffset = text.utf8.distance(from: text.startIndex, to: start)
    let found = text.utf8.withContiguousStorageIfAvailable { bytes in
      ByteSearch.firstIndex(of: 0x0A, in: UnsafeBufferPointer(rebasing: bytes[startOffset...]))
        .map { startOffset + $0 }
    }
    guard let found else { return text.utf8[start...].firstIndex(of: 0x0A) ?? text.endIndex }
    return found.map { text.utf8.index(text.startIndex, offsetBy: $0) } ?? text.endIndex
  }

  var current: Substring? {
    guard position < text.endIndex else { return nil }
    return text[position..<lineEnd(from: position)]
  }

  var rest: Substring { text[position...] }

  mutating func advance() {
    guard position < text.endIndex else { return }
    let end = lineEnd(from: position)
    position = end < text.endIndex ? text.utf8.index(after: end) : end
    lineNumber += 1
  }

  /// Moves to just after line `number` (1-based).
  mutating func skip(to number: Int) {
    while lineNumber <= number && position < text.endIndex { advance() }
  }

  mutating func skipBlankLines() {
    while let line = current, line.trimmingASCIISpaces().isEmpty, position < text.endIndex {
      advance()
    }
  }

  /// The first `count` lines, for the front matter parser; none unless the text opens with a
  /// `---` line, so an article without front matter is not split for nothing. Stops after the
  /// closing `---`, past which the parser never reads: splitting the body too cost more than
  /// the rest of reading an article.
  func prefix(_ count: Int) -> [Substring] {
    guard let first = current, first.trimmingASCIISpaces() == "---" else { return [] }
    var lines: [Substring] = []
    var start = position
    while lines.count < count, start < text.endIndex {
      let end = lineEnd(from: start)
      let line = text[start..<end]
      lines.append(line)
      if lines.count > 1 && line.trimmingASCIISpaces() == "---" { break }
      start = end < text.endIndex ? text.utf8.index(after: end) : end
    }
    return lines
  }
}
