/// A logistic model over sparse features of one candidate name (`name-classifier.tsv`, trained
/// by `scripts/train-name-classifier.py`): the hand-set score says how name-like the characters
/// are; the model adds what the neighbouring characters and words, the ICU boundaries and the
/// candidate's shape say, as learned from tagged dev sets. It only reads candidates the person
/// finder proposes, so it costs a few dictionary lookups per candidate, never per character.
public struct CandidateClassifier: Sendable, Equatable {
  /// The intercept: the log-odds of a candidate with no feature.
  public var bias: Double
  public var weights: [String: Double]

  /// The feature saying ICU reads the candidate's given name as one word whose last character
  /// is no likelier in names than in text (毅然).
  static let wordlikeGivenName = "given-word-unlike-name:s"

  /// The row holding the intercept.
  public static let biasFeature = "(bias)"

  public init(bias: Double, weights: [String: Double]) {
    self.bias = bias
    self.weights = weights
  }

  /// The model of the TSV file at `path` (`feature weight`).
  public static func load(path: String) throws(QuotegraphError) -> CandidateClassifier {
    let text = String(decoding: try FileIO.readAll(path: path), as: UTF8.self)
    var weights: [String: Double] = [:]
    var bias = 0.0
    for row in try GazetteerTable.parse(text, file: .nameClassifier, path: path).rows {
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
      if let weight = weights[feature.name] { sum += weight * feature.value }
    }
    return sum
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

extension PersonFinder {
  /// The features of `candidate` in `units`. `growsGazetteerName`: the candidate overlaps a
  /// person the gazetteer matched (王莲 of 王莲香, 张君 of 张君秋).
  public func features(
    of candidate: Candidate, in units: [UInt16], tokens: [Token], growsGazetteerName: Bool
  ) -> [CandidateFeature] {
    let start = Int(candidate.range.start)
    let end = Int(candidate.range.end)
    let method = candidate.method
    // One letter per method keeps the name's own characters apart: 斯 inside a transliteration
    // is no given-name character.
    let kind =
      switch method {
      case "surname-model": "s"
      case "transliteration": "t"
      case "gazetteer": "g"
      default: "l"
      }
    var found: [CandidateFeature] = [
      CandidateFeature(CandidateClassifierInputs.bias(of: kind)),
      CandidateFeature("score", (candidate.score - settings.threshold) / 4),
      CandidateFeature("score:\(kind)", (candidate.score - settings.threshold) / 4),
      CandidateFeature("len:\(kind)\(min(end - start, 8))"),
    ]
    // The text's edges read as a sentence's: a line of `tag` is a sentence of the dev sets but
    // one of many in an article, where a name at the very start tells nothing.
    func character(_ offset: Int) -> String {
      guard offset >= 0, offset < units.count else { return "。" }
      let unit = units[offset]
      if unit.isIdeograph || unit.isNameDot { return String(decodingUTF16: units[offset...offset]) }
      if (0x30...0x39).contains(unit) || (0xFF10...0xFF19).contains(unit) { return "<digit>" }
      if unit.isLatinLetter { return "<latin>" }
      if unit == 0x20 || unit == 0x3000 { return "<space>" }
      return String(decodingUTF16: units[offset...offset])
    }
    let bin = max(-3, min(3, Int(((candidate.score - settings.threshold) / 2).rounded())))
    found.append(CandidateFeature("score-bin:\(kind)\(bin)"))
    if kind != "l" {
      found.append(CandidateFeature("first:\(kind)\(character(start))"))
      found.append(CandidateFeature("last:\(kind)\(character(end - 1))"))
      found.append(CandidateFeature("first:" + character(start)))
      found.append(CandidateFeature("last:" + character(end - 1)))
      if end - start == 3 { found.append(CandidateFeature("mid:\(kind)\(character(start + 1))")) }
    }
    let before = character(start - 1)
    let after = character(end)
    found.append(CandidateFeature("L1:" + before))
    found.append(CandidateFeature("R1:" + after))
    found.append(CandidateFeature("L2:" + character(start - 2) + before))
    found.append(CandidateFeature("R2:" + after + character(end + 1)))
    found.append(CandidateFeature("R1\(kind):" + after))
    found.append(CandidateFeature("L1\(kind):" + before))
    // ICU's words beside and under the candidate.
    let tokenAtStart = CandidateClassifierInputs.token(containing: start, in: tokens)
    let tokenAtEnd = CandidateClassifierInputs.token(containing: end - 1, in: tokens)
    let startsToken = tokenAtStart.map { Int(tokens[$0].range.start) == start } ?? true
    let endsToken = tokenAtEnd.map { Int(tokens[$0].range.end) == end } ?? true
    found.append(CandidateFeature("edges:\(startsToken ? "S" : "s")\(endsToken ? "E" : "e")"))
    if let first = tokenAtStart, let last = tokenAtEnd {
      let count = last - first + 1
      found.append(CandidateFeature("tokens:\(kind)\(min(count, 5))"))
      if count == 1 && startsToken && endsToken { found.append(CandidateFeature("one-word")) }
      // The two characters after the first are one dictionary word (王|毅然, 高|度过).
      if end - start >= 3,
        let given = CandidateClassifierInputs.token(containing: end - 2, in: tokens),
        tokens[given].range == TextRange(end - 2, end)
      {
        found.append(CandidateFeature("given-word:\(kind)"))
        // A weight is ln P(char | given name) − ln P(char | text): 0 is no likelier.
        if kind == "s", (data.given[units[end - 1]] ?? settings.unseenGivenWeight) <= 0 {
          found.append(CandidateFeature(CandidateClassifier.wordlikeGivenName))
        }
      }
      if !endsToken {
        found.append(
          CandidateFeature(
            "tail:"
              + String(decodingUTF16: units[end..<min(Int(tokens[last].range.end), end + 3)])))
      }
    }
    if startsToken, let first = tokenAtStart, first > 0 {
      let word = tokens[first - 1].range
      if word.end - word.start >= 2, Int(word.end) == start {
        found.append(CandidateFeature("LW:" + String(decodingUTF16: units[word.range])))
      }
    }
    if endsToken, let last = tokenAtEnd, last + 1 < tokens.count {
      let word = tokens[last + 1].range
      if word.end - word.start >= 2, Int(word.start) == end {
        found.append(CandidateFeature("RW:" + String(decodingUTF16: units[word.range])))
      }
    }
    if data.titleStart(endingAt: start, in: units) != nil {
      found.append(CandidateFeature("title-before"))
    }
    if words.cuesBefore.end(at: start, in: units) { found.append(CandidateFeature("cue-before")) }
    if words.cuesAfter.start(at: end, in: units) { found.append(CandidateFeature("cue-after")) }
    if words.addressAfter.start(at: end, in: units) {
      found.append(CandidateFeature("address-after"))
    }
    if data.titleEnd(startingAt: end, in: units, limit: units.count) != nil {
      found.append(CandidateFeature("title-after"))
    }
    // The candidate ends in a word that follows places and things (玛多县, 李卜村, 丘布特省).
    if words.notNameAfter.end(at: end, in: units) {
      found.append(CandidateFeature("ends-like-place"))
    }
    if candidate.cuts { found.append(CandidateFeature("cuts")) }
    if growsGazetteerName { found.append(CandidateFeature("grows-gazetteer:\(kind)")) }
    return found
  }

  /// The people the gazetteer matched, as candidates of method `gazetteer`, with their
  /// features: the context features of discovered names, and how the matcher found them.
  func gazetteerCandidates(in document: Document) -> [(
    mention: Int, candidate: Candidate, features: [CandidateFeature]
  )] {
    document.mentions.indices.compactMap { index in
      let mention = document.mentions[index]
      let entity = document.entities[mention.entity]
      guard entity.kind == .person else { return nil }
      let candidate = Candidate(
        range: mention.range, score: settings.threshold, method: "gazetteer")
      var found = features(
        of: candidate, in: document.text.units, tokens: document.tokens, growsGazetteerName: false)
      found.append(CandidateFeature("form:" + mention.form.rawValue))
      found.append(CandidateFeature("evidence:" + mention.evidence))
      if entity.properties["wikidata"] != nil { found.append(CandidateFeature("wikidata")) }
      if case .string(let country) = entity.properties["country"] {
        found.append(CandidateFeature("country:" + (country == "CN" ? "CN" : "other")))
      }
      return (index, candidate, found)
    }
  }

  /// The document less the gazetteer people `classifier` finds unlikely in their context
  /// (高新 before 区, 长征 before 火箭, 贝尔 before 公司).
  func droppingUnlikelyGazetteerPeople(
    _ document: Document, by classifier: CandidateClassifier
  ) -> Document {
    let unlikely = Set(
      gazetteerCandidates(in: document).filter {
        settings.classifierOffset + classifier.logit($0.features) < 0
      }.map(\.mention))
    guard !unlikely.isEmpty else { return document }
    var kept = document
    kept.mentions = document.mentions.indices.filter { !unlikely.contains($0) }.map {
      document.mentions[$0]
    }
    return kept
  }

  /// The candidates scored by `classifier`: the threshold plus the model's log-odds, so that
  /// the threshold stands where the model gives even odds. Names in Latin letters keep their
  /// hand-set score: the dev sets the model learns from hold almost none, and news in Chinese
  /// quote many English names of firms and books (Cambridge Global Payments).
  func classified(
    _ candidates: [Candidate], by classifier: CandidateClassifier, in units: [UInt16],
    tokens: [Token], personAt: [Int32]
  ) -> [Candidate] {
    candidates.map { candidate in
      guard candidate.method != "latin" else { return candidate }
      var scored = candidate
      let grows = candidate.range.range.contains { personAt[$0] >= 0 }
      let found = features(of: candidate, in: units, tokens: tokens, growsGazetteerName: grows)
      scored.score = settings.threshold + settings.classifierOffset + classifier.logit(found)
      // The model does not lift a name the hand-set score rejects where ICU reads its given
      // name as a dictionary word ending in a character no likelier in names than in text
      // (王|毅然, not 田|晚霞): the dev sets hold too few such words to tell the adverb from the
      // name.
      if candidate.score < settings.threshold,
        found.contains(where: { $0.name == CandidateClassifier.wordlikeGivenName })
      {
        scored.score = min(scored.score, candidate.score)
      }
      return scored
    }
  }
}

extension PersonFinder {
  /// Every candidate of the document with its features and the gazetteer's verdict ignored:
  /// what `scripts/train-name-classifier.py` learns from (`quotegraph tag --candidates`).
  public func featuredCandidates(in document: Document) -> [(Candidate, [CandidateFeature])] {
    let (found, personAt) = proposals(in: document)
    let gazetteer =
      settings.classifyGazetteerPeople
      ? gazetteerCandidates(in: document).map { ($0.candidate, $0.features) } : []
    return gazetteer
      + found.filter { $0.method != "latin" }.map { candidate in
        let grows = candidate.range.range.contains { personAt[$0] >= 0 }
        return (
          candidate,
          features(
            of: candidate, in: document.text.units, tokens: document.tokens,
            growsGazetteerName: grows)
        )
      }
  }
}

/// Helpers of the classifier's features.
enum CandidateClassifierInputs {
  static func bias(of kind: String) -> String { "method:" + kind }

  /// The index of the token covering `offset`, by binary search (tokens are in text order and
  /// do not overlap), or nil between tokens.
  static func token(containing offset: Int, in tokens: [Token]) -> Int? {
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if Int(tokens[middle].range.end) <= offset { low = middle + 1 } else { high = middle }
    }
    guard low < tokens.count, Int(tokens[low].range.start) <= offset else { return nil }
    return low
  }
}
