import Foundation
import Testing

@testable import QuotegraphKit

/// The default pipeline's text stages, as `quotegraph tag` runs them.
private let tagger = Tagger(pipeline: Fixture.defaultPipeline)

/// The default pipeline's person finder, with its shipped classifier.
private let finder: PersonFinder = {
  guard let finder = Fixture.defaultPipeline.stages.lazy.compactMap({ $0 as? PersonFinder }).first
  else { fatalError("the default pipeline has no person.discover.v1 stage") }
  return finder
}()

@Suite("Candidate classifier (name-classifier.tsv)")
struct CandidateClassifierTests {
  @Test("the shipped model loads, is small, and the default pipeline uses it")
  func shippedModel() throws {
    let path = Paths.repository + "/Gazetteers/name-classifier.tsv"
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    #expect(size < 2_000_000)
    let model = try CandidateClassifier.load(path: path)
    #expect(model.weights.count > 1000)
    #expect(model.weight(of: "cue-after").map { $0 > 0 } == true)
    #expect(model.weights.values.allSatisfy { abs($0) >= 0.05 })
    #expect(finder.classifier == model)
    #expect(finder.settings.classifyGazetteerPeople)
    #expect(finder.settings.gazetteerDropBelow < 0)
  }

  @Test("the shipped model keeps a name after a title and before a cue, and drops 长征 before 火箭")
  func knownExamples() throws {
    func people(_ text: String) throws -> [String] {
      let document = try tagger.document(for: text)
      return document.mentions.filter { document.entities[$0.entity].kind == .person }.map {
        document.text[$0.range]
      }
    }
    #expect(try people("记者李文云报道") == ["李文云"])
    #expect(try people("外交部发言人汪文斌表示，中方坚决反对。") == ["汪文斌"])
    // A gazetteer person whose name is a common word, in a context no name stands in.
    #expect(try people("郑重宣布长征火箭投放市场。") == [])
    // A short form the dev sets hardly know, at log-odds between gazetteer_drop_below and 0.
    #expect(try people("一个信号。“拜登需要看到") == ["拜登"])
  }

  @Test("the log-odds add the bias and each known feature's weight times its value")
  func logit() {
    let model = CandidateClassifier(bias: -1, weights: ["R1:说": 2, "score": 0.5])
    let features = [
      CandidateFeature("R1:说"), CandidateFeature("score", 2), CandidateFeature("unknown"),
    ]
    #expect(model.logit(features) == 2)
    #expect(model.logit([]) == -1)
  }

  @Test("a model file with a weight that is no number is refused at its line")
  func badWeight() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "name-classifier-\(UUID().uuidString).tsv"
    ).path
    try "feature\tweight\n(bias)\t0.5\nR1:说\tmany\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      _ = try CandidateClassifier.load(path: path)
    } throws: { error in
      (error as? QuotegraphError)?.line == 3
    }
    try "feature\tweight\n(bias)\t0.5\nR1:说\t1.25\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect(try CandidateClassifier.load(path: path) == .init(bias: 0.5, weights: ["R1:说": 1.25]))
  }

  @Test("scoring by hashed pieces agrees with the named features, whatever the characters")
  func hashedScoringAgrees() throws {
    // Weights for every feature the candidates have, so that any disagreement shows.
    for text in ["记者李文云报道", "王毅然决定离开。", "A2的𠀀李文云（Li）说", "向斯卢茨基•列昂尼德提问"] {
      let document = try tagger.document(for: text)
      let units = document.text.units
      var words = document.words
      // Every span of two to four units, by every method, with a few hand scores.
      let methods = ["surname-model", "transliteration", "gazetteer", "latin"]
      for start in units.indices where start + 2 <= units.count {
        for end in (start + 2)...min(units.count, start + 4) {
          for method in methods {
            let candidate = PersonFinder.Candidate(
              range: TextRange(start, end), score: Double(end - start * 2), method: method,
              cuts: start % 2 == 0)
            let named = finder.features(
              of: candidate, in: document.text.units, words: &words, growsGazetteerName: true)
            var weights: [String: Double] = [:]
            for (index, feature) in named.enumerated() { weights[feature.name] = Double(index + 1) }
            let model = CandidateClassifier(bias: 0.5, weights: weights)
            var score = FeatureScore(model, units: document.text.units)
            finder.describe(
              candidate, in: document.text.units, words: &words, growsGazetteerName: true,
              into: &score)
            #expect(abs(score.sum - model.logit(named)) < 1e-9, "\(text) \(candidate)")
          }
        }
      }
    }
  }

  @Test("a number piece hashes as String(_:) writes the number")
  func decimalPieces() {
    for number in [-120, -10, -3, -1, 0, 1, 5, 9, 10, 99, 100, 12_345, Int.max, Int.min] {
      var hash = FeatureWeights.basis
      FeatureScore.feed(decimal: number, &hash)
      #expect(hash == CandidateClassifier.key(String(number)), "\(number)")
    }
  }

  @Test("the weight table finds every key it holds and no other")
  func weightTable() {
    let keys = (0..<100).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
    let table = FeatureWeights(Dictionary(uniqueKeysWithValues: keys.map { ($0, Double($0 % 7)) }))
    for key in keys { #expect(table[key] == Double(key % 7)) }
    #expect(table[12345] == nil)
    #expect(FeatureWeights([:])[0] == nil)
  }

  @Test("classifier_floor drops candidates far below the threshold unweighed")
  func floor() throws {
    let document = try tagger.document(for: "记者李文云报道")
    var settings = finder.settings
    settings.classifierFloor = 2
    let floored = PersonFinder(
      settings: settings, data: finder.data, evidence: finder.evidence,
      classifier: finder.classifier)
    let threshold = settings.threshold
    let candidates = [
      PersonFinder.Candidate(range: TextRange(2, 5), score: threshold - 1, method: "surname-model"),
      PersonFinder.Candidate(range: TextRange(2, 4), score: threshold - 3, method: "surname-model"),
    ]
    var words = document.words
    var scored = candidates
    floored.classify(
      &scored, by: floored.classifier!, in: document.text.units, words: &words,
      personAt: [Int32](repeating: -1, count: document.text.units.count))
    #expect(scored.map(\.range) == [TextRange(2, 5)])
  }

  /// The ICU-word features as read from the whole text's words: the oracle for the features
  /// the classifier asks of the lazy word boundaries.
  func wholeTextWordFeatures(_ start: Int, _ end: Int, _ units: [UInt16], _ tokens: [Token])
    -> Set<String>
  {
    func token(containing offset: Int) -> Int? {
      tokens.firstIndex { $0.range.range.contains(offset) }
    }
    var names = Set<String>()
    let first = token(containing: start)
    let last = token(containing: end - 1)
    let startsToken = first.map { Int(tokens[$0].range.start) == start } ?? true
    let endsToken = last.map { Int(tokens[$0].range.end) == end } ?? true
    names.insert("edges:\(startsToken ? "S" : "s")\(endsToken ? "E" : "e")")
    if let first, let last {
      names.insert("tokens:s\(min(last - first + 1, 5))")
      if last == first && startsToken && endsToken { names.insert("one-word") }
      if end - start >= 3, let given = token(containing: end - 2),
        tokens[given].range == TextRange(end - 2, end)
      {
        names.insert("given-word:s")
      }
      if !endsToken {
        names.insert(
          "tail:" + String(decodingUTF16: units[end..<min(Int(tokens[last].range.end), end + 3)]))
      }
    }
    if startsToken, let first, first > 0, tokens[first - 1].range.length >= 2,
      Int(tokens[first - 1].range.end) == start
    {
      names.insert("LW:" + String(decodingUTF16: units[tokens[first - 1].range.range]))
    }
    if endsToken, let last, last + 1 < tokens.count, tokens[last + 1].range.length >= 2,
      Int(tokens[last + 1].range.start) == end
    {
      names.insert("RW:" + String(decodingUTF16: units[tokens[last + 1].range.range]))
    }
    return names
  }

  @Test(
    "the ICU-word features read from lazy word boundaries equal those of the whole text's words")
  func wordFeaturesMatchWholeText() throws {
    let prefixes = ["edges:", "tokens:", "one-word", "given-word:", "tail:", "LW:", "RW:"]
    for text in [
      "美国气候特使克里今天会见中国国家副主席韩正，王毅然决定离开。", "记者李文云报道，高新区长征火箭 Rick Scott说",
      "他的同事老李强调了这一点；克里姆林宫发言人佩斯科夫称",
    ] {
      let document = try tagger.document(for: text)
      let units = document.text.units
      let tokens = document.tokens
      var words = document.words
      for start in units.indices where start + 2 <= units.count && !Segmenter.isSpace(units[start])
      {
        for end in (start + 2)...min(units.count, start + 4)
        where !Segmenter.isSpace(units[end - 1]) {
          let candidate = PersonFinder.Candidate(
            range: TextRange(start, end), score: 0, method: "surname-model")
          let lazy = Set(
            finder.features(
              of: candidate, in: units, words: &words, growsGazetteerName: false
            ).map(\.name).filter { name in prefixes.contains { name.hasPrefix($0) } })
          #expect(
            lazy == wholeTextWordFeatures(start, end, units, tokens), "\(text) \(start)..<\(end)")
        }
      }
    }
  }

  @Test("a candidate's features: its shape, its neighbours, ICU's words and the context cues")
  func features() throws {
    let document = try tagger.document(for: "记者李文云报道")
    let candidate = PersonFinder.Candidate(
      range: TextRange(2, 5), score: finder.settings.threshold + 4, method: "surname-model")
    var words = document.words
    let features = finder.features(
      of: candidate, in: document.text.units, words: &words, growsGazetteerName: false)
    let names = Set(features.map(\.name))
    for expected in [
      "method:s", "len:s3", "first:s李", "first:李", "mid:s文", "last:s云", "last:云", "L1:者",
      "L2:记者", "R1:报", "R2:报道", "R1s:报", "L1s:者", "cue-before", "score-bin:s2",
    ] {
      #expect(names.contains(expected), "missing \(expected) in \(names.sorted())")
    }
    #expect(features.first { $0.name == "score" }?.value == 1)
    #expect(!names.contains("grows-gazetteer:s"))
    // The text's edges read as a sentence's end, in `tag` as in an article.
    let edge = finder.features(
      of: PersonFinder.Candidate(range: TextRange(0, 2), score: 0, method: "transliteration"),
      in: document.text.units, words: &words, growsGazetteerName: true)
    #expect(Set(edge.map(\.name)).isSuperset(of: ["L1:。", "method:t", "grows-gazetteer:t"]))
  }

  @Test("the model does not lift a name whose given name ICU reads as one word (王|毅然)")
  func givenWordVeto() throws {
    let document = try tagger.document(for: "王毅然决定离开。")
    let lifting = PersonFinder(
      settings: finder.settings, data: finder.data, evidence: finder.evidence,
      classifier: CandidateClassifier(bias: 10, weights: [:]))
    let threshold = finder.settings.threshold
    let candidates = [
      PersonFinder.Candidate(range: TextRange(0, 3), score: threshold - 1, method: "surname-model"),
      PersonFinder.Candidate(range: TextRange(0, 2), score: threshold - 1, method: "surname-model"),
    ]
    var words = document.words
    var scored = candidates
    lifting.classify(
      &scored, by: lifting.classifier!, in: document.text.units, words: &words,
      personAt: [Int32](repeating: -1, count: document.text.units.count))
    #expect(scored.map(\.score) == [threshold - 1, threshold + 10])
  }

  @Test("a gazetteer name the classifier drops still stops a name growing by the next word (王毅|与)")
  func droppedNameStillEnds() throws {
    // A model that drops every gazetteer person and keeps every other candidate.
    let dropping = PersonFinder(
      settings: finder.settings, data: finder.data, evidence: finder.evidence,
      classifier: CandidateClassifier(bias: 0, weights: ["method:g": -10]))
    let pipeline = try Pipeline(
      stages: Fixture.defaultPipeline.stages.map { $0 is PersonFinder ? dropping : $0 })
    let document = try Tagger(pipeline: pipeline).document(for: "中国外长王毅与印度外长会面。")
    let people = document.mentions.filter { document.entities[$0.entity].kind == .person }
    #expect(people.map { document.text[$0.range] } == ["王毅"])
  }

  @Test("`tag --candidates` lists each candidate with its offsets, method, score and features")
  func candidatesLine() throws {
    let line = try tagger.candidates("记者李文云报道")
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    #expect(object?["text"] as? String == "记者李文云报道")
    let candidates = object?["candidates"] as? [[String: Any]] ?? []
    let name = candidates.first { $0["start"] as? Int == 2 && $0["end"] as? Int == 5 }
    #expect(name?["method"] as? String == "surname-model")
    #expect((name?["features"] as? [String: Double])?["L2:记者"] == 1)
  }
}
