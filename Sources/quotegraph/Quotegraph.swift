import ArgumentParser
import QuotegraphKit

#if canImport(Glibc)
  import Glibc
#endif

@main
struct Quotegraph: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotegraph",
    abstract: "Reads Chinese-language news and answers who said what, as a graph.",
    subcommands: [
      ExtractCommand.self, SegmentCommand.self, QuotesCommand.self, TagCommand.self,
      ExportCommand.self, ReportCommand.self, MergeCommand.self, GazetteerCommand.self,
      BenchCommand.self,
    ]
  )

  /// Usage errors exit with 2, as documented, rather than ArgumentParser's 64.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        Terminal.error(fullMessage(for: error))
        Glibc.exit(ExitStatus.usage)
      }
      exit(withError: error)
    }
  }
}

enum ExitStatus {
  static let allRead: Int32 = 0
  static let someFailed: Int32 = 1
  static let usage: Int32 = 2
}

/// A configuration or usage problem: printed and the process exits with 2.
struct UsageFailure: Error, CustomStringConvertible {
  var description: String
}

enum Terminal {
  static func error(_ message: String) {
    let line = message.hasSuffix("\n") ? message : message + "\n"
    _ = try? OutputFile.standardError().write(line)
  }

  /// Redraws the live status line on standard error (a terminal).
  static func status(_ line: String) {
    _ = try? OutputFile.standardError().write("\r\u{1B}[K" + line)
  }

  static func fail(_ message: String) -> Never {
    error("quotegraph: " + message)
    exit(ExitStatus.usage)
  }
}

/// Options every subcommand that runs the pipeline shares.
struct PipelineOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "The pipeline file to run (default: Pipelines/default.yml of the quotegraph checkout).")
  var pipeline: String?

  /// Runs the pipeline over one file (or `-`, standard input) for the commands that show one
  /// article; a failure is printed and exits with 1.
  func processOne(_ file: String) throws -> Document {
    let runner = ExtractionRunner(pipeline: load(), jobs: 1)
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
      return document
    }
  }

  func load() -> Pipeline {
    guard let file = pipeline ?? ResourceLocator.defaultPipeline() else {
      Terminal.fail(
        "cannot find Pipelines/default.yml: run from the quotegraph checkout, set QUOTEGRAPH_HOME or pass --pipeline FILE"
      )
    }
    let root = ResourceLocator.resourceRoot() ?? "."
    do {
      let configuration = try PipelineConfiguration.load(file: file)
      return try Pipeline(configuration: configuration, resourceRoot: root)
    } catch {
      Terminal.fail(error.description)
    }
  }
}
