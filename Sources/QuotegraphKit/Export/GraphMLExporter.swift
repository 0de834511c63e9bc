/// GraphML (http://graphml.graphdrawing.org) for Gephi, yEd and NetworkX's `read_graphml`.
///
/// Every property gets a `<key>` with its inferred type (`boolean`, `int`, `long`, `double`,
/// `string`); lists and mixed values are JSON text in a `string` key. Nodes carry `labels`
/// (their labels joined by `:`) and `label` (a display name: `name`, else `title`, else `text`,
/// else the id, which Gephi and yEd show); edges carry `label`, the relationship type. The
/// graph is directed; parallel edges keep their relationship ids as edge ids. A property named
/// like a reserved key is written as `property_<name>`.
public struct GraphMLExporter: Sendable {
  public init() {}

  /// Reserved key names written besides the properties.
  static let nodeLabelsKey = "labels"
  static let displayKey = "label"
  static let edgeTypeKey = "label"

  public func export(_ graph: ExportGraph) -> String {
    let nodeTypes = PropertyType.infer(graph.nodes.map(\.properties))
    let edgeTypes = PropertyType.infer(graph.relationships.map(\.properties))
    var nodeKeys: [Key] = [
      Key(name: Self.nodeLabelsKey, id: "labels", type: "string"),
      Key(name: Self.displayKey, id: "label", type: "string"),
    ]
    var edgeKeys: [Key] = [Key(name: Self.edgeTypeKey, id: "type", type: "string")]
    for (offset, name) in nodeTypes.keys.sorted().enumerated() {
      let reserved = name == Self.nodeLabelsKey || name == Self.displayKey
      nodeKeys.append(
        Key(
          name: reserved ? "property_" + name : name, id: "n\(offset)",
          type: Self.graphMLType(nodeTypes[name]), property: name))
    }
    for (offset, name) in edgeTypes.keys.sorted().enumerated() {
      edgeKeys.append(
        Key(
          name: name == Self.edgeTypeKey ? "property_" + name : name, id: "e\(offset)",
          type: Self.graphMLType(edgeTypes[name]), property: name))
    }

    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
      http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    for (domain, keys) in [("node", nodeKeys), ("edge", edgeKeys)] {
      for key in keys {
        xml +=
          "  <key id=\"\(key.id)\" for=\"\(domain)\" attr.name=\"\(Self.escape(key.name))\" "
          + "attr.type=\"\(key.type)\"/>\n"
      }
    }
    xml += "  <graph id=\"quotegraph\" edgedefault=\"directed\">\n"
    for node in graph.nodes {
      xml += "    <node id=\"\(Self.escape(node.id))\">\n"
      Self.data("labels", node.labels.joined(separator: ":"), to: &xml)
      Self.data("label", Self.displayName(node), to: &xml)
      for key in nodeKeys.dropFirst(2) {
        if let value = node.properties[key.property]?.plainText {
          Self.data(key.id, value, to: &xml)
        }
      }
      xml += "    </node>\n"
    }
    for relationship in graph.relationships {
      xml +=
        "    <edge id=\"\(Self.escape(relationship.id))\" "
        + "source=\"\(Self.escape(relationship.start.id))\" "
        + "target=\"\(Self.escape(relationship.end.id))\">\n"
      Self.data("type", relationship.label, to: &xml)
      for key in edgeKeys.dropFirst() {
        if let value = relationship.properties[key.property]?.plainText {
          Self.data(key.id, value, to: &xml)
        }
      }
      xml += "    </edge>\n"
    }
    xml += "  </graph>\n</graphml>\n"
    return xml
  }

  /// A GraphML `<key>`: the attribute name, its id, its type and the property it holds.
  struct Key {
    var name: String
    var id: String
    var type: String
    var property = ""
  }

  /// What Gephi and yEd show for a node.
  static func displayName(_ node: GraphRecord.Node) -> String {
    for key in ["name", "title", "text"] {
      if let value = node.properties[key]?.stringValue, !value.isEmpty { return value }
    }
    return node.id
  }

  static func graphMLType(_ type: PropertyType?) -> String {
    switch type {
    case .scalar(.boolean): "boolean"
    case .scalar(.integer(let fitsInt32)): fitsInt32 ? "int" : "long"
    case .scalar(.float): "double"
    default: "string"
    }
  }

  private static func data(_ key: String, _ value: String, to xml: inout String) {
    xml += "      <data key=\"\(key)\">\(escape(value))</data>\n"
  }

  /// Escapes text for XML content and attribute values. Characters XML 1.0 cannot hold (most
  /// C0 controls, U+FFFE, U+FFFF) become U+FFFD; carriage returns and tabs are written as
  /// character references so that parsers keep them.
  static func escape(_ text: String) -> String {
    var output = ""
    output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      case "\r": output += "&#13;"
      case "\t": output += "&#9;"
      case "\n": output += "&#10;"
      case "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
      default:
        if scalar.value < 0x20 {
          output += "\u{FFFD}"
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output
  }
}
