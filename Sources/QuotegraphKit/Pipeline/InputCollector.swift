/// One thing to read: a file, standard input, or a path that could not be listed (kept so
/// that its error is reported in order with the rest).
public enum InputItem: Sendable, Equatable {
  case file(String)
  case standardInput
  case unreadable(String, QuotegraphError)

  public var source: String {
    switch self {
    case .file(let path): path
    case .standardInput: "-"
    case .unreadable(let path, _): path
    }
  }
}

/// Expands command-line paths into the files to read: folders recursively, in sorted order,
/// skipping hidden entries and not following symbolic links to folders (which could loop).
public enum InputCollector {
  public static func collect(_ paths: [String]) -> [InputItem] {
    var items: [InputItem] = []
    for path in paths {
      if path == "-" {
        items.append(.standardInput)
        continue
      }
      switch FileIO.kind(of: path) {
      case .file: items.append(.file(path))
      case .directory: walk(path, into: &items)
      case .missing:
        items.append(
          .unreadable(path, QuotegraphError("input.missing", "no such file or directory", file: path)))
      case .other:
        items.append(
          .unreadable(path, QuotegraphError("input.not-file", "not a regular file", file: path)))
      }
    }
    return items
  }

  private static func walk(_ directory: String, into items: inout [InputItem]) {
    let names: [String]
    do {
      names = try FileIO.entries(of: directory)
    } catch {
      items.append(.unreadable(directory, error))
      return
    }
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    where !name.hasPrefix(".") {
      let path = base + name
      switch FileIO.kind(of: path) {
      case .file: items.append(.file(path))
      case .directory where !FileIO.isSymbolicLink(path): walk(path, into: &items)
      case .directory: continue
      case .missing:
        items.append(
          .unreadable(path, QuotegraphError("input.broken-link", "broken symbolic link", file: path)))
      case .other: continue
      }
    }
  }
}
