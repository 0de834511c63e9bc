import CICUShim

/// How many terminal columns text takes: East Asian Wide and Fullwidth characters (汉字, ，, ＡＢ)
/// take two, combining marks and format characters none, everything else one. Ambiguous
/// characters (“ ” · …) count as one, as terminals outside CJK locales draw them.
public enum DisplayWidth {
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x7F { return value < 0x20 ? 0 : 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    // The soft hyphen is the one format character terminals draw.
    case .format: return value == 0xAD ? 1 : 0
    case .control: return 0
    default: break
    }
    // Hangul medial vowels and final consonants join the preceding initial.
    if (0x1160...0x11FF).contains(value) { return 0 }
    switch qg_east_asian_width(value) {
    case 3, 5: return 2
    default: return 1
    }
  }

  public static func of(_ text: some StringProtocol) -> Int {
    var width = 0
    for scalar in text.unicodeScalars { width += of(scalar) }
    return width
  }
}
