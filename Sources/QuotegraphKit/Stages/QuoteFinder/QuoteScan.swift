/// One document's pass of `QuoteFinder`: the per-document indexes and the frames.
///
/// Immutable once made: the scan's progress (what content took, the statements so far) lives
/// in `run()` and is passed to the frames. Calling a method of this large struct from a
/// mutating one copied the whole value at every call (callgrind: 30,000 `memcpy` calls on 99
/// articles).
struct QuoteScan {
  let finder: QuoteFinder
  let document: Document
  let units: [UInt16]
  /// tokenStart[i]: a token starts at offset i; tokenEnd[i]: one ends there. Known where a cue
  /// form starts or ends, the only places a scan asks.
  var tokenStart: [Bool]
  var tokenEnd: [Bool]
  /// Where a cue form starts inside a word: the start of that word (还|说 glued as 还说).
  var wordStartBefore: [Int: Int] = [:]
  /// Where a cue form ends before a 中 standing alone that a clause break or another cue soon
  /// follows (在声明|中|说, 在报道|中|指出): the first is a noun, the second frames the statement.
  var nounCueEnds: Set<Int> = []
  /// Why ICU failed to break some clause into words, if it did.
  let wordFailure: String?
  /// The outermost quotation covering each offset, or -1.
  let quotationAt: [Int32]
  /// Mention indices sorted by start: clauses find their names by binary search.
  let mentionOrder: [Int]

  /// `words`: the document's word boundaries, which the scan breaks further where cues stand.
  init(finder: QuoteFinder, document: Document, words: inout WordBoundaries) {
    self.finder = finder
    self.document = document
    self.units = document.text.units
    let count = units.count
    var tokenStart = [Bool](repeating: false, count: count + 1)
    var tokenEnd = [Bool](repeating: false, count: count + 1)
    var wordStartBefore: [Int: Int] = [:]
    var nounCueEnds: Set<Int> = []
    let cueStarts = finder.cueStarts
    units.withUnsafeBufferPointer { buffer in
      func opensCue(at offset: Int) -> Bool {
        var opens = false
        if cueStarts.mayStart(with: buffer[offset]) {
          finder.cueAutomaton.forEachMatch(in: buffer, at: offset) { _, _ in opens = true }
        }
        return opens
      }
      // The first units' bitmap turns most offsets away before the automaton's 256 KB root
      // table is read.
      for position in 0..<count where cueStarts.mayStart(with: buffer[position]) {
        var isCue = false
        finder.cueAutomaton.forEachMatch(in: buffer, at: position) { length, _ in
          isCue = true
          let end = position + length
          if words.endsWord(at: end) { tokenEnd[end] = true }
          // 在声明中表示, and 在声明中称 where ICU glues 中 to the cue.
          if end + 1 < count, buffer[end] == QuoteScan.localizer, words.startsWord(at: end),
            words.endsWord(at: end + 1) || opensCue(at: end + 1),
            QuoteScan.clauseBreaks.contains(buffer[end + 1])
              || (end + 1...min(end + 3, count - 1)).contains(where: opensCue)
          {
            nounCueEnds.insert(end)
          }
        }
        guard isCue else { continue }
        if words.startsWord(at: position) {
          tokenStart[position] = true
        } else if let word = words.range(at: position), Int(word.start) < position {
          wordStartBefore[position] = Int(word.start)
        }
      }
    }
    self.tokenStart = tokenStart
    self.tokenEnd = tokenEnd
    self.wordStartBefore = wordStartBefore
    self.nounCueEnds = nounCueEnds
    wordFailure = words.failure
    var quotationAt = [Int32](repeating: -1, count: count)
    for (index, quotation) in document.quotations.enumerated() where quotation.depth == 0 {
      for offset in quotation.range.range where offset < count {
        quotationAt[offset] = Int32(index)
      }
    }
    self.quotationAt = quotationAt
    // Sorted by the ranges alone: a closure reading `document` copied the whole document.
    let mentionRanges = document.mentions.map(\.range)
    mentionOrder = mentionRanges.indices.sorted { mentionRanges[$0] < mentionRanges[$1] }
  }

  /// Indices of the mentions lying within `start..<end`, in text order.
  func mentions(in start: Int, _ end: Int) -> [Int] {
    var low = 0
    var high = mentionOrder.count
    while low < high {
      let middle = (low + high) / 2
      if document.mentions[mentionOrder[middle]].range.start < Int32(start) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    var result: [Int] = []
    var index = low
    while index < mentionOrder.count,
      document.mentions[mentionOrder[index]].range.start < Int32(end)
    {
      if document.mentions[mentionOrder[index]].range.end <= Int32(end) {
        result.append(mentionOrder[index])
      }
      index += 1
    }
    return result
  }

  /// Whether a person's name ends at `position`.
  func endsPersonName(at position: Int) -> Bool {
    endsName(at: position) { $0 == .person }
  }

  /// Whether a mention of an entity whose kind `accepts` ends at `position`.
  func endsName(at position: Int, accepts: (EntityRecord.Kind) -> Bool) -> Bool {
    mentionsBefore(position).contains { mention in
      mention.range.end == Int32(position) && accepts(document.entities[mention.entity].kind)
    }
  }

  /// Whether a person's name goes on past `position` from before it, so that no cue starts
  /// there: a gazetteer name (赵立坚|称: no cue 坚称), or a discovered one of which one character
  /// would be left (卜道维: no cue 道). A discovered name that would leave two is less sure than
  /// the cue (萧强声称 is 萧强 声称).
  func isInsidePersonName(_ position: Int) -> Bool {
    mentionsBefore(position).contains { mention in
      let entity = document.entities[mention.entity]
      return mention.range.end > Int32(position) && entity.kind == .person
        && (entity.properties["discovered"] == nil || position - Int(mention.range.start) < 2)
    }
  }

  /// The mentions starting before `position`, the nearest few (names are short).
  func mentionsBefore(_ position: Int) -> [Mention] {
    var low = 0
    var high = mentionOrder.count
    while low < high {
      let middle = (low + high) / 2
      if document.mentions[mentionOrder[middle]].range.start < Int32(position) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return (max(0, low - 4)..<low).map { document.mentions[mentionOrder[$0]] }
  }

  static let clauseBreaks = UnitSet("，,；;：:")
  static let sentenceEnds = UnitSet("。！？!?")
  static let colons = UnitSet("：:")
  static let aspectParticles = UnitSet("了过着")
  static let agentSuffix = UInt16(0x8005)  // 者
  /// 人士 after a word names people (批评人士, 消息人士).
  static let peopleNoun = Array("人士".utf16)
  static let localizer = UInt16(0x4E2D)  // 中
  /// What `trimmed(_:)` drops at a content's edges: separators and the closing stop.
  static let contentEdges = UnitSet("，,；;：: 。")
  /// Before a person, these make them the one spoken to or with (对韩正, 与王毅).
  static let companions = UnitSet("对向与和同跟")
  /// The marks of the one spoken to (对美国之音说, 向记者表示), of the companions.
  static let addresseeMarks = UnitSet("对向")

  func run() -> [Statement] {
    /// Offsets already inside some statement's content.
    var consumed = [Bool](repeating: false, count: units.count)
    var statements: [Statement] = []
    for (index, sentence) in document.sentences.enumerated() {
      let paragraph = document.paragraphs[Int(sentence.paragraph)]
      guard paragraph.kind == .body else { continue }
      var position = Int(sentence.range.start)
      let end = Int(sentence.range.end)
      while position < end {
        // The first-unit test goes first: it turns away nearly every offset.
        if !finder.cueStarts.mayStart(with: units[position]) || quotationAt[position] >= 0
          || consumed[position]
        {
          position += 1
          continue
        }
        guard let cue = cue(at: position, sentenceEnd: end) else {
          position += 1
          continue
        }
        // The scan goes on after the cue that framed the statement: a later one when the
        // words follow a second cue (批评巴拉，称…).
        var next = cue.end
        if let statement = frame(
          cue: cue, sentence: index, consumed: consumed, statements: statements)
        {
          for offset in statement.content.range where offset < consumed.count {
            consumed[offset] = true
          }
          statements.append(statement)
          next = max(next, Int(statement.cueRange.end))
        }
        position = next
      }
    }
    return QuoteScan.droppingShortReports(
      statements.filter { !isCredit($0) }, minimum: finder.minimumReportedLength)
  }

  static let spaces = UnitSet(" \u{3000}\u{A0}")
  static let call = UInt16(0x79F0)  // 称
  static let callAs: [UInt16] = [0x4F5C, 0x4E3A]  // 作, 为

  /// Reported words that open with a credit (责编：申铧 网编：洪伟): a byline's, not speech.
  func isCredit(_ statement: Statement) -> Bool {
    guard statement.kind == .indirect else { return false }
    var start = Int(statement.content.start)
    while start < Int(statement.content.end), QuoteScan.spaces.contains(units[start]) {
      start += 1
    }
    // 责编：申铧, 责编 许书婷; not 编辑部的工作.
    return finder.creditWords.words.contains { credit in
      UnitWords.matches(credit, at: start, in: units) && start + credit.count < units.count
        && (QuoteScan.colons.contains(units[start + credit.count])
          || QuoteScan.spaces.contains(units[start + credit.count]))
    }
  }

  /// `statements` less the reported speech shorter than `minimum` (表示不满, 提出上诉): the cue's
  /// object, no one's words. Such a statement still names the speaker of the clauses that
  /// continue it (欧盟表示深切关切，并呼吁中方尊重新闻自由: 欧盟 呼吁), so the next statement takes
  /// its speaker clue when it had only "the previous one".
  static func droppingShortReports(_ statements: [Statement], minimum: Int) -> [Statement] {
    var kept: [Statement] = []
    kept.reserveCapacity(statements.count)
    var droppedClue: Statement.SpeakerClue?
    for var statement in statements {
      if case .previous = statement.clue, let clue = droppedClue {
        statement.clue = clue
      }
      if statement.kind == .indirect && statement.content.length < minimum {
        droppedClue = statement.clue
        continue
      }
      droppedClue = nil
      kept.append(statement)
    }
    return kept
  }

  struct Cue {
    var start: Int
    var end: Int
    var text: String
    var cueClass: String
    /// Two cues read as one (声明说, 报道称, 发表声明表示): the first is a noun there.
    var isJoined = false
  }

  /// The longest cue form starting at `position` that stands as a verb.
  func cue(at position: Int, sentenceEnd: Int) -> Cue? {
    guard position < units.count, finder.cueStarts.mayStart(with: units[position]) else {
      return nil
    }
    var best: (length: Int, pattern: Int)?
    units.withUnsafeBufferPointer { buffer in
      finder.cueAutomaton.forEachMatch(in: buffer, at: position, limit: sentenceEnd) {
        length, pattern in
        if best == nil || length > best?.length ?? 0 { best = (length, pattern) }
      }
    }
    guard let best else { return nil }
    var end = position + best.length
    // A cue glued to a prefix (还说) or standing alone; never the inside of a word (说明 is its own
    // cue). A name's or a title's end starts a word, whatever ICU glued across it (赵立|坚称 is
    // 赵立坚|称, 发言|人称 is 发言人|称, 中央委员|会说 is 中央委员会|说), and a cue glued to the
    // cue after it ends one (回答说: the two read as one below).
    guard
      (startsWord(at: position)
        || endsName(at: position) { $0 == .person || $0 == .organization }
        || endsTitle(at: position))
        && (endsWord(at: end) || cueForm(at: end, sentenceEnd: sentenceEnd) != nil)
    else {
      return nil
    }
    // 与其|说, 对中国来|说: a discourse marker reports no speech.
    if isNegated(before: position) || isInsideTitle(position)
      || finder.discourseMarkers.endsWord(at: end, in: units) || isInsidePersonName(position)
    {
      return nil
    }
    // 补充了细节, 说过: an aspect particle makes the verb a narrated act, not a speech frame.
    if end < units.count, QuoteScan.aspectParticles.contains(units[end]) { return nil }
    // 把拜登称作…, 称为…: 称 names, it reports no speech (but 称为了…: said that, to …).
    if end + 1 < units.count, best.length == 1, units[position] == QuoteScan.call {
      let namesAs =
        units[end] == QuoteScan.callAs[0]
        || (units[end] == QuoteScan.callAs[1]
          && !QuoteScan.aspectParticles.contains(units[end + 1]))
      if namesAs { return nil }
    }
    // 批评人士, 批评者, 反对者: people named by the verb, a noun.
    if end < units.count,
      units[end] == QuoteScan.agentSuffix
        || UnitWords.matches(QuoteScan.peopleNoun, at: end, in: units)
    {
      return nil
    }
    if nounCueEnds.contains(end) { return nil }
    var text = text(position, end)
    var cueClass = finder.lexicon.cues[best.pattern].cueClass
    // A report or statement verb and a one-character say verb read as one (报道称, 表示说), and
    // so do a cue and a verb that frames speech after it (发表声明表示, 回应指出, 报道引述): the
    // first is a noun there. A verb of belief after a cue is the content's (表示希望…, 称预计…:
    // what was hoped or expected is what was said).
    if end < sentenceEnd, let next = self.cueForm(at: end, sentenceEnd: sentenceEnd),
      next.length == 1
        || cueClass != CueClass.believe.rawValue && next.cueClass != CueClass.believe.rawValue
    {
      end += next.length
      text = self.text(position, end)
      if next.length > 1 { cueClass = next.cueClass }
      // 评论提到了…: narrated, as after one verb.
      if end < units.count, QuoteScan.aspectParticles.contains(units[end]) { return nil }
    }
    return Cue(
      start: position, end: end, text: text, cueClass: cueClass,
      isJoined: end > position + best.length)
  }

  /// The classes of the cues of speech (表示, 说, 指出, 强调).
  static let speechClasses: Set<String> = [CueClass.say.rawValue, CueClass.state.rawValue]

  /// The longest cue form at `position` that ends a word, and its class.
  private func cueForm(at position: Int, sentenceEnd: Int) -> (length: Int, cueClass: String)? {
    var longest: (length: Int, pattern: Int)?
    units.withUnsafeBufferPointer { buffer in
      finder.cueAutomaton.forEachMatch(in: buffer, at: position, limit: sentenceEnd) {
        length, pattern in
        if length > longest?.length ?? 0 { longest = (length, pattern) }
      }
    }
    guard let longest, endsWord(at: position + longest.length) else { return nil }
    return (longest.length, finder.lexicon.cues[longest.pattern].cueClass)
  }

  func startsWord(at position: Int) -> Bool {
    if tokenStart[position] { return true }
    // ICU glues adverbs to a following 说 (还说, 又说): accept the cue when the glued head is one.
    guard let head = tokenHeadStart(before: position) else { return false }
    return finder.cuePrefixes.contains(units[head..<position])
  }

  func endsWord(at position: Int) -> Bool {
    position >= units.count || tokenEnd[position]
  }

  /// Where the part of the token containing `position` that lies before it starts, if any.
  func tokenHeadStart(before position: Int) -> Int? {
    wordStartBefore[position]
  }

  /// Where 一位, 一名 or 一个 right before `position` starts: a title after it is someone
  /// unnamed (推特一位发言人称), not the one the article named with the title.
  static func indefiniteStart(before position: Int, in units: [UInt16]) -> Int? {
    guard position >= 2, units[position - 2] == QuoteScan.one,
      QuoteScan.personClassifiers.contains(units[position - 1])
    else { return nil }
    return position - 2
  }
  static let one = UInt16(0x4E00)  // 一
  static let personClassifiers = UnitSet("位名个")

  /// 发言 in 外交部发言人 is a title's part, not a cue.
  func isInsideTitle(_ position: Int) -> Bool {
    hasTitle(near: position, endingWhere: { $0 > position })
  }

  /// Whether a title ends at `position` (外交部发言人|称).
  func endsTitle(at position: Int) -> Bool {
    hasTitle(near: position, endingWhere: { $0 == position })
  }

  /// Whether a title starting at most 12 units before `position` ends where `accepts` says.
  private func hasTitle(near position: Int, endingWhere accepts: (Int) -> Bool) -> Bool {
    var found = false
    units.withUnsafeBufferPointer { buffer in
      for start in max(0, position - 12)...position where !found {
        finder.titleAutomaton.forEachMatch(in: buffer, at: start) { length, _ in
          if accepts(start + length) { found = true }
        }
      }
    }
    return found
  }

  func isNegated(before position: Int) -> Bool {
    // 艾未未表示: the name's last character is no negation.
    if endsPersonName(at: position) { return false }
    for length in 1...3 where position - length >= 0 && position <= units.count {
      if finder.negations.contains(units[(position - length)..<position]) { return true }
    }
    // 并没有进一步解释, 未明确表示: an adverb between the negation and the cue.
    if let adverb = finder.negatedAdverbs.firstEnding(at: position, in: units) {
      let start = position - finder.negatedAdverbs.words[adverb].count
      return start > 0 && isNegated(before: start)
    }
    return false
  }

  func text(_ start: Int, _ end: Int) -> String {
    String(decodingUTF16: units[max(0, start)..<min(units.count, max(start, end))])
  }

  /// Whether `cue` follows 的 as a noun (伯克斯的主张下, 疫苗的说明书): not where a colon or a
  /// quotation introduces its words (政府的声明：“…”), nor a comma after a verb that makes the
  /// noun speak (政府的声明说，…) or after a clause opened by 据 (根据法新社的报道，…);
  /// 做一些象征性的回应，… goes on with no one's words.
  func isNoun(_ cue: Cue, clauseStart: Int) -> Bool {
    // 內政部所稱曾雅琦等人…不足以作为论据: 所 makes the verb a noun, but for an as-clause or a
    // 据 clause (正如王毅所说，…; 据他所称，…).
    if cue.start > clauseStart, units[cue.start - 1] == QuoteScan.nominalizer {
      return !(clauseStart..<cue.start).contains {
        QuoteScan.asClauseOpeners.contains(at: $0, in: units)
      }
    }
    // 这一表态，被认为…: a demonstrative makes the cue a noun, but for a joined cue (该声明称)
    // or words a colon or a quotation introduces.
    if !cue.isJoined, QuoteScan.demonstrativeWords.firstEnding(at: cue.start, in: units) != nil {
      return !introducesWords(after: cue)
    }
    if isObjectOfVerb(cue, clauseStart: clauseStart) { return true }
    guard cue.start > 0, units[cue.start - 1] == QuoteScan.modifierMark else { return false }
    guard cue.end < units.count else { return true }
    let next = units[cue.end]
    if introducesWords(after: cue) { return false }
    guard QuoteScan.clauseBreaks.contains(next) else { return true }
    return
      !(cue.isJoined || opensWithAccordingTo(clauseStart, cue.start)
      || UnitWords.matches(QuoteScan.basedOn, at: clauseStart, in: units))
  }
  /// Whether `cue` is the object of an `object_verbs` verb (做出了承诺，…, 履行承诺): a noun,
  /// unless a colon or a quotation introduces words after it (发出警告：“…”).
  func isObjectOfVerb(_ cue: Cue, clauseStart: Int) -> Bool {
    var verbEnd = cue.start
    if verbEnd > clauseStart, units[verbEnd - 1] == QuoteScan.perfective { verbEnd -= 1 }
    guard !cue.isJoined, verbEnd > clauseStart,
      finder.objectVerbs.firstEnding(at: verbEnd, in: units) != nil
    else { return false }
    return !introducesWords(after: cue)
  }

  /// Whether a colon or a quotation follows the cue right away (政府的声明：“…”): words it
  /// introduces, whatever makes it look like a noun.
  func introducesWords(after cue: Cue) -> Bool {
    cue.end < units.count
      && (QuoteScan.colons.contains(units[cue.end]) || quotationAt[cue.end] >= 0)
  }
  static let basedOn = Array("根据".utf16)
  static let perfective = UInt16(0x4E86)  // 了
  static let accordingTo = UnitSet("据據")
  static let demonstrativeWords = UnitWords([
    "这一", "此一", "这个", "这项", "此项", "这番", "此番", "这些", "那番", "這一", "這個", "這項", "這番",
  ])
  static let nominalizer = UInt16(0x6240)  // 所
  /// The words of clauses that frame what 所 and a cue name (然而就像李克强所指出，…).
  static let asClauseOpeners = UnitWords(["正如", "如同", "就像", "诚如", "據", "据", "依照", "按照", "如"])

  /// Whether `cue` is one of `separated_cues` (介绍) without a separator after it: then only
  /// 据 before it makes it report speech.
  func isUnseparated(_ cue: Cue) -> Bool {
    finder.lexicon.separatedCues.contains(cue.text) && !hasSeparator(after: cue)
  }

  /// Whether a clause break follows `cue` (王毅介绍，…).
  func hasSeparator(after cue: Cue) -> Bool {
    cue.end < units.count && QuoteScan.clauseBreaks.contains(units[cue.end])
  }

  /// Whether `cue` is one of `outlet_cues` (报道) without a separator after it and with a
  /// subject that is no organisation: a journalist's beat (他报道国际贸易新闻).
  /// 的 after it is `contentStart`'s to judge (正如我的同事弗伦克尔报道的那样，… reports).
  func isBeat(_ cue: Cue, of subject: Subject) -> Bool {
    guard finder.lexicon.outletCues.contains(cue.text), !subject.according,
      cue.end < units.count, !hasSeparator(after: cue), units[cue.end] != QuoteScan.modifierMark
    else { return false }
    switch subject.clue {
    case .mention(let index):
      return document.entities[document.mentions[index].entity].kind != .organization
    case .pronoun, .title: return true
    case .previous: return false
    }
  }

  /// 被 and 遭 (遭到) make a clause passive; 受 only as 受到.
  static let passiveMarks = UnitSet("被遭")
  static let receive = Array("受到".utf16)
  /// After 被 these make a noun (被告, 被害人, 被访者), unless the cue itself starts there (被告知).
  static let nounsAfterPassiveMark = UnitSet("告害访")
  /// How far before the cue a passive mark still governs it (被外界普遍认为, 遭到国会两党议员反驳).
  static let passiveReach = 8
  /// 的 and 事 between a passive mark and the cue: the passive describes a noun (…的梁继昌, 一事).
  static let passiveModifierEnds = UnitSet("的事")

  /// Where a passive mark before `cue` makes the cue done to the clause's subject (赵立坚被外界
  /// 认为是…, 她被要求…, 他的提议遭到议员反驳): the subject is talked about; who spoke is the
  /// agent between the mark and the cue, or goes unnamed. Nil after a phrase of time closes the
  /// passive (他被问到此事时说, 被捕后表示) or where the passive modifies a noun (被传将遭DQ的梁继昌称,
  /// 就三人被判刑一事发表评论).
  func passiveMark(before cue: Cue, clauseStart: Int) -> Int? {
    var cursor = cue.start - 1
    while cursor >= max(clauseStart, cue.start - QuoteScan.passiveReach) {
      let unit = units[cursor]
      if QuoteScan.timeEnds.contains(unit) || QuoteScan.passiveModifierEnds.contains(unit)
        || quotationAt[cursor] >= 0
      {
        return nil
      }
      let isMark =
        QuoteScan.passiveMarks.contains(unit)
        || UnitWords.matches(QuoteScan.receive, at: cursor, in: units)
      if isMark,
        cursor + 1 == cue.start || !QuoteScan.nounsAfterPassiveMark.contains(units[cursor + 1])
      {
        return cursor
      }
      cursor -= 1
    }
    return nil
  }

  /// Whether a mark of `adjunctMarks` (在, 于, 从) stands before the mention `index`, or one and
  /// an owner's pronoun (在其, 在他的, 在自己的): the mention is where someone spoke, or a source.
  func isWhereSpoken(_ index: Int) -> Bool {
    var before = Int(document.mentions[index].range.start) - 1
    if before >= 0, units[before] == QuoteScan.modifierMark { before -= 1 }
    if before >= 1, UnitWords.matches(QuoteScan.selfWord, at: before - 1, in: units) {
      before -= 2
    } else if before >= 0, QuoteScan.ownerPronouns.contains(units[before]) {
      before -= 1
    }
    return before >= 0 && QuoteScan.adjunctMarks.contains(units[before])
  }
  static let ownerPronouns = UnitSet("其他她")
  static let selfWord = Array("自己".utf16)

  /// Whether a word of `non_speakers` or an account follows the organisation mention `index`:
  /// 一名中国推特网友评论道, 推特用户, 透过推特帐户贴文宣称 are someone unnamed or a medium, not
  /// the organisation.
  func ownsUnnamed(_ index: Int) -> Bool {
    let mention = document.mentions[index]
    guard document.entities[mention.entity].kind == .organization else { return false }
    let end = Int(mention.range.end)
    return finder.nonSpeakers.contains { UnitWords.matches($0.units, at: end, in: units) }
      || QuoteScan.accountWords.contains(at: end, in: units)
  }
  static let accountWords = UnitWords(["帐户", "账户", "帐号", "账号", "号", "用户", "网民"])

  /// Where clauses may open with a subject of their own after `statement`: past its words; but
  /// an outlet's report by 据 names the people who act (据路透社周二报道称，字节跳动已经…提交了
  /// 一份计划，希望… → 字节跳动), from its words' start.
  func clausesOwnFrom(_ statement: Statement) -> Int {
    if statement.frame.hasPrefix("according-to"), case .mention(let index) = statement.clue,
      document.isOutlet(document.mentions[index].entity)
    {
      return Int(statement.content.start)
    }
    return Int(max(statement.content.end, statement.cueRange.end))
  }

  /// Whether the mention `index` is the subject the clause from `clauseStart` opens with: at
  /// most a title before it (美国众议院议长佩洛西在推特上…), no pronoun, no one unnamed (有中国网友
  /// 把它跟…习近平…), and no mark of an object or a companion (向《人民日报》投稿, 致函国务卿蓬佩奥).
  func opensWithSubject(_ index: Int, clauseStart: Int) -> Bool {
    let start = Int(document.mentions[index].range.start)
    guard start >= clauseStart, start - clauseStart <= 12 else { return false }
    return !units[clauseStart..<start].contains(where: QuoteScan.objectMarks.contains)
      && !units[clauseStart..<start].contains(where: QuoteScan.adjunctMarks.contains)
      && pronounRange(in: clauseStart, start) == nil && !opensWithSomeone(clauseStart, start)
  }
  /// The marks of a place, a time or a source a person may stand in (时间点更刚好在蔡英文国庆讲话
  /// 之后, 从美国当局那里得到): no subject after them.
  static let adjunctMarks = UnitSet("在于於从從")
  /// The marks before an object or a companion: 对, 向, 给, 与, 和, 跟, 同, 把, 被, 致 (致函), 比.
  static let objectMarks = UnitSet("对向给与和跟同把被致比對與給")

  /// The subject the clause before the one starting at `clauseStart` opens with, in the text
  /// from that clause's start to `end`, when the clause starts at `floor` or later.
  func subjectOpening(
    clauseBefore clauseStart: Int, through end: Int, sentenceStart: Int, notBefore floor: Int = 0
  ) -> Subject? {
    guard let earlier = previousClauseStart(before: clauseStart, sentenceStart: sentenceStart),
      earlier >= floor
    else { return nil }
    let found = subject(in: earlier, end, continuing: false)
    guard case .mention(let named) = found.clue, opensWithSubject(named, clauseStart: earlier)
    else { return nil }
    return found
  }

  /// Where the clause before the one starting at `clauseStart` starts: past a comma outside
  /// quotations, or past a quoted term that the clause went on after.
  func previousClauseStart(before clauseStart: Int, sentenceStart: Int) -> Int? {
    guard clauseStart > sentenceStart else { return nil }
    let before = clauseStart - 1
    if quotationAt[before] < 0 {
      guard QuoteScan.commas.contains(units[before]) else { return nil }
      return self.clauseStart(before: before, sentenceStart: sentenceStart)
    }
    let quotation = document.quotations[Int(quotationAt[before])]
    guard quotation.range.end == Int32(clauseStart), isTermOfClause(quotation) else { return nil }
    return self.clauseStart(before: Int(quotation.range.start), sentenceStart: sentenceStart)
  }

  /// Whether the clause goes on right after `quotation` closes (“过去的错误”不能作为…, “曱甴”同时
  /// 也表达了…): the quotation is a term inside someone's words, not the words.
  func isTermOfClause(_ quotation: Quotation) -> Bool {
    let after = Int(quotation.range.end)
    let last = Int(quotation.inner.end) - 1
    guard quotation.isClosed, after < units.count, last >= Int(quotation.inner.start) else {
      return false
    }
    // “…推开。”他补充道: words that end a sentence inside the marks are words of their own.
    return units[after].isIdeograph && !QuoteScan.sentenceEnds.contains(units[last])
      && !QuoteScan.clauseBreaks.contains(units[last]) && units[last] != QuoteScan.ellipsis
  }
  static let ellipsis = UInt16(0x2026)  // …

  /// Whether 时 or 时候 ends the text before `end`, after `start`, as the end of a phrase of
  /// time, not of an adverb (限时, 时不时, 同时).
  func endsWithWhen(_ end: Int, after start: Int) -> Bool {
    var when = end - 1
    if when > start, units[when] == QuoteScan.whenSuffix { when -= 1 }
    return when - 1 > start && units[when] == QuoteScan.when
      && !QuoteScan.adverbsEndingInWhen.contains(units[when - 1])
  }
  /// The first characters of adverbs that end in 时: 同时, 当时, 及时, 随时, 限时, 时不时 ….
  static let adverbsEndingInWhen = UnitSet("同当及准按届随临暂平有不此那这彼小定适实顿一即历费耗过旧何限")
  static let commas = UnitSet("，,")

  /// What ends a phrase of time (在…时, 在…之后): 时 and 后.
  static let timeEnds = UnitSet("时后時")
  static let timePhraseOpener = UInt16(0x5728)  // 在
  /// What ends a phrase of time opened by 在 right before a comma: 时, 后, and 前 (在…之前，),
  /// 际 (之际), 间 (期间), 天 (当天, 前一天), 夕 (前夕).
  static let timePhraseEnds = UnitSet("时後后時前际際间間天夕")

  /// Whether `cue` stands inside a phrase of time that the clause's own verb follows (在回应
  /// 记者询问时指出) or that ends the clause after 在 (在韦德齐宣布规划访台之后，, 在特朗普宣布…的
  /// 前一天，): it frames nothing there.
  func isInsidePhraseOfTime(_ cue: Cue, clauseStart: Int, limit: Int) -> Bool {
    var cursor = cue.end
    while cursor < limit, cursor - cue.end <= 20 {
      let unit = units[cursor]
      // 在回应“五眼联盟”的举动时称: a quoted term inside the phrase is part of it.
      if quotationAt[cursor] >= 0 {
        let quotation = document.quotations[Int(quotationAt[cursor])]
        guard quotation.range.start == Int32(cursor), isTermOfClause(quotation) else {
          return false
        }
        cursor = Int(quotation.range.end)
        continue
      }
      if QuoteScan.clauseBreaks.contains(unit) || QuoteScan.sentenceEnds.contains(unit) {
        return false
      }
      let next = cursor + 1
      if QuoteScan.timeEnds.contains(unit), next < limit,
        self.cue(at: next, sentenceEnd: limit) != nil
      {
        return true
      }
      if QuoteScan.timePhraseEnds.contains(unit),
        next >= limit || QuoteScan.clauseBreaks.contains(units[next]),
        units[clauseStart..<cue.start].contains(QuoteScan.timePhraseOpener)
      {
        return true
      }
      cursor += 1
    }
    return false
  }

  /// 的 after a cue makes the verb modify what follows (中国宣称的南海主权, 建议的时候): no frame.
  static let modifierMark = UInt16(0x7684)
  /// 》, which closes the title of a work or a newspaper.
  static let closingTitleMark = UInt16(0x300B)
  /// 《, which opens it.
  static let openingTitleMark = UInt16(0x300A)

  /// Where an owner standing before `position` would end, past its 的 and the 》 of a
  /// newspaper's title (苹果公司的|发言人, 《人民日报》|发言人), going back no further than `floor`.
  static func ownerEnd(before position: Int, notBefore floor: Int, in units: [UInt16]) -> Int {
    var end = position
    if end > floor, units[end - 1] == modifierMark { end -= 1 }
    if end > floor, units[end - 1] == closingTitleMark { end -= 1 }
    return end
  }
  static let asClauseEnds: [[UInt16]] = [Array("那样".utf16), Array("一样".utf16)]

  /// Where the content may start after a cue ending at `position`: there, unless 的 follows.
  /// After 的 the cue still frames a statement where 的确 opens the content (说的确…), 的是 or
  /// 的，是 introduces it (担心的是，美元会下跌), an as-clause ends at a comma (正如他指出的，…;
  /// 如路透报道的那样，…) or a quotation holds the words (他提到的“俄罗斯骗局”). Nil where the verb
  /// only modifies a noun (中国宣称的南海主权).
  func contentStart(after position: Int) -> Int? {
    guard position < units.count, units[position] == QuoteScan.modifierMark else { return position }
    guard position + 1 < units.count else { return nil }
    var next = position + 1
    switch units[next] {
    case 0x786E: return position  // 确
    case 0x662F: return next + 1  // 是
    default: break
    }
    if let asClause = QuoteScan.asClauseEnds.first(where: { units[next...].starts(with: $0) }) {
      next += asClause.count
    }
    guard next < units.count else { return nil }
    if QuoteScan.clauseBreaks.contains(units[next]) {
      // 他担心的，是中国的独裁统治: 是 introduces the content.
      return next + 1 < units.count && units[next + 1] == 0x662F ? next + 2 : next
    }
    if quotationAt[next] >= 0,
      document.quotations[Int(quotationAt[next])].range.start == Int32(next)
    {
      return next
    }
    return nil
  }

  /// Builds the statement a cue opens, or nil when no speaker or no content can be found.
  func frame(cue: Cue, sentence index: Int, consumed: [Bool], statements: [Statement])
    -> Statement?
  {
    let sentence = document.sentences[index].range
    let clauseStart = clauseStart(before: cue.start, sentenceStart: Int(sentence.start))
    // 伯克斯的主张下: a noun; 在回应记者询问时指出: the first cue is inside a phrase of time.
    // Refused here, not by `cue(at:)`: the scan goes on after the refused cue's end.
    // 美国财政部对该命令作出解释，强调…: the noun's clause still names who speaks, and the cue
    // opening the next clause introduces the words (below).
    let objectNoun = isObjectOfVerb(cue, clauseStart: clauseStart)
    if !objectNoun && isNoun(cue, clauseStart: clauseStart)
      || isInsidePhraseOfTime(cue, clauseStart: clauseStart, limit: Int(sentence.end))
    {
      return nil
    }
    // 候选人在对方…回答时都被静音: a cue before 时 ends a phrase of time; 他对估计有5千人的大众说:
    // right after 对 or 向 a cue is no verb (but 一向认为, 倾向认为: the mark ends an adverb).
    if cue.end < units.count && units[cue.end] == QuoteScan.when
      || cue.start > clauseStart && QuoteScan.addresseeMarks.contains(units[cue.start - 1])
        && !(cue.start - 1 > clauseStart
          && QuoteScan.adverbsEndingInMark.contains(units[cue.start - 2]))
    {
      return nil
    }
    // 说北库尔德语, 讲脏话, 说句公道话: a language or a kind of talk is spoken, no one's words.
    if takesSpeechObject(cue, limit: Int(sentence.end)) { return nil }
    var subject: Subject
    if let mark = passiveMark(before: cue, clauseStart: clauseStart) {
      // 被民主党谴责为…: the agent speaks; 被外界认为: nobody the article names (refused).
      let agentStart = mark + (units[mark] == QuoteScan.receive[0] ? 2 : 1)
      subject = self.subject(in: agentStart, cue.start, continuing: false)
    } else {
      // Asked as if a statement came before: whether the clause would continue one decides the
      // clause of adverbs below, and with no statement before it frames nothing itself.
      subject = self.subject(in: clauseStart, cue.start, continuing: true)
      let wouldContinue = subject.frame == "continued"
      if wouldContinue && statements.isEmpty {
        subject = Subject(clue: .previous, refused: true, frame: "none")
      }
      // 蓬佩奥在接受…采访,谈到…的主要挑战时指出: a phrase of time that names no one who could speak
      // is the clause before it's adverb, whose subject speaks; so is one a quoted term cut from
      // its start (赵立坚在回应“五眼联盟”的举动时称).
      if subject.refused, subject.frame == "none", endsWithWhen(cue.start, after: clauseStart),
        let opening = subjectOpening(
          clauseBefore: clauseStart, through: cue.start, sentenceStart: Int(sentence.start))
      {
        subject = opening
      }
      // 江启臣则在同一会议的演讲中，呼吁…: a clause of adverbs goes on from the clause before it
      // when that one comes after the last statement's words and opens with someone; with no
      // statement before, so does a clause that would continue one. Never after 据 (据称:
      // reportedly).
      let continues =
        wouldContinue && !QuoteScan.accordingTo.contains(units[cue.start])
        && (subject.frame == "continued" || subject.frame == "none")
      if continues,
        let opening = subjectOpening(
          clauseBefore: clauseStart, through: clauseStart - 1, sentenceStart: Int(sentence.start),
          notBefore: statements.last.map(clausesOwnFrom) ?? 0)
      {
        subject = opening
      }
    }
    // 她在新疆的家人告诉她, 邓恩的母亲表示: a relation the article does not name speaks.
    if endsWithRelation(cue.start, after: clauseStart) { return nil }
    guard !subject.refused else { return nil }
    // 据报道，…, 据悉，…: reportedly, no one's statement, however close the one before.
    if subject.frame == "continued", QuoteScan.accordingTo.contains(units[cue.start]) { return nil }
    // 该报认为, 该委员会表示: the organisation referred back to speaks, never a person before;
    // after one, the words are an organisation's the article does not name here.
    if subject.frame == "continued",
      let reference = organizationReferredBack(clauseStart, cue.start),
      !previousSpeakerIsOrganization(statements)
    {
      // 《法兰克福汇报》…。该报认为: the newspaper the paragraph, or the one before, last named;
      // 国药集团的一种疫苗…，该公司称: the organisation they last named.
      let isNewspaper = units[Int(reference.end) - 1] == QuoteScan.newspaper
      let word = text(Int(reference.start) + 1, Int(reference.end))
      let named = lastMention(before: Int(reference.start), sentence: index) { entity in
        isNewspaper
          ? document.isOutlet(entity) : isReferredBack(entity, asOneOf: word)
      }
      subject = Subject(
        clue: named.map { .mention($0) } ?? .title(reference, organization: nil),
        frame: "organization-reference")
    }
    // 据吕克俭介绍，… frames; 他介绍了情况 does not.
    if isUnseparated(cue), !subject.according { return nil }
    if isBeat(cue, of: subject) { return nil }
    var cueText = cue.text
    var frame = subject.frame
    if subject.according { cueText = "据…" + cue.text }

    // Content: past an addressee (告诉记者，对韩正说) and a separator.
    guard var position = contentStart(after: cue.end) else { return nil }
    var addressee = subject.addressee
    let contentLimit = Int(sentence.end)
    let skipped = addresseeEnd(
      from: position, limit: contentLimit, organizations: cue.cueClass == CueClass.say.rawValue)
    if let skipped {
      addressee = addressee ?? skipped.mention
      position = skipped.end
    }
    var separatorStart = position
    position = skippingSeparators(from: position, to: contentLimit)
    // 特朗普又批评巴拉，称通用…: the person was the cue's object; the cue of speech opening the
    // next clause introduces the words.
    var framingCue = cue
    if skipped != nil || objectNoun, position > separatorStart,
      quotationAt[min(position, units.count - 1)] < 0,
      let inner = statementCue(at: position, limit: contentLimit), inner.start - position <= 1,
      QuoteScan.speechClasses.contains(inner.cueClass), let after = contentStart(after: inner.end)
    {
      framingCue = inner
      cueText = subject.according ? "据…" + inner.text : inner.text
      separatorStart = after
      position = skippingSeparators(from: after, to: contentLimit)
    }
    if objectNoun && framingCue.start == cue.start { return nil }
    // 援引尼克·贝克的话说，地方当局…: the words follow the source's 的话 and its verb; with no one
    // named after the quoting verb (援引一位共和党策略师的话报道，他说，…) the next clause's cue
    // frames them.
    if QuoteScan.quotingVerbTexts.contains(cue.text),
      let saying = endOfSaying(from: position, limit: contentLimit)
    {
      let afterSaying = skippingSeparators(from: saying.end, to: contentLimit)
      // 援引一位接近日美关系人士的话说: someone unnamed speaks, the one quoting relays.
      if subject.frame != "quoting" {
        if afterSaying < contentLimit, quotationAt[afterSaying] < 0,
          opensStatement(at: afterSaying, limit: contentLimit)
        {
          return nil
        }
        // 引述上海独立经济学家刘胜军的话说: the person named before 的话 when there is one.
        let named = mentions(in: position, saying.source).first {
          document.entities[document.mentions[$0].entity].kind == .person
        }
        var source =
          named.map { Subject(clue: .mention($0), frame: "quoting") }
          ?? Subject(
            clue: .title(trimmed(TextRange(position, saying.source)), organization: nil),
            frame: "quoting-unnamed")
        if case .mention(let relaying) = subject.clue { source.reportedBy = relaying }
        subject = source
        frame = source.frame
      }
      separatorStart = saying.end
      position = afterSaying
    }
    // 她说：</p><p>“……”: a cue ending its paragraph in a colon introduces the quotation the
    // next paragraph opens with.
    let introduced =
      position == contentLimit
      ? quotationIntroduced(from: separatorStart, to: position, sentence: index) : nil
    // 据路透社报道，特朗普周三表示，…: the outlet relays what the next clause's speaker said,
    // which that clause's cue of speech frames (with the outlet as `reportedBy`). What someone
    // asked or believed stays the outlet's report (路透社报道称，克里要求…). A quoting verb needs
    // no separator (引述复旦大学教授张家栋说).
    if subject.according || cue.cueClass == CueClass.report.rawValue,
      position > cue.end || QuoteScan.quotingVerbTexts.contains(cue.text),
      quotationAt[min(position, units.count - 1)] < 0,
      let inner = statementCue(at: position, limit: contentLimit),
      QuoteScan.speechClasses.contains(inner.cueClass)
    {
      return nil
    }
    var kind = Statement.Kind.indirect
    var content: TextRange
    // 卡梅伦指出，“过去的错误”不能作为…: quoted words the clause goes on after are a term of the
    // reported words, which run to the clause's end.
    let quotation =
      position < contentLimit && quotationAt[position] >= 0
        && document.quotations[Int(quotationAt[position])].range.start == Int32(position)
      ? document.quotations[Int(quotationAt[position])]
      : introduced.flatMap { consumed[Int($0.inner.start)] ? nil : $0 }
    // 王毅提到的“合作共赢”很重要: after 的 the quoted words are what the cue names, whatever follows.
    let modifies = cue.end < units.count && units[cue.end] == QuoteScan.modifierMark
    let opening = quotation.flatMap { !modifies && isTermOfClause($0) ? nil : $0 }
    if let quotation = opening {
      content = quotation.inner
      kind = .direct
      frame +=
        quotation.paragraph == document.sentences[index].paragraph
        ? "+quotation" : "+next-paragraph"
      // A quotation left open at its paragraph's end goes on in the next paragraph when that
      // one opens with a quotation mark (the newspaper convention for long quotes).
      var last = quotation
      while !last.isClosed, let next = openingQuotation(ofParagraphAfter: Int(last.paragraph)) {
        content = TextRange(start: content.start, end: next.inner.end)
        last = next
        frame = frame.hasSuffix("+paragraphs") ? frame : frame + "+paragraphs"
      }
    } else {
      let end = contentEnd(from: position, limit: contentLimit)
      content = TextRange(position, end)
      if content.length < 2 {
        // “……，”他告诉韩: the quotation just before the cue clause is the content.
        guard let quotation = quotationEnding(at: clauseStart),
          !consumed[Int(quotation.inner.start)]
        else { return nil }
        content = quotation.inner
        kind = .direct
        frame = "trailing-" + frame
      } else if document.quotations.contains(where: { content.contains(Int($0.range.start)) }) {
        kind = .mixed
      }
    }
    content = trimmed(content)
    guard content.length >= 2 else { return nil }
    if case .previous = subject.clue,
      statements.last.map({
        $0.sentence != index
          && document.sentences[$0.sentence].paragraph != document.sentences[index].paragraph
      }) ?? true
    {
      return nil
    }
    subject.reportedBy = subject.reportedBy ?? reportingOutlet(in: Int(sentence.start), clauseStart)
    return Statement(
      content: content, kind: kind, cue: cueText,
      cueRange: TextRange(framingCue.start, framingCue.end), cueClass: framingCue.cueClass,
      clue: subject.clue, addressee: addressee, reportedBy: subject.reportedBy, sentence: index,
      frame: frame,
      confidence: QuoteScan.confidence(kind: kind, clue: subject.clue))
  }

  static func confidence(kind: Statement.Kind, clue: Statement.SpeakerClue) -> Double {
    let base: Double = kind == .direct ? 0.9 : kind == .mixed ? 0.85 : 0.8
    switch clue {
    case .mention: return base
    case .title: return base - 0.1
    case .pronoun: return base - 0.15
    case .previous: return base - 0.2
    }
  }

  /// Back from the cue to the clause's start: a clause break or a closing quotation mark
  /// outside quotations, or the sentence's start.
  func clauseStart(before position: Int, sentenceStart: Int) -> Int {
    var cursor = position
    while cursor > sentenceStart {
      let unit = units[cursor - 1]
      if quotationAt[cursor - 1] >= 0 {
        // Quoted words end the clause: 称，“气氛非常积极，”克里还表示 → the clause is 克里还. An
        // organisation's quoted name inside it does not (民间组织“选举观察计划”批评).
        let quotation = document.quotations[Int(quotationAt[cursor - 1])]
        guard isQuotedName(quotation, after: sentenceStart) else { return cursor }
        cursor = Int(quotation.range.start)
        continue
      }
      // A comma inside brackets parts no clause (默克里（Sen. Jeff Merkley, D-OR）也曾强调).
      if QuoteScan.closingBrackets.contains(unit),
        let opening = openingBracket(before: cursor - 1, after: sentenceStart)
      {
        cursor = opening
        continue
      }
      if QuoteScan.clauseBreaks.contains(unit) || QuoteScan.sentenceEnds.contains(unit) {
        return cursor
      }
      // A space between ideographs parts the clauses of a headline when someone is named after
      // it (克拉奇访问台湾 中国宣布…), not before a bare verb (达赖喇嘛发表讲话 呼吁…).
      if QuoteScan.spaces.contains(unit), cursor >= 2, cursor < units.count,
        units[cursor - 2].isIdeograph, units[cursor].isIdeograph,
        !mentions(in: cursor, position).isEmpty
      {
        return cursor
      }
      cursor -= 1
    }
    return sentenceStart
  }

  /// Whether `quotation` is the name of an organisation its kind stands before (民间组织“选举观察
  /// 计划”, 官媒“新华社”): closed, short, with no punctuation inside, right after a word of
  /// `organization_words`. Other quoted words end the clause, however short: a quoted term
  /// after a verb (遭列“外国使团”做出回应) belongs to another clause's subject.
  func isQuotedName(_ quotation: Quotation, after sentenceStart: Int) -> Bool {
    let start = Int(quotation.range.start)
    guard quotation.isClosed, start > sentenceStart, quotation.inner.length <= 12,
      finder.organizationWords.firstEnding(at: start, in: units) != nil
    else { return false }
    return !quotation.inner.range.contains {
      QuoteScan.clauseBreaks.contains(units[$0]) || QuoteScan.sentenceEnds.contains(units[$0])
    }
  }

  struct Subject {
    var clue: Statement.SpeakerClue
    var addressee: Int?
    var reportedBy: Int?
    var according = false
    var refused = false
    var frame: String
  }

  /// Who stands in the clause before the cue.
  /// `continuing`: some statement was found before, which a clause of adverbs continues.
  func subject(in start: Int, _ end: Int, continuing: Bool) -> Subject {
    // A person named inside the title of a work is no speaker (这篇题为《习近平的毛式整风》的
    // 文章写道, 据…《帕萨迪纳市民不满口罩令》的报道); a newspaper in 《》 may be (《世界报》写道).
    let titles = PersonFinder.bookTitles(in: units, within: start..<end)
    let named = mentions(in: start, end).filter { index in
      let mention = document.mentions[index]
      switch document.entities[mention.entity].kind {
      case .place: return false
      case .person: return !titles.contains { $0.contains(Int(mention.range.start)) }
      default: return true
      }
    }
    // Who stands in brackets speaks only when no one outside them can, and never from brackets
    // opening the clause: （德国之声中文网）美国财政部宣布, （法新社莫斯科2日电） 俄罗斯调查人员
    // 今天表示 (the outlet's dateline); but “王局志安”（前央视媒体人王志安）发帖子称 (brackets after
    // quoted words, which end the clause before them).
    let asides = QuoteScan.brackets(in: units, start, end)
    func aside(_ index: Int) -> Range<Int>? {
      let offset = Int(document.mentions[index].range.start)
      return asides.first { $0.contains(offset) }
    }
    let outside = named.filter { aside($0) == nil }
    let afterQuotation = start > 0 && quotationAt[start - 1] >= 0
    let speakers =
      outside.isEmpty
      ? named.filter { index in
        aside(index).map { bracket in
          afterQuotation || units[start..<(bracket.lowerBound - 1)].contains { $0 != 0x20 }
        } ?? false
      } : outside
    // 这位美国总统还发推特称, 这名驻北京的外交官称, 这位…专家也强调: a demonstrative of a person
    // stands for someone named before, as a pronoun does, where no person is named after it and
    // no speaker's title stands in the clause (这位官员说 is the title's, below).
    let demonstrative = personDemonstrativeStart(in: start, end)
    if let description = demonstrative.flatMap({ personDemonstrative(at: $0, before: end) }),
      !speakers.contains(where: {
        document.entities[document.mentions[$0].entity].kind == .person
          && document.mentions[$0].range.start >= description.end
      }),
      titleRange(in: start, end) == nil
    {
      return Subject(clue: .pronoun(description), frame: "pronoun")
    }
    // 记者说: the reporter narrates; nobody in the article speaks here.
    if speakers.isEmpty
      && finder.nonSpeakers.contains(where: { word in
        word.units.isEmpty
          ? text(start, end).contains(word.text)
          : firstOffset(of: word.units, in: start, end) != nil
      })
    {
      return Subject(clue: .previous, refused: true, frame: "non-speaker")
    }
    // 路透社引述王毅的话说: the quoted source speaks, the outlet relays.
    if let verbOffset = firstOffset(ofAnyOf: QuoteScan.quotingVerbs, in: start, end) {
      // 引述复旦大学教授张家栋说: the person after the verb, not the body of their title.
      let sources = speakers.filter { document.mentions[$0].range.start >= Int32(verbOffset) }
      if let source = sources.first(where: {
        document.entities[document.mentions[$0].entity].kind == .person
      }) ?? sources.first {
        let outlet = speakers.first(where: { document.mentions[$0].range.end <= Int32(verbOffset) })
        // 据中央社引述英国金融时报称: the newspaper quoted, which the agency relays.
        var subject = Subject(
          clue: .mention(source), according: opensWithAccordingTo(start, end), frame: "quoting")
        subject.reportedBy = outlet
        return subject
      }
    }
    // 据路透社称 / 据克里对韩正说: the name after 据 speaks.
    // 据外交部长王毅介绍: the person, not the ministry before the title.
    if opensWithAccordingTo(start, end) {
      let person = speakers.first {
        document.entities[document.mentions[$0].entity].kind == .person
      }
      if let first = person ?? speakers.first {
        var subject = Subject(clue: .mention(first), according: true, frame: "according-to")
        subject.addressee = addressee(in: speakers.drop { $0 != first }.dropFirst())
        return subject
      }
    }
    // 对副秘书长说: the title of the one spoken to names no speaker.
    if let title = titleRange(in: start, end), !isAddressed(title, clauseStart: start) {
      // 外交部发言人表示: no name beside the title; 外交部发言人汪文斌表示 names the speaker.
      let named = speakers.first {
        document.mentions[$0].range.start >= title.end
          && document.entities[document.mentions[$0].entity].kind == .person
      }
      if let named {
        return Subject(clue: .mention(named), frame: "title-name")
      }
      // The organisation inside the title, or right before it or its rank (外交部副发言人,
      // 港府发言人, 推特一位发言人, 苹果公司的发言人).
      let titleStart = QuoteScan.ownerEnd(
        before: QuoteScan.indefiniteStart(before: Int(title.start), in: units) ?? Int(title.start),
        notBefore: start, in: units)
      let organization = speakers.first {
        document.mentions[$0].range.end <= title.end
          && (document.mentions[$0].range.start >= title.start
            || document.mentions[$0].range.end == Int32(titleStart))
      }
      return Subject(clue: .title(title, organization: organization), frame: "title")
    }
    // A person before an organisation (共和党众议员史密斯说, 外交部发言人汪文斌表示), unless the
    // person is the one spoken to or with (对韩正, 与王毅); and never the one spoken to, an
    // organisation included (他对美国之音说: 他 speaks, or nobody the article names).
    func follows(_ marks: UnitSet, _ index: Int) -> Bool {
      let start = Int(document.mentions[index].range.start)
      return start > 0 && marks.contains(units[start - 1])
    }
    // 她接受BBC中文访问时说: the one interviewing is spoken to as well.
    func isInterviewer(_ index: Int) -> Bool {
      let start = Int(document.mentions[index].range.start)
      let verb = QuoteScan.interviewVerb
      return UnitWords.matches(verb, at: start - verb.count, in: units)
    }
    // 特朗普的律师朱利安尼说, 特朗普政府顾问白邦瑞说: the owner speaks only when no one else can.
    // Allegra Strategies执行总监杰弗里•扬表示: a name the title of the next person's starts after
    // (or takes as its qualifier) is that person's employer.
    func isOwner(_ index: Int) -> Bool {
      let end = Int(document.mentions[index].range.end)
      guard end < units.count else { return false }
      return units[end] == QuoteScan.modifierMark
        || UnitWords.matches(QuoteScan.administration, at: end, in: units)
        || document.roles.contains { role in
          role.mention != index && role.title.start <= Int32(end) && role.title.end > Int32(end)
            && document.mentions[role.mention].range.start >= role.title.end
            && document.mentions[role.mention].range.start > Int32(end)
        }
    }
    // 警方逮捕周庭时表示: the person ending a phrase of time is its object, not the speaker; so is
    // the owner of its object (香港警察用电邮回覆华盛顿邮报的查询时表示, 谈到下届美国政府的主要挑战时
    // 指出), unless 在 opens the phrase after the owner's noun (特朗普的律师在受访时说).
    func endsPhraseOfTime(_ index: Int) -> Bool {
      var after = Int(document.mentions[index].range.end)
      if after < end, units[after] == QuoteScan.modifierMark,
        let when = units[after..<end].lastIndex(of: QuoteScan.when),
        !units[after..<when].contains(QuoteScan.timePhraseOpener)
      {
        after = when
      }
      guard after < end, units[after] == QuoteScan.when else { return false }
      let next = after + 1 < end && units[after + 1] == QuoteScan.whenSuffix ? after + 2 : after + 1
      return end - next <= 2
    }
    let people = speakers.filter { index in
      document.entities[document.mentions[index].entity].kind == .person
        && !follows(QuoteScan.companions, index) && !isInterviewer(index)
        && !endsPhraseOfTime(index)
    }
    // 受李登辉提拔过的台湾前总统马英九发表声明, 曾担任布什总统经济顾问的普赖斯说: the person a
    // relative clause opens with modifies the one named after its 的, who speaks.
    func headOfRelativeClause(opening index: Int) -> Int? {
      let mentionStart = Int(document.mentions[index].range.start)
      var opening = mentionStart
      while opening > start, Segmenter.isSpace(units[opening - 1]) { opening -= 1 }
      guard finder.relativeOpeners.firstEnding(at: opening, in: units) != nil else { return nil }
      let mentionEnd = Int(document.mentions[index].range.end)
      return people.first { later in
        let laterStart = Int(document.mentions[later].range.start)
        guard laterStart > mentionEnd,
          !units[mentionEnd..<laterStart].contains(where: QuoteScan.clauseBreaks.contains),
          let mark = units[mentionEnd..<laterStart].lastIndex(of: QuoteScan.modifierMark)
        else { return false }
        return laterStart - mark <= 12 && !isOwner(later)
      }
    }
    let first = people.first { !isOwner($0) } ?? people.first
    let person = first.map { headOfRelativeClause(opening: $0) ?? $0 }
    // 邓恩的妈妈表示, 拜登的律师说: with no one else named, a relation of the owner's speaks,
    // whom the article does not name.
    if let owner = person, speakers.count == 1,
      startsRelation(at: Int(document.mentions[owner].range.end), orBare: false)
    {
      return Subject(clue: .previous, refused: true, frame: "owner-relation")
    }
    // 中国国务院下属的《经济日报》还评论称, 字节跳动的TikTok表示: the newspaper or the firm, not
    // the body that owns it.
    let others = speakers.filter {
      !follows(QuoteScan.addresseeMarks, $0) && !isInterviewer($0) && !endsPhraseOfTime($0)
        // 并在推特上表示, 在美国之音节目中说, 在其推特上写道: where one spoke, not who.
        && !isWhereSpoken($0) && !ownsUnnamed($0)
    }
    func ownsNext(_ position: Int) -> Bool {
      guard position + 1 < others.count else { return false }
      let end = Int(document.mentions[others[position]].range.end)
      var next = Int(document.mentions[others[position + 1]].range.start)
      if next > end, units[next - 1] == QuoteScan.openingTitleMark { next -= 1 }
      guard next > end else { return false }
      // 中共中央机关报《人民日报》, 中共官媒人民日报: the kind of organisation owned stands between.
      if let kind = finder.organizationWords.firstEnding(at: next, in: units),
        next - finder.organizationWords.words[kind].count == end
      {
        return true
      }
      return next - end <= 4 && units[next - 1] == QuoteScan.modifierMark
    }
    // 他在美国之音节目中表示: a pronoun before an organisation is the subject, the organisation
    // where it spoke.
    let pronoun = pronounRange(in: start, end)
    let pronounFirst = pronoun.map { pronoun in
      others.allSatisfy { document.mentions[$0].range.start >= pronoun.end }
    }
    if let first = person
      ?? (pronounFirst == true
        ? nil : others.indices.first(where: { !ownsNext($0) }).map({ others[$0] }))
    {
      var subject = Subject(clue: .mention(first), frame: "name")
      subject.addressee = addressee(in: speakers.drop { $0 != first }.dropFirst())
      return subject
    }
    if let pronoun {
      // 筹委会仍然向他表示感谢: the one spoken to; someone the article does not name speaks.
      if pronoun.start > Int32(start),
        QuoteScan.addresseeMarks.contains(units[Int(pronoun.start) - 1])
      {
        return Subject(clue: .previous, refused: true, frame: "addressed-pronoun")
      }
      // 据他的同事们介绍, 他的律师说, 她母亲说: someone of theirs the article does not name
      // speaks.
      if Int(pronoun.end) < end,
        units[Int(pronoun.end)] == QuoteScan.modifierMark
          || startsRelation(at: Int(pronoun.end), orBare: true)
      {
        return Subject(clue: .previous, refused: true, frame: "owner-pronoun")
      }
      return Subject(clue: .pronoun(pronoun), frame: "pronoun")
    }
    // Nothing but adverbs: the clause continues the previous statement (克里承认…，表示…). Not
    // where 有 opens it (但有分析认为, 也有人说): someone the article does not name speaks; nor
    // where a place is its subject (中国表示, 北京认为), nor 据 alone (据称: reportedly).
    if characterCount(start, end, isAtMost: 6) && continuing && !opensWithSomeone(start, end)
      && !namesPlace(start, end) && !opensWithAccordingTo(start, end)
      && !namesUnnamedOrganization(start, end) && !opensWithConditional(start, end)
      && !isThis(start, end) && demonstrative == nil
    {
      return Subject(clue: .previous, frame: "continued")
    }
    return Subject(clue: .previous, refused: true, frame: "none")
  }

  /// Whether a word of `pronoun_relations` follows at `offset` after 的 (邓恩的妈妈), or with no
  /// 的 where `orBare` (她母亲).
  func startsRelation(at offset: Int, orBare: Bool) -> Bool {
    if orBare, finder.pronounRelations.contains(at: offset, in: units) { return true }
    return offset < units.count && units[offset] == QuoteScan.modifierMark
      && finder.pronounRelations.contains(at: offset + 1, in: units)
  }

  /// Whether 的 and a word of `pronoun_relations` (and 们) end the clause before `end`.
  func endsWithRelation(_ end: Int, after start: Int) -> Bool {
    var last = end
    if last > start, units[last - 1] == QuoteScan.pluralMark { last -= 1 }
    guard let relation = finder.pronounRelations.firstEnding(at: last, in: units) else {
      return false
    }
    let before = last - finder.pronounRelations.words[relation].count - 1
    guard before >= start, units[before] == QuoteScan.modifierMark else { return false }
    // 少安对他的朋友说: the relation is the one spoken to (not 与彭斯关系密切的助手).
    return !units[start..<before].contains { QuoteScan.addresseeMarks.contains($0) }
  }
  static let pluralMark = UInt16(0x4EEC)  // 们

  /// Whether a kind of organisation stands between `start` and `end` with no 该, 这 or 此 right
  /// before it (群众出版社表示; not 该公司表示).
  func namesUnnamedOrganization(_ start: Int, _ end: Int) -> Bool {
    (start..<end).contains { offset in
      guard let word = finder.organizationWords.first(at: offset, in: units),
        offset + finder.organizationWords.words[word].count <= end
      else { return false }
      return offset == start || !QuoteScan.demonstratives.contains(units[offset - 1])
    }
  }
  static let demonstratives = UnitSet("该這这此其")
  /// The first characters of words ending in 对 or 向 (一向, 倾向, 绝对, 相对, 针对 …).
  static let adverbsEndingInMark = UnitSet("一倾绝相面针偏转反应核比走方")
  static let newspaper = UInt16(0x62A5)  // 报 of 该报

  /// Where a demonstrative and an organisation word (该公司, 该委员会) or 报 (该报) stand in
  /// `start..<end`, if they do.
  func organizationReferredBack(_ start: Int, _ end: Int) -> TextRange? {
    for offset in start..<max(start, end - 1)
    where QuoteScan.demonstratives.contains(units[offset]) {
      if units[offset + 1] == QuoteScan.newspaper { return TextRange(offset, offset + 2) }
      if let word = finder.organizationWords.first(at: offset + 1, in: units),
        offset + 1 + finder.organizationWords.words[word].count <= end
      {
        return TextRange(offset, offset + 1 + finder.organizationWords.words[word].count)
      }
    }
    return nil
  }

  /// Whether `entity` is an organisation 该 + `word` may refer back to: one whose name holds the
  /// word (该委员会 → a 委员会), any after 组织 or 机构, a company after 公司 or 集团.
  func isReferredBack(_ entity: Int, asOneOf word: String) -> Bool {
    let record = document.entities[entity]
    guard record.kind == .organization else { return false }
    if QuoteScan.anyOrganizationWords.contains(word) || record.name.contains(word) { return true }
    return QuoteScan.companyWords.contains(word)
      && record.properties["kind"] == .string(OrganizationKind.company.rawValue)
  }
  static let anyOrganizationWords: Set<String> = ["组织", "机构", "团体"]
  static let companyWords: Set<String> = ["公司", "集团", "企业"]

  /// The last mention of an entity `accepts` before `position`, in the paragraph of sentence
  /// `index` or the one before it.
  func lastMention(before position: Int, sentence index: Int, accepts: (Int) -> Bool) -> Int? {
    let paragraph = Int(document.sentences[index].paragraph)
    let earliest = document.paragraphs[max(0, paragraph - 1)].range.start
    return mentionOrder.last { mention in
      let found = document.mentions[mention]
      return found.range.end <= Int32(position) && found.range.start >= earliest
        && accepts(found.entity)
    }
  }

  /// Whether the statement a continued clause takes its speaker from was an organisation's,
  /// following continued statements back to the one that named its speaker.
  func previousSpeakerIsOrganization(_ statements: [Statement]) -> Bool {
    for statement in statements.reversed() {
      switch statement.clue {
      case .previous: continue
      case .mention(let mention):
        return document.entities[document.mentions[mention].entity].kind == .organization
      case .pronoun, .title: return false
      }
    }
    return false
  }
  static let when = UInt16(0x65F6)  // 时
  static let whenSuffix = UInt16(0x5019)  // 候
  /// 这说明, 这表明: "this" is the subject, no one who spoke before.
  static let this = UnitSet("这這")
  static let thisAdverbs = UnitSet("也就更还正则便都又亦只")

  /// Whether the clause `start..<end` is 这 with adverbs at most (这表明, 这也说明): not 这里,
  /// 这位 (这位总理说 refers back).
  func isThis(_ start: Int, _ end: Int) -> Bool {
    let first = skippingSpaces(from: start, to: end)
    guard first < end, QuoteScan.this.contains(units[first]) else { return false }
    return units[(first + 1)..<end].allSatisfy(QuoteScan.thisAdverbs.contains)
  }

  /// The demonstrative of a person (这位, 这名) at `opening`, which `personDemonstrativeStart`
  /// found, when at most 16 characters follow it before `end`: 这位美国总统还发推特称, 这名驻北京的
  /// 外交官称. The description after it tells no more than the pronoun would (no gender, no number).
  func personDemonstrative(at opening: Int, before end: Int) -> TextRange? {
    guard end - opening <= 18,
      // 这位以批评中国闻名的专家也强调: a preposition opens a relative clause, whose verb the cue
      // is until the clause's 的 stands before it.
      opening + 2 < end,
      !QuoteScan.prepositions.contains(units[opening + 2])
        || units[(opening + 3)..<end].contains(QuoteScan.modifierMark)
    else { return nil }
    return TextRange(opening, opening + 2)
  }
  /// Prepositions that open a relative clause after 这位 (这位以…闻名的专家); wider than
  /// `objectMarks` and `adjunctMarks`, which mark what stands before a subject.
  static let prepositions = UnitSet("以对向在被把将为与和跟从於于")
  /// Where a demonstrative of a person opens the clause, at most two characters in.
  func personDemonstrativeStart(in start: Int, _ end: Int) -> Int? {
    let first = skippingSpaces(from: start, to: end)
    return (first..<min(first + 3, end)).first {
      QuoteScan.personDemonstratives.contains(at: $0, in: units)
    }
  }
  static let personDemonstratives = UnitWords(["这位", "这名", "那位", "该名", "這位", "這名"])

  /// Whether a place is named between `start` and `end`.
  func namesPlace(_ start: Int, _ end: Int) -> Bool {
    mentions(in: start, end).contains {
      document.entities[document.mentions[$0].entity].kind == .place
    }
  }

  static let closingBrackets = UnitSet("）)")
  static let openingBrackets = UnitSet("（(")

  /// Where the round bracket that the one at `closing` closes opens, if it opens after
  /// `start` with no sentence end between.
  func openingBracket(before closing: Int, after start: Int) -> Int? {
    var cursor = closing - 1
    while cursor >= start {
      let unit = units[cursor]
      if QuoteScan.openingBrackets.contains(unit) { return cursor }
      if QuoteScan.closingBrackets.contains(unit) || QuoteScan.sentenceEnds.contains(unit) {
        return nil
      }
      cursor -= 1
    }
    return nil
  }

  /// The insides of the closed round brackets between `start` and `end`.
  static func brackets(in units: [UInt16], _ start: Int, _ end: Int) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var open: Int?
    for offset in start..<end {
      switch units[offset] {
      case 0xFF08, 0x28: open = offset + 1
      case 0xFF09, 0x29:
        if let inside = open { found.append(inside..<offset) }
        open = nil
      default: break
      }
    }
    return found
  }

  /// Whether 对 or 向 stands before `title`, past the words that rank it (对副秘书长说,
  /// 向常务副部长表示): the title is the one spoken to's.
  func isAddressed(_ title: TextRange, clauseStart: Int) -> Bool {
    var before = Int(title.start) - 1
    while before > clauseStart, QuoteScan.rankMarks.contains(units[before]) { before -= 1 }
    // 向美国官员: the country or body the title is of stands between.
    if before > clauseStart,
      let owner = mentionsBefore(before + 1).last(where: { $0.range.end == Int32(before + 1) }),
      document.entities[owner.entity].kind != .person
    {
      before = Int(owner.range.start) - 1
    }
    return before >= clauseStart && QuoteScan.addresseeMarks.contains(units[before])
  }
  static let rankMarks = UnitSet("副常务代理")

  /// 有 after at most one conjunction or adverb (但, 也, 还, 而, 另) at a clause's start: 有人说.
  static let existential = UInt16(0x6709)  // 有
  static let existentialLeads = UnitSet("但也还而另亦却")

  /// The first offset from `start` before `end` that holds no clause break (，：；) or space:
  /// where the words after a cue begin.
  func skippingSeparators(from start: Int, to end: Int) -> Int {
    var first = start
    while first < end, QuoteScan.clauseBreaks.contains(units[first]) || units[first] == 0x20 {
      first += 1
    }
    return first
  }

  /// The first offset from `start` before `end` that holds no space.
  func skippingSpaces(from start: Int, to end: Int) -> Int {
    var first = start
    while first < end, QuoteScan.spaces.contains(units[first]) { first += 1 }
    return first
  }

  /// Whether a conjunction of `conditionals` opens `start..<end` (只要认为…, 如果说…).
  func opensWithConditional(_ start: Int, _ end: Int) -> Bool {
    let first = skippingSpaces(from: start, to: end)
    guard let word = finder.conditionals.first(at: first, in: units) else { return false }
    return first + finder.conditionals.words[word].count <= end
  }

  /// Whether the clause opens with 有, alone or after one lead (有人说, 但有分析认为, 也有专家指出),
  /// or with 其他 (其他专家认为): then someone the article does not name speaks.
  func opensWithSomeone(_ start: Int, _ end: Int) -> Bool {
    var first = skippingSpaces(from: start, to: end)
    if first < end, QuoteScan.existentialLeads.contains(units[first]) { first += 1 }
    // 有关 is "concerning" (在回应“…”有关提问表示), not 有 someone; 其他 is others (其他专家认为).
    guard first < end else { return false }
    let second = first + 1 < end ? units[first + 1] : nil
    return (units[first] == QuoteScan.existential && second != QuoteScan.concerning)
      || (units[first] == QuoteScan.other
        && second.map(QuoteScan.pronounsAfterOther.contains) == true)
  }
  static let pronounsAfterOther = UnitSet("他她它")
  static let concerning = UInt16(0x5173)  // 关 of 有关

  /// Whether the clause, past any spaces, opens with the Character 据 (as `hasPrefix("据")` on
  /// the clause's String). Read from the units when they are inert, since each inert unit
  /// beside another inert one is a Character of its own.
  func opensWithAccordingTo(_ start: Int, _ end: Int) -> Bool {
    let first = skippingSpaces(from: start, to: end)
    let read = min(end, first + 2)
    if units[start..<read].allSatisfy(CanonicalUnits.isInert) {
      return first < end && QuoteScan.accordingTo.contains(units[first])
    }
    let opening = text(first, end)
    return opening.hasPrefix("据") || opening.hasPrefix("據")
  }

  /// Whether `start..<end` holds at most `limit` Characters. Inert units without a carriage
  /// return (whose CR LF is one Character) are a Character each.
  func characterCount(_ start: Int, _ end: Int, isAtMost limit: Int) -> Bool {
    if end - start <= limit { return true }
    if units[start..<end].allSatisfy({ CanonicalUnits.isInert($0) && $0 != 0x0D }) {
      return false
    }
    return text(start, end).count <= limit
  }

  static let administration = Array("政府".utf16)
  static let quotingVerbs = ["引述", "援引", "引用"].map { Array($0.utf16) }
  static let quotingVerbTexts = Set(quotingVerbs.map { String(decodingUTF16: $0[...]) })
  static let theirWords = Array("的话".utf16)
  static let language = UInt16(0x8BED)  // 语 of 英语

  /// Whether the cue's object, right after it and up to the clause's end (eight characters at
  /// most), is a language (…语) or ends in a kind of talk of `speech_objects` (句公道话).
  func takesSpeechObject(_ cue: Cue, limit: Int) -> Bool {
    var end = cue.end
    while end < limit, end - cue.end <= 8, quotationAt[end] < 0,
      !QuoteScan.clauseBreaks.contains(units[end]), !QuoteScan.sentenceEnds.contains(units[end])
    {
      end += 1
    }
    guard end > cue.end, end - cue.end <= 8,
      units[end - 1] == QuoteScan.language
        || finder.speechObjects.firstEnding(at: end, in: units) != nil
    else { return false }
    // 告诉BBC中文，…: a name is the one spoken to, no kind of talk.
    return units[cue.end..<end].allSatisfy(\.isIdeograph) && mentions(in: cue.end, end).isEmpty
  }

  /// Where the source quoted ends (…贝克|的话说) and where 的话 and the cue after it, if any,
  /// end (…贝克的话说|，) in the clause from `start`, when a clause break or a quotation follows.
  func endOfSaying(from start: Int, limit: Int) -> (source: Int, end: Int)? {
    var offset = start
    while offset + 1 < limit, offset - start <= 40, quotationAt[offset] < 0,
      !QuoteScan.clauseBreaks.contains(units[offset]),
      !QuoteScan.sentenceEnds.contains(units[offset])
    {
      if UnitWords.matches(QuoteScan.theirWords, at: offset, in: units) {
        // The cue as written, whatever ICU's words (的|话说: ICU reads 话说 as one).
        let wordsEnd = offset + QuoteScan.theirWords.count
        var ends = [wordsEnd]
        units.withUnsafeBufferPointer { buffer in
          finder.cueAutomaton.forEachMatch(in: buffer, at: wordsEnd) { length, _ in
            ends.append(wordsEnd + length)
          }
        }
        return ends.first { end in
          end < limit && (QuoteScan.clauseBreaks.contains(units[end]) || quotationAt[end] >= 0)
        }.map { (offset, $0) }
      }
      offset += 1
    }
    return nil
  }
  /// 接受 before an outlet: the outlet interviews (接受美国之音采访时表示), it does not speak.
  static let interviewVerb = Array("接受".utf16)

  /// The first of `words` (in their order) written in `start..<end`, and where it first is.
  func firstOffset(ofAnyOf words: [[UInt16]], in start: Int, _ end: Int) -> Int? {
    for word in words {
      if let offset = firstOffset(of: word, in: start, end) { return offset }
    }
    return nil
  }

  /// Where `word` is first written in `start..<end`, searched on code units: the clause as a
  /// String searched with Foundation cost more than the rest of quote finding.
  func firstOffset(of word: String, in start: Int, _ end: Int) -> Int? {
    firstOffset(of: Array(word.utf16), in: start, end)
  }

  func firstOffset(of word: [UInt16], in start: Int, _ end: Int) -> Int? {
    guard !word.isEmpty, end - start >= word.count else { return nil }
    for offset in start...(end - word.count)
    where units[offset] == word[0] && UnitWords.matches(word, at: offset, in: units) {
      return offset
    }
    return nil
  }

  /// A person mention right after 对 or 向 (据克里对韩正说): the addressee.
  func addressee(in mentions: ArraySlice<Int>) -> Int? {
    for index in mentions {
      let mention = document.mentions[index]
      guard document.entities[mention.entity].kind == .person, mention.range.start > 0 else {
        continue
      }
      let before = units[Int(mention.range.start) - 1]
      if before == UInt16(("对" as Unicode.Scalar).value)
        || before == UInt16(("向" as Unicode.Scalar).value)
      {
        return index
      }
    }
    return nil
  }

  /// After 告诉/告知 (and 对 … 说 frames written as 告诉韩正，): the addressee, up to a separator:
  /// a person, an `addressee_words` word (告诉记者，) or, after a cue of saying, an organisation
  /// (告诉德国之声，; 批评国民党，names what is criticised).
  func addresseeEnd(from position: Int, limit: Int, organizations: Bool) -> (
    end: Int, mention: Int?
  )? {
    var cursor = position
    while cursor < limit && cursor - position <= 12
      && !QuoteScan.clauseBreaks.contains(units[cursor])
      && quotationAt[cursor] < 0 && !QuoteScan.sentenceEnds.contains(units[cursor])
    {
      cursor += 1
    }
    guard cursor > position, cursor < limit, QuoteScan.clauseBreaks.contains(units[cursor]) else {
      return nil
    }
    let segment = text(position, cursor)
    let mention = mentions(in: position, cursor).first { index in
      let range = document.mentions[index].range
      let kind = document.entities[document.mentions[index].entity].kind
      return range.start == Int32(position) && range.end == Int32(cursor)
        && (kind == .person || organizations && kind == .organization)
    }
    guard mention != nil || finder.lexicon.addresseeWords.contains(segment) else { return nil }
    return (cursor, mention)
  }

  /// The content's end: the sentence's end, or the clause break (or closing quotation mark)
  /// before a clause that opens a statement of its own.
  func contentEnd(from start: Int, limit: Int) -> Int {
    // The sets read once, not at every unit (each read of a static asks `swift_once`).
    let sentenceEnds = QuoteScan.sentenceEnds
    let clauseBreaks = QuoteScan.clauseBreaks
    var cursor = start
    while cursor < limit {
      let unit = units[cursor]
      if quotationAt[cursor] >= 0 {
        let quotation = document.quotations[Int(quotationAt[cursor])]
        cursor = Int(quotation.range.end)
        if cursor < limit && opensStatement(at: cursor, limit: limit) { return cursor }
        continue
      }
      if sentenceEnds.contains(unit) { return cursor }
      if clauseBreaks.contains(unit) && opensStatement(at: cursor + 1, limit: limit) {
        return cursor
      }
      cursor += 1
    }
    return limit
  }

  /// Whether the clause from `start` is a speaker-and-cue clause (，表示 / ，并称 / 克里还表示).
  func opensStatement(at start: Int, limit: Int) -> Bool {
    statementCue(at: start, limit: limit) != nil
  }

  /// The cue of the speaker-and-cue clause from `start`, if it is one.
  func statementCue(at start: Int, limit: Int) -> Cue? {
    var cursor = start
    while cursor < limit, cursor - start <= 14 {
      let unit = units[cursor]
      if QuoteScan.clauseBreaks.contains(unit) || QuoteScan.sentenceEnds.contains(unit)
        || quotationAt[cursor] >= 0
      {
        return nil
      }
      if let cue = cue(at: cursor, sentenceEnd: limit), !isNoun(cue, clauseStart: start),
        passiveMark(before: cue, clauseStart: start) == nil,
        !isUnseparated(cue) || opensWithAccordingTo(start, cursor)
      {
        // At most two Characters before the cue, counted without making the String.
        let opens =
          characterCount(start, cursor, isAtMost: 2) || !mentions(in: start, cursor).isEmpty
          || pronounRange(in: start, cursor) != nil
        return opens && !opensWithConditional(start, cursor) ? cue : nil
      }
      cursor += 1
    }
    return nil
  }

  /// The quotation of the next paragraph that the separators from `start` to `end` introduce:
  /// they hold a colon and end the cue's paragraph (她说：), and the next paragraph opens with
  /// a quotation.
  func quotationIntroduced(from start: Int, to end: Int, sentence index: Int) -> Quotation? {
    let paragraph = Int(document.sentences[index].paragraph)
    guard end == Int(document.paragraphs[paragraph].range.end),
      units[start..<end].contains(where: { QuoteScan.colons.contains($0) })
    else { return nil }
    return openingQuotation(ofParagraphAfter: paragraph)
  }

  /// The quotation the paragraph after `paragraph` opens with, if it opens with one.
  func openingQuotation(ofParagraphAfter paragraph: Int) -> Quotation? {
    let next = paragraph + 1
    guard next < document.paragraphs.count, document.paragraphs[next].kind == .body else {
      return nil
    }
    let start = Int(document.paragraphs[next].range.start)
    guard start < units.count, quotationAt[start] >= 0 else { return nil }
    let quotation = document.quotations[Int(quotationAt[start])]
    return quotation.range.start == Int32(start) ? quotation : nil
  }

  func quotationEnding(at position: Int) -> Quotation? {
    guard position > 0, quotationAt[position - 1] >= 0 else { return nil }
    let quotation = document.quotations[Int(quotationAt[position - 1])]
    return quotation.range.end == Int32(position) ? quotation : nil
  }

  /// `据X，` earlier in the sentence, with no cue of its own: the outlet relaying the statement.
  func reportingOutlet(in sentenceStart: Int, _ clauseStart: Int) -> Int? {
    for index in mentions(in: sentenceStart, clauseStart) {
      let mention = document.mentions[index]
      guard mention.range.end < Int32(clauseStart),
        document.entities[mention.entity].kind == .organization, mention.range.start > 0
      else { continue }
      let before = units[Int(mention.range.start) - 1]
      var end = Int(mention.range.end)
      // 据路透社，or 据路透社报道，
      if let cue = cue(at: end, sentenceEnd: clauseStart),
        cue.cueClass == CueClass.report.rawValue || cue.cueClass == CueClass.say.rawValue
      {
        end = cue.end
      }
      if before == UInt16(("据" as Unicode.Scalar).value) && end < clauseStart
        && QuoteScan.clauseBreaks.contains(units[end])
      {
        return index
      }
    }
    return nil
  }

  /// The title with the words that rank it (副主席 is no 主席: the holder of one is not the
  /// other's).
  func titleRange(in start: Int, _ end: Int) -> TextRange? {
    guard let title = rangeOfLongest(finder.titleAutomaton, in: start, end) else { return nil }
    var first = Int(title.start)
    while first > start, QuoteScan.rankMarks.contains(units[first - 1]) { first -= 1 }
    return TextRange(first, Int(title.end))
  }

  /// Not the 他 of 其他 (其他专家认为: others).
  func pronounRange(in start: Int, _ end: Int) -> TextRange? {
    rangeOfLongest(finder.pronounAutomaton, in: start, end, notAfter: QuoteScan.other)
  }
  static let other = UInt16(0x5176)  // 其

  private func rangeOfLongest(
    _ automaton: PatternAutomaton, in start: Int, _ end: Int, notAfter excluded: UInt16? = nil
  ) -> TextRange? {
    var found: TextRange?
    units.withUnsafeBufferPointer { buffer in
      for position in start..<end where found == nil {
        if let excluded, position > 0, buffer[position - 1] == excluded { continue }
        automaton.forEachMatch(in: buffer, at: position, limit: end) { length, _ in
          found = TextRange(position, position + length)
        }
      }
    }
    return found
  }

  /// Drops separators and the sentence's closing stop at the content's edges.
  func trimmed(_ range: TextRange) -> TextRange {
    var start = Int(range.start)
    var end = Int(range.end)
    while start < end, QuoteScan.contentEdges.contains(units[start]) { start += 1 }
    while end > start, QuoteScan.contentEdges.contains(units[end - 1]) { end -= 1 }
    return TextRange(start, end)
  }
}
