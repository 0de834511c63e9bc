import Testing

@testable import QuotegraphKit

#if canImport(Glibc)
  import Glibc
#endif

/// The repository root, found from this file's path so the tests run from any directory.
enum RepositoryPaths {
  static let root: String = {
    var path = #filePath
    for _ in 0..<4 {
      if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
    }
    return path
  }()
  static let gazetteers = root + "/Gazetteers"
  static let sharedSources = root + "/../shared/gazetteer-sources"
}

@Suite("Match-key folding")
struct MatchKeyFolderTests {
  let folder = MatchKeyFolder(traditionalToSimplified: ["韓": "韩", "羅": "罗", "佩": "佩"])

  @Test(arguments: ["南希·佩洛西", "南希•佩洛西", "南希‧佩洛西", "南希・佩洛西", "南希･佩洛西"])
  func middleDotVariantsFoldToOneKey(_ name: String) {
    #expect(folder.fold(name) == "南希·佩洛西")
  }

  @Test func traditionalFoldsToSimplified() {
    #expect(folder.fold("韓正") == "韩正")
  }

  @Test func fullWidthFoldsToHalfWidthAndLowercase() {
    #expect(folder.fold("ＡＰＥＣ　１２") == "apec 12")
    #expect(folder.normalizedName("ＡＰＥＣ") == "APEC")
  }

  @Test func foldKeepsOffsets() {
    let text = "據路透社報導，南希・佩洛西（Ｎａｎｃｙ）說"
    #expect(folder.fold(text).unicodeScalars.count == text.unicodeScalars.count)
  }

  @Test func shippedScriptVariantsFoldRealNames() throws {
    let path = RepositoryPaths.gazetteers + "/script-variants.tsv"
    let text = String(decoding: try FileIO.readAll(path: path), as: UTF8.self)
    let shipped = MatchKeyFolder(
      scriptVariants: try GazetteerTable.parse(text, file: .scriptVariants, path: path))
    #expect(shipped.fold("韓正") == "韩正")
    #expect(shipped.fold("約翰•凱瑞") == "约翰·凯瑞")
    #expect(shipped.fold("蔡英文") == "蔡英文")
  }

  @Test("the unit fold table agrees with fold(_:) at every BMP scalar, shipped variants and all")
  func unitFoldTableIsTheFold() throws {
    let path = RepositoryPaths.gazetteers + "/script-variants.tsv"
    let text = String(decoding: try FileIO.readAll(path: path), as: UTF8.self)
    for folder in [
      folder,
      MatchKeyFolder(
        scriptVariants: try GazetteerTable.parse(text, file: .scriptVariants, path: path)),
    ] {
      let table = folder.unitFoldTable
      var disagreeing: [UInt32] = []
      for value in UInt32(0)...0xFFFF {
        guard let scalar = Unicode.Scalar(value) else {
          // A surrogate, never a scalar of the text: the table keeps it.
          #expect(table[Int(value)] == UInt16(value))
          continue
        }
        let folded = folder.fold(scalar).value
        let expected = folded <= 0xFFFF ? UInt16(folded) : UInt16(value)
        if table[Int(value)] != expected { disagreeing.append(value) }
      }
      #expect(disagreeing.isEmpty, "units folded otherwise: \(disagreeing.prefix(10))")
    }
  }
}

@Suite("Gazetteer tables and loader")
struct GazetteerTableTests {
  @Test func parseAndSerializeRoundTrip() throws {
    let text =
      "# why\nid\tname\tclass\taliases\tname_en\tattested\tsources\n"
      + "cue:0000000000000002\t表示\tsay\t\tstate\t\tcurated\n"
      + "cue:0000000000000001\t说\tsay\t說\tsay\t\tcurated\n"
    let table = try GazetteerTable.parse(text, file: .cues, path: "cues.tsv")
    #expect(table.rows.map { $0.line } == [3, 4])
    #expect(table.rows[1].list("aliases") == ["說"])
    let serialized = table.serialized()
    #expect(
      serialized.split(separator: "\n").dropFirst().first?.hasPrefix("cue:0000000000000001") == true
    )
    #expect(try GazetteerTable.parse(serialized, file: .cues, path: "x").serialized() == serialized)
  }

  @Test func badHeaderAndShortRowNameFileAndLine() {
    #expect {
      try GazetteerTable.parse("id\tname\n", file: .cues, path: "cues.tsv")
    } throws: { error in
      (error as? QuotegraphError)?.description.hasPrefix("cues.tsv:1: header must be") == true
    }
    let short = "id\tname\tclass\taliases\tname_en\tattested\tsources\nx\ty\n"
    #expect {
      try GazetteerTable.parse(short, file: .cues, path: "cues.tsv")
    } throws: { error in
      (error as? QuotegraphError)?.description
        == "cues.tsv:2: expected 7 tab-separated fields, found 2"
    }
  }

  @Test func badRowsAreReportedWithTheirLine() throws {
    let header = GazetteerFile.people.columns.joined(separator: "\t") + "\n"
    func load(_ row: String) throws -> [PersonEntry] {
      let table = try GazetteerTable.parse(header + row + "\n", file: .people, path: "people.tsv")
      return try Gazetteer.decode((table, "people.tsv"), PersonEntry.init(row:))
    }
    let good = "Q48405\t韩正\tHan Zheng\t韓正\t\tCN\t1954-04-22\t\tmale\t0.6\t国家副主席@2023-03..\tcurated"
    let people = try load(good)
    #expect(people.first?.roles == [RoleTenure(role: "国家副主席", from: "2023-03", to: "")])
    #expect(people.first?.aliases == ["韓正"])
    #expect(people.first?.gender == .male)
    let cases = [
      ("X1\t韩正\t\t\t\t\t\t\t\t\t\t", "malformed id"),
      ("Q1\t韩正\t\t\t\tchina\t\t\t\t\t\t", "country"),
      ("Q1\t韩正\t\t\t\t\t1954/04\t\t\t\t\t", "born"),
      ("Q1\t韩正\t\t\t\t\t\t\tman\t\t\t", "gender"),
      ("Q1\t韩正\t\t\t\t\t\t\t\t2\t\t", "prominence"),
      ("Q1\t韩正\t\t\t\t\t\t\t\t\t副主席@2023\t", "role"),
      ("Q1\t\t\t\t\t\t\t\t\t\t\t", "name is empty"),
      (good + "\n" + good, "also used on line 2"),
    ]
    for (row, message) in cases {
      #expect {
        try load(row)
      } throws: { error in
        let text = (error as? QuotegraphError)?.description ?? ""
        return text.hasPrefix("people.tsv:") && text.contains(message)
      }
    }
  }

  /// Ids, dates, country codes and lists are checked on bytes (start-up speed): the same
  /// verdicts as the character rules, edge cases included.
  @Test func byteLevelRowChecks() throws {
    let header = GazetteerFile.people.columns.joined(separator: "\t") + "\n"
    func load(id: String = "Q1", country: String = "", born: String = "", aliases: String = "")
      throws -> PersonEntry?
    {
      let row = "\(id)\t韩正\t\t\(aliases)\t\t\(country)\t\(born)\t\t\t\t\t"
      let table = try GazetteerTable.parse(header + row + "\n", file: .people, path: "people.tsv")
      return try Gazetteer.decode((table, "people.tsv"), PersonEntry.init(row:)).first
    }
    for id in ["Q1", "Q123456789", "person:0123456789abcdef"] {
      #expect(try load(id: id)?.id == id)
    }
    for id in [
      "Q", "q1", "Q1a", "Q１", "Q1\u{301}", "person:0123456789ABCDEF", "person:0123456789abcde",
      "person:0123456789abcdef0", "org:0123456789abcdef", "person0123456789abcdef",
      "person::123456789abcdef",
    ] {
      #expect(throws: QuotegraphError.self, "\(id)") { try load(id: id) }
    }
    for country in ["", "CN", "US"] { #expect(try load(country: country)?.country == country) }
    for country in ["cn", "C", "CHN", "Ｃ", "C\u{301}N"] {
      #expect(throws: QuotegraphError.self, "\(country)") { try load(country: country) }
    }
    for date in ["", "1954", "1954-04", "1954-04-22"] {
      #expect(try load(born: date)?.born == date)
    }
    for date in ["195", "1954-4", "1954-04-2", "1954/04", "１９５４", "1954-04-22T", "195\u{301}4"] {
      #expect(throws: QuotegraphError.self, "\(date)") { try load(born: date) }
    }
    #expect(try load(aliases: "|韓正||韩正|Han|")?.aliases == ["韓正", "韩正", "Han"])
    #expect(try load(aliases: "|")?.aliases == [])
  }

  @Test func roleTenures() {
    #expect(RoleTenure(parsing: "美国总统气候问题特使@2021-01..2024-03")?.to == "2024-03")
    #expect(RoleTenure(parsing: "发言人")?.text == "发言人")
    #expect(RoleTenure(parsing: "总理@2023..")?.from == "2023")
    #expect(RoleTenure(parsing: "总理@last year..") == nil)
  }

  /// Reads the shipped files, not ../shared, so it always runs.
  @Test func shippedGazetteersLoad() throws {
    let gazetteer = try Gazetteer.load(directory: RepositoryPaths.gazetteers)
    #expect(gazetteer.people.count >= 10_000)
    #expect(!gazetteer.roles.isEmpty && !gazetteer.organizations.isEmpty)
    #expect(!gazetteer.places.isEmpty && !gazetteer.cues.isEmpty)
    let byName = Dictionary(
      gazetteer.people.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    #expect(byName["南希·佩洛西"]?.id == "Q170581")
    #expect(byName["南希·佩洛西"]?.shortForms.contains("佩洛西") == true)
    #expect(byName["约翰·克里"]?.shortForms.contains("克里") == true)
    #expect(byName["韩正"]?.aliases.contains("韓正") == true)
    #expect(byName["解振华"]?.roles.first?.role == "中国气候变化事务特使")
    let roleNames = Set(gazetteer.roles.map(\.name))
    for person in gazetteer.people {
      for tenure in person.roles {
        #expect(roleNames.contains(tenure.role), "\(person.name): unknown role \(tenure.role)")
      }
    }
    let media = Set(gazetteer.organizations.filter { $0.kind == .media }.map(\.name))
    for outlet in ["路透社", "法新社", "美联社", "彭博社", "共同社", "中央社", "新华社", "法广", "美国之音"] {
      #expect(media.contains(outlet), "\(outlet) missing")
    }
    #expect(gazetteer.places.first { $0.iso2 == "US" }?.name == "美国")
    #expect(Set(gazetteer.cues.map(\.cueClass)) == Set(CueClass.allCases))
  }
}

@Suite("Gazetteer import")
struct GazetteerImportTests {
  static let sourcesPresent = FileIO.kind(of: RepositoryPaths.sharedSources) == .directory

  @Test func curatedRowsOverrideAndAdd() throws {
    let curatedText =
      GazetteerFile.people.columns.joined(separator: "\t") + "\n"
      + "Q1\t\t\t\t\tUS\t\t\t\t\t\tcurated\n" + "\t解振华\tXie Zhenhua\t\t\tCN\t\t\t\t\t\tcurated\n"
    let curated = try GazetteerTable.parse(curatedText, file: .people, path: "curated/people.tsv")
    let elite = ChineseEliteSource(
      nodes: [
        .init(
          id: "Q1", type: "Person", chineseNames: ["南希·佩洛西", "佩洛西", "B-52", "毛"],
          englishNames: ["Nancy Pelosi"], lifetime: "1940-03-26 - ")
      ], edges: [], genders: ["Q1": "female"])
    let importer = GazetteerImporter(
      sources: GazetteerSources(elite: elite), curated: [.people: curated],
      traditional: { $0 == "解振华" ? "解振華" : $0 })
    let people = importer.run().tables[.people]?.rows ?? []
    #expect(people.map { $0["name"] } == ["南希·佩洛西", "解振华"])
    #expect(people[0]["country"] == "US")
    #expect(people[0]["sources"] == "chinese-elite|curated")
    #expect(people[0]["short_forms"] == "佩洛西")
    #expect(people[0]["aliases"] == "")
    #expect(people[0]["born"] == "1940-03-26")
    #expect(people[0]["gender"] == "female")
    #expect(people[1]["gender"] == "")
    #expect(people[1]["id"] == GazetteerFile.people.derivedID(name: "解振华"))
    #expect(people[1]["aliases"] == "解振華")
  }

  @Test(
    .enabled(
      if: sourcesPresent,
      "skipped: ../shared/gazetteer-sources is absent, so the full import cannot run"))
  func importFromSharedSourcesMatchesTheShippedFiles() throws {
    let importer = GazetteerImporter(
      sources: try GazetteerSources.read(directory: RepositoryPaths.sharedSources),
      curated: try GazetteerImporter.readCurated(directory: RepositoryPaths.gazetteers),
      traditional: GazetteerImporter.icuTraditional())
    let result = importer.run()
    for file in GazetteerFile.generated {
      let path = RepositoryPaths.gazetteers + "/" + file.fileName
      let shipped = String(decoding: try FileIO.readAll(path: path), as: UTF8.self)
      #expect(
        result.tables[file]?.serialized() == shipped,
        "\(file.fileName) is stale: run quotegraph gazetteer import --from ../shared/gazetteer-sources"
      )
    }
  }
}
