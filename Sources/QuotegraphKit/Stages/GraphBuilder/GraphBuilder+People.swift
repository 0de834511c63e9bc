extension GraphBuilder {
  /// Appends Role nodes with `HOLDS_ROLE` edges (Person → Role: `article`, `title_text`, and the
  /// `qualifier` split off the role), and `MET` edges (Person → Person: `article`, `cue`).
  /// A Role node is the title without its qualifiers (气候特使), so 美国气候特使 and 中国气候特使
  /// share it; its id derives from that text.
  static func appendPeopleRecords(
    _ document: Document, article: String, to records: inout [GraphRecord]
  ) {
    var seen = Set<String>()
    for assignment in document.roles {
      let person = document.entities[assignment.entity]
      guard person.kind == .person else { continue }
      let roleText = document.text[assignment.role]
      let titleText = document.text[assignment.title]
      let roleID = GazetteerFile.roles.derivedID(name: roleText)
      let edgeID = GraphBuilder.id("holds:", person.id, roleID, article, titleText)
      guard seen.insert(edgeID).inserted else { continue }
      // In key order, the optional ones in their places.
      var properties = GraphProperties(capacity: 4)
      if let id = assignment.roleID { properties.appendInOrder("gazetteer_id", .string(id)) }
      if let name = assignment.roleName, name != roleText {
        properties.appendInOrder("gazetteer_name", .string(name))
      }
      if let kind = assignment.kind { properties.appendInOrder("kind", .string(kind)) }
      properties.appendInOrder("name", .string(roleText))
      records.append(.node(.init(id: roleID, labels: ["Role"], properties: properties)))
      var edge = GraphProperties(capacity: 4)
      edge.appendInOrder("article", .string(article))
      if assignment.isFormer(in: document) { edge.appendInOrder("former", .bool(true)) }
      let qualifier = document.text[
        TextRange(start: assignment.title.start, end: assignment.role.start)]
      if !qualifier.isEmpty { edge.appendInOrder("qualifier", .string(qualifier)) }
      edge.appendInOrder("title_text", .string(titleText))
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
      let edgeID = GraphBuilder.id("met:", first.id, second.id, article)
      guard seen.insert(edgeID).inserted else { continue }
      records.append(
        .relationship(
          .init(
            id: edgeID, label: "MET", start: .init(id: first.id, labels: ["Person"]),
            end: .init(id: second.id, labels: ["Person"]),
            properties: GraphProperties(sorted: [
              ("article", .string(article)), ("cue", .string(meeting.cue)),
            ]))))
    }
  }
}
