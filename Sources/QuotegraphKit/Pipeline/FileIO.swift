#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Plain POSIX file access: predictable errors, no Foundation bridging on hot paths.
public enum FileIO {
  public static func readAll(path: String) throws(QuotegraphError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw posixError(path) }
    defer { close(descriptor) }
    return try readAll(descriptor: descriptor, name: path)
  }

  public static func readAll(descriptor: Int32, name: String) throws(QuotegraphError) -> [UInt8] {
    var info = stat()
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw QuotegraphError("input.unreadable", "is a directory", file: name)
    }
    // The size stat gives is read straight into the array; appending a zeroed 64 KiB chunk's
    // slice cost some 9 instructions a byte. Reading goes on past it in case the file grew,
    // and for pipes, whose size is unknown.
    let expected = info.st_size > 0 ? Int(info.st_size) : 0
    var failed = false
    var result = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
      while initialized < expected {
        let count = read(descriptor, buffer.baseAddress! + initialized, expected - initialized)
        if count < 0 {
          if errno == EINTR { continue }
          failed = true
          return
        }
        if count == 0 { return }
        initialized += count
      }
    }
    if failed { throw posixError(name) }
    let more = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
      while true {
        let count = read(descriptor, chunk.baseAddress, chunk.count)
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        if count == 0 { return true }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count]))
      }
    }
    if !more { throw posixError(name) }
    return result
  }

  public enum Kind { case file, directory, other, missing }

  public static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// Entries of a directory except `.` and `..`, unsorted.
  public static func entries(of path: String) throws(QuotegraphError) -> [String] {
    guard let directory = opendir(path) else { throw posixError(path) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  public static func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  static func posixError(_ path: String) -> QuotegraphError {
    let message = String(cString: strerror(errno))
    return QuotegraphError("input.unreadable", message.lowercased(), file: path)
  }
}

/// An output file written as it goes, or standard output.
public final class OutputFile {
  private let descriptor: Int32
  private var ownsDescriptor: Bool
  public let path: String

  public static func standardOutput() -> OutputFile { OutputFile(descriptor: 1, path: "-") }
  public static func standardError() -> OutputFile { OutputFile(descriptor: 2, path: "<stderr>") }

  private init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.ownsDescriptor = false
    self.path = path
  }

  public init(creating path: String) throws(QuotegraphError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw QuotegraphError(
        "output.unwritable", "cannot write: \(String(cString: strerror(errno)))", file: path)
    }
    self.descriptor = descriptor
    self.ownsDescriptor = true
    self.path = path
  }

  public func write(_ text: String) throws(QuotegraphError) {
    var text = text
    if !text.withUTF8(writeAll) { throw writeFailure() }
  }

  public func write(_ bytes: [UInt8]) throws(QuotegraphError) {
    if !bytes.withUnsafeBufferPointer(writeAll) { throw writeFailure() }
  }

  /// Whether every byte was written.
  private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    var offset = 0
    while offset < buffer.count {
      let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }

  private func writeFailure() -> QuotegraphError {
    QuotegraphError(
      "output.unwritable", "write failed: \(String(cString: strerror(errno)))", file: path)
  }

  public func close() {
    if ownsDescriptor { _ = Glibc.close(descriptor) }
    ownsDescriptor = false
  }

  deinit { close() }
}
