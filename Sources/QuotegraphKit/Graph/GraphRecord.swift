/// One line of the graph: a node or a relationship, in Neo4j APOC's JSON line format
/// (see `shared/spec/graph-jsonl.md`).
public enum GraphRecord: Equatable, Sendable {
  case node(Node)
  case relationship(Relationship)

  public struct Node: Equatable, Sendable {
    public var id: String
    public var labels: [String]
    public var properties: GraphProperties

    public init(id: String, labels: [String], properties: GraphProperties) {
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
    public var properties: GraphProperties

    public init(
      id: String, label: String, start: Endpoint, end: Endpoint, properties: GraphProperties
    ) {
      self.id = id
      self.label = label
      self.start = start
      self.end = end
      self.properties = properties
    }
  }

  /// The id of a node, nil for a relationship.
  var nodeID: String? {
    if case .node(let node) = self { node.id } else { nil }
  }

  public var id: String {
    switch self {
    case .node(let node): node.id
    case .relationship(let relationship): relationship.id
    }
  }

  /// The record as one JSON line (without the newline), keys in APOC's order.
  public func jsonLine() -> String {
    var output = JSONOutput()
    writeJSONLine(to: &output)
    return output.string
  }

  func writeJSONLine(to output: inout JSONOutput) {
    switch self {
    case .node(let node):
      output.writeASCII("{\"type\":\"node\",\"id\":")
      output.writeString(node.id)
      output.writeASCII(",\"labels\":")
      GraphRecord.writeLabels(node.labels, to: &output)
      output.writeASCII(",\"properties\":")
      node.properties.write(to: &output)
      output.append(UInt8(ascii: "}"))
    case .relationship(let relationship):
      output.writeASCII("{\"type\":\"relationship\",\"id\":")
      output.writeString(relationship.id)
      output.writeASCII(",\"label\":")
      output.writeString(relationship.label)
      output.writeASCII(",\"start\":")
      GraphRecord.writeEndpoint(relationship.start, to: &output)
      output.writeASCII(",\"end\":")
      GraphRecord.writeEndpoint(relationship.end, to: &output)
      output.writeASCII(",\"properties\":")
      relationship.properties.write(to: &output)
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func writeLabels(_ labels: [String], to output: inout JSONOutput) {
    output.append(UInt8(ascii: "["))
    for (i, label) in labels.enumerated() {
      if i > 0 { output.append(UInt8(ascii: ",")) }
      output.writeString(label)
    }
    output.append(UInt8(ascii: "]"))
  }

  /// `{"id":…,"labels":[…]}`: the keys already in sorted order, as `JSONValue.object` writes.
  private static func writeEndpoint(_ endpoint: Endpoint, to output: inout JSONOutput) {
    output.writeASCII("{\"id\":")
    output.writeString(endpoint.id)
    output.writeASCII(",\"labels\":")
    writeLabels(endpoint.labels, to: &output)
    output.append(UInt8(ascii: "}"))
  }
}
