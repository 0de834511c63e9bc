import ArgumentParser
import QuotegraphKit

struct GazetteerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "Build the gazetteers in Gazetteers/.",
    subcommands: [GazetteerImportCommand.self])
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
