import Testing

@testable import QuotegraphKit

@Suite("Segmenter")
struct SegmenterTests {
  func sentences(_ body: String) throws -> [String] {
    let document = try Fixture.process(Fixture.article(body: body))
    return document.sentences.map { document.text[$0.range] }
  }

  @Test(
    "sentence rules, one row each",
    arguments: [
      // 。！？ end sentences and stay with them.
      ("<p>甲说了。乙问？丙喊！</p>", ["甲说了。", "乙问？", "丙喊！"]),
      // A closing ” stays with the sentence it ends.
      ("<p>他说：“我们会做。”她点头。</p>", ["他说：“我们会做。”", "她点头。"]),
      // An opening “ is not hung on the previous sentence.
      ("<p>克里称。“我们有能力改变。”</p>", ["克里称。", "“我们有能力改变。”"]),
      // A closed quotation spanning sentences is not cut.
      ("<p>“第一句。第二句！第三句？”他告诉韩。</p>", ["“第一句。第二句！第三句？”", "他告诉韩。"]),
      // An unclosed quotation does not swallow the rest of the paragraph.
      ("<p>发出了“积极信号。下一句话。</p>", ["发出了“积极信号。", "下一句话。"]),
      // ；does not end a sentence by default.
      ("<p>甲表示，前者如此；后者亦然。</p>", ["甲表示，前者如此；后者亦然。"]),
      // An initial's full stop ends no sentence, nor does an abbreviation's of the pipeline.
      (
        "<p>国务卿戴维·R·史迪威(David R. Stilwell)表示，这违法。参议员鲁比奥（Sen. Marco Rubio）说。</p>",
        ["国务卿戴维·R·史迪威(David R. Stilwell)表示，这违法。", "参议员鲁比奥（Sen. Marco Rubio）说。"]
      ),
      // A Latin sentence's full stop still ends it.
      ("<p>He said so. Then he left.</p>", ["He said so.", "Then he left."]),
      // Paragraph ends are sentence ends.
      ("<p>没有句号</p><p>第二段</p>", ["没有句号", "第二段"]),
    ])
  func rule(body: String, expected: [String]) throws {
    #expect(try sentences(body) == expected)
  }

  @Test("split_on_semicolon makes ； a sentence end")
  func semicolonOption() throws {
    let segmenter = try Segmenter(settings: .init(splitOnSemicolon: true))
    var document = try ArticleReader().parse(
      Fixture.article(body: "<p>前者如此；后者亦然。</p>"), source: "s")
    try HTMLCleaner(rules: .init(droppedElements: [])).process(&document)
    try segmenter.process(&document)
    #expect(document.sentences.map { document.text[$0.range] } == ["前者如此；", "后者亦然。"])
  }

  @Test("quotation spans: marks, nesting, unclosed and stray closers")
  func quotations() throws {
    let document = try Fixture.process(
      Fixture.article(
        body: "<p>他说“外面‘里面’外面”，又说「台灣」和『書』。东西，”她表示\"straight\"</p><p>“未闭合</p>"))
    let spans = document.quotations.map { (document.text[$0.inner], $0.isClosed, $0.depth) }
    #expect(spans.map(\.0) == ["外面‘里面’外面", "里面", "台灣", "書", "straight", "未闭合"])
    #expect(spans.map(\.1) == [true, true, true, true, true, false])
    #expect(spans.map(\.2) == [0, 1, 0, 0, 0, 0])
  }

  @Test("tokens carry offsets into the clean text and skip whitespace")
  func tokens() throws {
    let document = try Fixture.process(Fixture.article(body: "<p>美国气候特使克里 COP28 会见韩正。</p>"))
    let tokens = document.tokens.map { document.text[$0.range] }
    #expect(tokens.contains("COP28"))
    #expect(!tokens.contains(" "))
    #expect(tokens.joined() == "美国气候特使克里COP28会见韩正。")
    #expect(document.tokens.last?.kind == .punctuation)
  }

  @Test("every sentence lies in its paragraph and sentences do not overlap")
  func sentenceInvariants() throws {
    let document = try ArticleReader().read(Fixture.bytes(Paths.seedArticle), source: "seed")
    var processed = document
    try Fixture.defaultPipeline.process(&processed)
    var previousEnd: Int32 = 0
    for sentence in processed.sentences {
      let paragraph = processed.paragraphs[Int(sentence.paragraph)]
      #expect(paragraph.range.contains(sentence.range))
      #expect(sentence.range.start >= previousEnd)
      previousEnd = sentence.range.end
    }
    #expect(processed.sentences.count == 22)
    let quote = try #require(
      processed.quotations.first { processed.text[$0.inner].hasPrefix("如果我们能够") })
    let index = try #require(processed.sentenceIndex(containing: quote.range.start))
    #expect(processed.sentences[index].range.contains(quote.range))
  }
}
