/// What the cleaner needs to know of each element, attribute and class name, answered without
/// a String per tag: looking tag names up in sets of Strings (hashing, normalising) and
/// splitting class attributes into Characters cost more than the rest of cleaning.
///
/// Names and rule entries are compared as Strings were (by canonical equivalence) whenever a
/// byte comparison could differ: for names that are not ASCII or longer than a packed key, and
/// for every name when some rule entry is not ASCII.
struct ElementTable: Sendable {
  struct Flags: OptionSet, Sendable {
    let rawValue: UInt8
    static let block = Flags(rawValue: 1 << 0)
    static let heading = Flags(rawValue: 1 << 1)
    static let void = Flags(rawValue: 1 << 2)
    static let rawText = Flags(rawValue: 1 << 3)
    static let dropped = Flags(rawValue: 1 << 4)
    static let caption = Flags(rawValue: 1 << 5)
  }

  private let rules: HTMLCleaner.Rules
  private let flagsByKey: PackedNameTable
  /// Every rule entry is ASCII, so ASCII names compare by bytes.
  private let rulesAreASCII: Bool
  private let droppedAttributeBytes: [[UInt8]]
  private let droppedClassBytes: [[UInt8]]

  init(rules: HTMLCleaner.Rules) {
    self.rules = rules
    let ruleNames =
      rules.droppedElements.union(rules.captionElements).union(rules.droppedAttributes)
      .union(rules.droppedClasses)
    rulesAreASCII = ruleNames.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    droppedAttributeBytes = rules.droppedAttributes.map { Array($0.utf8) }
    droppedClassBytes = rules.droppedClasses.map { Array($0.utf8) }
    var flagsByKey = PackedNameTable()
    let named =
      HTMLScanner.blockElements.union(HTMLScanner.headingElements).union(HTMLScanner.voidElements)
      .union(HTMLScanner.rawTextElements).union(rules.droppedElements).union(rules.captionElements)
    // An entry with capitals never equals a lowercased name; packing would lowercase it.
    for name in named where !name.utf8.contains(where: { (0x41...0x5A).contains($0) }) {
      if let key = PackedName(lowercasing: Array(name.utf8)) {
        flagsByKey.insert(key, Self.flags(of: name, rules: rules))
      }
    }
    self.flagsByKey = flagsByKey
  }

  static func flags(of name: String, rules: HTMLCleaner.Rules) -> Flags {
    var flags: Flags = []
    if HTMLScanner.blockElements.contains(name) { flags.insert(.block) }
    if HTMLScanner.headingElements.contains(name) { flags.insert(.heading) }
    if HTMLScanner.voidElements.contains(name) { flags.insert(.void) }
    if HTMLScanner.rawTextElements.contains(name) { flags.insert(.rawText) }
    if rules.droppedElements.contains(name) { flags.insert(.dropped) }
    if rules.captionElements.contains(name) { flags.insert(.caption) }
    return flags
  }

  /// The name of the element whose tag starts at `bytes[range]`, lowercased.
  func name(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> TagName {
    if rulesAreASCII, let key = PackedName(lowercasing: bytes) { return .packed(key) }
    return .text(HTMLScanner.lowercasedASCII(bytes))
  }

  func flags(of name: TagName) -> Flags {
    switch name {
    case .packed(let key): flagsByKey.flags(of: key)
    case .text(let text): Self.flags(of: text, rules: rules)
    }
  }

  /// Whether an attribute of this name (as written) drops its element.
  func dropsElement(attribute bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    if rulesAreASCII && bytes.allSatisfy({ $0 < 0x80 }) {
      return droppedAttributeBytes.contains { Self.equalLowercased(bytes, $0) }
    }
    return rules.droppedAttributes.contains(HTMLScanner.lowercasedASCII(bytes))
  }

  /// Whether a `class` attribute with this value drops its element: one of its
  /// space-separated names is a dropped class.
  func dropsElement(classValue bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard !rules.droppedClasses.isEmpty else { return false }
    // Without CR (whose CR LF is one Character) and outside ASCII, a byte is a Character.
    if rulesAreASCII && bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      var start = bytes.startIndex
      while start < bytes.endIndex {
        var end = start
        while end < bytes.endIndex && !Self.separatesClasses(bytes[end]) { end += 1 }
        let name = bytes[start..<end]
        if !name.isEmpty && droppedClassBytes.contains(where: { name.elementsEqual($0) }) {
          return true
        }
        start = end + 1
      }
      return false
    }
    let value = String(decoding: bytes, as: UTF8.self)
    return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains {
      rules.droppedClasses.contains(String($0))
    }
  }

  private static func separatesClasses(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A
  }

  private static func equalLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ word: [UInt8])
    -> Bool
  {
    guard bytes.count == word.count else { return false }
    return zip(bytes, word).allSatisfy { HTMLScanner.lowercased($0) == $1 }
  }
}

/// An element name as the scanner read it, lowercased: packed into integers when it is short
/// ASCII, else the String the rules compare it as.
enum TagName: Equatable, Sendable {
  case packed(PackedName)
  case text(String)

  var text: String {
    switch self {
    case .packed(let key): key.text
    case .text(let text): text
    }
  }

  static func == (lhs: TagName, rhs: TagName) -> Bool {
    if case .packed(let left) = lhs, case .packed(let right) = rhs { return left == right }
    return lhs.text == rhs.text
  }
}

/// Up to 16 ASCII bytes, lowercased, in two integers and a length.
struct PackedName: Hashable, Sendable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  private var count: UInt8 = 0

  /// nil when the name is longer than 16 bytes or not ASCII.
  init?(lowercasing bytes: some Collection<UInt8>) {
    guard bytes.count <= 16 else { return nil }
    for (offset, byte) in bytes.enumerated() {
      guard byte < 0x80 else { return nil }
      let shifted = UInt64(HTMLScanner.lowercased(byte)) << UInt64((offset & 7) * 8)
      if offset < 8 { low |= shifted } else { high |= shifted }
    }
    count = UInt8(bytes.count)
  }

  /// A slot of `PackedNameTable`: the top nine bits of a multiplicative hash.
  var slot: Int {
    let mixed = (low ^ high &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> 55)
  }

  var text: String {
    var bytes: [UInt8] = []
    for offset in 0..<Int(count) {
      let word = offset < 8 ? low : high
      bytes.append(UInt8(truncatingIfNeeded: word >> UInt64((offset & 7) * 8)))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The flags of known element names in an open-addressed table: a `Dictionary` lookup hashed
/// each tag's name with SipHash, here a multiply and a shift do.
struct PackedNameTable: Sendable {
  private var keys = [PackedName?](repeating: nil, count: 512)
  private var values = [ElementTable.Flags](repeating: [], count: 512)

  mutating func insert(_ key: PackedName, _ flags: ElementTable.Flags) {
    var slot = key.slot
    while let present = keys[slot], present != key { slot = (slot + 1) & 511 }
    keys[slot] = key
    values[slot] = flags
  }

  /// The flags of `key`; none for a name the table does not hold.
  func flags(of key: PackedName) -> ElementTable.Flags {
    var slot = key.slot
    while let present = keys[slot] {
      if present == key { return values[slot] }
      slot = (slot + 1) & 511
    }
    return []
  }
}
