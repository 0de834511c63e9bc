import CArchiveShim

/// Reads the members of a `.tar`, `.tar.gz`, `.zip` (anything libarchive reads) as a stream,
/// keeping nothing on disk. Hostile members are refused with an error rather than followed or
/// expanded: absolute and `..` paths, links, and members larger than `maxMemberBytes` or
/// expanding more than `maxExpansionRatio` times their compressed size (zip bombs).
public final class ArchiveReader {
  public let path: String
  public let maxMemberBytes: Int
  public let maxExpansionRatio: Int
  private let handle: OpaquePointer

  /// One member: its data, or why it was refused.
  public struct Member: Sendable {
    public var name: String
    public var content: Result<[UInt8], QuotegraphError>
  }

  public init(path: String, maxMemberBytes: Int = 16 << 20, maxExpansionRatio: Int = 200)
    throws(QuotegraphError)
  {
    var message = [CChar](repeating: 0, count: 512)
    guard let opened = qg_archive_open(path, &message, Int32(message.count)) else {
      throw QuotegraphError(
        "input.archive", "cannot open the archive: \(ArchiveReader.string(message))", file: path)
    }
    self.path = path
    self.handle = opened
    self.maxMemberBytes = maxMemberBytes
    self.maxExpansionRatio = maxExpansionRatio
  }

  deinit { qg_archive_close(handle) }

  /// Whether `path` names a file this reader should open as an archive.
  public static func isArchive(_ path: String) -> Bool {
    let lower = path.lowercased()
    return [".tar", ".tar.gz", ".tgz", ".zip", ".tar.bz2", ".tar.xz", ".tar.zst"].contains {
      lower.hasSuffix($0)
    }
  }

  /// The next regular-file member (directories are skipped), nil at the end. A damaged archive
  /// throws: nothing after the damage can be trusted.
  public func next() throws(QuotegraphError) -> Member? {
    var name = [CChar](repeating: 0, count: 4096)
    var message = [CChar](repeating: 0, count: 512)
    while true {
      var kind: Int32 = 0
      var size: Int64 = -1
      let status = qg_archive_next(
        handle, &name, Int32(name.count), &kind, &size, &message, Int32(message.count))
      if status == 0 { return nil }
      if status < 0 {
        throw QuotegraphError(
          "input.archive", "damaged archive: \(ArchiveReader.string(message))", file: path)
      }
      let memberName = ArchiveReader.string(name)
      let source = path + "!" + memberName
      if kind == Int32(QG_ENTRY_DIRECTORY) { continue }
      if let reason = ArchiveReader.unsafeNameReason(memberName) {
        return Member(name: memberName, content: .failure(refusal(source, reason)))
      }
      if kind != Int32(QG_ENTRY_FILE) {
        let what =
          kind == Int32(QG_ENTRY_SYMLINK)
          ? "a symbolic link"
          : kind == Int32(QG_ENTRY_HARDLINK) ? "a hard link" : "not a regular file"
        return Member(name: memberName, content: .failure(refusal(source, "\(what), not followed")))
      }
      if size > Int64(maxMemberBytes) {
        return Member(
          name: memberName,
          content: .failure(
            refusal(source, "member of \(size) bytes is over the \(maxMemberBytes)-byte limit")))
      }
      return Member(name: memberName, content: readData(source: source))
    }
  }

  private func readData(source: String) -> Result<[UInt8], QuotegraphError> {
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var message = [CChar](repeating: 0, count: 512)
    let startOffset = qg_archive_compressed_offset(handle)
    while true {
      let count = chunk.withUnsafeMutableBufferPointer {
        qg_archive_read(handle, $0.baseAddress, Int64($0.count), &message, Int32(message.count))
      }
      if count < 0 {
        return .failure(
          QuotegraphError(
            "input.archive", "cannot read the member: \(ArchiveReader.string(message))",
            file: source))
      }
      if count == 0 { return .success(data) }
      data.append(contentsOf: chunk[0..<Int(count)])
      if data.count > maxMemberBytes {
        return .failure(refusal(source, "expands past the \(maxMemberBytes)-byte limit"))
      }
      let compressed = max(1, qg_archive_compressed_offset(handle) - startOffset)
      if data.count > 1 << 20 && Int64(data.count) > compressed * Int64(maxExpansionRatio) {
        return .failure(
          refusal(
            source,
            "expands more than \(maxExpansionRatio)× its compressed size: refused as a likely zip bomb"
          ))
      }
    }
  }

  private func refusal(_ source: String, _ reason: String) -> QuotegraphError {
    QuotegraphError("input.archive-member", "refused archive member: \(reason)", file: source)
  }

  /// Why a member's name is refused: absolute, or climbing out with `..`.
  static func unsafeNameReason(_ name: String) -> String? {
    if name.hasPrefix("/") || name.hasPrefix("\\")
      || (name.count > 1 && name.dropFirst().hasPrefix(":"))
    {
      return "absolute path \(name)"
    }
    let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
    if parts.contains("..") { return "path climbs out of the archive: \(name)" }
    return nil
  }

  private static func string(_ buffer: [CChar]) -> String {
    let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
