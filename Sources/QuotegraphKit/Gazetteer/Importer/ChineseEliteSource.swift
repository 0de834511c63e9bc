/// The chinese-elite data set (MIT): Wikidata-keyed nodes with Chinese and English names and
/// LLM-extracted edges. Used for ids and names; edges only to count links and to infer country.
public struct ChineseEliteSource: Sendable {
  public struct Node: Sendable, Equatable {
    public var id: String
    public var type: String
    public var chineseNames: [String]
    public var englishNames: [String]
    public var lifetime: String
  }

  public struct Edge: Sendable, Hashable {
    public var source: String
    public var target: String
    public var type: String
  }

  /// Nodes sorted by id.
  public var nodes: [Node]
  /// Distinct edges, sorted.
  public var edges: [Edge]
  /// Surface form → id, from `name_to_id.json`.
  public var nameToID: [String: String]
  /// QID → Wikipedia titles and redirects, from `qcode_cache.json`.
  public var titles: [String: [String]]
  /// Ids of the core nodes in `initial.json`.
  public var coreIDs: Set<String>
  /// Id → `male` or `female`, where a core node of `initial.json` gives its gender (the node
  /// files give none).
  public var genders: [String: String]

  public init(
    nodes: [Node], edges: [Edge], nameToID: [String: String] = [:],
    titles: [String: [String]] = [:], coreIDs: Set<String> = [], genders: [String: String] = [:]
  ) {
    self.nodes = nodes.sorted { $0.id < $1.id }
    self.edges = Array(Set(edges)).sorted {
      ($0.source, $0.target, $0.type) < ($1.source, $1.target, $1.type)
    }
    self.nameToID = nameToID
    self.titles = titles
    self.coreIDs = coreIDs
    self.genders = genders
  }

  /// One `node.json`: `{"node": {...}, "relationships": [...]}`.
  public static func parseNodeFile(_ value: JSONValue) -> (Node?, [Edge]) {
    let edges = (value["relationships"]?.arrayValue ?? []).compactMap(parseEdge)
    return (value["node"].flatMap(parseNode), edges)
  }

  public static func parseNode(_ value: JSONValue) -> Node? {
    guard let id = value["id"]?.stringValue, let type = value["type"]?.stringValue else {
      return nil
    }
    let names = value["name"]
    return Node(
      id: id, type: type, chineseNames: names?["zh-cn"]?.strings ?? [],
      englishNames: names?["en"]?.strings ?? [],
      lifetime: value["properties"]?["lifetime"]?.stringValue ?? "")
  }

  static func parseEdge(_ value: JSONValue) -> Edge? {
    guard let source = value["source"]?.stringValue, let target = value["target"]?.stringValue,
      let type = value["type"]?.stringValue
    else { return nil }
    return Edge(source: source, target: target, type: type)
  }

  /// `name_to_id.json`: `{name: id}`.
  public static func parseNameToID(_ value: JSONValue) -> [String: String] {
    value.objectValue.compactMapValues(\.stringValue)
  }

  /// `qcode_cache.json`: `{QID: [titles]}`.
  public static func parseTitles(_ value: JSONValue) -> [String: [String]] {
    value.objectValue.mapValues(\.strings)
  }

  /// `initial.json`: `{"nodes": [...], ...}`; the ids of its core nodes.
  public static func parseCoreIDs(_ value: JSONValue) -> Set<String> {
    Set((value["nodes"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue })
  }

  /// `initial.json`'s genders (`"gender": "Male"`), lower-cased; other values are left out.
  public static func parseGenders(_ value: JSONValue) -> [String: String] {
    var genders: [String: String] = [:]
    for node in value["nodes"]?.arrayValue ?? [] {
      guard let id = node["id"]?.stringValue,
        let gender = node["properties"]?["gender"]?.stringValue?.lowercased(),
        gender == "male" || gender == "female"
      else { continue }
      genders[id] = gender
    }
    return genders
  }

  /// `1954-04-22 - ` → (born, died), keeping only parts that are plain dates.
  public static func lifetimeDates(_ lifetime: String) -> (born: String, died: String) {
    let parts = lifetime.split(separator: " - ", maxSplits: 1, omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: " ") }
    let born = parts.first ?? ""
    let died = parts.count > 1 ? parts[1] : ""
    return (RoleTenure.isDate(born) ? born : "", RoleTenure.isDate(died) ? died : "")
  }
}
