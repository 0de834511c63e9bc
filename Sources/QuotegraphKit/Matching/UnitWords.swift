/// A list of words as UTF-16 code units, looked for in place in a document's `units`.
///
/// Stages ask "is one of these words written at this offset?" at nearly every offset of every
/// article. Comparing against `String.utf16` transcodes the word on each call, and most offsets
/// start none of the words: this keeps each word as an array of units and a bitmap of first
/// units, so a typical offset is rejected by one bit test.
public struct UnitWords: Sendable {
  /// The words, in the order given: `first(at:in:)` returns the first that matches, so callers
  /// that want the longest sort longest first, as with strings.
  public let words: [[UInt16]]
  /// The units some word starts with.
  private let firstUnits: UnitSet
  /// The units words end with, for `endsWord(at:in:)`.
  private let lastUnits: UnitSet
  /// The first empty word, which is written at every offset, even past the end.
  private let firstEmpty: Int?

  public init(_ words: [String]) {
    self.init(units: words.map { Array($0.utf16) })
  }

  public init(units words: [[UInt16]]) {
    self.words = words
    self.firstUnits = UnitSet(units: words.compactMap(\.first))
    self.lastUnits = UnitSet(units: words.compactMap(\.last))
    self.firstEmpty = words.firstIndex(where: \.isEmpty)
  }

  public var isEmpty: Bool { words.isEmpty }

  /// Whether some word starts with `unit`.
  @inline(__always)
  public func mayStart(with unit: UInt16) -> Bool {
    firstUnits.contains(unit)
  }

  /// The index of the first word (in list order) written at `offset`, or nil.
  @inline(__always)
  public func first(at offset: Int, in units: [UInt16]) -> Int? {
    guard offset >= 0, offset < units.count, mayStart(with: units[offset]) else {
      return firstEmpty
    }
    for (index, word) in words.enumerated() where UnitWords.matches(word, at: offset, in: units) {
      return index
    }
    return nil
  }

  /// Whether any word is written at `offset`.
  @inline(__always)
  public func contains(at offset: Int, in units: [UInt16]) -> Bool {
    first(at: offset, in: units) != nil
  }

  /// The index of the first word (in list order) written right before `offset` (ending
  /// there), or nil; an empty word ends at every offset from 0 on.
  @inline(__always)
  public func firstEnding(at offset: Int, in units: [UInt16]) -> Int? {
    guard offset > 0, offset <= units.count, lastUnits.contains(units[offset - 1]) else {
      return offset >= 0 ? firstEmpty : nil
    }
    for (index, word) in words.enumerated()
    where UnitWords.matches(word, at: offset - word.count, in: units) {
      return index
    }
    return nil
  }

  /// Whether some word is written right before `offset` (ends there).
  @inline(__always)
  public func endsWord(at offset: Int, in units: [UInt16]) -> Bool {
    if firstEmpty != nil { return offset >= 0 }
    guard offset > 0, offset <= units.count else { return false }
    let unit = units[offset - 1]
    guard lastUnits.contains(unit) else { return false }
    return words.contains { UnitWords.matches($0, at: offset - $0.count, in: units) }
  }

  /// Whether `word` is written at `offset` of `units`.
  @inline(__always)
  public static func matches(_ word: [UInt16], at offset: Int, in units: [UInt16]) -> Bool {
    guard offset >= 0, offset + word.count <= units.count else { return false }
    var position = offset
    for unit in word {
      if units[position] != unit { return false }
      position += 1
    }
    return true
  }
}

/// A short word (one to four UTF-16 code units) packed into an integer, for hash lookups of
/// text slices: hashing a `String` of Chinese characters normalises it first (some 3,000
/// instructions a lookup in callgrind), hashing a `UInt64` does not. Words of different length
/// never share a key, since the length is part of it.
public struct UnitKey: Hashable, Sendable {
  public let packed: UInt64
  public let length: UInt8

  /// nil for an empty word or one longer than four units.
  @inline(__always)
  public init?(_ units: ArraySlice<UInt16>) {
    guard !units.isEmpty, units.count <= 4 else { return nil }
    var packed: UInt64 = 0
    for unit in units { packed = packed << 16 | UInt64(unit) }
    self.packed = packed
    self.length = UInt8(units.count)
  }

  public init?(_ word: String) {
    self.init(ArraySlice(word.utf16))
  }
}

/// A weight for each UTF-16 code unit, kept in a flat table: person discovery reads a weight at
/// nearly every character, and a dictionary lookup hashes its key each time (callgrind showed
/// some 230,000 lookups, 30 M instructions, on 99 articles); an array read does not.
public struct UnitWeights: Sendable, Equatable, ExpressibleByDictionaryLiteral {
  /// NaN where a unit has no weight; allocated on the first weight set.
  private var table: [Double] = []
  public private(set) var count = 0

  public init() {}

  public init(dictionaryLiteral elements: (UInt16, Double)...) {
    for (unit, weight) in elements { self[unit] = weight }
  }

  public subscript(unit: UInt16) -> Double? {
    get {
      guard !table.isEmpty else { return nil }
      let weight = table[Int(unit)]
      return weight.isNaN ? nil : weight
    }
    set {
      if table.isEmpty {
        guard newValue != nil else { return }
        table = [Double](repeating: .nan, count: 0x1_0000)
      }
      let had = !table[Int(unit)].isNaN
      table[Int(unit)] = newValue ?? .nan
      count += (newValue != nil ? 1 : 0) - (had ? 1 : 0)
    }
  }

  /// The units that have a weight, in unit order, with it.
  public var entries: [(unit: UInt16, weight: Double)] {
    table.indices.compactMap { index in
      table[index].isNaN ? nil : (UInt16(index), table[index])
    }
  }

  public static func == (lhs: UnitWeights, rhs: UnitWeights) -> Bool {
    (0...0xFFFF).allSatisfy { lhs[UInt16($0)] == rhs[UInt16($0)] }
  }
}

/// A set of words, asked about slices of a document's code units as a `Set<String>` answers
/// (by canonical equivalence), without making a `String` while the slice and every word are made
/// of code units that are their own normal form (`CanonicalUnits`): then equal means the same
/// units, looked up in an open-addressing table of the words' units (a `Set` of packed keys
/// hashed each slice with SipHash, some 450 instructions a lookup in person discovery).
public struct UnitWordSet: Sendable {
  /// The words as a `Set<String>`, for slices only canonical equivalence can decide. Made
  /// from the list at once, with room for all: inserted one by one, the 27,000 name traps
  /// were hashed again (normalised again) at each growth, 80 M instructions at every start.
  public let words: Set<String>
  /// The words' units end to end: word `i` is `units[starts[i]..<starts[i + 1]]`.
  private var units: [UInt16] = []
  private var starts: [Int32] = [0]
  /// By `slot(of:)`: the index of a word plus one, 0 for an empty slot.
  private var slots: [Int32] = []
  private var mask = 0
  /// Every word is inert, so inert slices compare by their units.
  private let unitsDecide: Bool
  /// The length of the longest word, in units.
  public private(set) var longest = 0
  /// The first two units of the words of two units or more: a slice whose pair is not in the
  /// filter is no word, told without reading the table (which for the 22,000 name traps missed
  /// the cache: 2% of extract's time under perf).
  private var pairFilter = UnitPairFilter()

  public init(_ words: some Sequence<String>) {
    let list = Array(words)
    self.words = Set(list)
    var capacity = 16
    while capacity < list.count * 2 { capacity <<= 1 }
    mask = capacity - 1
    slots = [Int32](repeating: 0, count: capacity)
    var allInert = true
    // Room for every word's units (no more units than UTF-8 bytes).
    units.reserveCapacity(list.reduce(0) { $0 + $1.utf8.count })
    starts.reserveCapacity(list.count + 1)
    // Each word's units once, transcoded from its UTF-8 to the end of `units` (an array of
    // its own for each word, and the UTF-16 view's iterator before it, cost some 1,000
    // instructions a word); a word written twice is dropped again, as the Set kept it once.
    for word in list {
      let start = units.count
      units.appendUTF16(of: word)
      let wordUnits = units[start...]
      allInert = allInert && wordUnits.allSatisfy(CanonicalUnits.isInert)
      var slot = UnitWordSet.slot(of: wordUnits, mask: mask)
      var present = false
      while slots[slot] != 0 {
        let index = Int(slots[slot]) - 1
        if units[Int(starts[index])..<Int(starts[index + 1])].elementsEqual(wordUnits) {
          present = true
          break
        }
        slot = (slot + 1) & mask
      }
      if present {
        units.removeSubrange(start...)
        continue
      }
      longest = max(longest, units.count - start)
      if units.count - start >= 2 { pairFilter.insert(units[start], units[start + 1]) }
      slots[slot] = Int32(starts.count)
      starts.append(Int32(units.count))
    }
    unitsDecide = allInert
  }

  public func contains(_ units: ArraySlice<UInt16>) -> Bool {
    guard unitsDecide else { return self.words.contains(String(decodingUTF16: units)) }
    // The slot's hash and the check that every unit is inert in one pass over the slice.
    var hash = UnitWordSet.seed(count: units.count)
    for unit in units {
      guard CanonicalUnits.isInert(unit) else {
        return self.words.contains(String(decodingUTF16: units))
      }
      UnitWordSet.mix(unit, &hash)
    }
    if units.count > longest { return false }
    // Every unit is inert: equal means the same units, so a word starts with the same two.
    if units.count >= 2,
      !pairFilter.mayContain(units[units.startIndex], units[units.startIndex + 1])
    {
      return false
    }
    var slot = UnitWordSet.slot(of: hash, mask: mask)
    while slots[slot] != 0 {
      let word = Int(slots[slot]) - 1
      var position = Int(starts[word])
      if Int(starts[word + 1]) - position == units.count {
        var same = true
        for unit in units {
          if self.units[position] != unit {
            same = false
            break
          }
          position += 1
        }
        if same { return true }
      }
      slot = (slot + 1) & mask
    }
    return false
  }

  public func contains(_ word: String) -> Bool { self.words.contains(word) }

  private static func slot(of units: ArraySlice<UInt16>, mask: Int) -> Int {
    UnitsHash.slot(of: units, mask: mask)
  }

  @inline(__always)
  private static func seed(count: Int) -> UInt64 { UnitsHash.seed(count: count) }

  @inline(__always)
  private static func mix(_ unit: UInt16, _ hash: inout UInt64) { UnitsHash.mix(unit, &hash) }

  @inline(__always)
  private static func slot(of hash: UInt64, mask: Int) -> Int {
    UnitsHash.slot(of: hash, mask: mask)
  }
}

/// The first slot to probe for a run of UTF-16 units in an open-addressing table of a power of
/// two slots: a multiplicative hash of the units and their count, fed unit by unit (so that a
/// lookup can hash while it reads), for `UnitWordSet` and the entity index's key table.
enum UnitsHash {
  static func slot(of units: some Collection<UInt16>, mask: Int) -> Int {
    var hash = seed(count: units.count)
    for unit in units { mix(unit, &hash) }
    return slot(of: hash, mask: mask)
  }

  @inline(__always)
  static func seed(count: Int) -> UInt64 {
    UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
  }

  @inline(__always)
  static func mix(_ unit: UInt16, _ hash: inout UInt64) {
    hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01b3
  }

  @inline(__always)
  static func slot(of hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }
}

/// Code units whose scalar is its own canonical normal form whatever surrounds it: no
/// decomposition, no combining class, and nothing composes with it as a second character.
/// Text made only of these compares by canonical equivalence exactly when its units are the
/// same. Covers ASCII and Latin up to the
/// combining marks, CJK punctuation before its tone marks, the CJK ideographs and full-width
/// ASCII: nearly every unit of Chinese news.
enum CanonicalUnits {
  @inline(__always)
  static func isInert(_ unit: UInt16) -> Bool {
    unit < 0x0300 || (0x3000..<0x302A).contains(unit) || (0x3400..<0x4DC0).contains(unit)
      || (0x4E00..<0xA000).contains(unit) || (0xFF01...0xFF5E).contains(unit)
  }
}

/// A set of UTF-16 code units as a bitmap over the BMP: membership is one bit test, where a
/// `Set<UInt16>` hashed each unit (quote finding, person discovery and coreference ask at nearly every offset).
/// Pairs of UTF-16 units as bits of a 65,536-bit filter, by a multiplicative hash of the pair:
/// a pair whose bit is clear was never inserted (a set bit may be another pair's). Asked before
/// a table that would miss the cache.
struct UnitPairFilter: Sendable, Equatable {
  private var bits = [UInt64](repeating: 0, count: 1024)

  @inline(__always)
  private static func bit(_ first: UInt16, _ second: UInt16) -> Int {
    Int(((UInt32(first) << 16 | UInt32(second)) &* 0x9E37_79B1) >> 16)
  }

  mutating func insert(_ first: UInt16, _ second: UInt16) {
    let bit = UnitPairFilter.bit(first, second)
    bits[bit >> 6] |= 1 << UInt64(bit & 63)
  }

  @inline(__always)
  func mayContain(_ first: UInt16, _ second: UInt16) -> Bool {
    let bit = UnitPairFilter.bit(first, second)
    return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }
}

struct UnitSet: Sendable {
  private let bits: [UInt64]

  init(_ characters: String) { self.init(units: characters.utf16) }

  init(units: some Sequence<UInt16>) {
    var bits = [UInt64](repeating: 0, count: 1024)
    for unit in units { bits[Int(unit >> 6)] |= 1 << UInt64(unit & 63) }
    self.bits = bits
  }

  @inline(__always)
  func contains(_ unit: UInt16) -> Bool {
    bits[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0
  }
}
