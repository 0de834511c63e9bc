/// A DEFLATE (RFC 1951) and gzip (RFC 1952) decoder in plain Swift, so that the importer can
/// read the chinese-elite node archive without linking zlib or shelling out to `tar`.
public enum Inflate {
  /// Decompresses every member of a gzip file.
  public static func gunzip(_ data: [UInt8]) throws(QuotegraphError) -> [UInt8] {
    var output: [UInt8] = []
    var offset = 0
    while offset < data.count {
      guard data.count - offset >= 18, data[offset] == 0x1f, data[offset + 1] == 0x8b,
        data[offset + 2] == 8
      else { throw corrupt("not a gzip stream at byte \(offset)") }
      let flags = data[offset + 3]
      var position = offset + 10
      if flags & 0x04 != 0 {
        guard position + 2 <= data.count else { throw corrupt("truncated gzip header") }
        position += 2 + Int(data[position]) + Int(data[position + 1]) << 8
      }
      for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
        while position < data.count && data[position] != 0 { position += 1 }
        position += 1
      }
      if flags & 0x02 != 0 { position += 2 }
      guard position <= data.count else { throw corrupt("truncated gzip header") }
      var decoder = Decoder(input: data, position: position)
      try decoder.inflate(into: &output)
      // The 8-byte trailer (CRC-32, size) follows the byte-aligned end of the stream.
      offset = decoder.alignedPosition + 8
    }
    return output
  }

  /// Decompresses a raw DEFLATE stream.
  public static func inflate(_ data: [UInt8]) throws(QuotegraphError) -> [UInt8] {
    var output: [UInt8] = []
    var decoder = Decoder(input: data, position: 0)
    try decoder.inflate(into: &output)
    return output
  }

  static func corrupt(_ message: String) -> QuotegraphError {
    QuotegraphError("gazetteer.source-corrupt", "compressed data: " + message)
  }

  /// A canonical Huffman code: a lookup table for codes of up to `fastBits` bits and the
  /// per-length counts that decode longer codes bit by bit.
  struct Huffman {
    static let fastBits = 9
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int]
    /// `symbol << 4 | length`, or -1 where the code is longer than `fastBits`.
    var fast = [Int](repeating: -1, count: 1 << fastBits)

    init(lengths: ArraySlice<Int>) {
      for length in lengths { counts[length] += 1 }
      counts[0] = 0
      var offsets = [Int](repeating: 0, count: 16)
      for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
      symbols = [Int](repeating: 0, count: lengths.count)
      for (symbol, length) in lengths.enumerated() where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
      var code = 0
      var index = 0
      for length in 1..<16 {
        for _ in 0..<counts[length] {
          if length <= Huffman.fastBits {
            // Codes are stored most-significant bit first but read least-significant first.
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 {
              reversed |= 1 << (length - 1 - bit)
            }
            var fill = reversed
            while fill < 1 << Huffman.fastBits {
              fast[fill] = symbols[index] << 4 | length
              fill += 1 << length
            }
          }
          code += 1
          index += 1
        }
        code <<= 1
      }
    }
  }

  struct Decoder {
    let input: [UInt8]
    var position: Int
    var bitBuffer = 0
    var bitCount = 0

    init(input: [UInt8], position: Int) {
      self.input = input
      self.position = position
    }

    /// The input position after the last byte the stream used.
    var alignedPosition: Int { position - bitCount / 8 }

    mutating func need(_ count: Int) throws(QuotegraphError) {
      while bitCount < count {
        guard position < input.count else { throw corrupt("unexpected end of data") }
        bitBuffer |= Int(input[position]) << bitCount
        position += 1
        bitCount += 8
      }
    }

    mutating func bits(_ count: Int) throws(QuotegraphError) -> Int {
      try need(count)
      let value = bitBuffer & ((1 << count) - 1)
      bitBuffer >>= count
      bitCount -= count
      return value
    }

    mutating func decode(_ code: Huffman) throws(QuotegraphError) -> Int {
      // Fill up to the fast width when the input allows; near the end fewer bits may remain.
      while bitCount < Huffman.fastBits && position < input.count {
        bitBuffer |= Int(input[position]) << bitCount
        position += 1
        bitCount += 8
      }
      let entry = code.fast[bitBuffer & ((1 << Huffman.fastBits) - 1)]
      if entry >= 0 && entry & 15 <= bitCount {
        bitBuffer >>= entry & 15
        bitCount -= entry & 15
        return entry >> 4
      }
      var value = 0
      var first = 0
      var index = 0
      for length in 1..<16 {
        value |= try bits(1)
        let count = code.counts[length]
        if value - count < first { return code.symbols[index + (value - first)] }
        index += count
        first = (first + count) << 1
        value <<= 1
      }
      throw corrupt("invalid Huffman code")
    }

    mutating func inflate(into output: inout [UInt8]) throws(QuotegraphError) {
      var last = false
      while !last {
        last = try bits(1) == 1
        switch try bits(2) {
        case 0: try stored(into: &output)
        case 1: try codes(Decoder.fixedLiterals, Decoder.fixedDistances, into: &output)
        case 2:
          let (literals, distances) = try dynamicTables()
          try codes(literals, distances, into: &output)
        default: throw corrupt("invalid block type")
        }
      }
    }

    mutating func stored(into output: inout [UInt8]) throws(QuotegraphError) {
      bitBuffer = 0
      position -= bitCount / 8
      bitCount = 0
      guard position + 4 <= input.count else { throw corrupt("truncated stored block") }
      let length = Int(input[position]) | Int(input[position + 1]) << 8
      position += 4
      guard position + length <= input.count else { throw corrupt("truncated stored block") }
      output.append(contentsOf: input[position..<position + length])
      position += length
    }

    static let lengthBase = [
      3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
      131, 163, 195, 227, 258,
    ]
    static let lengthExtra = [
      0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBase = [
      1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
      2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra = [
      0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
      13,
    ]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static let fixedLiterals: Huffman = {
      var lengths = [Int](repeating: 8, count: 288)
      for symbol in 144..<256 { lengths[symbol] = 9 }
      for symbol in 256..<280 { lengths[symbol] = 7 }
      return Huffman(lengths: lengths[...])
    }()
    static let fixedDistances: Huffman =
      Huffman(lengths: [Int](repeating: 5, count: 30)[...])

    mutating func dynamicTables() throws(QuotegraphError) -> (Huffman, Huffman) {
      let literalCount = try bits(5) + 257
      let distanceCount = try bits(5) + 1
      let codeLengthCount = try bits(4) + 4
      var codeLengths = [Int](repeating: 0, count: 19)
      for index in 0..<codeLengthCount {
        codeLengths[Decoder.codeLengthOrder[index]] = try bits(3)
      }
      let lengthCode = Huffman(lengths: codeLengths[...])
      var lengths: [Int] = []
      lengths.reserveCapacity(literalCount + distanceCount)
      while lengths.count < literalCount + distanceCount {
        let symbol = try decode(lengthCode)
        switch symbol {
        case 0..<16: lengths.append(symbol)
        case 16:
          guard let previous = lengths.last else { throw corrupt("repeat with no length") }
          lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
        case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
        default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
        }
      }
      guard lengths.count == literalCount + distanceCount else {
        throw corrupt("too many code lengths")
      }
      return (
        Huffman(lengths: lengths[0..<literalCount]),
        Huffman(lengths: lengths[literalCount...])
      )
    }

    mutating func codes(
      _ literals: Huffman, _ distances: Huffman, into output: inout [UInt8]
    ) throws(QuotegraphError) {
      while true {
        let symbol = try decode(literals)
        if symbol < 256 {
          output.append(UInt8(symbol))
        } else if symbol == 256 {
          return
        } else {
          let lengthIndex = symbol - 257
          guard lengthIndex < Decoder.lengthBase.count else { throw corrupt("bad length code") }
          let length =
            Decoder.lengthBase[lengthIndex] + (try bits(Decoder.lengthExtra[lengthIndex]))
          let distanceIndex = try decode(distances)
          guard distanceIndex < Decoder.distanceBase.count else {
            throw corrupt("bad distance code")
          }
          let distance =
            Decoder.distanceBase[distanceIndex] + (try bits(Decoder.distanceExtra[distanceIndex]))
          guard distance <= output.count else { throw corrupt("distance too far back") }
          let start = output.count - distance
          for offset in 0..<length { output.append(output[start + offset]) }
        }
      }
    }
  }
}
