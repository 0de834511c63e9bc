import Synchronization
import Testing

@testable import QuotegraphKit

@Suite("Pipeline configuration")
struct PipelineConfigurationTests {
  func build(_ yaml: String) throws -> Pipeline {
    let configuration = try PipelineConfiguration.parse(yaml, file: "Pipelines/test.yml")
    return try Pipeline(configuration: configuration, resourceRoot: Paths.repository)
  }

  func error(_ yaml: String) -> QuotegraphError? {
    #expect(throws: QuotegraphError.self) { try build(yaml) }
  }

  @Test("the default pipeline builds with every stage it names")
  func defaultPipeline() {
    #expect(
      Fixture.defaultPipeline.stageIDs == [
        "clean", "segment", "entities", "persons", "coreference", "roles", "meetings", "quotes",
        "speakers", "graph",
      ])
  }

  @Test("every registered stage appears in the default pipeline")
  func registryCoverage() throws {
    let configuration = try PipelineConfiguration.load(file: Paths.defaultPipeline)
    #expect(Set(configuration.stages.map(\.type)) == Set(StageRegistry.standard.names))
  }

  @Test("an unknown stage type names the file, the line and the known types")
  func unknownStage() {
    let failure = error(
      """
      stages:
        - id: clean
          type: html.clean.v1
          options: {drop_elements: [script]}
        - id: oops
          type: quote.attribute.v9
      """)
    #expect(failure?.code == "pipeline.unknown-stage")
    #expect(failure?.file == "Pipelines/test.yml")
    #expect(failure?.line == 5)
    #expect(failure?.message.contains("text.segment.v1") == true)
  }

  /// Stages are built side by side; the error is still the first in file order.
  @Test("the first bad entry in file order is reported, whatever kind of error follows")
  func firstErrorInFileOrder() {
    let failure = error(
      """
      stages:
        - id: clean
          type: html.clean.v1
          options: {drop_elements: [script], no_such_option: 1}
        - id: segment
          type: text.segment.v1
        - id: oops
          type: quote.attribute.v9
      """)
    #expect(failure?.code == "pipeline.unknown-option")
    #expect(failure?.line == 4)
    let later = error(
      """
      stages:
        - id: clean
          type: html.clean.v1
          options: {drop_elements: [script]}
        - id: segment
          type: text.segment.v1
        - id: oops
          type: quote.attribute.v9
      """)
    #expect(later?.code == "pipeline.missing-option")
    #expect(later?.line == 5)
  }

  @Test("a missing required option names the stage's line")
  func missingOption() {
    let failure = error(
      """
      name: t
      stages:
        - id: clean
          type: html.clean.v1
          options: {drop_elements: [script]}
        - id: segment
          type: text.segment.v1
      """)
    #expect(failure?.code == "pipeline.missing-option")
    #expect(failure?.line == 6)
    #expect(failure?.message.contains("locale") == true)
  }

  @Test("an unknown option is an error at its line, not a silent default")
  func unknownOption() {
    let failure = error(
      """
      stages:
        - type: html.clean.v1
          options:
            drop_elements: [script]
            drop_elemnts: [style]
      """)
    #expect(failure?.code == "pipeline.unknown-option")
    #expect(failure?.line == 5)
  }

  @Test("a mistyped option value names its line")
  func mistypedOption() {
    let failure = error(
      """
      stages:
        - type: html.clean.v1
          options: {drop_elements: [script]}
        - type: text.segment.v1
          options:
            locale: zh
            max_quotation_length: lots
      """)
    #expect(failure?.code == "pipeline.bad-option")
    #expect(failure?.line == 7)
  }

  @Test("bad YAML is an error with its line")
  func badYAML() {
    let failure = error("stages:\n  - id: a\n    type: [unclosed\n")
    #expect(failure?.code == "pipeline.yaml")
    #expect(failure?.line != nil)
  }

  @Test("a stage whose inputs no earlier stage provides is refused")
  func missingLayer() {
    let failure = error(
      """
      stages:
        - type: text.segment.v1
          options: {locale: zh}
      """)
    #expect(failure?.code == "pipeline.missing-layer")
    #expect(failure?.line == 2)
  }

  @Test("unknown top-level keys and duplicate ids are errors")
  func shapeErrors() {
    #expect(error("stagez: []\n")?.code == "pipeline.unknown-key")
    let duplicate = error(
      """
      stages:
        - {id: a, type: html.clean.v1, options: {drop_elements: []}}
        - {id: a, type: graph.build.v1}
      """)
    #expect(duplicate?.code == "pipeline.duplicate-id")
    #expect(duplicate?.line == 3)
  }

  @Test("shared data is loaded once however many stages ask, side by side or in turn")
  func sharedResourcesLoadOnce() async throws {
    let shared = SharedResources()
    final class Counter: Sendable { let count = Mutex(0) }
    let loads = Counter()
    let values = try await withThrowingTaskGroup(of: [Int].self) { group in
      for _ in 0..<8 {
        group.addTask {
          try shared.value("model") { () throws(QuotegraphError) in
            loads.count.withLock { $0 += 1 }
            return [1, 2, 3]
          }
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(values.count == 8 && values.allSatisfy { $0 == [1, 2, 3] })
    #expect(loads.count.withLock { $0 } == 1)
    let other: String = try shared.value("other") { () throws(QuotegraphError) in "x" }
    #expect(other == "x")
    #expect(loads.count.withLock { $0 } == 1)
  }

  @Test("a load may ask for another shared value (the English names ask for the gazetteer)")
  func sharedResourcesNested() throws {
    let shared = SharedResources()
    let outer: Int = try shared.value("table") { () throws(QuotegraphError) in
      let inner: Int = try shared.value("gazetteer") { () throws(QuotegraphError) in 20 }
      return inner + 1
    }
    #expect(outer == 21)
    let inner: Int = try shared.value("gazetteer") { () throws(QuotegraphError) in 0 }
    #expect(inner == 20)
  }

  @Test("a failed load is an error for the stage that asked, and the next one tries again")
  func sharedResourcesFailure() throws {
    let shared = SharedResources()
    #expect(throws: QuotegraphError.self) {
      let _: Int = try shared.value("broken") { () throws(QuotegraphError) in
        throw QuotegraphError("gazetteer.bad-row", "broken", file: "names.tsv", line: 2)
      }
    }
    let retried: Int = try shared.value("broken") { () throws(QuotegraphError) in 7 }
    #expect(retried == 7)
  }
}
