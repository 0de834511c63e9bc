import Synchronization

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
  /// Data several stages of this pipeline read, loaded once for all of them.
  public var shared: SharedResources

  public init(
    resourceRoot: String, pipelineFile: String, shared: SharedResources = SharedResources()
  ) {
    self.resourceRoot = resourceRoot
    self.pipelineFile = pipelineFile
    self.shared = shared
  }
}

/// Immutable data loaded on the first request for its key and handed to every later one:
/// person discovery, coreference and role linking all read the same name model, and building
/// it three times was most of the pipeline's start-up.
public final class SharedResources: Sendable {
  /// One value's slot, locked on its own: a stage loading one value (the gazetteer) does not
  /// hold up a stage loading another (the name model), and a load may ask for another value.
  private final class Slot: Sendable {
    let value = Mutex<(any Sendable)?>(nil)
  }

  private let slots = Mutex<[String: Slot]>([:])

  public init() {}

  /// The value stored under `key`, loaded by `load` if no stage asked for it before. Stages
  /// built side by side wait for the one loading rather than load it again.
  public func value<Value: Sendable>(
    _ key: String, load: () throws(QuotegraphError) -> Value
  ) throws(QuotegraphError) -> Value {
    let slot = slots.withLock { slots in
      if let slot = slots[key] { return slot }
      let slot = Slot()
      slots[key] = slot
      return slot
    }
    return try slot.value.withLock { (stored) throws(QuotegraphError) -> Value in
      if let value = stored as? Value { return value }
      let value = try load()
      stored = value
      return value
    }
  }
}
