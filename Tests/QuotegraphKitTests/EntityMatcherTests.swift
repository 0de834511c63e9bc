import Foundation
import Testing

@testable import QuotegraphKit

@Suite("Entity matching against the shipped gazetteers")
struct EntityMatcherTests {
  /// The names the default pipeline finds in `text`, with their kinds.
  func mentions(_ text: String) throws -> [(surface: String, name: String, kind: EntityRecord.Kind)]
  {
    let document = try Fixture.process(Fixture.article(body: "<p>\(text)</p>"))
    return document.mentions.map {
      (
        document.text[$0.range], document.entities[$0.entity].name,
        document.entities[$0.entity].kind
      )
    }
  }

  func people(_ text: String) throws -> [String] {
    try mentions(text).filter { $0.kind == .person }.map(\.name)
  }

  @Test(
    "name traps, one row each",
    arguments: [
      ("普京在克里姆林宫会见了客人。", ["弗拉基米尔·普京"]),
      ("国务院总理李强调研了上海。", ["李强"]),
      ("他的同事老李强调了这一点。", []),
      ("韩正在北京会见了克里。", ["韩正", "约翰·克里"]),
      // ICU reads 特朗|普通|电话: the cut leaves 通, which starts 通电话 and 通过.
      ("王毅上周与特朗普通电话。", ["王毅", "唐纳德·特朗普"]),
      ("王毅然决定离开。", []),
      ("这座王国的高度令人惊叹。", []),
      ("和蔼的耿直青年今天下午到了。", []),
      // Not 谢尔曼 of the gazetteer; person.discover.v1 finds the whole name.
      ("研究员贾斯汀·谢尔曼表示。", ["贾斯汀·谢尔曼"]),
      ("美国气候特使克里今天会见中国国家副主席韩正。", ["约翰·克里", "韩正"]),
      ("克里此前与中国最高外交官王毅、国务院总理李强以及中国气候特使解振华举行了会晤。", ["约翰·克里", "王毅", "李强", "解振华"]),
      ("美國氣候特使克里今天會見中國國家副主席韓正。", ["约翰·克里", "韩正"]),
      // A function character after or before a gazetteer name is no part of it (name-edges.tsv).
      ("外交部长王毅早前表示，双方会谈。", ["王毅"]),
      ("他向王毅介绍了情况。", ["王毅"]),
      ("王毅会见了客人。", ["王毅"]),
      ("王毅谈中美关系。", ["王毅"]),
    ])
  func traps(text: String, expected: [String]) throws {
    #expect(try people(text) == expected)
  }

  @Test("a place before an institution word names the place's institution, once per article")
  func placeInstitutions() throws {
    let text = "英国外交部称，已做好准备。香港警方周三表示，将收押被告。中国驻柏林大使馆表示反对。英国外交部还说，不会让步。"
    let document = try Fixture.process(Fixture.article(body: "<p>\(text)</p>"))
    let organizations = document.mentions.filter {
      document.entities[$0.entity].kind == .organization
    }
    #expect(
      organizations.map { document.text[$0.range] } == [
        "英国外交部", "香港警方", "中国驻柏林大使馆", "英国外交部",
      ])
    let foreignOffice = try #require(organizations.first.map { document.entities[$0.entity] })
    #expect(foreignOffice.properties["kind"] == .string("government"))
    #expect(foreignOffice.properties["country"] == .string("GB"))
    #expect(organizations.first?.entity == organizations.last?.entity)
    // A gazetteer name still wins: 台湾外交部 is the ministry the place's country holds.
    #expect(try mentions("台湾外交部表示反对。").map(\.name) == ["台湾", "中华民国外交部"])
  }

  @Test("institution-words.tsv: a row without an organisation kind names its file and line")
  func badInstitutionRow() throws {
    let path = "Gazetteers/curated/institution-words.tsv"
    let table = try GazetteerTable.parse(
      "word\tkind\tnote\n外交部\tministry\t\n", file: .institutionWords, path: path)
    #expect {
      try EntityMatcher.institution(row: table.rows[0], path: path)
    } throws: { error in
      "\(error)".contains("institution-words.tsv:2") && "\(error)".contains("ministry")
    }
  }

  @Test("南希·佩洛西 with every middle-dot variant", arguments: ["·", "•", "‧", "・", "･", "･"])
  func dotVariants(dot: String) throws {
    let found = try mentions("美国众议院议长南希\(dot)佩洛西访问台湾。")
    #expect(found.contains { $0.name == "南希·佩洛西" && $0.surface == "南希\(dot)佩洛西" })
  }

  @Test("an ambiguous name goes to the most prominent holder; a short form to its full name")
  func resolution() throws {
    let document = try Fixture.process(Fixture.article(body: "<p>李强说，克里也说了。</p>"))
    let ids = document.mentions.map { document.entities[$0.entity].id }
    #expect(ids == ["wd:Q4414390", "wd:Q22316"])
  }

  @Test("a title settles an ambiguous short form for the rest of the article")
  func titleSettlesShortForm() throws {
    let found = try people("英国首相约翰逊表示，脱欧已经完成。约翰逊还说，谈判将继续。")
    #expect(found == ["鲍里斯·约翰逊", "鲍里斯·约翰逊"])
  }

  @Test("a bare short form goes to a holder alive when the article was published")
  func livingHolder() throws {
    func johnson(_ body: String, published: String) throws -> [String] {
      var document = try ArticleReader().parse(
        Fixture.article(body: "<p>\(body)</p>"), source: "test.md")
      document.article.published = published
      try Fixture.defaultPipeline.process(&document)
      return document.mentions.map { document.entities[$0.entity] }.filter { $0.kind == .person }
        .map(\.name)
    }
    #expect(try johnson("约翰逊说，谈判将继续。", published: "2020-07-18T00:00:00Z") == ["鲍里斯·约翰逊"])
    #expect(try johnson("约翰逊说，越南战争将继续。", published: "1966-05-01T00:00:00Z") == ["林登·约翰逊"])
    #expect(
      try johnson("林登·约翰逊是美国总统。约翰逊说过这句话。", published: "2020-07-18T00:00:00Z")
        == ["林登·约翰逊", "林登·约翰逊"])
  }

  @Test("外交部 is China's unless the article is about Taiwan")
  func foreignMinistryByCountry() throws {
    let china = try mentions("外交部发言人表示，中方坚决反对。")
    #expect(china.first { $0.surface == "外交部" }?.name == "中华人民共和国外交部")
    let taiwan = try mentions("台湾外交部表示，台北将回应。")
    #expect(taiwan.first { $0.surface == "外交部" }?.name == "中华民国外交部")
  }

  @Test(
    "a country right before an alias is the organisation's: 英国外交部 is none the gazetteer has, so the place and the word name it"
  )
  func organizationQualifiedByCountry() throws {
    let britain = try mentions("英国外交部表示，伦敦将回应。")
    #expect(britain.map(\.surface) == ["英国外交部", "伦敦"])
    #expect(britain.first?.kind == .organization && britain.first?.name == "英国外交部")
    let china = try mentions("中国外交部表示，北京将回应。")
    #expect(china.first { $0.surface == "中国外交部" }?.name == "中华人民共和国外交部")
    // A full name keeps its own country, whatever the country-prefix guess gave it.
    let columbia = try mentions("美国哥伦比亚大学的学者表示。")
    #expect(columbia.map(\.name) == ["美国", "哥伦比亚大学"])
  }

  @Test("places and organisations: country names are places, outlets are organisations")
  func placesAndOrganizations() throws {
    let found = try mentions("据路透社报道，中国和美国在北京会谈。")
    #expect(found.map(\.name) == ["路透社", "中国", "美国", "北京"])
    #expect(found.map(\.kind) == [.organization, .place, .place, .place])
  }

  @Test("generic words the sources list as organisations are not matched")
  func genericWords() throws {
    #expect(try mentions("国家和政府在这一地区的委员会里。").isEmpty)
  }

  @Test("the graph: Person nodes with wd: ids and MENTIONED_IN counts")
  func graphRecords() throws {
    let document = try Fixture.process(Fixture.article(body: "<p>克里说。约翰·克里又说。</p>"))
    let lines = document.records.map { $0.jsonLine() }
    #expect(
      lines.contains {
        $0.contains(#""id":"wd:Q22316","labels":["Person"]"#)
          && $0.contains(#""wikidata":"Q22316""#)
      })
    #expect(
      lines.contains { $0.contains(#""label":"MENTIONED_IN""#) && $0.contains(#""count":2"#) })
  }
}

@Suite("Gazetteer check")
struct GazetteerCheckTests {
  @Test("the shipped gazetteers have no errors")
  func shippedFiles() {
    let findings = GazetteerChecker.check(directory: Paths.repository + "/Gazetteers")
    #expect(findings.filter(\.isError).map(\.description) == [])
  }

  @Test("a broken folder: every problem located at its file and line")
  func brokenFolder() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "qg-gaz-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for file in GazetteerFile.generated {
      try FileManager.default.copyItem(
        atPath: Paths.repository + "/Gazetteers/" + file.fileName,
        toPath: directory + "/" + file.fileName)
    }
    let people = directory + "/people.tsv"
    var text = try String(contentsOfFile: people, encoding: .utf8)
    text += "Qx12\t坏人\t\t\t\t\t\t\t\t0.5\t\t\n"
    text += "Q22316\t重复\t\t\t\t\t\t\t\t0.5\t\t\n"
    text += "person:0123456789abcdef\t太多\t\t\t\t\t\t\t\t7\t\t\n"
    try text.write(toFile: people, atomically: true, encoding: .utf8)
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let errors = GazetteerChecker.check(directory: directory).filter(\.isError).map(\.error)
    #expect(errors.contains { $0.line == lineCount - 2 && $0.message.contains("malformed id") })
    #expect(errors.contains { $0.line == lineCount - 1 && $0.code == "gazetteer.duplicate-id" })
    #expect(errors.contains { $0.line == lineCount && $0.message.contains("prominence") })
    #expect(errors.allSatisfy { $0.file == people })
  }
}
