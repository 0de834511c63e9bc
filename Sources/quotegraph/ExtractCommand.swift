import ArgumentParser
import QuotegraphKit

#if canImport(Glibc)
  import Glibc
#endif

struct ExtractCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Turn news files into graph JSON Lines.",
    discussion: """
      Reads files and folders (recursively, in sorted order; `-` reads one article from standard \
      input), runs the pipeline over each, and writes the graph. A file that cannot be read is \
      reported (to --errors, or to standard error) and the run goes on. Exit status: 0 when every \
      file was read, 1 when some were not, 2 on usage or pipeline errors.
      """)

  @Argument(help: "News files or folders, or - for standard input.")
  var paths: [String]

  @Option(name: .shortAndLong, help: "Write the graph here instead of to standard output.")
  var output: String?

  @Option(name: .long, help: "Write one JSON line per unreadable file here.")
  var errors: String?

  @Option(name: .shortAndLong, help: "Articles processed at once (default: all cores).")
  var jobs: Int?

  @Option(name: .long, help: "Refuse files larger than this many MiB.")
  var maxArticleMB: Int = 16

  @Option(
    name: .long,
    help: "In folders, read files with these extensions (and files with none); comma-separated.")
  var extensions = InputCollector.defaultExtensions.sorted().joined(separator: ",")

  @Flag(name: .shortAndLong, help: "Print no summary.")
  var quiet = false

  @OptionGroup var pipelineOptions: PipelineOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if maxArticleMB < 1 { throw ValidationError("--max-article-mb must be at least 1") }
    if paths.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("standard input (-) can be named only once")
    }
  }

  func run() async throws {
    let pipeline = pipelineOptions.load()
    let collected = InputCollector(
      extensions: Set(extensions.split(separator: ",").map(String.init))
    )
    .collect(paths)
    let items = collected.items
    let graphFile: OutputFile
    let errorFile: OutputFile?
    do {
      graphFile =
        try output.map { path throws(QuotegraphError) in try OutputFile(creating: path) }
        ?? .standardOutput()
      errorFile = try errors.map { path throws(QuotegraphError) in try OutputFile(creating: path) }
    } catch {
      Terminal.fail(error.description)
    }
    defer {
      graphFile.close()
      errorFile?.close()
    }

    let runner = ExtractionRunner(
      pipeline: pipeline, reader: ArticleReader(maxBytes: maxArticleMB << 20),
      jobs: jobs ?? ProcessorInfo.activeCores)
    var summary = ExtractionSummary()
    summary.skipped = collected.skipped.count
    var writer = GraphWriter(sink: { try graphFile.write($0) })
    let clock = ContinuousClock()
    let started = clock.now
    do {
      try await runner.run(items) { outcome in
        switch outcome {
        case .processed(let document):
          summary.duplicateRecords += try writer.write(document.records)
          summary.record(document)
        case .failed(let source, let error):
          summary.failed += 1
          let line = ErrorLine(source: source, error: error).jsonLine()
          if let errorFile {
            try errorFile.write(line + "\n")
          } else {
            Terminal.error("quotegraph: \(error.description)")
          }
        }
      }
    } catch {
      Terminal.error("quotegraph: output failed: \(error)")
      throw ExitCode(ExitStatus.someFailed)
    }
    summary.seconds = (clock.now - started).seconds
    if !quiet {
      Terminal.error("quotegraph: " + summary.line(errorsFile: errors))
    }
    if summary.failed > 0 { throw ExitCode(ExitStatus.someFailed) }
  }
}

enum ProcessorInfo {
  static var activeCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
