/// A graph record's properties, kept in key order: the order a JSON line writes them in.
///
/// Records were `[String: JSONValue]` dictionaries, hashed on every insert and sorted again
/// for every line written: 144 M instructions over 99 articles in builder and writer. A record
/// has a dozen properties at most, so a sorted array answers a lookup by scanning as fast as a
/// hash table, and the graph builder, which knows its keys, appends them already in order.
public struct GraphProperties: Sendable, Sequence, ExpressibleByDictionaryLiteral {
  public typealias Member = (key: String, value: JSONValue)

  /// Sorted by key (`String`'s `<`, as `JSONValue.object` sorts), each key once.
  public private(set) var members: [Member]

  public init() { members = [] }

  public init(_ dictionary: [String: JSONValue]) {
    members = dictionary.sorted { $0.key < $1.key }
  }

  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }

  /// Members the caller has put in key order, each key once (checked in debug builds).
  init(sorted members: [Member]) {
    assert(
      zip(members, members.dropFirst()).allSatisfy { $0.key < $1.key },
      "properties out of key order: \(members.map(\.key))")
    self.members = members
  }

  /// Appends a member whose key sorts after every key present (checked in debug builds): for
  /// builders that add optional properties in key order.
  mutating func appendInOrder(_ key: String, _ value: JSONValue) {
    assert(members.last.map { $0.key < key } ?? true, "\(key) out of key order")
    members.append((key, value))
  }

  /// Empty, with room for `capacity` members: for builders that append them in key order.
  init(capacity: Int) {
    members = []
    members.reserveCapacity(capacity)
  }

  public subscript(key: String) -> JSONValue? {
    get {
      for member in members where member.key == key { return member.value }
      return nil
    }
    set {
      let index = members.firstIndex { !($0.key < key) } ?? members.endIndex
      let present = index < members.endIndex && members[index].key == key
      switch (present, newValue) {
      case (true, let value?): members[index].value = value
      case (true, nil): members.remove(at: index)
      case (false, let value?): members.insert((key, value), at: index)
      case (false, nil): break
      }
    }
  }

  public var keys: [String] { members.map(\.key) }
  public var count: Int { members.count }
  public var isEmpty: Bool { members.isEmpty }

  public var dictionary: [String: JSONValue] {
    Dictionary(members, uniquingKeysWith: { _, last in last })
  }

  public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

  /// `{"key":value,…}` in key order.
  func write(to output: inout JSONOutput) {
    JSONValue.writeObject(members, to: &output)
  }
}

extension GraphProperties: Equatable {
  public static func == (left: GraphProperties, right: GraphProperties) -> Bool {
    left.members.count == right.members.count
      && zip(left.members, right.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}
