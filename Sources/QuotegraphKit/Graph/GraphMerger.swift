/// Unions graph files written by separate runs (shards of one archive, or runs over different
/// archives): one line per id, labels and list properties united, `count` properties summed,
/// the first value kept for any other property. Output order is deterministic: nodes sorted by
/// id, then relationships sorted by id, so every node precedes the relationships naming it.
public struct GraphMerger {
  private var nodes: [String: GraphRecord.Node] = [:]
  private var relationships: [String: GraphRecord.Relationship] = [:]

  public init() {}

  /// Adds every line of a graph file; a line that is not a graph record is an error naming the
  /// file and line.
  public mutating func add(_ bytes: [UInt8], file: String) throws(QuotegraphError) {
    var lineNumber = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
      let value: JSONValue
      do {
        value = try JSONReader.parse(Array(line), name: file)
      } catch {
        throw QuotegraphError("merge.bad-line", error.message, file: file, line: lineNumber)
      }
      guard let record = GraphRecord(json: value) else {
        throw QuotegraphError(
          "merge.bad-line", "not a graph node or relationship line", file: file, line: lineNumber)
      }
      add(record)
    }
  }

  public mutating func add(_ record: GraphRecord) {
    switch record {
    case .node(let node):
      if var existing = nodes[node.id] {
        for label in node.labels where !existing.labels.contains(label) {
          existing.labels.append(label)
        }
        existing.properties = GraphMerger.merge(existing.properties, node.properties)
        nodes[node.id] = existing
      } else {
        nodes[node.id] = node
      }
    case .relationship(let relationship):
      if var existing = relationships[relationship.id] {
        existing.properties = GraphMerger.merge(existing.properties, relationship.properties)
        relationships[relationship.id] = existing
      } else {
        relationships[relationship.id] = relationship
      }
    }
  }

  /// The merged graph as JSON lines.
  public func lines() -> [String] {
    nodes.keys.sorted().compactMap { nodes[$0].map { GraphRecord.node($0).jsonLine() } }
      + relationships.keys.sorted().compactMap {
        relationships[$0].map { GraphRecord.relationship($0).jsonLine() }
      }
  }

  public var nodeCount: Int { nodes.count }
  public var relationshipCount: Int { relationships.count }

  static func merge(_ first: GraphProperties, _ second: GraphProperties) -> GraphProperties {
    var merged = first
    for (key, value) in second {
      guard let existing = merged[key] else {
        merged[key] = value
        continue
      }
      switch (existing, value) {
      case (.int(let a), .int(let b)) where key == "count" || key.hasSuffix("_count"):
        merged[key] = .int(a + b)
      case (.array(let a), .array(let b)):
        var union = a
        for item in b where !union.contains(item) { union.append(item) }
        merged[key] = .array(union)
      default:
        continue
      }
    }
    return merged
  }
}

extension GraphRecord {
  /// Reads a record back from its JSON line form.
  public init?(json: JSONValue) {
    let object = json.objectValue
    guard let id = object["id"]?.stringValue else { return nil }
    let properties = GraphProperties(object["properties"]?.objectValue ?? [:])
    switch object["type"]?.stringValue {
    case "node":
      self = .node(Node(id: id, labels: object["labels"]?.strings ?? [], properties: properties))
    case "relationship":
      guard let label = object["label"]?.stringValue,
        let start = object["start"].flatMap(Endpoint.init(json:)),
        let end = object["end"].flatMap(Endpoint.init(json:))
      else { return nil }
      self = .relationship(
        Relationship(id: id, label: label, start: start, end: end, properties: properties))
    default:
      return nil
    }
  }
}

extension GraphRecord.Endpoint {
  init?(json: JSONValue) {
    guard let id = json["id"]?.stringValue else { return nil }
    self.init(id: id, labels: json["labels"]?.strings ?? [])
  }
}
