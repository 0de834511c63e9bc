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
      Reads files, folders (recursively, in sorted order), archives (.tar, .tar.gz, .zip …) and \
      standard input (`-`: one article, articles one after another, or JSON lines \
      {"source": …, "content": …}), runs the pipeline over each article and writes the graph. \
      A file that cannot be read is reported (to --errors, or to standard error) and the run \
      goes on. With -o the output is committed in durable steps beside a manifest, and \
      --resume continues a run that was interrupted. Exit status: 0 when every file was read, \
      1 when some were not, 2 on usage or pipeline errors.
      """)

  @Argument(help: "News files, folders or archives, or - for standard input.")
  var paths: [String]

  @Option(
    name: .shortAndLong,
    help: "Write the graph here instead of to standard output (-, the default).")
  var output: String?

  /// The output file, none for standard output: `-o -` names standard output, as `-` names
  /// standard input among the paths.
  var outputFile: String? { output == "-" ? nil : output }

  @Option(name: .long, help: "Write one JSON line per unreadable file here.")
  var errors: String?

  @Option(name: .shortAndLong, help: "Articles processed at once (default: all cores).")
  var jobs: Int?

  @Flag(name: .long, help: "Continue an interrupted run of the same command (needs -o).")
  var resume = false

  @Option(name: .long, help: "Take only shard i of N (0-based, by a stable hash of the source).")
  var shard: String?

  @Option(name: .long, help: "Commit output durably every this many articles (with -o).")
  var commitEvery = 256

  @Option(name: .long, help: "Refuse files (and archive members) larger than this many MiB.")
  var maxArticleMB: Int = 16

  @Option(
    name: .long,
    help: "In folders, read files with these extensions (and files with none); comma-separated.")
  var extensions = InputCollector.defaultExtensions.sorted().joined(separator: ",")

  @Flag(name: .shortAndLong, help: "Print no progress and no summary.")
  var quiet = false

  @OptionGroup var pipelineOptions: PipelineOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if maxArticleMB < 1 { throw ValidationError("--max-article-mb must be at least 1") }
    if commitEvery < 1 { throw ValidationError("--commit-every must be at least 1") }
    if paths.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("standard input (-) can be named only once")
    }
    if resume && outputFile == nil {
      throw ValidationError("--resume needs -o: it continues an output file")
    }
    if let shard, Shard(shard) == nil {
      throw ValidationError("--shard takes i/N with 0 ≤ i < N, for example 0/4")
    }
  }

  func run() async throws {
    let pipeline = pipelineOptions.load()
    let shard = self.shard.flatMap(Shard.init)
    let collected = InputCollector(
      extensions: Set(extensions.split(separator: ",").map(String.init))
    )
    .collect(paths)
    let producer = InputProducer(
      items: collected.items, maxArticleBytes: maxArticleMB << 20, shard: shard)
    var sink: RunSink
    do {
      sink = try RunSink(
        output: outputFile, errors: errors, resume: resume, commitEvery: commitEvery,
        identity: runIdentity(pipeline: pipeline, shard: shard))
    } catch {
      Terminal.fail(error.description)
    }

    var summary = ExtractionSummary()
    summary.skipped = collected.skipped.count
    summary.resumed = sink.resumed.count
    summary.read = sink.resumed.filter { !$0.failed }.count
    summary.failed = sink.resumed.count - summary.read
    var progress = ProgressLine(total: Self.knownTotal(collected.items, shard: shard))
    progress.done = sink.resumed.count
    progress.errors = summary.failed
    let showProgress = !quiet && isatty(2) != 0

    // Units the interrupted run committed are checked against the inputs, then skipped.
    var resumeFailure: QuotegraphError?
    var skipIndex = 0
    let resumed = sink.resumed
    let nextUnit: () -> InputUnit? = {
      while let unit = producer.next() {
        guard skipIndex < resumed.count else { return unit }
        let entry = resumed[skipIndex]
        skipIndex += 1
        if entry.source != unit.source || entry.hash != Self.contentHash(unit) {
          resumeFailure = QuotegraphError(
            "resume.inputs-changed",
            "\(unit.source) is not what the interrupted run read at this point (it read \(entry.source)): run again without --resume"
          )
          return nil
        }
      }
      return nil
    }

    let runner = ExtractionRunner(
      pipeline: pipeline, reader: ArticleReader(maxBytes: maxArticleMB << 20),
      jobs: jobs ?? ProcessorInfo.activeCores)
    let clock = ContinuousClock()
    let started = clock.now
    var lastDrawn = started
    do {
      try await runner.run(next: nextUnit) { outcome in
        let lines = sink.writer.lineBytes(for: outcome.document?.records ?? [])
        summary.duplicateRecords += lines.duplicates
        summary.bytes += outcome.byteCount
        var errorText = ""
        if let document = outcome.document {
          summary.record(document)
        } else if let error = outcome.error {
          summary.failed += 1
          progress.errors += 1
          errorText = ErrorLine(source: outcome.source, error: error).jsonLine() + "\n"
          if !sink.hasErrorsFile { Terminal.error("quotegraph: \(error.description)") }
        }
        try sink.record(
          DurableRun.Entry(
            source: outcome.source, hash: outcome.contentHash, failed: outcome.error != nil),
          graphBytes: lines.bytes, errorText: errorText)
        progress.done += 1
        progress.bytes = summary.bytes
        if showProgress, clock.now - lastDrawn > .milliseconds(200) {
          lastDrawn = clock.now
          progress.seconds = (lastDrawn - started).seconds
          Terminal.status(progress.render())
        }
      }
      if let resumeFailure { Terminal.fail(resumeFailure.description) }
      try sink.finish()
    } catch let error as QuotegraphError {
      Terminal.error("quotegraph: \(error.description)")
      throw ExitCode(ExitStatus.someFailed)
    }
    if showProgress { Terminal.status("") }
    summary.skippedByShard = producer.skippedByShard
    summary.seconds = (clock.now - started).seconds
    if !quiet {
      Terminal.error("quotegraph: " + summary.line(errorsFile: errors))
    }
    if summary.failed > 0 { throw ExitCode(ExitStatus.someFailed) }
  }

  /// What must not change between a run and its resumption.
  private func runIdentity(pipeline: Pipeline, shard: Shard?) -> String {
    let pipelineText = (try? FileIO.readAll(path: pipeline.file)).map(StableID.hash) ?? ""
    return [pipelineText, shard?.description ?? "", paths.joined(separator: "\u{1F}")].joined(
      separator: "|")
  }

  static func contentHash(_ unit: InputUnit) -> String {
    switch unit {
    case .file(let path): (try? FileIO.readAll(path: path)).map(StableID.hash) ?? ""
    case .content(_, let bytes): StableID.hash(bytes)
    case .failure: ""
    }
  }

  /// Files to read when the inputs are files and folders only; nil when archives or standard
  /// input make the count unknown until they are read.
  static func knownTotal(_ items: [InputItem], shard: Shard?) -> Int? {
    var total = 0
    for item in items {
      switch item {
      case .file(let path), .unreadable(let path, _):
        if shard?.contains(path) ?? true { total += 1 }
      case .archive, .standardInput: return nil
      }
    }
    return total
  }
}

/// Where a run's graph and errors go: durable files with a manifest (with -o), or streams.
struct RunSink {
  var writer: GraphWriter
  let resumed: [DurableRun.Entry]
  let hasErrorsFile: Bool
  private let durable: DurableRun?
  private let graphStream: OutputFile?
  private let errorStream: OutputFile?

  init(output: String?, errors: String?, resume: Bool, commitEvery: Int, identity: String)
    throws(QuotegraphError)
  {
    hasErrorsFile = errors != nil
    if let output {
      let run = try DurableRun(
        output: output, errors: errors, resume: resume, commitEvery: commitEvery, identity: identity
      )
      durable = run
      resumed = run.resumed
      graphStream = nil
      errorStream = nil
      writer = GraphWriter(alreadyWritten: run.resumedIDs, sink: { _ in })
    } else {
      durable = nil
      resumed = []
      let stream = OutputFile.standardOutput()
      graphStream = stream
      errorStream = try errors.map { path throws(QuotegraphError) in try OutputFile(creating: path)
      }
      writer = GraphWriter(sink: { _ in })
    }
  }

  func record(_ entry: DurableRun.Entry, graphBytes: [UInt8], errorText: String)
    throws(QuotegraphError)
  {
    if let durable {
      try durable.record(entry, graphBytes: graphBytes, errorText: errorText)
      return
    }
    if !graphBytes.isEmpty { try graphStream?.write(graphBytes) }
    if !errorText.isEmpty { try errorStream?.write(errorText) }
  }

  func finish() throws(QuotegraphError) {
    try durable?.finish()
    errorStream?.close()
  }
}

enum ProcessorInfo {
  static var activeCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
