/// A readable list of an article's statements: what `quotegraph quotes` prints.
public struct StatementsView: Sendable {
  public let document: Document

  public init(document: Document) {
    self.document = document
  }

  public func text() -> String {
    let text = document.text
    var out = "\(document.article.title)\n\(document.article.url)\n"
    out += "\(document.statements.count) statement\(document.statements.count == 1 ? "" : "s")\n"
    for (number, statement) in document.statements.enumerated() {
      let speaker = statement.speaker.map { document.entities[$0].name } ?? "(unresolved)"
      var who = speaker
      if !statement.speakerText.isEmpty && statement.speakerText != speaker {
        who += " ← \(statement.speakerText)"
      }
      who += " [\(statement.resolution?.rawValue ?? "none")]"
      out +=
        "\n\(number + 1). \(who) \(statement.cue) (\(statement.kind.rawValue), \(statement.frame), s\(statement.sentence + 1))\n"
      if let addressee = statement.addressee {
        out += "   to: \(document.entities[document.mentions[addressee].entity].name)\n"
      }
      if let outlet = statement.reportedBy {
        out += "   via: \(document.entities[document.mentions[outlet].entity].name)\n"
      }
      out += "   \(text[statement.content])\n"
    }
    return out
  }
}
