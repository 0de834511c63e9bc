import Yams

/// A pipeline file (`Pipelines/*.yml`) as written: stages in order, each with an id, a type
/// and options, every value remembering its line for error messages.
public struct PipelineConfiguration: Sendable {
  public struct StageEntry: Sendable {
    public var id: String
    public var type: String
    public var options: [String: OptionValue]
    public var line: Int
  }

  public var file: String
  public var name: String
  public var stages: [StageEntry]

  public static func load(file: String) throws(QuotegraphError) -> PipelineConfiguration {
    let bytes: [UInt8]
    do {
      bytes = try FileIO.readAll(path: file)
    } catch {
      throw QuotegraphError(
        "pipeline.unreadable", "cannot read the pipeline file: \(error.message)", file: file)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw QuotegraphError("pipeline.encoding", "the pipeline file is not UTF-8", file: file)
    }
    return try parse(text, file: file)
  }

  public static func parse(_ yaml: String, file: String) throws(QuotegraphError)
    -> PipelineConfiguration
  {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw QuotegraphError(
        "pipeline.yaml", "not valid YAML: \(describe(error))", file: file, line: line(of: error))
    } catch {
      throw QuotegraphError("pipeline.yaml", "not valid YAML: \(error)", file: file)
    }
    guard let root, case .mapping(let mapping) = root else {
      throw QuotegraphError(
        "pipeline.shape", "a pipeline file is a mapping with a `stages` list", file: file,
        line: root.map(lineOf) ?? 1)
    }
    var name = ""
    var stagesNode: Node?
    for (key, value) in mapping {
      switch key.string {
      case "name": name = value.string ?? ""
      case "stages": stagesNode = value
      case "version", "description": break
      default:
        throw QuotegraphError(
          "pipeline.unknown-key",
          "unknown key `\(key.string ?? "?")` (a pipeline has name, description, version and stages)",
          file: file, line: lineOf(key))
      }
    }
    guard let stagesNode, case .sequence(let sequence) = stagesNode else {
      throw QuotegraphError(
        "pipeline.shape", "the pipeline needs a `stages` list", file: file,
        line: stagesNode.map(lineOf) ?? lineOf(root))
    }
    var entries: [StageEntry] = []
    for item in sequence {
      guard case .mapping(let stageMapping) = item else {
        throw QuotegraphError(
          "pipeline.shape", "each stage is a mapping with `id`, `type` and `options`", file: file,
          line: lineOf(item))
      }
      var id: String?
      var type: String?
      var options: [String: OptionValue] = [:]
      for (key, value) in stageMapping {
        switch key.string {
        case "id": id = value.string
        case "type": type = value.string
        case "options":
          if case .mapping(let optionMapping) = value {
            for (optionKey, optionValue) in optionMapping {
              options[optionKey.string ?? ""] = convert(optionValue)
            }
          } else if value.null == nil {
            throw QuotegraphError(
              "pipeline.shape", "`options` must be a mapping", file: file, line: lineOf(value))
          }
        default:
          throw QuotegraphError(
            "pipeline.unknown-key",
            "unknown key `\(key.string ?? "?")` in a stage (a stage has id, type and options)",
            file: file, line: lineOf(key))
        }
      }
      guard let type, !type.isEmpty else {
        throw QuotegraphError(
          "pipeline.shape", "this stage has no `type`", file: file, line: lineOf(item))
      }
      if let id, entries.contains(where: { $0.id == id }) {
        throw QuotegraphError(
          "pipeline.duplicate-id", "two stages have the id `\(id)`", file: file, line: lineOf(item))
      }
      entries.append(StageEntry(id: id ?? type, type: type, options: options, line: lineOf(item)))
    }
    return PipelineConfiguration(file: file, name: name, stages: entries)
  }

  private static func convert(_ node: Node) -> OptionValue {
    switch node {
    case .scalar(let scalar): .scalar(scalar.string, line: lineOf(node))
    case .sequence(let sequence): .sequence(sequence.map(convert), line: lineOf(node))
    case .mapping(let mapping):
      .mapping(
        Dictionary(
          mapping.map { ($0.key.string ?? "", convert($0.value)) },
          uniquingKeysWith: { _, last in last }), line: lineOf(node))
    case .alias: .scalar("", line: lineOf(node))
    }
  }

  private static func lineOf(_ node: Node) -> Int {
    (node.mark?.line ?? 0) + (node.mark == nil ? 1 : 0)
  }

  private static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default:
      return nil
    }
  }

  private static func describe(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _),
      .composer(_, let problem, _, _):
      return problem
    default:
      return "\(error)"
    }
  }
}
