import CICUShim

/// Which characters the words of ICU's Chinese and Japanese dictionary hold side by side, as a
/// Bloom filter. ICU's word break joins two Han characters only inside a dictionary word, so a
/// pair the filter has never seen is split, and nobody needs to break its clause to know.
public struct CJKDictionaryPairs: Sendable {
  // Inlinable, so that word questions asked across modules test the bits in place.
  @usableFromInline let bits: [UInt64]
  /// `bits.count * 64 - 1` (a power of two less one), kept rather than worked out (with its
  /// overflow checks) at every test.
  @usableFromInline let mask: UInt32
  /// How many dictionary words were read.
  public let wordCount: Int

  /// The system ICU's pairs, read on first use (some 20 ms); nil when ICU has no dictionary.
  public static let system: CJKDictionaryPairs? = {
    var bits = [UInt64](repeating: 0, count: 1 << 17)
    var error: Int32 = 0
    let count = bits.withUnsafeMutableBufferPointer {
      qg_cjdict_pairs($0.baseAddress, Int32($0.count), &error)
    }
    guard error <= 0, count > 0 else { return nil }
    return CJKDictionaryPairs(bits: bits, wordCount: Int(count))
  }()

  private init(bits: [UInt64], wordCount: Int) {
    self.bits = bits
    self.mask = UInt32(bits.count * 64 - 1)
    self.wordCount = wordCount
  }

  /// Whether some dictionary word may hold `first` right before `second` (false: none does).
  @inlinable @inline(__always)
  public func mayHold(_ first: UInt16, _ second: UInt16) -> Bool {
    let pair = UInt32(first) << 16 | UInt32(second)
    // Every masked bit lies inside the filter: read through a pointer, unchecked.
    return bits.withUnsafeBufferPointer { bits in
      for which in 0..<UInt32(2) {
        let bit = qg_pair_hash(pair, which) & mask
        if bits[Int(bit &>> 6)] & (1 &<< UInt64(bit & 63)) == 0 { return false }
      }
      return true
    }
  }
}
