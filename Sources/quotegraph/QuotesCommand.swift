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
    let pipeline = pipelineOptions.load()
    let runner = ExtractionRunner(pipeline: pipeline, jobs: 1)
    let unit: InputUnit
    if file == "-" {
      do {
        unit = .content(source: "-", bytes: try FileIO.readAll(descriptor: 0, name: "-"))
      } catch {
        unit = .failure(source: "-", error: error)
      }
    } else {
      unit = .file(file)
    }
    switch runner.process(unit).result {
    case .failure(let error):
      Terminal.error("quotegraph: \(error.description)")
      throw ExitCode(ExitStatus.someFailed)
    case .success(let document):
      try OutputFile.standardOutput().write(StatementsView(document: document).text())
    }
  }
}
