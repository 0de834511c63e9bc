#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A forgiving single pass over HTML bytes: tags, comments, character references and text,
/// feeding a `ParagraphBuilder`. It never fails: truncated tags end the text, stray `<` are
/// text, unclosed elements close at the end.
struct HTMLScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let elements: ElementTable
  var builder: ParagraphBuilder
  private var index = 0
  /// While > 0 we are inside a dropped element named `skippedName`.
  private var skipDepth = 0
  private var skippedName = TagName.text("")

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

  /// Scans `bytes`, which must stay valid while the scanner runs.
  init(bytes: UnsafeBufferPointer<UInt8>, elements: ElementTable, rules: HTMLCleaner.Rules) {
    self.bytes = bytes
    self.elements = elements
    self.builder = ParagraphBuilder(
      droppedPrefixes: rules.droppedParagraphPrefixes, footerPrefixes: rules.footerPrefixes)
  }

  mutating func run() {
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == 0x3C {  // '<'
        scanMarkup()
      } else if byte == 0x26 {  // '&'
        if skipDepth == 0, let (value, length) = HTMLEntities.reference(in: bytes, at: index) {
          var value = value
          value.withUTF8 { builder.appendText($0) }
          index += length
        } else {
          if skipDepth == 0 {
            builder.appendText(UnsafeBufferPointer(rebasing: bytes[index...index]))
          }
          index += 1
        }
      } else {
        let end = ByteSearch.firstIndex(
          in: bytes, from: index + 1,
          wordMayMatch: {
            ByteSearch.word($0, contains: 0x3C) || ByteSearch.word($0, contains: 0x26)
          },
          matches: { $0 == 0x3C || $0 == 0x26 })
        if skipDepth == 0 { builder.appendText(UnsafeBufferPointer(rebasing: bytes[index..<end])) }
        index = end
      }
    }
  }

  private mutating func scanMarkup() {
    let next = index + 1 < bytes.count ? bytes[index + 1] : 0
    if next == 0x21 {  // '!': comment, doctype or CDATA
      if index + 3 < bytes.count && bytes[index + 2] == 0x2D && bytes[index + 3] == 0x2D {
        index = find(Self.commentEnd, from: index + 4).map { $0 + 3 } ?? bytes.count
      } else {
        index = find(0x3E, from: index + 2).map { $0 + 1 } ?? bytes.count
      }
    } else if next == 0x3F {  // '?': processing instruction
      index = find(0x3E, from: index + 2).map { $0 + 1 } ?? bytes.count
    } else if next == 0x2F, index + 2 < bytes.count, isASCIILetter(bytes[index + 2]) {
      scanEndTag()
    } else if isASCIILetter(next) {
      scanStartTag()
    } else {
      if skipDepth == 0 { builder.appendText(UnsafeBufferPointer(rebasing: bytes[index...index])) }
      index += 1
    }
  }

  private static let commentEnd: [UInt8] = Array("-->".utf8)

  private mutating func scanEndTag() {
    var cursor = index + 2
    let name = readName(&cursor)
    index = find(0x3E, from: cursor).map { $0 + 1 } ?? bytes.count
    if skipDepth > 0 {
      if name == skippedName { skipDepth -= 1 }
      return
    }
    builder.close(elements.flags(of: name))
  }

  private mutating func scanStartTag() {
    var cursor = index + 1
    let name = readName(&cursor)
    var droppedByAttribute = false
    var classValue: Range<Int>?
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
      let attribute = bytes[nameStart..<cursor]
      selfClosing = false
      if attribute.isEmpty {
        cursor += 1
        continue
      }
      if !droppedByAttribute && elements.dropsElement(attribute: attribute) {
        droppedByAttribute = true
      }
      while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
      guard cursor < bytes.count, bytes[cursor] == 0x3D else { continue }
      cursor += 1
      while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
      var valueStart = cursor
      var valueEnd = cursor
      if cursor < bytes.count, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 {
        valueStart = cursor + 1
        valueEnd = find(bytes[cursor], from: valueStart) ?? bytes.count
        cursor = min(bytes.count, valueEnd + 1)
      } else {
        while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != 0x3E { cursor += 1 }
        valueEnd = cursor
      }
      if Self.isClass(attribute) { classValue = valueStart..<valueEnd }
    }
    guard cursor < bytes.count else {
      // A tag cut off by the end of the file: nothing after it is text.
      index = bytes.count
      return
    }
    index = cursor + 1

    let flags = elements.flags(of: name)
    if flags.contains(.rawText) && !selfClosing {
      let closing = findEndTag(of: name, from: index)
      index = closing.flatMap { find(0x3E, from: $0) }.map { $0 + 1 } ?? bytes.count
      return
    }
    if skipDepth > 0 {
      if name == skippedName && !selfClosing && !flags.contains(.void) {
        skipDepth += 1
      }
      return
    }
    let dropped =
      flags.contains(.dropped) || droppedByAttribute
      || classValue.map { elements.dropsElement(classValue: bytes[$0]) } ?? false
    if dropped {
      if !selfClosing && !flags.contains(.void) {
        skipDepth = 1
        skippedName = name
      }
      // A dropped block still separates the paragraphs around it; a dropped inline does not.
      if flags.contains(.block) { builder.breakParagraph() }
      return
    }
    builder.open(flags, selfClosing: selfClosing || flags.contains(.void))
  }

  private static func isClass(_ attribute: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard attribute.count == 5 else { return false }
    var offset = attribute.startIndex
    for byte in "class".utf8 {
      guard lowercased(attribute[offset]) == byte else { return false }
      offset += 1
    }
    return true
  }

  private func readName(_ cursor: inout Int) -> TagName {
    let start = cursor
    while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != 0x3E,
      bytes[cursor] != 0x2F
    {
      cursor += 1
    }
    return elements.name(bytes[start..<cursor])
  }

  /// The first `byte` from `start` on.
  private func find(_ byte: UInt8, from start: Int) -> Int? {
    guard start < bytes.count, let base = bytes.baseAddress else { return nil }
    guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// The first `pattern` from `start` on (its first byte is found by `memchr`).
  private func find(_ pattern: [UInt8], from start: Int) -> Int? {
    var position = start
    while let candidate = find(pattern[0], from: position) {
      guard candidate + pattern.count <= bytes.count else { return nil }
      if bytes[candidate..<(candidate + pattern.count)].elementsEqual(pattern) { return candidate }
      position = candidate + 1
    }
    return nil
  }

  /// The first `</name`, in any case, from `start` on.
  private func findEndTag(of name: TagName, from start: Int) -> Int? {
    let pattern = Array(("</" + name.text).utf8)
    var position = start
    while let candidate = find(0x3C, from: position) {
      guard candidate + pattern.count <= bytes.count else { return nil }
      let written = bytes[candidate..<(candidate + pattern.count)]
      if zip(written, pattern).allSatisfy({ Self.lowercased($0) == Self.lowercased($1) }) {
        return candidate
      }
      position = candidate + 1
    }
    return nil
  }

  private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
  private func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  static func lowercasedASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    String(decoding: bytes.map(lowercased), as: UTF8.self)
  }
}
