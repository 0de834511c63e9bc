/// Finds the gazetteer's people, organisations and places in the clean text: every folded
/// name, alias and short form is a candidate; ICU's word boundaries and the context decide
/// which candidates are names (no 克里 in 克里姆林宫), the longest wins where they overlap, and
/// an ambiguous form goes to the entity the article names in full, else the one whose title
/// stands before it, else the most prominent.
public struct EntityMatcher: Stage {
  public static let type = "entity.match.v1"
  public static let requires: Set<Layer> = [.cleanText, .tokens]
  public static let provides: Set<Layer> = [.mentions]

  public let index: EntityIndex
  public let evidence: BoundaryEvidence
  /// `institution-words.tsv`: folded words and the kind of organisation each names after a place.
  let institutions: [(word: [UInt16], kind: OrganizationKind)]
  /// The first units of `institutions`' words.
  let institutionStarts: Set<UInt16>

  public init(
    index: EntityIndex, evidence: BoundaryEvidence,
    institutions: [(word: String, kind: OrganizationKind)] = []
  ) {
    self.index = index
    self.evidence = evidence
    // Longest first: 外交及联邦事务部 before 外交部 is no prefix, but 总领事馆 before 领事馆 is.
    self.institutions = institutions.map { (index.fold(Array($0.word.utf16)), $0.kind) }
      .sorted { $0.word.count > $1.word.count }
    institutionStarts = Set(self.institutions.compactMap(\.word.first))
  }

  public init(options: StageOptions, context: StageContext) throws(QuotegraphError) {
    let path = try options.gazetteerDirectory(context)
    let gazetteer = try Gazetteer.load(directory: path, sharedIn: context)
    let boundaries = try EntityMatcher.loadBoundaries(
      path + "/curated/" + GazetteerFile.nameBoundaries.fileName)
    let institutionsPath = path + "/curated/" + GazetteerFile.institutionWords.fileName
    let institutions = try GazetteerTable.parse(
      bytes: try FileIO.readAll(path: institutionsPath), file: .institutionWords,
      path: institutionsPath
    ).rows.map { row throws(QuotegraphError) in
      try EntityMatcher.institution(row: row, path: institutionsPath)
    }
    self.init(
      index: EntityIndex(gazetteer: gazetteer), evidence: boundaries, institutions: institutions)
  }

  /// One row of `institution-words.tsv`; a kind that is no organisation kind is an error naming
  /// the file and line.
  static func institution(row: GazetteerRow, path: String) throws(QuotegraphError) -> (
    word: String, kind: OrganizationKind
  ) {
    guard !row["word"].isEmpty, let kind = OrganizationKind(rawValue: row["kind"]) else {
      throw QuotegraphError(
        "gazetteer.bad-row",
        "needs a word and an organisation kind (\(OrganizationKind.allCases.map(\.rawValue).joined(separator: ", "))), found \(row["word"]) \(row["kind"])",
        file: path, line: row.line)
    }
    return (row["word"], kind)
  }

  static func loadBoundaries(_ path: String) throws(QuotegraphError) -> BoundaryEvidence {
    let text = String(decoding: try FileIO.readAll(path: path), as: UTF8.self)
    let table = try GazetteerTable.parse(text, file: .nameBoundaries, path: path)
    var followers: Set<String> = []
    var leaders: Set<String> = []
    for row in table.rows {
      switch row["side"] {
      case "after": followers.insert(row["word"])
      case "before": leaders.insert(row["word"])
      default:
        throw QuotegraphError(
          "gazetteer.bad-row", "side must be before or after, found \(row["side"])", file: path,
          line: row.line)
      }
    }
    return BoundaryEvidence(followers: followers, leaders: leaders)
  }

  /// A candidate match that survived the boundary evidence.
  struct Match {
    var start: Int
    var end: Int
    var pattern: Int
    var evidence: String
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let (entities, mentions) = find(
      in: document.text.units, words: &document.words, published: document.article.published)
    if let failure = document.words.failure {
      throw QuotegraphError("segment.icu", failure, stage: Self.type)
    }
    document.entities = entities
    document.mentions = mentions
    document.layers.insert(.mentions)
  }

  /// `published` (ISO 8601, may be empty) lets a living holder of a short form win over one who
  /// had died before the article was written.
  public func find(
    in units: [UInt16], words: inout WordBoundaries, published: String = ""
  ) -> ([EntityRecord], [Mention]) {
    let folded = index.fold(units)
    var chosen: [Match] = []
    folded.withUnsafeBufferPointer { buffer in
      // Longest first, then leftmost, then the lower pattern; a match overlapping one already
      // taken is dropped. ICU's verdict is asked only of the matches still free, as it breaks
      // their clauses into words. Each match is sorted as one integer in that order (no two
      // are equal) where its numbers fit, which they do but for absurd names or texts.
      let automaton = index.automaton
      let packed =
        automaton.longestPattern < 256 && buffer.count < 1 << 32
        && automaton.patternCount <= 1 << 24
      var keys: [UInt64] = []
      var matches: [Match] = []
      index.automatonStarts.forEachPossibleStart(in: buffer) { start in
        automaton.forEachMatch(in: buffer, at: start) { length, pattern in
          let end = start + length
          // A short form next to a middle dot is part of another foreign name: 谢尔 in
          // 贾斯汀·谢尔曼, 克里 in 玛丽·克里 (the full name would have matched if known); so is
          // a place's name, which is a given name or a surname there (查德·沃尔夫: not Chad).
          if (start > 0 && buffer[start - 1] == EntityIndex.middleDot)
            || (end < buffer.count && buffer[end] == EntityIndex.middleDot),
            index.candidates[pattern].allSatisfy({
              $0.form == .shortForm || index.entities[Int($0.entity)].kind == .place
            })
          {
            return
          }
          if packed {
            keys.append(UInt64(255 - length) << 56 | UInt64(start) << 24 | UInt64(pattern))
          } else {
            matches.append(Match(start: start, end: end, pattern: pattern, evidence: ""))
          }
        }
      }
      if packed {
        keys.sort()
        matches = keys.map { key in
          let start = Int(key >> 24 & 0xFFFF_FFFF)
          return Match(
            start: start, end: start + 255 - Int(key >> 56), pattern: Int(key & 0xFF_FFFF),
            evidence: "")
        }
      } else {
        matches.sort {
          ($0.end - $0.start, -$0.start, -$0.pattern) > ($1.end - $1.start, -$1.start, -$1.pattern)
        }
      }
      var covered = [Bool](repeating: false, count: buffer.count)
      for var match in matches where !covered[match.start..<match.end].contains(true) {
        guard let evidence = acceptance(of: match, in: folded, buffer, words: &words) else {
          continue
        }
        match.evidence = evidence
        chosen.append(match)
        for offset in match.start..<match.end { covered[offset] = true }
      }
    }
    chosen.sort { $0.start < $1.start }
    var (entities, mentions) = resolve(chosen, folded: folded, published: published)
    if !institutions.isEmpty {
      nameInstitutions(&entities, &mentions, in: units, folded: folded, words: &words)
    }
    return (entities, mentions)
  }

  /// A place's name right before an institution word that no mention covers (英国外交部称,
  /// 香港警方周三表示, 台湾空军表示) names that place's institution: the two become one mention of
  /// an organisation the gazetteer lacks, named as written, with an id derived from its folded
  /// name, the word's kind and the place's country.
  func nameInstitutions(
    _ entities: inout [EntityRecord], _ mentions: inout [Mention], in units: [UInt16],
    folded: [UInt16], words: inout WordBoundaries
  ) {
    var slotOfID: [String: Int] = [:]
    var absorbed: [Int] = []
    for index in mentions.indices where entities[mentions[index].entity].kind == .place {
      let end = Int(mentions[index].range.end)
      // Most places are followed by no institution: told by one unit.
      guard end < folded.count, institutionStarts.contains(folded[end]),
        let institution = institutions.first(where: { institution in
          end + institution.word.count <= folded.count
            && folded[end..<(end + institution.word.count)].elementsEqual(institution.word)
        })
      else { continue }
      let compoundEnd = end + institution.word.count
      if index + 1 < mentions.count, Int(mentions[index + 1].range.start) < compoundEnd {
        continue
      }
      // 美国卫生部长阿扎尔: the word is the start of a title, which ICU keeps whole.
      guard words.endsWord(at: compoundEnd) else { continue }
      var start = Int(mentions[index].range.start)
      var place = entities[mentions[index].entity]
      // 中国驻堪培拉大使馆: the country stationed there names the embassy, and gives its country.
      var stationedBy: Int?
      if index > 0, start > 0, units[start - 1] == EntityMatcher.stationedAt,
        Int(mentions[index - 1].range.end) == start - 1,
        entities[mentions[index - 1].entity].kind == .place
      {
        stationedBy = index - 1
        start = Int(mentions[index - 1].range.start)
        place = entities[mentions[index - 1].entity]
      }
      let id = GazetteerFile.organizations.derivedID(
        name: String(decodingUTF16: folded[start..<compoundEnd]))
      let slot: Int
      if let known = slotOfID[id] {
        slot = known
      } else {
        slot = entities.count
        slotOfID[id] = slot
        var properties = GraphProperties(capacity: 3)
        if case .string(let country)? = place.properties["iso2"] ?? place.properties["country"] {
          properties.appendInOrder("country", .string(country))
        }
        properties.appendInOrder("discovered", .string("place+institution"))
        properties.appendInOrder("kind", .string(institution.kind.rawValue))
        entities.append(
          EntityRecord(
            id: id, kind: .organization,
            name: String(decodingUTF16: units[start..<compoundEnd]), aliases: [],
            properties: properties))
      }
      mentions[index] = Mention(
        range: TextRange(start, compoundEnd), entity: slot, form: .name,
        evidence: "place+institution")
      if let stationedBy { absorbed.append(stationedBy) }
    }
    for index in absorbed.reversed() { mentions.remove(at: index) }
  }
  static let stationedAt = UInt16(0x9A7B)  // 驻

  /// Why a match is kept (`aligned`, `cut`, `title`), or nil when it cuts through a word.
  private func acceptance(
    of match: Match, in folded: [UInt16], _ buffer: UnsafeBufferPointer<UInt16>,
    words: inout WordBoundaries
  ) -> String? {
    switch evidence.verdict(start: match.start, end: match.end, units: folded, words: &words) {
    case .aligned: "aligned"
    case .acceptedCut: "cut"
    case .cutsWord(let side):
      // 总理李强调研: a title the person holds, right before, says the name is meant.
      side == .end && titleHolder(before: match.start, in: buffer, pattern: match.pattern) != nil
        ? "title" : nil
    }
  }

  /// Every automaton match in the folded text, with ICU's verdict on its edges: what `find`
  /// filters and `explain` prints.
  private func forEachCandidate(
    in folded: [UInt16], words: inout WordBoundaries,
    _ body: (Int, Int, Int, BoundaryEvidence.Verdict, UnsafeBufferPointer<UInt16>) -> Void
  ) {
    folded.withUnsafeBufferPointer { buffer in
      for start in 0..<buffer.count {
        index.automaton.forEachMatch(in: buffer, at: start) { length, pattern in
          let end = start + length
          let verdict = evidence.verdict(start: start, end: end, units: folded, words: &words)
          body(start, end, pattern, verdict, buffer)
        }
      }
    }
  }

  /// The candidate entity of `pattern` holding a role whose title ends right before `start`.
  func titleHolder(before start: Int, in folded: UnsafeBufferPointer<UInt16>, pattern: Int)
    -> Int32?
  {
    var titles: [String] = []
    index.titleAutomaton.forEachMatch(in: folded, endingAt: start, lowerBound: start - 24) {
      length, _ in
      titles.append(String(decodingUTF16: folded[(start - length)..<start]))
    }
    guard !titles.isEmpty else { return nil }
    for candidate in index.candidates[pattern] {
      let held = index.roles[Int(candidate.entity)]
      if held.contains(where: { role in titles.contains { $0.hasSuffix(role) || role.hasSuffix($0) }
      }) {
        return candidate.entity
      }
    }
    return nil
  }

  /// Picks one entity per match and lays out the document's entities in order of first mention.
  func resolve(_ matches: [Match], folded: [UInt16], published: String) -> (
    [EntityRecord], [Mention]
  ) {
    // The person a title before a match identifies, found once for both uses below.
    let holders: [Int32?] = folded.withUnsafeBufferPointer { buffer in
      matches.map { match in
        index.candidates[match.pattern].count > 1
          ? titleHolder(before: match.start, in: buffer, pattern: match.pattern) : nil
      }
    }
    // Entities the article names unambiguously claim the article's short forms first (克里 →
    // 约翰·克里 when 约翰·克里 appears); so do people a title identifies (英国首相约翰逊 names
    // Boris, not Lyndon, for the bare 约翰逊 that follows).
    // A sorted array, searched by halves: built and asked once an article, where a Set hashed.
    var named = holders.compactMap { $0 }
    for match in matches where index.candidates[match.pattern].count == 1 {
      named.append(index.candidates[match.pattern][0].entity)
    }
    named.sort()
    // The country the article is about: the one its unambiguous places name most often. An
    // article names few countries: counted in a list, each code compared as a String key is.
    var countryCounts: [(code: String, count: Int)] = []
    for match in matches {
      let candidates = index.candidates[match.pattern]
      guard candidates.count == 1, let code = index.countryCode[Int(candidates[0].entity)]
      else { continue }
      if let slot = countryCounts.firstIndex(where: { $0.code == code }) {
        countryCounts[slot].count += 1
      } else {
        countryCounts.append((code, 1))
      }
    }
    let country = countryCounts.max { ($0.count, $1.code) < ($1.count, $0.code) }?.code
    var entities: [EntityRecord] = []
    var position: [Int32: Int] = [:]
    var mentions: [Mention] = []
    // Counted once: a String counts its characters one by one.
    let publishedCount = published.count
    for (offset, (match, holder)) in zip(matches, holders).enumerated() {
      var candidates = index.candidates[match.pattern]
      // 英国外交部, 美国卫生部: a country right before an organisation's alias that leaves its
      // country out is its country; an organisation of another is a namesake the gazetteer
      // lacks. A full name keeps its own (美国哥伦比亚大学, 中国香港特别行政区政府).
      if offset > 0, matches[offset - 1].end == match.start,
        let qualifier = qualifyingCountry(matches[offset - 1])
      {
        let countries = candidates.map {
          $0.form == .name ? nil : countryOfOrganization($0.entity)
        }
        if !countries.contains(nil) {
          candidates = zip(candidates, countries).filter { $0.1 == qualifier }.map(\.0)
          if candidates.isEmpty { continue }
        }
      }
      let chosen = choose(
        match, among: candidates, holder: holder, named: named, country: country,
        published: published, publishedCount: publishedCount)
      let slot: Int
      if let existing = position[chosen.entity] {
        slot = existing
      } else {
        slot = entities.count
        position[chosen.entity] = slot
        entities.append(index.entities[Int(chosen.entity)])
      }
      mentions.append(
        Mention(
          range: TextRange(match.start, match.end), entity: slot, form: chosen.form,
          evidence: match.evidence))
    }
    return (entities, mentions)
  }

  /// The country code of a match that names only a country.
  private func qualifyingCountry(_ match: Match) -> String? {
    let candidates = index.candidates[match.pattern]
    guard candidates.count == 1 else { return nil }
    return index.countryCode[Int(candidates[0].entity)]
  }

  /// The country of an organisation the gazetteer gives one; nil for anything else.
  private func countryOfOrganization(_ entity: Int32) -> String? {
    let record = index.entities[Int(entity)]
    guard record.kind == .organization, case .string(let code)? = record.properties["country"],
      !code.isEmpty
    else { return nil }
    return code
  }

  private func choose(
    _ match: Match, among candidates: [EntityIndex.Candidate], holder: Int32?, named: [Int32],
    country: String?, published: String, publishedCount: Int
  ) -> EntityIndex.Candidate {
    if candidates.count == 1 { return candidates[0] }
    if let holder, let candidate = candidates.first(where: { $0.entity == holder }) {
      return candidate
    }
    // A canonical name before an alias before a short form (北京 the city's name over an alias
    // of 北平市; 华盛顿 the city over George Washington's short form); then places before
    // organisations before people; then prominence, raised for an entity the article names in
    // full, but not so much that a famous 特朗普 yields to a relative named once, and lowered as
    // much for one who had died before the article was published; among equals,
    // the article's own country (外交部 in a Taiwanese report is Taiwan's).
    func rank(_ candidate: EntityIndex.Candidate) -> (Int, Int, Double) {
      let form = candidate.form == .name ? 2 : candidate.form == .alias ? 1 : 0
      let kind: Int
      switch index.entities[Int(candidate.entity)].kind {
      case .place: kind = 2
      case .organization: kind = 1
      case .person: kind = 0
      }
      let prior =
        index.prominence[Int(candidate.entity)]
        + (EntityMatcher.sortedContains(named, candidate.entity) ? 0.5 : 0)
        - (diedBefore(published, count: publishedCount, entity: candidate.entity) ? 0.5 : 0)
      return (form, kind, prior)
    }
    // Read only between equal ranks: a lookup in the entity's properties hashes the key.
    func tieBreak(_ candidate: EntityIndex.Candidate) -> (Int, Int32) {
      let home =
        country != nil
          && index.entities[Int(candidate.entity)].properties["country"] == .string(country ?? "")
        ? 1 : 0
      return (home, -candidate.entity)
    }
    // Each candidate ranked once (`max(by:)` ranks two a comparison, and a rank counts the
    // characters of `published`) by (form, kind, prior, home, -entity) as a tuple compares,
    // the last two only where the first three are equal; the first of equal ranks wins, as
    // with `max(by:)`.
    let ranks = candidates.map(rank)
    var best = 0
    for position in ranks.indices.dropFirst() {
      let better =
        ranks[best] != ranks[position]
        ? ranks[best] < ranks[position]
        : tieBreak(candidates[best]) < tieBreak(candidates[position])
      if better { best = position }
    }
    return candidates[best]
  }

  /// Whether `sorted` (ascending) holds `entity`.
  static func sortedContains(_ sorted: [Int32], _ entity: Int32) -> Bool {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) >> 1
      if sorted[middle] < entity { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count && sorted[low] == entity
  }

  /// Whether the gazetteer says `entity` had died before `published`: a bare 约翰逊 in a 2020
  /// article is not Lyndon Johnson (died 1973) unless the article names him in full.
  func diedBefore(_ published: String, count publishedCount: Int, entity: Int32) -> Bool {
    let died = index.died[Int(entity)]
    guard !died.isEmpty, publishedCount >= died.count else { return false }
    return died < published.prefix(died.count)
  }

  /// Every candidate match at every position with the verdict on it, and the chosen mentions:
  /// what `quotegraph gazetteer lookup` prints.
  public func explain(_ units: [UInt16], words: inout WordBoundaries) -> [String] {
    var lines: [String] = []
    forEachCandidate(in: index.fold(units), words: &words) {
      start, end, pattern, verdict, buffer in
      let surface = String(decodingUTF16: units[start..<end])
      let who = index.candidates[pattern].map { candidate in
        let entity = index.entities[Int(candidate.entity)]
        return "\(entity.name) (\(entity.kind.rawValue), \(candidate.form.rawValue), \(entity.id))"
      }.joined(separator: "; ")
      let title = titleHolder(before: start, in: buffer, pattern: pattern) != nil
      lines.append(
        "candidate [\(start),\(end)) \(surface): \(verdict)\(title ? ", after a title the person holds" : "") → \(who)"
      )
    }
    return lines
  }
}
