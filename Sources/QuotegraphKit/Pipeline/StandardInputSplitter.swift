#if canImport(Glibc)
  import Glibc
#endif

/// Splits a stream on standard input into articles as it arrives, so `extract -` works as a
/// Spark `RDD.pipe` or Hadoop Streaming command. Two forms, told apart by the first byte:
/// JSON lines `{"source": …, "content": …}`, or articles in the seed format written one after
/// another (a new article starts at its front matter's `---` or its `<!--ms-->` line). A lone
/// article keeps the source `-`; several are `-#1`, `-#2` …
public final class StandardInputSplitter {
  private var lines: LineReader
  private let maxArticleBytes: Int
  private var mode: Mode?
  private var articleNumber = 0
  private var pending: InputUnit?
  private var current = ArticleAccumulator()
  private var finished = false

  enum Mode { case jsonLines, articles }

  public init(descriptor: Int32, maxArticleBytes: Int) {
    self.lines = LineReader(descriptor: descriptor, maxLineBytes: maxArticleBytes + 4096)
    self.maxArticleBytes = maxArticleBytes
  }

  /// For tests: split bytes already in memory.
  init(bytes: [UInt8], maxArticleBytes: Int) {
    self.lines = LineReader(bytes: bytes, maxLineBytes: maxArticleBytes + 4096)
    self.maxArticleBytes = maxArticleBytes
  }

  public func next() -> InputUnit? {
    while !finished {
      guard let line = lines.next() else {
        finished = true
        if mode == .articles, !current.isBlank {
          return emit(current, last: true)
        }
        return nil
      }
      if mode == nil {
        guard let first = line.bytes.first(where: { !Self.isSpace($0) }) else { continue }
        mode = first == UInt8(ascii: "{") ? .jsonLines : .articles
      }
      switch mode {
      case .jsonLines:
        if let unit = jsonUnit(line) { return unit }
      case .articles:
        if let unit = articleLine(line) { return unit }
      case nil: continue
      }
    }
    return nil
  }

  private func jsonUnit(_ line: LineReader.Line) -> InputUnit? {
    let location = "-:\(line.number)"
    if line.tooLong {
      return .failure(
        source: location,
        error: QuotegraphError(
          "input.too-large", "JSON line over the \(maxArticleBytes)-byte article limit", file: "-",
          line: line.number))
    }
    guard line.bytes.contains(where: { !Self.isSpace($0) }) else { return nil }
    let value: JSONValue
    do {
      value = try JSONReader.parse(line.bytes, name: "-")
    } catch {
      return .failure(
        source: location,
        error: QuotegraphError(
          "input.json-line", "not a JSON object: \(error.message)", file: "-", line: line.number))
    }
    let object = value.objectValue
    guard case .string(let content)? = object["content"] else {
      return .failure(
        source: location,
        error: QuotegraphError(
          "input.json-line", "a JSON line needs a string `content` (and a `source`)", file: "-",
          line: line.number))
    }
    let source = object["source"]?.stringValue ?? location
    return .content(source: source, bytes: Array(content.utf8))
  }

  /// Adds a line to the current article; returns the previous article when this line starts
  /// a new one.
  private func articleLine(_ line: LineReader.Line) -> InputUnit? {
    let trimmed = Self.trimmed(line.bytes)
    var startsNew = false
    if trimmed == Self.frontMatterFence {
      if current.inFrontMatter {
        current.inFrontMatter = false
      } else if current.isBlank {
        current.inFrontMatter = true
      } else {
        startsNew = true
      }
    } else if Self.isTimestamp(trimmed) && !current.inFrontMatter {
      if current.hasTimestamp || current.hasBody {
        startsNew = true
      } else {
        current.hasTimestamp = true
      }
    } else if !trimmed.isEmpty && !current.inFrontMatter {
      current.hasBody = true
    }
    var emitted: InputUnit?
    if startsNew {
      emitted = emit(current, last: false)
      current = ArticleAccumulator()
      current.startLine = line.number
      if trimmed == Self.frontMatterFence {
        current.inFrontMatter = true
      } else {
        current.hasTimestamp = true
      }
    }
    if current.bytes.isEmpty && current.startLine == 0 { current.startLine = line.number }
    if current.bytes.count + line.bytes.count > maxArticleBytes || line.tooLong {
      current.tooLarge = true
    } else {
      current.bytes += line.bytes
    }
    return emitted
  }

  private func emit(_ article: ArticleAccumulator, last: Bool) -> InputUnit? {
    articleNumber += 1
    let source = last && articleNumber == 1 ? "-" : "-#\(articleNumber)"
    if article.tooLarge {
      return .failure(
        source: source,
        error: QuotegraphError(
          "input.too-large", "article over the \(maxArticleBytes)-byte limit", file: source,
          line: article.startLine))
    }
    return .content(source: source, bytes: article.bytes)
  }

  struct ArticleAccumulator {
    var bytes: [UInt8] = []
    var startLine = 0
    var inFrontMatter = false
    var hasTimestamp = false
    var hasBody = false
    var tooLarge = false
    var isBlank: Bool {
      !bytes.contains(where: { !StandardInputSplitter.isSpace($0) }) && !tooLarge
    }
  }

  static let frontMatterFence = Array("---".utf8)

  static func isTimestamp(_ line: ArraySlice<UInt8>) -> Bool {
    guard line.count > 7, line.starts(with: Array("<!--".utf8)),
      line.suffix(3).elementsEqual(Array("-->".utf8))
    else { return false }
    let digits = line.dropFirst(4).dropLast(3)
    return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    var slice = bytes[...]
    while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
    while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
    return slice
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}

extension ArraySlice where Element == UInt8 {
  static func == (lhs: ArraySlice<UInt8>, rhs: [UInt8]) -> Bool { lhs.elementsEqual(rhs) }
}

/// Lines from a file descriptor (or bytes), each with its newline and 1-based number. A line
/// longer than `maxLineBytes` is reported as too long and its bytes dropped, so one runaway
/// line cannot exhaust memory.
struct LineReader {
  struct Line {
    var bytes: [UInt8]
    var number: Int
    var tooLong: Bool
  }

  private let descriptor: Int32?
  private var buffer: [UInt8]
  private var start = 0
  private var atEnd: Bool
  private var number = 0
  private let maxLineBytes: Int

  init(descriptor: Int32, maxLineBytes: Int) {
    self.descriptor = descriptor
    self.buffer = []
    self.atEnd = false
    self.maxLineBytes = maxLineBytes
  }

  init(bytes: [UInt8], maxLineBytes: Int) {
    self.descriptor = nil
    self.buffer = bytes
    self.atEnd = true
    self.maxLineBytes = maxLineBytes
  }

  mutating func next() -> Line? {
    var tooLong = false
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        number += 1
        let line = tooLong ? [] : Array(buffer[start...newline])
        start = newline + 1
        compact()
        return Line(bytes: line, number: number, tooLong: tooLong)
      }
      if buffer.count - start > maxLineBytes {
        tooLong = true
        buffer.removeAll(keepingCapacity: true)
        start = 0
      }
      if atEnd {
        guard start < buffer.count || tooLong else { return nil }
        number += 1
        let line = tooLong ? [] : Array(buffer[start...])
        buffer.removeAll()
        start = 0
        return Line(bytes: line, number: number, tooLong: tooLong)
      }
      fill()
    }
  }

  private mutating func compact() {
    if start > 1 << 16 && start * 2 > buffer.count {
      buffer.removeSubrange(0..<start)
      start = 0
    }
  }

  private mutating func fill() {
    guard let descriptor else {
      atEnd = true
      return
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        atEnd = true
        return
      }
      buffer.append(contentsOf: chunk[0..<count])
      return
    }
  }
}
