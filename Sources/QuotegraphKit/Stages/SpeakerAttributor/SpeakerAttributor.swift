/// Resolves each statement's speaker clue to an entity of the article: a name to its entity; a
/// pronoun (他, 该官员) to the speaker of the statement before it in the paragraph, else the
/// nearest person named before it outside quoted or reported words (他们 to an organisation,
/// not an outlet, speaking before, or nobody); a bare title (外交部发言人) to the person the article named
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
    let window = try options.int("pronoun_paragraphs") ?? 2
    guard window >= 0 else { throw options.invalid("pronoun_paragraphs", "must be 0 or more") }
    self.init(pronounParagraphs: window)
  }

  public func process(_ document: inout Document) throws(QuotegraphError) {
    let text = document.text
    for index in document.statements.indices {
      var statement = document.statements[index]
      let previous = index > 0 ? document.statements[index - 1] : nil
      switch statement.clue {
      case .mention(let mention):
        let found = document.mentions[mention]
        statement.speaker = found.entity
        statement.speakerText = text[found.range]
        statement.speakerRange = found.range
        statement.resolution = found.form == .name ? .name : .alias
      case .pronoun(let range):
        statement.speakerText = text[range]
        statement.speakerRange = range
        statement.resolution = .pronoun
        statement.speaker = antecedent(of: range, previous: previous, in: document)
      case .title(let range, let organization):
        statement.speakerText = text[range]
        statement.speakerRange = range
        statement.resolution = .title
        statement.speaker =
          titleHolder(text[range], before: range, in: document)
          ?? organization.map { document.mentions[$0].entity }
      case .previous:
        statement.speaker = previous?.speaker
        statement.speakerText = previous?.speakerText ?? ""
        statement.resolution =
          previous?.resolution == .name || previous?.resolution == .alias
          ? .pronoun : previous?.resolution
      }
      document.statements[index] = statement
    }
    document.layers.insert(.speakers)
  }

  /// The previous statement's speaker when it is in the same or the paragraph before; else the
  /// nearest person mentioned before the pronoun within the window. A plural pronoun (他们,
  /// 她们) is no one person: it is the previous statement's organisation, or nobody.
  func antecedent(of range: TextRange, previous: Statement?, in document: Document) -> Int? {
    let paragraph =
      document.sentenceIndex(containing: range.start).map {
        Int(document.sentences[$0].paragraph)
      } ?? 0
    let isPlural = document.text.units[Int(range.end) - 1] == SpeakerAttributor.pluralMark
    // An outlet reports about others: 他们 after one is the people of its report.
    if let previous, let speaker = previous.speaker,
      document.entities[speaker].kind == (isPlural ? .organization : .person),
      !(isPlural
        && document.entities[speaker].properties["kind"]
          == .string(OrganizationKind.media.rawValue)),
      paragraph - Int(document.sentences[previous.sentence].paragraph) <= 1
    {
      return speaker
    }
    guard !isPlural else { return nil }
    let earliest = document.paragraphs[max(0, paragraph - pronounParagraphs)].range.start
    // People named inside quoted or reported words are talked about, not talking.
    let spoken = document.statements.map(\.content) + document.quotations.map(\.range)
    let person = document.mentions.last { mention in
      mention.range.end <= range.start && mention.range.start >= earliest
        && document.entities[mention.entity].kind == .person
        && !spoken.contains { $0.contains(mention.range) }
    }
    return person?.entity
  }

  /// A person the article names right after the same title (外交部发言人汪文斌 … 该发言人 …).
  func titleHolder(_ title: String, before range: TextRange, in document: Document) -> Int? {
    let units = document.text.units
    let titleUnits = Array(title.utf16)
    let holder = document.mentions.last { mention in
      guard document.entities[mention.entity].kind == .person, mention.range.start < range.start
      else {
        return false
      }
      let start = Int(mention.range.start)
      return start >= titleUnits.count
        && Array(units[(start - titleUnits.count)..<start]) == titleUnits
    }
    return holder?.entity
  }
}
