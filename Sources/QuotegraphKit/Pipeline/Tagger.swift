/// Runs a pipeline's text stages (everything but HTML cleaning and graph building) over plain
/// text, one document per line, and writes what they found as the JSON line
/// `shared/tools/score_ner.py` reads: `{"entities":[{"end","id","name","start","type"}],"text"}`
/// with Unicode-scalar offsets, end exclusive. Types: `Person`, `Organization`, `Place`, and
/// `Role` for the titles `role.link.v1` ties to people.
public struct Tagger: Sendable {
  public let stages: [any Stage]

  public init(pipeline: Pipeline) {
    stages = pipeline.stages.filter {
      let type = Swift.type(of: $0).type
      return type != HTMLCleaner.type && type != GraphBuilder.type
    }
  }

  /// One line of plain text as a document of one body paragraph, before any text stage.
  static func plainDocument(_ line: String, number: Int) -> Document {
    var document = Document(
      article: Article(source: "line \(number)", url: "", title: "", published: ""), body: line)
    document.text = CleanText(line)
    document.paragraphs =
      document.text.isEmpty
      ? [] : [Paragraph(range: TextRange(0, document.text.units.count), kind: .body)]
    document.layers.formUnion([.cleanText, .paragraphs])
    return document
  }

  /// The document the text stages make of one line.
  public func document(for line: String, number: Int = 1) throws(QuotegraphError) -> Document {
    var document = Tagger.plainDocument(line, number: number)
    for stage in stages { try stage.process(&document) }
    return document
  }

  /// One JSON line (without the newline) with the person finder's candidates for one line of
  /// text and their features, before the classifier and the selection:
  /// `{"text", "candidates": [{"start","end","method","score","features": {name: value}}]}`,
  /// offsets as in `tag`. The training data of `scripts/train-name-classifier.py`.
  public func candidates(_ line: String, number: Int = 1) throws(QuotegraphError) -> String {
    var document = Tagger.plainDocument(line, number: number)
    var found: [JSONValue] = []
    for stage in stages {
      if let finder = stage as? PersonFinder {
        for (candidate, features) in finder.featuredCandidates(in: document) {
          var values: [String: JSONValue] = [:]
          for feature in features { values[feature.name] = .double(feature.value) }
          found.append(
            .object([
              "start": .int(document.text.scalarOffset(candidate.range.start)),
              "end": .int(document.text.scalarOffset(candidate.range.end)),
              "method": .string(candidate.method), "score": .double(candidate.score),
              "features": .object(values),
            ]))
        }
        break
      }
      try stage.process(&document)
    }
    return JSONValue.object(["text": .string(document.text.string), "candidates": .array(found)])
      .serialized()
  }

  /// One JSON line (without the newline) for one line of text.
  public func tag(_ line: String, number: Int = 1) throws(QuotegraphError) -> String {
    json(try document(for: line, number: number)).serialized()
  }

  /// The pipeline's role linker, which says where titles are and how much of them to report.
  var roleLinker: RoleLinker? { stages.first { $0 is RoleLinker } as? RoleLinker }

  public func json(_ document: Document) -> JSONValue {
    var spans: [(TextRange, JSONValue)] = []
    for mention in document.mentions {
      let entity = document.entities[mention.entity]
      var object = Tagger.span(
        document, mention.range, type: entity.kind.rawValue, id: entity.id, name: entity.name)
      if case .object(var members) = object, let confidence = entity.properties["confidence"] {
        members["confidence"] = confidence
        object = .object(members)
      }
      spans.append((mention.range, object))
    }
    var seen = Set<TextRange>()
    let titles =
      roleLinker?.taggedTitles(in: document) ?? (roles: document.roles.map(\.title), standalone: [])
    for (role, title) in zip(document.roles, titles.roles) where seen.insert(title).inserted {
      spans.append(
        (title, Tagger.span(document, title, type: "Role", id: nil, name: role.roleName)))
    }
    for title in titles.standalone where seen.insert(title).inserted {
      spans.append((title, Tagger.span(document, title, type: "Role", id: nil, name: nil)))
    }
    spans.sort { $0.0 < $1.0 }
    return .object([
      "text": .string(document.text.string), "entities": .array(spans.map(\.1)),
    ])
  }

  static func span(
    _ document: Document, _ range: TextRange, type: String, id: String?, name: String?
  )
    -> JSONValue
  {
    var object: [String: JSONValue] = [
      "start": .int(document.text.scalarOffset(range.start)),
      "end": .int(document.text.scalarOffset(range.end)),
      "type": .string(type),
    ]
    if let id { object["id"] = .string(id) }
    if let name { object["name"] = .string(name) }
    return .object(object)
  }
}
