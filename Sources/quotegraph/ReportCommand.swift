import ArgumentParser
import QuotegraphKit

#if canImport(Glibc)
  import Glibc
#endif

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Who said what, for people: a terminal, Markdown or self-contained HTML report.",
    discussion: """
      Reads a graph written by extract or merge and ranks the speakers by statements, each with \
      the roles and articles seen, the date range, the people they met, and their statements \
      (date, outlet, cue, URL). Formats: text (the default, for a terminal: aligned in display \
      columns, statements wrapped and cut after --lines lines unless --full), markdown (a \
      document for a code-hosting site, statements in full), html (one self-contained page: \
      search box, speaker index, timelines, the network of who met whom and who is quoted \
      together; no network access). Without --format, the extension of -o chooses (.md, \
      .html), else text. Filters combine: --person and --org take any name the graph knows \
      (alias, traditional or simplified script, English name, QID). Exit status: 0 on success \
      (also for an empty report), 1 when the graph cannot be read (the message names file and \
      line) or a --person, --org or --outlet names nothing in it, 2 on usage errors.
      """)

  @Argument(help: "A graph JSON Lines file written by extract or merge, or - for standard input.")
  var graph: String

  @Option(name: .shortAndLong, help: "text, markdown or html.")
  var format: String?

  @Option(name: .shortAndLong, help: "The output file (default: standard output).")
  var output: String?

  @Option(name: .long, help: "Only statements by this person (any name, either script).")
  var person: String?

  @Option(
    name: .customLong("org"),
    help: "Only statements by, relayed by, or by a titled member of this organisation.")
  var organization: String?

  @Option(
    name: .long,
    help: "Only statements published on or after this date (YYYY-MM-DD, UTC, or ISO 8601).")
  var since: String?

  @Option(
    name: .long,
    help: "Only statements published on or before this date (YYYY-MM-DD, UTC, or ISO 8601).")
  var until: String?

  @Option(name: .long, help: "Only statements from this outlet (name or web host).")
  var outlet: String?

  @Option(name: .long, help: "Only statements of this kind: direct, indirect or mixed.")
  var kind: String?

  @Option(name: .long, help: "Speakers shown in the network picture (html).")
  var network: Int = 40

  @Option(name: .long, help: "Text: columns (default: the terminal's, else 100).")
  var width: Int?

  @Option(name: .long, help: "Text: lines shown per statement before it is cut with ….")
  var lines: Int = 3

  @Flag(name: .long, help: "Text: show every statement in full.")
  var full = false

  func validate() throws {
    do {
      _ = try reportFormat()
      _ = try filter()
    } catch {
      throw ValidationError(error.message)
    }
    if let width, width < 40 { throw ValidationError("--width must be at least 40") }
    if lines < 1 { throw ValidationError("--lines must be at least 1") }
    if network < 0 { throw ValidationError("--network must not be negative") }
  }

  func reportFormat() throws(QuotegraphError) -> ReportFormat {
    if let format { return try ReportFormat(name: format) }
    if let output, output != "-", let inferred = ReportFormat(fileName: output) { return inferred }
    return .text
  }

  func filter() throws(QuotegraphError) -> ReportFilter {
    ReportFilter(
      person: person, organization: organization, since: try since.map(ReportDate.init),
      until: try until.map(ReportDate.init), outlet: outlet,
      kind: try kind.map(QuoteKind.init(name:)))
  }

  func run() throws {
    do {
      let format = try reportFormat()
      let bytes =
        graph == "-"
        ? try FileIO.readAll(descriptor: 0, name: "-") : try FileIO.readAll(path: graph)
      let report = try Report.build(
        from: try ExportGraph.read(bytes, file: graph), filter: try filter(), source: graph,
        names: NameKey(folder: Self.folder()), networkSize: network)
      let toTerminal = (output == nil || output == "-") && isatty(1) != 0
      let text: String
      switch format {
      case .text:
        text = TextReportRenderer(
          width: width ?? (toTerminal ? Self.terminalColumns() : nil) ?? 100,
          statementLines: full ? nil : lines,
          styled: toTerminal && getenv("NO_COLOR") == nil
        ).render(report)
      case .markdown: text = MarkdownReportRenderer().render(report)
      case .html: text = HTMLReportRenderer().render(report)
      }
      try ExportOutput.file(text).write(to: output)
    } catch {
      Terminal.error("quotegraph: " + error.description)
      throw ExitCode(ExitStatus.someFailed)
    }
  }

  /// The gazetteer's fold with its script-variants table when the checkout is found; ICU's
  /// transform covers the traditional script without it.
  static func folder() -> MatchKeyFolder {
    guard let root = ResourceLocator.resourceRoot(),
      let bytes = try? FileIO.readAll(path: root + "/Gazetteers/script-variants.tsv"),
      let table = try? GazetteerTable.parse(
        String(decoding: bytes, as: UTF8.self), file: .scriptVariants,
        path: root + "/Gazetteers/script-variants.tsv")
    else { return MatchKeyFolder(traditionalToSimplified: [:]) }
    return MatchKeyFolder(scriptVariants: table)
  }

  static func terminalColumns() -> Int? {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 { return Int(size.ws_col) }
    if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns >= 40 {
      return columns
    }
    return nil
  }
}
