/// The CSV layout of `neo4j-admin database import full`: one nodes file per label
/// (`nodes-Person.csv`, headed `id:ID,:LABEL,name:string,aliases:string[],…`) and one
/// relationships file per type (`relationships-SAID.csv`, headed
/// `:START_ID,:END_ID,:TYPE,id:string,…`), plus `import.sh` with the command that loads them.
///
/// A node goes to the file of its first label; its `:LABEL` field lists all its labels,
/// separated by `;`. The node id is both the import id and an `id` property, so Cypher can
/// find nodes by the ids of the JSON Lines. Column types are inferred from the values (`int`,
/// `long`, `double`, `boolean`, `string`, and their `[]` arrays, elements separated by `;`);
/// mixed values are JSON text. Fields holding `,`, `"` or line breaks are quoted with `"`
/// doubled inside, so import with `--multiline-fields=true`; an empty string is written `""`
/// and a missing property as an empty field. A property named `id` becomes `property_id`. (neo4j-admin cannot escape its array delimiter:
/// a `;` inside an array element splits it.)
public struct Neo4jCSVExporter: Sendable {
  public init() {}

  public func export(_ graph: ExportGraph) -> [ExportFile] {
    var nodeGroups: [String: [GraphRecord.Node]] = [:]
    for node in graph.nodes { nodeGroups[node.labels.first ?? "", default: []].append(node) }
    var relationshipGroups: [String: [GraphRecord.Relationship]] = [:]
    for relationship in graph.relationships {
      relationshipGroups[relationship.label, default: []].append(relationship)
    }

    var files: [ExportFile] = []
    var names = FileNames()
    var nodeFiles: [String] = []
    for label in nodeGroups.keys.sorted() {
      let nodes = nodeGroups[label] ?? []
      let types = PropertyType.infer(nodes.map(\.properties))
      let keys = types.keys.sorted()
      var csv = CSVWriter(lineEnding: "\n", quoteEmpty: true)
      csv.row(
        ["id:ID", ":LABEL"] + keys.map { Self.header($0 == "id" ? "property_id" : $0, types[$0]) })
      for node in nodes {
        csv.row(
          [node.id, node.labels.joined(separator: ";")]
            + keys.map { Self.field(node.properties[$0], types[$0]) })
      }
      let name = names.unique("nodes-" + (label.isEmpty ? "unlabelled" : label))
      nodeFiles.append(name)
      files.append(ExportFile(name: name, contents: csv.text))
    }
    var relationshipFiles: [String] = []
    for type in relationshipGroups.keys.sorted() {
      let relationships = relationshipGroups[type] ?? []
      let types = PropertyType.infer(relationships.map(\.properties))
      let keys = types.keys.sorted()
      var csv = CSVWriter(lineEnding: "\n", quoteEmpty: true)
      csv.row(
        [":START_ID", ":END_ID", ":TYPE", "id:string"]
          + keys.map { Self.header($0 == "id" ? "property_id" : $0, types[$0]) })
      for relationship in relationships {
        csv.row(
          [relationship.start.id, relationship.end.id, relationship.label, relationship.id]
            + keys.map { Self.field(relationship.properties[$0], types[$0]) })
      }
      let name = names.unique("relationships-" + type)
      relationshipFiles.append(name)
      files.append(ExportFile(name: name, contents: csv.text))
    }
    files.append(
      ExportFile(
        name: "import.sh", contents: Self.script(nodes: nodeFiles, relationships: relationshipFiles)
      ))
    return files
  }

  /// A header field: the property name and its neo4j-admin type.
  static func header(_ name: String, _ type: PropertyType?) -> String {
    let typeName: String
    switch type {
    case .scalar(let scalar)?: typeName = scalarName(scalar)
    case .list(let element)?: typeName = scalarName(element ?? .string) + "[]"
    case .json?, nil: typeName = "string"
    }
    return name + ":" + typeName
  }

  static func scalarName(_ scalar: PropertyType.Scalar) -> String {
    switch scalar {
    case .boolean: "boolean"
    case .integer(let fitsInt32): fitsInt32 ? "int" : "long"
    case .float: "double"
    case .string: "string"
    }
  }

  /// A value as its column expects it; `nil` (an empty field) when missing.
  static func field(_ value: JSONValue?, _ type: PropertyType?) -> String? {
    guard let value else { return nil }
    switch (type, value) {
    case (.list?, .array(let elements)):
      return elements.compactMap(\.plainText).joined(separator: ";")
    case (.json?, .string(let text)):
      return text
    case (.json?, _):
      return value.serialized()
    default:
      return value.plainText
    }
  }

  /// The `neo4j-admin database import full` command for these files.
  static func script(nodes: [String], relationships: [String]) -> String {
    var lines = [
      "#!/bin/sh",
      "# Loads these files into a new Neo4j database (default: neo4j) with neo4j-admin; stop the",
      "# database first, and add --overwrite-destination to replace one that exists.",
      "set -e",
      "database=\"${1:-neo4j}\"",
      "if [ \"$#\" -gt 0 ]; then shift; fi",
      "cd \"$(dirname \"$0\")\"",
      "neo4j-admin database import full \"$database\" --multiline-fields=true \\",
    ]
    for file in nodes { lines.append("  --nodes=\(file) \\") }
    for file in relationships { lines.append("  --relationships=\(file) \\") }
    lines.append("  \"$@\"")
    return lines.joined(separator: "\n") + "\n"
  }
}

/// File names made of a label or type: characters other than letters, digits, `-` and `_`
/// become `_`, and a name made twice gets a number.
struct FileNames {
  private var used: Set<String> = []

  mutating func unique(_ stem: String, extension suffix: String = ".csv") -> String {
    let safe = String(
      String.UnicodeScalarView(
        stem.unicodeScalars.map {
          $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" ? $0 : "_"
        }))
    var name = safe + suffix
    var number = 2
    while used.contains(name) {
      name = "\(safe)-\(number)\(suffix)"
      number += 1
    }
    used.insert(name)
    return name
  }
}
