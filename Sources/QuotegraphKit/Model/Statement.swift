/// Something an article reports someone said: what (the content span), how (the cue and the
/// kind), who (a speaker, resolved by `quote.attribute.v1`), to whom and through whom.
public struct Statement: Sendable, Equatable {
  public enum Kind: String, Sendable {
    /// The content is a quotation: “我们有能力在气候方面做出改变。”
    case direct
    /// Reported speech: 克里称希望重建信任。
    case indirect
    /// Reported speech holding quoted words: 气候变化是一个“普遍威胁”。
    case mixed
  }

  /// What the finder saw in the speaker's place, for the attributor to resolve.
  public enum SpeakerClue: Sendable, Equatable {
    /// A matched name: index into `Document.mentions`.
    case mention(Int)
    /// 他, 她, 该官员 …, at this range.
    case pronoun(TextRange)
    /// A bare title (外交部发言人) at this range, with the organisation mention inside it.
    case title(TextRange, organization: Int?)
    /// No subject: the speaker of the statement before, in the same paragraph (克里承认…，表示…).
    case previous
  }

  /// How the speaker was found, as the spec's `resolution` property names it.
  public enum Resolution: String, Sendable {
    case name, alias, pronoun, title
  }

  public var content: TextRange
  public var kind: Kind
  /// The cue as written (表示, 报道称, 据…称).
  public var cue: String
  public var cueRange: TextRange
  /// say, state, believe, demand or report (`cues.tsv`).
  public var cueClass: String
  public var clue: SpeakerClue
  /// Mention index of the addressee (据克里对韩正说 → 韩正).
  public var addressee: Int?
  /// Mention index of the outlet relaying it (据路透社，韩正表示 → 路透社).
  public var reportedBy: Int?
  public var sentence: Int
  /// The frame that found it: provenance for users and for debugging.
  public var frame: String
  public var confidence: Double
  /// Index into `Document.entities`, once attributed.
  public var speaker: Int?
  public var speakerText: String
  /// Where the speaker stands in the text (the name, pronoun or title), when it does.
  public var speakerRange: TextRange?
  public var resolution: Resolution?

  public init(
    content: TextRange, kind: Kind, cue: String, cueRange: TextRange, cueClass: String,
    clue: SpeakerClue, addressee: Int? = nil, reportedBy: Int? = nil, sentence: Int,
    frame: String, confidence: Double
  ) {
    self.content = content
    self.kind = kind
    self.cue = cue
    self.cueRange = cueRange
    self.cueClass = cueClass
    self.clue = clue
    self.addressee = addressee
    self.reportedBy = reportedBy
    self.sentence = sentence
    self.frame = frame
    self.confidence = confidence
    self.speaker = nil
    self.speakerText = ""
    self.speakerRange = nil
    self.resolution = nil
  }
}
