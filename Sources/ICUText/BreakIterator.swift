import CICUShim

/// One segment found by an ICU break iterator: a half-open range of UTF-16 offsets and the
/// rule status ICU gave it (see `WordKind`).
public struct Boundary: Equatable, Sendable {
  public var start: Int32
  public var end: Int32
  public var ruleStatus: Int32
}

/// What ICU's word-break rule status says about a segment.
public enum WordKind: UInt8, Sendable, CaseIterable {
  /// Spaces and punctuation (rule status 0–99).
  case none = 0
  /// Digits (100–199).
  case number = 1
  /// Latin and other letters (200–299).
  case letter = 2
  /// Kana (300–399).
  case kana = 3
  /// Ideographs, usually from the dictionary (400–499).
  case ideograph = 4

  public init(ruleStatus: Int32) {
    switch ruleStatus {
    case 100..<200: self = .number
    case 200..<300: self = .letter
    case 300..<400: self = .kana
    case 400..<500: self = .ideograph
    default: self = .none
    }
  }
}

/// A word or sentence break iterator. Not thread-safe: give each task its own (cloning a
/// prototype is cheap, opening a new one loads rules and dictionaries).
public final class BreakIterator: @unchecked Sendable {
  public enum Kind: Sendable { case word, sentence }

  public let kind: Kind
  private let handle: OpaquePointer
  private var boundaryBuffer: [Int32] = Array(repeating: 0, count: 1024)
  private var statusBuffer: [Int32] = Array(repeating: 0, count: 1024)

  public init(_ kind: Kind, locale: String = "zh") throws {
    var error: Int32 = 0
    let opened = qg_breaker_open(kind == .word ? 0 : 1, locale, &error)
    try ICUError.check(error, "ubrk_open(\(kind), \(locale))")
    guard let opened else { throw ICUError(code: 7, operation: "ubrk_open") }
    self.kind = kind
    self.handle = opened
  }

  private init(kind: Kind, handle: OpaquePointer) {
    self.kind = kind
    self.handle = handle
  }

  /// An independent iterator sharing this one's rules: for another thread.
  public func clone() throws -> BreakIterator {
    var error: Int32 = 0
    let cloned = qg_breaker_clone(handle, &error)
    try ICUError.check(error, "ubrk_clone")
    guard let cloned else { throw ICUError(code: 7, operation: "ubrk_clone") }
    return BreakIterator(kind: kind, handle: cloned)
  }

  deinit { qg_breaker_close(handle) }

  /// Segments `text[range]`; offsets in the result are absolute offsets into `text`.
  public func segments(of text: [UInt16], in range: Range<Int>? = nil) throws -> [Boundary] {
    let range = range ?? 0..<text.count
    if range.isEmpty { return [] }
    var result: [Boundary] = []
    try text.withUnsafeBufferPointer { all in
      guard let base = all.baseAddress else { return }
      let start = base + range.lowerBound
      let length = Int32(range.count)
      var count: Int32 = 0
      while true {
        var error: Int32 = 0
        let capacity = Int32(boundaryBuffer.count)
        count = boundaryBuffer.withUnsafeMutableBufferPointer { boundaries in
          statusBuffer.withUnsafeMutableBufferPointer { statuses in
            qg_breaker_boundaries(
              handle, start, length, boundaries.baseAddress, statuses.baseAddress, capacity,
              &error)
          }
        }
        try ICUError.check(error, "ubrk_next")
        if count <= capacity { break }
        boundaryBuffer = Array(repeating: 0, count: Int(count))
        statusBuffer = Array(repeating: 0, count: Int(count))
      }
      result.reserveCapacity(Int(count))
      let offset = Int32(range.lowerBound)
      var previous: Int32 = 0
      for i in 0..<Int(count) {
        let end = boundaryBuffer[i]
        result.append(
          Boundary(start: previous + offset, end: end + offset, ruleStatus: statusBuffer[i]))
        previous = end
      }
    }
    return result
  }
}
