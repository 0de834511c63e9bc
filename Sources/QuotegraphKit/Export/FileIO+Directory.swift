#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension FileIO {
  /// Creates a directory (and its parents) unless it exists; a file in the way is an error.
  public static func makeDirectory(_ path: String) throws(QuotegraphError) {
    switch kind(of: path) {
    case .directory: return
    case .file, .other:
      throw QuotegraphError("output.unwritable", "exists and is not a folder", file: path)
    case .missing:
      if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
        try makeDirectory(String(path[..<slash]))
      }
      guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
        throw QuotegraphError(
          "output.unwritable", "cannot create folder: \(String(cString: strerror(errno)))",
          file: path)
      }
    }
  }
}
