import ICUText
import Synchronization

/// Splits clean text into sentences and tokens with ICU, after finding quotation spans.
/// Sentence ends are tuned for Chinese news: an opening mark ICU hangs on the previous sentence
/// moves to the next one, closing marks stay with the sentence they end, and a closed
/// quotation is not cut in the middle (up to `max_quotation_length`), so it stays addressable.
public struct Segmenter: Stage {
  public static let type = "text.segment.v1"
  public static let requires: Set<Layer> = [.cleanText, .paragraphs]
  public static let provides: Set<Layer> = [.quotations, .sentences, .tokens]

  public struct Settings: Sendable, Equatable {
    public var locale: String
    public var keepQuotationsWhole: Bool
    public var maxQuotationLength: Int
    public var splitOnSemicolon: Bool
    /// Latin words that end in a full stop without ending the sentence (Sen., Mr., vs.), as
    /// UTF-16 units; a single capital letter (an initial, George W. Bush) never ends one.
    public var abbreviations: Set<[UInt16]>

    public init(
      locale: String = "zh", keepQuotationsWhole: Bool = true, maxQuotationLength: Int = 600,
      splitOnSemicolon: Bool = false, abbreviations: [String] = []
    ) {
      self.locale = locale
      self.keepQuotationsWhole = keepQuotationsWhole
      self.maxQuotationLength = maxQuotationLength
      self.splitOnSemicolon = splitOnSemicolon
      self.abbreviations = Set(abbreviations.map { Array($0.utf16) })
    }
  }

  public let settings: Settings
  private let words: IteratorPool
  private let sentences: IteratorPool
  /// Read from ICU's dictionary when the first segmenter is built (some 20 ms, beside the other
  /// stages' loading), so that most word questions need no clause broken.
  private let dictionaryPairs: CJKDictionaryPairs?
  private let splitter: CJKDictionarySplitter?

  public init(settings: Settings) throws(QuotegraphError) {
    self.settings = settings
    do {
      words = IteratorPool(try BreakIterator(.word, locale: settings.locale))
      sentences = IteratorPool(try BreakIterator(.sentence, locale: settings.locale))
      dictionaryPairs = CJKDictionaryPairs.system
      splitter = CJKDictionarySplitter.system
    } catch {
      throw QuotegraphError(
        "segment.icu", "cannot open ICU break iterators for locale \(settings.locale): \(error)")
    }
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    let settings = Settings(
      locale: try options.requiredString("locale"),
      keepQuotationsWhole: try options.bool("keep_quotations_whole") ?? true,
      maxQuotationLength: try options.int("max_quotation_length") ?? 600,
      splitOnSemicolon: try options.bool("split_on_semicolon") ?? false,
      abbreviations: try options.strings("abbreviations") ?? [])
    if settings.maxQuotationLength < 1 {
      throw options.invalid("max_quotation_length", "must be at least 1")
    }
    try self.init(settings: settings)
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let units = document.text.units
    var quotations: [Quotation] = []
    var sentenceList: [Sentence] = []
    do {
      try sentences.withIterator { iterator in
        for (index, paragraph) in document.paragraphs.enumerated() {
          let inParagraph = QuotationFinder.find(
            in: units, paragraph: paragraph, index: Int32(index))
          let boundaries = try iterator.segments(of: units, in: paragraph.range.range)
          sentenceList += splitSentences(
            units: units, paragraph: paragraph, index: Int32(index),
            icuEnds: boundaries.map { Int($0.end) }, quotations: inParagraph)
          quotations += inParagraph
        }
      }
    } catch {
      throw QuotegraphError("segment.icu", "ICU segmentation failed: \(error)", stage: Self.type)
    }
    document.quotations = quotations
    document.sentences = sentenceList
    document.words = WordBoundaries(
      units: units, breaker: words, pairs: dictionaryPairs, splitter: splitter)
    document.layers.formUnion(Self.provides)
  }

  static let openingMarks: Set<UInt16> = [
    0x201C, 0x300C, 0x300E, 0x2018, 0xFF08, 0x28, 0x300A, 0x3008, 0x3010, 0x5B, 0xFE41, 0xFE43,
  ]
  static let closingMarks: Set<UInt16> = [
    0x201D, 0x300D, 0x300F, 0x2019, 0xFF09, 0x29, 0x300B, 0x3009, 0x3011, 0x5D, 0xFE42, 0xFE44,
  ]

  static func isSpace(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0xA0 || unit == 0x3000
  }

  /// Turns ICU's sentence ends in one paragraph into our sentences.
  func splitSentences(
    units: [UInt16], paragraph: Paragraph, index: Int32, icuEnds: [Int], quotations: [Quotation]
  ) -> [Sentence] {
    let start = Int(paragraph.range.start)
    let end = Int(paragraph.range.end)
    // An array sorted and deduplicated once, not a Set: a paragraph has a handful of ends, and
    // hashing, filtering and sorting the Set cost more than splitting.
    var ends: [Int] = []
    ends.reserveCapacity(icuEnds.count)
    for var boundary in icuEnds where boundary > start && boundary < end {
      // An opening mark (and the space before it) belongs to the sentence it opens.
      while boundary > start,
        Segmenter.openingMarks.contains(units[boundary - 1])
          || Segmenter.isSpace(units[boundary - 1])
      {
        boundary -= 1
      }
      // Closing marks belong to the sentence they close.
      while boundary < end, Segmenter.closingMarks.contains(units[boundary]) { boundary += 1 }
      if boundary > start && boundary < end
        && !endsInAbbreviation(units: units, from: start, before: boundary)
      {
        ends.append(boundary)
      }
    }
    if settings.splitOnSemicolon {
      for position in start..<end where units[position] == 0xFF1B || units[position] == 0x3B {
        ends.append(position + 1)
      }
    }
    if settings.keepQuotationsWhole {
      for quotation in quotations
      where quotation.isClosed && quotation.depth == 0
        && quotation.range.length <= settings.maxQuotationLength
      {
        ends.removeAll { Int(quotation.range.start) < $0 && $0 < Int(quotation.range.end) }
      }
    }
    var result: [Sentence] = []
    var sentenceStart = start
    ends.sort()
    ends.append(end)
    // Repeated ends fall to `sentenceEnd > sentenceStart`, as the Set kept them once.
    for sentenceEnd in ends where sentenceEnd > sentenceStart {
      var lower = sentenceStart
      var upper = sentenceEnd
      while lower < upper, Segmenter.isSpace(units[lower]) { lower += 1 }
      while upper > lower, Segmenter.isSpace(units[upper - 1]) { upper -= 1 }
      if lower < upper {
        result.append(Sentence(range: TextRange(lower, upper), paragraph: index))
      }
      sentenceStart = sentenceEnd
    }
    return result
  }

  /// Whether the text before `boundary` (spaces aside) is an initial or one of the settings'
  /// abbreviations with its full stop: ICU ends a sentence at every full stop before a capital,
  /// and cut 史迪威(David R. Stilwell) and 鲁比奥（Sen. Marco Rubio） in two.
  func endsInAbbreviation(units: [UInt16], from start: Int, before boundary: Int) -> Bool {
    var stop = boundary
    while stop > start, Segmenter.isSpace(units[stop - 1]) { stop -= 1 }
    guard stop > start, units[stop - 1] == 0x2E else { return false }
    var wordStart = stop - 1
    while wordStart > start, units[wordStart - 1].isLatinLetter { wordStart -= 1 }
    let word = units[wordStart..<(stop - 1)]
    if word.count == 1, let letter = word.first, (0x41...0x5A).contains(letter) { return true }
    return !word.isEmpty && settings.abbreviations.contains(Array(word))
  }

  static func token(for boundary: Boundary, in units: [UInt16]) -> Token? {
    let kind: Token.Kind
    switch WordKind(ruleStatus: boundary.ruleStatus) {
    case .none:
      let range = Int(boundary.start)..<Int(boundary.end)
      if units[range].allSatisfy(isSpace) { return nil }
      kind = .punctuation
    case .number: kind = .number
    case .letter: kind = .letter
    case .kana: kind = .kana
    case .ideograph: kind = .ideograph
    }
    return Token(range: TextRange(start: boundary.start, end: boundary.end), kind: kind)
  }
}

/// Break iterators are not thread-safe and costly to open: a pool hands each concurrent
/// caller its own clone and keeps it for the next.
final class IteratorPool: Sendable {
  private let prototype: BreakIterator
  private let idle: Mutex<[BreakIterator]>
  /// ICU's word for a unit that is a text on its own, by unit (nil: whitespace, no word), as
  /// ICU gave it once.
  private let loneUnitWords: Mutex<[UInt16: Token?]>

  init(_ prototype: BreakIterator) {
    self.prototype = prototype
    self.idle = Mutex([])
    self.loneUnitWords = Mutex([:])
  }

  func withIterator<T>(_ body: (BreakIterator) throws -> T) throws -> T {
    let iterator = try idle.withLock { $0.popLast() } ?? prototype.clone()
    defer { idle.withLock { $0.append(iterator) } }
    return try body(iterator)
  }

  /// ICU's word for `unit` broken on its own, from 0 to 1 (`.some(nil)` for whitespace, nil
  /// when ICU gives no such word). Most stretches that word questions break are one punctuation
  /// mark between two certain breaks (，。：), and setting up an iterator costs some 4,800
  /// instructions each time: each unit is asked of ICU once per pool.
  func loneUnitWord(_ unit: UInt16) throws -> Token?? {
    if let known = loneUnitWords.withLock({ $0[unit] }) { return known }
    let text = [unit]
    let boundaries = try withIterator { try $0.segments(of: text) }
    guard boundaries.count == 1, boundaries[0].start == 0, boundaries[0].end == 1 else {
      return nil
    }
    let word = Segmenter.token(for: boundaries[0], in: text)
    loneUnitWords.withLock { $0[unit] = word }
    return word
  }
}
