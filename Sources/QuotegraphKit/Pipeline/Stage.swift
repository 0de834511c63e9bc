/// One processing step. A stage reads the layers it `requires` from a document and adds the
/// layers it `provides`; it does no I/O, prints nothing and touches no globals: data files are
/// read once, when the stage is built from its options.
public protocol Stage: Sendable {
  /// The stable, versioned name pipelines use to choose the stage, e.g. `text.segment.v1`.
  static var type: String { get }
  static var requires: Set<Layer> { get }
  static var provides: Set<Layer> { get }

  init(options: StageOptions, context: StageContext) throws(QuotegraphError)

  func process(_ document: inout Document) throws(QuotegraphError)
}

/// Where a stage being built may find its data files.
public struct StageContext: Sendable {
  /// The folder holding `Gazetteers/` and `Pipelines/`.
  public var resourceRoot: String
  /// The pipeline file being built, for error messages.
  public var pipelineFile: String

  public init(resourceRoot: String, pipelineFile: String) {
    self.resourceRoot = resourceRoot
    self.pipelineFile = pipelineFile
  }
}
