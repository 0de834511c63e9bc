/// Whether a gazetteer match agrees with ICU's word boundaries. ICU splits most names into
/// single characters, so a name spanning several tokens is normal; what is suspicious is a
/// match whose edge cuts through a dictionary word: 克里 in 克里姆林宫, 李强 in 李|强调. ICU also
/// glues a name's last character to a following word (韩|正在 for 韩正 在), so a cut is accepted
/// when the rest of the word is one of the `followers` (在, 是, 说 …) — and likewise at the start
/// with `leaders` (对, 与 …).
public struct BoundaryEvidence: Sendable {
  public let followers: Set<String>
  public let leaders: Set<String>

  public init(followers: Set<String>, leaders: Set<String>) {
    self.followers = followers
    self.leaders = leaders
  }

  /// For each UTF-16 offset, the index of the token covering it, or -1.
  public static func tokenIndex(of tokens: [Token], length: Int) -> [Int32] {
    var index = [Int32](repeating: -1, count: length)
    for (i, token) in tokens.enumerated() {
      for offset in token.range.range where offset < length { index[offset] = Int32(i) }
    }
    return index
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

  public func verdict(
    start: Int, end: Int, units: [UInt16], tokens: [Token], tokenIndex: [Int32]
  ) -> Verdict {
    var verdict = Verdict.aligned
    let first = tokenIndex[start]
    if first >= 0 {
      let token = tokens[Int(first)].range
      if Int(token.start) < start {
        let head = String(decodingUTF16: units[Int(token.start)..<start])
        guard leaders.contains(head) else { return .cutsWord(side: .start) }
        verdict = .acceptedCut
      }
    }
    let last = tokenIndex[end - 1]
    if last >= 0 {
      let token = tokens[Int(last)].range
      if Int(token.end) > end {
        let tail = String(decodingUTF16: units[end..<Int(token.end)])
        guard followers.contains(tail) else { return .cutsWord(side: .end) }
        verdict = .acceptedCut
      }
    }
    return verdict
  }
}
