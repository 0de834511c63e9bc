#if canImport(Glibc)
  import Glibc
#endif

/// Finds people the gazetteer lacks: Chinese names (a surname from `name-model.tsv`, then one
/// or two given-name characters weighed by the model), transliterated foreign names (runs of
/// transliteration characters, joined by any middle dot), with the context as evidence: a
/// title before (外交部发言人汪文斌), a speech cue or 先生/女士 after, ICU's word boundaries
/// (a name that cuts a dictionary word, or a two-character name ICU reads as one word, loses
/// weight) and the words that look like names and are not (`name-traps.tsv`: 王国, 高度).
/// A name followed by a Latin form in parentheses gets it as `name_en` and an alias.
/// Discovered people join `entities` and `mentions` with a `confidence`.
public struct PersonFinder: Stage {
  public static let type = "person.discover.v1"
  public static let requires: Set<Layer> = [.cleanText, .tokens, .mentions]
  public static let provides: Set<Layer> = [.persons]

  public struct Settings: Sendable, Equatable {
    /// A candidate is kept when its score reaches this.
    public var threshold: Double = 6.0
    /// Foreign names: each character adds its weight minus this bias.
    public var foreignBias: Double = 1.5
    public var foreignThreshold: Double = 3.0
    /// A character belongs to a run of transliteration characters when one of its weights
    /// reaches this: 和, 的, 日 (weights below −1.5) end a run.
    public var foreignMinimumWeight: Double = -1.5
    /// The weight of a given-name character the model never saw.
    public var unseenGivenWeight: Double = -4.0
    /// Added to three-character names (surname and two characters), the commonest shape.
    public var threeCharacterBonus: Double = 1.0
    /// Taken from a two-character candidate that ICU reads as one dictionary word.
    public var singleWordPenalty: Double = 3.0
    /// Taken from a three-character candidate whose given name ICU reads as one word (王|毅然).
    public var wordGivenPenalty: Double = 3.0
    /// Taken from a candidate that cuts through an ICU word.
    public var cutPenalty: Double = 3.0
    /// Added when a title (roles, title words) or a `cues_before` word ends right before.
    public var titleBonus: Double = 3.0
    /// Added when one of `cues_after` follows.
    public var cueBonus: Double = 2.0
    public var cuesBefore: [String] = []
    public var cuesAfter: [String] = []
    /// Forms of address after a bare surname (李先生, 江主席): the surname alone is a name.
    public var addressAfter: [String] = []
    /// Added to a bare surname before a form of address or a title (郑先生, 唐外长), with
    /// `cue_bonus`: its own weight is all the name there is.
    public var addressBonus: Double = 0
    /// The score of a name in Latin letters (Svensson, Alex Ferguson): it is kept only with a
    /// title before it or a cue after it.
    public var latinScore: Double = 4.0
    /// Added to a transliterated name followed by its Latin form in parentheses, word for word
    /// (德鲁·帕夫洛(Drew Pavlou), 杰弗里•扬(Jeffrey Young)), before and after the classifier:
    /// the dev sets it learns from hold almost none.
    public var latinFormBonus: Double = 0
    /// Words that show the candidate names a place or a thing (石渠县, 金水河, 波拉尔牌).
    public var notNameAfter: [String] = []
    /// Words that show the next characters are no name: numerals and classifiers (3张卫星).
    public var notNameBefore: [String] = []
    /// Words before a transliteration that show it names a place (抵拉塔基亚, 在科索沃).
    public var notForeignNameBefore: [String] = []
    /// Function characters (`curated/name-edges.tsv`) that start the word after a name
    /// (王毅|早前, 张涛|在) or end the word before it (向|王毅): a candidate does not grow a
    /// gazetteer name by one of them, and a three-character candidate ending in one loses
    /// `edgePenalty` (张涛在 is 张涛 and 在 far more often than a name).
    public var edgeAfter: [String] = []
    public var edgeBefore: [String] = []
    public var edgePenalty: Double = 0
    /// A candidate grows a gazetteer name only by characters whose model weight (given name
    /// after it, surname before it) is above this: the gazetteer name already explains the text.
    public var growthMinimumWeight: Double = -.infinity
    /// With a classifier: candidates this far below the threshold (with both bonuses) are
    /// still proposed to it, since its context features may lift them.
    public var candidateMargin: Double = 0
    /// With a classifier: candidates whose hand-set score is further below the threshold are
    /// dropped unweighed.
    public var classifierFloor: Double = .infinity
    /// With a classifier: added to its log-odds (above 0 keeps more candidates).
    public var classifierOffset: Double = 0
    /// With a classifier: it also weighs the people the gazetteer matched, and drops those it
    /// finds unlikely in their context.
    public var classifyGazetteerPeople = false
    /// With `classifyGazetteerPeople`: the log-odds below which a gazetteer person is dropped.
    /// Below 0, as the dev sets hold few of the foreign politicians news quote by short forms
    /// (拜登宣布 is Biden at log-odds −0.5).
    public var gazetteerDropBelow: Double = 0
    /// Words of sport reports (主场, 联赛, 战平): a transliteration one touches is a club's
    /// name (`isClub`).
    public var sportWords: [String] = []
    /// Words after which a gazetteer person's name names a thing or a place (格拉斯|小镇,
    /// 贝尔|公司, 中山|市): the mention is dropped (`droppingNamesOfThings`).
    public var notPersonAfter: [String] = []
    /// Localizers (中, 里, 上) and 地: a three-character candidate made of a word of
    /// `name-traps.tsv` and one of them is that word's place or time (在文章|中说, 房子|裡) or
    /// an adverb (严肃|地说), not a name.
    public var localizers: [String] = []
    /// Words that stand between a speaker and the cue (周一, 昨天, 也, 则): a name in Latin
    /// letters followed by one or two and a `cues_after` word is cued (Max Gokhman周一表示).
    public var wordsBeforeCue: [String] = []
    /// A discovered name that sounds as one gazetteer person's name, alias or short form does,
    /// and is not written so, is that person when the person is this prominent at least and
    /// foreign: the name has a middle dot, or a country outside `soundHomeCountries`.
    public var soundMinimumProminence: Double = .infinity
    public var soundHomeCountries: [String] = []
    /// Words written in brackets after a name to say it is not the person's own (化名, 假名):
    /// the two or three characters before are a name whatever their characters (子场（化名）),
    /// scored `threshold + title_bonus` and not weighed by the classifier.
    public var pseudonymMarks: [String] = []

    public init() {}
  }

  public let settings: Settings
  public let data: NameData
  public let evidence: BoundaryEvidence
  /// The learned model that rescores the candidates (`name-classifier.tsv`), if any.
  public let classifier: CandidateClassifier?
  /// The evidence of a discovered name's mentions where an English name after it in
  /// parentheses made it a gazetteer person's.
  static let englishNameEvidence = "english-name"
  /// The evidence of a discovered name's mentions where it sounds as a prominent foreign
  /// person's name does (彭佩奥 for 蓬佩奥).
  static let soundEvidence = "sound"
  /// The evidence of a discovered name's mentions where the name without its initials is a
  /// gazetteer person's (唐纳德·J·特朗普).
  static let initialsEvidence = "without-initials"
  /// The evidence of a discovered name's mentions where it is an organisation's name.
  static let organizationNameEvidence = "organization-name"

  /// The gazetteer's people by English name: a discovered name followed by one of them in
  /// parentheses is that person.
  public let englishNames: PeopleByEnglishName?
  /// The gazetteer's organisations by name: a discovered name that is one is that organisation.
  public let organizationNames: OrganizationNames?
  /// The gazetteer's people by the sound of their names, for other spellings of foreign names.
  public let peopleBySound: PeopleBySound?
  /// Whether `classifier` is set: asked for every candidate, where testing the optional copied
  /// the model (retaining its tables) to compare it with nil.
  let isClassifying: Bool
  /// By UTF-16 unit: whether it may stand in a run of transliteration characters.
  let transliterationUnits: [Bool]
  /// The settings' word lists, to look up in place.
  let words: Words

  struct Words: Sendable {
    var cuesBefore, cuesAfter, addressAfter, addressOrCues: ContextWords
    /// The forms of address that are also cues (先生, 女士, 教授): what a one-word name in
    /// Latin letters may stand before (Berg先生), where a firm never does.
    var personalAddress: ContextWords
    var notNameAfter, notNameBefore, notForeignNameBefore: ContextWords
    var edgeAfter, edgeBefore: ContextWords
    var sport: ContextWords
    var notPersonAfter: ContextWords
    var localizers: ContextWords
    var beforeCue: ContextWords
    /// `pseudonymMarks` in each bracket: （化名）, (化名).
    var pseudonym: ContextWords
  }

  public init(
    settings: Settings, data: NameData, evidence: BoundaryEvidence,
    classifier: CandidateClassifier? = nil, englishNames: PeopleByEnglishName? = nil,
    organizationNames: OrganizationNames? = nil, peopleBySound: PeopleBySound? = nil
  ) {
    self.settings = settings
    self.data = data
    self.evidence = evidence
    self.classifier = classifier
    self.englishNames = englishNames
    self.organizationNames = organizationNames
    self.peopleBySound = peopleBySound
    isClassifying = classifier != nil
    var units = [Bool](repeating: false, count: 1 << 16)
    for table in [data.foreign, data.foreignFirst, data.foreignLast] {
      for (unit, weight) in table.entries where weight >= settings.foreignMinimumWeight {
        units[Int(unit)] = true
      }
    }
    transliterationUnits = units
    // Each list with its words' traditional forms too (說, 告訴, 先生): news in either script.
    func context(_ list: [String]) -> ContextWords {
      ContextWords(data.withTraditionalForms(list))
    }
    words = Words(
      cuesBefore: context(settings.cuesBefore), cuesAfter: context(settings.cuesAfter),
      addressAfter: context(settings.addressAfter),
      addressOrCues: context(settings.addressAfter + settings.cuesAfter),
      personalAddress: context(settings.addressAfter.filter(settings.cuesAfter.contains)),
      notNameAfter: context(settings.notNameAfter),
      notNameBefore: context(settings.notNameBefore),
      notForeignNameBefore: context(settings.notForeignNameBefore),
      edgeAfter: context(settings.edgeAfter), edgeBefore: context(settings.edgeBefore),
      sport: context(settings.sportWords), notPersonAfter: context(settings.notPersonAfter),
      localizers: context(settings.localizers), beforeCue: context(settings.wordsBeforeCue),
      pseudonym: context(
        settings.pseudonymMarks.flatMap { mark in
          ["（", "("].flatMap { open in ["）", ")"].map { open + mark + $0 } }
        }))
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    let path = try options.gazetteerDirectory(context)
    var settings = Settings()
    func number(_ key: String, _ value: inout Double) throws(QuotegraphError) {
      guard let text = try options.string(key) else { return }
      guard let parsed = Double(text) else { throw options.invalid(key, "expected a number") }
      value = parsed
    }
    try number("threshold", &settings.threshold)
    try number("foreign_bias", &settings.foreignBias)
    try number("foreign_threshold", &settings.foreignThreshold)
    try number("foreign_minimum_weight", &settings.foreignMinimumWeight)
    try number("unseen_given_weight", &settings.unseenGivenWeight)
    try number("three_character_bonus", &settings.threeCharacterBonus)
    try number("single_word_penalty", &settings.singleWordPenalty)
    try number("cut_penalty", &settings.cutPenalty)
    try number("word_given_penalty", &settings.wordGivenPenalty)
    try number("title_bonus", &settings.titleBonus)
    try number("cue_bonus", &settings.cueBonus)
    try number("address_bonus", &settings.addressBonus)
    try number("latin_score", &settings.latinScore)
    try number("sound_minimum_prominence", &settings.soundMinimumProminence)
    try number("latin_form_bonus", &settings.latinFormBonus)
    try number("edge_penalty", &settings.edgePenalty)
    try number("growth_minimum_weight", &settings.growthMinimumWeight)
    try number("candidate_margin", &settings.candidateMargin)
    try number("classifier_offset", &settings.classifierOffset)
    try number("classifier_floor", &settings.classifierFloor)
    settings.classifyGazetteerPeople = try options.bool("classify_gazetteer_people") ?? false
    try number("gazetteer_drop_below", &settings.gazetteerDropBelow)
    settings.cuesBefore = try options.strings("cues_before") ?? []
    settings.cuesAfter = try options.strings("cues_after") ?? []
    settings.addressAfter = try options.strings("address_after") ?? []
    settings.notNameAfter = try options.strings("not_name_after") ?? []
    settings.notNameBefore = try options.strings("not_name_before") ?? []
    settings.notForeignNameBefore = try options.strings("not_foreign_name_before") ?? []
    settings.sportWords = try options.strings("sport_words") ?? []
    settings.notPersonAfter = try options.strings("not_person_after") ?? []
    settings.localizers = try options.strings("localizers") ?? []
    settings.wordsBeforeCue = try options.strings("words_before_cue") ?? []
    settings.soundHomeCountries = try options.strings("sound_home_countries") ?? []
    settings.pseudonymMarks = try options.strings("pseudonym_marks") ?? []
    let boundaries = try EntityMatcher.loadBoundaries(
      path + "/curated/" + GazetteerFile.nameBoundaries.fileName)
    let data = try NameData.load(directory: path, sharedIn: context)
    (settings.edgeAfter, settings.edgeBefore) = (data.edgeAfter, data.edgeBefore)
    var classifier: CandidateClassifier?
    if let file = try options.string("classifier") {
      classifier = try CandidateClassifier.load(
        path: file.hasPrefix("/") ? file : path + "/" + file, sharedIn: context)
    }
    self.init(
      settings: settings, data: data,
      evidence: boundaries, classifier: classifier,
      englishNames: try PeopleByEnglishName.load(directory: path, sharedIn: context),
      organizationNames: try OrganizationNames.load(directory: path, sharedIn: context),
      peopleBySound: try PeopleBySound.load(directory: path, sharedIn: context))
  }

  /// The `after` and `before` words of `curated/name-edges.tsv`; none when it is missing.
  static func loadEdges(_ path: String) throws(QuotegraphError) -> ([String], [String]) {
    guard FileIO.kind(of: path) == .file else { return ([], []) }
    let text = String(decoding: try FileIO.readAll(path: path), as: UTF8.self)
    var after: [String] = []
    var before: [String] = []
    for row in try GazetteerTable.parse(text, file: .nameEdges, path: path).rows {
      switch row["side"] {
      case "after": after.append(row["word"])
      case "before": before.append(row["word"])
      default:
        throw QuotegraphError(
          "gazetteer.bad-row", "side must be before or after, found \(row["side"])", file: path,
          line: row.line)
      }
    }
    return (after, before)
  }

  /// A possible name and the evidence for it.
  public struct Candidate: Sendable, Equatable {
    public var range: TextRange
    public var score: Double
    /// `surname-model`, `transliteration`, `latin` or `pseudonym`.
    public var method: String
    /// Whether the classifier weighs it: names in Latin letters and pseudonyms keep their
    /// hand-set score.
    var isWeighed: Bool { method != "latin" && method != PersonFinder.pseudonymMethod }
    /// Whether the candidate cuts through an ICU word.
    public var cuts: Bool = false
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    relinkingContradictedShortForms(&document)
    let units = document.text.units
    let namesOfThings = droppingNamesOfThings(&document)
    var dropped: [TextRange] = []
    if let classifier, settings.classifyGazetteerPeople {
      (document, dropped) = droppingUnlikelyGazetteerPeople(document, by: classifier)
    }
    var (found, personAt) = proposals(in: &document, covering: namesOfThings)
    // A gazetteer name the classifier dropped still tells where a name would end: a candidate
    // growing it by the next word's character (外长王毅|与, 陆慷|曾) is no likelier than it was.
    if !dropped.isEmpty {
      found.removeAll { candidate in
        dropped.contains { person in
          candidate.range.contains(person) && candidate.range != person
            && grows(person, by: candidate, units)
        }
      }
    }
    if let classifier {
      classify(&found, by: classifier, in: units, words: &document.words, personAt: personAt)
      if settings.latinFormBonus != 0 {
        for index in found.indices where found[index].method == "transliteration" {
          let range = found[index].range
          if hasLatinForm(range, units),
            !holdsGazetteerName(range, units, document.mentions, personAt)
          {
            found[index].score += settings.latinFormBonus
          }
        }
      }
    }
    liftAlwaysGrownNames(&found, document.mentions, personAt, units)
    dropNamesOfThings(&found, in: units, words: &document.words)
    if let failure = document.words.failure {
      throw QuotegraphError("segment.icu", failure, stage: Self.type)
    }
    // A gazetteer name the article also writes alone is that person: where a candidate grows
    // it (王毅正访问 beside 王毅表示) the extra character is the next word's. Alone means no
    // candidate within a title's bonus of the threshold grows it there (但|刘中山 is no 中山).
    var grown = Set<Int32>()
    for candidate in found where candidate.score >= settings.threshold - settings.titleBonus {
      for offset in candidate.range.range where personAt[offset] >= 0 {
        grown.insert(personAt[offset])
      }
    }
    // A short form glued to a transliteration's characters before it is none of this (穆|里根
    // of 凯西·穆里根 is no 里根 written alone, nor does 里根 alone elsewhere keep 穆里根 from
    // being a name); nor is a full name without a dot written after one (诺阿·巴金 is not the
    // writer 巴金, whom no given name precedes).
    let glued = Set(
      document.mentions.indices.filter {
        let mention = document.mentions[$0]
        return mention.form == .shortForm
          ? continuesTransliteration(mention.range, units)
          : followsNameDot(mention.range, units)
            && !document.entities[mention.entity].name.utf16.contains(where: \.isNameDot)
      }.map(Int32.init))
    var alone = Set<Int>()
    for (index, mention) in document.mentions.enumerated()
    where document.entities[mention.entity].kind == .person && !grown.contains(Int32(index))
      && !glued.contains(Int32(index))
    {
      alone.insert(mention.entity)
    }
    let chosen = preferringRepeatedNames(
      trimmingGrownNames(
        select(
          found.filter { candidate in
            !candidate.range.range.contains {
              personAt[$0] >= 0 && !glued.contains(personAt[$0])
                && alone.contains(document.mentions[Int(personAt[$0])].entity)
            }
          }), units), units, document)
    guard !chosen.isEmpty else {
      document.layers.insert(.persons)
      return
    }
    let superseded = Set(
      chosen.flatMap { candidate in candidate.range.range.map { personAt[$0] } }.filter { $0 >= 0 })
    if !superseded.isEmpty {
      document.mentions = document.mentions.enumerated().filter {
        !superseded.contains(Int32($0.offset))
      }.map(\.element)
    }
    // The first slot of each name: assigned from the last slot back, one hash of the name each
    // (reading the slot before writing it hashed the name twice).
    var slotOfName: [String: Int] = [:]
    slotOfName.reserveCapacity(document.entities.count + chosen.count)
    for slot in document.entities.indices.reversed() where document.entities[slot].kind == .person {
      slotOfName[data.scriptKey(of: document.entities[slot].name)] = slot
    }
    let latinForms = chosen.map { PersonFinder.latinForm(after: Int($0.range.end), in: units) }
    // A name the article follows with a gazetteer person's English name (佩洛希（Nancy Pelosi）)
    // is that person, there and wherever else discovery finds the name.
    var gazetteerPersonOfName: [String: EntityRecord] = [:]
    if let englishNames {
      for (candidate, latin) in zip(chosen, latinForms) {
        if let latin, let person = englishNames.person(named: latin) {
          gazetteerPersonOfName[String(decodingUTF16: units[candidate.range.range])] = person
        }
      }
    }
    for (candidate, latin) in zip(chosen, latinForms) {
      // One spelling per name: every middle-dot variant becomes ·, the written form an alias.
      let written = String(decodingUTF16: units[candidate.range.range])
      switch organizationNames?.lookup(written) ?? .absent {
      case .absent: break
      case .ambiguous: continue
      case .organization(let organization):
        document.mentions.append(
          Mention(
            range: candidate.range, entity: PersonFinder.slot(of: organization, in: &document),
            form: .name, evidence: PersonFinder.organizationNameEvidence))
        continue
      }
      let dot = UInt16(MatchKeyFolder.middleDot.value)
      let transliterated = candidate.method == "transliteration"
      let bareSurnameEnd = bareSurnameAddressEnd(candidate, units)
      let name =
        bareSurnameEnd.map { String(decodingUTF16: units[Int(candidate.range.start)..<$0]) }
        ?? String(
          decodingUTF16: units[candidate.range.range].map {
            $0.isNameDot || transliterated && $0.isNameDash ? dot : $0
          })
      // Else a name that sounds as a prominent foreign person's does (彭佩奥, 佩洛希).
      let linked =
        gazetteerPersonOfName[written].map {
          (person: $0, evidence: PersonFinder.englishNameEvidence)
        }
        ?? soundAlike(written).map { (person: $0, evidence: PersonFinder.soundEvidence) }
        ?? personWithoutInitials(written).map {
          (person: $0, evidence: PersonFinder.initialsEvidence)
        }
      let slot: Int
      let key = data.scriptKey(of: name)
      if let existing = slotOfName[key] {
        slot = existing
        // The same name in the other script (罗秉成 after 羅秉成) is one more way to write it.
        if name != document.entities[existing].name
          && !document.entities[existing].aliases.contains(name)
        {
          document.entities[slot].aliases.append(name)
        }
      } else if var person = linked?.person {
        if !person.aliases.contains(written) && written != person.name {
          person.aliases.append(written)
        }
        slot = PersonFinder.slot(of: person, in: &document)
        slotOfName[key] = slot
      } else {
        slot = document.entities.count
        slotOfName[key] = slot
        let confidence = 1 / (1 + exp(-(candidate.score - settings.threshold)))
        // A surname alone names nobody outside its article: 周老师 of one article is not
        // another's.
        let id = GazetteerFile.people.derivedID(
          name: bareSurnameEnd == nil
            ? key
            : key + "|"
              + StableID.article(url: document.article.url, source: document.article.source))
        document.entities.append(
          EntityRecord(
            id: id, kind: .person, name: name,
            aliases: written == name ? [] : [written],
            properties: [
              "confidence": .double((confidence * 1000).rounded() / 1000),
              "discovered": .string(candidate.method),
            ]))
      }
      if let latin, document.entities[slot].properties["name_en"] == nil {
        document.entities[slot].properties["name_en"] = .string(latin)
        document.entities[slot].aliases.append(latin)
      }
      document.mentions.append(
        Mention(
          range: candidate.range, entity: slot, form: .name,
          evidence: linked?.evidence ?? candidate.method))
    }
    document.mentions.sort { $0.range < $1.range }
    document.layers.insert(.persons)
  }

  /// The gazetteer person `written` sounds like, when prominent and foreign enough
  /// (`soundMinimumProminence`, `soundHomeCountries`) and not written as one of the forms that
  /// sound so (希拉里克林顿 without its dot is 希拉里·克林顿): a name the matcher had and the
  /// classifier dropped stays dropped.
  func soundAlike(_ written: String) -> EntityRecord? {
    guard settings.soundMinimumProminence.isFinite,
      let match = peopleBySound?.match(soundingAs: written)
    else { return nil }
    let person = match.person
    let isForeign =
      person.name.utf16.contains(where: \.isNameDot)
      || !person.country.isEmpty && !settings.soundHomeCountries.contains(person.country)
    guard person.prominence >= settings.soundMinimumProminence, isForeign,
      !match.forms.contains(written)
    else { return nil }
    return EntityIndex.record(person)
  }

  /// The gazetteer person a name with initials is without them (唐纳德·J·特朗普 is 唐纳德·特朗普):
  /// written so, or sounding as a prominent foreign person's name (`soundAlike`).
  func personWithoutInitials(_ written: String) -> EntityRecord? {
    guard let plain = PersonFinder.withoutInitials(written) else { return nil }
    func undotted(_ name: String) -> [UInt16] { name.utf16.filter { !$0.isNameDot } }
    if let match = peopleBySound?.match(soundingAs: plain),
      match.forms.contains(where: { undotted($0) == undotted(plain) })
    {
      return EntityIndex.record(match.person)
    }
    return soundAlike(plain)
  }

  /// `written` without its words of one capital letter (唐纳德·J·特朗普 → 唐纳德·特朗普), or nil
  /// when it has none.
  static func withoutInitials(_ written: String) -> String? {
    // Asked of every chosen name: most have no capital letter, and need no array.
    guard written.utf16.contains(where: { (0x41...0x5A).contains($0) }) else { return nil }
    let units = Array(written.utf16)
    var kept: [UInt16] = []
    var dropped = false
    var wordStart = 0
    for end in 0...units.count where end == units.count || units[end].isNameDot {
      let word = units[wordStart..<end]
      if word.count == 1, let letter = word.first, (0x41...0x5A).contains(letter) {
        dropped = true
      } else {
        if !kept.isEmpty { kept.append(units[wordStart - 1]) }
        kept += word
      }
      wordStart = end + 1
    }
    return dropped && !kept.isEmpty ? String(decodingUTF16: kept) : nil
  }

  /// The slot of the gazetteer entity `record` in the document's entities, appended when the
  /// document has none with its id (an entity the article already holds keeps its own record).
  static func slot(of record: EntityRecord, in document: inout Document) -> Int {
    if let slot = document.entities.firstIndex(where: { $0.id == record.id }) { return slot }
    document.entities.append(record)
    return document.entities.count - 1
  }

  /// Where the form of address or the title after a bare surname ends (周|老师, 蔡|总统), when
  /// `candidate` is a surname alone: the person's name is the surname with it.
  func bareSurnameAddressEnd(_ candidate: Candidate, _ units: [UInt16]) -> Int? {
    guard isBareSurname(candidate, units) else { return nil }
    let end = Int(candidate.range.end)
    let address = words.addressAfter.longestEnd(startingAt: end, in: units)
    let title = data.titleEnd(startingAt: end, in: units, limit: units.count)
    return [address, title].compactMap { $0 }.max()
  }

  /// The chosen names, each the name the article also chose without its last character when
  /// that character is an `after` word of `curated/name-edges.tsv` (布兰斯塔德曾 beside
  /// 布兰斯塔德, 阮铭曾 beside 阮铭): it starts the next word, as it does after a gazetteer name.
  func trimmingGrownNames(_ chosen: [Candidate], _ units: [UInt16]) -> [Candidate] {
    // The names ending in such a character first: most documents have none, and need no set
    // of names.
    let grown = chosen.indices.filter { index in
      let end = Int(chosen[index].range.end)
      return end - Int(chosen[index].range.start) >= 3
        && words.edgeAfter.start(at: end - 1, in: units, endingWhere: { $0 == end })
    }
    guard !grown.isEmpty, chosen.count > 1 else { return chosen }
    let names = Set(chosen.map { units[$0.range.range] })
    var trimmed = chosen
    for index in grown {
      let start = Int(chosen[index].range.start)
      let end = Int(chosen[index].range.end)
      if names.contains(units[start..<(end - 1)]) {
        trimmed[index].range = TextRange(start, end - 1)
      }
    }
    return trimmed
  }

  /// The chosen names, each replaced by a longer chosen name written around it that the article
  /// writes at least twice and more often than the shorter one is chosen (伊力哈木 where 哈木 was
  /// chosen in 伊力哈木表示 and 哈木能 in 伊力哈木能提前获得释放): the classifier weighs each place
  /// alone, and one context may tip it to a part of the name.
  func preferringRepeatedNames(_ chosen: [Candidate], _ units: [UInt16], _ document: Document)
    -> [Candidate]
  {
    var counts: [ArraySlice<UInt16>: Int] = [:]
    var best: [ArraySlice<UInt16>: Candidate] = [:]
    for candidate in chosen {
      let name = units[candidate.range.range]
      counts[name, default: 0] += 1
      if candidate.score > best[name]?.score ?? -.infinity { best[name] = candidate }
    }
    let names = best.keys.sorted { $0.count > $1.count }
    guard let longest = names.first?.count, chosen.contains(where: { $0.range.length < longest })
    else { return chosen }
    // No replacement may cover another chosen name, a place or an organisation: asked only
    // where a longer name is written around a chosen one, which few articles have.
    func isFree(_ range: TextRange, besides index: Int) -> Bool {
      !chosen.indices.contains { $0 != index && chosen[$0].range.overlaps(range) }
        && !document.mentions.contains {
          $0.range.overlaps(range) && document.entities[$0.entity].kind != .person
        }
    }
    var written: [ArraySlice<UInt16>: Int] = [:]
    var result = chosen
    for (index, candidate) in chosen.enumerated() {
      let own = counts[units[candidate.range.range]] ?? 0
      for name in names where name.count > candidate.range.length {
        let lower = max(0, Int(candidate.range.start) - name.count + 1)
        let upper = min(units.count - name.count, Int(candidate.range.end) - 1)
        guard lower <= upper,
          let start = (lower...upper).first(where: { start in
            units[start] == name.first && units[start..<(start + name.count)] == name
              && isFree(TextRange(start, start + name.count), besides: index)
          }),
          var replacement = best[name]
        else { continue }
        let times = written[name] ?? PersonFinder.occurrences(of: name, in: units)
        written[name] = times
        guard times >= 2, times > own else { continue }
        replacement.range = TextRange(start, start + name.count)
        result[index] = replacement
        break
      }
    }
    return result
  }

  /// Whether `candidate` is a surname alone (唐 of 唐外长, 欧阳 of 欧阳先生).
  func isBareSurname(_ candidate: Candidate, _ units: [UInt16]) -> Bool {
    let start = Int(candidate.range.start)
    let end = Int(candidate.range.end)
    return end - start <= 2 && candidate.method == "surname-model"
      && data.surnameWeight(units, at: start, length: end - start) != nil
  }

  /// The candidates of the document that may name a person, with its gazetteer people by
  /// offset (the index of the mention covering it, or -1).
  /// `namesOfThings`: where gazetteer names of places or things stood, which a candidate may
  /// cover whole but not cut.
  func proposals(in document: inout Document, covering namesOfThings: [TextRange] = [])
    -> (found: [Candidate], personAt: [Int32])
  {
    let units = document.text.units
    // Organisations and places are final; a gazetteer person may be the start of a longer
    // name (张君 in 张君秋, 格林 in 格林斯潘), which then replaces it.
    var covered = [Bool](repeating: false, count: units.count)
    var personAt = [Int32](repeating: -1, count: units.count)
    for (index, mention) in document.mentions.enumerated() {
      let isPerson = document.entities[mention.entity].kind == .person
      for offset in mention.range.range where offset < units.count {
        if isPerson { personAt[offset] = Int32(index) } else { covered[offset] = true }
      }
    }
    // A name inside 《…》 is part of a work's title (《吴三桂演义》), which is no person.
    for title in PersonFinder.bookTitles(in: units) {
      for offset in title { covered[offset] = true }
    }
    /// Whether a candidate that covers gazetteer people may replace them.
    func keeps(_ candidate: Candidate) -> Bool {
      var inside: [Int32] = []
      for offset in candidate.range.range where personAt[offset] >= 0 {
        if !inside.contains(personAt[offset]) { inside.append(personAt[offset]) }
      }
      return inside.isEmpty
        || !candidate.cuts
          && inside.allSatisfy { index in
            let person = document.mentions[Int(index)].range
            return candidate.range.contains(person) && candidate.range != person
              && (!grows(person, by: candidate, units)
                || isAlwaysWrittenGrown(person, as: candidate.range, units, document.mentions))
          }
    }
    var found = candidates(in: units, words: &document.words, covered: covered)
    // Part of a place's or thing's name is no name (李嘉 of 李嘉诚|基金会); the whole name may
    // still be one, as the dev sets tag it (徐悲鸿|研究会).
    found.removeAll { candidate in
      namesOfThings.contains { thing in
        candidate.range.overlaps(thing) && !candidate.range.contains(thing)
      }
    }
    // In place: most candidates cover no gazetteer person and stay.
    found.removeAll { candidate in
      candidate.range.range.contains { personAt[$0] >= 0 } && !keeps(candidate)
    }
    return (found, personAt)
  }

  /// Whether the article writes the gazetteer name at `person` only inside the longer name at
  /// `grown`, three times or more (王林发对BBC记者表示, 王林发认为, 王林发说, and never 王林
  /// alone): the longer name is the article's person, whatever its extra character weighs.
  /// Read off the matcher's mentions of the name, found wherever it is written: a scan of the
  /// text for each candidate growing a gazetteer name cost 4 M instructions on 100 articles.
  func isAlwaysWrittenGrown(
    _ person: TextRange, as grown: TextRange, _ units: [UInt16], _ mentions: [Mention]
  ) -> Bool {
    let name = units[person.range]
    let longer = units[grown.range]
    let before = Int(person.start) - Int(grown.start)
    let after = Int(grown.end) - Int(person.end)
    var count = 0
    for mention in mentions
    where mention.range.length == name.count && units[mention.range.range] == name {
      let start = Int(mention.range.start) - before
      let end = Int(mention.range.end) + after
      guard start >= 0, end <= units.count, units[start..<end] == longer else { return false }
      count += 1
    }
    return count >= PersonFinder.grownNameRepeats
  }
  static let grownNameRepeats = 3

  /// A name the article always writes around a gazetteer name (王林发) is that name at each
  /// place: each of its candidates takes the best score any of them has, so that a context the
  /// classifier doubts (王林发解释目前的…) does not leave 王林 there.
  func liftAlwaysGrownNames(
    _ found: inout [Candidate], _ mentions: [Mention], _ personAt: [Int32], _ units: [UInt16]
  ) {
    var best: [ArraySlice<UInt16>: Double] = [:]
    var lifted: [Int] = []
    for index in found.indices {
      let range = found[index].range
      guard let inside = range.range.first(where: { personAt[$0] >= 0 }) else { continue }
      let person = mentions[Int(personAt[inside])].range
      guard range.contains(person), range != person, grows(person, by: found[index], units),
        isAlwaysWrittenGrown(person, as: range, units, mentions)
      else { continue }
      lifted.append(index)
      best[units[range.range], default: -.infinity] = max(
        best[units[range.range], default: -.infinity], found[index].score)
    }
    for index in lifted {
      found[index].score = best[units[found[index].range.range]] ?? found[index].score
    }
  }

  static func occurrences(of word: ArraySlice<UInt16>, in units: [UInt16]) -> Int {
    guard let first = word.first, units.count >= word.count else { return 0 }
    var count = 0
    for offset in 0...(units.count - word.count)
    where units[offset] == first && units[offset..<(offset + word.count)] == word {
      count += 1
    }
    return count
  }

  /// Whether `candidate` grows the gazetteer name at `person` by what is more likely the
  /// neighbouring text than a part of the name: a function character that starts the next word
  /// (王毅|早前, 王毅|会见) or ends the one before (向|王毅), or characters whose model weight
  /// is at most `growthMinimumWeight` (王毅|上月, 王毅|递交; 向 as a surname).
  /// The gazetteer name already explains the text; only name-like characters beat it.
  /// Transliterations weigh by their own model, so only the function characters count there
  /// (布莱希|特, 格林|斯潘).
  func grows(_ person: TextRange, by found: Candidate, _ units: [UInt16]) -> Bool {
    let start = Int(person.start)
    let end = Int(person.end)
    let candidate = found.range
    let weighed = found.method == "surname-model"
    if Int(candidate.end) > end {
      if words.edgeAfter.start(at: end, in: units) { return true }
      for unit in units[end..<Int(candidate.end)]
      where weighed
        && (data.given[unit] ?? settings.unseenGivenWeight) <= settings.growthMinimumWeight
      {
        return true
      }
    }
    if Int(candidate.start) < start {
      if words.edgeBefore.end(at: start, in: units) { return true }
      let length = start - Int(candidate.start)
      let weight =
        (1...2).contains(length)
        ? data.surnameWeight(units, at: Int(candidate.start), length: length) : nil
      if weighed, (weight ?? -.infinity) <= settings.growthMinimumWeight { return true }
    }
    return false
  }

  /// Every candidate name in the text outside `covered`, scored.
  /// Only candidates that can still matter to `process` (within a title's bonus of the
  /// threshold) are returned: the rest never ask for ICU's words.
  public func candidates(
    in units: [UInt16], words wordBreaks: inout WordBoundaries, covered: [Bool]
  ) -> [Candidate] {
    var found: [Candidate] = []
    // Most characters start no name: one scan over the text finds the Latin letters and the
    // characters that start a surname or a transliteration, with the tables in local values
    // (a loop that also held the work for a name set that work up again for every character,
    // and read the tables through `self`).
    var latinStarts: [Int] = []
    var nameStarts: [Int] = []
    var brackets: [Int] = []
    let surnameStarts = data.surnameStartUnits
    let transliterating = transliterationUnits
    units.withUnsafeBufferPointer { text in
      covered.withUnsafeBufferPointer { isCovered in
        for start in 0..<text.count where !isCovered[start] {
          let unit = text[start]
          if unit.isIdeograph {
            if surnameStarts.contains(unit) || transliterating[Int(unit)] {
              nameStarts.append(start)
            }
          } else if unit.isLatinLetter {
            latinStarts.append(start)
          } else if unit == 0xFF08 || unit == 0x28 {
            brackets.append(start)
          }
        }
      }
    }
    for start in latinStarts {
      // One word needs a title before it or a form of address after it (Berg先生): after one a
      // cue is as often a firm's (Politifact说).
      if let end = latinName(at: start, units),
        !(start..<end).contains(where: { covered[$0] }),
        units[start..<end].contains(0x20) || data.titleStart(endingAt: start, in: units) != nil
          || words.personalAddress.start(at: end, in: units),
        // Latin letters before a title are as often a programme or a firm (Exponent Podcast主持人).
        let adjusted = adjust(
          settings.latinScore, start, end, units, &wordBreaks, titleAfterIsCue: false,
          cueAfterWord: true)
      {
        found.append(
          Candidate(
            range: TextRange(start, end), score: adjusted.0, method: "latin", cuts: adjusted.1))
      }
    }
    for bracket in brackets where words.pseudonym.start(at: bracket, in: units) {
      if let start = pseudonymStart(before: bracket, units, covered: covered, &wordBreaks) {
        found.append(
          Candidate(
            range: TextRange(start, bracket), score: settings.threshold + settings.titleBonus,
            method: PersonFinder.pseudonymMethod))
      }
    }
    for start in nameStarts {
      if surnameStarts.contains(units[start]) {
        appendChineseNames(
          startingAt: start, units, covered: covered, &wordBreaks, to: &found)
      }
      // Transliterated names: the spans of a run of transliteration characters and dots.
      if transliterating[Int(units[start])]
        && (start == 0 || covered[start - 1] || !isForeign(start - 1, units))
      {
        var runEnd = start
        while runEnd < units.count && !covered[runEnd] && isForeign(runEnd, units) { runEnd += 1 }
        // Less the end of a title the run starts with (主席|列昂尼德•斯卢茨基).
        var runStart = start
        for offset in (start + 1)..<max(start + 1, runEnd - 1)
        where data.titleStart(endingAt: offset, in: units).map({ $0 < start }) == true {
          runStart = offset
        }
        // Appended in place: an array per run and its copy into `found` cost more than the
        // few candidates most runs hold.
        appendTransliterations(in: runStart..<runEnd, units, &wordBreaks, to: &found)
      }
    }
    return found
  }

  /// Where the pseudonym before a `pseudonym_marks` bracket at `bracket` starts: three
  /// characters starting with a surname (王小明（化名）) or two (子场（化名）), starting an ICU
  /// word; nil where a mention stands in the three characters before, or a form of address
  /// ends there (常先生（化名）: 常 is the name, found before its form of address).
  func pseudonymStart(
    before bracket: Int, _ units: [UInt16], covered: [Bool], _ wordBreaks: inout WordBoundaries
  ) -> Int? {
    guard bracket >= 2, !(max(0, bracket - 3)..<bracket).contains(where: { covered[$0] }),
      units[bracket - 2].isIdeograph, units[bracket - 1].isIdeograph,
      !(bracket - 2..<bracket).contains(where: {
        words.addressAfter.longestEnd(startingAt: $0, in: units) == bracket
      })
    else { return nil }
    let three = bracket - 3
    if three >= 0, units[three].isIdeograph, data.surnameWeight(units, at: three, length: 1) != nil,
      wordBreaks.startsWord(at: three)
    {
      return three
    }
    return wordBreaks.startsWord(at: bracket - 2) ? bracket - 2 : nil
  }

  /// The method of a name written before a `pseudonym_marks` bracket.
  static let pseudonymMethod = "pseudonym"

  /// Appends the Chinese names starting at `start`, a character some surname starts with:
  /// surname (one or two characters) and one or two given characters. Kept out of the scan of
  /// `candidates` (never inlined there), so that the scan's loop stays small.
  @inline(never)
  func appendChineseNames(
    startingAt start: Int, _ units: [UInt16], covered: [Bool],
    _ wordBreaks: inout WordBoundaries, to found: inout [Candidate]
  ) {
    func free(_ range: Range<Int>) -> Bool {
      range.upperBound <= units.count && !range.contains { covered[$0] }
    }
    for surnameLength in 1...2 where start + surnameLength <= units.count {
      guard let surnameWeight = data.surnameWeight(units, at: start, length: surnameLength)
      else { continue }
      let givenStart = start + surnameLength
      // A bare surname before a form of address or a title: 李先生, 江主席, 唐外长. Asked
      // only once a candidate can still reach the threshold: most cannot, and the title
      // automaton's walk cost more than the weights.
      var titleFollowsIfAsked: Bool?
      func titleFollows() -> Bool {
        if let known = titleFollowsIfAsked { return known }
        let follows = data.titleEnd(startingAt: givenStart, in: units, limit: units.count) != nil
        titleFollowsIfAsked = follows
        return follows
      }
      // The character before must not be one of a name (素|林外长 is 素林's end).
      let standsAlone =
        start == 0 || !units[start - 1].isIdeograph
        || (data.given[units[start - 1]] ?? settings.unseenGivenWeight) < 0
      // `adjust` asks `canReachThreshold` first: asked here, before the context words.
      if canReachThreshold(surnameWeight + settings.addressBonus), free(start..<givenStart),
        standsAlone,
        titleFollows()
          || words.addressAfter.start(at: givenStart, in: units),
        let adjusted = adjust(
          surnameWeight + settings.addressBonus, start, givenStart, units, &wordBreaks)
      {
        found.append(
          Candidate(
            range: TextRange(start, givenStart), score: adjusted.0, method: "surname-model",
            cuts: adjusted.1))
      }
      // The given characters' weights added one by one, in text order: the two-character
      // name's sum continues the one-character name's.
      var givenSum = surnameWeight
      for givenLength in 1...2 {
        let end = givenStart + givenLength
        // The characters before the last were read for the shorter name.
        guard end <= units.count, units[end - 1].isIdeograph else { break }
        givenSum += data.given[units[end - 1]] ?? settings.unseenGivenWeight
        var score = givenSum
        if end - start >= 3 { score += settings.threeCharacterBonus }
        // The penalties below can only lower the score (unless set below 0), and `adjust`
        // drops what cannot reach the threshold: so is dropped here what cannot, before the
        // context words and the title automaton are asked.
        guard
          canReachThreshold(
            score + max(0, -settings.edgePenalty) + max(0, -settings.wordGivenPenalty)),
          free(start..<end), !titleFollows(),
          // A cue or form of address is no part of the given name (李|先生, 吴明|表示).
          !(givenStart..<end).contains(where: { words.addressOrCues.start(at: $0, in: units) })
        else { continue }
        if givenLength == 2, words.edgeAfter.start(at: end - 1, in: units) {
          score -= settings.edgePenalty
        }
        // A given name ICU reads as one word (李|明确) is less likely a name; only asked where
        // the candidate can still reach the threshold, for it breaks the clause into words.
        if givenLength == 2, canReachThreshold(score - min(0, settings.wordGivenPenalty)),
          wordBreaks.isOneWord(givenStart, end)
        {
          score -= settings.wordGivenPenalty
        }
        if let adjusted = adjust(score, start, end, units, &wordBreaks) {
          found.append(
            Candidate(
              range: TextRange(start, end), score: adjusted.0, method: "surname-model",
              cuts: adjusted.1))
        }
      }
    }
  }

  /// A name in Latin letters starting at `start`: capitalised words of three letters or more
  /// (one space between them, the rest in lower case but after Mc, Mac or O'), not glued to
  /// other letters or digits.
  /// Its end, or nil.
  func latinName(at start: Int, _ units: [UInt16]) -> Int? {
    func isWordCharacter(_ offset: Int) -> Bool {
      offset >= 0 && offset < units.count
        && (units[offset].isLatinLetter || (0x30...0x39).contains(units[offset]))
    }
    guard !isWordCharacter(start - 1) else { return nil }
    var end = start
    var wordStart = start
    while true {
      guard (0x41...0x5A).contains(units[wordStart]) else { return nil }
      var offset = wordStart + 1
      // Mc, Mac and O' before a second capital are a surname's (McEnany, MacArthur, O'Brien).
      for prefix in PersonFinder.surnamePrefixes
      where UnitWords.matches(prefix, at: wordStart, in: units)
        && wordStart + prefix.count < units.count
        && (0x41...0x5A).contains(units[wordStart + prefix.count])
      {
        offset = wordStart + prefix.count + 1
        break
      }
      // Capitalised words only: BBC, TikTok and iPhone are names of things.
      while offset < units.count && (0x61...0x7A).contains(units[offset]) { offset += 1 }
      if isWordCharacter(offset) || offset - wordStart < 3 { return nil }
      end = offset
      guard offset + 1 < units.count, units[offset] == 0x20,
        (0x41...0x5A).contains(units[offset + 1])
      else { break }
      wordStart = offset + 1
    }
    return end
  }

  static let surnamePrefixes = ["Mac", "Mc", "O'", "O’"].map { Array($0.utf16) }

  /// The spans inside 《…》 (at most 40 units) within `range` (all the text by default): titles
  /// of works.
  static func bookTitles(in units: [UInt16], within range: Range<Int>? = nil) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var open: Int?
    // Over the buffer: this reads every unit of the text.
    units.withUnsafeBufferPointer { text in
      for offset in range ?? 0..<text.count where text[offset] & 0xFFFE == 0x300A {
        if text[offset] == 0x300A {
          open = offset + 1
        } else if let start = open {
          if offset - start <= 40 { found.append(start..<offset) }
          open = nil
        }
      }
    }
    return found
  }

  /// Whether a transliteration character stands right before `range` (穆|里根).
  func continuesTransliteration(_ range: TextRange, _ units: [UInt16]) -> Bool {
    let start = Int(range.start)
    return start > 0 && transliterationUnits[Int(units[start - 1])]
  }

  /// Whether a middle dot comes right before `range` (·巴金 of 诺阿·巴金).
  func followsNameDot(_ range: TextRange, _ units: [UInt16]) -> Bool {
    let start = Int(range.start)
    return start > 0 && start <= units.count && units[start - 1].isNameDot
  }

  /// A transliteration character, a middle dot or a dash between two of them, or an initial
  /// and its dots (肖恩·R·罗伯茨).
  @inline(__always)
  private func isForeign(_ offset: Int, _ units: [UInt16]) -> Bool {
    if transliterationUnits[Int(units[offset])] { return true }
    if units[offset].isNameJoiner {
      guard offset > 0 && offset + 1 < units.count else { return false }
      let before = transliterationUnits[Int(units[offset - 1])]
      let after = transliterationUnits[Int(units[offset + 1])]
      return before && after
        || units[offset].isNameDot
          && (before && isInitial(offset + 1, units) || after && isInitial(offset - 1, units))
    }
    return isInitial(offset, units)
  }

  /// A capital letter between two dots inside a transliterated name: a middle initial
  /// (朱丽叶·N·凯耶姆, 乔治·W·布什), a word of the name that the character models cannot weigh.
  private func isInitial(_ offset: Int, _ units: [UInt16]) -> Bool {
    offset >= 2 && offset + 2 < units.count && (0x41...0x5A).contains(units[offset])
      && units[offset - 1].isNameDot && units[offset + 1].isNameDot
      && transliterationUnits[Int(units[offset - 2])]
      && transliterationUnits[Int(units[offset + 2])]
  }

  /// What a span cut out of the middle of a run loses: at least the bias, or the weight the
  /// neighbour in the run has as a name's inner character (萨|拉斯 is less likely than 萨拉斯,
  /// 基里|延科 than 基里延科).
  private func neighbourWeight(_ offset: Int, in run: Range<Int>, _ units: [UInt16]) -> Double {
    guard run.contains(offset) else { return 0 }
    return max(settings.foreignBias, data.foreign[units[offset]] ?? 0)
  }

  /// The longest transliterated name, in UTF-16 units, looked for inside a run.
  static let longestTransliteration = 16

  /// Appends every span of the run that starts and ends with a character, scored word by word (words
  /// end at the dots): a word's first and last characters weigh by where they stand, so the
  /// span ends where a name ends (恩斯塔德|日前, 贝尔巴托夫|都).
  func appendTransliterations(
    in run: Range<Int>, _ units: [UInt16], _ wordBreaks: inout WordBoundaries,
    to found: inout [Candidate]
  ) {
    // Inside a run, a dash stands between two transliteration characters: it joins words as a
    // dot does. Where the last joiner stands is asked once: after 在 only a name of several
    // words is one.
    let lastJoiner = run.last(where: { units[$0].isNameJoiner }) ?? -1
    for start in run where !units[start].isNameJoiner && !units[start].isLatinLetter {
      var nameWords = 1
      // After 在, 抵达 a word is a place's, unless a dot makes it a person's (在哈莉·贝丽).
      let afterPlaceWord = words.notForeignNameBefore.end(at: start, in: units)
      if afterPlaceWord && lastJoiner < start { continue }
      var score = -neighbourWeight(start - 1, in: run, units)
      var word = start
      for last in start..<min(run.upperBound, start + PersonFinder.longestTransliteration) {
        if units[last].isNameJoiner {
          word = last + 1
          nameWords += 1
          continue
        }
        // An initial ends no name and weighs nothing: the models know characters only.
        if units[last].isLatinLetter { continue }
        let unit = units[last]
        // The weight of this character as the last of its word; then, once the next character
        // continues the word, as an inner one.
        let first = last == word
        let asLast = (first ? data.foreignFirst[unit] : data.foreignLast[unit])
        let asInner = (first ? data.foreignFirst[unit] : data.foreign[unit])
        let closing = (asLast ?? data.foreign[unit] ?? settings.unseenGivenWeight)
        // Its Latin form in parentheses, word for word, shows where the name ends.
        let glossed =
          nameWords > 1 && last + 1 < units.count
          && (units[last + 1] == 0x28 || units[last + 1] == 0xFF08)
          && PersonFinder.latinNameWordCount(after: last + 1, in: units) == nameWords
        // A name does not end in a one-character word after a dot (瓦西里·卡|申), unless its
        // Latin form says so (杰弗里•扬(Jeffrey Young)).
        let endsInInitial = first && word > start && !glossed
        if last > start, last + 1 - start >= 2, !endsInInitial, !afterPlaceWord || word > start,
          let adjusted = adjust(
            score + closing - settings.foreignBias - neighbourWeight(last + 1, in: run, units)
              + settings.threshold - settings.foreignThreshold
              + (glossed ? settings.latinFormBonus : 0), start, last + 1, units, &wordBreaks)
        {
          found.append(
            Candidate(
              range: TextRange(start, last + 1), score: adjusted.0, method: "transliteration",
              cuts: adjusted.1))
        }
        let endsWord =
          last + 1 < run.upperBound && units[last + 1].isNameJoiner
        score +=
          ((endsWord ? asLast : asInner) ?? data.foreign[unit] ?? settings.unseenGivenWeight)
          - settings.foreignBias
      }
    }
  }

  /// Whether a candidate scored `score` before context could still matter to `process`.
  func canReachThreshold(_ score: Double) -> Bool {
    score + max(0, settings.titleBonus) + max(0, settings.cueBonus)
      >= settings.threshold - settings.candidateMargin
  }

  /// The score with the context's evidence, or nil for a word that only looks like a name or
  /// cannot come within a title's bonus of the threshold (which `process` ignores).
  func adjust(
    _ base: Double, _ start: Int, _ end: Int, _ units: [UInt16],
    _ wordBreaks: inout WordBoundaries, titleAfterIsCue: Bool = true, cueAfterWord: Bool = false
  ) -> (Double, Bool)? {
    // Context can only add the two bonuses: a candidate that cannot reach the threshold with
    // both is not worth the look (this runs for nearly every character of the text).
    guard canReachThreshold(base) else { return nil }
    if data.trapWords.contains(units[start..<end]) { return nil }
    // In a name of several words a place is a given name (多米尼克·卡西亚尼, 安吉拉·克里斯亚蒂诺).
    if end - start > 2,
      !units[start..<end].contains(where: \.isNameJoiner),
      (2..<(end - start)).contains(where: {
        data.placeTrapWords.contains(units[start..<(start + $0)])
      })
    {
      return nil
    }
    if words.notNameAfter.start(at: end, in: units)
      || words.notNameBefore.end(at: start, in: units)
    {
      return nil
    }
    let titled =
      data.titleStart(endingAt: start, in: units) != nil
      || words.cuesBefore.end(at: start, in: units)
    let cued =
      words.cuesAfter.start(at: end, in: units) || words.addressAfter.start(at: end, in: units)
      || titleAfterIsCue && data.titleEnd(startingAt: end, in: units, limit: units.count) != nil
      || cueAfterWord && cueFollowsWords(end, units)
    // ICU's words can only lower the score: ask for them only where it can still matter (with
    // a margin for rounding, as the score is summed in its own order below).
    let highest =
      base + (titled ? settings.titleBonus : 0) + (cued ? settings.cueBonus : 0)
      + max(0, -settings.cutPenalty) + max(0, -settings.singleWordPenalty)
    // A classifier rescores every candidate, and reads whether it cuts a word.
    guard isClassifying || highest + 1e-9 >= settings.threshold - max(0, settings.titleBonus)
    else { return nil }
    var score = base
    var cuts = false
    switch evidence.verdict(start: start, end: end, units: units, words: &wordBreaks) {
    case .aligned, .acceptedCut: break
    case .cutsWord:
      score -= settings.cutPenalty
      cuts = true
    }
    if end - start == 2, wordBreaks.isOneWord(start, end) {
      score -= settings.singleWordPenalty
    }
    if titled { score += settings.titleBonus }
    if cued { score += settings.cueBonus }
    return (score, cuts)
  }

  /// Whether one or two `words_before_cue` and a `cues_after` word follow `end` (周一表示,
  /// 周三则表示).
  func cueFollowsWords(_ end: Int, _ units: [UInt16]) -> Bool {
    func cueAt(_ offset: Int) -> Bool { words.cuesAfter.start(at: offset, in: units) }
    return words.beforeCue.start(
      at: end, in: units,
      endingWhere: { cueAt($0) || words.beforeCue.start(at: $0, in: units, endingWhere: cueAt) })
  }

  /// The best candidates that do not overlap, above the threshold, in text order.
  public func select(_ candidates: [Candidate]) -> [Candidate] {
    let ordered = candidates.filter { $0.score >= settings.threshold }.sorted {
      ($0.score, -$0.range.start, $0.range.end) > ($1.score, -$1.range.start, $1.range.end)
    }
    var taken: [Candidate] = []
    // By offset, whether a taken candidate covers it: an array, where a `Set<Int>` hashed
    // every offset.
    var used = [Bool](repeating: false, count: ordered.map { Int($0.range.end) }.max() ?? 0)
    for candidate in ordered where !candidate.range.range.contains(where: { used[$0] }) {
      taken.append(candidate)
      for offset in candidate.range.range { used[offset] = true }
    }
    return taken.sorted { $0.range < $1.range }
  }

  /// Whether `word` is written at `offset`; compares in place, as it runs for every candidate
  /// against every context word.
  static func starts(_ units: [UInt16], at offset: Int, with word: String) -> Bool {
    var position = offset
    for unit in word.utf16 {
      guard position < units.count, units[position] == unit else { return false }
      position += 1
    }
    return true
  }

  static func ends(_ units: [UInt16], at offset: Int, with word: String) -> Bool {
    var position = offset - word.utf16.count
    guard position >= 0 else { return false }
    for unit in word.utf16 {
      guard units[position] == unit else { return false }
      position += 1
    }
    return true
  }

  /// Whether a gazetteer person inside `range` is already a name of as many words as the range
  /// (乔·拜登 in 候选人|乔·拜登（Joe Biden）): then the Latin form is theirs, and the range only
  /// grows them. A one-word match cut out of a word (理查 of 理查德·皮尔格) is not.
  func holdsGazetteerName(
    _ range: TextRange, _ units: [UInt16], _ mentions: [Mention], _ personAt: [Int32]
  ) -> Bool {
    let words = PersonFinder.nameWordCount(units[range.range])
    return range.range.contains { offset in
      personAt[offset] >= 0
        && PersonFinder.nameWordCount(units[mentions[Int(personAt[offset])].range.range]) == words
    }
  }

  /// Whether the name at `range`, of one word more than it has dots or dashes, is followed by
  /// a Latin form of as many capitalised words (德鲁·帕夫洛(Drew Pavlou)).
  func hasLatinForm(_ range: TextRange, _ units: [UInt16]) -> Bool {
    // Most names are followed by no parenthesis: told by one unit.
    let end = Int(range.end)
    guard end < units.count, units[end] == 0x28 || units[end] == 0xFF08 || units[end] == 0x20
    else { return false }
    let words = PersonFinder.nameWordCount(units[range.range])
    return words > 1 && PersonFinder.latinNameWordCount(after: end, in: units) == words
  }

  /// The words of a written name: one more than its dots and dashes (德鲁·帕夫洛: 2).
  static func nameWordCount(_ name: ArraySlice<UInt16>) -> Int {
    1 + name.count(where: \.isNameJoiner)
  }

  /// The number of words of the Latin form in parentheses at `end` when each starts with a
  /// capital letter (Drew Pavlou, Jeffrey Young; a hyphen parts words as the dash does in
  /// Chinese: 露丝·本-吉亚特(Ruth Ben-Ghiat)); nil for none or another form (deborahgribbon).
  /// Counted in the units in place: it is asked after every foreign name.
  static func latinNameWordCount(after end: Int, in units: [UInt16]) -> Int? {
    guard let form = latinFormRange(after: end, in: units) else { return nil }
    var words = 0
    var startsWord = true
    for unit in units[form] {
      if unit == 0x20 || unit == 0x2D {
        startsWord = true
      } else if startsWord {
        guard (0x41...0x5A).contains(unit) else { return nil }
        words += 1
        startsWord = false
      }
    }
    return words
  }

  /// The Latin form in parentheses right after a name, its words one space apart:
  /// 斯卢茨基（Leonid Slutsky） → Leonid Slutsky.
  static func latinForm(after end: Int, in units: [UInt16]) -> String? {
    guard let form = latinFormRange(after: end, in: units) else { return nil }
    let text = String(decodingUTF16: units[form])
    return text.split(separator: " ").joined(separator: " ")
  }

  /// Where the text inside the parentheses at `end` (after any spaces) lies, spaces at its
  /// edges left out, when it is Latin letters, spaces, dots, hyphens and apostrophes only, two
  /// letters at least, under 60 units.
  static func latinFormRange(after end: Int, in units: [UInt16]) -> Range<Int>? {
    var offset = end
    while offset < units.count && units[offset] == 0x20 { offset += 1 }
    guard offset < units.count, units[offset] == 0x28 || units[offset] == 0xFF08 else { return nil }
    var close = offset + 1
    var letters = 0
    while close < units.count, units[close] != 0x29, units[close] != 0xFF09 {
      let unit = units[close]
      let isLetter = (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit)
      guard isLetter || unit == 0x20 || unit == 0x2E || unit == 0x2D || unit == 0x27,
        close - offset < 60
      else { return nil }
      if isLetter { letters += 1 }
      close += 1
    }
    guard close < units.count, letters >= 2 else { return nil }
    var first = offset + 1
    var last = close
    while units[first] == 0x20 { first += 1 }
    while units[last - 1] == 0x20 { last -= 1 }
    return first..<last
  }
}
