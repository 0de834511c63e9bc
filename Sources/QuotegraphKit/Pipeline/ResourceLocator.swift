#if canImport(Glibc)
  import Glibc
#endif

/// Finds the folder holding `Pipelines/` and `Gazetteers/`: `$QUOTEGRAPH_HOME`, else the
/// working directory, else the nearest ancestor of the executable that has them (so a build
/// in `.build/release/` finds the checkout it was built from).
public enum ResourceLocator {
  public static func resourceRoot() -> String? {
    if let home = getenv("QUOTEGRAPH_HOME").map({ String(cString: $0) }), !home.isEmpty {
      return home
    }
    if hasPipelines("."), let cwd = currentDirectory() { return cwd }
    var directory = executablePath().map(parent) ?? ""
    while !directory.isEmpty && directory != "/" {
      if hasPipelines(directory) { return directory }
      directory = parent(directory)
    }
    return nil
  }

  public static func defaultPipeline() -> String? {
    resourceRoot().map { $0 + "/Pipelines/default.yml" }
  }

  private static func hasPipelines(_ directory: String) -> Bool {
    FileIO.kind(of: directory + "/Pipelines/default.yml") == .file
  }

  private static func executablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return nil }
    return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func currentDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return nil }
    let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
