/// One article's worth of input, ready for a worker: a file to read, content already read
/// (an archive member, a piece of standard input), or a failure to report in its place.
public enum InputUnit: Sendable {
  case file(String)
  case content(source: String, bytes: [UInt8])
  case failure(source: String, error: QuotegraphError)

  public var source: String {
    switch self {
    case .file(let path): path
    case .content(let source, _), .failure(let source, _): source
    }
  }
}

/// `--shard i/N`: this run takes the sources whose stable hash falls in shard `i` of `N`
/// (0-based), so N machines given the same inputs split them without talking to each other.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  public var index: Int
  public var count: Int

  public init?(_ text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (0..<count).contains(index)
    else { return nil }
    self.index = index
    self.count = count
  }

  public func contains(_ source: String) -> Bool {
    Int(StableID.fnv1a(source.utf8) % UInt64(count)) == index
  }

  public var description: String { "\(index)/\(count)" }
}

/// Turns the collected inputs into units one at a time: files as paths (workers read them),
/// archives member by member, standard input article by article. Runs on the caller's task and
/// holds at most one archive member or stdin article at a time.
public final class InputProducer {
  private var items: [InputItem]
  private var position = 0
  private let maxArticleBytes: Int
  private let shard: Shard?
  private var archive: ArchiveReader?
  private var standardInput: StandardInputSplitter?
  /// Units left out because they belong to another shard.
  public private(set) var skippedByShard = 0

  public init(
    items: [InputItem], maxArticleBytes: Int = ArticleReader.defaultMaxBytes, shard: Shard? = nil
  ) {
    self.items = items
    self.maxArticleBytes = maxArticleBytes
    self.shard = shard
  }

  public func next() -> InputUnit? {
    while true {
      guard let unit = nextUnfiltered() else { return nil }
      if let shard, !shard.contains(unit.source) {
        skippedByShard += 1
        continue
      }
      return unit
    }
  }

  private func nextUnfiltered() -> InputUnit? {
    while true {
      if let archive {
        do {
          if let member = try archive.next() {
            let source = archive.path + "!" + member.name
            switch member.content {
            case .success(let bytes): return .content(source: source, bytes: bytes)
            case .failure(let error): return .failure(source: source, error: error)
            }
          }
          self.archive = nil
        } catch {
          self.archive = nil
          return .failure(source: archive.path, error: error)
        }
        continue
      }
      if let splitter = standardInput {
        if let unit = splitter.next() { return unit }
        standardInput = nil
        continue
      }
      guard position < items.count else { return nil }
      let item = items[position]
      position += 1
      switch item {
      case .file(let path): return .file(path)
      case .unreadable(let path, let error): return .failure(source: path, error: error)
      case .standardInput:
        standardInput = StandardInputSplitter(descriptor: 0, maxArticleBytes: maxArticleBytes)
      case .archive(let path):
        do {
          archive = try ArchiveReader(path: path, maxMemberBytes: maxArticleBytes)
        } catch {
          return .failure(source: path, error: error)
        }
      }
    }
  }
}
