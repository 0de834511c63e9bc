import Testing

@testable import QuotegraphKit

@Suite("Graph output")
struct GraphOutputTests {
  @Test("JSON strings escape what JSON requires and nothing else")
  func escaping() {
    let value: JSONValue = ["b": "“引号”\"\\\n\t\u{01}/", "a": 1, "c": [true, .null]]
    #expect(value.serialized() == #"{"a":1,"b":"“引号”\"\\\n\t\u0001/","c":[true,null]}"#)
  }

  @Test("the UTF-8 writer escapes like the scalar-by-scalar one it replaced")
  func escapingEveryControlCharacter() {
    // The old writer's rule, scalar by scalar: the reference for the byte-level one.
    func reference(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
          if scalar.value < 0x20 {
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      return out + "\""
    }
    let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    for text in [
      controls, "a\u{2028}b\u{2029}c\u{2027}\u{202A}", "\u{E2}\u{80}", "尾\u{2028}", "😀\"\\",
      "\r\n", "",
    ] {
      #expect(JSONValue.string(text).serialized() == reference(text))
    }
    #expect(
      JSONValue.array([.int(-12), .int(7), .double(0.25), .double(3), .double(.nan)]).serialized()
        == "[-12,7,0.25,3,null]")
    // Long strings are scanned eight bytes at a time: escapes at every position of a word.
    var generator = SplitMix64(seed: 5)
    let alphabet = Array("ab中\"\\\n\u{1}\u{2028}\u{2029}\u{2010}“”😀".unicodeScalars)
    for _ in 0..<500 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<40, using: &generator) {
        scalars.append(alphabet.randomElement(using: &generator)!)
      }
      let text = String(scalars)
      #expect(JSONValue.string(text).serialized() == reference(text), "\(text.debugDescription)")
    }
  }

  @Test("integers are written as Swift prints them")
  func integers() {
    for value in [0, 9, 10, 99, 100, -1, -10, 1_234_567_890, Int.max, Int.min] {
      #expect(JSONValue.int(value).serialized() == String(value))
    }
  }

  @Test("ids hashed from parts equal the hash of the joined text")
  func hashedParts() {
    for number in [0, 7, 10, 12_345, -3, Int.max, Int.min] {
      var hasher = StableHasher()
      hasher.combine("article:1")
      hasher.combine(UInt8(ascii: "|"))
      hasher.combine(decimal: number)
      #expect(hasher.hex == StableID.hash("article:1|\(number)"))
    }
    #expect(GraphBuilder.hash("a", "克里", "") == StableID.hash("a|克里|"))
    #expect(StableID.hash("") == "cbf29ce484222325")
    #expect(StableID.hash(Array("abc".utf8)) == StableID.hash("abc"))
  }

  @Test("relationship lines: endpoints with id then labels, properties sorted")
  func relationshipLine() {
    let record = GraphRecord.relationship(
      .init(
        id: "said:1", label: "SAID", start: .init(id: "wd:Q1", labels: ["Person"]),
        end: .init(id: "quote:1", labels: ["Quote"]), properties: ["b": 2, "a": "x"]))
    #expect(
      record.jsonLine()
        == #"{"type":"relationship","id":"said:1","label":"SAID","start":{"id":"wd:Q1","labels":["Person"]},"end":{"id":"quote:1","labels":["Quote"]},"properties":{"a":"x","b":2}}"#
    )
  }

  @Test("node lines follow APOC's key order with sorted properties")
  func nodeLine() {
    let record = GraphRecord.node(
      .init(id: "article:1", labels: ["Article"], properties: ["url": "u", "title": "t"]))
    #expect(
      record.jsonLine()
        == #"{"type":"node","id":"article:1","labels":["Article"],"properties":{"title":"t","url":"u"}}"#
    )
  }

  @Test("properties keep key order however they are set, and write escaped")
  func propertiesInKeyOrder() {
    var properties: GraphProperties = ["text": "他说“好”\"\n", "cue_class": "say", "cue": "说"]
    #expect(properties.keys == ["cue", "cue_class", "text"])
    properties["end"] = 7
    properties["a"] = .null
    properties["cue"] = "表示"
    properties["a"] = nil
    #expect(properties.keys == ["cue", "cue_class", "end", "text"])
    #expect(properties["cue"] == "表示")
    #expect(properties["missing"] == nil)
    #expect(properties == GraphProperties(properties.dictionary))
    var output = JSONOutput()
    properties.write(to: &output)
    #expect(
      output.string == #"{"cue":"表示","cue_class":"say","end":7,"text":"他说“好”\"\n"}"#)
    var appended = GraphProperties(capacity: 2)
    appended.appendInOrder("count", 2)
    appended.appendInOrder("label", "x")
    #expect(appended == ["label": "x", "count": 2])
  }

  @Test("ids are the prefix and the hash in one String")
  func prefixedIDs() {
    #expect(GraphBuilder.id("said:", "q", "a") == "said:" + GraphBuilder.hash("q", "a"))
    var hasher = StableHasher()
    hasher.combine("x")
    #expect(hasher.hex(prefixedBy: "quote:") == "quote:" + StableID.hash("x"))
  }

  @Test("the writer writes each node once and skips a repeated article whole")
  func writerDeduplicates() throws {
    var output = ""
    var writer = GraphWriter(sink: { output += $0 })
    let article = GraphRecord.node(.init(id: "article:1", labels: ["Article"], properties: [:]))
    let other = GraphRecord.node(.init(id: "article:2", labels: ["Article"], properties: [:]))
    let person = GraphRecord.node(.init(id: "wd:Q1", labels: ["Person"], properties: [:]))
    func mention(_ article: String) -> GraphRecord {
      .relationship(
        .init(
          id: "mentioned:" + article, label: "MENTIONED_IN",
          start: .init(id: "wd:Q1", labels: ["Person"]),
          end: .init(id: article, labels: ["Article"]), properties: ["count": 1]))
    }
    #expect(try writer.write([article, person, mention("article:1")]) == 0)
    #expect(try writer.write([article, person, mention("article:1")]) == 1)
    #expect(try writer.write([other, person, mention("article:2")]) == 0)
    #expect(output.split(separator: "\n").count == 5)
  }

  @Test("article ids are stable and derived from the URL")
  func stableIDs() {
    #expect(
      StableID.article(url: "https://x.org/a", source: "1.md")
        == StableID.article(url: "https://x.org/a", source: "2.md"))
    #expect(
      StableID.article(url: "https://x.org/a", source: "1.md")
        != StableID.article(url: "https://x.org/b", source: "1.md"))
    #expect(StableID.hash("") == "cbf29ce484222325")
  }

  @Test("golden: the sample archive's graph")
  func sampleGraph() async throws {
    var output = ""
    var writer = GraphWriter(sink: { output += $0 })
    for outcome in try await Fixture.outcomes([Paths.sample]) {
      guard let document = outcome.document else {
        Issue.record("sample file failed: \(outcome.source)")
        continue
      }
      var records = document.records
      // Sources are absolute paths here; the golden file keeps them relative to the repo.
      records = records.map { record in
        guard case .node(var node) = record, case .string(let source) = node.properties["source"]
        else { return record }
        node.properties["source"] = .string(String(source.dropFirst(Paths.repository.count + 1)))
        return .node(node)
      }
      try writer.write(records)
    }
    try Golden.check(output, against: "sample.graph.jsonl")
  }

  @Test("golden: what segment prints for the seed article")
  func seedSegmentation() throws {
    var document = try ArticleReader().read(
      Fixture.bytes(Paths.seedArticle), source: "rfi-20230719-kerry-han-zheng.txt")
    try Fixture.defaultPipeline.process(&document)
    try Golden.check(SegmentationView(document: document).text(), against: "seed.segment.txt")
  }

  @Test("the same input gives the same bytes with one job or two")
  func determinism() async throws {
    func run(jobs: Int) async throws -> String {
      var output = ""
      var writer = GraphWriter(sink: { output += $0 })
      let paths = [Paths.sample, Paths.fixtures + "/encodings", Paths.fixtures + "/archives"]
      for outcome in try await Fixture.outcomes(paths, jobs: jobs) {
        if let document = outcome.document { try writer.write(document.records) }
        if let error = outcome.error { output += "\(outcome.source): \(error.code)\n" }
      }
      return output
    }
    let one = try await run(jobs: 1)
    let two = try await run(jobs: 2)
    #expect(one == two)
    #expect(one.contains("shift-jis.md: input.encoding"))
  }
}
