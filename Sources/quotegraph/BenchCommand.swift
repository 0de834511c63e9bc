import ArgumentParser
import Foundation
import QuotegraphKit

struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time extract against raw ICU word break and jieba on real articles.",
    discussion: """
      Builds a workload by repeating the articles under PATH (default ../shared/corpus) until it \
      reaches --megabytes, then times the reader, each pipeline stage alone, raw ICU word break \
      over the same clean text (the floor), and extract end to end on one core and on all. With \
      --jieba it also times jieba.posseg on a sample of the clean text, installed into a \
      throw-away virtual environment by scripts/bench-jieba.sh. Build with -c release.
      """)

  @Argument(help: "Folders or files of articles to build the workload from.")
  var paths: [String] = ["../shared/corpus"]

  @Option(help: "Size of the workload in MB of article files.")
  var megabytes = 50

  @Option(name: .shortAndLong, help: "Jobs for the all-cores run (default: all cores).")
  var jobs: Int?

  @Flag(help: "Also time the jieba.posseg baseline (needs python3 and pip).")
  var jieba = false

  @OptionGroup var pipelineOptions: PipelineOptions

  func run() async throws {
    let clock = ContinuousClock()
    let loadStarted = clock.now
    let pipeline = pipelineOptions.load()
    let loadSeconds = (clock.now - loadStarted).seconds
    let items = InputCollector().collect(paths).items
    let articles = ExtractionBenchmark.workload(from: items, minimumBytes: megabytes * 1_000_000)
    guard !articles.isEmpty else {
      Terminal.fail("no readable articles under \(paths.joined(separator: " "))")
    }
    let cores = ProcessorInfo.activeCores
    let benchmark = ExtractionBenchmark(articles: articles, pipeline: pipeline, jobs: jobs ?? cores)
    let report = try await benchmark.run()

    var lines: [String] = []
    lines.append(
      "workload: \(report.articles) articles, \(megabytes(report.inputBytes)) of files, \(megabytes(report.cleanTextBytes)) of clean text; \(cores) cores"
    )
    lines.append(
      "pipeline load (gazetteers compiled into the automaton): \(format(loadSeconds * 1000, 0)) ms")
    lines.append(pad("measurement", 52) + pad("seconds", 10) + "MB/s")
    for measurement in report.measurements {
      lines.append(
        pad(measurement.name, 52) + pad(format(measurement.seconds, 3), 10)
          + format(measurement.megabytesPerSecond, 2) + " (\(measurement.basis))")
    }
    var jiebaRate: Double?
    if jieba {
      jiebaRate = runJieba(sample: report.sampleText, lines: &lines)
    }
    lines.append(
      "peak RSS of the extract runs (the workload held in memory included): \(format(report.peakResidentMegabytes, 1)) MB"
    )
    let all = jobs ?? cores
    let icu =
      report.measurements.first { $0.name == "raw ICU word break (floor)" }?.megabytesPerSecond
      ?? 0
    let single =
      report.measurements.first {
        $0.name == "extract end to end, 1 job" && $0.basis == "clean text"
      }?.megabytesPerSecond ?? 0
    let multi =
      report.measurements.first {
        $0.name.hasPrefix("extract end to end, \(all) job") && $0.basis == "clean text"
      }?.megabytesPerSecond ?? single
    lines.append(
      "ratios (clean text): extract/ICU \(format(single / max(icu, 1e-9), 2))×, all-cores/one-core \(format(multi / max(single, 1e-9), 2))×"
    )
    if let jiebaRate {
      lines.append("ratio (clean text): extract/jieba \(format(single / max(jiebaRate, 1e-9), 1))×")
    }
    try OutputFile.standardOutput().write(lines.joined(separator: "\n") + "\n")
  }

  private func runJieba(sample: String, lines: inout [String]) -> Double? {
    guard let root = ResourceLocator.resourceRoot() else {
      lines.append("jieba: skipped (cannot find scripts/bench-jieba.sh)")
      return nil
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "quotegraph-bench-\(getpid()).txt")
    defer { try? FileManager.default.removeItem(at: file) }
    do {
      try sample.write(to: file, atomically: true, encoding: .utf8)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = [root + "/scripts/bench-jieba.sh", file.path]
      let output = Pipe()
      let errors = Pipe()
      process.standardOutput = output
      process.standardError = errors
      try process.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      let message = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      guard process.terminationStatus == 0,
        let result = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        let rate = result["mb_per_s"] as? Double, let seconds = result["seconds"] as? Double
      else {
        lines.append("jieba: skipped (\(message.trimmingCharacters(in: .whitespacesAndNewlines)))")
        return nil
      }
      lines.append(
        pad("jieba.posseg on \(megabytes(sample.utf8.count)) sample", 52)
          + pad(format(seconds, 3), 10)
          + format(rate, 2) + " (clean text)")
      return rate
    } catch {
      lines.append("jieba: skipped (\(error))")
      return nil
    }
  }

  private func megabytes(_ bytes: Int) -> String { format(Double(bytes) / 1e6, 1) + " MB" }

  private func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  private func pad(_ text: String, _ width: Int) -> String {
    let count = text.count
    return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
  }
}
