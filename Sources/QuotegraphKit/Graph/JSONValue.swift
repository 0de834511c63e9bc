/// A JSON value whose serialisation is deterministic: object keys are written sorted, numbers
/// as integers where they are integers, and only the characters JSON requires are escaped.
public enum JSONValue: Equatable, Sendable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([String: JSONValue])

  public func serialized() -> String {
    var output = JSONOutput()
    write(to: &output)
    return output.string
  }

  public func write(to output: inout String) {
    var bytes = JSONOutput()
    write(to: &bytes)
    output += bytes.string
  }

  /// Serialises into UTF-8 bytes: graph output is most of what a run writes, and appending
  /// scalar by scalar to a String cost more than some stages (see README, Speed).
  func write(to output: inout JSONOutput) {
    switch self {
    case .string(let value): output.writeString(value)
    case .int(let value): output.writeInt(value)
    case .double(let value):
      if value.isFinite {
        if value == value.rounded() && abs(value) < 1e15 {
          output.writeInt(Int(value))
        } else {
          var text = value.description
          text.withUTF8 { output.append($0) }
        }
      } else {
        output.writeASCII("null")
      }
    case .bool(let value): output.writeASCII(value ? "true" : "false")
    case .null: output.writeASCII("null")
    case .array(let values):
      output.append(UInt8(ascii: "["))
      for (i, value) in values.enumerated() {
        if i > 0 { output.append(UInt8(ascii: ",")) }
        value.write(to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      JSONValue.writeSortedObject(members, to: &output)
    }
  }

  /// Writes members in key order, found by sorting the dictionary's indices: copying the
  /// members into an array of pairs to sort cost as much as writing them.
  static func writeSortedObject(_ members: [String: JSONValue], to output: inout JSONOutput) {
    let order = members.indices.sorted { members[$0].key < members[$1].key }
    output.append(UInt8(ascii: "{"))
    for (i, index) in order.enumerated() {
      if i > 0 { output.append(UInt8(ascii: ",")) }
      output.writeString(members[index].key)
      output.append(UInt8(ascii: ":"))
      members[index].value.write(to: &output)
    }
    output.append(UInt8(ascii: "}"))
  }

  /// Writes members in the order given: for the fixed key order of APOC lines.
  static func writeObject(_ members: [(key: String, value: JSONValue)], to output: inout String) {
    var bytes = JSONOutput()
    writeObject(members, to: &bytes)
    output += bytes.string
  }

  static func writeObject(
    _ members: [(key: String, value: JSONValue)], to output: inout JSONOutput
  ) {
    output.append(UInt8(ascii: "{"))
    // Members read where they lie, not copied out (a retain and release of key and value).
    members.withUnsafeBufferPointer { members in
      for index in members.indices {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        output.writeString(members[index].key)
        output.append(UInt8(ascii: ":"))
        members[index].value.write(to: &output)
      }
    }
    output.append(UInt8(ascii: "}"))
  }

  static func writeString(_ value: String, to output: inout String) {
    var bytes = JSONOutput()
    bytes.writeString(value)
    output += bytes.string
  }
}

/// JSON text under construction, as UTF-8 bytes.
///
/// The bytes are written into a buffer of its own, grown ahead of them, `length` marking their
/// end: `Array.append(contentsOf:)` cost over a hundred instructions a call, and a graph line
/// takes a dozen appends or more; an array buffer still paid a uniqueness check and a bounds
/// check on each write. Not copyable, so that the buffer has one owner, which frees it.
struct JSONOutput: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var length = 0

  init(capacity: Int = 256) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  private var written: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base, count: length)
  }

  /// The bytes, as an array of their own.
  consuming func takeBytes() -> [UInt8] { Array(written) }

  var string: String { String(decoding: written, as: UTF8.self) }

  /// Makes room for `count` more bytes.
  @inline(__always)
  private mutating func reserve(_ count: Int) {
    if length + count > capacity { grow(to: length + count) }
  }

  /// A buffer twice as large (or `minimum`), holding the bytes written so far.
  private mutating func grow(to minimum: Int) {
    let size = max(minimum, 2 * capacity)
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    larger.initialize(from: base, count: length)
    base.deallocate()
    base = larger
    capacity = size
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[length] = byte
    length += 1
  }

  @inline(__always)
  mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let source = buffer.baseAddress, !buffer.isEmpty else { return }
    reserve(buffer.count)
    (base + length).initialize(from: source, count: buffer.count)
    length += buffer.count
  }

  /// Writes up to `maximum` bytes straight into the buffer: `body` gets the address of the
  /// free space and returns how many bytes it wrote. A string written byte by byte through the
  /// array paid a bounds check and a uniqueness check on every byte; this pays one a string.
  @inline(__always)
  private mutating func writeDirect(
    atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    reserve(maximum)
    length += body(base + length)
  }

  /// A literal: its type is `StaticString` so that the bytes are read where they lie (a
  /// `String` overload took the literals and cost three times as much a call).
  mutating func writeASCII(_ text: StaticString) {
    // A literal's bytes where they lie, without the closure of `withUTF8Buffer`.
    if text.hasPointerRepresentation {
      append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    } else {
      text.withUTF8Buffer { append($0) }
    }
  }

  /// Decimal digits written straight into the buffer, not through `String(value)`.
  mutating func writeInt(_ value: Int) {
    if value >= 0 && value < 10 {
      append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    // A sign and at most 19 digits (Int.min has 19).
    writeDirect(atMost: 20) { target in
      var magnitude = value.magnitude
      var digits = 0
      repeat {
        digits += 1
        magnitude /= 10
      } while magnitude > 0
      let sign = value < 0 ? 1 : 0
      if sign == 1 { target.pointee = UInt8(ascii: "-") }
      magnitude = value.magnitude
      var position = sign + digits
      repeat {
        position -= 1
        target[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      return sign + digits
    }
  }

  /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00xx`,
  /// and U+2028/U+2029 as `\u2028`/`\u2029` (JavaScript reads them as line ends).
  mutating func writeString(_ value: String) {
    // Read in place: copying the String to call the mutating `withUTF8` retained and released
    // it for each of some 90,000 strings.
    let done: Void? = value.utf8.withContiguousStorageIfAvailable { writeString(utf8: $0) }
    if done == nil {
      var value = value
      value.withUTF8 { writeString(utf8: $0) }
    }
  }

  mutating func writeString(utf8 source: UnsafeBufferPointer<UInt8>) {
    // The quotes, and at most six bytes (`\u001f`) for each byte of the source.
    reserve(2 + 6 * source.count)
    length += JSONOutput.writeEscaped(source, to: base + length)
  }

  /// Writes `source` as a JSON string at `target`, which has room for it, and returns how
  /// many bytes it wrote. A function of its own, not a closure passed to `writeDirect`: the
  /// closure was called, not inlined, for each of some 90,000 strings.
  private static func writeEscaped(
    _ source: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>
  ) -> Int {
    let count = source.count
    var out = target
    JSONOutput.put(UInt8(ascii: "\""), at: &out)
    var pending = 0
    var index = 0
    while index < count {
      // Runs needing no escape (nearly all of every string) are skipped eight bytes at a time.
      index = ByteSearch.firstIndex(
        in: source, from: index,
        wordMayMatch: {
          ByteSearch.word($0, hasByteBelow: 0x20) || ByteSearch.word($0, contains: 0x22)
            || ByteSearch.word($0, contains: 0x5C) || ByteSearch.word($0, contains: 0xE2)
        }, matches: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 })
      guard index < count else { break }
      let byte = source[index]
      var escape: StaticString? = nil
      var width = 1
      switch byte {
      case 0x22: escape = "\\\""
      case 0x5C: escape = "\\\\"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0xE2:
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        if index + 2 < count, source[index + 1] == 0x80, source[index + 2] & 0xFE == 0xA8 {
          escape = source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          width = 3
        }
      default: break
      }
      if escape == nil && byte < 0x20 {
        JSONOutput.copy(source, pending..<index, to: &out)
        let hex: StaticString = "0123456789abcdef"
        for escaped in [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30] {
          JSONOutput.put(escaped, at: &out)
        }
        JSONOutput.put(hex.utf8Start[Int(byte >> 4)], at: &out)
        JSONOutput.put(hex.utf8Start[Int(byte & 0xF)], at: &out)
        index += 1
        pending = index
        continue
      }
      if let escape {
        JSONOutput.copy(source, pending..<index, to: &out)
        let escaped = UnsafeBufferPointer(
          start: escape.utf8Start, count: escape.utf8CodeUnitCount)
        JSONOutput.copy(escaped, escaped.indices, to: &out)
        index += width
        pending = index
        continue
      }
      index += 1
    }
    JSONOutput.copy(source, pending..<count, to: &out)
    JSONOutput.put(UInt8(ascii: "\""), at: &out)
    return out - target
  }

  // Static, with `inout` pointers: nested functions capturing the pointer made every write an
  // exclusivity check at run time (14 M instructions over 99 articles).
  @inline(__always)
  private static func put(_ byte: UInt8, at out: inout UnsafeMutablePointer<UInt8>) {
    out.pointee = byte
    out += 1
  }

  @inline(__always)
  private static func copy(
    _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
    to out: inout UnsafeMutablePointer<UInt8>
  ) {
    guard let base = source.baseAddress, !range.isEmpty else { return }
    out.initialize(from: base + range.lowerBound, count: range.count)
    out += range.count
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
