/// Evidence from the words beside a name that it names a club, a place or a thing (issue 4):
/// kept apart from `process`, which calls it.
extension PersonFinder {
  /// Whether a sport word ends at `start` or starts at `end`.
  func touchesSportWord(_ start: Int, _ end: Int, _ units: [UInt16]) -> Bool {
    words.sport.end(at: start, in: units) || words.sport.start(at: end, in: units)
  }

  /// Drops, in one pass after the classifier (so that the candidates it learns from are those
  /// it weighs), the candidates the words beside them show to be no name: clubs, places in
  /// words, surnames ending words and names that are or cut a common word.
  func dropNamesOfThings(
    _ candidates: inout [Candidate], in units: [UInt16], words wordBreaks: inout WordBoundaries
  ) {
    // In place, and by a loop: a filtered copy copied every candidate, and a closure asking
    // these methods copied the whole stage into its context once a document.
    var kept = 0
    for index in candidates.indices {
      let candidate = candidates[index]
      if isClub(candidate, units) || isPlaceInWord(candidate, units)
        || isSurnameEndingWord(candidate, units, &wordBreaks)
        || data.overlapsCommonWord(Int(candidate.range.start), Int(candidate.range.end), in: units)
      {
        continue
      }
      candidates[kept] = candidate
      kept += 1
    }
    candidates.removeLast(candidates.count - kept)
  }

  /// Whether `candidate` is a transliteration a `sport_words` word touches (主场|博洛尼亚,
  /// 乌迪内斯|坐镇, 对阵|埃弗顿): there it names a club. Chinese names stay (the players of
  /// People's Daily's reports).
  func isClub(_ candidate: Candidate, _ units: [UInt16]) -> Bool {
    !settings.sportWords.isEmpty && candidate.method == "transliteration"
      && touchesSportWord(Int(candidate.range.start), Int(candidate.range.end), units)
  }

  /// Whether `candidate` is three characters, a word of `name-traps.tsv` and a `localizers`
  /// character (在文章|中说, 房子|裡): the word's place or time, not a name.
  func isPlaceInWord(_ candidate: Candidate, _ units: [UInt16]) -> Bool {
    let start = Int(candidate.range.start)
    let end = Int(candidate.range.end)
    return end - start == 3 && !settings.localizers.isEmpty
      && candidate.method == "surname-model"
      && words.localizers.start(at: end - 1, in: units, endingWhere: { $0 == end })
      && data.trapWords.contains(units[start..<(end - 1)])
  }

  /// Whether `candidate` is a bare surname that ends a word with the character before:
  /// 现任|总统 (ICU's word 现任), 时任|副总统 (时任, a word of `name-traps.tsv`): 任 is no
  /// surname there.
  func isSurnameEndingWord(
    _ candidate: Candidate, _ units: [UInt16], _ wordBreaks: inout WordBoundaries
  ) -> Bool {
    let start = Int(candidate.range.start)
    guard start > 0, isBareSurname(candidate, units) else { return false }
    return data.trapWords.contains(units[(start - 1)..<Int(candidate.range.end)])
      || !wordBreaks.startsWord(at: start)
  }

  /// Drops the gazetteer people's mentions followed by a `not_person_after` word that ICU
  /// reads as ending a word and that starts no title (格拉斯|小镇, 贝尔|公司, 中山|市, 洛克|岛,
  /// 肯尼迪|航天中心): the name is a place's or a thing's. Not where the word is only the start
  /// of ICU's next word (邓小平|镇压, 邓小平|路线). Discovered candidates meet `not_name_after`.
  /// Drops too those cutting a common word (高新|技术 of the gazetteer's 高新).
  /// Returns where the dropped names stood: no discovered name may cut them (李嘉 of
  /// 李嘉诚|基金会).
  func droppingNamesOfThings(_ document: inout Document) -> [TextRange] {
    let units = document.text.units
    var wordBreaks = document.words
    let entities = document.entities
    // The words by their units through an automaton: a String made and hashed for each
    // length after each mention was 20 M instructions on the 99-article sample.
    var things: [TextRange] = []
    document.mentions.removeAll { mention in
      let start = Int(mention.range.start)
      let end = Int(mention.range.end)
      guard entities[mention.entity].kind == .person else { return false }
      if data.overlapsCommonWord(start, end, in: units, beingOne: false) { return true }
      let namesThing =
        !settings.notPersonAfter.isEmpty
        && words.notPersonAfter.start(
          at: end, in: units, endingWhere: { wordBreaks.endsWord(at: $0) })
        && data.titleEnd(startingAt: end, in: units, limit: units.count) == nil
      if namesThing { things.append(mention.range) }
      return namesThing
    }
    document.words = wordBreaks
    return things
  }
}
