/// A trie over UTF-16 code units in flat arrays, compiled once at start-up: the root's
/// children sit in a direct table indexed by code unit (the first step is the hot one), deeper
/// nodes keep their edges sorted for binary search. Finds every pattern that starts at a
/// position, so the caller can weigh overlapping candidates.
public struct PatternAutomaton: Sendable {
  /// Child of the root for each code unit, or -1.
  private let rootChildren: [Int32]
  /// For node n > 0: its edges are `edgeUnits/edgeTargets[edgeStart[n]..<edgeStart[n + 1]]`.
  private let edgeStart: [Int32]
  private let edgeUnits: [UInt16]
  private let edgeTargets: [Int32]
  /// For node n: the patterns ending there are `outputs[outputStart[n]..<outputStart[n + 1]]`.
  private let outputStart: [Int32]
  private let outputs: [Int32]
  public let patternCount: Int
  public let longestPattern: Int

  /// Compiles patterns; pattern `i` is reported as `i`. Empty patterns are ignored.
  ///
  /// Built without a dictionary per node: patterns are visited in sorted order, so each one
  /// shares a prefix with the one before and only adds nodes below that prefix; edges are
  /// collected as (parent, unit, child) and then grouped by parent with a counting sort, which
  /// keeps each parent's edges in unit order for the binary search.
  public init(patterns: [[UInt16]]) {
    let order = patterns.indices.sorted { patterns[$0].lexicographicallyPrecedes(patterns[$1]) }
    var edgeParents: [Int32] = []
    var edgeUnitsUnsorted: [UInt16] = []
    var edgeChildren: [Int32] = []
    var terminals: [(node: Int32, pattern: Int32)] = []
    var path: [Int32] = [0]  // path[d] = node reached after d units of the previous pattern
    var previous: [UInt16] = []
    var nodeCount: Int32 = 1
    var longest = 0
    for index in order {
      let pattern = patterns[index]
      guard !pattern.isEmpty else { continue }
      longest = max(longest, pattern.count)
      var shared = 0
      while shared < min(pattern.count, previous.count) && pattern[shared] == previous[shared] {
        shared += 1
      }
      path.removeSubrange((shared + 1)...)
      for depth in shared..<pattern.count {
        let child = nodeCount
        nodeCount += 1
        edgeParents.append(path[depth])
        edgeUnitsUnsorted.append(pattern[depth])
        edgeChildren.append(child)
        path.append(child)
      }
      terminals.append((path[pattern.count], Int32(index)))
      previous = pattern
    }
    let nodes = Int(nodeCount)
    var edgeStart = [Int32](repeating: 0, count: nodes + 1)
    for parent in edgeParents { edgeStart[Int(parent) + 1] += 1 }
    for node in 0..<nodes { edgeStart[node + 1] += edgeStart[node] }
    var fill = edgeStart
    var edgeUnits = [UInt16](repeating: 0, count: edgeParents.count)
    var edgeTargets = [Int32](repeating: 0, count: edgeParents.count)
    var root = [Int32](repeating: -1, count: 1 << 16)
    for edge in edgeParents.indices {
      let parent = Int(edgeParents[edge])
      let slot = Int(fill[parent])
      fill[parent] += 1
      edgeUnits[slot] = edgeUnitsUnsorted[edge]
      edgeTargets[slot] = edgeChildren[edge]
      if parent == 0 { root[Int(edgeUnitsUnsorted[edge])] = edgeChildren[edge] }
    }
    terminals.sort { ($0.node, $0.pattern) < ($1.node, $1.pattern) }
    var outputStart = [Int32](repeating: 0, count: nodes + 1)
    for terminal in terminals { outputStart[Int(terminal.node) + 1] += 1 }
    for node in 0..<nodes { outputStart[node + 1] += outputStart[node] }
    self.rootChildren = root
    self.edgeStart = edgeStart
    self.edgeUnits = edgeUnits
    self.edgeTargets = edgeTargets
    self.outputStart = outputStart
    self.outputs = terminals.map(\.pattern)
    self.patternCount = patterns.count
    self.longestPattern = longest
  }

  /// Calls `found(length, pattern)` for every pattern starting at `start`, shortest first.
  @inline(__always)
  public func forEachMatch(
    in units: UnsafeBufferPointer<UInt16>, at start: Int, limit: Int? = nil,
    _ found: (Int, Int) -> Void
  ) {
    let end = min(units.count, limit ?? units.count)
    guard start < end else { return }
    var node = rootChildren[Int(units[start])]
    var position = start + 1
    while node >= 0 {
      let node32 = Int(node)
      let firstOutput = Int(outputStart[node32])
      let lastOutput = Int(outputStart[node32 + 1])
      if firstOutput < lastOutput {
        for output in firstOutput..<lastOutput { found(position - start, Int(outputs[output])) }
      }
      guard position < end else { return }
      node = child(of: node32, unit: units[position])
      position += 1
    }
  }

  /// For an automaton compiled from reversed patterns: calls `found(length, pattern)` for every
  /// pattern written right before `end`, read backwards, shortest first; none starts before
  /// `lowerBound`. Titles before a name and context words before a candidate are found this
  /// way without copying the text reversed.
  @inline(__always)
  public func forEachMatch(
    in units: UnsafeBufferPointer<UInt16>, endingAt end: Int, lowerBound: Int = 0,
    _ found: (Int, Int) -> Void
  ) {
    let low = max(lowerBound, 0)
    guard end <= units.count, end - 1 >= low else { return }
    var position = end - 1
    var node = rootChildren[Int(units[position])]
    while node >= 0 {
      let node32 = Int(node)
      let firstOutput = Int(outputStart[node32])
      let lastOutput = Int(outputStart[node32 + 1])
      if firstOutput < lastOutput {
        for output in firstOutput..<lastOutput { found(end - position, Int(outputs[output])) }
      }
      position -= 1
      guard position >= low else { return }
      node = child(of: node32, unit: units[position])
    }
  }

  /// Every match in `units` as (start, length, pattern), in order of start then length.
  public func allMatches(in units: [UInt16]) -> [(start: Int, length: Int, pattern: Int)] {
    var result: [(start: Int, length: Int, pattern: Int)] = []
    units.withUnsafeBufferPointer { buffer in
      for start in 0..<buffer.count {
        forEachMatch(in: buffer, at: start) { length, pattern in
          result.append((start, length, pattern))
        }
      }
    }
    return result
  }

  @inline(__always)
  private func child(of node: Int, unit: UInt16) -> Int32 {
    var low = Int(edgeStart[node])
    var high = Int(edgeStart[node + 1])
    while low < high {
      let middle = (low + high) >> 1
      let value = edgeUnits[middle]
      if value == unit { return edgeTargets[middle] }
      if value < unit { low = middle + 1 } else { high = middle }
    }
    return -1
  }
}

/// The first two units of a set of patterns of two units or more, as a Bloom filter (one bit a
/// pair) small enough for the first-level cache: most positions of a text start no pattern,
/// and this says so before an automaton's root table (256 KB, which the caches rarely hold)
/// and its first node's edges are read. Kept apart from `PatternAutomaton`, which other stages
/// copy by value.
public struct PatternStartFilter: Sendable {
  /// Empty when some pattern is shorter than two units: then every position may start one.
  private let bits: [UInt64]
  private let shift: UInt32

  public init(patterns: [[UInt16]]) {
    // Sorted patterns (as the entity index passes them) repeat a pair only next to each other:
    // the count of pairs, which sizes the filter, is then exact; otherwise it only grows.
    var pairs: [UInt32] = []
    var shortPattern = false
    for pattern in patterns where !pattern.isEmpty {
      if pattern.count < 2 {
        shortPattern = true
        break
      }
      let pair = UInt32(pattern[0]) << 16 | UInt32(pattern[1])
      if pairs.last != pair { pairs.append(pair) }
    }
    // Eight bits a pair: about one pair in nine that starts no pattern passes.
    var bitCount = 4096
    while bitCount < pairs.count * 8 { bitCount <<= 1 }
    let shift = UInt32(32 - bitCount.trailingZeroBitCount)
    var bits = [UInt64](repeating: 0, count: shortPattern ? 0 : bitCount / 64)
    if !shortPattern {
      for pair in pairs {
        let bit = PatternStartFilter.hash(pair) >> shift
        bits[Int(bit >> 6)] |= 1 << UInt64(bit & 63)
      }
    }
    self.bits = bits
    self.shift = shift
  }

  @inline(__always)
  private static func hash(_ pair: UInt32) -> UInt32 { pair &* 0x9E37_79B1 }

  /// Calls `body` with every offset of `units` where a pattern may start, in order: every
  /// offset the filter does not rule out. The pair in hand slides along the text (one unit
  /// read an offset) and the bits are read through a pointer (every hash lands inside them).
  @inline(__always)
  public func forEachPossibleStart(
    in units: UnsafeBufferPointer<UInt16>, _ body: (Int) -> Void
  ) {
    if bits.isEmpty {
      for start in units.indices { body(start) }
      return
    }
    guard units.count >= 2 else { return }
    let shift = self.shift
    bits.withUnsafeBufferPointer { bits in
      var pair = UInt32(units[0])
      for next in 1..<units.count {
        pair = pair &<< 16 | UInt32(units[next])
        let bit = PatternStartFilter.hash(pair) &>> shift
        if bits[Int(bit &>> 6)] & (1 &<< UInt64(bit & 63)) != 0 { body(next - 1) }
      }
    }
  }
}
