import Foundation
import ICUText
import Testing

@testable import QuotegraphKit

/// A small graph for reports: people with aliases in one script only, an organisation and its
/// spokesman, three outlets over three dates, every kind of statement, a meeting, and one
/// statement without a speaker.
enum ReportSample {
  static func article(_ id: String, url: String, outlet: String?, published: String)
    -> GraphRecord
  {
    var properties: GraphProperties = [
      "url": .string(url), "title": .string("标题 " + id), "published": .string(published),
    ]
    if let outlet { properties["outlet"] = .string(outlet) }
    return .node(.init(id: id, labels: ["Article"], properties: properties))
  }

  static func person(_ id: String, _ name: String, english: String?, aliases: [String])
    -> GraphRecord
  {
    var properties: GraphProperties = [
      "name": .string(name), "aliases": .array(aliases.map(JSONValue.string)),
    ]
    if let english { properties["name_en"] = .string(english) }
    if id.hasPrefix("wd:") { properties["wikidata"] = .string(String(id.dropFirst(3))) }
    return .node(.init(id: id, labels: ["Person"], properties: properties))
  }

  static func quote(_ id: String, _ text: String, kind: String, cue: String = "表示", start: Int)
    -> GraphRecord
  {
    .node(
      .init(
        id: id, labels: ["Quote"],
        properties: [
          "text": .string(text), "kind": .string(kind), "cue": .string(cue), "start": .int(start),
        ]))
  }

  static func relationship(
    _ label: String, _ start: String, _ end: String, _ properties: GraphProperties = [:]
  ) -> GraphRecord {
    .relationship(
      .init(
        id: "\(label.lowercased()):\(start)>\(end)", label: label,
        start: .init(id: start, labels: []), end: .init(id: end, labels: []),
        properties: properties))
  }

  /// Who says what where: (quote, speaker or nil, article, kind, text).
  static let statements: [(String, String?, String, String, String)] = [
    ("quote:1", "wd:Q701801", "article:rfi", "direct", "中美关系要回到正轨"),
    ("quote:2", "wd:Q701801", "article:dw", "indirect", "双方应当加强沟通"),
    ("quote:3", "wd:Q473239", "article:rfi", "mixed", "中国是“威胁”"),
    ("quote:4", "wd:Q473239", "article:cna", "direct", "我们会继续施压"),
    ("quote:5", "wd:Q473239", "article:dw", "indirect", "盟友需要团结"),
    ("quote:6", "person:wang-wenbin", "article:dw", "direct", "美方应停止抹黑"),
    ("quote:7", "org:mfa", "article:cna", "indirect", "外交部表示坚决反对"),
    ("quote:8", nil, "article:cna", "indirect", "有人说形势复杂"),
  ]

  static var records: [GraphRecord] {
    var records: [GraphRecord] = [
      article(
        "article:rfi", url: "https://www.rfi.fr/cn/a", outlet: "法广",
        published: "2020-03-01T08:00:00Z"),
      article(
        "article:dw", url: "https://www.dw.com/zh/b", outlet: "德国之声",
        published: "2020-06-15T23:30:00Z"),
      article(
        "article:cna", url: "https://www.cna.com.tw/news/c", outlet: nil,
        published: "2020-09-30T12:00:00Z"),
      person("wd:Q701801", "王毅", english: "Wang Yi", aliases: []),
      person("wd:Q473239", "迈克·蓬佩奥", english: "Mike Pompeo", aliases: ["蓬佩奥"]),
      person("person:wang-wenbin", "汪文斌", english: nil, aliases: []),
      .node(
        .init(
          id: "org:mfa", labels: ["Organization"],
          properties: ["name": "中华人民共和国外交部", "aliases": ["外交部", "中国外交部"]])),
      .node(.init(id: "org:reuters", labels: ["Organization"], properties: ["name": "路透社"])),
      .node(.init(id: "role:spokesman", labels: ["Role"], properties: ["name": "发言人"])),
    ]
    for (id, _, _, kind, text) in statements {
      records.append(quote(id, text, kind: kind, start: Int(id.dropFirst(6))! * 10))
    }
    for (id, speaker, article, _, _) in statements {
      if let speaker { records.append(relationship("SAID", speaker, id)) }
      records.append(relationship("QUOTED_IN", id, article))
    }
    records += [
      relationship("REPORTED_BY", "quote:3", "org:reuters"),
      relationship("SAID_TO", "quote:1", "wd:Q473239"),
      relationship(
        "HOLDS_ROLE", "person:wang-wenbin", "role:spokesman",
        ["article": "article:dw", "title_text": "外交部发言人"]),
      relationship(
        "HOLDS_ROLE", "wd:Q701801", "role:spokesman",
        ["article": "article:rfi", "title_text": "中国外长"]),
      relationship(
        "MET", "wd:Q701801", "wd:Q473239", ["article": "article:rfi", "cue": "会见"]),
    ]
    return records
  }

  static func graph(_ records: [GraphRecord] = records) throws -> ExportGraph {
    try ExportGraph(records: records)
  }

  static func report(_ filter: ReportFilter = ReportFilter()) throws -> Report {
    try Report.build(from: graph(), filter: filter, source: "sample.jsonl")
  }

  /// The texts of the statements a report shows, by speaker name.
  static func shown(_ report: Report) -> [String: Set<String>] {
    var shown: [String: Set<String>] = [:]
    for speaker in report.speakers {
      shown[speaker.name, default: []].formUnion(speaker.statements.map(\.text))
    }
    return shown
  }
}

@Suite("report")
struct ReportTests {
  typealias Sample = ReportSample

  @Test("without filters: speakers ranked by statements, the unattributed counted apart")
  func ranking() throws {
    let report = try Sample.report()
    #expect(report.speakers.map(\.name) == ["迈克·蓬佩奥", "王毅", "中华人民共和国外交部", "汪文斌"])
    #expect(report.speakers.map(\.statements.count) == [3, 2, 1, 1])
    #expect(report.statementCount == 7)
    #expect(report.unattributedCount == 1)
    #expect(report.articleCount == 3)
    #expect((report.firstDate, report.lastDate) == ("2020-03-01", "2020-09-30"))
    let pompeo = report.speakers[0]
    #expect(pompeo.statements.map(\.date) == ["2020-03-01", "2020-06-15", "2020-09-30"])
    #expect(pompeo.statements.map(\.outlet) == ["法广", "德国之声", "www.cna.com.tw"])
    #expect(pompeo.statements[0].reportedBy == ["路透社"])
    #expect(pompeo.met.map(\.name) == ["王毅"])
    let wang = report.speakers[1]
    #expect(wang.roles == ["中国外长"])
    #expect(wang.statements[0].saidTo == ["迈克·蓬佩奥"])
    #expect(wang.met.map(\.name) == ["迈克·蓬佩奥"])
  }

  @Test("the network ties who met and who is quoted in the same article, laid out the same twice")
  func network() throws {
    let report = try Sample.report()
    let network = report.network
    #expect(network.nodes.count == 4)
    let names = { (edge: Report.Network.Edge) in
      Set([edge.from, edge.to].map { report.speakers[network.nodes[$0].speaker].name })
    }
    let wangPompeo = try #require(network.edges.first { names($0) == ["王毅", "迈克·蓬佩奥"] })
    #expect(wangPompeo.met == 1)
    #expect(wangPompeo.coQuoted == 2)
    let mfa = try #require(network.edges.first { names($0) == ["中华人民共和国外交部", "迈克·蓬佩奥"] })
    #expect((mfa.met, mfa.coQuoted) == (0, 1))
    #expect(!network.edges.contains { names($0) == ["王毅", "中华人民共和国外交部"] })
    for node in network.nodes {
      #expect((0...network.width).contains(node.x) && (0...network.height).contains(node.y))
    }
    #expect(try Sample.report() == report)
    let small = try Report.build(from: Sample.graph(), source: "s", networkSize: 2)
    #expect(small.network.nodes.count == 2)
    let alone = try Sample.report(ReportFilter(person: "王毅"))
    #expect(alone.network == .empty)
    #expect(!HTMLReportRenderer().render(alone).contains("id=\"network\""))
  }

  @Test("a crowded network keeps every meeting and only the strongest co-quotations")
  func crowdedNetwork() throws {
    var records = Sample.records
    for i in 0..<20 {
      records.append(Sample.person("person:c\(i)", "人\(i)", english: nil, aliases: []))
      records.append(Sample.quote("quote:c\(i)", "话", kind: "direct", start: 100 + i))
      records.append(Sample.relationship("SAID", "person:c\(i)", "quote:c\(i)"))
      records.append(Sample.relationship("QUOTED_IN", "quote:c\(i)", "article:cna"))
    }
    let report = try Report.build(from: Sample.graph(records), source: "s")
    let network = report.network
    #expect(network.nodes.count == 24)
    #expect(network.edges.count == 3 * 24)
    #expect(network.edges.filter { $0.met > 0 }.count == 1)
    // 蓬佩奥 and 王毅, quoted together twice, are among the ties kept.
    #expect(network.edges.contains { $0.coQuoted == 2 })
  }

  @Test("filters: person, organisation, since, until, outlet, kind, and together")
  func filters() throws {
    let byPerson = try Sample.report(ReportFilter(person: "王毅"))
    #expect(Sample.shown(byPerson) == ["王毅": ["中美关系要回到正轨", "双方应当加强沟通"]])
    #expect(byPerson.unattributedCount == 0)
    #expect(byPerson.filters == ["person 王毅: 王毅 (wd:Q701801)"])

    // The organisation's own words, words it relays, and its spokesman's.
    let byOrganization = try Sample.report(ReportFilter(organization: "外交部"))
    #expect(
      Sample.shown(byOrganization) == [
        "中华人民共和国外交部": ["外交部表示坚决反对"], "汪文斌": ["美方应停止抹黑"],
      ])
    let relayed = try Sample.report(ReportFilter(organization: "路透社"))
    #expect(Sample.shown(relayed) == ["迈克·蓬佩奥": ["中国是“威胁”"]])

    let since = try Sample.report(ReportFilter(since: ReportDate("2020-06-15")))
    #expect(
      Set(since.speakers.flatMap(\.statements).compactMap(\.date)) == ["2020-06-15", "2020-09-30"])
    let until = try Sample.report(ReportFilter(until: ReportDate("2020-06-15")))
    #expect(
      Set(until.speakers.flatMap(\.statements).compactMap(\.date)) == ["2020-03-01", "2020-06-15"])
    let beforeTheArticle = try Sample.report(
      ReportFilter(until: ReportDate("2020-06-15T23:00:00Z")))
    #expect(!beforeTheArticle.speakers.flatMap(\.statements).contains { $0.date == "2020-06-15" })
    let offset = try Sample.report(
      ReportFilter(since: ReportDate("2020-06-16T07:00:00+08:00")))
    #expect(offset.speakers.flatMap(\.statements).contains { $0.date == "2020-06-15" })

    let byOutletName = try Sample.report(ReportFilter(outlet: "德国之声"))
    #expect(Set(byOutletName.speakers.flatMap(\.statements).compactMap(\.outlet)) == ["德国之声"])
    #expect(byOutletName.statementCount == 3)
    let byHost = try Sample.report(ReportFilter(outlet: "cna.com.tw"))
    #expect(byHost.statementCount == 2)
    #expect(byHost.unattributedCount == 1)
    #expect(try Sample.report(ReportFilter(outlet: "德國之聲")).statementCount == 3)

    let direct = try Sample.report(ReportFilter(kind: .direct))
    #expect(direct.speakers.flatMap(\.statements).allSatisfy { $0.kind == "direct" })
    #expect(direct.statementCount == 3)

    let together = try Sample.report(
      ReportFilter(person: "蓬佩奥", since: ReportDate("2020-06-01"), kind: .indirect))
    #expect(Sample.shown(together) == ["迈克·蓬佩奥": ["盟友需要团结"]])
    // Roles and meetings follow the date filter: 王毅 met 蓬佩奥 in March only.
    let later = try Sample.report(ReportFilter(person: "王毅", since: ReportDate("2020-04-01")))
    #expect(later.speakers.first?.met == [])
    #expect(later.speakers.first?.roles == [])
  }

  @Test(
    "a person by any name: alias, traditional script, English, QID, width and dot variants",
    arguments: [
      "蓬佩奥", "蓬佩奧", "迈克·蓬佩奥", "邁克·蓬佩奧", "迈克•蓬佩奥", "迈克蓬佩奥", "Mike Pompeo",
      "mike pompeo", "ＭＩＫＥ　ＰＯＭＰＥＯ", "Q473239", "wd:Q473239",
    ])
  func aliases(name: String) throws {
    let report = try Sample.report(ReportFilter(person: name))
    #expect(report.speakers.map(\.id) == ["wd:Q473239"])
    #expect(report.speakers.first?.statements.count == 3)
  }

  @Test("the script-variants table folds what ICU's transform would not need to")
  func folderTable() throws {
    let folder = MatchKeyFolder(traditionalToSimplified: ["汪": "汪", "斌": "斌", "王": "王"])
    let names = NameKey(folder: folder)
    #expect(names.key("汪文斌") == names.key("汪 文 斌"))
    #expect(names.key("王毅") == "王毅")
    #expect(NameKey().key("韓正") == "韩正")
  }

  @Test("a name, organisation or outlet the graph does not know is an error naming the file")
  func unknownNames() throws {
    let filters: [(ReportFilter, String)] = [
      (ReportFilter(person: "习近平"), "report.unknown-person"),
      (ReportFilter(person: "外交部"), "report.unknown-person"),
      (ReportFilter(organization: "王毅"), "report.unknown-organization"),
      (ReportFilter(outlet: "BBC"), "report.unknown-outlet"),
    ]
    for (filter, code) in filters {
      let error = try #require(throws: QuotegraphError.self) { try Sample.report(filter) }
      #expect(error.code == code)
      #expect(error.description.hasPrefix("sample.jsonl: "))
    }
    let outlet = try #require(throws: QuotegraphError.self) {
      try Sample.report(ReportFilter(outlet: "BBC"))
    }
    #expect(outlet.message.contains("outlets: www.cna.com.tw, 德国之声, 法广"))
  }

  @Test("dates and kinds from the command line: clear errors for bad values")
  func badValues() throws {
    for text in ["2020-13-01", "yesterday", "2020/03/01", "20200301", ""] {
      let error = try #require(throws: QuotegraphError.self) { try ReportDate(text) }
      #expect(error.message.contains("YYYY-MM-DD"))
    }
    #expect(try ReportDate("2020-03-01").lastSecond - ReportDate("2020-03-01").seconds == 86_399)
    #expect(try ReportDate("2020-03-01T00:00:00Z").lastSecond == ReportDate("2020-03-01").seconds)
    #expect(throws: QuotegraphError.self) { try QuoteKind(name: "quoted") }
    #expect(try QuoteKind(name: "Direct") == .direct)
    #expect(throws: QuotegraphError.self) { try ReportFormat(name: "pdf") }
    #expect(ReportFormat(fileName: "out/report.HTML") == .html)
    #expect(ReportFormat(fileName: "report.md") == .markdown)
    #expect(ReportFormat(fileName: "dir.md/report") == nil)
  }

  // MARK: Escaping

  static let hostile = [
    "<script>document.title='pwned'</script>",
    "\"><img src=x onerror=\"document.title='pwned'\">",
    "a | b `code` *bold* [link](javascript:alert(1)) <b>x</b> &amp;\nsecond line\u{2028}third",
    "1. not a list",
    "# not a heading",
    "- not an item",
    "</script><script>alert(1)</script>\u{1B}[31mred\u{1B}[0m",
  ]

  static func hostileGraph() throws -> ExportGraph {
    var records: [GraphRecord] = [
      Sample.article(
        "article:x", url: "javascript:alert(1)", outlet: "<b>outlet</b>",
        published: "2020-01-01T00:00:00Z"),
      Sample.person(
        "person:x", "<img src=x onerror=alert(1)>", english: "\"'><svg onload=alert(1)>",
        aliases: []),
    ]
    for (i, text) in hostile.enumerated() {
      records.append(Sample.quote("quote:\(i)", text, kind: "direct", cue: "说|`<", start: i))
      records.append(Sample.relationship("SAID", "person:x", "quote:\(i)"))
      records.append(Sample.relationship("QUOTED_IN", "quote:\(i)", "article:x"))
    }
    return try ExportGraph(records: records)
  }

  @Test("HTML: hostile statements, names and URLs show as text and run nothing")
  func htmlEscaping() throws {
    let report = try Report.build(from: Self.hostileGraph(), source: "<evil>.jsonl")
    let html = HTMLReportRenderer().render(report)
    #expect(!html.contains("<script>document"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<svg onload"))
    #expect(!html.contains("<b>"))
    #expect(!html.contains("href=\"javascript:"))
    #expect(!html.contains("\u{1B}"))
    #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
    #expect(
      html.contains(
        "&quot;&gt;&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;"))
    // Exactly our two script elements: the JSON data and the code.
    #expect(html.components(separatedBy: "<script").count == 3)
    #expect(html.components(separatedBy: "</script>").count == 3)
    let data = try #require(
      html.components(separatedBy: "<script type=\"application/json\" id=\"report-data\">").last?
        .components(separatedBy: "</script>").first)
    #expect(!data.contains("<") && !data.contains(">") && !data.contains("&"))
    #expect(!data.contains("\u{2028}"))
    // The JSON still says what the page shows.
    let decoded = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
    let statements = try #require(decoded?["statements"] as? [[String: Any]])
    #expect(statements.count == Self.hostile.count)
    #expect((statements[0]["words"] as? String)?.hasPrefix(Self.hostile[0]) == true)
  }

  @Test("HTML escaping and safe URLs, case by case")
  func htmlPrimitives() {
    #expect(
      HTMLReportRenderer.escape("<a href=\"x\">'&'</a>")
        == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    #expect(
      HTMLReportRenderer.scriptSafeJSON(#"{"a":"</script><!--&\#u{2028}"}"#)
        == #"{"a":"\u003c/script\u003e\u003c!--\u0026\u2028"}"#)
    #expect(HTMLReportRenderer.safeURL("https://a.example/x?y=1") == "https://a.example/x?y=1")
    #expect(HTMLReportRenderer.safeURL("HTTP://A.EXAMPLE") == "HTTP://A.EXAMPLE")
    for url in [
      "javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "//evil", "http://a b",
    ] {
      #expect(HTMLReportRenderer.safeURL(url) == nil)
    }
  }

  @Test("Markdown: hostile statements stay inside their list item and table cell")
  func markdownEscaping() throws {
    let report = try Report.build(from: Self.hostileGraph(), source: "evil`.jsonl")
    let markdown = MarkdownReportRenderer().render(report)
    #expect(!markdown.contains("<script"))
    #expect(!markdown.contains("<img"))
    #expect(!markdown.contains("<b>"))
    #expect(!markdown.replacingOccurrences(of: "\\]", with: "").contains("](javascript:"))
    #expect(!markdown.contains("\u{1B}"))
    #expect(!markdown.contains("\u{2028}"))
    // One list line per statement, starting with the cue, whatever the statement holds.
    let items = markdown.split(separator: "\n").filter { $0.hasPrefix("- **") }
    #expect(items.count == Self.hostile.count)
    #expect(markdown.contains("a \\| b \\`code\\` \\*bold\\* \\[link\\]"))
    #expect(markdown.contains(": 1\\. not a list"))
    #expect(markdown.contains(": \\# not a heading"))
    #expect(markdown.contains(": \\- not an item"))
    // Table rows keep their five cells: every | inside a cell is escaped.
    for row in markdown.split(separator: "\n") where row.hasPrefix("| ") {
      let unescaped = row.split(separator: "|", omittingEmptySubsequences: false).count - 1
      let escaped = row.components(separatedBy: "\\|").count - 1
      #expect(unescaped - escaped == 6)
    }
    #expect(MarkdownReportRenderer.escape("12) x") == "12\\) x")
    #expect(MarkdownReportRenderer.escape("中国-美国 1.5%") == "中国-美国 1.5%")
    #expect(MarkdownReportRenderer.link("t", "https://a/(b)<c>") == "[t](https://a/%28b%29%3Cc%3E)")
    #expect(MarkdownReportRenderer.link("t", "javascript:alert(1)") == nil)
  }

  @Test("text: control characters from articles never reach the terminal")
  func textEscaping() throws {
    let report = try Report.build(from: Self.hostileGraph(), source: "evil.jsonl")
    let text = TextReportRenderer(width: 80, statementLines: nil).render(report)
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\u{2028}"))
    #expect(text.contains("a | b `code`"))
    #expect(text.contains("&amp; second line third"))
  }

  // MARK: Layout

  @Test("display widths: wide, full-width, combining, ambiguous")
  func displayWidths() {
    #expect(DisplayWidth.of("汉字") == 4)
    #expect(DisplayWidth.of("ＡＢ") == 4)
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("，。") == 4)
    #expect(DisplayWidth.of("“·”") == 3)
    #expect(DisplayWidth.of("한국") == 4)
    #expect(DisplayWidth.of("\u{200B}") == 0)
  }

  @Test("text: every line of the ranking has the same display width, CJK or not")
  func alignment() throws {
    var records = Sample.records
    let names = [
      "王毅", "Wang Yi", "约翰·福布斯·克里", "Ｆｕｌｌｗｉｄｔｈ", "Café\u{301} au lait", "한국 사람",
      "一个非常非常非常非常非常非常非常非常非常非常非常长的名字",
    ]
    for (i, name) in names.enumerated() {
      records.append(Sample.person("person:n\(i)", name, english: nil, aliases: []))
      for j in 0...i {
        records.append(Sample.quote("quote:n\(i)-\(j)", "话", kind: "direct", start: 100 + j))
        records.append(Sample.relationship("SAID", "person:n\(i)", "quote:n\(i)-\(j)"))
        records.append(Sample.relationship("QUOTED_IN", "quote:n\(i)-\(j)", "article:rfi"))
      }
    }
    let report = try Report.build(from: Sample.graph(records), source: "s")
    for width in [60, 100, 140] {
      let renderer = TextReportRenderer(width: width)
      let table = renderer.table(report.speakers)
      #expect(table.count == report.speakers.count + 1)
      let widths = Set(table.map(DisplayWidth.of))
      #expect(widths.count == 1, "widths \(widths) at \(width)")
      #expect(widths.first! <= width)
      let text = renderer.render(report)
      for line in text.split(separator: "\n") where !line.hasPrefix("   http") {
        #expect(DisplayWidth.of(line) <= width, "\(line)")
      }
    }
  }

  @Test("wrapping: lines fit and nothing is lost")
  func wrapping() {
    var random = SplitMix64(seed: 7)
    let alphabet = Array("中文字，。“”、abc defg 12 ".unicodeScalars)
    for _ in 0..<300 {
      let length = Int.random(in: 0..<120, using: &random)
      let text = String(
        String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &random)! }))
      let columns = Int.random(in: 4..<50, using: &random)
      let clean = TerminalText.clean(text)
      let lines = TerminalText.wrap(clean, columns: columns)
      for line in lines {
        #expect(DisplayWidth.of(line) <= columns, "\(line) in \(columns)")
      }
      #expect(
        lines.joined().filter { $0 != " " } == clean.filter { $0 != " " }, "\(text) in \(columns)")
    }
  }

  @Test("wrapping the sample's statements: closing punctuation never starts a line")
  func kinsoku() throws {
    let report = try Self.sampleReport()
    for statement in report.speakers.flatMap(\.statements) {
      for columns in stride(from: 12, through: 60, by: 4) {
        let lines = TerminalText.wrap(TerminalText.clean(statement.text), columns: columns)
        for line in lines.dropFirst() where line.unicodeScalars.first?.isASCII == false {
          #expect(!TerminalText.closes((line, 0, false)), "\(lines) in \(columns)")
        }
      }
    }
  }

  // MARK: Edge cases

  @Test("an empty graph gives a report saying so, in every format")
  func emptyGraph() throws {
    let report = try Report.build(
      from: ExportGraph.read([], file: "empty.jsonl"), source: "empty.jsonl")
    #expect(report.speakers.isEmpty && report.statementCount == 0)
    #expect(report.network == .empty)
    #expect(TextReportRenderer().render(report).contains("No statements in this graph."))
    #expect(MarkdownReportRenderer().render(report).contains("No statements in this graph."))
    let html = HTMLReportRenderer().render(report)
    #expect(html.contains("No statements in this graph."))
    #expect(html.hasSuffix("</html>\n"))
    let filtered = try Sample.report(ReportFilter(person: "王毅", kind: .mixed))
    #expect(TextReportRenderer().render(filtered).contains("No statements match the filters."))
  }

  @Test("a relationship naming a missing node is an error naming file and line, no crash")
  func danglingIDs() throws {
    let lines = [
      #"{"type":"node","id":"p","labels":["Person"],"properties":{"name":"王毅"}}"#,
      #"{"type":"node","id":"q","labels":["Quote"],"properties":{"text":"话","kind":"direct"}}"#,
      #"{"type":"relationship","id":"s","label":"SAID","start":{"id":"p"},"end":{"id":"q"},"properties":{}}"#,
      #"{"type":"relationship","id":"r","label":"QUOTED_IN","start":{"id":"q"},"end":{"id":"article:gone"},"properties":{}}"#,
    ]
    let error = try #require(throws: QuotegraphError.self) {
      try ExportGraph.read(Array(lines.joined(separator: "\n").utf8), file: "g.jsonl")
    }
    #expect(error.file == "g.jsonl")
    #expect(error.line == 4)
    #expect(error.message.contains("article:gone"))
  }

  // MARK: The sample archive

  static let sampleGraph = Paths.fixtures + "/report/sample.graph.jsonl"

  static func sampleReport(_ filter: ReportFilter = ReportFilter()) throws -> Report {
    try Report.build(
      from: ExportGraph.read(Fixture.bytes(sampleGraph), file: "sample.graph.jsonl"),
      filter: filter, source: "sample.graph.jsonl")
  }

  @Test("the sample archive's report in each format matches its golden file")
  func goldenFiles() throws {
    let report = try Self.sampleReport()
    #expect(report.speakers.first?.name == "约翰·克里")
    #expect(report.speakers.contains { $0.name == "韩正" })
    try Golden.check(
      TextReportRenderer(width: 100).render(report), against: "sample.report.txt")
    try Golden.check(MarkdownReportRenderer().render(report), against: "sample.report.md")
    // The HTML page of the seed article alone keeps the golden file small.
    let seed = try Self.sampleReport(ReportFilter(since: ReportDate("2023-01-01")))
    #expect(seed.speakers.map(\.name) == ["约翰·克里", "路透社", "韩正"])
    try Golden.check(HTMLReportRenderer().render(seed), against: "seed.report.html")
  }

  @Test("the sample report names the speakers and their statements in every format")
  func sampleContent() throws {
    let report = try Self.sampleReport()
    let kerry = try #require(report.speakers.first { $0.id == "wd:Q22316" })
    let statement = try #require(kerry.statements.first { $0.saidTo == ["韩正"] })
    let text = TextReportRenderer(width: 200, statementLines: nil).render(report)
    let markdown = MarkdownReportRenderer().render(report)
    let html = HTMLReportRenderer().render(report)
    for output in [text, markdown, html] {
      for speaker in report.speakers {
        #expect(output.contains(speaker.name))
      }
      #expect(output.contains(statement.text))
    }
    #expect(html.contains("id=\"speaker-1\""))
    #expect(html.contains("<svg viewBox=\"0 0 960 640\""))
  }
}
