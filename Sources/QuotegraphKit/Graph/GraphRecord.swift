/// One line of the graph: a node or a relationship, in Neo4j APOC's JSON line format
/// (see `shared/spec/graph-jsonl.md`).
public enum GraphRecord: Equatable, Sendable {
  case node(Node)
  case relationship(Relationship)

  public struct Node: Equatable, Sendable {
    public var id: String
    public var labels: [String]
    public var properties: [String: JSONValue]

    public init(id: String, labels: [String], properties: [String: JSONValue]) {
      self.id = id
      self.labels = labels
      self.properties = properties
    }
  }

  public struct Endpoint: Equatable, Sendable {
    public var id: String
    public var labels: [String]

    public init(id: String, labels: [String]) {
      self.id = id
      self.labels = labels
    }
  }

  public struct Relationship: Equatable, Sendable {
    public var id: String
    public var label: String
    public var start: Endpoint
    public var end: Endpoint
    public var properties: [String: JSONValue]

    public init(
      id: String, label: String, start: Endpoint, end: Endpoint, properties: [String: JSONValue]
    ) {
      self.id = id
      self.label = label
      self.start = start
      self.end = end
      self.properties = properties
    }
  }

  public var id: String {
    switch self {
    case .node(let node): node.id
    case .relationship(let relationship): relationship.id
    }
  }

  /// The record as one JSON line (without the newline), keys in APOC's order.
  public func jsonLine() -> String {
    var output = ""
    switch self {
    case .node(let node):
      JSONValue.writeObject(
        [
          ("type", "node"), ("id", .string(node.id)),
          ("labels", .array(node.labels.map(JSONValue.string))),
          ("properties", .object(node.properties)),
        ], to: &output)
    case .relationship(let relationship):
      func endpoint(_ endpoint: Endpoint) -> JSONValue {
        .object([
          "id": .string(endpoint.id), "labels": .array(endpoint.labels.map(JSONValue.string)),
        ])
      }
      JSONValue.writeObject(
        [
          ("type", "relationship"), ("id", .string(relationship.id)),
          ("label", .string(relationship.label)), ("start", endpoint(relationship.start)),
          ("end", endpoint(relationship.end)), ("properties", .object(relationship.properties)),
        ], to: &output)
    }
    return output
  }
}
