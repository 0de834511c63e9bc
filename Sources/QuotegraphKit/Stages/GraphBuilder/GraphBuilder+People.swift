extension GraphBuilder {
  /// Role nodes with `HOLDS_ROLE` edges (Person → Role: `article`, `title_text`, and the
  /// `qualifier` split off the role), and `MET` edges (Person → Person: `article`, `cue`).
  /// A Role node is the title without its qualifiers (气候特使), so 美国气候特使 and 中国气候特使
  /// share it; its id derives from that text.
  static func peopleRecords(_ document: Document, article: String) -> [GraphRecord] {
    var records: [GraphRecord] = []
    var seen = Set<String>()
    for assignment in document.roles {
      let person = document.entities[assignment.entity]
      guard person.kind == .person else { continue }
      let roleText = document.text[assignment.role]
      let titleText = document.text[assignment.title]
      let roleID = GazetteerFile.roles.derivedID(name: roleText)
      let edgeID =
        "holds:" + GraphBuilder.hash(person.id, roleID, article, titleText)
      guard seen.insert(edgeID).inserted else { continue }
      var properties: [String: JSONValue] = ["name": .string(roleText)]
      if let kind = assignment.kind { properties["kind"] = .string(kind) }
      if let id = assignment.roleID { properties["gazetteer_id"] = .string(id) }
      if let name = assignment.roleName, name != roleText {
        properties["gazetteer_name"] = .string(name)
      }
      records.append(.node(.init(id: roleID, labels: ["Role"], properties: properties)))
      var edge: [String: JSONValue] = [
        "article": .string(article), "title_text": .string(titleText),
      ]
      let qualifier = document.text[
        TextRange(start: assignment.title.start, end: assignment.role.start)]
      if !qualifier.isEmpty { edge["qualifier"] = .string(qualifier) }
      records.append(
        .relationship(
          .init(
            id: edgeID, label: "HOLDS_ROLE", start: .init(id: person.id, labels: ["Person"]),
            end: .init(id: roleID, labels: ["Role"]), properties: edge)))
    }
    for meeting in document.meetings {
      let first = document.entities[meeting.first]
      let second = document.entities[meeting.second]
      guard first.kind == .person, second.kind == .person, first.id != second.id else { continue }
      let edgeID = "met:" + GraphBuilder.hash(first.id, second.id, article)
      guard seen.insert(edgeID).inserted else { continue }
      records.append(
        .relationship(
          .init(
            id: edgeID, label: "MET", start: .init(id: first.id, labels: ["Person"]),
            end: .init(id: second.id, labels: ["Person"]),
            properties: ["article": .string(article), "cue": .string(meeting.cue)])))
    }
    return records
  }
}
