import Testing

@testable import QuotegraphKit

@Suite("HTML cleaner")
struct HTMLCleanerTests {
  let cleaner: HTMLCleaner = {
    let stage = Fixture.defaultPipeline.stages.first { $0 is HTMLCleaner }
    guard let stage = stage as? HTMLCleaner else { fatalError("default pipeline has no cleaner") }
    return stage
  }()

  func paragraphs(_ html: String) -> [String] {
    let (text, paragraphs) = cleaner.clean(html)
    return paragraphs.map { text[$0.range] }
  }

  @Test(
    "one rule per row: html in, paragraphs out",
    arguments: [
      ("<p>第一段</p><p>第二段</p>", ["第一段", "第二段"]),
      ("<div><p>  多个   空格 \n 合并 </p></div>", ["多个 空格 合并"]),
      ("<p>甲<br>乙</p>", ["甲", "乙"]),
      // A space after a name's middle dot would cut the name; other spaces stay.
      (
        "<p>主席迈克尔· 麦考尔说，丹尼斯•&nbsp;穆克维格、新闻 · 体育、A· B</p>",
        ["主席迈克尔·麦考尔说，丹尼斯•穆克维格、新闻 · 体育、A· B"]
      ),
      (
        "<p>&quot;引号&quot; &amp; &#20013;&#x6587; &nbsp;x&unknown; &lt;b&gt;</p>",
        ["\"引号\" & 中文 x&unknown; <b>"]
      ),
      ("<p>a<script>var x = \"<p>not text</p>\";</script>b</p>", ["ab"]),
      ("<p>正文<span data-root-share><a>分享</a></span>续</p>", ["正文续"]),
      ("<style>p { color: red }</style><p>正文</p>", ["正文"]),
      ("<p>正文</p><div data-selfpromo-newsletter><p>订阅</p></div>", ["正文"]),
      ("<div><div>分享 :</div><div><a href=\"x\"><span></span></a></div></div>", []),
      // A copyright notice is no article text (DW's 版权声明 read as a statement of 声明).
      (
        "<p>正文</p><p><em>© 2020年德国之声版权声明：本文所有内容受到著作权法保护。</em></p><p>续</p>",
        ["正文", "续"]
      ),
      (
        "<p>正文</p><p><em>德国之声致力于为您提供客观中立的新闻报道，以及展现多种角度的评论分析。</em></p>",
        ["正文"]
      ),
      (
        "<p>正文</p><br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\">https://feedx.net</a></div>",
        ["正文"]
      ),
      (
        "<p>a</p><div class=\"dfp-tag-wrapper x\"><div class=\"dfp-tag-wrapper\">ad</div></div><p>b</p>",
        ["a", "b"]
      ),
      ("<p>未闭合的段落<p>下一段", ["未闭合的段落", "下一段"]),
      ("<p>截断的标签 <a href=\"http://x", ["截断的标签"]),
      ("<p>a < b 和 c<1</p>", ["a < b 和 c<1"]),
      ("<!-- 注释 --><p>正文</p><!-- 未闭合的注释", ["正文"]),
      ("<p title=\"a > b\">属性里的尖括号</p>", ["属性里的尖括号"]),
      ("<P CLASS=x>大写标签</P>", ["大写标签"]),
      ("<div><svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><text>图</text></svg>文字</div>", ["文字"]),
      ("", []),
      ("<div>\n\n</div>", []),
      ("<div class=\"x\tshare\">去掉</div><p>留</p>", ["留"]),
      // CR LF is one Character, so no separator: the one class is not `share`.
      ("<div class=\"ad\r\nshare\">留下</div>", ["留下"]),
      ("<div class=\"share\"><div>里</div>仍在里面</div><p>外</p>", ["外"]),
      ("<SCRIPT>x = '</p>'</ScRiPt>正文", ["正文"]),
      ("<p>甲&nbsp;&#x3000;乙\u{3000}丙\u{A0}丁\t</p>", ["甲 乙 丙 丁"]),
      ("<dív>未知元素</dív><p>段</p>", ["未知元素", "段"]),
    ])
  func rule(html: String, expected: [String]) {
    #expect(paragraphs(html) == expected)
  }

  @Test("rule names that are not ASCII compare as Strings do, by canonical equivalence")
  func rulesBeyondASCII() {
    let cleaner = HTMLCleaner(
      rules: .init(droppedElements: ["di\u{301}v"], droppedClasses: ["é"]))
    let (text, _) = cleaner.clean(
      "<dív>去<dív>掉</dív>去</dív><p>留</p><span class=\"e\u{301}\">去</span><p>也留</p>")
    #expect(text.string == "留\n也留")
  }

  @Test("captions are their own paragraphs, kept apart from the body")
  func captions() {
    let html = """
      <div><i>Sat, 18 Jul 2020 02:13:44 GMT</i></div><img src="x.jpg"><div><small style="color: #999;">资料照：美国国旗</small></div><p>美国政府可能禁止抖音。</p><figure><img src="y.jpg"><figcaption>李登辉 ©Getty Images</figcaption></figure><h2>出生</h2><p>正文。</p>
      """
    let (text, paragraphs) = cleaner.clean(html)
    #expect(paragraphs.map(\.kind) == [.dateline, .caption, .body, .caption, .heading, .body])
    #expect(text[paragraphs[1].range] == "资料照：美国国旗")
    #expect(text[paragraphs[3].range] == "李登辉 ©Getty Images")
  }

  @Test("paragraph offsets address the clean text, joined by single newlines")
  func offsets() {
    let (text, paragraphs) = cleaner.clean("<p>克里说</p><p>𠀋字在BMP之外</p><p>末段</p>")
    #expect(text.string == "克里说\n𠀋字在BMP之外\n末段")
    for paragraph in paragraphs {
      #expect(!text[paragraph.range].isEmpty)
    }
    #expect(text[paragraphs[2].range] == "末段")
    // 𠀋 is two UTF-16 units but one character.
    #expect(text.scalarOffset(paragraphs[2].range.start) == 13)
    #expect(paragraphs[2].range.start == 14)
  }

  @Test("the seed article's share block and newsletter widgets are gone")
  func seedWidgets() throws {
    let document = try ArticleReader().read(Fixture.bytes(Paths.seedArticle), source: "seed")
    let (text, paragraphs) = cleaner.clean(document.body)
    #expect(!text.string.contains("分享"))
    #expect(!text.string.contains("facebook"))
    #expect(paragraphs.first?.kind == .dateline)
    #expect(text.string.hasSuffix("我们希望可以实现的事情的实质内容。”"))
  }

  @Test("property: random tag soup never crashes and never leaks markup")
  func tagSoup() {
    var generator = SplitMix64(seed: 11)
    let pieces = [
      "<p>", "</p>", "<div class=\"share\">", "</div>", "<script>", "</script>", "<br>", "&amp;",
      "&#x", "<!--", "-->", "<", ">", "\"", "克里说", "“", "”", " ", "<a href='", "'>", "&quot",
      "<small>", "</small>", "<h2>", "</h2>",
    ]
    for _ in 0..<2000 {
      let html = (0..<Int.random(in: 0..<30, using: &generator)).map { _ in
        pieces.randomElement(using: &generator) ?? ""
      }.joined()
      let (text, paragraphs) = cleaner.clean(html)
      #expect(!text.string.contains("<p>"))
      #expect(!text.string.contains("<script"))
      for paragraph in paragraphs {
        #expect(paragraph.range.end <= Int32(text.units.count))
        #expect(!paragraph.range.isEmpty)
      }
    }
  }
}
