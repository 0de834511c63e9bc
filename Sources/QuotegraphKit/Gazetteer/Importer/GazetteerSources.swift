import ICUText

/// Everything the importer reads from a `gazetteer-sources` folder, parsed. Only sources whose
/// licence allows redistribution feed rows; the research-only lexicons (Cilin, HowNet, the
/// word2vec list) are read only to record which curated cues they attest.
public struct GazetteerSources: Sendable {
  public var elite: ChineseEliteSource
  /// country-codes.csv rows by column name.
  public var countries: [[String: String]]
  /// CLDR locale (`zh_CN`, `zh_Hant`, `zh_HK`) → ISO alpha-2 → short name.
  public var countryNames: [String: [String: String]]
  /// CedPane public-domain glosses: word → English.
  public var definitions: [String: String]
  /// CedPane names dictionary.
  public var dictionary: [SourceFormats.DictionaryEntry]
  public var scriptVariants: [(traditional: String, simplified: String)]
  public var cilin: [(code: String, words: [String])]
  public var claimWords: [String]
  public var sayWords: [(word: String, score: Double)]

  public init(
    elite: ChineseEliteSource, countries: [[String: String]] = [],
    countryNames: [String: [String: String]] = [:], definitions: [String: String] = [:],
    dictionary: [SourceFormats.DictionaryEntry] = [],
    scriptVariants: [(traditional: String, simplified: String)] = [],
    cilin: [(code: String, words: [String])] = [], claimWords: [String] = [],
    sayWords: [(word: String, score: Double)] = []
  ) {
    self.elite = elite
    self.countries = countries
    self.countryNames = countryNames
    self.definitions = definitions
    self.dictionary = dictionary
    self.scriptVariants = scriptVariants
    self.cilin = cilin
    self.claimWords = claimWords
    self.sayWords = sayWords
  }

  /// The CLDR locales read, in the order their names become aliases.
  public static let countryNameLocales = ["zh_CN", "zh_Hant", "zh_HK"]

  /// Reads and parses every source under `directory` (the layout of
  /// `shared/gazetteer-sources`). A missing or corrupt file is an error naming it.
  public static func read(directory: String) throws(QuotegraphError) -> GazetteerSources {
    func text(_ path: String) throws(QuotegraphError) -> String {
      String(decoding: try FileIO.readAll(path: directory + "/" + path), as: UTF8.self)
    }
    func json(_ path: String) throws(QuotegraphError) -> JSONValue {
      try JSONReader.parse(try FileIO.readAll(path: directory + "/" + path), name: path)
    }

    let archivePath = "chinese-elite/docs-data-nodes.tar.gz"
    let archive = try ArchiveReader(path: directory + "/" + archivePath)
    var nodes: [ChineseEliteSource.Node] = []
    var edges: [ChineseEliteSource.Edge] = []
    while let member = try archive.next() {
      guard member.name.hasSuffix("node.json") else { continue }
      let value: JSONValue
      do {
        value = try JSONReader.parse(try member.content.get(), name: member.name)
      } catch {
        throw error.located(in: archivePath)
      }
      let (node, nodeEdges) = ChineseEliteSource.parseNodeFile(value)
      if let node { nodes.append(node) }
      edges.append(contentsOf: nodeEdges)
    }
    let initial = try json("chinese-elite/initial.json")
    let elite = ChineseEliteSource(
      nodes: nodes, edges: edges,
      nameToID: ChineseEliteSource.parseNameToID(try json("chinese-elite/name_to_id.json")),
      titles: ChineseEliteSource.parseTitles(try json("chinese-elite/qcode_cache.json")),
      coreIDs: ChineseEliteSource.parseCoreIDs(initial),
      genders: ChineseEliteSource.parseGenders(initial))

    var countryNames: [String: [String: String]] = [:]
    for locale in countryNameLocales {
      var names: [String: String] = [:]
      for row in SourceFormats.csvTable(try text("cldr-country-names/\(locale)/country.csv")) {
        if let code = row["id"], let name = row["value"] { names[code] = name }
      }
      countryNames[locale] = names
    }

    let cilinPath = "cilin/cilin.txt"
    // Cilin is the one GBK-encoded source.
    let cilinBytes = try FileIO.readAll(path: directory + "/" + cilinPath)
    let cilinText: String
    do {
      cilinText = String(decoding: try Charset.decode(cilinBytes, from: "GBK"), as: UTF16.self)
    } catch {
      throw QuotegraphError(
        "gazetteer.source-corrupt", "not GBK: \(error.icuErrorName)", file: cilinPath)
    }

    return GazetteerSources(
      elite: elite,
      countries: SourceFormats.csvTable(try text("country-codes/country-codes.csv")),
      countryNames: countryNames,
      definitions: SourceFormats.englishDefinitions(try text("cedpane/PD-English-Definitions.tsv")),
      dictionary: SourceFormats.cedict(try text("cedpane/CedPane-ChinaScribe.txt")),
      scriptVariants: SourceFormats.openCCCharacters(try text("opencc/TSCharacters.txt")),
      cilin: SourceFormats.cilin(cilinText),
      claimWords: SourceFormats.wordList(try text("hownet-claim-words/主张词语（中文）.txt")),
      sayWords: SourceFormats.scoredWords(try text("say-words-w2v/say_words.txt")))
  }
}
