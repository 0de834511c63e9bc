/// Resolves each statement's speaker clue to an entity of the article: a name to its entity; a
/// pronoun (他, 该官员) to the speaker of the statement before it in the paragraph, unless a
/// later sentence has a person for subject, else the subject of the last sentence naming a
/// person outside quoted or reported words (他们 to an organisation, not an outlet, speaking
/// before, or nobody), never to a person whose known gender 他 or 她 contradicts; a bare title (外交部发言人) to the person the article named
/// with that title, else the organisation inside the title; a clause with no subject to the
/// previous statement's speaker. 记者 never speaks (the finder drops those clauses).
public struct SpeakerAttributor: Stage {
  public static let type = "quote.attribute.v1"
  public static let requires: Set<Layer> = [.statements, .mentions]
  public static let provides: Set<Layer> = [.speakers]

  /// How many paragraphs back a pronoun may find its person.
  public let pronounParagraphs: Int
  /// 们, which makes a pronoun plural.
  static let pluralMark = UInt16(0x4EEC)

  public init(pronounParagraphs: Int = 2) {
    self.pronounParagraphs = pronounParagraphs
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    self.init(pronounParagraphs: try SpeakerAttributor.pronounParagraphs(options))
  }

  /// The `pronoun_paragraphs` option: how many paragraphs back a pronoun may find its person
  /// (2 when absent).
  static func pronounParagraphs(_ options: StageOptions) throws(QuotegraphError) -> Int {
    let window = try options.int("pronoun_paragraphs") ?? 2
    guard window >= 0 else { throw options.invalid("pronoun_paragraphs", "must be 0 or more") }
    return window
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let text = document.text
    for index in document.statements.indices {
      var statement = document.statements[index]
      let previous = index > 0 ? document.statements[index - 1] : nil
      // The people the words name are not who speaks them (他说，特朗普将…: 他 is someone else),
      // for a speaker the clause does not name. Asked only for those.
      func namedInWords() -> Set<Int> {
        Set(
          document.mentions.filter {
            statement.content.contains($0.range) && document.entities[$0.entity].kind == .person
          }.map(\.entity))
      }
      switch statement.clue {
      case .mention(let mention):
        let found = document.mentions[mention]
        // An owner (拜登的团队表示，赢得大选后，拜登的首要任务…) whom the words name in the third
        // person is spoken about by whoever is theirs.
        let isOwner =
          Int(found.range.end) < text.units.count
          && text.units[Int(found.range.end)] == QuoteScan.modifierMark
        statement.speaker =
          isOwner && namedInWords().contains(found.entity) ? nil : found.entity
        statement.speakerText = text[found.range]
        statement.speakerRange = found.range
        statement.resolution = found.form == .name ? .name : .alias
      case .pronoun(let range):
        statement.speakerText = text[range]
        statement.speakerRange = range
        statement.resolution = .pronoun
        statement.speaker = antecedent(
          of: range, previous: previous, excluding: namedInWords(), in: document)
      case .title(let range, let organization):
        statement.speakerText = text[range]
        statement.speakerRange = range
        statement.resolution = .title
        let organizationEntity = organization.map { document.mentions[$0].entity }
        // An organisation inside the title (外交部发言人) is in every holder's title too.
        let organizationBefore = organization.flatMap {
          document.mentions[$0].range.start < range.start ? document.mentions[$0].entity : nil
        }
        let holder = titleHolder(text[range], before: range, of: organizationBefore, in: document)
        statement.speaker =
          holder.flatMap { namedInWords().contains($0) ? nil : $0 } ?? organizationEntity
        if organization == nil,
          let speaker = organizationSpeaking(
            before: range, previous: previous, unlessNamedSince: statement.speaker, in: document)
        {
          statement.speaker = speaker
        }
      case .previous:
        statement.speaker = previous?.speaker.flatMap { namedInWords().contains($0) ? nil : $0 }
        statement.speakerText = previous?.speakerText ?? ""
        statement.resolution =
          previous?.resolution == .name || previous?.resolution == .alias
          ? .pronoun : previous?.resolution
      }
      document.statements[index] = statement
    }
    document.layers.insert(.speakers)
  }

  /// The previous statement's speaker when it is in the same or the paragraph before and no
  /// person is named between its words and the pronoun; else the subject of the last sentence
  /// naming a person within the window that has one: its first person not marked as an object
  /// (对, 向, 与 …) or an owner (特朗普的律师); else the nearest person. A plural pronoun (他们,
  /// 她们) is no one person: it is the previous statement's organisation, or nobody. Only people
  /// named before `namedBefore` (default: the pronoun) count: 韩正会见了他 is no 韩正.
  func antecedent(
    of range: TextRange, previous: Statement?, namedBefore: Int32? = nil,
    excluding excluded: Set<Int> = [], in document: Document
  ) -> Int? {
    let paragraph =
      document.sentenceIndex(containing: range.start).map {
        Int(document.sentences[$0].paragraph)
      } ?? 0
    let isPlural = document.text.units[Int(range.end) - 1] == SpeakerAttributor.pluralMark
    let earliest = document.paragraphs[max(0, paragraph - pronounParagraphs)].range.start
    // People named inside quoted or reported words are talked about, not talking; but what an
    // outlet reports (据美国之音报道，余茂春被视为…) names the people who act.
    let spoken =
      document.statements.filter { !document.isOutlet($0.speaker) }.map(\.content)
      + document.quotations.map(\.range)
    let people = document.mentions.filter { mention in
      mention.range.end <= (namedBefore ?? range.start) && mention.range.start >= earliest
        && document.entities[mention.entity].kind == .person
        && !spoken.contains { $0.contains(mention.range) }
        && SpeakerAttributor.agrees(mention.entity, withPronoun: range, in: document)
        && !excluded.contains(mention.entity)
    }
    // An outlet reports about others: 他们 after one is the people of its report.
    // Its words may come before its speaker (“…，”刘易斯说。): a person named after both
    // is someone new.
    let previousEnd = previous.map { max($0.content.end, $0.cueRange.end) } ?? 0
    // 《纽约时报》援引一位共和党策略师的话报道，他说: someone unnamed, introduced in the pronoun's
    // sentence after the previous statement, is whom it stands for.
    if !isPlural, let sentence = document.sentenceIndex(containing: range.start) {
      let units = document.text.units
      let from = max(Int(document.sentences[sentence].range.start), Int(previousEnd))
      if from < Int(range.start),
        (from..<Int(range.start)).contains(where: {
          SpeakerAttributor.someoneUnnamed.first(at: $0, in: units) != nil
        })
      {
        return nil
      }
    }
    // 欧盟委员会发言人认为…，他呼吁: a bare title's organisation, which the title spoke for, is
    // what 他 goes on with.
    if let previous, let speaker = previous.speaker, !excluded.contains(speaker),
      document.entities[speaker].kind == (isPlural ? .organization : .person)
        || (!isPlural && previous.resolution == .title),
      SpeakerAttributor.agrees(speaker, withPronoun: range, in: document),
      !(isPlural && document.isOutlet(speaker)),
      paragraph - Int(document.sentences[previous.sentence].paragraph) <= 1,
      isPlural
        || !people.contains(where: {
          $0.range.start >= previousEnd
            && subject(amongst: people, inSentenceOf: $0, in: document) == $0
        })
    {
      return speaker
    }
    guard !isPlural, let last = people.last else { return nil }
    // A sentence whose people are all objects, or whose subject is a pronoun, speaks of someone
    // named before it (塞尔比拒绝接受采访。…他几乎每天都与汉考克通话。他表示 → 塞尔比).
    var cursor = people.count - 1
    while cursor >= 0, let sentence = document.sentenceIndex(containing: people[cursor].range.start)
    {
      if let found = subject(amongst: people, inSentenceOf: people[cursor], in: document) {
        return found.entity
      }
      let sentenceStart = document.sentences[sentence].range.start
      while cursor >= 0, people[cursor].range.start >= sentenceStart { cursor -= 1 }
    }
    return last.entity
  }

  /// Whether the pronoun may stand for the entity: 她 is no man the gazetteer knows as one,
  /// 他 (written for men and for anyone) no woman it knows as one. Unknown genders agree.
  static func agrees(_ entity: Int, withPronoun range: TextRange, in document: Document) -> Bool {
    guard case .string(let gender)? = document.entities[entity].properties["gender"] else {
      return true
    }
    let units = document.text.units[Int(range.start)..<Int(range.end)]
    if units.contains(SpeakerAttributor.she) { return gender != Gender.male.rawValue }
    if units.contains(SpeakerAttributor.he) { return gender != Gender.female.rawValue }
    return true
  }
  static let she = UInt16(0x5979)  // 她
  static let he = UInt16(0x4ED6)  // 他

  /// The first of `people` in `mention`'s sentence that is neither after a mark of the object
  /// or of a place or means (对, 向, 与, 把, 被, 在拜登之后, 对于特朗普, 用希特勒, 譬如马英九),
  /// nor before 的, nor inside an aside;
  /// nil where a pronoun is the sentence's subject before it (他将纳瓦尔尼与曼德拉比较).
  func subject(amongst people: [Mention], inSentenceOf mention: Mention, in document: Document)
    -> Mention?
  {
    guard let sentence = document.sentenceIndex(containing: mention.range.start) else {
      return nil
    }
    let bounds = document.sentences[sentence].range
    let units = document.text.units
    func isMarked(_ start: Int, _ end: Int) -> Bool {
      (start > 0 && SpeakerAttributor.objectMarks.contains(units[start - 1]))
        || (end < units.count && units[end] == QuoteScan.modifierMark)
    }
    // Inside a pair of double dashes or a bracket (——包括他的妻子格雷迪——, （前总统马英九）)
    // stands an aside; a single dash (只有一位—金汉秀) opens none.
    func isAside(_ start: Int) -> Bool {
      var doubleDashes = 0
      var brackets = 0
      var offset = Int(bounds.start)
      while offset < start {
        let unit = units[offset]
        if unit == SpeakerAttributor.dash, offset + 1 < start,
          units[offset + 1] == SpeakerAttributor.dash
        {
          doubleDashes += 1
          offset += 1
        }
        if SpeakerAttributor.openingBrackets.contains(unit) { brackets += 1 }
        if SpeakerAttributor.closingBrackets.contains(unit) { brackets = max(0, brackets - 1) }
        offset += 1
      }
      return doubleDashes % 2 != 0 || brackets > 0
    }
    // A clause of time before the comma (特朗普讲话前，拜登…) names no subject while another
    // person stands outside one; a person followed by 在 is the subject of a time phrase of
    // their own (布林肯在接受采访时，批评…).
    func isInTimeClause(_ end: Int) -> Bool {
      guard end < Int(bounds.end), !SpeakerAttributor.timePhraseOpeners.contains(units[end])
      else { return false }
      var offset = end
      while offset < Int(bounds.end), !QuoteScan.clauseBreaks.contains(units[offset]) {
        offset += 1
      }
      guard offset < Int(bounds.end), offset > end else { return false }
      return SpeakerAttributor.timeClauseEnds.contains(units[offset - 1])
        || SpeakerAttributor.timeClauseWords.endsWord(at: offset, in: units)
    }
    let candidates = people.filter {
      bounds.contains($0.range) && !isMarked(Int($0.range.start), Int($0.range.end))
        && !isAside(Int($0.range.start))
    }
    // 但特朗普的回应并不激烈，他…: with no other subject, the owner opening the sentence (past a
    // connective of a character or two) is whom it is about.
    let owner = people.first {
      bounds.contains($0.range) && Int($0.range.start) - Int(bounds.start) <= 2
        && Int($0.range.end) < units.count && units[Int($0.range.end)] == QuoteScan.modifierMark
        && !(Int($0.range.start) > 0
          && SpeakerAttributor.objectMarks.contains(units[Int($0.range.start) - 1]))
    }
    guard
      let first = candidates.first(where: { !isInTimeClause(Int($0.range.end)) })
        ?? candidates.first ?? owner
    else { return nil }
    let pronounBefore = (Int(bounds.start)..<Int(first.range.start)).contains { offset in
      SpeakerAttributor.singularPronouns.contains(units[offset])
        && !(offset + 1 < units.count && units[offset + 1] == SpeakerAttributor.pluralMark)
        && !isMarked(offset, offset + 1)
    }
    return pronounBefore ? nil : first
  }

  static let singularPronouns = UnitSet("他她")
  /// 一位, 一名: someone the article does not name (一位共和党策略师).
  static let someoneUnnamed = UnitWords(["一位", "一名"])
  /// The last character or word of a clause of time: 讲话前，, 抵达后，, 访问期间，.
  static let timeClauseEnds = UnitSet("前后时")
  static let timeClauseWords = UnitWords(["期间", "以来"])
  static let timePhraseOpeners = UnitSet("在于")
  /// —: an aside opens and closes with two of them.
  static let dash = UInt16(0x2014)
  static let openingBrackets = UnitSet("（(")
  static let closingBrackets = UnitSet("）)")
  static let objectMarks = UnitSet("对向与和同跟给把将被在于用如")

  /// 香港政府亦发表声明，…。发言人指出: the organisation (no outlet) whose statement, in the same
  /// or the paragraph before, a title standing alone at its clause's start follows, unless the
  /// title names sources (消息人士) or `holder` is named again since that statement.
  func organizationSpeaking(
    before range: TextRange, previous: Statement?, unlessNamedSince holder: Int?,
    in document: Document
  ) -> Int? {
    let units = document.text.units
    // 消息人士, 知情人士: sources, who speak for no organisation.
    let sources = QuoteScan.peopleNoun
    guard let previous, let speaker = previous.speaker,
      !UnitWords.matches(sources, at: Int(range.end) - sources.count, in: units),
      document.entities[speaker].kind == .organization, !document.isOutlet(speaker),
      SpeakerAttributor.standsAlone(titleAt: Int(range.start), in: units),
      let here = document.sentenceIndex(containing: range.start)
    else { return nil }
    let paragraph = Int(document.sentences[here].paragraph)
    guard paragraph - Int(document.sentences[previous.sentence].paragraph) <= 1 else {
      return nil
    }
    if let holder,
      document.mentions.contains(where: {
        $0.entity == holder && $0.range.start >= previous.cueRange.start
          && $0.range.start < range.start
      })
    {
      return nil
    }
    return speaker
  }

  /// Whether nothing but punctuation or a space stands right before the title at `start`
  /// (。发言人指出), where a word would qualify it.
  static func standsAlone(titleAt start: Int, in units: [UInt16]) -> Bool {
    start > 0 && !units[start - 1].isIdeograph
  }

  /// Whether a word that is no demonstrative qualifies the title at `start` (大使馆|发言人, 政府|
  /// 发言人; not 该|发言人, 这位|发言人).
  static func isQualified(titleAt start: Int, in units: [UInt16]) -> Bool {
    start > 0 && units[start - 1].isIdeograph
      && !SpeakerAttributor.titleDemonstratives.contains(units[start - 1])
  }

  /// A person the article names right after the same title (外交部发言人汪文斌 … 该发言人 …), of
  /// the same organisation when one stands before the title here (港府发言人 is not the
  /// 白宫发言人 named before), and not a former holder (前发言人陆慷); none for a title after 一位 or
  /// 一名, someone unnamed.
  func titleHolder(
    _ title: String, before range: TextRange, of organization: Int?, in document: Document
  ) -> Int? {
    let units = document.text.units
    guard QuoteScan.indefiniteStart(before: Int(range.start), in: units) == nil else {
      return nil
    }
    let titleUnits = Array(title.utf16)
    // A former holder (中国外交部前发言人陆慷) speaks for no one now.
    let formerHolders = Set(
      document.roles.filter { $0.isFormer(in: document) }.map {
        document.mentions[$0.mention].range.start
      })
    let holder = document.mentions.last { mention in
      guard document.entities[mention.entity].kind == .person, mention.range.start < range.start,
        !formerHolders.contains(mention.range.start)
      else {
        return false
      }
      let start = Int(mention.range.start)
      let titleStart = start - titleUnits.count
      guard titleStart >= 0, Array(units[titleStart..<start]) == titleUnits else { return false }
      if let organization {
        return document.mentions.contains {
          $0.entity == organization && $0.range.end <= Int32(titleStart)
            && $0.range.end >= Int32(titleStart - 1)
        }
      }
      // 俄罗斯驻华盛顿大使馆发言人 is not the 外交部发言人 named before: a word before the title
      // (and its 的) that is no demonstrative (该发言人, 这位发言人) must be the holder's too.
      var before = Int(range.start)
      if before > 0, units[before - 1] == QuoteScan.modifierMark { before -= 1 }
      guard SpeakerAttributor.isQualified(titleAt: before, in: units) else { return true }
      let width = min(2, before, titleStart)
      return units[(before - width)..<before] == units[(titleStart - width)..<titleStart]
    }
    // 港府发言人说…。发言人说: a bare title goes on with the title the article wrote last since
    // the holder was named: its organisation's, or nobody's the article names where another
    // word qualified it (政府发言人), not the 国务院发言人 named paragraphs before.
    if organization == nil, SpeakerAttributor.standsAlone(titleAt: Int(range.start), in: units) {
      let from = holder.map { Int($0.range.start) } ?? 0
      var offset = Int(range.start) - titleUnits.count
      while offset >= from {
        if UnitWords.matches(titleUnits, at: offset, in: units) {
          let end = QuoteScan.ownerEnd(before: offset, notBefore: 0, in: units)
          if let owner = document.mentions.last(where: {
            $0.range.end == Int32(end)
              && document.entities[$0.entity].kind == .organization
          }) {
            return owner.entity
          }
          let named = document.mentions.contains {
            $0.range.start == Int32(offset + titleUnits.count)
              && document.entities[$0.entity].kind == .person
          }
          if !named, SpeakerAttributor.isQualified(titleAt: end, in: units) { return nil }
        }
        offset -= 1
      }
    }
    return holder?.entity
  }
  static let titleDemonstratives = UnitSet("该这此那位名")
}
