/// The stage types a pipeline file may name, by their stable versioned names.
public struct StageRegistry: Sendable {
  public private(set) var types: [String: any Stage.Type] = [:]

  public init(_ stageTypes: [any Stage.Type]) {
    for stageType in stageTypes { types[stageType.type] = stageType }
  }

  /// Every stage quotegraph ships.
  public static let standard = StageRegistry([
    HTMLCleaner.self,
    Segmenter.self,
    EntityMatcher.self,
    PersonFinder.self,
    NameCoreference.self,
    RoleLinker.self,
    MeetingFinder.self,
    QuoteFinder.self,
    SpeakerAttributor.self,
    GraphBuilder.self,
  ])

  public var names: [String] { types.keys.sorted() }
}
