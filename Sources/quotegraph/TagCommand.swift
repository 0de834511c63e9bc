import ArgumentParser
import QuotegraphKit

struct TagCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tag",
    abstract: "Tag people, organisations, places and titles in plain text, one document a line.",
    discussion: """
      Reads plain text (a file, or - for standard input), runs the pipeline's text stages over \
      each line and writes one JSON object per line: {"text", "entities": [{"start", "end", \
      "type", "id", "name"}]}, offsets in Unicode characters, end exclusive — the format of \
      shared/tools/score_ner.py. Types: Person, Organization, Place, Role.
      """)

  @Argument(help: "A text file, or - for standard input.")
  var file: String = "-"

  @Flag(
    help:
      "Write person discovery's candidates and their features instead (training data of scripts/train-name-classifier.py)."
  )
  var candidates = false

  @OptionGroup var pipelineOptions: PipelineOptions

  func run() async throws {
    let tagger = Tagger(pipeline: pipelineOptions.load())
    let bytes: [UInt8]
    do {
      bytes =
        file == "-" ? try FileIO.readAll(descriptor: 0, name: "-") : try FileIO.readAll(path: file)
    } catch {
      Terminal.fail(error.description)
    }
    let output = OutputFile.standardOutput()
    var buffer = ""
    var number = 0
    var lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    for line in lines {
      number += 1
      let text = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
      do {
        buffer +=
          try
          (candidates
          ? tagger.candidates(text, number: number) : tagger.tag(text, number: number)) + "\n"
      } catch {
        Terminal.fail("line \(number): \(error.description)")
      }
      if buffer.utf8.count > 1 << 16 {
        try output.write(buffer)
        buffer = ""
      }
    }
    try output.write(buffer)
  }
}
