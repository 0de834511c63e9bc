/// Content-derived identifiers: the same input gives the same id on every run and machine.
public enum StableID {
  /// 64-bit FNV-1a of the UTF-8 bytes, as 16 lowercase hex digits.
  public static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01b3
    }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// `article:<hash of the URL>`, or of the source path for an article without a URL.
  public static func article(url: String, source: String) -> String {
    "article:" + hash(url.isEmpty ? "source:" + source : url)
  }
}
