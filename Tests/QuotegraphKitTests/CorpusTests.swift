import Foundation
import ICUText
import Testing

@testable import QuotegraphKit

/// Runs over the real articles in `../shared/corpus` where they are present (CI, developers);
/// a user's fresh clone skips these with a message.
@Suite(
  "Shared corpus",
  .enabled(if: Paths.sharedCorpusAvailable, "needs ../shared/corpus beside the checkout")
)
struct CorpusTests {
  static let corpus = Paths.shared + "/corpus"

  func outcomes() async throws -> [UnitOutcome] {
    try await Fixture.outcomes([Self.corpus])
  }

  @Test("every corpus file is read or rejected with a reason; 499 in all")
  func everyFileAccountedFor() async throws {
    let outcomes = try await outcomes()
    #expect(outcomes.count == 499)
    for outcome in outcomes {
      switch outcome.result {
      case .success(let document):
        #expect(!document.article.url.isEmpty, "\(document.article.source) has no URL")
        #expect(!document.article.title.isEmpty, "\(document.article.source) has no title")
        #expect(document.article.published.hasSuffix("Z"))
        #expect(document.records.count >= 1)
      case .failure(let error):
        #expect(!error.message.isEmpty, "\(outcome.source) failed without a reason")
      }
    }
  }

  @Test(
    "odd cases read as the corpus notes describe",
    arguments: [
      ("2020-04-12-场边淘金.md", Article.Layout.frontMatterOnly, "场边淘金", true),
      ("2020-07-31-_國際_蓬佩奧_國際與中國往來的情勢正在改變.md", .frontMatter, "[國際] 蓬佩奧：國際與中國往來的情勢正在改變", true),
      (
        "2020-09-25-青年呼吁重启_quot_星期五为未来_quot_保护气候活动.md", .frontMatter, "青年呼吁重启\"星期五为未来\"保护气候活动", true
      ),
      ("2020-09-08-专访_不要看空美国股市_可能涨得更高--贝莱德高管.md", .frontMatter, "专访：不要看空美国股市 可能涨得更高--贝莱德高管", false),
      (
        "2020-10-07-Photo_Beijing_Summer_Palace_View_by_RykJ.md", .frontMatter,
        "Photo: Beijing Summer Palace View, by RykJ", false
      ),
    ])
  func oddCase(file: String, layout: Article.Layout, title: String, hasText: Bool) throws {
    let path = Self.corpus + "/odd-cases/" + file
    var document = try ArticleReader().read(Fixture.bytes(path), source: path)
    try Fixture.defaultPipeline.process(&document)
    #expect(document.article.layout == layout)
    #expect(document.article.title == title)
    #expect(!document.text.isEmpty == hasText)
  }

  @Test("no feed footer or newsletter box survives cleaning")
  func noWidgetResidue() async throws {
    for outcome in try await outcomes() {
      guard let document = outcome.document else { continue }
      let text = document.text.string
      #expect(!text.contains("获取更多RSS"), "\(document.article.source)")
      #expect(!text.contains("https://feedx.net"), "\(document.article.source)")
      #expect(!text.contains("感謝您的訂閱"), "\(document.article.source)")
      #expect(!text.contains("版权声明：本文所有内容"), "\(document.article.source)")
    }
  }

  @Test("every article's words, stretch by stretch, are ICU's words over its whole text")
  func stretchesAgreeWithWholeText() async throws {
    let iterator = try BreakIterator(.word, locale: "zh")
    for outcome in try await outcomes() {
      guard case .success(var document) = outcome.result else { continue }
      let units = document.text.units
      let whole = try iterator.segments(of: units).compactMap {
        Segmenter.token(for: $0, in: units)
      }
      #expect(document.words.allTokens() == whole, "\(outcome.source)")
    }
  }
}
