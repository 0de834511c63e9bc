import Testing

@testable import QuotegraphKit

@Suite("Gazetteer source formats")
struct SourceFormatsTests {
  @Test func csvHandlesQuotesBOMAndBareCarriageReturns() {
    let text = "\u{FEFF}编码,名称\r2601,外交部\r2697,\"新华,通讯社\"\r3000,\"说\"\"好\"\"\"\r"
    #expect(
      SourceFormats.csv(text) == [
        ["编码", "名称"], ["2601", "外交部"], ["2697", "新华,通讯社"], ["3000", "说\"好\""],
      ])
    #expect(SourceFormats.csvTable("id,value\nUS,美国\n") == [["id": "US", "value": "美国"]])
  }

  @Test func countryCodesRowsKeepTheirColumns() {
    let text = """
      ISO3166-1-Alpha-2,ISO3166-1-Alpha-3,UNTERM Chinese Short,wikidata_id
      CN,CHN,中国,https://www.wikidata.org/wiki/Q148
      """
    let rows = SourceFormats.csvTable(text)
    #expect(rows.count == 1)
    #expect(rows.first?["wikidata_id"] == "https://www.wikidata.org/wiki/Q148")
  }

  @Test func cedictLinesGiveFormsAndGlosses() {
    let entries = SourceFormats.cedict(
      "# comment\n韓正 韩正 [Han2_Zheng4] /Han Zheng (politician)/Zheng, Han (politician)/\n克里 克里 [Ke4 li3] /Cree/Kerry/\n"
    )
    #expect(entries.count == 2)
    #expect(entries[0].traditional == "韓正")
    #expect(entries[0].simplified == "韩正")
    #expect(entries[0].glosses == ["Han Zheng (politician)", "Zheng, Han (politician)"])
    #expect(entries[1].glosses == ["Cree", "Kerry"])
  }

  @Test func englishDefinitionsKeepTheFirstGloss() {
    let glosses = SourceFormats.englishDefinitions(
      "总理\t\tpremier/prime minister\n特使\t\tspecial envoy\n总理\t\tsecond\n")
    #expect(glosses == ["总理": "premier/prime minister", "特使": "special envoy"])
  }

  @Test func openCCKeepsTheFirstDifferentCandidate() {
    let pairs = SourceFormats.openCCCharacters("# header\n韓\t韩\n乾\t乾 干\n髮\t发\n")
    #expect(pairs.map(\.traditional) == ["韓", "髮"])
    #expect(pairs.map(\.simplified) == ["韩", "发"])
  }

  @Test func cilinGroupsSplitIntoCodeAndWords() {
    let groups = SourceFormats.cilin("Hi14A01= 表示 示意 表\nHi14F01@ 强调\nbad line\n")
    #expect(groups.map(\.code) == ["Hi14A01=", "Hi14F01@"])
    #expect(groups.first?.words == ["表示", "示意", "表"])
  }

  @Test func wordListsAndScoredWords() {
    #expect(SourceFormats.wordList("#1. {regard|认为}\t16\n认为\n相信\n\n") == ["认为", "相信"])
    let scored = SourceFormats.scoredWords("说\n表示 0.83\n法案 0.2\n")
    #expect(scored.map(\.word) == ["说", "表示", "法案"])
    #expect(scored.map(\.score) == [1, 0.83, 0.2])
  }

  @Test func chineseEliteNodeFile() throws {
    let json = """
      {"node": {"id": "Q22316", "type": "Person", "name": {"zh-cn": ["约翰·克里", "约翰·凯瑞"],
      "en": ["John Kerry"]}, "properties": {"lifetime": "1943-12-11 - "}},
      "relationships": [{"source": "Q22316", "target": "Q18111", "type": "MET_WITH"}]}
      """
    let (node, edges) = ChineseEliteSource.parseNodeFile(
      try JSONReader.parse(Array(json.utf8), name: "node.json"))
    #expect(node?.chineseNames == ["约翰·克里", "约翰·凯瑞"])
    #expect(node?.englishNames == ["John Kerry"])
    #expect(edges == [.init(source: "Q22316", target: "Q18111", type: "MET_WITH")])
    #expect(ChineseEliteSource.lifetimeDates(node?.lifetime ?? "") == ("1943-12-11", ""))
    #expect(ChineseEliteSource.lifetimeDates(" - -9999") == ("", ""))
  }

  @Test func nameToIDAndTitles() throws {
    let names = ChineseEliteSource.parseNameToID(
      try JSONReader.parse(Array(#"{"韩正": "Q48405", "佩洛西": "Q170581"}"#.utf8), name: "n"))
    #expect(names == ["韩正": "Q48405", "佩洛西": "Q170581"])
    let titles = ChineseEliteSource.parseTitles(
      try JSONReader.parse(Array(#"{"Q4414390": ["李强 (1959年)"]}"#.utf8), name: "t"))
    #expect(titles == ["Q4414390": ["李强 (1959年)"]])
  }

  @Test func initialNodesGiveIDsAndGenders() throws {
    let json = """
      {"nodes": [{"id": "Q5816", "type": "Person", "properties": {"gender": "Male"}},
      {"id": "Q233984", "type": "Person", "properties": {"gender": "Female"}},
      {"id": "Q1", "type": "Person", "properties": {"gender": "unknown"}},
      {"id": "Q2", "type": "Person", "properties": {}}], "relationships": []}
      """
    let value = try JSONReader.parse(Array(json.utf8), name: "initial.json")
    #expect(ChineseEliteSource.parseCoreIDs(value) == ["Q5816", "Q233984", "Q1", "Q2"])
    #expect(ChineseEliteSource.parseGenders(value) == ["Q5816": "male", "Q233984": "female"])
  }

  @Test func jsonReaderEscapesAndErrors() throws {
    let value = try JSONReader.parse(
      Array(#"["a\"b", "\u738b\u6bc5", "\ud83d\ude00", 1, 2.5, null]"#.utf8), name: "x")
    #expect(value == [.string("a\"b"), .string("王毅"), .string("😀"), .int(1), .double(2.5), .null])
    #expect(throws: QuotegraphError.self) { try JSONReader.parse(Array("[1,".utf8), name: "x") }
  }

}
