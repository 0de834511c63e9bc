import Foundation
import Testing

@testable import QuotegraphKit

@Suite("Article reader")
struct ArticleReaderTests {
  let reader = ArticleReader()

  @Test("header byte shortcuts answer as the Character searches they stand for")
  func headerByteShortcuts() {
    for line in [
      "title: 好", "key:", "k:\u{301}v", "a\r\n:b", "标题: 好", "no colon", "x :y", ":",
      "\u{600}:x", "a:b:c",
    ] {
      let text = line[...]
      let found = FrontMatter.firstColon(in: text)
      let expected = text.firstIndex(of: ":")
      #expect(found?.0 == expected, "\(line.debugDescription)")
      #expect(found?.1 == expected.map { text.index(after: $0) }, "\(line.debugDescription)")
    }
    for line in ["[a](b)", "[]()", "[ab)", "[\u{600}abc", "abc)", "\r\nab)", "[é\u{301}ab)", "ab"] {
      let text = line[...]
      #expect(
        ArticleReader.hasFourCharacters(text)
          == (text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) != nil),
        "\(line.debugDescription)")
    }
    for url in ["https://x.org/a b", "https://x.org/", "中 文", ""] {
      #expect(ArticleReader.containsSpace(url[...]) == url.contains(" "), "\(url.debugDescription)")
    }
  }

  @Test("the seed article: url, title, published as ISO 8601 UTC, source")
  func seedHeader() throws {
    let document = try reader.read(Fixture.bytes(Paths.seedArticle), source: "seed.txt")
    let article = document.article
    #expect(article.title == "克里见韩正 提气候归气候 政治归政治")
    #expect(article.url.hasPrefix("https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20230719-"))
    #expect(article.published == "2023-07-19T08:45:09Z")
    #expect(article.source == "seed.txt")
    #expect(article.layout == .exact)
    #expect(article.bodyLine == 5)
    #expect(document.body.hasPrefix("<div>19/07/2023 - 10:40</div>"))
  }

  @Test("Jekyll front matter: outlet from categories, from: URL, timestamp wins over date")
  func frontMatter() throws {
    let text = """
      ---
      layout: post
      title: "青年呼吁重启&quot;星期五为未来&quot;保护气候活动"
      date: 2020-09-25T14:56:05.000Z
      author: 法广
      from: http://www.rfi.fr//cn/政治/20200925-x
      tags: [ 法广 ]
      categories: [ 法广 ]
      ---
      <!--1601045765000-->
      [青年呼吁重启&quot;星期五为未来&quot;保护气候活动](http://www.rfi.fr//cn/%E6%94%BF/x)
      ------

      <div>
      <p>正文</p>
      </div>
      """
    let article = try reader.parse(text, source: "a.md").article
    #expect(article.title == "青年呼吁重启\"星期五为未来\"保护气候活动")
    #expect(article.url == "http://www.rfi.fr//cn/%E6%94%BF/x")
    #expect(article.fromURL == "http://www.rfi.fr//cn/政治/20200925-x")
    #expect(article.outlet == "法广")
    #expect(article.author == nil)
    #expect(article.published == "2020-09-25T14:56:05Z")
    #expect(article.layout == .frontMatter)
  }

  @Test("a byline in author differs from the outlet and is kept")
  func byline() throws {
    let text =
      "---\ntitle: \"t\"\ndate: 2020-08-05T20:54:02.000Z\nauthor: 大号冲塔\ncategories: [ 中国数字时代 ]\n---\n<!--1596660842000-->\n[t](https://x.org/1)\n------\n\n<div>\n</div>\n"
    let article = try reader.parse(text, source: "a.md").article
    #expect(article.outlet == "中国数字时代")
    #expect(article.author == "大号冲塔")
  }

  @Test("front matter without the exact header (Nei.st): title, from: and date")
  func headerlessFrontMatter() throws {
    let text = """
      ---
      layout: post
      title: "场边淘金"
      date: 2020-04-12T09:58:18+01:00
      author: Nei.st
      from: https://nei.st/medium/economist/hoarding-cash
      ---
      <article><p>正文</p></article>
      """
    let document = try reader.parse(text, source: "n.md")
    #expect(document.article.title == "场边淘金")
    #expect(document.article.url == "https://nei.st/medium/economist/hoarding-cash")
    #expect(document.article.published == "2020-04-12T08:58:18Z")
    #expect(document.article.layout == .frontMatterOnly)
    #expect(document.body.hasPrefix("<article>"))
  }

  @Test(
    "title links with nested or odd brackets",
    arguments: [
      (
        "[[國際] 蓬佩奧：國際與中國往來的情勢正在改變](https://www.rti.org.tw/news/view/id/2074189)",
        "[國際] 蓬佩奧：國際與中國往來的情勢正在改變", "https://www.rti.org.tw/news/view/id/2074189"
      ),
      (
        "[蔡總統外送遲到的飲料[影]](https://www.cna.com.tw/news/1.aspx)",
        "蔡總統外送遲到的飲料[影]", "https://www.cna.com.tw/news/1.aspx"
      ),
      ("[a ] b](https://x.org/(1))", "a ] b", "https://x.org/(1)"),
      ("[](https://x.org/)", "", "https://x.org/"),
    ])
  func titleLinks(line: String, title: String, url: String) throws {
    let parsed = try #require(ArticleReader.parseTitleLink(line[...]))
    #expect(parsed.title == title)
    #expect(parsed.url == url)
  }

  @Test("property: any title without `](` survives the title line round trip")
  func titleLinkRoundTrip() throws {
    var generator = SplitMix64(seed: 42)
    let alphabet = Array("[]()（）「」克里见韩正 ab&;#\"'·.:/-")
    for _ in 0..<2000 {
      let length = Int.random(in: 0..<24, using: &generator)
      var title = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
      while title.contains("](") { title = title.replacing("](", with: "]") }
      let url = "https://example.org/" + String(Int.random(in: 0..<1000, using: &generator))
      let parsed = try #require(ArticleReader.parseTitleLink("[\(title)](\(url))"[...]))
      #expect(parsed.title == title)
      #expect(parsed.url == url)
    }
  }

  @Test(
    "the title line's `](` is a pair of Characters: a prepending or combining mark beside it hides it",
    arguments: [
      ("[标题](https://x.org/1)", "标题"),
      ("[标题\u{0600}](https://x.org/1)", nil),
      ("[标题](\u{0301}https://x.org/1)", nil),
      ("[a](b)标题\u{0600}](https://x.org/1)", "a"),
      ("[é](https://x.org/1)", "é"),
    ] as [(String, String?)])
  func titleLinkCharacters(line: String, title: String?) {
    #expect(ArticleReader.parseTitleLink(line[...])?.title == title)
  }

  @Test("property: the title line splits where a search over Characters splits it")
  func titleLinkMatchesCharacterSearch() {
    var generator = SplitMix64(seed: 9)
    let alphabet = Array("[]()标题ab \u{0600}\u{0301}\u{200D}".unicodeScalars)
    for _ in 0..<3000 {
      let length = Int.random(in: 0..<16, using: &generator)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length { scalars.append(alphabet.randomElement(using: &generator)!) }
      let line = "[" + String(scalars) + "](https://x.org/1)"
      let expected: String? = {
        guard line.first == "[", line.last == ")", line.count >= 4 else { return nil }
        let body = line.dropFirst().dropLast()
        guard let separator = body.ranges(of: "](").last,
          !body[separator.upperBound...].trimmingASCIISpaces().contains(" ")
        else { return nil }
        return String(body[..<separator.lowerBound])
      }()
      #expect(
        ArticleReader.parseTitleLink(line[...])?.title == expected, "\(line.debugDescription)")
    }
  }

  @Test("property: trimming ASCII spaces from the bytes trims the same Characters")
  func trimmingMatchesCharacters() {
    var generator = SplitMix64(seed: 11)
    let alphabet = Array(" \t\r\na中\u{0301}\u{0600}".unicodeScalars)
    func byCharacter(_ text: Substring) -> Substring {
      let spaces: Set<Character> = [" ", "\t", "\r"]
      return text.drop(while: spaces.contains).reversed().drop(while: spaces.contains)
        .reversed().reduce(into: "") { $0.append($1) }[...]
    }
    for _ in 0..<3000 {
      let length = Int.random(in: 0..<10, using: &generator)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length { scalars.append(alphabet.randomElement(using: &generator)!) }
      let text = String(scalars)[...]
      #expect(text.trimmingASCIISpaces() == byCharacter(text), "\(text.debugDescription)")
      #expect(
        text.trimmingASCIISpaces().unicodeScalars.elementsEqual(byCharacter(text).unicodeScalars))
    }
  }

  @Test("front matter is read up to its closing line however long the body")
  func frontMatterBeforeLongBody() throws {
    let body = String(repeating: "<p>行</p>\n---\n", count: 300)
    let text =
      "---\ntitle: \"t\"\ndate: 2020-08-05T20:54:02.000Z\n---\n[t](https://x.org/1)\n------\n\n"
      + body
    let document = try reader.parse(text, source: "a.md")
    #expect(document.article.title == "t")
    #expect(document.body == body)
  }

  @Test("property: random bytes are read or rejected, never crash")
  func randomBytesNeverCrash() {
    var generator = SplitMix64(seed: 7)
    let pieces: [[UInt8]] = [
      Array("<!--1689756309000-->\n".utf8), Array("[标题](https://x.org)\n".utf8),
      Array("------\n".utf8), Array("---\n".utf8), Array("title: \"x\"\n".utf8),
      Array("<p>“他说”</p>".utf8), [0xE4, 0xB8], [0xFF], [0x00], [0x0A], Array("<div".utf8),
    ]
    for _ in 0..<3000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0..<10, using: &generator) {
        bytes += pieces.randomElement(using: &generator) ?? []
      }
      do {
        var document = try reader.read(bytes, source: "random")
        try Fixture.defaultPipeline.process(&document)
      } catch {
        #expect(!error.message.isEmpty)
        #expect(error.file == "random")
      }
    }
  }

  @Test(
    "bad inputs are rejected with a reason and a line",
    arguments: [
      ("", "input.empty", nil as Int?),
      ("just some text\nwithout a header\n", "input.no-header", 1),
      ("<!--1689756309000-->\nno title line here\n", "input.title-link", 2),
      ("<!--not-a-number-->\n[t](https://x.org)\n", "input.timestamp", 1),
      ("---\ntitle: \"never closed\"\n<p>body</p>\n", "input.front-matter", 1),
      ("[t](https://x.org)\n------\n<p>no date anywhere</p>\n", "input.no-date", 1),
    ])
  func rejected(text: String, code: String, line: Int?) {
    let error = #expect(throws: QuotegraphError.self) {
      try reader.read(Array(text.utf8), source: "bad.md")
    }
    #expect(error?.code == code)
    #expect(error?.line == line)
    #expect(error?.file == "bad.md")
  }

  @Test("a header with no body is an article with no text")
  func headerOnly() throws {
    let document = try Fixture.process("<!--1689756309000-->\n[只有标题](https://x.org/h)\n------\n")
    #expect(document.article.title == "只有标题")
    #expect(document.text.isEmpty)
    #expect(document.records.count == 1)
  }

  @Test("binary garbage is rejected as binary")
  func binaryGarbage() {
    var generator = SplitMix64(seed: 99)
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let error = #expect(throws: QuotegraphError.self) {
      try reader.read(bytes, source: "garbage.bin")
    }
    #expect(error?.code == "input.binary")
  }

  @Test("CRLF line endings read like LF")
  func crlf() throws {
    let text = "<!--1689756309000-->\r\n[标题](https://x.org/c)\r\n------\r\n\r\n<p>正文</p>\r\n"
    let document = try Fixture.process(text)
    #expect(document.article.url == "https://x.org/c")
    #expect(document.text.string == "正文")
  }

  @Test("a 50 MB line is refused before parsing, naming the limit")
  func hugeLine() {
    var bytes = Array("<!--1689756309000-->\n[t](https://x.org)\n------\n\n<p>".utf8)
    bytes += [UInt8](repeating: 0x41, count: 50 << 20)
    let error = #expect(throws: QuotegraphError.self) {
      try reader.read(bytes, source: "huge.md")
    }
    #expect(error?.code == "input.too-large")
    #expect(error?.message.contains("50.0 MiB") == true)
  }

  @Test("a long single-line body under the limit is read in full")
  func longLine() throws {
    let paragraph = "<p>" + String(repeating: "克里说，气候问题很重要。", count: 5_000) + "</p>"
    let document = try Fixture.process(Fixture.article(body: paragraph))
    #expect(document.paragraphs.count == 1)
    #expect(document.sentences.count == 5_000)
  }
}

@Suite("Text decoding")
struct TextDecoderTests {
  @Test(
    "legacy Chinese encodings are detected and converted; others are refused",
    arguments: [
      ("gb18030.md", "GB18030", "中国外交部回应美国制裁"),
      ("big5.md", "Big5", "外交部回應美國制裁"),
      ("utf8-bom.md", "UTF-8", "中国外交部回应美国制裁"),
    ])
  func legacyEncodings(file: String, encoding: String, title: String) throws {
    let document = try ArticleReader().read(
      Fixture.bytes(Paths.fixtures + "/encodings/" + file), source: file)
    #expect(document.article.encoding == encoding)
    #expect(document.article.title == title)
  }

  @Test("Shift_JIS is an error naming the first bad byte's line, not a guess")
  func shiftJIS() throws {
    let bytes = try Fixture.bytes(Paths.fixtures + "/encodings/shift-jis.md")
    let error = #expect(throws: QuotegraphError.self) {
      try ArticleReader().read(bytes, source: "sjis.md")
    }
    #expect(error?.code == "input.encoding")
    #expect(error?.line == 2)
    #expect(error?.message.contains("Shift_JIS") == true)
  }

  @Test("UTF-16 with a byte-order mark is refused with advice")
  func utf16() {
    let bytes: [UInt8] =
      [0xFF, 0xFE] + Array("<!--1-->".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let error = #expect(throws: QuotegraphError.self) { try TextDecoder.decode(bytes) }
    #expect(error?.code == "input.encoding")
  }

  @Test("a sprinkling of controls means binary, with the first one's line; a few are text")
  func controls() throws {
    let text = "line one\nline two\u{1}" + String(repeating: "a\u{2}", count: 70)
    let error = #expect(throws: QuotegraphError.self) { try TextDecoder.decode(Array(text.utf8)) }
    #expect(error?.code == "input.binary")
    #expect(error?.line == 2)
    #expect(error?.message.contains("71 control characters") == true)
    let few = "\u{1}" + String(repeating: "正文\t\n", count: 100)
    #expect(try TextDecoder.decode(Array(few.utf8)).text == few)
  }

  @Test("a NUL byte means binary, with its line")
  func nul() {
    let error = #expect(throws: QuotegraphError.self) {
      try TextDecoder.decode(Array("line one\nline two\0".utf8))
    }
    #expect(error?.code == "input.binary")
    #expect(error?.line == 2)
  }
}

@Suite("Timestamps")
struct TimestampTests {
  @Test func seedTimestamp() {
    #expect(Timestamp.iso8601(epochMilliseconds: 1_689_756_309_000) == "2023-07-19T08:45:09Z")
    #expect(Timestamp.iso8601(epochMilliseconds: 0) == "1970-01-01T00:00:00Z")
    #expect(Timestamp.iso8601(epochMilliseconds: 951_782_400_000) == "2000-02-29T00:00:00Z")
  }

  @Test(
    arguments: [
      ("2020-07-22T10:55:23.000Z", "2020-07-22T10:55:23Z"),
      ("2020-04-12T09:58:18+01:00", "2020-04-12T08:58:18Z"),
      ("2020-07-22 10:55:23 +0800", "2020-07-22T02:55:23Z"),
      ("2020-07-22", "2020-07-22T00:00:00Z"),
    ])
  func iso8601(input: String, expected: String) throws {
    let seconds = try #require(Timestamp.parseISO8601(input))
    #expect(Timestamp.iso8601(epochSeconds: seconds) == expected)
  }

  @Test func rfc2822() throws {
    let seconds = try #require(Timestamp.parseRFC2822("Thu, 02 Jul 2020 18:28:24 +0000"))
    #expect(Timestamp.iso8601(epochSeconds: seconds) == "2020-07-02T18:28:24Z")
  }

  @Test("property: formatting then parsing gives the same instant")
  func roundTrip() throws {
    var generator = SplitMix64(seed: 2023)
    for _ in 0..<5000 {
      let seconds = Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)
      let text = Timestamp.iso8601(epochSeconds: seconds)
      #expect(Timestamp.parseISO8601(text) == seconds)
    }
  }

  @Test(
    "malformed dates are nil, not a crash",
    arguments: ["", "2020", "2020-13-01", "2020-01-01T25:00", "yesterday", "2020-01-01T10:00:00+9"])
  func malformed(input: String) {
    #expect(Timestamp.parseISO8601(input) == nil)
  }
}
