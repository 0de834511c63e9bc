import ICUText

/// Text laid out in terminal columns, where 汉字 and full-width punctuation take two columns.
enum TerminalText {
  /// Text from an article made safe to print: control characters (an escape sequence could
  /// recolour or retitle the terminal) and line breaks become spaces, bidirectional overrides
  /// are dropped, runs of spaces collapse.
  static func clean(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    var lastWasSpace = true
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { continue }
      let isSpace =
        value < 0x20 || (0x7F...0x9F).contains(value) || scalar == " " || value == 0x2028
        || value == 0x2029
      if isSpace {
        if !lastWasSpace { output.append(" ") }
        lastWasSpace = true
      } else {
        output.append(scalar)
        lastWasSpace = false
      }
    }
    if output.last == " " { output.removeLast() }
    return String(output)
  }

  static func width(_ text: some StringProtocol) -> Int { DisplayWidth.of(text) }

  /// The text cut to at most `columns`, ending in … when cut.
  static func truncate(_ text: String, to columns: Int) -> String {
    guard width(text) > columns else { return text }
    var output = String.UnicodeScalarView()
    var used = 0
    for scalar in text.unicodeScalars {
      let w = DisplayWidth.of(scalar)
      if used + w > columns - 1 { break }
      output.append(scalar)
      used += w
    }
    return String(output) + "…"
  }

  /// The text padded with spaces to exactly `columns` (cut first when wider).
  static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
    let cut = truncate(text, to: columns)
    let fill = String(repeating: " ", count: max(0, columns - width(cut)))
    return right ? fill + cut : cut + fill
  }

  /// Closing punctuation that may not start a line (kinsoku): it stays with what it closes.
  static let noLineStart: Set<Unicode.Scalar> = Set("，。、；：！？）」』》〉】”’…,.;:!?)]}".unicodeScalars)

  /// Greedy wrapping to `columns`: a line may break between any two CJK characters and at
  /// spaces between Latin words; a word longer than a line is split.
  typealias Piece = (text: String, width: Int, spaceBefore: Bool)

  static func closes(_ piece: Piece) -> Bool {
    piece.text.unicodeScalars.first.map(noLineStart.contains) ?? false
  }

  static func wrap(_ text: String, columns: Int) -> [String] {
    let columns = max(columns, 4)
    var pieces: [Piece] = []
    var word = String.UnicodeScalarView()
    var wordWidth = 0
    var spaceBefore = false
    func flush() {
      guard !word.isEmpty else { return }
      pieces.append((String(word), wordWidth, spaceBefore))
      word = String.UnicodeScalarView()
      wordWidth = 0
      spaceBefore = false
    }
    for scalar in text.unicodeScalars {
      let w = DisplayWidth.of(scalar)
      if scalar == " " {
        flush()
        spaceBefore = true
      } else if w == 2 || noLineStart.contains(scalar) && !scalar.isASCII {
        flush()
        pieces.append((String(scalar), w, spaceBefore))
        spaceBefore = false
      } else {
        word.append(scalar)
        wordWidth += w
        if wordWidth >= columns {
          flush()
        }
      }
    }
    flush()

    var lines: [[Piece]] = [[]]
    var used = 0
    for piece in pieces {
      let gap = lines[lines.count - 1].isEmpty || !piece.spaceBefore ? 0 : 1
      if used + gap + piece.width <= columns {
        lines[lines.count - 1].append(piece)
        used += gap + piece.width
        continue
      }
      // Closing punctuation takes the piece it closes (and any punctuation between) along.
      var carried: [Piece] = []
      if Self.closes(piece) {
        var line = lines[lines.count - 1]
        var candidate: [Piece] = []
        while line.count > 1 {
          candidate.insert(line.removeLast(), at: 0)
          if !Self.closes(candidate[0]) { break }
        }
        if let first = candidate.first, !Self.closes(first),
          candidate.reduce(piece.width + candidate.count, { $0 + $1.width }) <= columns
        {
          lines[lines.count - 1] = line
          carried = candidate
        }
      }
      lines.append(carried + [piece])
      used = lines[lines.count - 1].enumerated().reduce(0) {
        $0 + $1.element.width + ($1.offset > 0 && $1.element.spaceBefore ? 1 : 0)
      }
    }
    return lines.filter { !$0.isEmpty }.map { line in
      line.enumerated().map {
        ($0.offset > 0 && $0.element.spaceBefore ? " " : "") + $0.element.text
      }
      .joined()
    }
  }
}
