/// Collects text into paragraphs as the scanner reports elements: collapses whitespace,
/// decides each paragraph's kind, drops widget residue, and lays out the clean text.
struct ParagraphBuilder {
  let captionElements: Set<String>
  let droppedPrefixes: [[UInt8]]
  let footerPrefixes: [[UInt8]]

  private var paragraphs: [(bytes: [UInt8], kind: Paragraph.Kind)] = []
  private var current: [UInt8] = []
  private var pendingSpace = false
  private var captionBytes = 0
  private var startedInHeading = false
  private var headingDepth = 0
  private var captionDepth = 0
  /// Set once a footer began: nothing after it is article text.
  private var inFooter = false

  init(captionElements: Set<String>, droppedPrefixes: [String], footerPrefixes: [String] = []) {
    self.captionElements = captionElements
    self.droppedPrefixes = droppedPrefixes.map { Array($0.utf8) }
    self.footerPrefixes = footerPrefixes.map { Array($0.utf8) }
  }

  mutating func open(_ name: String, selfClosing: Bool) {
    if HTMLScanner.blockElements.contains(name) { breakParagraph() }
    guard !selfClosing else { return }
    if HTMLScanner.headingElements.contains(name) { headingDepth += 1 }
    if captionElements.contains(name) { captionDepth += 1 }
  }

  mutating func close(_ name: String) {
    if HTMLScanner.blockElements.contains(name) { breakParagraph() }
    if HTMLScanner.headingElements.contains(name) { headingDepth = max(0, headingDepth - 1) }
    if captionElements.contains(name) {
      captionDepth = max(0, captionDepth - 1)
      breakParagraph()
    }
  }

  /// Appends text, collapsing runs of whitespace (ASCII, NBSP, ideographic space) to one
  /// space and dropping it at the paragraph's edges.
  mutating func appendText<Bytes: Collection<UInt8>>(_ text: Bytes) where Bytes.Index == Int {
    var index = text.startIndex
    while index < text.endIndex {
      let byte = text[index]
      var spaceLength = 0
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D, 0x0C: spaceLength = 1
      case 0xC2 where index + 1 < text.endIndex && text[index + 1] == 0xA0: spaceLength = 2
      case 0xE3
      where index + 2 < text.endIndex && text[index + 1] == 0x80 && text[index + 2] == 0x80:
        spaceLength = 3
      default: break
      }
      if spaceLength > 0 {
        pendingSpace = !current.isEmpty
        index += spaceLength
        continue
      }
      if current.isEmpty { startedInHeading = headingDepth > 0 }
      if pendingSpace {
        current.append(0x20)
        pendingSpace = false
      }
      current.append(byte)
      if captionDepth > 0 { captionBytes += 1 }
      index += 1
    }
  }

  mutating func breakParagraph() {
    defer {
      current.removeAll(keepingCapacity: true)
      pendingSpace = false
      captionBytes = 0
    }
    guard !current.isEmpty, !inFooter else { return }
    if footerPrefixes.contains(where: { current.starts(with: $0) }) {
      inFooter = true
      return
    }
    if droppedPrefixes.contains(where: { current.starts(with: $0) }) { return }
    let kind: Paragraph.Kind
    if startedInHeading {
      kind = .heading
    } else if captionBytes > 0
      && captionBytes == current.count - current.count(where: { $0 == 0x20 })
    {
      kind = .caption
    } else if ParagraphBuilder.looksLikeDateline(current) {
      kind = .dateline
    } else {
      kind = .body
    }
    paragraphs.append((current, kind))
  }

  mutating func finish() -> (CleanText, [Paragraph]) {
    breakParagraph()
    var bytes: [UInt8] = []
    var result: [Paragraph] = []
    var offset = 0
    for (index, paragraph) in paragraphs.enumerated() {
      if index > 0 {
        bytes.append(0x0A)
        offset += 1
      }
      let length = ParagraphBuilder.utf16Length(paragraph.bytes)
      result.append(Paragraph(range: TextRange(offset, offset + length), kind: paragraph.kind))
      bytes.append(contentsOf: paragraph.bytes)
      offset += length
    }
    return (CleanText(String(decoding: bytes, as: UTF8.self)), result)
  }

  /// A short line of only digits, Latin letters and date punctuation: `19/07/2023 - 10:40`,
  /// `Sat, 18 Jul 2020 02:13:44 GMT`, `2020-09-24 10:54:18`.
  static func looksLikeDateline(_ bytes: [UInt8]) -> Bool {
    guard bytes.count <= 40 else { return false }
    var digits = 0
    var separators = 0
    for byte in bytes {
      switch byte {
      case 0x30...0x39: digits += 1
      case 0x2F, 0x3A, 0x2D: separators += 1
      case 0x20, 0x2C, 0x2E, 0x2B: break
      case 0x41...0x5A, 0x61...0x7A: break
      default: return false
      }
    }
    return digits >= 4 && separators >= 2
  }

  static func utf16Length(_ bytes: [UInt8]) -> Int {
    var length = 0
    for byte in bytes {
      if byte & 0xC0 != 0x80 { length += 1 }
      if byte >= 0xF0 { length += 1 }
    }
    return length
  }
}
