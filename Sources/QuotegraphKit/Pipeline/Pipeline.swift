import Dispatch
import Synchronization

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
  ///
  /// The stages are built side by side: several load gazetteers (the entity matcher compiles
  /// every name into its automaton), and one after another they were most of start-up. Errors
  /// are the same as building them in order: the first entry, in file order, that names an
  /// unknown type, lacks a layer, fails to build or has an unknown option.
  public init(
    configuration: PipelineConfiguration, resourceRoot: String,
    registry: StageRegistry = .standard
  ) throws(QuotegraphError) {
    let context = StageContext(resourceRoot: resourceRoot, pipelineFile: configuration.file)
    // The checks that need no stage built, in order; building stops at the first failure.
    var stageTypes: [any Stage.Type] = []
    var orderError: QuotegraphError?
    var available: Set<Layer> = [.article]
    for entry in configuration.stages {
      guard let stageType = registry.types[entry.type] else {
        orderError = QuotegraphError(
          "pipeline.unknown-stage",
          "unknown stage type `\(entry.type)` (known: \(registry.names.joined(separator: ", ")))",
          file: configuration.file, line: entry.line)
        break
      }
      let missing = stageType.requires.subtracting(available)
      if !missing.isEmpty {
        orderError = QuotegraphError(
          "pipeline.missing-layer",
          "stage `\(entry.id)` (\(entry.type)) needs \(missing.sorted().map(\.name).joined(separator: ", ")), which no earlier stage provides",
          file: configuration.file, line: entry.line)
        break
      }
      available.formUnion(stageType.provides)
      stageTypes.append(stageType)
    }
    let entries = configuration.stages
    let types = stageTypes
    let built = Mutex([Result<any Stage, QuotegraphError>?](repeating: nil, count: types.count))
    DispatchQueue.concurrentPerform(iterations: types.count) { index in
      let entry = entries[index]
      let result = Result { () throws(QuotegraphError) -> any Stage in
        let options = StageOptions(
          entry.options, stageType: entry.type, file: configuration.file, line: entry.line)
        let stage = try types[index].init(options: options, context: context)
        if let unused = options.unusedKeys.first {
          throw QuotegraphError(
            "pipeline.unknown-option", "stage \(entry.type) has no option `\(unused)`",
            file: configuration.file, line: options.lineOf(unused))
        }
        return stage
      }
      built.withLock { $0[index] = result }
    }
    var stages: [any Stage] = []
    for result in built.withLock({ $0 }) {
      guard let result else {
        throw QuotegraphError("pipeline.build", "a stage was not built", file: configuration.file)
      }
      stages.append(try result.get())
    }
    if let orderError { throw orderError }
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
