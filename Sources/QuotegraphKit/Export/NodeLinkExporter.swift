/// NetworkX node-link JSON with the explicit `edges` key, for
/// `json_graph.node_link_graph(data, edges="edges")`: a directed multigraph whose nodes carry
/// `id`, `labels` and their properties, and whose edges carry `source`, `target`, `key` (the
/// relationship id), `label` (the relationship type) and their properties. A property named
/// like one of these reserved keys is written with a `property_` prefix. One node or edge a
/// line; keys sorted.
public struct NodeLinkExporter: Sendable {
  public init() {}

  static let nodeKeys: Set<String> = ["id", "labels"]
  static let edgeKeys: Set<String> = ["source", "target", "key", "label"]

  public func export(_ graph: ExportGraph) -> String {
    var output = #"{"directed":true,"multigraph":true,"graph":{"name":"quotegraph"},"nodes":["#
    for (offset, node) in graph.nodes.enumerated() {
      var object = Self.renamed(node.properties, reserved: Self.nodeKeys)
      object["id"] = .string(node.id)
      object["labels"] = .array(node.labels.map(JSONValue.string))
      output += (offset == 0 ? "\n" : ",\n") + JSONValue.object(object).serialized()
    }
    output += "\n],\"edges\":["
    for (offset, relationship) in graph.relationships.enumerated() {
      var object = Self.renamed(relationship.properties, reserved: Self.edgeKeys)
      object["source"] = .string(relationship.start.id)
      object["target"] = .string(relationship.end.id)
      object["key"] = .string(relationship.id)
      object["label"] = .string(relationship.label)
      output += (offset == 0 ? "\n" : ",\n") + JSONValue.object(object).serialized()
    }
    output += "\n]}\n"
    return output
  }

  static func renamed(_ properties: GraphProperties, reserved: Set<String>) -> [String: JSONValue] {
    var result: [String: JSONValue] = [:]
    for (key, value) in properties {
      var name = key
      while reserved.contains(name) || (name != key && properties[name] != nil) {
        name = "property_" + name
      }
      result[name] = value
    }
    return result
  }
}
