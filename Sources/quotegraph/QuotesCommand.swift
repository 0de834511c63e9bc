import ArgumentParser
import QuotegraphKit

struct QuotesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotes",
    abstract: "Print an article's statements: speaker, cue, kind and text.",
    discussion: """
      Runs the pipeline over one file and prints each statement it found with its speaker (and \
      how the speaker was found: name, alias, pronoun or title), the cue as written, the kind \
      (direct, indirect, mixed), the addressee and relaying outlet when known, and the frame \
      that found it — the fastest way to see why a quote was or was not attributed.
      """)

  @Argument(help: "A news file, or - for standard input.")
  var file: String

  @OptionGroup var pipelineOptions: PipelineOptions

  func run() throws {
    let document = try pipelineOptions.processOne(file)
    try OutputFile.standardOutput().write(StatementsView(document: document).text())
  }
}
