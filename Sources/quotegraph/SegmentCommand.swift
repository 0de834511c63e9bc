import ArgumentParser
import QuotegraphKit

struct SegmentCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Show how an article is cleaned and segmented: paragraphs, sentences, tokens.",
    discussion: """
      Runs the pipeline over one file and prints each paragraph (with its kind), its sentences \
      with their character offsets, and ICU's tokens separated by `|`. Quotation spans are \
      listed under the sentence they start in. Offsets count Unicode characters in the clean text.
      """)

  @Argument(help: "A news file, or - for standard input.")
  var file: String

  @Flag(name: .long, inversion: .prefixedNo, help: "Print the tokens of each sentence.")
  var tokens = true

  @Flag(name: .long, help: "Print JSON instead of text.")
  var json = false

  @OptionGroup var pipelineOptions: PipelineOptions

  func run() async throws {
    let document = try pipelineOptions.processOne(file)
    let view = SegmentationView(document: document, showTokens: tokens)
    try OutputFile.standardOutput().write(json ? view.json() : view.text())
  }
}
