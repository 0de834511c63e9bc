/// Finds who met whom, clause by clause (clauses end at `clause_marks`):
/// - `X 与/同/和 Y(、Y2 以及 Y3) … 举行会晤`: a `connectors` word after a person X, the people
///   listed after it (joined by `list_marks` words, with their titles between), then a
///   meeting word (`cues`) in the same clause: X met each of them;
/// - `X 会见 Y`: a meeting word between two people of one clause (titles and time words may
///   stand between): X met Y and any people listed after Y;
/// - a clause that opens with `openers` words and then a connector or a meeting word, whose
///   subject is the person an earlier clause of the sentence starts with (马云发表演讲，与特朗普
///   会晤; 阿扎尔到访台湾，并会晤蔡英文): that person met the people listed.
/// A person followed by 的 that the meeting word does not follow is no guest (与邓恩的父母见面),
/// and a short quotation inside a clause (“应约”) does not end it. A pronoun opening a clause or
/// after a connector or a meeting word is the person it refers to (他几乎每天都与汉考克通话).
/// Each pair is recorded once per article, with the meeting word as written.
public struct MeetingFinder: Stage {
  public static let type = "meeting.find.v1"
  public static let requires: Set<Layer> = [.cleanText, .mentions, .sentences]
  public static let provides: Set<Layer> = [.meetings]

  public let cues: [String]
  public let connectors: [String]
  public let listMarks: [String]
  public let clauseMarks: [String]
  /// Words a clause whose subject an earlier clause gave may open with before its connector or
  /// meeting word (并, 也, 随后, 在): nothing else may stand there.
  public let openers: [String]
  /// Characters of dates and times (年, 月, 日) that, with digits, may stand before a clause's
  /// subject (2018年3月金正恩…).
  public let dateCharacters: [String]
  // The same words as code units: clause marks and cues are looked for at every offset.
  private let cueWords: UnitWords
  private let connectorWords: UnitWords
  private let listMarkWords: UnitWords
  private let clauseMarkWords: UnitWords
  private let openerWords: UnitWords
  private let dateUnits: UnitSet
  /// Resolves a pronoun to its person as the speaker stage does, over the same window
  /// (`pronoun_paragraphs`).
  private let pronounResolver: SpeakerAttributor

  /// The longest quotation (in UTF-16 units, marks excluded) that is a word or a phrase of its
  /// clause (“历史性”, “应约”) rather than a clause of its own.
  static let shortQuotation = 8

  public init(
    cues: [String], connectors: [String], listMarks: [String], clauseMarks: [String],
    openers: [String] = [], dateCharacters: [String] = [], pronounParagraphs: Int = 2
  ) {
    self.pronounResolver = SpeakerAttributor(pronounParagraphs: pronounParagraphs)
    // Longest first, so 通电话 wins over 通话 and 以及 over 及.
    self.cues = cues.sorted { $0.utf16.count > $1.utf16.count }
    self.connectors = connectors
    self.listMarks = listMarks.sorted { $0.utf16.count > $1.utf16.count }
    self.clauseMarks = clauseMarks
    self.openers = openers.sorted { $0.utf16.count > $1.utf16.count }
    self.cueWords = UnitWords(self.cues)
    self.connectorWords = UnitWords(connectors)
    self.listMarkWords = UnitWords(self.listMarks)
    self.clauseMarkWords = UnitWords(clauseMarks)
    self.openerWords = UnitWords(self.openers)
    self.dateCharacters = dateCharacters
    self.dateUnits = UnitSet(units: dateCharacters.flatMap(\.utf16))
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    self.init(
      cues: try options.requiredStrings("cues"),
      connectors: try options.requiredStrings("connectors"),
      listMarks: try options.requiredStrings("list_marks"),
      clauseMarks: try options.requiredStrings("clause_marks"),
      openers: try options.strings("openers") ?? [],
      dateCharacters: try options.strings("date_characters") ?? [],
      pronounParagraphs: try SpeakerAttributor.pronounParagraphs(options))
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let units = document.text.units
    var meetings: [Meeting] = []
    var seen = Set<[Int]>()
    func record(_ first: Int, _ second: Int, _ cue: String, _ range: TextRange) {
      guard first != second, seen.insert([min(first, second), max(first, second)]).inserted
      else { return }
      meetings.append(Meeting(first: first, second: second, cue: cue, cueRange: range))
    }
    // Sorted by start, so each clause finds its people by binary search, not by a scan of the
    // whole article (a long article has thousands of clauses).
    // A name's Latin form in parentheses is the name again, not one more person of a list.
    let people = document.mentions.filter {
      document.entities[$0.entity].kind == .person
        && $0.evidence != NameCoreference.latinFormEvidence
    }
    .sorted { $0.range < $1.range }
    func firstPerson(from start: Int32) -> Int {
      var low = 0
      var high = people.count
      while low < high {
        let middle = (low + high) / 2
        if people[middle].range.start < start { low = middle + 1 } else { high = middle }
      }
      return low
    }
    // Calls `body` with each person mention within `span`, in order, until it returns false.
    func forEachPerson(within span: TextRange, _ body: (Mention) -> Bool) {
      var index = firstPerson(from: span.start)
      while index < people.count, people[index].range.start < span.end {
        if span.contains(people[index].range), !body(people[index]) { return }
        index += 1
      }
    }
    // How many people stand within `span`, up to two, counted without collecting them (most
    // sentences name fewer).
    func peopleNamed(_ span: TextRange) -> Int {
      var found = 0
      forEachPerson(within: span) { _ in
        found += 1
        return found < 2
      }
      return found
    }
    // A sentence naming one person may still tell of a meeting with a pronoun for the other
    // (他几乎每天都与汉考克通话): worth cutting into clauses only with a meeting word.
    func mayMeetByPronoun(_ span: TextRange) -> Bool {
      let range = Int(span.start)..<Int(span.end)
      return range.contains { SpeakerAttributor.singularPronouns.contains(units[$0]) }
        && range.contains { cueWords.contains(at: $0, in: units) }
    }
    let spans =
      document.sentences.isEmpty
      ? [TextRange(0, units.count)] : document.sentences.map(\.range)
    // Where the title written before a person starts (美国卫生部长|阿扎尔), by the person's start.
    var titleStart: [Int32: Int32] = [:]
    for role in document.roles where role.position == "before" {
      titleStart[document.mentions[role.mention].range.start] = role.title.start
    }
    // A clause lies within its sentence: a sentence naming fewer than two people is not cut
    // into clauses at all (cutting every sentence was most of this stage).
    func antecedent(_ offset: Int, namedBefore: Int) -> Int? {
      pronounResolver.antecedent(
        of: TextRange(offset, offset + 1), previous: nil, namedBefore: Int32(namedBefore),
        in: document)
    }
    for sentence in spans {
      let named = peopleNamed(sentence)
      guard named == 2 || named == 1 && mayMeetByPronoun(sentence) else { continue }
      // The person the last clause that started with one started with: the subject of the
      // clauses after it that name none (马云发表演讲，与特朗普会晤).
      var topic: Mention?
      for clause in clauses(units, of: sentence) {
        var inClause: [Mention] = []
        forEachPerson(within: clause) {
          inClause.append($0)
          return true
        }
        if named == 1 || inClause.count == 1 {
          inClause = (inClause + pronouns(in: clause, units, resolvedBy: antecedent)).sorted {
            $0.range < $1.range
          }
        }
        let subject = inClause.first.flatMap { first in
          startsClause(first, clause, units, titleStart: titleStart) ? first : nil
        }
        // A pronoun is a subject of its clause only: what follows may be another's (他列举了…，
        // 批评了特朗普“在与习近平会谈时…” is no meeting of his).
        defer {
          if let subject { topic = subject.evidence == Self.pronounEvidence ? nil : subject }
        }
        guard inClause.count >= 2 || topic != nil && !inClause.isEmpty else { continue }
        // 先后与约翰逊和拉布会面: a clause opening with a connector (after `openers`) lists
        // guests of the topic's only.
        let listsGuestsOnly = opensWithConnector(clause, units)
        var offset = Int(clause.start)
        while offset < Int(clause.end) {
          guard let cue = cueWords.first(at: offset, in: units).map({ cues[$0] }) else {
            offset += 1
            continue
          }
          let cueRange = TextRange(offset, offset + cue.utf16.count)
          offset = Int(cueRange.end)
          // Inside a name (会见 cannot be, but a cue may overlap a mention): skip.
          if inClause.contains(where: { $0.range.contains(Int(cueRange.start)) }) { continue }
          let before = inClause.filter { $0.range.end <= cueRange.start }
          let after = inClause.filter { $0.range.start >= cueRange.end }
          func isGuest(_ person: Mention) -> Bool {
            // 与邓恩的父母见面 met the parents; 与金正恩的会晤 met 金正恩.
            let end = Int(person.range.end)
            return end >= units.count || units[end] != 0x7684 || end + 1 == Int(cueRange.start)
          }
          if !listsGuestsOnly, let (subject, guests) = connectorFrame(before, units) {
            for guest in guests where isGuest(guest) {
              record(subject.entity, guest.entity, cue, cueRange)
            }
          } else if !listsGuestsOnly, let subject = before.last, let first = after.first {
            for guest in list(startingWith: first, in: after, units) where isGuest(guest) {
              record(subject.entity, guest.entity, cue, cueRange)
            }
          } else if let topic,
            let guests = topicGuests(clause, before, after, cueRange, units, titleStart)
          {
            for guest in guests where isGuest(guest) {
              record(topic.entity, guest.entity, cue, cueRange)
            }
          }
        }
      }
    }
    document.meetings = meetings
    document.layers.insert(.meetings)
  }

  /// The singular pronouns of `clause` (他, 她; not 他们, 其他, 他人, nor an owner's 他的) that
  /// stand where a person meets: opening the clause (after date characters and `openers`), or
  /// right after a connector or a meeting word (特朗普与他举行会谈, 会见了他), each a mention of the person
  /// `antecedent` resolves it to, as the speaker stage resolves a pronoun, from the people named
  /// before the given offset.
  func pronouns(
    in clause: TextRange, _ units: [UInt16],
    resolvedBy antecedent: (_ offset: Int, _ namedBefore: Int) -> Int?
  ) -> [Mention] {
    var found: [Mention] = []
    for offset in Int(clause.start)..<Int(clause.end)
    where SpeakerAttributor.singularPronouns.contains(units[offset]) {
      let next = offset + 1 < units.count ? units[offset + 1] : 0
      let previous = offset > 0 ? units[offset - 1] : 0
      guard !Self.notPronounAfter.contains(next), !Self.notPronounBefore.contains(previous)
      else { continue }
      let opensClause =
        (Int(clause.start)..<offset).allSatisfy { isDateCharacter(units[$0]) }
        || afterOpeners(Int(clause.start), limit: offset, units) == offset
      // 会见他, 会见了他.
      let afterCue = previous == Self.perfectiveMark ? offset - 1 : offset
      let isGuest =
        connectorWords.endsWord(at: offset, in: units)
        || cueWords.endsWord(at: afterCue, in: units)
      // A guest is nobody named before it in its clause (韩正会见了他).
      guard opensClause || isGuest,
        let entity = antecedent(offset, opensClause ? offset : Int(clause.start))
      else { continue }
      found.append(
        Mention(
          range: TextRange(offset, offset + 1), entity: entity, form: .shortForm,
          evidence: Self.pronounEvidence))
    }
    return found
  }

  /// 了.
  static let perfectiveMark = UInt16(0x4E86)
  /// The evidence of a pronoun's mention.
  static let pronounEvidence = "pronoun"
  /// What makes 他 or 她 no pronoun of one person, after it: 他们, 他人, 他国, 他的 (an owner).
  static let notPronounAfter = UnitSet("们們人国國乡鄉方处處日物者妈媽娘的")
  /// …and before it: 其他, 吉他, 利他.
  static let notPronounBefore = UnitSet("其吉利")

  /// Whether `person` stands at the start of `clause`, as its subject: nothing but digits and
  /// date or time characters (2018年3月) before it, or before the title written before it.
  func startsClause(
    _ person: Mention, _ clause: TextRange, _ units: [UInt16], titleStart: [Int32: Int32]
  ) -> Bool {
    let start = Int(titleStart[person.range.start] ?? person.range.start)
    return units[Int(clause.start)..<max(Int(clause.start), start)].allSatisfy {
      isDateCharacter($0)
    }
  }

  /// Whether a connector follows the clause's `openers` words (并与, 先后与).
  func opensWithConnector(_ clause: TextRange, _ units: [UInt16]) -> Bool {
    let offset = afterOpeners(Int(clause.start), limit: Int(clause.end), units)
    return offset < Int(clause.end) && connectorWords.contains(at: offset, in: units)
  }

  /// Where the `openers` words from `start` end, reading no further than `limit`.
  func afterOpeners(_ start: Int, limit: Int, _ units: [UInt16]) -> Int {
    var offset = start
    while offset < limit, let word = openerWords.first(at: offset, in: units) {
      offset += openerWords.words[word].count
    }
    return offset
  }

  /// Digits, spaces and the `date_characters` (年, 月, 日).
  func isDateCharacter(_ unit: UInt16) -> Bool {
    (0x30...0x39).contains(unit) || (0xFF10...0xFF19).contains(unit) || unit == 0x20
      || unit == 0x3000 || dateUnits.contains(unit)
  }

  /// The people a clause without its own subject lists after its opening: `openers` words,
  /// then a connector and the people before the meeting word (并与王毅、李强会晤), or the
  /// meeting word and the people after it (并会晤蔡英文).
  func topicGuests(
    _ clause: TextRange, _ before: [Mention], _ after: [Mention], _ cue: TextRange,
    _ units: [UInt16], _ titleStart: [Int32: Int32]
  ) -> [Mention]? {
    let offset = afterOpeners(Int(clause.start), limit: Int(cue.start), units)
    if let first = before.first {
      guard let connector = connectorWords.first(at: offset, in: units),
        offset + connectorWords.words[connector].count
          <= Int(titleStart[first.range.start] ?? first.range.start)
      else { return nil }
      return list(startingWith: first, in: before, units)
    }
    // An opener at least: a clause that starts with the meeting word names the meeting
    // (会见由蓬佩奥敲定).
    guard offset == Int(cue.start), offset > Int(clause.start), let first = after.first
    else { return nil }
    return list(startingWith: first, in: after, units)
  }

  /// `X … 与 Y、Z 以及 W …` before a meeting word: X and the people listed after the connector.
  func connectorFrame(_ before: [Mention], _ units: [UInt16]) -> (Mention, [Mention])? {
    for (index, subject) in before.enumerated().dropLast() {
      let next = before[index + 1]
      // The connector stands between the subject and the first guest, right before the
      // guest's title if there is one.
      let gap = Int(subject.range.end)..<Int(next.range.start)
      guard
        gap.contains(where: { at in connectorWords.contains(at: at, in: units) })
      else { continue }
      let guests = list(startingWith: next, in: Array(before[(index + 1)...]), units)
      return (subject, guests)
    }
    return nil
  }

  /// The person `first` and those listed after it: 王毅、李强以及解振华.
  func list(startingWith first: Mention, in people: [Mention], _ units: [UInt16]) -> [Mention] {
    var result = [first]
    var previous = first
    for person in people where person.range.start > first.range.start {
      let gap = Int(previous.range.end)..<Int(person.range.start)
      guard
        gap.contains(where: { at in listMarkWords.contains(at: at, in: units) })
      else { break }
      result.append(person)
      previous = person
    }
    return result
  }

  /// The sentence cut at clause marks; a short quotation with no mark inside (“应约”) stays in
  /// its clause.
  func clauses(_ units: [UInt16], of sentence: TextRange) -> [TextRange] {
    var result: [TextRange] = []
    var start = Int(sentence.start)
    var offset = start
    while offset < Int(sentence.end) {
      if units[offset] == 0x201C,
        let close = (offset + 1..<min(Int(sentence.end), offset + 2 + MeetingFinder.shortQuotation))
          .first(where: { clauseMarkWords.contains(at: $0, in: units) }),
        units[close] == 0x201D, close > offset + 1
      {
        offset = close + 1
      } else if let mark = clauseMarkWords.first(at: offset, in: units) {
        if offset > start { result.append(TextRange(start, offset)) }
        offset += clauseMarkWords.words[mark].count
        start = offset
      } else {
        offset += 1
      }
    }
    if start < Int(sentence.end) { result.append(TextRange(start, Int(sentence.end))) }
    return result
  }
}
