/// Rules for turning a source's surface forms into gazetteer names and aliases.
public enum NameCleaning {
  public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
    default: return false
    }
  }

  public static func hasHan(_ text: String) -> Bool { text.unicodeScalars.contains(where: isHan) }

  /// Drops a trailing disambiguation (`李强 (1959年)` → `李强`), spaces next to Han characters
  /// (`王　毅` → `王毅`), and surrounding spaces. Nil for forms that are not names: empty, or
  /// holding quotation marks or brackets (`“文化大革命”`, `《…》`).
  public static func clean(_ raw: String) -> String? {
    var text = Substring(raw)
    if let open = text.firstIndex(where: { $0 == "(" || $0 == "（" }), open != text.startIndex {
      text = text[..<open]
    }
    let scalars = Array(text.unicodeScalars)
    var kept = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      if scalar == " " || scalar == "\u{3000}" {
        let before = index > 0 ? scalars[index - 1] : " "
        let after = index + 1 < scalars.count ? scalars[index + 1] : " "
        if isHan(before) || isHan(after) || before == " " || after == " " { continue }
      }
      kept.append(scalar)
    }
    let name = String(kept).trimmingCharacters(in: " \u{3000}")
    guard !name.isEmpty,
      !name.contains(where: { "“”\"‘’'《》〈〉「」『』()（）[]【】".contains($0) })
    else { return nil }
    return name
  }

  /// Whether an alias plausibly names the same thing as `canonical`: it shares a Han character
  /// with it. This keeps script variants and partial names and drops the nicknames and slurs
  /// that Wikipedia redirects bring in (毛 → B-52, 润之).
  public static func sharesHan(_ alias: String, with canonical: String) -> Bool {
    let canonicalHan = Set(canonical.unicodeScalars.filter(isHan))
    return alias.unicodeScalars.contains { isHan($0) && canonicalHan.contains($0) }
  }

  /// The usual short form of a transliterated foreign name: the part after the last middle
  /// dot (南希·佩洛西 → 佩洛西), when it is at least two Han characters.
  public static func shortForm(of name: String) -> String? {
    guard let dot = name.lastIndex(of: "·") else { return nil }
    let tail = String(name[name.index(after: dot)...])
    return tail.unicodeScalars.filter(isHan).count >= 2 ? tail : nil
  }

  /// Items in first-seen order without repeats or empties.
  public static func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}
