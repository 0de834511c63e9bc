/// A whole graph read back from JSON Lines for export: nodes and relationships in input order,
/// every relationship's endpoints checked against the nodes.
///
/// A node or relationship id given twice is merged as `merge` does (labels and lists united,
/// `count` summed), at the place it first appeared; so exporting the output of `merge` or of
/// `extract` gives the same tables.
public struct ExportGraph: Sendable {
  public private(set) var nodes: [GraphRecord.Node] = []
  public private(set) var relationships: [GraphRecord.Relationship] = []
  private var nodeIndex: [String: Int] = [:]
  private var relationshipIndex: [String: Int] = [:]

  /// Builds a graph from records; a relationship naming a node that is not among them is an
  /// error (`export.dangling`).
  public init(records: [GraphRecord], file: String = "<graph>") throws(QuotegraphError) {
    for record in records { add(record) }
    try checkEndpoints(file: file, lines: [:])
  }

  /// Reads graph JSON Lines. A line that is not JSON, or not a node or relationship line, and a
  /// relationship naming a node no line defines, are errors naming the file and line.
  public static func read(_ bytes: [UInt8], file: String) throws(QuotegraphError) -> ExportGraph {
    var graph = ExportGraph()
    var relationshipLines: [String: Int] = [:]
    var lineNumber = 0
    var lineStart = bytes.startIndex
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = 3 }
    while lineStart < bytes.endIndex {
      let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
      lineNumber += 1
      let line = bytes[lineStart..<lineEnd]
      lineStart = lineEnd + 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
      let value: JSONValue
      do {
        value = try JSONReader.parse(Array(line), name: file)
      } catch {
        throw QuotegraphError("export.bad-line", error.message, file: file, line: lineNumber)
      }
      guard let record = GraphRecord(json: value) else {
        throw QuotegraphError(
          "export.bad-line",
          "not a graph line: expected {\"type\":\"node\",…} or {\"type\":\"relationship\",…}",
          file: file, line: lineNumber)
      }
      if case .relationship(let relationship) = record, relationshipLines[relationship.id] == nil {
        relationshipLines[relationship.id] = lineNumber
      }
      graph.add(record)
    }
    try graph.checkEndpoints(file: file, lines: relationshipLines)
    return graph
  }

  private init() {}

  private mutating func add(_ record: GraphRecord) {
    switch record {
    case .node(let node):
      if let index = nodeIndex[node.id] {
        var existing = nodes[index]
        for label in node.labels where !existing.labels.contains(label) {
          existing.labels.append(label)
        }
        existing.properties = GraphMerger.merge(existing.properties, node.properties)
        nodes[index] = existing
      } else {
        nodeIndex[node.id] = nodes.count
        nodes.append(node)
      }
    case .relationship(let relationship):
      if let index = relationshipIndex[relationship.id] {
        relationships[index].properties = GraphMerger.merge(
          relationships[index].properties, relationship.properties)
      } else {
        relationshipIndex[relationship.id] = relationships.count
        relationships.append(relationship)
      }
    }
  }

  private func checkEndpoints(file: String, lines: [String: Int]) throws(QuotegraphError) {
    for relationship in relationships {
      for endpoint in [relationship.start, relationship.end] where nodeIndex[endpoint.id] == nil {
        throw QuotegraphError(
          "export.dangling",
          "\(relationship.label) relationship `\(relationship.id)` names node `\(endpoint.id)`, "
            + "which no node line defines",
          file: file, line: lines[relationship.id])
      }
    }
  }

  /// The node with this id.
  public func node(_ id: String) -> GraphRecord.Node? {
    nodeIndex[id].map { nodes[$0] }
  }
}
