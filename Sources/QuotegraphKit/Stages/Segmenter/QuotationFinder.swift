/// Finds quotation spans in a paragraph before sentences are split, because ICU's sentence
/// break cuts inside quotations and hangs an opening mark on the previous sentence.
public enum QuotationFinder {
  /// Opening mark → closing mark. `‘’` pair only inside another quotation, where they are
  /// nested quotes rather than apostrophes.
  static let pairs: [UInt16: UInt16] = [
    0x201C: 0x201D,  // “ ”
    0x300C: 0x300D,  // 「 」
    0x300E: 0x300F,  // 『 』
    0x2018: 0x2019,  // ‘ ’
    0xFE41: 0xFE42,  // ﹁ ﹂
    0xFE43: 0xFE44,  // ﹃ ﹄
  ]
  static let closers: Set<UInt16> = Set(pairs.values)
  /// Marks that open and close alike: `"` and fullwidth `＂`.
  static let symmetric: Set<UInt16> = [0x22, 0xFF02]

  /// Whether `unit` is in `pairs` (either side) or `symmetric`.
  @inline(__always)
  static func isMark(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x22, 0xFF02, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C...0x300F, 0xFE41...0xFE44: true
    default: false
    }
  }

  /// The units `isMark` accepts, as a bitmap: one bit test a unit, where the switch's chain
  /// of comparisons cost some 20 instructions for each unit of every paragraph.
  static let markUnits = UnitSet(units: (0...0xFFFF).lazy.map(UInt16.init).filter(isMark))

  public static func find(in units: [UInt16], paragraph: Paragraph, index: Int32) -> [Quotation] {
    var found: [Quotation] = []
    var stack: [(mark: UInt16, start: Int)] = []
    let range = paragraph.range.range

    func close(_ position: Int, _ depth: Int, closed: Bool) {
      let open = stack[depth]
      let end = closed ? position + 1 : position
      found.append(
        Quotation(
          range: TextRange(open.start, end),
          inner: TextRange(open.start + 1, closed ? position : end),
          openingMark: Character(Unicode.Scalar(open.mark) ?? "\""), isClosed: closed,
          depth: depth, paragraph: index))
    }

    // Nearly every unit is no mark: found first by one bit test a unit over the raw buffer,
    // without the array's bounds checks or three hash lookups.
    var marks: [Int] = []
    let markUnits = QuotationFinder.markUnits
    units.withUnsafeBufferPointer { buffer in
      for position in range where markUnits.contains(buffer[position]) { marks.append(position) }
    }
    // A paragraph without marks (most of them) allocates nothing more.
    if marks.isEmpty { return [] }
    for position in marks {
      let unit = units[position]
      if symmetric.contains(unit) {
        if let top = stack.last, top.mark == unit {
          close(position, stack.count - 1, closed: true)
          stack.removeLast()
        } else {
          stack.append((unit, position))
        }
      } else if let _ = pairs[unit], unit != 0x2018 || !stack.isEmpty {
        stack.append((unit, position))
      } else if closers.contains(unit) {
        // Close the innermost matching quotation; marks opened inside it and never closed
        // end here, unclosed. A closer with no opener (`东西，”她表示`) is ignored.
        guard let depth = stack.lastIndex(where: { pairs[$0.mark] == unit }) else { continue }
        for inner in stack.indices.reversed() where inner > depth {
          close(position, inner, closed: false)
        }
        close(position, depth, closed: true)
        stack.removeSubrange(depth...)
      }
    }
    for depth in stack.indices.reversed() {
      close(range.upperBound, depth, closed: false)
    }
    return found.sorted { $0.range < $1.range }
  }
}
