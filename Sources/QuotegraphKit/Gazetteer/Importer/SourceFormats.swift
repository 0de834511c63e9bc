/// Parsers for the formats of `../shared/gazetteer-sources`: pure functions from file text to
/// values, each tested on a few inline lines.
public enum SourceFormats {
  /// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. A leading
  /// byte-order mark is dropped; lines may end in LF, CRLF or a bare CR (CPED uses CR).
  public static func csv(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var iterator = scalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func endRecord() {
      record.append(field)
      field = ""
      if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
      record = []
    }
    while let scalar = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          if let next = iterator.next() {
            if next == "\"" {
              field.unicodeScalars.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty: quoted = true
      case ",":
        record.append(field)
        field = ""
      case "\r":
        endRecord()
        if let next = iterator.next(), next != "\n" { pending = next }
      case "\n": endRecord()
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !record.isEmpty { endRecord() }
    return records
  }

  /// CSV records as dictionaries keyed by the header row. Where a header repeats a name the
  /// first column keeps it.
  public static func csvTable(_ text: String) -> [[String: String]] {
    let records = csv(text)
    guard let header = records.first else { return [] }
    return records.dropFirst().map { record in
      var row: [String: String] = [:]
      for (index, name) in header.enumerated() where index < record.count && row[name] == nil {
        row[name] = record[index]
      }
      return row
    }
  }

  /// A CEDICT line `繁體 简体 [pin1 yin1] /gloss 1/gloss 2/`.
  public struct DictionaryEntry: Equatable, Sendable {
    public var traditional: String
    public var simplified: String
    public var pinyin: String
    public var glosses: [String]
  }

  public static func cedict(_ text: String) -> [DictionaryEntry] {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      guard !line.hasPrefix("#"), let open = line.firstIndex(of: "["),
        let close = line.firstIndex(of: "]"), open < close,
        let slash = line[close...].firstIndex(of: "/")
      else { return nil }
      let forms = line[..<open].split(separator: " ")
      guard forms.count == 2 else { return nil }
      let glosses = line[slash...].split(separator: "/").map {
        $0.trimmingCharacters(in: " ")
      }.filter { !$0.isEmpty }
      return DictionaryEntry(
        traditional: String(forms[0]).replacingUnderscores,
        simplified: String(forms[1]).replacingUnderscores,
        pinyin: String(line[line.index(after: open)..<close]), glosses: glosses)
    }
  }

  /// CedPane's `PD-English-Definitions.tsv`: `word \t pinyin \t gloss`; the first gloss of a
  /// word wins.
  public static func englishDefinitions(_ text: String) -> [String: String] {
    var glosses: [String: String] = [:]
    for line in text.split(whereSeparator: \.isNewline) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 3, !fields[0].isEmpty, !fields[2].isEmpty else { continue }
      let word = String(fields[0])
      if glosses[word] == nil { glosses[word] = String(fields[2]) }
    }
    return glosses
  }

  /// OpenCC `TSCharacters.txt`: `traditional \t simplified [alternatives…]`. Keeps the first
  /// simplified candidate where it differs from the traditional character.
  public static func openCCCharacters(_ text: String) -> [(traditional: String, simplified: String)]
  {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t")
      guard fields.count == 2, let first = fields[1].split(separator: " ").first,
        first != fields[0]
      else { return nil }
      return (String(fields[0]), String(first))
    }
  }

  /// HIT Cilin (extended): `Hi12A01= 讲话 说话 …`; the code's last character is `=`, `#` or `@`.
  public static func cilin(_ text: String) -> [(code: String, words: [String])] {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      let parts = line.split(separator: " ")
      guard let code = parts.first, code.count == 8 else { return nil }
      return (String(code), parts.dropFirst().map(String.init))
    }
  }

  /// HowNet's claim-word list: a `#` heading per group, then one word per line.
  public static func wordList(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      let word = line.trimmingCharacters(in: " \t")
      return word.isEmpty || word.hasPrefix("#") ? nil : word
    }
  }

  /// `say_words.txt`: `word score`; a line with no score counts as 1.
  public static func scoredWords(_ text: String) -> [(word: String, score: Double)] {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard let word = fields.first else { return nil }
      let score = fields.count > 1 ? Double(fields[1]) ?? 0 : 1
      return (String(word), score)
    }
  }
}

extension StringProtocol {
  func trimmingCharacters(in set: String) -> String {
    let trimmed = drop(while: { set.contains($0) })
    var end = trimmed.endIndex
    while end > trimmed.startIndex, set.contains(trimmed[trimmed.index(before: end)]) {
      end = trimmed.index(before: end)
    }
    return String(trimmed[..<end])
  }
}

extension String {
  /// ChinaScribe marks word boundaries with `_`; the names themselves have none.
  var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
