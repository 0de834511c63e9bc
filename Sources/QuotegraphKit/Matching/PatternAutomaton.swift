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
  public init(patterns: [[UInt16]]) {
    // Build a pointer trie first, then lay it out breadth-first in flat arrays.
    var children: [[UInt16: Int32]] = [[:]]
    var ends: [[Int32]] = [[]]
    var longest = 0
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      longest = max(longest, pattern.count)
      var node = 0
      for unit in pattern {
        if let next = children[node][unit] {
          node = Int(next)
        } else {
          children.append([:])
          ends.append([])
          let next = Int32(children.count - 1)
          children[node][unit] = next
          node = Int(next)
        }
      }
      ends[node].append(Int32(index))
    }
    var root = [Int32](repeating: -1, count: 1 << 16)
    for (unit, child) in children[0] { root[Int(unit)] = child }
    var edgeStart: [Int32] = []
    var edgeUnits: [UInt16] = []
    var edgeTargets: [Int32] = []
    var outputStart: [Int32] = []
    var outputs: [Int32] = []
    edgeStart.reserveCapacity(children.count + 1)
    for node in children.indices {
      edgeStart.append(Int32(edgeUnits.count))
      if node > 0 {
        for (unit, child) in children[node].sorted(by: { $0.key < $1.key }) {
          edgeUnits.append(unit)
          edgeTargets.append(child)
        }
      }
      outputStart.append(Int32(outputs.count))
      outputs += ends[node].sorted()
    }
    edgeStart.append(Int32(edgeUnits.count))
    outputStart.append(Int32(outputs.count))
    self.rootChildren = root
    self.edgeStart = edgeStart
    self.edgeUnits = edgeUnits
    self.edgeTargets = edgeTargets
    self.outputStart = outputStart
    self.outputs = outputs
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
