import ICUText

/// ICU's word boundaries in a document's clean text, found stretch by stretch when a stage first
/// asks about a stretch. Word break is the costliest step of the pipeline (its dictionary pass
/// alone takes half the time budget of `extract`), and stages only ask about the few places
/// where a name candidate stands, so most of the text is never broken into words.
///
/// Clauses end after CJK punctuation and line breaks, where ICU always breaks and no rule looks
/// across (its dictionary pass works on runs of Han and kana between them), so the words of a
/// clause are the words ICU finds in the whole text. A clause is broken in stretches, cut
/// between two Han characters no dictionary word holds side by side (see `mustBreak(at:)`).
///
/// A value type: stages ask through `inout` (`document.words.token(at:)`), and what one stage
/// computed is there for the next.
public struct WordBoundaries: Sendable {
  private let units: [UInt16]
  private let breaker: IteratorPool?
  /// The pairs of characters ICU's dictionary words hold, to answer `joins` without ICU.
  private let pairs: CJKDictionaryPairs?
  /// Splits stretches of Han characters as ICU would, without its iterator.
  private let splitter: CJKDictionarySplitter?
  /// Per offset: the index of the word covering it in `words`, `noWord` for whitespace, or
  /// `unknown` before its clause is broken.
  private var wordAt: [Int32]
  private var words: [Token] = []
  /// Why ICU failed on some clause, whose characters were then taken as one-character words.
  public private(set) var failure: String?

  private static let unknown: Int32 = -2
  private static let noWord: Int32 = -1

  /// No text, no words: the state before segmentation.
  public init() {
    units = []
    breaker = nil
    pairs = nil
    splitter = nil
    wordAt = []
  }

  init(
    units: [UInt16], breaker: IteratorPool, pairs: CJKDictionaryPairs?,
    splitter: CJKDictionarySplitter?
  ) {
    self.units = units
    self.breaker = breaker
    self.pairs = pairs
    self.splitter = splitter
    self.wordAt = [Int32](repeating: WordBoundaries.unknown, count: units.count)
  }

  /// The word covering `offset`, or nil where there is none (whitespace, outside the text).
  public mutating func token(at offset: Int) -> Token? {
    guard offset >= 0 && offset < wordAt.count else { return nil }
    if wordAt[offset] == WordBoundaries.unknown { breakStretch(containing: offset) }
    let index = wordAt[offset]
    return index >= 0 ? words[Int(index)] : nil
  }

  /// The range of the word covering `offset`, or nil.
  public mutating func range(at offset: Int) -> TextRange? { token(at: offset)?.range }

  /// Whether a word starts at `offset`.
  public mutating func startsWord(at offset: Int) -> Bool {
    if offset >= 0 && offset < units.count && units[offset].isIdeograph {
      return !joins(at: offset)
    }
    return range(at: offset).map { Int($0.start) == offset } ?? false
  }

  /// Whether a word ends at `offset` (the end of the text counts when a word ends there).
  public mutating func endsWord(at offset: Int) -> Bool {
    if offset >= 1 && offset <= units.count && units[offset - 1].isIdeograph {
      return !joins(at: offset)
    }
    return range(at: offset - 1).map { Int($0.end) == offset } ?? false
  }

  /// Whether ICU puts the units before and at `offset` in one word.
  ///
  /// ICU's word break joins two Han characters only inside a word of its dictionary: where no
  /// dictionary word holds the pair (most places a name ends), the answer needs no clause broken.
  /// Ideographs of the BMP only, which no normalisation changes.
  public mutating func joins(at offset: Int) -> Bool {
    if isClauseEdge(offset) { return false }
    if let pairs, units[offset - 1].isIdeograph, units[offset].isIdeograph,
      !pairs.mayHold(units[offset - 1], units[offset])
    {
      return false
    }
    return range(at: offset).map { Int($0.start) < offset } ?? false
  }

  /// Whether `start..<end` is exactly one of ICU's words.
  public mutating func isOneWord(_ start: Int, _ end: Int) -> Bool {
    guard start < end else { return false }
    for inner in (start + 1)..<end where !joins(at: inner) { return false }
    return startsWord(at: start) && endsWord(at: end)
  }

  /// Whether a clause starts or ends at `offset` (the text's ends count): a word does too.
  public func isClauseEdge(_ offset: Int) -> Bool {
    offset <= 0 || offset >= units.count || WordBoundaries.clauseStarts(at: offset, units)
  }

  /// The words of the stretches broken so far, in the order they were asked.
  public var tokensFound: [Token] { words }

  /// Every word of the text in order: what `quotegraph segment` shows.
  public mutating func allTokens() -> [Token] {
    var result: [Token] = []
    var offset = 0
    while offset < wordAt.count {
      if let word = token(at: offset) {
        result.append(word)
        offset = Int(word.range.end)
      } else {
        offset += 1
      }
    }
    return result
  }

  /// Whether ICU's words must break at `offset` whatever surrounds it: at a clause edge,
  /// between two Han characters that no dictionary word holds side by side, or between a Han
  /// character and one of `standsApartFromHan`. ICU's dictionary pass picks the cheapest split
  /// of a run of Han characters into dictionary words; where no word can span a place every
  /// split passes through it, so the best split on each side is the best split of that side
  /// alone.
  private func mustBreak(at offset: Int) -> Bool {
    if isClauseEdge(offset) { return true }
    let before = units[offset - 1]
    let after = units[offset]
    if before.isIdeograph {
      guard after.isIdeograph else { return WordBoundaries.standsApartFromHan(after) }
      guard let pairs else { return false }
      return !pairs.mayHold(before, after)
    }
    return after.isIdeograph && WordBoundaries.standsApartFromHan(before)
  }

  /// Characters that are neither dictionary characters (Han, kana) nor kept with the character
  /// before them (combining marks, format characters): Han takes part in no word rule but
  /// those, so beside Han these start or end a word as the text's edge would. Line feed and
  /// carriage return (ICU always breaks before them), printable ASCII, the middle dot, general
  /// punctuation up to U+2027, CJK symbols before 々, the CJK brackets and quotation marks
  /// (《》「」〔〕〝〞, word break class Other) and the fullwidth forms of ASCII.
  static func standsApartFromHan(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x0A, 0x0D, 0x20...0x7E, 0xB7, 0x2010...0x2027, 0x3000...0x3004, 0x3008...0x3011,
      0x3014...0x301F, 0xFF01...0xFF5E:
      true
    default: false
    }
  }

  /// Breaks the stretch around `offset` between the nearest places where ICU must break (most
  /// often a small part of its clause) and records its words.
  private mutating func breakStretch(containing offset: Int) {
    var start = offset
    while !mustBreak(at: start) { start -= 1 }
    var end = offset + 1
    while !mustBreak(at: end) { end += 1 }
    // A stretch of one unit other than Han is most often a punctuation mark: ICU's word for it
    // is the same wherever it stands, so it is asked once.
    if end - start == 1, !units[start].isIdeograph, let breaker,
      case .some(let word) = try? breaker.loneUnitWord(units[start])
    {
      let range = TextRange(start, end)
      record(word.map { Token(range: range, kind: $0.kind) }, over: range.start..<range.end)
      return
    }
    // Most stretches are Han characters alone, which ICU's rules pass whole to its dictionary.
    var wordStart = Int32(start)
    if let splitter,
      splitter.forEachWordEnd(
        in: units, start..<end,
        { wordEnd in
          record(
            Token(range: TextRange(start: wordStart, end: wordEnd), kind: .ideograph),
            over: wordStart..<wordEnd)
          wordStart = wordEnd
        })
    {
      return
    }
    do {
      guard let breaker else { throw QuotegraphError("segment.icu", "no word breaker") }
      let boundaries = try breaker.withIterator { try $0.segments(of: units, in: start..<end) }
      for boundary in boundaries {
        record(Segmenter.token(for: boundary, in: units), over: boundary.start..<boundary.end)
      }
    } catch {
      // One-character words keep the pipeline going; the stage that asked reports the failure.
      failure = failure ?? "ICU word break failed: \(error)"
      for offset in start..<end {
        let range = TextRange(offset, offset + 1)
        record(Token(range: range, kind: .punctuation), over: range.start..<range.end)
      }
    }
  }

  private mutating func record(_ word: Token?, over span: Range<Int32>) {
    var index = WordBoundaries.noWord
    if let word {
      index = Int32(words.count)
      words.append(word)
    }
    for position in span { wordAt[Int(position)] = index }
  }

  /// Whether a clause starts at `offset`: after CJK punctuation or a line feed, unless a
  /// combining mark or format character there still belongs to the mark before it.
  static func clauseStarts(at offset: Int, _ units: [UInt16]) -> Bool {
    endsClause(units[offset - 1]) && !attachesToPrevious(units[offset])
      && !joinsNumbers(at: offset - 1, units)
  }

  /// A fullwidth comma or semicolon between two digits (20，20, ２０；２０) is inside one
  /// number for ICU (word break class MidNum), so no clause ends there.
  static func joinsNumbers(at mark: Int, _ units: [UInt16]) -> Bool {
    guard units[mark] == 0xFF0C || units[mark] == 0xFF1B, mark > 0, mark + 1 < units.count
    else { return false }
    return isDigit(units[mark - 1]) && isDigit(units[mark + 1])
  }

  /// Decimal digits of the BMP (ASCII, fullwidth and other scripts'): word break class Numeric.
  private static func isDigit(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return unit >= 0x30 && unit <= 0x39 }
    guard let scalar = Unicode.Scalar(unit) else { return false }
    return scalar.properties.generalCategory == .decimalNumber
  }

  @inline(__always)
  static func endsClause(_ unit: UInt16) -> Bool {
    // Asked at every offset a word question or a stretch's edges pass: Han and most other
    // characters, between the CJK brackets and the fullwidth forms, end no clause.
    if unit > 0x301F && unit < 0xFF01 { return false }
    switch unit {
    case 0x0A, 0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x301F, 0x201C, 0x201D, 0xFF01, 0xFF08,
      0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F:
      return true
    default: return false
    }
  }

  /// Characters ICU's word rules keep with the character before them (WB4): combining marks,
  /// variation selectors, format characters (and the high surrogate of tag characters).
  static func attachesToPrevious(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x2060...0x2064,
      0x20D0...0x20FF, 0x3099, 0x309A, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF, 0xFF9E, 0xFF9F,
      0xDB40:
      true
    default: false
    }
  }
}
