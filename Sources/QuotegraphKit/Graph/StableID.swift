/// Content-derived identifiers: the same input gives the same id on every run and machine.
public enum StableID {
  /// 64-bit FNV-1a of the UTF-8 bytes, as 16 lowercase hex digits.
  public static func hash(_ text: String) -> String {
    hex(fnv1a(text.utf8))
  }

  /// 64-bit FNV-1a of raw bytes (file contents), as 16 lowercase hex digits.
  public static func hash(_ bytes: [UInt8]) -> String {
    hex(fnv1a(bytes))
  }

  public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01b3
    }
    return value
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// `article:<hash of the URL>`, or of the source path for an article without a URL.
  public static func article(url: String, source: String) -> String {
    "article:" + hash(url.isEmpty ? "source:" + source : url)
  }
}
