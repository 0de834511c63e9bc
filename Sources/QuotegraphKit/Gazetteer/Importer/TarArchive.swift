/// Reads the regular files of a POSIX (ustar) tar archive held in memory.
public enum TarArchive {
  public struct Member: Sendable {
    public var path: String
    public var contents: ArraySlice<UInt8>
  }

  /// Regular-file members in archive order; directories and links are skipped.
  public static func members(of archive: [UInt8]) throws(QuotegraphError) -> [Member] {
    var members: [Member] = []
    var offset = 0
    var longName: String?
    while offset + 512 <= archive.count {
      let header = archive[offset..<offset + 512]
      if header.allSatisfy({ $0 == 0 }) { break }
      let name = field(header, 0, 100)
      let prefix = field(header, 345, 155)
      guard let size = Int(field(header, 124, 12).trimmingSpaces, radix: 8) else {
        throw QuotegraphError(
          "gazetteer.source-corrupt", "tar header at byte \(offset) has no valid size")
      }
      let type = archive[offset + 156]
      let start = offset + 512
      guard start + size <= archive.count else {
        throw QuotegraphError("gazetteer.source-corrupt", "tar member \(name) is truncated")
      }
      let body = archive[start..<start + size]
      switch type {
      case UInt8(ascii: "L"):
        // GNU long-name record: the next header's name is this body.
        longName = String(decoding: body.prefix(while: { $0 != 0 }), as: UTF8.self)
      case 0, UInt8(ascii: "0"):
        let path = longName ?? (prefix.isEmpty ? name : prefix + "/" + name)
        members.append(Member(path: path, contents: body))
        longName = nil
      default:
        longName = nil
      }
      offset = start + (size + 511) / 512 * 512
    }
    return members
  }

  private static func field(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int) -> String {
    let from = header.startIndex + start
    let bytes = header[from..<from + length].prefix(while: { $0 != 0 })
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension String {
  var trimmingSpaces: String {
    String(unicodeScalars.filter { $0 != " " })
  }
}
