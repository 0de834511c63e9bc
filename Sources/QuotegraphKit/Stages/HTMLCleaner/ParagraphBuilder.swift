/// Collects text into paragraphs as the scanner reports elements: collapses whitespace,
/// decides each paragraph's kind, drops widget residue, and lays out the clean text.
struct ParagraphBuilder {
  let droppedPrefixes: [[UInt8]]
  let footerPrefixes: [[UInt8]]

  /// The kept paragraphs' UTF-8, one after another, and where each lies in it.
  private var text: [UInt8] = []
  private var kept: [(bytes: Range<Int>, kind: Paragraph.Kind)] = []
  private var current: [UInt8] = []
  private var pendingSpace = false
  private var captionBytes = 0
  /// Spaces put into `current` for collapsed whitespace.
  private var insertedSpaces = 0
  private var startedInHeading = false
  private var headingDepth = 0
  private var captionDepth = 0
  /// Set once a footer began: nothing after it is article text.
  private var inFooter = false

  init(droppedPrefixes: [String], footerPrefixes: [String] = []) {
    self.droppedPrefixes = droppedPrefixes.map { Array($0.utf8) }
    self.footerPrefixes = footerPrefixes.map { Array($0.utf8) }
    current.reserveCapacity(1024)
  }

  mutating func open(_ element: ElementTable.Flags, selfClosing: Bool) {
    if element.contains(.block) { breakParagraph() }
    guard !selfClosing else { return }
    if element.contains(.heading) { headingDepth += 1 }
    if element.contains(.caption) { captionDepth += 1 }
  }

  mutating func close(_ element: ElementTable.Flags) {
    if element.contains(.block) { breakParagraph() }
    if element.contains(.heading) { headingDepth = max(0, headingDepth - 1) }
    if element.contains(.caption) {
      captionDepth = max(0, captionDepth - 1)
      breakParagraph()
    }
  }

  /// Appends text, collapsing runs of whitespace (ASCII, NBSP, ideographic space) to one
  /// space and dropping it at the paragraph's edges. Runs without whitespace are copied whole.
  mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
    var index = 0
    let count = text.count
    while index < count {
      var runEnd = ByteSearch.firstIndex(
        in: text, from: index,
        wordMayMatch: {
          ByteSearch.word($0, hasByteBelow: 0x21) || ByteSearch.word($0, contains: 0xC2)
            || ByteSearch.word($0, contains: 0xE3)
        }, matches: Self.mayBeSpace)
      if runEnd == index {
        let spaceLength = Self.spaceLength(text, at: index)
        if spaceLength > 0 {
          pendingSpace = !current.isEmpty
          index += spaceLength
          continue
        }
        // A byte that only looked like the start of a space.
        runEnd = index + 1
      }
      if current.isEmpty { startedInHeading = headingDepth > 0 }
      // 迈克尔· 麦考尔: a space after a name's middle dot is a typo that would cut the name.
      if pendingSpace && Self.endsWithNameDot(current) && Self.isIdeograph(text, at: index) {
        pendingSpace = false
      }
      if pendingSpace {
        current.append(0x20)
        insertedSpaces += 1
        pendingSpace = false
      }
      current.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<runEnd]))
      if captionDepth > 0 { captionBytes += runEnd - index }
      index = runEnd
    }
  }

  /// The UTF-8 of the middle dots names are written with (`MatchKeyFolder.middleDotVariants`:
  /// ·, •, ・, ‧, ･ …), as person discovery reads them.
  private static let nameDots: [[UInt8]] = MatchKeyFolder.middleDotVariants
    .union([MatchKeyFolder.middleDot]).map { Array(String(Character($0)).utf8) }

  /// Whether `bytes` end with a middle dot right after a CJK ideograph (丹尼斯·).
  private static func endsWithNameDot(_ bytes: [UInt8]) -> Bool {
    let dot = nameDots.first { bytes.count > $0.count && bytes.suffix($0.count).elementsEqual($0) }
    guard let dot else { return false }
    let before = bytes.count - dot.count - 3
    return before >= 0 && isIdeograph(bytes, at: before)
  }

  /// Whether a CJK ideograph (U+3400–U+9FFF) starts at `index` of `bytes`.
  private static func isIdeograph<Bytes: RandomAccessCollection<UInt8>>(
    _ bytes: Bytes, at index: Int
  ) -> Bool where Bytes.Index == Int {
    guard index >= 0, index + 2 < bytes.count else { return false }
    let lead = bytes[index]
    return (0xE4...0xE9).contains(lead) || (lead == 0xE3 && bytes[index + 1] >= 0x90)
  }

  /// Whether a byte may start whitespace: ASCII controls and space, or the lead bytes of
  /// NBSP (C2 A0) and the ideographic space (E3 80 80).
  @inline(__always)
  private static func mayBeSpace(_ byte: UInt8) -> Bool {
    byte <= 0x20 || byte == 0xC2 || byte == 0xE3
  }

  /// The length of the whitespace at `index`, or 0.
  private static func spaceLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    switch text[index] {
    case 0x20, 0x09, 0x0A, 0x0D, 0x0C: return 1
    case 0xC2 where index + 1 < text.count && text[index + 1] == 0xA0: return 2
    case 0xE3 where index + 2 < text.count && text[index + 1] == 0x80 && text[index + 2] == 0x80:
      return 3
    default: return 0
    }
  }

  mutating func breakParagraph() {
    defer {
      current.removeAll(keepingCapacity: true)
      pendingSpace = false
      captionBytes = 0
      insertedSpaces = 0
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
    } else if captionBytes > 0 && captionBytes == current.count - insertedSpaces {
      kind = .caption
    } else if ParagraphBuilder.looksLikeDateline(current) {
      kind = .dateline
    } else {
      kind = .body
    }
    kept.append((text.count..<(text.count + current.count), kind))
    text.append(contentsOf: current)
  }

  /// The clean text, paragraphs joined by newlines, decoded to UTF-16 in one pass that also
  /// gives each paragraph's range. The bytes are valid UTF-8: they are the HTML's (a String's)
  /// cut only at ASCII bytes, and the UTF-8 of decoded references.
  mutating func finish() -> (CleanText, [Paragraph]) {
    breakParagraph()
    var paragraphs: [Paragraph] = []
    paragraphs.reserveCapacity(kept.count)
    var supplementary = false
    let units = text.withUnsafeBufferPointer { bytes in
      [UInt16](unsafeUninitializedCapacity: bytes.count + kept.count) { units, initialized in
        var out = 0
        for (index, paragraph) in kept.enumerated() {
          if index > 0 {
            units[out] = 0x0A
            out += 1
          }
          let start = out
          out = CleanText.transcode(
            UnsafeBufferPointer(rebasing: bytes[paragraph.bytes]), into: units, at: out,
            &supplementary)
          paragraphs.append(Paragraph(range: TextRange(start, out), kind: paragraph.kind))
        }
        initialized = out
      }
    }
    return (CleanText(units: units, supplementary: supplementary), paragraphs)
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
}
