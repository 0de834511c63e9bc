/// A forgiving single pass over HTML bytes: tags, comments, character references and text,
/// feeding a `ParagraphBuilder`. It never fails: truncated tags end the text, stray `<` are
/// text, unclosed elements close at the end.
struct HTMLScanner {
  let bytes: [UInt8]
  let rules: HTMLCleaner.Rules
  var builder: ParagraphBuilder
  private var index = 0
  /// While > 0 we are inside a dropped element named `skippedName`.
  private var skipDepth = 0
  private var skippedName = ""

  static let blockElements: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
  ]
  static let headingElements: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
  static let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
  ]
  /// Elements whose content is not markup: skipped to their literal end tag.
  static let rawTextElements: Set<String> = ["script", "style", "textarea", "xmp"]

  init(bytes: [UInt8], rules: HTMLCleaner.Rules) {
    self.bytes = bytes
    self.rules = rules
    self.builder = ParagraphBuilder(
      captionElements: rules.captionElements, droppedPrefixes: rules.droppedParagraphPrefixes,
      footerPrefixes: rules.footerPrefixes)
  }

  mutating func run() {
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x3C {  // '<'
        scanMarkup()
      } else if byte == 0x26 {  // '&'
        if skipDepth == 0, let (value, length) = HTMLEntities.reference(in: bytes, at: index) {
          builder.appendText(Array(value.utf8))
          index += length
        } else {
          if skipDepth == 0 { builder.appendText([0x26]) }
          index += 1
        }
      } else {
        var end = index
        while end < bytes.count, bytes[end] != 0x3C, bytes[end] != 0x26 { end += 1 }
        if skipDepth == 0 { builder.appendText(bytes[index..<end]) }
        index = end
      }
    }
  }

  private mutating func scanMarkup() {
    let next = index + 1 < bytes.count ? bytes[index + 1] : 0
    if next == 0x21 {  // '!': comment, doctype or CDATA
      if matches("<!--", at: index) {
        index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
      } else {
        index = find(">", from: index + 2).map { $0 + 1 } ?? bytes.count
      }
    } else if next == 0x3F {  // '?': processing instruction
      index = find(">", from: index + 2).map { $0 + 1 } ?? bytes.count
    } else if next == 0x2F, index + 2 < bytes.count, isASCIILetter(bytes[index + 2]) {
      scanEndTag()
    } else if isASCIILetter(next) {
      scanStartTag()
    } else {
      if skipDepth == 0 { builder.appendText([0x3C]) }
      index += 1
    }
  }

  private mutating func scanEndTag() {
    var cursor = index + 2
    let name = readName(&cursor)
    index = find(">", from: cursor).map { $0 + 1 } ?? bytes.count
    if skipDepth > 0 {
      if name == skippedName { skipDepth -= 1 }
      return
    }
    builder.close(name)
  }

  private mutating func scanStartTag() {
    var cursor = index + 1
    let name = readName(&cursor)
    var attributes: [String] = []
    var classes: [Substring] = []
    var selfClosing = false
    // Attributes: names, optional `=` and a quoted or bare value. A `>` inside quotes does not
    // end the tag.
    while cursor < bytes.count, bytes[cursor] != 0x3E {
      let byte = bytes[cursor]
      if byte == 0x2F {
        selfClosing = true
        cursor += 1
        continue
      }
      if isSpace(byte) {
        cursor += 1
        continue
      }
      let nameStart = cursor
      while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != 0x3D,
        bytes[cursor] != 0x3E, !(bytes[cursor] == 0x2F && cursor > nameStart)
      {
        cursor += 1
      }
      let attribute = lowercasedASCII(bytes[nameStart..<cursor])
      selfClosing = false
      if attribute.isEmpty {
        cursor += 1
        continue
      }
      attributes.append(attribute)
      while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
      guard cursor < bytes.count, bytes[cursor] == 0x3D else { continue }
      cursor += 1
      while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
      var valueStart = cursor
      var valueEnd = cursor
      if cursor < bytes.count, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 {
        let quote = bytes[cursor]
        valueStart = cursor + 1
        valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
        cursor = min(bytes.count, valueEnd + 1)
      } else {
        while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != 0x3E { cursor += 1 }
        valueEnd = cursor
      }
      if attribute == "class" {
        let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
        classes = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
      }
    }
    guard cursor < bytes.count else {
      // A tag cut off by the end of the file: nothing after it is text.
      index = bytes.count
      return
    }
    index = cursor + 1

    if Self.rawTextElements.contains(name) && !selfClosing {
      let closing = find("</" + name, from: index, caseInsensitive: true)
      index = closing.flatMap { find(">", from: $0) }.map { $0 + 1 } ?? bytes.count
      return
    }
    if skipDepth > 0 {
      if name == skippedName && !selfClosing && !Self.voidElements.contains(name) {
        skipDepth += 1
      }
      return
    }
    let dropped =
      rules.droppedElements.contains(name)
      || attributes.contains(where: rules.droppedAttributes.contains)
      || classes.contains(where: { rules.droppedClasses.contains(String($0)) })
    if dropped {
      if !selfClosing && !Self.voidElements.contains(name) {
        skipDepth = 1
        skippedName = name
      }
      // A dropped block still separates the paragraphs around it; a dropped inline does not.
      if Self.blockElements.contains(name) { builder.breakParagraph() }
      return
    }
    builder.open(name, selfClosing: selfClosing || Self.voidElements.contains(name))
  }

  private func readName(_ cursor: inout Int) -> String {
    let start = cursor
    while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != 0x3E,
      bytes[cursor] != 0x2F
    {
      cursor += 1
    }
    return lowercasedASCII(bytes[start..<cursor])
  }

  private func matches(_ literal: String, at position: Int) -> Bool {
    let pattern = Array(literal.utf8)
    guard position + pattern.count <= bytes.count else { return false }
    return bytes[position..<(position + pattern.count)].elementsEqual(pattern)
  }

  private func find(_ literal: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
    let pattern = Array(literal.utf8)
    guard let first = pattern.first, start < bytes.count else { return nil }
    var position = start
    let last = bytes.count - pattern.count
    while position <= last {
      let startsHere =
        caseInsensitive ? lower(bytes[position]) == lower(first) : bytes[position] == first
      if startsHere {
        var matched = true
        for offset in 1..<pattern.count {
          let a = bytes[position + offset]
          let b = pattern[offset]
          if caseInsensitive ? lower(a) != lower(b) : a != b {
            matched = false
            break
          }
        }
        if matched { return position }
      }
      position += 1
    }
    return nil
  }

  private func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
  private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
  private func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }
  private func lowercasedASCII(_ slice: ArraySlice<UInt8>) -> String {
    String(decoding: slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }
}
