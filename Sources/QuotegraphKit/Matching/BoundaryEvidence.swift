/// Whether a gazetteer match agrees with ICU's word boundaries. ICU splits most names into
/// single characters, so a name spanning several tokens is normal; what is suspicious is a
/// match whose edge cuts through a dictionary word: 克里 in 克里姆林宫, 李强 in 李|强调. ICU also
/// glues a name's last character to a following word (韩|正在 for 韩正 在), so a cut is accepted
/// when the rest of the word is one of the `followers` (在, 是, 说 …) — and likewise at the start
/// with `leaders` (对, 与 …).
public struct BoundaryEvidence: Sendable {
  public let followers: Set<String>
  public let leaders: Set<String>

  /// The same words, looked up by the units of the text without making a string: the
  /// matcher and person discovery ask at every edge that cuts a word.
  private let followerWords: UnitWordSet
  private let leaderWords: UnitWordSet

  public init(followers: Set<String>, leaders: Set<String>) {
    self.followers = followers
    self.leaders = leaders
    followerWords = UnitWordSet(followers)
    leaderWords = UnitWordSet(leaders)
  }

  public enum Verdict: Equatable, Sendable, CustomStringConvertible {
    case aligned
    /// The edge cuts a token but the cut-off part is a follower or leader.
    case acceptedCut
    /// The edge cuts through a word: not this name.
    case cutsWord(side: Side)

    public var description: String {
      switch self {
      case .aligned: "aligned with ICU's boundaries"
      case .acceptedCut: "cuts an ICU word, leaving a boundary word"
      case .cutsWord(let side): "cuts through a word at its \(side.rawValue): refused"
      }
    }
  }

  public enum Side: String, Sendable { case start, end }

  public func verdict(start: Int, end: Int, units: [UInt16], words: inout WordBoundaries)
    -> Verdict
  {
    var verdict = Verdict.aligned
    if words.joins(at: start), let token = words.range(at: start) {
      guard leaderWords.contains(units[Int(token.start)..<start]) else {
        return .cutsWord(side: .start)
      }
      verdict = .acceptedCut
    }
    if words.joins(at: end), let token = words.range(at: end - 1) {
      guard followerWords.contains(units[end..<Int(token.end)]) else {
        return .cutsWord(side: .end)
      }
      verdict = .acceptedCut
    }
    return verdict
  }
}
