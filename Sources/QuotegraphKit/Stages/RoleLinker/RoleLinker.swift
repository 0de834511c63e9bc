/// Ties titles to the people they stand beside: an appositive title before the name (美国气候特使
/// 克里, 中国国家副主席韩正), or after it behind a comma or in parentheses (韩正，国家副主席; 王毅（外长）).
/// A title is the longest `roles.tsv` name or alias or `curated/title-words.tsv` word touching
/// the name, extended over qualifiers: places and organisations the matcher found (美国, 美国众议院)
/// and the `qualifiers` words (最高, 前). The role keeps the title without its qualifiers
/// (美国 + 气候特使), the title as written goes to `HOLDS_ROLE.title_text`. `tag` reports a
/// title's span without the places, organisations and `praise` words before it
/// (`taggedTitles(in:)`).
public struct RoleLinker: Stage {
  public static let type = "role.link.v1"
  public static let requires: Set<Layer> = [.cleanText, .mentions]
  public static let provides: Set<Layer> = [.roles]

  public let data: NameData
  /// Words between a qualifier and a title, or before one: 最高, 前, 新任.
  public let qualifiers: [String]
  /// Marks a title after a name may follow: `，` `,` `（` `(`.
  public let openers: [String]
  /// Marks that end a title after a name.
  public let closers: [String]
  /// Qualifiers that praise rather than say which one (著名, 知名, 资深): the span `tag`
  /// reports leaves them out, as it leaves out places and organisations before a title.
  public let praise: [String]
  /// Words that make a title before them part of an organisation's name (委员|会, 代表|团,
  /// 总领事|馆) where ICU reads them as words of their own: no title stands alone there.
  public let organizationSuffixes: [String]
  /// The same words as units, looked for in place: asking each String's UTF-16 view at every
  /// name's end cost some 140 instructions a word.
  let qualifierWords: UnitWords
  let openerWords: UnitWords
  let closerWords: UnitWords
  let praiseWords: UnitWords
  let organizationSuffixWords: UnitWords

  public init(
    data: NameData, qualifiers: [String], openers: [String], closers: [String],
    praise: [String] = [], organizationSuffixes: [String] = []
  ) {
    self.data = data
    self.qualifiers = qualifiers
    self.openers = openers
    self.closers = closers
    self.praise = praise
    self.organizationSuffixes = organizationSuffixes
    qualifierWords = UnitWords(qualifiers)
    openerWords = UnitWords(openers)
    closerWords = UnitWords(closers)
    praiseWords = UnitWords(praise.sorted { $0.count > $1.count })
    organizationSuffixWords = UnitWords(organizationSuffixes.sorted { $0.count > $1.count })
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    let path = try options.gazetteerDirectory(context)
    self.init(
      data: try NameData.load(directory: path, sharedIn: context),
      qualifiers: try options.strings("qualifiers") ?? [],
      openers: try options.strings("openers") ?? [], closers: try options.strings("closers") ?? [],
      praise: try options.strings("praise") ?? [],
      organizationSuffixes: try options.strings("organization_suffixes") ?? [])
  }

  /// Where each place or organisation mention ends (by its start) and starts (by its end),
  /// and the offsets persons cover.
  static func qualifierMaps(_ document: Document)
    -> (start: OffsetMap, end: OffsetMap, personAt: OffsetSet)
  {
    let count = document.text.units.count
    var qualifierStart = OffsetMap(count: count + 1)
    var qualifierEnd = OffsetMap(count: count + 1)
    var personAt = OffsetSet(count: count)
    for mention in document.mentions {
      if document.entities[mention.entity].kind == .person {
        personAt.insert(mention.range.range)
      } else {
        qualifierStart[Int(mention.range.end)] = Int(mention.range.start)
        qualifierEnd[Int(mention.range.start)] = Int(mention.range.end)
      }
    }
    return (qualifierStart, qualifierEnd, personAt)
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let units = document.text.units
    let (qualifierStart, qualifierEnd, personAt) = RoleLinker.qualifierMaps(document)
    var roles: [RoleAssignment] = []
    var previousEnd = 0
    for (index, mention) in document.mentions.enumerated() {
      guard document.entities[mention.entity].kind == .person else { continue }
      defer { previousEnd = Int(mention.range.end) }
      let start = Int(mention.range.start)
      if let roleStart = data.titleStart(endingAt: start, in: units, minimumStart: previousEnd) {
        var role = TextRange(roleStart, start)
        // 美国气候特使 is itself a title; split a leading place or organisation off it when the
        // rest is a title too (美国 + 气候特使).
        if let end = qualifierEnd[roleStart], end < start,
          data.titles[document.text[TextRange(end, start)]] != nil
        {
          role = TextRange(end, start)
        }
        let titleStart = extendQualifiers(
          from: Int(role.start), units: units, qualifierStart: qualifierStart,
          personAt: personAt, limit: previousEnd)
        roles.append(
          assignment(
            document, entity: mention.entity, mention: index, title: TextRange(titleStart, start),
            role: role, position: "before"))
      }
      if let after = titleAfter(Int(mention.range.end), units, qualifierEnd, personAt) {
        roles.append(
          assignment(
            document, entity: mention.entity, mention: index, title: after.title, role: after.role,
            position: after.position))
      }
    }
    document.roles = roles
    document.layers.insert(.roles)
  }

  /// The span `tag` reports for a title that starts at `title.start` and whose title word
  /// starts at `core`: without the places, organisations and `praise` words before it
  /// (北京大学法学院|教授, 韩国著名|导演), which the graph keeps in `HOLDS_ROLE.title_text`.
  /// Other qualifiers stay: 副 and 执行 make another title.
  func taggedSpan(of title: TextRange, core: Int, units: [UInt16], qualifierEnd: OffsetMap)
    -> TextRange
  {
    var start = Int(title.start)
    while start < core {
      if let end = qualifierEnd[start], end <= core {
        start = end
      } else if let word = praiseWords.first(at: start, in: units),
        start + praiseWords.words[word].count <= core
      {
        start += praiseWords.words[word].count
      } else {
        break
      }
    }
    return TextRange(start, Int(title.end))
  }

  /// The spans `tag` reports as positions (see `taggedSpan(of:core:units:qualifierEnd:)`): of
  /// the titles `document.roles` holds, one for each, and of the titles no person stands beside.
  public func taggedTitles(in document: Document) -> (roles: [TextRange], standalone: [TextRange]) {
    let maps = RoleLinker.qualifierMaps(document)
    let roles = document.roles.map {
      taggedSpan(
        of: $0.title, core: Int($0.role.start), units: document.text.units,
        qualifierEnd: maps.end)
    }
    return (
      roles, standaloneTitles(in: document, qualifierStart: maps.start, qualifierEnd: maps.end)
    )
  }

  /// The titles no person stands beside (记者近日求证, 业内专家认为), longest first from the left,
  /// outside every mention and every title `roles` holds, as `tag` cuts them.
  func standaloneTitles(in document: Document, qualifierStart: OffsetMap, qualifierEnd: OffsetMap)
    -> [TextRange]
  {
    let units = document.text.units
    var taken = [Bool](repeating: false, count: units.count)
    for mention in document.mentions {
      for offset in mention.range.range where offset < units.count { taken[offset] = true }
    }
    for role in document.roles {
      for offset in role.title.range where offset < units.count { taken[offset] = true }
    }
    // A title alone must be a word of its own: 委员 is no title in 委员会.
    var wordBreaks = document.words
    func isBoundary(_ offset: Int) -> Bool {
      offset == 0 || offset == units.count || wordBreaks.startsWord(at: offset)
        || wordBreaks.endsWord(at: offset)
    }
    // 拨款委员|会, 代表|团: the suffix a word of its own, not the start of one (总统|会见).
    func startsOrganizationName(_ end: Int) -> Bool {
      guard let suffix = organizationSuffixWords.first(at: end, in: units) else { return false }
      let suffixEnd = end + organizationSuffixWords.words[suffix].count
      return wordBreaks.startsWord(at: end) && wordBreaks.endsWord(at: suffixEnd)
    }
    var found: [TextRange] = []
    var start = 0
    var previousEnd = 0
    while start < units.count {
      if !taken[start], let end = data.titleEnd(startingAt: start, in: units, limit: units.count),
        !taken[start..<end].contains(true), isBoundary(end), !startsOrganizationName(end)
      {
        // With its qualifiers, as when a person stands beside it (埃及文化部长, 副校长).
        let titleStart = extendQualifiers(
          from: start, units: units, qualifierStart: qualifierStart, personAt: OffsetSet(count: 0),
          limit: previousEnd)
        guard isBoundary(start) || isBoundary(titleStart) else {
          start += 1
          continue
        }
        found.append(
          taggedSpan(
            of: TextRange(titleStart, end), core: start, units: units, qualifierEnd: qualifierEnd))
        start = end
        previousEnd = end
      } else {
        start += 1
      }
    }
    return found
  }

  /// Moves a title's start left over qualifier words and place or organisation mentions.
  func extendQualifiers(
    from start: Int, units: [UInt16], qualifierStart: OffsetMap, personAt: OffsetSet, limit: Int
  ) -> Int {
    var start = start
    while start > limit {
      if let earlier = qualifierStart[start], earlier >= limit {
        start = earlier
      } else if let word = qualifierWords.firstEnding(at: start, in: units),
        start - qualifierWords.words[word].count >= limit, !personAt.contains(start - 1)
      {
        start -= qualifierWords.words[word].count
      } else if let earlier = data.titleStart(endingAt: start, in: units, minimumStart: limit),
        !personAt.contains(start - 1)
      {
        // 外交部 + 发言人 when 外交部 is a title word's start: keep going left over titles.
        start = earlier
      } else {
        break
      }
    }
    return start
  }

  /// A title after a name: 韩正，中国国家副主席，… or 王毅（中国外长）.
  func titleAfter(_ end: Int, _ units: [UInt16], _ qualifierEnd: OffsetMap, _ personAt: OffsetSet)
    -> (title: TextRange, role: TextRange, position: String)?
  {
    guard let openerIndex = openerWords.first(at: end, in: units) else { return nil }
    let opener = openers[openerIndex]
    let titleStart = end + openerWords.words[openerIndex].count
    var offset = titleStart
    while offset < units.count {
      if let next = qualifierEnd[offset] {
        offset = next
      } else if let word = qualifierWords.first(at: offset, in: units) {
        offset += qualifierWords.words[word].count
      } else {
        break
      }
    }
    // The longest title, possibly after more qualifiers it contains (美国众议院议长).
    var best: (TextRange, Int)?
    for roleStart in titleStart...offset {
      guard let roleEnd = data.titleEnd(startingAt: roleStart, in: units, limit: units.count),
        !(roleStart..<roleEnd).contains(where: personAt.contains),
        roleEnd == units.count
          || closerWords.contains(at: roleEnd, in: units)
      else { continue }
      best = (TextRange(roleStart, roleEnd), roleEnd)
      break
    }
    guard let (role, roleEnd) = best else { return nil }
    let isParenthesis = opener == "（" || opener == "("
    return (TextRange(titleStart, roleEnd), role, isParenthesis ? "parenthesis" : "after-comma")
  }

  func assignment(
    _ document: Document, entity: Int, mention: Int, title: TextRange, role: TextRange,
    position: String
  ) -> RoleAssignment {
    // The whole title when the gazetteer has it (国务院总理), else the role (气候特使).
    let entry = data.titles[document.text[title]] ?? data.titles[document.text[role]]
    return RoleAssignment(
      entity: entity, mention: mention, title: title, role: role, roleID: entry?.roleID,
      roleName: entry?.roleName, kind: entry?.kind, position: position)
  }
}

/// An offset of the text for some offsets of it, by offset: where the place or organisation
/// mention ending (or starting) there starts (or ends). Asked at every title edge, where an
/// `[Int: Int]` hashed each offset and grew as mentions were added.
struct OffsetMap {
  private var values: [Int32]

  init(count: Int) { values = [Int32](repeating: -1, count: count) }

  subscript(offset: Int) -> Int? {
    get {
      guard offset >= 0, offset < values.count, values[offset] >= 0 else { return nil }
      return Int(values[offset])
    }
    set {
      guard offset >= 0, offset < values.count else { return }
      values[offset] = newValue.map(Int32.init) ?? -1
    }
  }
}

/// Offsets of the text, as flags: the offsets person mentions cover (a `Set<Int>` hashed each).
struct OffsetSet {
  private var flags: [Bool]

  init(count: Int) { flags = [Bool](repeating: false, count: count) }

  func contains(_ offset: Int) -> Bool { offset >= 0 && offset < flags.count && flags[offset] }

  mutating func insert(_ range: Range<Int>) {
    for offset in range where offset >= 0 && offset < flags.count { flags[offset] = true }
  }
}
