/// The report as a GitHub-flavoured Markdown document: the ranking as a table linking to one
/// section per speaker, statements in full as a list.
///
/// Text from articles is escaped so that it reads as text: Markdown punctuation is
/// backslash-escaped, `<` `>` `&` become entities (GitHub renders inline HTML), line breaks
/// become spaces (a statement must not end a table row or list item), and only http(s) URLs
/// become links.
public struct MarkdownReportRenderer: Sendable {
  public init() {}

  public func render(_ report: Report) -> String {
    var out = "# Who said what\n\n"
    out += "Source: `\(Self.code(report.source))`"
    if !report.filters.isEmpty {
      out += "  \nFilters: " + report.filters.map(Self.escape).joined(separator: "; ")
    }
    out += "\n\n"
    guard !report.speakers.isEmpty else {
      out += "**\(report.emptyMessage)**\n"
      if report.unattributedCount > 0 {
        out +=
          "\n\(Report.count(report.unattributedCount, "statement")) without a resolved speaker.\n"
      }
      return out
    }
    out += "\(report.summary).\n\n"
    out += "| # | Speaker | Statements | Articles | Dates |\n|--:|:--|--:|--:|:--|\n"
    for (i, speaker) in report.speakers.enumerated() {
      out +=
        "| \(i + 1) | [\(Self.escape(Report.fullName(speaker)))](#\(Report.anchor(i))) "
        + "| \(speaker.statements.count) | \(speaker.articleCount) "
        + "| \(Report.dateRange(speaker.firstDate, speaker.lastDate) ?? "") |\n"
    }
    for (i, speaker) in report.speakers.enumerated() {
      out += "\n" + section(speaker, rank: i + 1)
    }
    return out
  }

  func section(_ speaker: Report.Speaker, rank: Int) -> String {
    var out =
      "<a id=\"\(Report.anchor(rank - 1))\"></a>\n\n## \(rank). \(Self.escape(Report.fullName(speaker)))\n\n"
    var facts = [
      "**\(Report.count(speaker.statements.count, "statement"))**",
      Report.count(speaker.articleCount, "article"),
    ]
    if let range = Report.dateRange(speaker.firstDate, speaker.lastDate) { facts.append(range) }
    facts.append("`\(Self.code(speaker.id))`")
    out += facts.joined(separator: " · ") + "\n"
    if !speaker.roles.isEmpty {
      out += "\n- Roles: " + speaker.roles.map(Self.escape).joined(separator: ", ") + "\n"
    }
    if !speaker.met.isEmpty {
      out += speaker.roles.isEmpty ? "\n" : ""
      out +=
        "- Met: "
        + speaker.met.map {
          Self.escape($0.name) + ($0.articles > 1 ? " (\($0.articles) articles)" : "")
        }.joined(separator: ", ") + "\n"
    }
    var previousArticle: String?
    for statement in speaker.statements {
      let article = (statement.url ?? "") + "\u{0}" + (statement.published ?? "")
      if article != previousArticle {
        previousArticle = article
        var heading = ["**\(statement.date ?? "undated")**"]
        if let outlet = statement.outlet { heading.append(Self.escape(outlet)) }
        if let link = Self.link(statement.title ?? statement.url ?? "article", statement.url) {
          heading.append(link)
        } else if let title = statement.title {
          heading.append(Self.escape(title))
        }
        out += "\n" + heading.joined(separator: " · ") + "\n\n"
      }
      var details = ["_\(statement.kind)_"]
      if !statement.saidTo.isEmpty {
        details.append("to " + statement.saidTo.map(Self.escape).joined(separator: ", "))
      }
      if !statement.reportedBy.isEmpty {
        details.append("via " + statement.reportedBy.map(Self.escape).joined(separator: ", "))
      }
      out +=
        "- **\(Self.escape(statement.cue))** \(details.joined(separator: " · ")): "
        + Self.escape(statement.text) + "\n"
    }
    return out
  }

  /// Markdown-safe inline text: one line, punctuation that Markdown or GitHub's HTML would
  /// read escaped.
  public static func escape(_ text: String) -> String {
    var out = ""
    // Block markers only mean something at the start of the text: - item, + item, 1. item.
    var atStart = true
    var leadingDigits = false
    for scalar in TerminalText.clean(text).unicodeScalars {
      let isDigit = ("0"..."9").contains(scalar)
      let isBlockMarker =
        atStart
        && ("-+=".unicodeScalars.contains(scalar)
          || leadingDigits && (scalar == "." || scalar == ")"))
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "#", "|", "~":
        out += "\\" + String(scalar)
      default:
        if isBlockMarker { out += "\\" }
        out.unicodeScalars.append(scalar)
      }
      leadingDigits = atStart && isDigit
      atStart = atStart && isDigit
    }
    return out
  }

  /// Text for inside a code span: backticks cannot be escaped there, so they become ʼ.
  static func code(_ text: String) -> String {
    TerminalText.clean(text).replacingBackticks()
  }

  /// `[text](url)` for an http(s) URL, with the characters that would end the link target
  /// percent-encoded; nil for anything else (javascript:, data: …).
  static func link(_ text: String, _ url: String?) -> String? {
    guard let url = HTMLReportRenderer.safeURL(url) else { return nil }
    var target = ""
    for scalar in url.unicodeScalars {
      switch scalar {
      case "(": target += "%28"
      case ")": target += "%29"
      case " ": target += "%20"
      case "<": target += "%3C"
      case ">": target += "%3E"
      case "\\": target += "%5C"
      default: target.unicodeScalars.append(scalar)
      }
    }
    return "[\(escape(text))](\(target))"
  }
}

extension String {
  fileprivate func replacingBackticks() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "`" ? "\u{2BC}" : $0 }))
  }
}
