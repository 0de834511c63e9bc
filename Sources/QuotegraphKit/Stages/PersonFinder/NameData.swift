/// The data person discovery, coreference and role linking share: the name model derived from
/// the gazetteer (`name-model.tsv`), the words that look like names and are not
/// (`name-traps.tsv` and its curated rows), the common words no name cuts (`common-words.tsv`)
/// and the titles (`roles.tsv` names and aliases, and
/// `curated/title-words.tsv`).
public struct NameData: Sendable {
  /// Surnames (one or two characters) with their weight: ln P(char | surname) − ln P(char | text).
  public var surnames: [String: Double] {
    didSet {
      surnameStarts = NameData.firstUnits(of: surnames.keys)
      surnamesByUnits = NameData.byUnits(surnames)
      singleSurnames = NameData.singles(surnames)
      surnameStartUnits = UnitSet(units: surnameStarts)
      pairSurnameStartUnits = UnitSet(units: NameData.pairStarts(surnames))
    }
  }
  /// One-character surnames by their unit, and a bitmap of the first units of all: person
  /// discovery asks at every character.
  private var singleSurnames = UnitWeights()
  /// The first units of the surnames, to keep in a local value in a scan of the text.
  private(set) var surnameStartUnits = UnitSet("")
  private var pairSurnameStartUnits = UnitSet("")
  /// The surnames keyed by their one or two UTF-16 units (the first in the high half): looked
  /// up without making a string.
  private var surnamesByUnits: [UInt32: Double] = [:]
  /// The first UTF-16 unit of every surname, to skip most characters without a lookup.
  public private(set) var surnameStarts: Set<UInt16> = []
  /// Given-name characters with their weight.
  public var given: UnitWeights
  /// Characters of transliterated foreign names with their weight inside a name word, as its
  /// first character and as its last.
  public var foreign: UnitWeights
  public var foreignFirst: UnitWeights
  public var foreignLast: UnitWeights
  public var traps: Set<String> {
    get { trapWords.words }
    set { trapWords = UnitWordSet(newValue) }
  }
  /// The traps, looked up by the units of a candidate without making a string.
  public private(set) var trapWords = UnitWordSet([])
  /// The traps that name places and things (note `place`: 沈阳, 南斯拉夫): a candidate that starts
  /// with one is none either (沈阳|小雨, 辽宁|阜新).
  public var placeTraps: Set<String> {
    get { placeTrapWords.words }
    set { placeTrapWords = UnitWordSet(newValue) }
  }
  public private(set) var placeTrapWords = UnitWordSet([])
  /// Common words of three characters or more (偷梁换柱, 新技术, 斯诺克), and the longest's length.
  /// The `after` and `before` words of `curated/name-edges.tsv`: person discovery's name edges,
  /// and the function words coreference takes for no bare surname.
  public var edgeAfter: [String] = []
  public var edgeBefore: [String] = []
  public var commonWords: [String] = [] {
    didSet {
      let patterns = commonWords.map { Array($0.utf16) }
      commonWordsForward = PatternAutomaton(patterns: patterns)
      longestCommonWord = patterns.map(\.count).max() ?? 0
      var bits = [UInt64](repeating: 0, count: NameData.pairFilterBits / 64)
      bits.withUnsafeMutableBufferPointer { bits in
        for pattern in patterns where pattern.count >= 2 {
          for index in 1..<pattern.count {
            let bit = NameData.pairBit(pattern[index - 1], pattern[index])
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
          }
        }
      }
      commonWordPairs = bits
    }
  }
  private var commonWordsForward = PatternAutomaton(patterns: [])
  private var longestCommonWord = 0
  /// The pairs of units the common words hold side by side, as bits of a hash of the pair (a
  /// filter: a set bit may be another pair's): a word covers an edge of a name only where the
  /// two units across it are such a pair, which most edges are not. A `Set<UInt32>` of the
  /// 60,000 pairs cost 26 M instructions to build.
  private var commonWordPairs: [UInt64] = []
  private static let pairFilterBits = 1 << 20
  /// Every title, by its text: the gazetteer role it names, if any.
  public var titles: [String: TitleEntry] {
    didSet { (titlesForward, titlesBackward) = NameData.tries(of: titles.keys) }
  }
  /// The longest title, in UTF-16 units.
  public var longestTitle: Int
  /// The titles, and the titles read backwards: finding the title at an offset walks them
  /// without making a string (this runs for nearly every character of the text).
  private var titlesForward = PatternAutomaton(patterns: [])
  private var titlesBackward = PatternAutomaton(patterns: [])

  /// A title: the gazetteer role it names (`nil` for curated title words).
  public struct TitleEntry: Sendable, Equatable {
    public var roleID: String?
    public var roleName: String?
    public var kind: String?
  }

  public init(
    surnames: [String: Double], given: UnitWeights, foreign: UnitWeights,
    foreignFirst: UnitWeights = [:], foreignLast: UnitWeights = [:],
    traps: some Sequence<String>, titles: [String: TitleEntry]
  ) {
    self.surnames = surnames
    self.surnameStarts = NameData.firstUnits(of: surnames.keys)
    self.surnamesByUnits = NameData.byUnits(surnames)
    self.singleSurnames = NameData.singles(surnames)
    self.surnameStartUnits = UnitSet(units: surnameStarts)
    self.pairSurnameStartUnits = UnitSet(units: NameData.pairStarts(surnames))
    self.given = given
    self.foreign = foreign
    self.foreignFirst = foreignFirst
    self.foreignLast = foreignLast
    self.trapWords = UnitWordSet(traps)
    self.titles = titles
    self.longestTitle = titles.keys.map(\.utf16.count).max() ?? 0
    (titlesForward, titlesBackward) = NameData.tries(of: titles.keys)
  }

  /// The traditional characters of each simplified one (罗 → 羅, 欧 → 歐), from
  /// `script-variants.tsv`: one unit each.
  public var traditionalForms: [UInt16: [UInt16]] = [:] {
    didSet {
      var table = [UInt16](repeating: 0, count: traditionalForms.isEmpty ? 0 : 1 << 16)
      for (simplified, forms) in traditionalForms {
        for form in forms { table[Int(form)] = simplified }
      }
      simplifiedUnit = table
    }
  }

  /// `traditionalForms` read backwards, by unit: the simplified character of each traditional
  /// one, 0 for the rest (a table, as every name of every article asks).
  private(set) var simplifiedUnit: [UInt16] = []

  /// `name` with its traditional characters simplified (羅秉成 → 罗秉成): what a discovered name
  /// is known by, so that one person written in either script is one. Never shown: the fold
  /// would also turn 乾隆 into 干隆. `name` itself, unmade, when it has none.
  public func scriptKey(of name: String) -> String {
    guard !simplifiedUnit.isEmpty,
      name.utf16.contains(where: { simplifiedUnit[Int($0)] != 0 })
    else { return name }
    return String(
      decoding: name.utf16.map { simplifiedUnit[Int($0)] == 0 ? $0 : simplifiedUnit[Int($0)] },
      as: UTF16.self)
  }

  /// The forms of `word` with some of its characters traditional (欧阳 → 歐陽, 欧陽, 歐阳), at most
  /// `maximumVariants`, `word` itself left out.
  static func traditionalVariants(of word: String, _ forms: [UInt16: [UInt16]]) -> [String] {
    var variants: [[UInt16]] = [[]]
    for unit in word.utf16 {
      let options = [unit] + (forms[unit] ?? [])
      variants = Array(
        variants.lazy.flatMap { prefix in options.lazy.map { prefix + [$0] } }
          .prefix(NameData.maximumVariants))
    }
    let written = Array(word.utf16)
    return variants.filter { $0 != written }.map { String(decoding: $0, as: UTF16.self) }
  }

  /// The most forms `traditionalVariants(of:_:)` gives one word.
  static let maximumVariants = 8

  /// `words` and their traditional forms (说 → 說, 表示, 告诉 → 告訴).
  public func withTraditionalForms(_ words: [String]) -> [String] {
    guard !traditionalForms.isEmpty else { return words }
    return words + words.flatMap { NameData.traditionalVariants(of: $0, traditionalForms) }
  }

  static func tries(of titles: some Sequence<String>) -> (PatternAutomaton, PatternAutomaton) {
    let forward = titles.map { Array($0.utf16) }
    return (
      PatternAutomaton(patterns: forward), PatternAutomaton(patterns: forward.map { $0.reversed() })
    )
  }

  /// The name data of `directory`, loaded once for all the stages built in `context`.
  public static func load(directory: String, sharedIn context: StageContext)
    throws(QuotegraphError) -> NameData
  {
    try context.shared.value("NameData:" + directory) { () throws(QuotegraphError) in
      try load(
        directory: directory,
        traditionalForms: try Gazetteer.load(directory: directory, sharedIn: context).folder
          .traditionalForms)
    }
  }

  /// Loads the files of the gazetteer folder `directory`. `traditionalForms`: the traditional
  /// characters of each simplified one (`MatchKeyFolder.traditionalForms`), which weigh as it.
  public static func load(directory: String, traditionalForms: [UInt16: [UInt16]] = [:])
    throws(QuotegraphError) -> NameData
  {
    func table(_ path: String, _ file: GazetteerFile) throws(QuotegraphError) -> GazetteerTable {
      try GazetteerTable.parse(bytes: try FileIO.readAll(path: path), file: file, path: path)
    }
    let modelPath = directory + "/" + GazetteerFile.nameModel.fileName
    var surnames: [String: Double] = [:]
    var given = UnitWeights()
    var foreign = UnitWeights()
    var foreignFirst = UnitWeights()
    var foreignLast = UnitWeights()
    for row in try table(modelPath, .nameModel).rows {
      guard let weight = Double(row["weight"]) else {
        throw QuotegraphError(
          "gazetteer.bad-row", "weight \"\(row["weight"])\" is not a number", file: modelPath,
          line: row.line)
      }
      let form = Array(row["form"].utf16)
      switch row["kind"] {
      case "surname" where (1...2).contains(form.count): surnames[row["form"]] = weight
      case "given" where form.count == 1: given[form[0]] = weight
      case "foreign" where form.count == 1: foreign[form[0]] = weight
      case "foreign-first" where form.count == 1: foreignFirst[form[0]] = weight
      case "foreign-last" where form.count == 1: foreignLast[form[0]] = weight
      default:
        throw QuotegraphError(
          "gazetteer.bad-row",
          "expected kind surname (1 or 2 characters), given, foreign, foreign-first or foreign-last (1 character), found \(row["kind"]) \(row["form"])",
          file: modelPath, line: row.line)
      }
    }
    // Lists, not Sets: `UnitWordSet` hashes them as Strings only if a lookup needs it.
    var traps: [String] = []
    var placeTraps: [String] = []
    for path in [
      directory + "/" + GazetteerFile.nameTraps.fileName,
      directory + "/curated/" + GazetteerFile.nameTraps.fileName,
    ] where FileIO.kind(of: path) == .file {
      for row in try table(path, .nameTraps).rows {
        traps.append(row["word"])
        if row["note"] == "place" { placeTraps.append(row["word"]) }
      }
    }
    var titles: [String: TitleEntry] = [:]
    let rolesPath = directory + "/" + GazetteerFile.roles.fileName
    for row in try table(rolesPath, .roles).rows {
      let entry: RoleEntry
      do {
        entry = try RoleEntry(row: row)
      } catch {
        throw error.located(in: rolesPath)
      }
      let value = TitleEntry(roleID: entry.id, roleName: entry.name, kind: entry.kind.rawValue)
      for form in [entry.name] + entry.aliases where titles[form] == nil { titles[form] = value }
    }
    let wordsPath = directory + "/curated/" + GazetteerFile.titleWords.fileName
    if FileIO.kind(of: wordsPath) == .file {
      for row in try table(wordsPath, .titleWords).rows where titles[row["word"]] == nil {
        titles[row["word"]] = TitleEntry()
      }
    }
    // Names written in traditional characters (羅秉成, 歐陽) weigh as their simplified forms:
    // the model is estimated from simplified text.
    func inherit(_ weights: inout UnitWeights) {
      for (simplified, forms) in traditionalForms {
        guard let weight = weights[simplified] else { continue }
        for form in forms where weights[form] == nil { weights[form] = weight }
      }
    }
    inherit(&given)
    inherit(&foreign)
    inherit(&foreignFirst)
    inherit(&foreignLast)
    for (surname, weight) in surnames {
      for form in NameData.traditionalVariants(of: surname, traditionalForms)
      where surnames[form] == nil {
        surnames[form] = weight
      }
    }
    var data = NameData(
      surnames: surnames, given: given, foreign: foreign, foreignFirst: foreignFirst,
      foreignLast: foreignLast, traps: traps, titles: titles)
    data.traditionalForms = traditionalForms
    data.placeTrapWords = UnitWordSet(placeTraps)
    (data.edgeAfter, data.edgeBefore) = try PersonFinder.loadEdges(
      directory + "/curated/" + GazetteerFile.nameEdges.fileName)
    let commonPath = directory + "/" + GazetteerFile.commonWords.fileName
    if FileIO.kind(of: commonPath) == .file {
      data.commonWords = try table(commonPath, .commonWords).rows.map { $0["word"] }
    }
    return data
  }

  /// Whether a common word is the name `start..<end` or covers an edge of it (lying inside it
  /// is no matter): 柳叶刀 is no name, 偷|梁换柱 holds no name 梁换柱, 高新|技术 no 高新, 斯诺|克 no
  /// 斯诺.
  /// `beingOne: false` leaves out the name being a word (the gazetteer's people are none).
  public func overlapsCommonWord(
    _ start: Int, _ end: Int, in units: [UInt16], beingOne: Bool = true
  ) -> Bool {
    guard longestCommonWord > 0, start < end, end <= units.count else { return false }
    func mayHold(_ first: UInt16, _ second: UInt16) -> Bool {
      let bit = NameData.pairBit(first, second)
      return commonWordPairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
    let acrossStart = start > 0 && mayHold(units[start - 1], units[start])
    let acrossEnd = end < units.count && mayHold(units[end - 1], units[end])
    guard beingOne || acrossStart || acrossEnd else { return false }
    var found = false
    units.withUnsafeBufferPointer { buffer in
      // The name itself; a word covering the start edge (also one covering the whole name);
      // one starting inside the name and covering its end.
      if beingOne {
        commonWordsForward.forEachMatch(in: buffer, at: start) { length, _ in
          if length == end - start { found = true }
        }
      }
      if acrossStart {
        for wordStart in max(0, start - longestCommonWord + 1)..<start where !found {
          commonWordsForward.forEachMatch(in: buffer, at: wordStart) { length, _ in
            if wordStart + length > start { found = true }
          }
        }
      }
      if acrossEnd {
        for wordStart in start..<end where !found {
          commonWordsForward.forEachMatch(in: buffer, at: wordStart) { length, _ in
            if wordStart + length > end { found = true }
          }
        }
      }
    }
    return found
  }

  /// The filter's bit for a pair: the top 20 bits of a multiplicative hash of the two units.
  static func pairBit(_ first: UInt16, _ second: UInt16) -> Int {
    Int(((UInt32(first) << 16 | UInt32(second)) &* 0x9E37_79B1) >> 12)
  }

  /// Whether `unit` is written in transliterated names at all.
  public func isTransliteration(_ unit: UInt16) -> Bool {
    foreign[unit] != nil || foreignFirst[unit] != nil || foreignLast[unit] != nil
  }

  /// The longest title ending at `end` (UTF-16 offset) in `units`, as its start offset.
  @inline(__always)
  public func titleStart(endingAt end: Int, in units: [UInt16], minimumStart: Int = 0) -> Int? {
    var best: Int?
    units.withUnsafeBufferPointer { buffer in
      titlesBackward.forEachMatch(in: buffer, endingAt: end, lowerBound: minimumStart) {
        length, _ in
        if length >= 2 { best = end - length }
      }
    }
    return best
  }

  /// The longest title starting at `start` in `units`, as its end offset.
  @inline(__always)
  public func titleEnd(startingAt start: Int, in units: [UInt16], limit: Int) -> Int? {
    var best: Int?
    units.withUnsafeBufferPointer { buffer in
      titlesForward.forEachMatch(in: buffer, at: start, limit: limit) { length, _ in
        if length >= 2 { best = start + length }
      }
    }
    return best
  }

  /// The weight of the surname written in `units[start..<(start + length)]` (1 or 2), if any.
  @inline(__always)
  public func surnameWeight(_ units: [UInt16], at start: Int, length: Int) -> Double? {
    let first = units[start]
    if length == 1 { return singleSurnames[first] }
    // Few characters start a two-character surname (欧阳, 司马): most need no hash lookup.
    guard pairSurnameStartUnits.contains(first) else { return nil }
    return surnamesByUnits[UInt32(first) << 16 | UInt32(units[start + 1])]
  }

  // The lookups above are inlined: NameData is large, and a call that is not copied the whole
  // value to a temporary to pass it (callgrind: 217,000 memcpy calls on 99 articles).

  static func pairStarts(_ surnames: [String: Double]) -> Set<UInt16> {
    Set(surnames.keys.filter { $0.utf16.count == 2 }.compactMap(\.utf16.first))
  }

  static func singles(_ surnames: [String: Double]) -> UnitWeights {
    var table = UnitWeights()
    for (surname, weight) in surnames where surname.utf16.count == 1 {
      if let unit = surname.utf16.first { table[unit] = weight }
    }
    return table
  }

  static func byUnits(_ surnames: [String: Double]) -> [UInt32: Double] {
    var table: [UInt32: Double] = [:]
    for (surname, weight) in surnames {
      let units = Array(surname.utf16)
      switch units.count {
      case 1: table[UInt32(units[0]) << 16] = weight
      case 2: table[UInt32(units[0]) << 16 | UInt32(units[1])] = weight
      default: continue
      }
    }
    return table
  }

  static func firstUnits(of names: some Sequence<String>) -> Set<UInt16> {
    Set(names.compactMap { $0.utf16.first })
  }
}

/// A list of context words, to ask whether one of them starts or ends at an offset of the
/// text without making strings (person discovery asks for nearly every character).
public struct ContextWords: Sendable {
  private let forward: PatternAutomaton
  private let backward: PatternAutomaton

  public init(_ words: [String]) {
    let units = words.filter { !$0.isEmpty }.map { Array($0.utf16) }
    forward = PatternAutomaton(patterns: units)
    backward = PatternAutomaton(patterns: units.map { $0.reversed() })
  }

  /// Whether one of the words is written from `offset` on.
  public func start(at offset: Int, in units: [UInt16]) -> Bool {
    guard offset >= 0 else { return false }
    var found = false
    units.withUnsafeBufferPointer { buffer in
      forward.forEachMatch(in: buffer, at: offset) { _, _ in found = true }
    }
    return found
  }

  /// The end of the longest of the words written from `offset` on, if any.
  public func longestEnd(startingAt offset: Int, in units: [UInt16]) -> Int? {
    guard offset >= 0 else { return nil }
    var longest = 0
    units.withUnsafeBufferPointer { buffer in
      forward.forEachMatch(in: buffer, at: offset) { length, _ in longest = max(longest, length) }
    }
    return longest > 0 ? offset + longest : nil
  }

  /// Whether some word written from `offset` on ends where `accepts` says yes (given the
  /// offset just past it).
  public func start(
    at offset: Int, in units: [UInt16], endingWhere accepts: (Int) -> Bool
  ) -> Bool {
    guard offset >= 0 else { return false }
    var found = false
    units.withUnsafeBufferPointer { buffer in
      forward.forEachMatch(in: buffer, at: offset) { length, _ in
        if !found && accepts(offset + length) { found = true }
      }
    }
    return found
  }

  /// Whether one of the words ends right before `offset`.
  public func end(at offset: Int, in units: [UInt16]) -> Bool {
    var found = false
    units.withUnsafeBufferPointer { buffer in
      backward.forEachMatch(in: buffer, endingAt: offset) { _, _ in found = true }
    }
    return found
  }
}

extension UInt16 {
  /// A CJK unified ideograph (BMP blocks).
  var isIdeograph: Bool { (0x4E00...0x9FFF).contains(self) || (0x3400...0x4DBF).contains(self) }
  /// An ASCII letter.
  var isLatinLetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
  /// Any of the middle dots foreign names are written with (`MatchKeyFolder.middleDotVariants`).
  var isNameDot: Bool { UInt16.nameDots.contains(self) }
  /// A dash some writers join a foreign name's words with instead of a dot (约翰—格伦,
  /// 索尔-坎贝尔): one only between two transliteration characters.
  var isNameDash: Bool { UInt16.nameDashes.contains(self) }
  /// A dot or a dash: what parts a foreign name's words.
  var isNameJoiner: Bool { UInt16.nameJoiners.contains(self) }

  /// The middle dots of `MatchKeyFolder.middleDotVariants` in the BMP.
  private static let dotUnits = MatchKeyFolder.middleDotVariants.union([MatchKeyFolder.middleDot])
    .compactMap { $0.value <= 0xFFFF ? UInt16($0.value) : nil }
  /// Hyphen-minus, hyphen, non-breaking hyphen, en and em dash, horizontal bar, fullwidth
  /// hyphen-minus.
  private static let dashUnits: [UInt16] = [0x2D, 0x2010, 0x2011, 0x2013, 0x2014, 0x2015, 0xFF0D]
  // Looked up instead of hashed: asked at every character of a transliteration run.
  private static let nameDots = UnitSet(units: dotUnits)
  private static let nameDashes = UnitSet(units: dashUnits)
  private static let nameJoiners = UnitSet(units: dotUnits + dashUnits)
}
