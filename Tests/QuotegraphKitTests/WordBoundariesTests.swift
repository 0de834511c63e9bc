import Foundation
import ICUText
import Testing

@testable import QuotegraphKit

@Suite("Word boundaries, clause by clause")
struct WordBoundariesTests {
  func lazyWords(_ text: String) throws -> WordBoundaries {
    WordBoundaries(
      units: Array(text.utf16), breaker: IteratorPool(try BreakIterator(.word, locale: "zh")),
      pairs: CJKDictionaryPairs.system, splitter: CJKDictionarySplitter.system)
  }

  /// What ICU finds over the whole text at once.
  func wholeTextWords(_ text: String) throws -> [Token] {
    let units = Array(text.utf16)
    return try BreakIterator(.word, locale: "zh").segments(of: units).compactMap {
      Segmenter.token(for: $0, in: units)
    }
  }

  @Test(
    "the words of each clause are the words of the whole text",
    arguments: [
      "美国气候特使克里今天会见中国国家副主席韩正。他说：“我们有能力改变。”",
      "COP28会议上，G20的1,000.5亿美元、don't和U.S.A.都在；克里姆林宫\n李强调研",
      "e\u{301}和字\u{FE01}，\u{200D}后来。韩正在北京，王毅会见了布林肯(Antony Blinken)。",
      "全角ＡＢＣ１２３，日本語のカタカナ、한국어와 漢字。  两个空格  ，“引号”！？",
    ])
  func sameAsWholeText(text: String) throws {
    var words = try lazyWords(text)
    let lazy = words.allTokens()
    #expect(lazy == (try wholeTextWords(text)))
  }

  @Test("random mixes of scripts, numbers, marks and punctuation break as the whole text does")
  func randomMixes() throws {
    let pieces = [
      "韩正", "在", "克里姆林宫", "，", "。", "、", "：", "“", "”", "（", "）", "《", "》", "\n", " ",
      "COP28", "1,000.5", "don't", "U.S.", "e\u{301}", "\u{200D}", "\u{FE0F}", "カタカナ", "의",
      "👍🏽", "！", "？", "；", "李强调研", "还说", "今天是", "·", "列昂尼德•斯卢茨基",
      "2020年", "—", "…", "‘", "’", "‧", "％", "２０", "Ｆ", "〇", "々", "ー", "　", "_", "'", ".",
      "中华人民共和国", "发言人汪文斌", "\u{F900}", "\u{20000}", "ｶﾞ", "한",
    ]
    var generator = SplitMix64(seed: 20_261_124)
    for _ in 0..<1000 {
      let count = Int(generator.next() % 12) + 1
      let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
        .joined()
      try expectSameWordsAndAnswersAsWholeText(text)
    }
  }

  @Test(
    "a fullwidth comma or semicolon between digits stays inside the number, as ICU keeps it",
    arguments: [
      "收入20，20年后", "２０；２０人", "1，000和１，０００", "第20；30号", "20，美国", "美国，20", "٣，٤",
      "20，，20", "２０；ａ",
    ])
  func fullwidthSeparatorsBetweenDigits(text: String) throws {
    try expectSameWordsAndAnswersAsWholeText(text)
  }

  @Test(
    "brackets, quotation marks, line breaks and lone punctuation beside Han break as the whole text does",
    arguments: [
      "香港《明报》报道，", "他说「我们会来」。", "中国\n美国\r\n日本\r韩国", "〔注〕〝引号〞〜完【北京】电",
      "『书名』、“引文”：（注）", "，。：；、·",
    ])
  func bracketsBesideHan(text: String) throws {
    try expectSameWordsAndAnswersAsWholeText(text)
  }

  @Test("asking about one offset breaks only the stretch of its clause around it")
  func onlyTheAskedStretch() throws {
    var words = try lazyWords("中国外交部，发言人汪文斌表示。美国国务院")
    #expect(words.tokensFound.isEmpty)
    let asked = words.token(at: 8)
    let word = try #require(asked)
    #expect(word.kind == .ideograph)
    #expect(words.tokensFound.allSatisfy { 6 <= $0.range.start && $0.range.end <= 15 })
    #expect(words.tokensFound.map(\.range.start).min() == 6)
    // No dictionary word holds 人汪, so ICU splits there whatever follows.
    #expect(words.tokensFound.map(\.range.end).max() == 9)
    let starts = words.startsWord(at: 6)
    let ends = words.endsWord(at: 15)
    #expect(starts && ends)
    #expect(!words.tokensFound.contains { $0.range.start == 0 })
  }

  @Test("whitespace and positions outside the text have no word")
  func noWord() throws {
    var words = try lazyWords("甲 乙")
    let space = words.token(at: 1)
    let before = words.token(at: -1)
    let after = words.token(at: 3)
    #expect(space == nil && before == nil && after == nil)
    let endsAtEnd = words.endsWord(at: 3)
    let endsAtStart = words.endsWord(at: 0)
    #expect(endsAtEnd && !endsAtStart)
  }

  @Test("an unsegmented document has no words")
  func empty() {
    var words = WordBoundaries()
    let first = words.token(at: 0)
    let all = words.allTokens()
    #expect(first == nil && all.isEmpty)
    #expect(words.failure == nil)
  }

  /// Every boundary question answered without breaking a clause agrees with ICU over the
  /// whole text.
  /// The words broken stretch by stretch, and every word question, are those of ICU over the
  /// whole text.
  func expectSameWordsAndAnswersAsWholeText(_ text: String) throws {
    var words = try lazyWords(text)
    let lazy = words.allTokens()
    #expect(lazy == (try wholeTextWords(text)), "\(text.debugDescription)")
    try expectAnswersMatchWholeText(text)
  }

  func expectAnswersMatchWholeText(_ text: String) throws {
    let units = Array(text.utf16)
    let whole = try wholeTextWords(text)
    var wordAt = [Int](repeating: -1, count: units.count)
    for (index, word) in whole.enumerated() {
      for offset in word.range.range { wordAt[offset] = index }
    }
    var words = try lazyWords(text)
    for offset in 0...units.count {
      let joined =
        offset > 0 && offset < units.count && wordAt[offset] >= 0
        && wordAt[offset] == wordAt[offset - 1]
      let starts = offset < units.count && wordAt[offset] >= 0 && !joined
      let ends = offset > 0 && wordAt[offset - 1] >= 0 && !joined
      let answers = (
        words.joins(at: offset), words.startsWord(at: offset), words.endsWord(at: offset)
      )
      #expect(answers == (joined, starts, ends), "\(text.debugDescription) at \(offset)")
    }
    for start in 0..<units.count {
      for end in (start + 1)...min(units.count, start + 4) {
        let one = wordAt[start] >= 0 && whole[wordAt[start]].range == TextRange(start, end)
        let answer = words.isOneWord(start, end)
        #expect(answer == one, "\(text.debugDescription) \(start)..<\(end)")
      }
    }
  }

  @Test("joins, word starts and ends, and one-word spans agree with ICU on the sample articles")
  func answersOnSampleArticles() throws {
    #expect((CJKDictionaryPairs.system?.wordCount ?? 0) > 100_000)
    let files = try FileManager.default.contentsOfDirectory(atPath: Paths.sample).sorted()
    for file in files.prefix(4) {
      let document = try Fixture.process(
        String(decoding: try Fixture.bytes(Paths.sample + "/" + file), as: UTF8.self),
        source: file)
      try expectAnswersMatchWholeText(String(document.text.string.prefix(1500)))
    }
  }

  /// The ends of ICU's words in a run of Han characters, by the splitter and by ICU.
  func splitBothWays(_ run: [UInt16]) throws -> (splitter: [Int32], icu: [Int32]) {
    let splitter = try #require(CJKDictionarySplitter.system)
    var ends: [Int32] = []
    #expect(splitter.forEachWordEnd(in: run, 0..<run.count) { ends.append($0) })
    let icu = try BreakIterator(.word, locale: "zh").segments(of: run)
    #expect(icu.allSatisfy { WordKind(ruleStatus: $0.ruleStatus) == .ideograph })
    return (ends, icu.map(\.end))
  }

  @Test("the dictionary splitter splits runs of Han as ICU does: sample articles, random runs")
  func splitterAgreesWithICU() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Paths.sample).sorted()
    var runs = 0
    for file in files {
      let document = try Fixture.process(
        String(decoding: try Fixture.bytes(Paths.sample + "/" + file), as: UTF8.self),
        source: file)
      var run: [UInt16] = []
      for unit in document.text.units + [0x3002] {
        if unit.isIdeograph {
          run.append(unit)
          continue
        }
        if !run.isEmpty {
          let (splitter, icu) = try splitBothWays(run)
          #expect(splitter == icu, "\(String(decoding: run, as: UTF16.self))")
          runs += 1
        }
        run = []
      }
    }
    #expect(runs > 100)
    // Runs of characters from many words, glued where the dictionary has no word: ties and
    // unknown characters.
    let pool = Array("中华人民共和国外交部发言人汪文斌表示美国国务卿蓬佩奥韩正会见克里姆林宫的了是在和与一二三龘靐齉㐀㐁鿏".utf16)
    var generator = SplitMix64(seed: 20_261_202)
    for _ in 0..<500 {
      let run = (0..<(Int(generator.next() % 30) + 1)).map { _ in
        pool[Int(generator.next() % UInt64(pool.count))]
      }
      let (splitter, icu) = try splitBothWays(run)
      #expect(splitter == icu, "\(String(decoding: run, as: UTF16.self))")
    }
  }

  @Test("the dictionary splitter takes Han characters of the BMP only")
  func splitterRefusesOthers() throws {
    let splitter = try #require(CJKDictionarySplitter.system)
    for text in ["中a", "カタカナ", "中\u{F900}", "中\u{20000}", "々", "한국"] {
      #expect(!splitter.forEachWordEnd(in: Array(text.utf16), 0..<text.utf16.count) { _ in })
    }
  }

  @Test("the dictionary's pairs hold every pair ICU keeps in one word")
  func dictionaryPairs() throws {
    let pairs = try #require(CJKDictionaryPairs.system)
    for word in ["强调", "克里姆林宫", "今天", "中华人民共和国", "还说"] {
      let units = Array(word.utf16)
      for index in 1..<units.count {
        #expect(pairs.mayHold(units[index - 1], units[index]), "\(word)")
      }
    }
  }
}
