import Foundation
import Testing

@testable import QuotegraphKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A small graph whose text needs escaping in every format.
enum ExportSample {
  static let tricky = "他说：“a,b \"quoted\"\nline two\r\n<tag> & 'x'”"

  static let records: [GraphRecord] = [
    .node(
      .init(
        id: "article:1", labels: ["Article"],
        properties: [
          "url": "https://www.rfi.fr/cn/a", "title": "标题 <1> & “2”",
          "published": "2023-07-19T08:45:09Z", "outlet": "法广", "paragraphs": 3,
        ])),
    .node(
      .init(
        id: "article:0", labels: ["Article"],
        properties: [
          "url": "https://example.org/b", "title": "早一点", "published": "2020-01-01T00:00:00Z",
        ])),
    .node(
      .init(
        id: "wd:Q22316", labels: ["Person"],
        properties: [
          "name": "约翰·克里, John", "aliases": ["克里", "凯瑞"], "wikidata": "Q22316",
        ])),
    .node(.init(id: "wd:Q1", labels: ["Organization", "Media"], properties: ["name": "路透社"])),
    .node(
      .init(
        id: "quote:1", labels: ["Quote"],
        properties: [
          "text": .string(tricky), "kind": "direct", "cue": "说", "start": 3,
          "confidence": .double(0.9),
        ])),
    .node(
      .init(
        id: "quote:0", labels: ["Quote"],
        properties: ["text": "早", "kind": "indirect", "cue": "称", "start": 10, "confidence": 1])),
    .relationship(
      .init(
        id: "said:1", label: "SAID", start: .init(id: "wd:Q22316", labels: ["Person"]),
        end: .init(id: "quote:1", labels: ["Quote"]),
        properties: ["speaker_text": "克里", "resolution": "alias", "label": "clash"])),
    .relationship(
      .init(
        id: "said:0", label: "SAID", start: .init(id: "wd:Q22316", labels: ["Person"]),
        end: .init(id: "quote:0", labels: ["Quote"]), properties: ["resolution": "name"])),
    .relationship(
      .init(
        id: "quoted_in:1", label: "QUOTED_IN", start: .init(id: "quote:1", labels: ["Quote"]),
        end: .init(id: "article:1", labels: ["Article"]), properties: [:])),
    .relationship(
      .init(
        id: "quoted_in:0", label: "QUOTED_IN", start: .init(id: "quote:0", labels: ["Quote"]),
        end: .init(id: "article:0", labels: ["Article"]), properties: [:])),
    .relationship(
      .init(
        id: "reported_by:1", label: "REPORTED_BY", start: .init(id: "quote:1", labels: ["Quote"]),
        end: .init(id: "wd:Q1", labels: ["Organization"]), properties: [:])),
    .relationship(
      .init(
        id: "mentioned:1", label: "MENTIONED_IN", start: .init(id: "wd:Q22316", labels: []),
        end: .init(id: "article:1", labels: []), properties: ["count": 20])),
    .relationship(
      .init(
        id: "mentioned:2", label: "MENTIONED_IN", start: .init(id: "wd:Q1", labels: []),
        end: .init(id: "article:1", labels: []), properties: ["count": 5_000_000_000])),
  ]

  static var lines: String { records.map { $0.jsonLine() + "\n" }.joined() }

  static func graph() throws -> ExportGraph {
    try ExportGraph.read(Array(lines.utf8), file: "sample.jsonl")
  }

  static func file(_ files: [ExportFile], _ name: String) -> String {
    files.first { $0.name == name }?.contents ?? ""
  }
}

/// RFC 4180 parsing, to read back what the exporters wrote.
enum CSV {
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if quoted {
        if scalar == "\"" {
          if index < scalars.count && scalars[index] == "\"" {
            field.unicodeScalars.append("\"")
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r": continue
      case "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      default: field.unicodeScalars.append(scalar)
      }
    }
    return rows
  }

  /// Rows as dictionaries keyed by the header.
  static func records(_ text: String) -> [[String: String]] {
    let rows = parse(text)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
  }
}

@Suite("export")
struct ExportTests {
  @Test("the same graph gives the same bytes", arguments: ExportFormat.allCases)
  func determinism(format: ExportFormat) throws {
    let first = format.export(try ExportSample.graph())
    // Built from records rather than read from lines, and read a second time: the same output.
    let again = format.export(try ExportGraph(records: ExportSample.records))
    #expect(first == again)
    #expect(format.export(try ExportSample.graph()) == first)
  }

  @Test(
    "bad input names the file and line",
    arguments: [
      (
        "{\"type\":\"node\",\"id\":\"a\",\"labels\":[],\"properties\":{}}\nnot json\n",
        "export.bad-line", 2
      ),
      ("{\"type\":\"edge\",\"id\":\"a\"}\n", "export.bad-line", 1),
      ("\n\n{\"type\":\"relationship\",\"id\":\"r\",\"label\":\"SAID\"}\n", "export.bad-line", 3),
      (
        "{\"type\":\"node\",\"id\":\"a\",\"labels\":[],\"properties\":{}}\n\n"
          + "{\"type\":\"relationship\",\"id\":\"r\",\"label\":\"SAID\",\"start\":{\"id\":\"a\"},"
          + "\"end\":{\"id\":\"missing\"},\"properties\":{}}\n",
        "export.dangling", 3
      ),
    ])
  func badInput(text: String, code: String, line: Int) {
    #expect {
      _ = try ExportGraph.read(Array(text.utf8), file: "graph.jsonl")
    } throws: { error in
      guard let error = error as? QuotegraphError else { return false }
      return error.code == code && error.file == "graph.jsonl" && error.line == line
        && error.description.hasPrefix("graph.jsonl:\(line): ")
    }
  }

  @Test("unknown formats are errors listing the known ones")
  func unknownFormat() {
    #expect(throws: QuotegraphError.self) { try ExportFormat(name: "xml") }
    #expect(ExportFormat.allCases.map(\.rawValue) == ["graphml", "neo4j-csv", "csv", "node-link"])
  }

  @Test("a node or relationship given twice is merged where it first appeared")
  func duplicates() throws {
    let node = GraphRecord.node(.init(id: "a", labels: ["Person"], properties: ["aliases": ["x"]]))
    let again = GraphRecord.node(
      .init(id: "a", labels: ["Speaker"], properties: ["aliases": ["y"], "name": "A"]))
    let graph = try ExportGraph(records: [node, again])
    #expect(graph.nodes.count == 1)
    #expect(graph.nodes[0].labels == ["Person", "Speaker"])
    #expect(graph.nodes[0].properties["aliases"] == ["x", "y"])
  }

  static let propertyTypeCases: [([JSONValue], PropertyType)] = [
    ([1, 2] as [JSONValue], PropertyType.scalar(.integer(fitsInt32: true))),
    ([1, 5_000_000_000], .scalar(.integer(fitsInt32: false))),
    ([1, .double(0.5)], .scalar(.float)),
    ([true, false], .scalar(.boolean)),
    (["a", .null], .scalar(.string)),
    (["a", 1], .json),
    ([["a"], []], .list(.string)),
    ([[1], [.double(1.5)]], .list(.float)),
    ([[], []], .list(nil)),
    ([["a", 1]], .json),
    ([["k": 1]], .json),
    ([.null], .scalar(.string)),
  ]

  @Test("property types are inferred from the values", arguments: propertyTypeCases)
  func propertyTypes(values: [JSONValue], expected: PropertyType) {
    #expect(PropertyType.infer(values.map { ["p": $0] })["p"] == expected)
  }

  @Test(
    "CSV fields are quoted as RFC 4180 says",
    arguments: [
      ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
      ("two\nlines", "\"two\nlines\""), ("cr\r", "\"cr\r\""), (" padded", "\" padded\""),
      ("克里", "克里"), ("<>&", "<>&"), ("", ""),
    ])
  func csvQuoting(field: String, expected: String) {
    #expect(CSVWriter().escape(field) == expected)
  }

  @Test(
    "spreadsheet fields that look like formulas are defused, numbers are not",
    arguments: [
      ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1 电话", "'+1 电话"), ("@a", "'@a"),
      ("-5", "-5"), ("-0.5", "-0.5"), ("克里=", "克里="),
    ])
  func formulas(field: String, expected: String) {
    #expect(CSVWriter(defuseFormulas: true).escape(field) == expected)
    #expect(CSVWriter().escape(field) != expected || field == expected)
  }
}

@Suite("export: GraphML")
struct GraphMLExportTests {
  @Test("keys are declared per property with their types")
  func keys() throws {
    let xml = GraphMLExporter().export(try ExportSample.graph())
    for key in [
      #"for="node" attr.name="labels" attr.type="string""#,
      #"for="node" attr.name="label" attr.type="string""#,
      #"for="node" attr.name="aliases" attr.type="string""#,
      #"for="node" attr.name="confidence" attr.type="double""#,
      #"for="node" attr.name="start" attr.type="int""#,
      #"for="edge" attr.name="label" attr.type="string""#,
      #"for="edge" attr.name="count" attr.type="long""#,
      #"for="edge" attr.name="property_label" attr.type="string""#,
    ] {
      #expect(xml.contains(key), "missing key \(key)")
    }
    #expect(xml.contains(#"edgedefault="directed""#))
    #expect(xml.contains(#"<edge id="said:1" source="wd:Q22316" target="quote:1">"#))
    #expect(xml.contains("[&quot;克里&quot;,&quot;凯瑞&quot;]"))
  }

  @Test("text is escaped: <>&, quotes, line breaks, characters XML cannot hold")
  func escaping() {
    #expect(
      GraphMLExporter.escape("a<b>&\"c\"\n'd'\r\t\u{01}\u{FFFE}")
        == "a&lt;b&gt;&amp;&quot;c&quot;&#10;&apos;d&apos;&#13;&#9;\u{FFFD}\u{FFFD}")
  }

  #if canImport(FoundationXML)
    @Test("an XML parser reads it back: well formed, text unchanged")
    func parses() throws {
      let xml = GraphMLExporter().export(try ExportSample.graph())
      final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var current = ""
        var edges = 0
        func parser(
          _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
          qualifiedName: String?, attributes: [String: String] = [:]
        ) {
          current = ""
          if name == "edge" { edges += 1 }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(
          _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
          qualifiedName: String?
        ) {
          if name == "data" { texts.append(current) }
        }
      }
      let parser = XMLParser(data: Data(xml.utf8))
      let collector = Collector()
      parser.delegate = collector
      #expect(parser.parse(), "\(String(describing: parser.parserError))")
      #expect(collector.texts.contains(ExportSample.tricky))
      #expect(collector.texts.contains("标题 <1> & “2”"))
      #expect(collector.edges == 7)
    }
  #endif
}

@Suite("export: neo4j-admin CSV")
struct Neo4jCSVExportTests {
  @Test(
    "one file per label and per type, with typed headers",
    arguments: [
      (
        "nodes-Article.csv",
        "id:ID,:LABEL,outlet:string,paragraphs:int,published:string,title:string,url:string"
      ),
      ("nodes-Organization.csv", "id:ID,:LABEL,name:string"),
      ("nodes-Person.csv", "id:ID,:LABEL,aliases:string[],name:string,wikidata:string"),
      (
        "nodes-Quote.csv",
        "id:ID,:LABEL,confidence:double,cue:string,kind:string,start:int,text:string"
      ),
      ("relationships-MENTIONED_IN.csv", ":START_ID,:END_ID,:TYPE,id:string,count:long"),
      ("relationships-QUOTED_IN.csv", ":START_ID,:END_ID,:TYPE,id:string"),
      (
        "relationships-SAID.csv",
        ":START_ID,:END_ID,:TYPE,id:string,label:string,resolution:string,speaker_text:string"
      ),
    ])
  func headers(file: String, header: String) throws {
    let files = Neo4jCSVExporter().export(try ExportSample.graph())
    #expect(ExportSample.file(files, file).hasPrefix(header + "\n"))
  }

  @Test("fields read back: quoting, arrays with ;, all labels, empty vs missing")
  func fields() throws {
    let files = Neo4jCSVExporter().export(try ExportSample.graph())
    #expect(files.map(\.name).last == "import.sh")
    let quotes = CSV.records(ExportSample.file(files, "nodes-Quote.csv"))
    #expect(
      quotes.first { $0["id:ID"] == "quote:1" }?["text:string"]
        == ExportSample.tricky)
    let people = CSV.records(ExportSample.file(files, "nodes-Person.csv"))
    #expect(people.first?["aliases:string[]"] == "克里;凯瑞")
    #expect(people.first?["name:string"] == "约翰·克里, John")
    let organizations = CSV.records(ExportSample.file(files, "nodes-Organization.csv"))
    #expect(organizations.first?[":LABEL"] == "Organization;Media")
    let said = ExportSample.file(files, "relationships-SAID.csv")
    #expect(said.contains("wd:Q22316,quote:0,SAID,said:0,,name,\n"))
    #expect(CSV.records(said).count == 2)
    let script = ExportSample.file(files, "import.sh")
    #expect(script.contains("--nodes=nodes-Person.csv"))
    #expect(script.contains("--relationships=relationships-SAID.csv"))
  }

  @Test("a property named id does not clash with the import id")
  func idProperty() throws {
    let graph = try ExportGraph(records: [
      .node(.init(id: "a", labels: ["Role"], properties: ["id": "x", "name": "总理"]))
    ])
    let files = Neo4jCSVExporter().export(graph)
    #expect(
      ExportSample.file(files, "nodes-Role.csv")
        == "id:ID,:LABEL,property_id:string,name:string\na,Role,x,总理\n")
  }

  @Test("labels that are not file names are made safe and unique")
  func fileNames() {
    var names = FileNames()
    #expect(names.unique("nodes-Person") == "nodes-Person.csv")
    #expect(names.unique("nodes-a/b c") == "nodes-a_b_c.csv")
    #expect(names.unique("nodes-a_b_c") == "nodes-a_b_c-2.csv")
    #expect(names.unique("nodes-角色") == "nodes-角色.csv")
  }
}

@Suite("export: spreadsheet CSV")
struct FlatCSVExportTests {
  @Test("quotes.csv: UTF-8 BOM, CRLF, speaker, date, outlet, url, text, in time order")
  func quotes() throws {
    let files = FlatCSVExporter().export(try ExportSample.graph())
    #expect(
      files.map(\.name) == ["quotes.csv", "entities.csv", "articles.csv", "relationships.csv"])
    let text = ExportSample.file(files, "quotes.csv")
    #expect(text.hasPrefix("\u{FEFF}speaker,speaker_id,date,outlet,url,title,kind,cue,text,"))
    #expect(text.contains("\r\n"))
    let rows = CSV.records(text)
    #expect(rows.map { $0["quote_id"] } == ["quote:0", "quote:1"])
    let row = rows[1]
    #expect(row["speaker"] == "约翰·克里, John")
    #expect(row["speaker_id"] == "wd:Q22316")
    #expect(row["date"] == "2023-07-19")
    #expect(row["published"] == "2023-07-19T08:45:09Z")
    #expect(row["outlet"] == "法广")
    #expect(row["url"] == "https://www.rfi.fr/cn/a")
    #expect(row["title"] == "标题 <1> & “2”")
    #expect(row["kind"] == "direct")
    #expect(row["cue"] == "说")
    #expect(row["text"] == ExportSample.tricky)
    #expect(row["reported_by"] == "路透社")
    #expect(rows[0]["outlet"] == "example.org")
  }

  @Test("entities.csv: most quoted first, with counts and every property")
  func entities() throws {
    let files = FlatCSVExporter().export(try ExportSample.graph())
    let rows = CSV.records(ExportSample.file(files, "entities.csv"))
    #expect(rows.map { $0["id"] } == ["wd:Q22316", "wd:Q1"])
    #expect(rows[0]["quotes"] == "2")
    #expect(rows[0]["mentions"] == "20")
    #expect(rows[0]["aliases"] == "克里; 凯瑞")
    #expect(rows[1]["labels"] == "Organization; Media")
  }
}

@Suite("export: NetworkX node-link")
struct NodeLinkExportTests {
  @Test("directed multigraph with the edges key; ids, labels, properties")
  func shape() throws {
    let text = NodeLinkExporter().export(try ExportSample.graph())
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["directed"] as? Bool == true)
    #expect(object["multigraph"] as? Bool == true)
    #expect(object["links"] == nil)
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    let edges = try #require(object["edges"] as? [[String: Any]])
    #expect(nodes.count == 6)
    #expect(edges.count == 7)
    let quote = try #require(nodes.first { $0["id"] as? String == "quote:1" })
    #expect(quote["text"] as? String == ExportSample.tricky)
    #expect(quote["labels"] as? [String] == ["Quote"])
    let said = try #require(edges.first { $0["key"] as? String == "said:1" })
    #expect(said["source"] as? String == "wd:Q22316")
    #expect(said["target"] as? String == "quote:1")
    #expect(said["label"] as? String == "SAID")
    #expect(said["property_label"] as? String == "clash")
  }
}

@Suite("export: the sample archive's graph")
struct SampleGraphExportTests {
  static let golden = Paths.golden + "/sample.graph.jsonl"

  @Test("every format keeps every SAID relationship", arguments: ExportFormat.allCases)
  func saidEdges(format: ExportFormat) throws {
    let graph = try ExportGraph.read(try Fixture.bytes(Self.golden), file: Self.golden)
    let said = graph.relationships.filter { $0.label == "SAID" }
    #expect(said.count > 10)
    switch format.export(graph) {
    case .file(let text):
      let marker = format == .graphml ? "<data key=\"type\">SAID</data>" : #""label":"SAID""#
      #expect(text.components(separatedBy: marker).count - 1 == said.count)
    case .folder(let files):
      let name = format == .csv ? "quotes.csv" : "relationships-SAID.csv"
      let rows = CSV.records(ExportSample.file(files, name))
      #expect(rows.filter { ($0["speaker_id"] ?? $0[":START_ID"] ?? "") != "" }.count == said.count)
    }
  }
}
