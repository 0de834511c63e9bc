/// A logistic model over sparse features of one candidate name (`name-classifier.tsv`, trained
/// by `scripts/train-name-classifier.py`): the hand-set score says how name-like the characters
/// are; the model adds what the neighbouring characters and words, the ICU boundaries and the
/// candidate's shape say, as learned from tagged dev sets. It only reads candidates the person
/// finder proposes, so it costs a few dictionary lookups per candidate, never per character.
public struct CandidateClassifier: Sendable, Equatable {
  /// The intercept: the log-odds of a candidate with no feature.
  public var bias: Double
  /// The weights by the 64-bit FNV-1a hash of the feature's UTF-8 name: hashing a `String`
  /// normalises its Unicode, which took most of the classifier's time.
  public private(set) var weights: [UInt64: Double] {
    didSet { table = FeatureWeights(weights) }
  }
  /// The weights as the pipeline looks them up.
  private(set) var table: FeatureWeights
  /// The words of the model's `LW:` and `RW:` features, by their last two and their first
  /// two UTF-16 units: where the text holds no such pair beside a candidate, no word there
  /// has a weight, and `describe` need not ask ICU for the words outside the candidate.
  private(set) var wordPairs: WordPairs

  /// The feature saying ICU reads the candidate's given name as one word whose last character
  /// is no likelier in names than in text (毅然).
  static let wordlikeGivenName: StaticString = "given-word-unlike-name:s"

  /// The row holding the intercept.
  public static let biasFeature = "(bias)"

  public init(bias: Double, weights: [String: Double]) {
    self.bias = bias
    let keyed = Dictionary(
      weights.map { (CandidateClassifier.key($0.key), $0.value) }, uniquingKeysWith: { $1 })
    self.weights = keyed
    self.table = FeatureWeights(keyed)
    self.wordPairs = WordPairs(features: weights.keys)
  }

  /// The key of a feature name in `weights`.
  static func key(_ name: String) -> UInt64 { StableID.fnv1a(name.utf8) }

  /// The weight of the feature named `name`, if the model has one.
  public func weight(of name: String) -> Double? { weights[CandidateClassifier.key(name)] }

  /// The model of the TSV file at `path` (`feature weight`).
  public static func load(path: String) throws(QuotegraphError) -> CandidateClassifier {
    let rows = try GazetteerTable.parse(
      bytes: try FileIO.readAll(path: path), file: .nameClassifier, path: path
    ).rows
    // Room for every feature at once: grown from empty, the table hashed (normalised) every
    // feature name again at each growth.
    var weights = [String: Double](minimumCapacity: rows.count)
    var bias = 0.0
    for row in rows {
      guard let weight = Double(row["weight"]) else {
        throw QuotegraphError(
          "gazetteer.bad-row", "weight \"\(row["weight"])\" is not a number", file: path,
          line: row.line)
      }
      if row["feature"] == biasFeature { bias = weight } else { weights[row["feature"]] = weight }
    }
    return CandidateClassifier(bias: bias, weights: weights)
  }

  /// The model at `path`, loaded once for all the stages built in `context`.
  public static func load(path: String, sharedIn context: StageContext)
    throws(QuotegraphError) -> CandidateClassifier
  {
    try context.shared.value("CandidateClassifier:" + path) { () throws(QuotegraphError) in
      try load(path: path)
    }
  }

  /// The log-odds that the candidate with these features is a name.
  public func logit(_ features: [CandidateFeature]) -> Double {
    var sum = bias
    for feature in features {
      if let weight = weights[CandidateClassifier.key(feature.name)] {
        sum += weight * feature.value
      }
    }
    return sum
  }
}

/// The pairs of UTF-16 units that end the words of a model's `LW:` features and start the
/// words of its `RW:` features, as bits of a 65,536-bit filter for each side: a pair whose bit
/// is clear is none (a set bit may be another pair's, which only costs the ICU look-up).
struct WordPairs: Sendable, Equatable {
  /// The last two units of the `LW:` words.
  private var before = UnitPairFilter()
  /// The first two units of the `RW:` words.
  private var after = UnitPairFilter()

  /// Whether `first` and `second` may end an `LW:` word (`before`) or start an `RW:` word.
  @inline(__always)
  func mayHold(_ first: UInt16, _ second: UInt16, before isBefore: Bool) -> Bool {
    isBefore ? before.mayContain(first, second) : after.mayContain(first, second)
  }

  init(features: some Sequence<String>) {
    // By the first UTF-8 bytes: `hasPrefix` compared the 13,000 names by their characters,
    // 19 M instructions at load.
    for name in features {
      var bytes = name.utf8.makeIterator()
      let first = bytes.next()
      guard first == UInt8(ascii: "L") || first == UInt8(ascii: "R"),
        bytes.next() == UInt8(ascii: "W"), bytes.next() == UInt8(ascii: ":")
      else { continue }
      let word = Array(name.utf16.dropFirst(3))
      guard word.count >= 2 else { continue }
      if first == UInt8(ascii: "L") {
        before.insert(word[word.count - 2], word[word.count - 1])
      } else {
        after.insert(word[0], word[1])
      }
    }
  }
}

/// One feature of a candidate: a name (`R1:县`, `verdict:cut-end`) and its value (1 for an
/// indicator; the hand score for `score`).
public struct CandidateFeature: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  public var value: Double

  public init(_ name: String, _ value: Double = 1) {
    self.name = name
    self.value = value
  }

  public var description: String { value == 1 ? name : "\(name)=\(value)" }
}

/// A piece of a feature's name: text, a number, or characters of the document (`R2:` + 表示).
/// No case holds a reference, so pieces are copied without reference counting (a slice of
/// the document or a `String` per piece made up a quarter of the features' work).
enum FeaturePiece {
  case none
  case text(StaticString)
  /// A small integer written in decimal (`len:s3`, `score-bin:s-2`), as `String(_:)` writes it.
  case number(Int)
  /// One code unit of the document the sink describes.
  case unit(UInt16)
  /// The code units `start..<end` of the document the sink describes.
  case units(Int, Int)
}

/// Where a candidate's features go: their names (`tag --candidates`, tests), or straight into
/// the model's sum (the pipeline, which never builds a name). Each sink reads the document's
/// code units the `.unit`/`.units` pieces stand for.
protocol CandidateFeatureSink {
  /// One feature named by up to four pieces (`.none` pieces are empty): fixed arity, as a
  /// variadic list would allocate an array per feature.
  mutating func add(
    _ first: FeaturePiece, _ second: FeaturePiece, _ third: FeaturePiece,
    _ fourth: FeaturePiece, value: Double)

  /// One indicator feature named by `prefix` and `text` (`evidence:` + how the gazetteer
  /// matched it).
  mutating func add(_ prefix: StaticString, _ text: String)

  /// Whether an `LW:` feature of a word ending in `first`, `second` (or an `RW:` feature of
  /// a word starting with them, `before` false) may count: where not, `describe` does not
  /// ask ICU for that word.
  func mayCountWord(before: Bool, _ first: UInt16, _ second: UInt16) -> Bool
}

/// Collects the features with their names.
struct NamedFeatures: CandidateFeatureSink {
  let units: [UInt16]
  var features: [CandidateFeature] = []

  init(units: [UInt16]) { self.units = units }

  mutating func add(
    _ first: FeaturePiece, _ second: FeaturePiece, _ third: FeaturePiece,
    _ fourth: FeaturePiece, value: Double
  ) {
    var name = ""
    for piece in [first, second, third, fourth] {
      switch piece {
      case .none: break
      case .text(let text): name += text.description
      case .number(let number): name += String(number)
      case .unit(let unit): name += String(decoding: CollectionOfOne(unit), as: UTF16.self)
      case .units(let start, let end): name += String(decodingUTF16: units[start..<end])
      }
    }
    features.append(CandidateFeature(name, value))
  }

  mutating func add(_ prefix: StaticString, _ text: String) {
    features.append(CandidateFeature(prefix.description + text))
  }

  /// Every feature is named.
  func mayCountWord(before: Bool, _ first: UInt16, _ second: UInt16) -> Bool { true }
}

/// Adds each feature's weight to the log-odds, keyed as `CandidateClassifier.key` keys a name:
/// FNV-1a over the UTF-8 of the name, fed piece by piece.
struct FeatureScore: CandidateFeatureSink {
  let weights: FeatureWeights
  let wordPairs: WordPairs
  let units: [UInt16]
  /// The model's intercept, where the sum of each candidate starts.
  let bias: Double
  var sum: Double

  init(_ classifier: CandidateClassifier, units: [UInt16]) {
    weights = classifier.table
    wordPairs = classifier.wordPairs
    self.units = units
    bias = classifier.bias
    sum = bias
  }

  /// Starts the sum of the next candidate: one score serves all the candidates of a document,
  /// where a new one per candidate copied the model's tables (their references) each time.
  mutating func restart() { sum = bias }

  /// A word whose two units are no model word's has no weight. Surrogates are decoded
  /// otherwise (a lone one as U+FFFD): such a word may count.
  func mayCountWord(before: Bool, _ first: UInt16, _ second: UInt16) -> Bool {
    if (0xD800...0xDFFF).contains(first) || (0xD800...0xDFFF).contains(second) { return true }
    return wordPairs.mayHold(first, second, before: before)
  }

  @inline(__always)
  mutating func add(
    _ first: FeaturePiece, _ second: FeaturePiece, _ third: FeaturePiece,
    _ fourth: FeaturePiece, value: Double
  ) {
    var hash = FeatureWeights.basis
    feed(first, &hash)
    feed(second, &hash)
    feed(third, &hash)
    feed(fourth, &hash)
    if let weight = weights[hash] { sum += weight * value }
  }

  mutating func add(_ prefix: StaticString, _ text: String) {
    var hash = FeatureWeights.basis
    feed(.text(prefix), &hash)
    // A native string's bytes in place: its UTF-8 view's iterator cost some 300 instructions
    // for a word.
    let fed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes { FeatureWeights.mix(byte, &hash) }
    }
    if fed == nil {
      for byte in text.utf8 { FeatureWeights.mix(byte, &hash) }
    }
    if let weight = weights[hash] { sum += weight }
  }

  @inline(__always)
  func feed(_ piece: FeaturePiece, _ hash: inout UInt64) {
    switch piece {
    case .none: break
    case .text(let text):
      text.withUTF8Buffer { for byte in $0 { FeatureWeights.mix(byte, &hash) } }
    case .number(let number):
      // One digit in place: the numbers of the features are small (`len:s3`, `score-bin:s-2`).
      if (0...9).contains(number) {
        FeatureWeights.mix(UInt8(ascii: "0") + UInt8(number), &hash)
      } else {
        FeatureScore.feed(decimal: number, &hash)
      }
    case .unit(let unit):
      // A lone surrogate reads as U+FFFD, as `String(decoding:as:)` reads it.
      FeatureScore.feed(scalar: (0xD800...0xDFFF).contains(unit) ? 0xFFFD : UInt32(unit), &hash)
    case .units(let start, let end):
      feed(unitsFrom: start, to: end, &hash)
    }
  }

  /// Feeds `units[start..<end]`. Kept out of `feed(_:_:)`, so that it stays small enough to
  /// be inlined for the pieces of every feature (callgrind: some 140,000 calls on 99 articles).
  @inline(never)
  func feed(unitsFrom start: Int, to end: Int, _ hash: inout UInt64) {
    var index = start
    while index < end {
      let unit = units[index]
      // As `String(decodingUTF16:)` reads them: names are Basic Multilingual Plane
      // characters but for rare surrogate pairs, read by `transcode` from the first
      // surrogate on (a lone surrogate becomes U+FFFD).
      guard !(0xD800...0xDFFF).contains(unit) else {
        _ = transcode(
          units[index..<end].makeIterator(), from: UTF16.self, to: UTF8.self,
          stoppingOnError: false, into: { FeatureWeights.mix($0, &hash) })
        return
      }
      FeatureScore.feed(scalar: UInt32(unit), &hash)
      index += 1
    }
  }

  /// Feeds the UTF-8 of a scalar of the Basic Multilingual Plane.
  @inline(__always)
  static func feed(scalar: UInt32, _ hash: inout UInt64) {
    if scalar < 0x80 {
      FeatureWeights.mix(UInt8(scalar), &hash)
    } else if scalar < 0x800 {
      FeatureWeights.mix(UInt8(0xC0 | (scalar >> 6)), &hash)
      FeatureWeights.mix(UInt8(0x80 | (scalar & 0x3F)), &hash)
    } else {
      FeatureWeights.mix(UInt8(0xE0 | (scalar >> 12)), &hash)
      FeatureWeights.mix(UInt8(0x80 | ((scalar >> 6) & 0x3F)), &hash)
      FeatureWeights.mix(UInt8(0x80 | (scalar & 0x3F)), &hash)
    }
  }

  /// Feeds `number` as `String(number)` writes it: a minus sign, then the digits.
  static func feed(decimal number: Int, _ hash: inout UInt64) {
    if number < 0 { FeatureWeights.mix(UInt8(ascii: "-"), &hash) }
    var magnitude = number.magnitude
    var divisor: UInt = 1
    while magnitude / divisor >= 10 { divisor *= 10 }
    while divisor > 0 {
      FeatureWeights.mix(UInt8(ascii: "0") + UInt8(magnitude / divisor), &hash)
      magnitude %= divisor
      divisor /= 10
    }
  }
}

/// The model's weights in an open-addressing table keyed by the FNV-1a hash of the feature
/// name: the hash is already well mixed, so it picks the slot itself (a `Dictionary` would
/// hash it again).
struct FeatureWeights: Sendable, Equatable {
  static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

  @inline(__always)
  static func mix(_ byte: UInt8, _ hash: inout UInt64) {
    hash ^= UInt64(byte)
    hash &*= 0x0000_0100_0000_01b3
  }

  private var keys: [UInt64]
  private var values: [Double]
  private var occupied: [Bool]
  private let mask: Int

  init(_ weights: [UInt64: Double]) {
    var capacity = 16
    while capacity < weights.count * 2 { capacity <<= 1 }
    mask = capacity - 1
    keys = [UInt64](repeating: 0, count: capacity)
    values = [Double](repeating: 0, count: capacity)
    occupied = [Bool](repeating: false, count: capacity)
    for (key, value) in weights.sorted(by: { $0.key < $1.key }) {
      var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
      while occupied[slot] { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] = value
      occupied[slot] = true
    }
  }

  @inline(__always)
  subscript(key: UInt64) -> Double? {
    var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
    while occupied[slot] {
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }
}

// Inlined into `describe`, so that the hash of a feature's fixed text folds into a constant.
extension CandidateFeatureSink {
  @inline(__always)
  mutating func add(_ name: StaticString) { add(.text(name), .none, .none, .none, value: 1) }
  @inline(__always)
  mutating func add(_ first: FeaturePiece, _ second: FeaturePiece, value: Double = 1) {
    add(first, second, .none, .none, value: value)
  }
  @inline(__always)
  mutating func add(
    _ first: FeaturePiece, _ second: FeaturePiece, _ third: FeaturePiece, value: Double = 1
  ) {
    add(first, second, third, .none, value: value)
  }
  @inline(__always)
  mutating func add(
    _ first: FeaturePiece, _ second: FeaturePiece, _ third: FeaturePiece,
    _ fourth: FeaturePiece
  ) {
    add(first, second, third, fourth, value: 1)
  }
}

extension PersonFinder {
  /// The features of `candidate` in `units`. `growsGazetteerName`: the candidate overlaps a
  /// person the gazetteer matched (王莲 of 王莲香, 张君 of 张君秋).
  public func features(
    of candidate: Candidate, in units: [UInt16], words: inout WordBoundaries,
    growsGazetteerName: Bool
  ) -> [CandidateFeature] {
    var named = NamedFeatures(units: units)
    describe(
      candidate, in: units, words: &words, growsGazetteerName: growsGazetteerName, into: &named)
    return named.features
  }

  /// One letter per method keeps the name's own characters apart: 斯 inside a transliteration
  /// is no given-name character.
  static func featureKind(of method: String) -> StaticString {
    switch method {
    case "surname-model": "s"
    case "transliteration": "t"
    case "gazetteer": "g"
    default: "l"
    }
  }

  /// Whether ICU reads the given name of a Chinese candidate as one word ending in a character
  /// no likelier in names than in text (王|毅然).
  func hasWordlikeGivenName(
    _ candidate: Candidate, in units: [UInt16], words: inout WordBoundaries
  ) -> Bool {
    let end = Int(candidate.range.end)
    guard candidate.method == "surname-model", end - Int(candidate.range.start) >= 3,
      words.isOneWord(end - 2, end)
    else { return false }
    // A weight is ln P(char | given name) − ln P(char | text): 0 is no likelier.
    return (data.given[units[end - 1]] ?? settings.unseenGivenWeight) <= 0
  }

  /// How many of ICU's words the span touches: across ideographs, one more than the places
  /// inside where ICU splits them; elsewhere counted word by word.
  func wordCount(
    _ start: Int, _ end: Int, _ units: [UInt16], _ wordBreaks: inout WordBoundaries
  ) -> Int {
    if units[start..<end].allSatisfy(\.isIdeograph) {
      var count = 1
      for inner in (start + 1)..<end where !wordBreaks.joins(at: inner) { count += 1 }
      return count
    }
    var count = 0
    var offset = start
    while offset < end {
      if let word = wordBreaks.range(at: offset) {
        count += 1
        offset = max(offset + 1, Int(word.end))
      } else {
        offset += 1
      }
    }
    return count
  }

  /// Writes the features of `candidate` into `sink`.
  func describe(
    _ candidate: Candidate, in units: [UInt16], words wordBreaks: inout WordBoundaries,
    growsGazetteerName: Bool, into sink: inout some CandidateFeatureSink
  ) {
    let start = Int(candidate.range.start)
    let end = Int(candidate.range.end)
    let kind = PersonFinder.featureKind(of: candidate.method)
    let kindPiece = FeaturePiece.text(kind)
    let relative = (candidate.score - settings.threshold) / 4
    sink.add(.text("method:"), kindPiece)
    sink.add(.text("score"), .none, value: relative)
    sink.add(.text("score:"), kindPiece, value: relative)
    sink.add(.text("len:"), kindPiece, .number(min(end - start, 8)))
    // The text's edges read as a sentence's: a line of `tag` is a sentence of the dev sets but
    // one of many in an article, where a name at the very start tells nothing.
    let unitCount = units.count
    @inline(__always)
    func character(_ offset: Int) -> FeaturePiece {
      guard offset >= 0, offset < unitCount else { return .text("。") }
      let unit = units[offset]
      if (0x30...0x39).contains(unit) || (0xFF10...0xFF19).contains(unit) {
        return .text("<digit>")
      }
      if unit.isLatinLetter { return .text("<latin>") }
      if unit == 0x20 || unit == 0x3000 { return .text("<space>") }
      return .unit(unit)
    }
    let bin = max(-3, min(3, Int(((candidate.score - settings.threshold) / 2).rounded())))
    sink.add(.text("score-bin:"), kindPiece, .number(bin))
    if candidate.method != "latin" {
      sink.add(.text("first:"), kindPiece, character(start), value: 1)
      sink.add(.text("last:"), kindPiece, character(end - 1), value: 1)
      sink.add(.text("first:"), character(start), value: 1)
      sink.add(.text("last:"), character(end - 1), value: 1)
      if end - start == 3 { sink.add(.text("mid:"), kindPiece, character(start + 1), value: 1) }
    }
    let before = character(start - 1)
    let after = character(end)
    sink.add(.text("L1:"), before, value: 1)
    sink.add(.text("R1:"), after, value: 1)
    sink.add(.text("L2:"), character(start - 2), before, value: 1)
    sink.add(.text("R2:"), after, character(end + 1), value: 1)
    sink.add(.text("R1"), kindPiece, .text(":"), after, value: 1)
    sink.add(.text("L1"), kindPiece, .text(":"), before, value: 1)
    // ICU's words beside and under the candidate, asked of the word boundaries: most answers
    // need no clause broken. Only whitespace can stand outside every word.
    @inline(__always)
    func hasWord(_ offset: Int) -> Bool {
      !Segmenter.isSpace(units[offset]) || wordBreaks.range(at: offset) != nil
    }
    let startsToken = !hasWord(start) || wordBreaks.startsWord(at: start)
    let endsToken = !hasWord(end - 1) || wordBreaks.endsWord(at: end)
    // One text piece for the whole name, whose hash folds into a constant.
    switch (startsToken, endsToken) {
    case (true, true): sink.add("edges:SE")
    case (true, false): sink.add("edges:Se")
    case (false, true): sink.add("edges:sE")
    case (false, false): sink.add("edges:se")
    }
    if hasWord(start), hasWord(end - 1) {
      let count = wordCount(start, end, units, &wordBreaks)
      sink.add(.text("tokens:"), kindPiece, .number(min(count, 5)))
      if count == 1 && startsToken && endsToken { sink.add("one-word") }
      // The two characters after the first are one dictionary word (王|毅然, 高|度过).
      if end - start >= 3, wordBreaks.isOneWord(end - 2, end) {
        sink.add(.text("given-word:"), kindPiece, value: 1)
        if hasWordlikeGivenName(candidate, in: units, words: &wordBreaks) {
          sink.add(CandidateClassifier.wordlikeGivenName)
        }
      }
      if !endsToken, let last = wordBreaks.range(at: end - 1) {
        sink.add(.text("tail:"), .units(end, min(Int(last.end), end + 3)), value: 1)
      }
    }
    // The word before, of two characters or more, ending where the candidate starts: its last
    // two are the two before the candidate, asked of the sink before ICU is.
    if startsToken, hasWord(start), start >= 2,
      sink.mayCountWord(before: true, units[start - 2], units[start - 1]),
      wordBreaks.joins(at: start - 1),
      let word = wordBreaks.range(at: start - 1), Int(word.end) == start
    {
      sink.add(.text("LW:"), .units(Int(word.start), Int(word.end)), value: 1)
    }
    // The word after, likewise (where no unit follows the first, `joins` is false).
    if endsToken, hasWord(end - 1), end + 1 < units.count,
      sink.mayCountWord(before: false, units[end], units[end + 1]),
      wordBreaks.joins(at: end + 1),
      let word = wordBreaks.range(at: end), Int(word.start) == end
    {
      sink.add(.text("RW:"), .units(Int(word.start), Int(word.end)), value: 1)
    }
    if data.titleStart(endingAt: start, in: units) != nil { sink.add("title-before") }
    if words.cuesBefore.end(at: start, in: units) { sink.add("cue-before") }
    if words.cuesAfter.start(at: end, in: units) { sink.add("cue-after") }
    if words.addressAfter.start(at: end, in: units) { sink.add("address-after") }
    if data.titleEnd(startingAt: end, in: units, limit: units.count) != nil {
      sink.add("title-after")
    }
    // The candidate ends in a word that follows places and things (玛多县, 李卜村, 丘布特省).
    if words.notNameAfter.end(at: end, in: units) { sink.add("ends-like-place") }
    if candidate.cuts { sink.add("cuts") }
    if growsGazetteerName { sink.add(.text("grows-gazetteer:"), kindPiece, value: 1) }
  }

  /// The people the gazetteer matched, as candidates of method `gazetteer`, with the index
  /// of their mention.
  func gazetteerCandidates(in document: Document) -> [(mention: Int, candidate: Candidate)] {
    document.mentions.indices.compactMap { index in
      let mention = document.mentions[index]
      guard document.entities[mention.entity].kind == .person else { return nil }
      return (
        index, Candidate(range: mention.range, score: settings.threshold, method: "gazetteer")
      )
    }
  }

  /// What the features of a gazetteer person read of its entity: whether it has a Wikidata
  /// item, and its country's feature value ("CN", "other", or none).
  struct GazetteerEntityFacts {
    var hasWikidata: Bool
    var country: StaticString?

    init(_ entity: EntityRecord) {
      hasWikidata = entity.properties["wikidata"] != nil
      if case .string(let country) = entity.properties["country"] {
        self.country = country == "CN" ? "CN" : "other"
      }
    }
  }

  /// Writes the features of the gazetteer person of `mention`: the context features of
  /// discovered names, and how the matcher found it. `facts`: those of its entity, if known.
  func describeGazetteerPerson(
    _ candidate: Candidate, mention: Mention, in document: Document,
    words: inout WordBoundaries, facts: GazetteerEntityFacts? = nil,
    into sink: inout some CandidateFeatureSink
  ) {
    describe(
      candidate, in: document.text.units, words: &words, growsGazetteerName: false, into: &sink)
    let facts = facts ?? GazetteerEntityFacts(document.entities[mention.entity])
    sink.add("form:", mention.form.rawValue)
    sink.add("evidence:", mention.evidence)
    if facts.hasWikidata { sink.add("wikidata") }
    if let country = facts.country { sink.add(.text("country:"), .text(country)) }
  }

  /// The document less the gazetteer people `classifier` finds unlikely in their context
  /// (高新 before 区, 长征 before 火箭, 贝尔 before 公司), and where those stood.
  func droppingUnlikelyGazetteerPeople(
    _ document: Document, by classifier: CandidateClassifier
  ) -> (document: Document, dropped: [TextRange]) {
    var unlikely = Set<Int>()
    let people = gazetteerCandidates(in: document)
    var words = document.words
    // By entity: its facts, read once per article (each read hashed two property names).
    var factsOfEntity = [GazetteerEntityFacts?](repeating: nil, count: document.entities.count)
    var score = FeatureScore(classifier, units: document.text.units)
    for (index, candidate) in people {
      let mention = document.mentions[index]
      let facts =
        factsOfEntity[mention.entity]
        ?? GazetteerEntityFacts(
          document.entities[mention.entity])
      factsOfEntity[mention.entity] = facts
      score.restart()
      describeGazetteerPerson(
        candidate, mention: mention, in: document, words: &words, facts: facts, into: &score)
      if settings.classifierOffset + score.sum < settings.gazetteerDropBelow {
        unlikely.insert(index)
      }
    }
    var kept = document
    kept.words = words
    guard !unlikely.isEmpty else { return (kept, []) }
    kept.mentions = document.mentions.indices.filter { !unlikely.contains($0) }.map {
      document.mentions[$0]
    }
    return (kept, unlikely.sorted().map { document.mentions[$0].range })
  }

  /// Whether the hand-set score leaves the candidate a chance: far below the threshold
  /// (`classifierFloor`) hardly any candidate of the dev sets is a name, and skipping them
  /// halves the classifier's work.
  func isWorthClassifying(_ candidate: Candidate) -> Bool {
    candidate.score >= settings.threshold - settings.classifierFloor
  }

  /// Scores the candidates by `classifier`: the threshold plus the model's log-odds, so that
  /// the threshold stands where the model gives even odds. Names in Latin letters keep their
  /// hand-set score: the dev sets the model learns from hold almost none, and news in Chinese
  /// quote many English names of firms and books (Cambridge Global Payments).
  func classify(
    _ candidates: inout [Candidate], by classifier: CandidateClassifier, in units: [UInt16],
    words: inout WordBoundaries, personAt: [Int32]
  ) {
    // Scored in place, where a new array copied every candidate.
    candidates.removeAll { $0.isWeighed && !isWorthClassifying($0) }
    var score = FeatureScore(classifier, units: units)
    for index in candidates.indices where candidates[index].isWeighed {
      let candidate = candidates[index]
      let grows = candidate.range.range.contains { personAt[$0] >= 0 }
      score.restart()
      describe(candidate, in: units, words: &words, growsGazetteerName: grows, into: &score)
      var scored = settings.threshold + settings.classifierOffset + score.sum
      // The model does not lift a name the hand-set score rejects where ICU reads its given
      // name as a dictionary word ending in a character no likelier in names than in text
      // (王|毅然, not 田|晚霞): the dev sets hold too few such words to tell the adverb from the
      // name.
      if candidate.score < settings.threshold,
        hasWordlikeGivenName(candidate, in: units, words: &words)
      {
        scored = min(scored, candidate.score)
      }
      candidates[index].score = scored
    }
  }
}

extension PersonFinder {
  /// Every candidate of the document with its features and the gazetteer's verdict ignored:
  /// what `scripts/train-name-classifier.py` learns from (`quotegraph tag --candidates`).
  public func featuredCandidates(in document: Document) -> [(Candidate, [CandidateFeature])] {
    var document = document
    let (found, personAt) = proposals(in: &document)
    var words = document.words
    var gazetteer: [(Candidate, [CandidateFeature])] = []
    if settings.classifyGazetteerPeople {
      for (index, candidate) in gazetteerCandidates(in: document) {
        var named = NamedFeatures(units: document.text.units)
        describeGazetteerPerson(
          candidate, mention: document.mentions[index], in: document, words: &words,
          into: &named)
        gazetteer.append((candidate, named.features))
      }
    }
    return gazetteer
      + found.filter { $0.isWeighed && isWorthClassifying($0) }.map { candidate in
        let grows = candidate.range.range.contains { personAt[$0] >= 0 }
        return (
          candidate,
          features(
            of: candidate, in: document.text.units, words: &words, growsGazetteerName: grows)
        )
      }
  }
}
