import ArgumentParser
import QuotegraphKit

struct GazetteerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "Build, check and query the gazetteers in Gazetteers/.",
    subcommands: [
      GazetteerImportCommand.self, GazetteerCheckCommand.self, GazetteerLookupCommand.self,
    ])
}

struct GazetteerImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Regenerate Gazetteers/*.tsv from the gazetteer sources and Gazetteers/curated/.",
    discussion: """
      Reads the source folder (the layout of shared/gazetteer-sources: chinese-elite, \
      country-codes, cldr-country-names, cedpane, opencc, cilin, hownet-claim-words, \
      say-words-w2v), applies the hand-curated rows of <to>/curated/, and writes people.tsv, \
      roles.tsv, organizations.tsv, places.tsv, cues.tsv and script-variants.tsv into <to>. \
      The output is sorted and byte-identical on every run.
      """)

  @Option(name: .long, help: "The gazetteer-sources folder to read.")
  var from: String

  @Option(name: .long, help: "The gazetteer folder to write (its curated/ subfolder is read).")
  var to: String = "Gazetteers"

  func run() throws {
    do {
      for note in try GazetteerImporter.importFiles(from: from, to: to) {
        Terminal.error("quotegraph: " + note)
      }
    } catch {
      Terminal.fail(error.description)
    }
  }
}

struct GazetteerLookupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lookup",
    abstract: "Show what the gazetteer matches in a text, and why.",
    discussion: """
      Segments TEXT like an article paragraph and prints ICU's tokens, every candidate match \
      with the boundary verdict on it and the entities it could name, then the mentions the \
      pipeline keeps.
      """)

  @Argument(help: "Text to look up, e.g. 韩正在北京会见了克里。")
  var text: String

  @OptionGroup var pipelineOptions: PipelineOptions

  func run() throws {
    let pipeline = pipelineOptions.load()
    guard let matcher = pipeline.stages.compactMap({ $0 as? EntityMatcher }).first else {
      Terminal.fail("the pipeline has no \(EntityMatcher.type) stage")
    }
    var document = Document(
      article: Article(source: "lookup", url: "", title: "", published: ""),
      body: "<p>" + text.replacing("<", with: "&lt;") + "</p>")
    do {
      for stage in pipeline.stages {
        if stage is GraphBuilder { continue }
        try stage.process(&document)
      }
    } catch {
      Terminal.fail(error.description)
    }
    let clean = document.text
    var lines = ["tokens: " + document.tokens.map { clean[$0.range] }.joined(separator: "|")]
    lines += matcher.explain(clean.units, words: &document.words)
    for mention in document.mentions {
      let entity = document.entities[mention.entity]
      lines.append(
        "mention [\(mention.range.start),\(mention.range.end)) \(clean[mention.range]) → \(entity.name) (\(entity.kind.rawValue), \(entity.id), \(mention.form.rawValue), \(mention.evidence))"
      )
    }
    try OutputFile.standardOutput().write(lines.joined(separator: "\n") + "\n")
  }
}

struct GazetteerCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a gazetteer folder: headers, rows, ids, QIDs, alias collisions.",
    discussion: """
      Prints every problem as FILE:LINE: message. Errors (bad header or row, malformed or \
      duplicate id or QID, bad date, kind or prominence) make the exit status 1; warnings (one \
      form naming two entries, one id in two files) do not.
      """)

  @Argument(help: "The gazetteer folder (default: Gazetteers of the quotegraph checkout).")
  var directory: String?

  @Flag(help: "Print every warning (default: the first 20 and a count).")
  var all = false

  func run() throws {
    guard let directory = directory ?? ResourceLocator.resourceRoot().map({ $0 + "/Gazetteers" })
    else { Terminal.fail("cannot find the Gazetteers folder: name it") }
    let findings = GazetteerChecker.check(directory: directory)
    let errors = findings.filter(\.isError)
    let warnings = findings.filter { !$0.isError }
    var lines = errors.map(\.description)
    lines += (all ? warnings : Array(warnings.prefix(20))).map(\.description)
    if !all && warnings.count > 20 {
      lines.append("… and \(warnings.count - 20) more warnings (--all prints them)")
    }
    lines.append("quotegraph: \(directory): \(errors.count) errors, \(warnings.count) warnings")
    try OutputFile.standardOutput().write(lines.joined(separator: "\n") + "\n")
    if !errors.isEmpty { throw ExitCode(ExitStatus.someFailed) }
  }
}
