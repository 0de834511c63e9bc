/// One thing to read: a file, an archive of files, standard input, or a path that could not be
/// listed (kept so that its error is reported in order with the rest).
public enum InputItem: Sendable, Equatable {
  case file(String)
  case archive(String)
  case standardInput
  case unreadable(String, QuotegraphError)

  public var source: String {
    switch self {
    case .file(let path), .archive(let path): path
    case .standardInput: "-"
    case .unreadable(let path, _): path
    }
  }
}

/// Expands command-line paths into the files to read: folders recursively, in sorted order,
/// skipping hidden entries, files whose extension is not an article's, and symbolic links to
/// folders (which could loop). Files named on the command line are always read.
public struct InputCollector: Sendable {
  /// Extensions of the files read from folders; files without an extension are read too.
  public var extensions: Set<String>

  public static let defaultExtensions: Set<String> = ["md", "markdown", "txt", "html", "htm"]

  public init(extensions: Set<String> = InputCollector.defaultExtensions) {
    self.extensions = Set(extensions.map { $0.lowercased() })
  }

  public struct Collected: Sendable, Equatable {
    public var items: [InputItem] = []
    /// Files inside folders left out for their extension.
    public var skipped: [String] = []
  }

  public func collect(_ paths: [String]) -> Collected {
    var collected = Collected()
    for path in paths {
      if path == "-" {
        collected.items.append(.standardInput)
        continue
      }
      switch FileIO.kind(of: path) {
      case .file where ArchiveReader.isArchive(path): collected.items.append(.archive(path))
      case .file: collected.items.append(.file(path))
      case .directory: walk(path, into: &collected)
      case .missing:
        collected.items.append(
          .unreadable(
            path, QuotegraphError("input.missing", "no such file or directory", file: path)))
      case .other:
        collected.items.append(
          .unreadable(path, QuotegraphError("input.not-file", "not a regular file", file: path)))
      }
    }
    return collected
  }

  private func walk(_ directory: String, into collected: inout Collected) {
    let names: [String]
    do {
      names = try FileIO.entries(of: directory)
    } catch {
      collected.items.append(.unreadable(directory, error))
      return
    }
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    where !name.hasPrefix(".") {
      let path = base + name
      switch FileIO.kind(of: path) {
      case .file where ArchiveReader.isArchive(name): collected.items.append(.archive(path))
      case .file where hasArticleExtension(name): collected.items.append(.file(path))
      case .file: collected.skipped.append(path)
      case .directory where !FileIO.isSymbolicLink(path): walk(path, into: &collected)
      case .directory: continue
      case .missing:
        collected.items.append(
          .unreadable(
            path, QuotegraphError("input.broken-link", "broken symbolic link", file: path)))
      case .other: continue
      }
    }
  }

  func hasArticleExtension(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return true }
    return extensions.contains(name[name.index(after: dot)...].lowercased())
  }
}
