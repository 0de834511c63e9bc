/// A value from a pipeline file, with the line it was written on.
public indirect enum OptionValue: Sendable, Equatable {
  case scalar(String, line: Int)
  case sequence([OptionValue], line: Int)
  case mapping([String: OptionValue], line: Int)

  public var line: Int {
    switch self {
    case .scalar(_, let line), .sequence(_, let line), .mapping(_, let line): line
    }
  }
}

/// A stage's options as written in the pipeline file. Reading an option marks it used; the
/// pipeline refuses options nobody read, so a typo is an error rather than a silent default.
public final class StageOptions {
  public let stageType: String
  public let file: String
  /// The line of the stage's entry in the pipeline file.
  public let line: Int
  private let values: [String: OptionValue]
  private var used: Set<String> = []

  public init(_ values: [String: OptionValue] = [:], stageType: String, file: String, line: Int) {
    self.values = values
    self.stageType = stageType
    self.file = file
    self.line = line
  }

  /// Keys that were given but never read, sorted.
  public var unusedKeys: [String] { values.keys.filter { !used.contains($0) }.sorted() }

  public func lineOf(_ key: String) -> Int { values[key]?.line ?? line }

  public func string(_ key: String) throws(QuotegraphError) -> String? {
    used.insert(key)
    guard let value = values[key] else { return nil }
    guard case .scalar(let text, _) = value else { throw mistyped(key, "a single value") }
    return text
  }

  public func requiredString(_ key: String) throws(QuotegraphError) -> String {
    guard let value = try string(key) else { throw missing(key) }
    return value
  }

  public func strings(_ key: String) throws(QuotegraphError) -> [String]? {
    used.insert(key)
    guard let value = values[key] else { return nil }
    guard case .sequence(let items, _) = value else { throw mistyped(key, "a list") }
    var result: [String] = []
    for item in items {
      guard case .scalar(let text, _) = item else { throw mistyped(key, "a list of single values") }
      result.append(text)
    }
    return result
  }

  public func requiredStrings(_ key: String) throws(QuotegraphError) -> [String] {
    guard let value = try strings(key) else { throw missing(key) }
    return value
  }

  public func int(_ key: String) throws(QuotegraphError) -> Int? {
    guard let text = try string(key) else { return nil }
    guard let value = Int(text) else { throw mistyped(key, "a whole number") }
    return value
  }

  public func requiredInt(_ key: String) throws(QuotegraphError) -> Int {
    guard let value = try int(key) else { throw missing(key) }
    return value
  }

  public func bool(_ key: String) throws(QuotegraphError) -> Bool? {
    guard let text = try string(key) else { return nil }
    switch text.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw mistyped(key, "true or false")
    }
  }

  public func requiredBool(_ key: String) throws(QuotegraphError) -> Bool {
    guard let value = try bool(key) else { throw missing(key) }
    return value
  }

  /// The folder named by the required `gazetteer` option, relative to the checkout unless
  /// absolute; an error at the option's line when it is not a folder.
  public func gazetteerDirectory(_ context: StageContext) throws(QuotegraphError) -> String {
    let directory = try requiredString("gazetteer")
    let path = directory.hasPrefix("/") ? directory : context.resourceRoot + "/" + directory
    guard FileIO.kind(of: path) == .directory else {
      throw invalid("gazetteer", "no gazetteer folder at \(path)")
    }
    return path
  }

  /// An error about option `key`, located at its line.
  public func invalid(_ key: String, _ message: String) -> QuotegraphError {
    QuotegraphError(
      "pipeline.bad-option", "option `\(key)` of \(stageType): \(message)", file: file,
      line: lineOf(key))
  }

  private func missing(_ key: String) -> QuotegraphError {
    QuotegraphError(
      "pipeline.missing-option", "stage \(stageType) needs the option `\(key)`", file: file,
      line: line)
  }

  private func mistyped(_ key: String, _ expected: String) -> QuotegraphError {
    invalid(key, "expected \(expected)")
  }
}
