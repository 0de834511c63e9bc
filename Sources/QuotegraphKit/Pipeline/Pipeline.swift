/// Stages built from a pipeline file, checked to form a chain: each stage's required layers
/// are provided by the reader or an earlier stage.
public struct Pipeline: Sendable {
  public let name: String
  public let file: String
  public let stages: [any Stage]
  public let stageIDs: [String]

  public init(stages: [any Stage], ids: [String]? = nil, name: String = "", file: String = "")
    throws(QuotegraphError)
  {
    var available: Set<Layer> = [.article]
    for stage in stages {
      let kind = type(of: stage)
      let missing = kind.requires.subtracting(available)
      if !missing.isEmpty {
        throw QuotegraphError(
          "pipeline.missing-layer",
          "stage \(kind.type) needs \(missing.sorted().map(\.name).joined(separator: ", ")), which no earlier stage provides",
          file: file.isEmpty ? nil : file)
      }
      available.formUnion(kind.provides)
    }
    self.stages = stages
    self.stageIDs = ids ?? stages.map { type(of: $0).type }
    self.name = name
    self.file = file
  }

  /// Builds the stages a configuration names, with their options.
  public init(
    configuration: PipelineConfiguration, resourceRoot: String,
    registry: StageRegistry = .standard
  ) throws(QuotegraphError) {
    var stages: [any Stage] = []
    var available: Set<Layer> = [.article]
    let context = StageContext(resourceRoot: resourceRoot, pipelineFile: configuration.file)
    for entry in configuration.stages {
      guard let stageType = registry.types[entry.type] else {
        throw QuotegraphError(
          "pipeline.unknown-stage",
          "unknown stage type `\(entry.type)` (known: \(registry.names.joined(separator: ", ")))",
          file: configuration.file, line: entry.line)
      }
      let missing = stageType.requires.subtracting(available)
      if !missing.isEmpty {
        throw QuotegraphError(
          "pipeline.missing-layer",
          "stage `\(entry.id)` (\(entry.type)) needs \(missing.sorted().map(\.name).joined(separator: ", ")), which no earlier stage provides",
          file: configuration.file, line: entry.line)
      }
      let options = StageOptions(
        entry.options, stageType: entry.type, file: configuration.file, line: entry.line)
      let stage = try stageType.init(options: options, context: context)
      if let unused = options.unusedKeys.first {
        throw QuotegraphError(
          "pipeline.unknown-option", "stage \(entry.type) has no option `\(unused)`",
          file: configuration.file, line: options.lineOf(unused))
      }
      available.formUnion(stageType.provides)
      stages.append(stage)
    }
    try self.init(
      stages: stages, ids: configuration.stages.map(\.id), name: configuration.name,
      file: configuration.file)
  }

  /// Runs every stage over a document; a failure names the stage.
  public func process(_ document: inout Document) throws(QuotegraphError) {
    for (index, stage) in stages.enumerated() {
      do {
        try stage.process(&document)
      } catch {
        var located = error.located(in: document.article.source)
        if located.stage == nil { located.stage = stageIDs[index] }
        throw located
      }
    }
  }
}
