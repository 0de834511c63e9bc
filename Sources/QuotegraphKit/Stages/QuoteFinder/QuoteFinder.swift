/// Finds statements: every speech cue of `cues.tsv` standing as a verb (aligned with ICU's
/// words, not negated, not inside a quotation or another statement's content) opens a frame.
/// Left of the cue, within its clause, stands the speaker (a name, 据 + a name, a pronoun, a
/// bare title, or nothing when the clause continues the previous statement); right of it, past
/// an optional addressee and separator, the content: a quotation (direct), or reported speech up
/// to the sentence's end or the next clause that opens a statement of its own (indirect, or
/// mixed when it holds quoted words). A quotation right before a cue clause with no content
/// (“……，”他告诉韩) is that cue's content.
public struct QuoteFinder: Stage {
  public static let type = "quote.find.v1"
  public static let requires: Set<Layer> = [.sentences, .quotations, .tokens, .mentions]
  public static let provides: Set<Layer> = [.statements]

  public struct Lexicon: Sendable {
    /// Cue forms (name and aliases without a gap), each with its canonical name and class.
    public var cues: [(form: String, name: String, cueClass: String)]
    /// Words that may be glued before a cue by ICU (还说, 又说): 还, 又, 也 …
    public var cuePrefixes: Set<String>
    /// Words that negate a following cue: 不, 没有, 未 …
    public var negations: Set<String>
    public var pronouns: Set<String>
    /// Words that never speak (记者): their clause gives no speaker.
    public var nonSpeakers: Set<String>
    /// Addressees that are no entity (记者, 媒体): skipped before the content.
    public var addresseeWords: Set<String>
    /// Titles (from `roles.tsv`) that stand for a speaker without a name (外交部发言人).
    public var titles: Set<String>
    /// Words that end in a cue but say nothing of anyone's speech (与其说, 可以说, 对…来说).
    public var discourseMarkers: Set<String> = []
    /// Cues that report speech only after 据 or right before a separator (据吕克俭介绍，…;
    /// 他介绍：…): elsewhere they are ordinary verbs (介绍给, 介绍了情况).
    public var separatedCues: Set<String> = []
    /// Words for someone's relations and associates (母亲, 律师, 同事): after a pronoun they
    /// make the speaker someone of the pronoun's the article does not name (她母亲说).
    public var pronounRelations: Set<String> = []
    /// Credits (责编, 网编): reported words that open with one are a byline's (记者郑崇生华盛顿报道
    /// 责编：申铧), no one's statement.
    public var creditWords: Set<String> = []
    /// Kinds of organisation (出版社, 公司, 大学): a clause naming one with no name the gazetteer
    /// knows (群众出版社表示) has an unnamed subject, not the previous speaker; after 该, 这 or 此
    /// (该公司表示) it refers back.
    public var organizationWords: Set<String> = []
    /// Cues that report speech without a separator after them only for an organisation
    /// (路透社报道中国正在考虑…): after a person, a pronoun or a title they name a journalist's
    /// beat (他之前曾驻华盛顿报道国际贸易新闻), no one's words.
    public var outletCues: Set<String> = []
    /// Adverbs that may stand between a negation and its cue (没有进一步解释, 未明确表示).
    public var negatedAdverbs: Set<String> = []
    /// Conjunctions of condition (只要, 如果): a clause they open before a cue states a
    /// condition (只要认为是敌人…, 如果说…), no one's statement.
    public var conditionals: Set<String> = []
    /// Words opening a relative clause before a person (受, 被, 担任): that person modifies the
    /// one named after the clause's 的 (受李登辉提拔过的马英九), who is the subject.
    public var relativeOpeners: Set<String> = []
    /// Kinds of talk a cue may take as its object (脏话, 公道话): 讲脏话 reports no one's words.
    public var speechObjects: Set<String> = []
    /// Verbs that take a cue as their object (做出承诺, 履行承诺, 发出警告): the cue is a noun.
    public var objectVerbs: Set<String> = []
  }

  public let lexicon: Lexicon
  /// The fewest characters reported speech must hold (quotations excepted): shorter, the
  /// cue's object is a noun (提出上诉, 表示不满, 否认所有控罪), no words of anyone's.
  public let minimumReportedLength: Int
  let cueAutomaton: PatternAutomaton
  /// The first units of the cue forms: most offsets start none, and are passed over at once.
  let cueStarts: UnitWords
  let negations: UnitWordSet
  let negatedAdverbs: UnitWords
  let conditionals: UnitWords
  let relativeOpeners: UnitWords
  let speechObjects: UnitWords
  let objectVerbs: UnitWords
  let discourseMarkers: UnitWords
  let pronounRelations: UnitWords
  let creditWords: UnitWords
  let organizationWords: UnitWords
  let cuePrefixes: UnitWordSet
  let nonSpeakers: [(text: String, units: [UInt16])]
  let titleAutomaton: PatternAutomaton
  let pronounAutomaton: PatternAutomaton
  let pronounList: [String]
  let titleList: [String]

  public init(lexicon: Lexicon, minimumReportedLength: Int = 2) {
    self.lexicon = lexicon
    self.minimumReportedLength = minimumReportedLength
    cueAutomaton = PatternAutomaton(patterns: lexicon.cues.map { Array($0.form.utf16) })
    cueStarts = UnitWords(lexicon.cues.map(\.form).filter { !$0.isEmpty })
    negations = UnitWordSet(lexicon.negations)
    negatedAdverbs = UnitWords(lexicon.negatedAdverbs.filter { !$0.isEmpty }.sorted())
    conditionals = UnitWords(lexicon.conditionals.filter { !$0.isEmpty }.sorted())
    relativeOpeners = UnitWords(lexicon.relativeOpeners.filter { !$0.isEmpty }.sorted())
    speechObjects = UnitWords(lexicon.speechObjects.filter { !$0.isEmpty }.sorted())
    objectVerbs = UnitWords(lexicon.objectVerbs.filter { !$0.isEmpty }.sorted())
    discourseMarkers = UnitWords(lexicon.discourseMarkers.filter { !$0.isEmpty }.sorted())
    pronounRelations = UnitWords(lexicon.pronounRelations.filter { !$0.isEmpty }.sorted())
    creditWords = UnitWords(lexicon.creditWords.filter { !$0.isEmpty }.sorted())
    organizationWords = UnitWords(lexicon.organizationWords.filter { !$0.isEmpty }.sorted())
    cuePrefixes = UnitWordSet(lexicon.cuePrefixes)
    nonSpeakers = lexicon.nonSpeakers.map { ($0, Array($0.utf16)) }
    titleList = lexicon.titles.sorted()
    titleAutomaton = PatternAutomaton(patterns: titleList.map { Array($0.utf16) })
    pronounList = lexicon.pronouns.sorted()
    pronounAutomaton = PatternAutomaton(patterns: pronounList.map { Array($0.utf16) })
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    let path = try options.gazetteerDirectory(context)
    func table(_ file: GazetteerFile) throws(QuotegraphError) -> GazetteerTable {
      let tablePath = path + "/" + file.fileName
      return try GazetteerTable.parse(
        String(decoding: try FileIO.readAll(path: tablePath), as: UTF8.self), file: file,
        path: tablePath)
    }
    var cues: [(form: String, name: String, cueClass: String)] = []
    for row in try table(.cues).rows {
      let entry = try CueEntry(row: row)
      for form in [entry.name] + entry.aliases where !form.contains("…") {
        cues.append((form, entry.name, entry.cueClass.rawValue))
      }
    }
    var titles = Set<String>()
    for row in try table(.roles).rows
    where row["kind"] == "spokesperson" || row["kind"] == "official" {
      for title in [row["name"]] + row.list("aliases") where title.count >= 2 {
        titles.insert(title)
      }
    }
    titles.formUnion(try options.strings("extra_titles") ?? [])
    let minimumReportedLength = try options.int("minimum_reported_length") ?? 2
    guard minimumReportedLength >= 2 else {
      throw options.invalid("minimum_reported_length", "must be 2 or more")
    }
    self.init(
      lexicon: Lexicon(
        cues: cues,
        cuePrefixes: Set(try options.requiredStrings("cue_prefixes")),
        negations: Set(try options.requiredStrings("negations")),
        pronouns: Set(try options.requiredStrings("pronouns")),
        nonSpeakers: Set(try options.requiredStrings("non_speakers")),
        addresseeWords: Set(try options.requiredStrings("addressee_words")),
        titles: titles,
        discourseMarkers: Set(try options.strings("discourse_markers") ?? []),
        separatedCues: Set(try options.strings("separated_cues") ?? []),
        pronounRelations: Set(try options.strings("pronoun_relations") ?? []),
        creditWords: Set(try options.strings("credit_words") ?? []),
        organizationWords: Set(try options.strings("organization_words") ?? []),
        outletCues: Set(try options.strings("outlet_cues") ?? []),
        negatedAdverbs: Set(try options.strings("negated_adverbs") ?? []),
        conditionals: Set(try options.strings("conditionals") ?? []),
        relativeOpeners: Set(try options.strings("relative_openers") ?? []),
        speechObjects: Set(try options.strings("speech_objects") ?? []),
        objectVerbs: Set(try options.strings("object_verbs") ?? [])),
      minimumReportedLength: minimumReportedLength)
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    // The words moved out of the document and back, not copied: the copy shared its arrays,
    // so the first stretch broken copied them whole, and what the scan broke was dropped.
    var words = document.words
    document.words = WordBoundaries()
    let scan = QuoteScan(finder: self, document: document, words: &words)
    document.words = words
    if let failure = scan.wordFailure {
      throw QuotegraphError("segment.icu", failure, stage: Self.type)
    }
    document.statements = scan.run()
    document.layers.insert(.statements)
  }
}
