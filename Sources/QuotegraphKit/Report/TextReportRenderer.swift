/// The report for a terminal: a ranking table aligned in display columns (汉字 take two), then
/// each speaker's roles, meetings and statements, wrapped to the width.
public struct TextReportRenderer: Sendable {
  /// Columns of the terminal.
  public var width: Int
  /// Lines shown per statement before it is cut with …; nil shows every statement in full.
  public var statementLines: Int?
  /// Bold headings with ANSI escapes (for a terminal that is not asked for NO_COLOR).
  public var styled: Bool

  public init(width: Int = 100, statementLines: Int? = 3, styled: Bool = false) {
    self.width = max(width, 40)
    self.statementLines = statementLines
    self.styled = styled
  }

  public func render(_ report: Report) -> String {
    var lines: [String] = []
    lines.append(bold("Who said what"))
    lines += wrapped(TerminalText.clean(report.source), indent: "")
    if !report.filters.isEmpty {
      lines += wrapped(
        "Filters: " + TerminalText.clean(report.filters.joined(separator: "; ")), indent: "")
    }
    guard !report.speakers.isEmpty else {
      lines.append("")
      lines.append(report.emptyMessage)
      if report.unattributedCount > 0 {
        lines.append(
          "(\(Report.count(report.unattributedCount, "statement")) without a resolved speaker)")
      }
      return lines.joined(separator: "\n") + "\n"
    }
    lines += wrapped(report.summary, indent: "")
    lines.append("")
    lines += table(report.speakers)
    for (rank, speaker) in report.speakers.enumerated() {
      lines.append("")
      lines += section(speaker, rank: rank + 1)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The ranking: one line per speaker, every line the same display width.
  func table(_ speakers: [Report.Speaker]) -> [String] {
    let rankWidth = max(String(speakers.count).count, 1)
    let names = speakers.map { TerminalText.clean(Report.fullName($0)) }
    let numbers = (statements: 10, articles: 8, date: 10)
    let counts = rankWidth + numbers.statements + numbers.articles + 3 * 2
    // A narrow terminal drops the dates before squeezing names.
    let showDates = width - counts - 2 * (numbers.date + 2) >= 16
    let fixed = counts + (showDates ? 2 * (numbers.date + 2) : 0)
    let nameWidth = min(max(names.map(TerminalText.width).max() ?? 0, 7), width - fixed)
    func row(_ cells: [String]) -> String {
      var padded = [
        TerminalText.pad(cells[0], to: rankWidth, right: true),
        TerminalText.pad(cells[1], to: nameWidth),
        TerminalText.pad(cells[2], to: numbers.statements, right: true),
        TerminalText.pad(cells[3], to: numbers.articles, right: true),
      ]
      if showDates {
        padded += [
          TerminalText.pad(cells[4], to: numbers.date),
          TerminalText.pad(cells[5], to: numbers.date),
        ]
      }
      return padded.joined(separator: "  ")
    }
    var lines = [row(["#", "Speaker", "Statements", "Articles", "First", "Last"])]
    for (i, speaker) in speakers.enumerated() {
      lines.append(
        row([
          String(i + 1), names[i], String(speaker.statements.count), String(speaker.articleCount),
          speaker.firstDate ?? "", speaker.lastDate ?? "",
        ]))
    }
    return lines
  }

  func section(_ speaker: Report.Speaker, rank: Int) -> [String] {
    var lines = [bold("\(rank). " + TerminalText.clean(Report.fullName(speaker)))]
    var facts = [
      Report.count(speaker.statements.count, "statement"),
      Report.count(speaker.articleCount, "article"),
    ]
    if let range = Report.dateRange(speaker.firstDate, speaker.lastDate) { facts.append(range) }
    facts.append(speaker.id)
    lines += wrapped(facts.joined(separator: " · "), indent: "   ")
    if !speaker.roles.isEmpty {
      lines += wrapped(
        "Roles: " + speaker.roles.map(TerminalText.clean).joined(separator: ", "), indent: "   ")
    }
    if !speaker.met.isEmpty {
      let met = speaker.met.map {
        TerminalText.clean($0.name) + ($0.articles > 1 ? " (\($0.articles) articles)" : "")
      }
      lines += wrapped("Met: " + met.joined(separator: ", "), indent: "   ")
    }
    var previousArticle: String?
    for statement in speaker.statements {
      let article = (statement.url ?? "") + "\u{0}" + (statement.published ?? "")
      if article != previousArticle {
        previousArticle = article
        lines.append("")
        var heading = [statement.date ?? "undated"]
        if let outlet = statement.outlet { heading.append(TerminalText.clean(outlet)) }
        if let title = statement.title { heading.append(TerminalText.clean(title)) }
        lines += wrapped(heading.joined(separator: " · "), indent: "   ")
        if let url = statement.url { lines.append("   " + dim(TerminalText.clean(url))) }
      }
      var details = [statement.kind]
      if !statement.saidTo.isEmpty {
        details.append("to " + statement.saidTo.map(TerminalText.clean).joined(separator: ", "))
      }
      if !statement.reportedBy.isEmpty {
        details.append(
          "via " + statement.reportedBy.map(TerminalText.clean).joined(separator: ", "))
      }
      let line =
        TerminalText.clean(statement.cue) + " (" + details.joined(separator: ", ") + "): "
        + TerminalText.clean(statement.text)
      var text = TerminalText.wrap(line, columns: width - 5)
      if let limit = statementLines, text.count > limit {
        text = Array(text.prefix(limit))
        text[limit - 1] = TerminalText.truncate(text[limit - 1] + "…", to: width - 5)
      }
      lines += text.enumerated().map { ($0.offset == 0 ? "   - " : "     ") + $0.element }
    }
    return lines
  }

  func wrapped(_ text: String, indent: String) -> [String] {
    TerminalText.wrap(text, columns: width - indent.count).map { indent + $0 }
  }

  func bold(_ text: String) -> String { styled ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
  func dim(_ text: String) -> String { styled ? "\u{1B}[2m" + text + "\u{1B}[0m" : text }
}
