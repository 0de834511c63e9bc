/// Jekyll front matter as the archivers wrote it: `key: value` lines between `---` lines.
/// Read line by line rather than as YAML because real files carry values YAML rejects
/// (unescaped quotes, stray colons), and one bad title must not cost the article.
public struct FrontMatter: Equatable, Sendable {
  public var fields: [String: String] = [:]
  /// 1-based line of the closing `---`.
  public var closingLine: Int = 0

  public subscript(key: String) -> String? {
    guard let value = fields[key], !value.isEmpty else { return nil }
    return value
  }

  /// The first item of a `[ a, b ]` list field such as `categories`.
  public func firstListItem(_ key: String) -> String? {
    guard var value = self[key] else { return nil }
    if value.hasPrefix("[") && value.hasSuffix("]") {
      value = String(value.dropFirst().dropLast())
    }
    let first = value.split(separator: ",").first.map { FrontMatter.unquote(String($0)) }
    return first.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Parses `lines[0]` == `---` up to the closing `---`; returns nil when `lines` does not
  /// open with front matter.
  static func parse(_ lines: [Substring]) throws(QuotegraphError) -> FrontMatter? {
    guard let first = lines.first, first.trimmingASCIISpaces() == "---" else { return nil }
    var matter = FrontMatter()
    for (index, line) in lines.enumerated().dropFirst() {
      if line.trimmingASCIISpaces() == "---" {
        matter.closingLine = index + 1
        return matter
      }
      guard let (colon, afterColon) = FrontMatter.firstColon(in: line) else { continue }
      let key = line[..<colon].trimmingASCIISpaces()
      guard !key.isEmpty, !FrontMatter.containsSpace(key) else { continue }
      let value = line[afterColon...].trimmingASCIISpaces()
      matter.fields[String(key)] = unquote(String(value))
    }
    throw QuotegraphError(
      "input.front-matter", "front matter opened by `---` on line 1 is never closed", line: 1)
  }

  /// The first Character `:` of the line and the index after it. Found among the bytes when
  /// what stands before the colon is ASCII without CR and what follows it is ASCII (keys are,
  /// and a space follows): then each of those bytes is a Character, and nothing joins the
  /// colon. Searching Characters broke every key's graphemes.
  static func firstColon(in line: Substring) -> (Substring.Index, Substring.Index)? {
    let bytes = line.utf8
    if let colon = bytes.firstIndex(of: 0x3A),
      bytes[..<colon].allSatisfy({ $0 < 0x80 && $0 != 0x0D })
    {
      let after = bytes.index(after: colon)
      if after == bytes.endIndex || bytes[after] < 0x80 { return (colon, after) }
    }
    guard let colon = line.firstIndex(of: ":") else { return nil }
    return (colon, line.index(after: colon))
  }

  /// `key.contains(" ")`, answered from the bytes when the key is ASCII (keys are): the
  /// Foundation search cost as much as the rest of the line.
  static func containsSpace(_ key: Substring) -> Bool {
    key.utf8.allSatisfy { $0 < 0x80 } ? key.utf8.contains(0x20) : key.contains(" ")
  }

  /// Strips one pair of surrounding quotes and undoes the `\"` and `\\` escapes inside.
  static func unquote(_ raw: String) -> String {
    let value = raw.trimmingASCIISpaces()
    let bytes = value.utf8
    // The edges read from the bytes where they decide (breaking graphemes at both ends cost
    // more than the rest): a value not opening with a quote byte opens with no quote
    // Character, and a quote byte beside an ASCII byte is a Character of its own.
    guard let firstByte = bytes.first else { return "" }
    if firstByte != UInt8(ascii: "\"") && firstByte != UInt8(ascii: "'") { return String(value) }
    let first: Character
    let inner: Substring
    if bytes.count >= 2, bytes[bytes.index(after: bytes.startIndex)] < 0x80,
      bytes[bytes.index(before: bytes.endIndex)] < 0x80,
      bytes[bytes.index(bytes.endIndex, offsetBy: -2)] < 0x80
    {
      guard bytes.last == firstByte else { return String(value) }
      first = Character(Unicode.Scalar(firstByte))
      inner = value[bytes.index(after: bytes.startIndex)..<bytes.index(before: bytes.endIndex)]
    } else {
      guard let character = value.first, value.index(after: value.startIndex) < value.endIndex,
        character == value.last, character == "\"" || character == "'"
      else { return String(value) }
      first = character
      inner = value.dropFirst().dropLast()
    }
    guard first == "\"" else { return String(inner).replacing("''", with: "'") }
    // Without a backslash nothing is escaped: the Character loop below would copy it whole.
    if !inner.utf8.contains(0x5C) { return String(inner) }
    var result = ""
    var escaping = false
    for character in inner {
      if escaping {
        switch character {
        case "n": result.append("\n")
        case "t": result.append("\t")
        default: result.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}

extension StringProtocol where UTF8View: BidirectionalCollection, UTF8View.Index == Index {
  /// Trims ASCII spaces, tabs and carriage returns from both ends.
  ///
  /// Trimmed as Characters (a space carrying a combining mark stays, and so does the `\r` of
  /// `\r\n`), but read as UTF-8 bytes while the neighbours are ASCII and so cannot join the
  /// space into a longer Character: breaking graphemes cost more than parsing the header.
  func trimmingASCIISpaces() -> SubSequence {
    let bytes = utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    while start < end, isSpace(bytes[start]) {
      let next = bytes.index(after: start)
      if next < end && (bytes[next] >= 0x80 || (bytes[start] == 0x0D && bytes[next] == 0x0A)) {
        return trimmingASCIISpacesByCharacter()
      }
      start = next
    }
    while end > start {
      let last = bytes.index(before: end)
      guard isSpace(bytes[last]) else { break }
      if last > start && bytes[bytes.index(before: last)] >= 0x80 {
        return trimmingASCIISpacesByCharacter()
      }
      end = last
    }
    return self[start..<end]
  }

}

extension StringProtocol {
  fileprivate func trimmingASCIISpacesByCharacter() -> SubSequence {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == " " || self[start] == "\t" || self[start] == "\r" {
      start = index(after: start)
    }
    while end > start {
      let before = index(before: end)
      guard self[before] == " " || self[before] == "\t" || self[before] == "\r" else { break }
      end = before
    }
    return self[start..<end]
  }

}
