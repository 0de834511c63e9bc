/// The report as one self-contained HTML page: inline CSS and script, no fonts, images or
/// scripts from anywhere (a Content-Security-Policy forbids loading any), so it works offline
/// and can be mailed around.
///
/// The page holds a search box and a kind selector filtering statements as one types, the
/// network of the most quoted speakers as SVG (who met whom, who is quoted in the same
/// articles), the speaker index with counts, and one section per speaker with a timeline strip
/// and the statements in time order.
///
/// Every string that comes from an article or the graph is escaped for the HTML context it
/// lands in; the search data travels as JSON in a `<script type="application/json">` block with
/// `<`, `>`, `&`, U+2028 and U+2029 escaped, and is read with `JSON.parse`, never spliced into
/// code. Only http(s) URLs become links. When the script has run, `<body>` carries
/// `data-ready="1"`; a script error is recorded in `data-errors` (the browser check in
/// `Tests/interop/report_browser.sh` reads both).
public struct HTMLReportRenderer: Sendable {
  public init() {}

  public func render(_ report: Report) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="zh">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
      style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
      <title>Who said what · \(Self.escape(report.source))</title>
      <style>\(Self.style)</style>
      </head>
      <body>
      <header>
      <h1>Who said what</h1>
      <p class="meta"><code>\(Self.escape(report.source))</code>
      """
    if !report.speakers.isEmpty { html += " · " + Self.escape(report.summary) }
    html += "</p>\n"
    if !report.filters.isEmpty {
      html +=
        "<p class=\"meta\">Filters: " + report.filters.map(Self.escape).joined(separator: "; ")
        + "</p>\n"
    }
    guard !report.speakers.isEmpty else {
      html += "</header>\n<main>\n<p class=\"empty\">\(Self.escape(report.emptyMessage))</p>\n"
      if report.unattributedCount > 0 {
        html +=
          "<p>\(Report.count(report.unattributedCount, "statement")) without a resolved speaker.</p>\n"
      }
      return html + "</main>\n" + script(report) + "</body>\n</html>\n"
    }
    html += """
      <div class="controls">
      <input type="search" id="search" placeholder="Filter: speaker, words, outlet, date…" \
      autocomplete="off" aria-label="Filter statements">
      <select id="kind" aria-label="Kind of statement">
      <option value="">all kinds</option>
      <option value="direct">direct</option>
      <option value="indirect">indirect</option>
      <option value="mixed">mixed</option>
      </select>
      <span id="shown" aria-live="polite"></span>
      </div>
      </header>
      <main>

      """
    html += network(report)
    html += index(report)
    html += "<section id=\"speakers\">\n"
    var statementNumber = 0
    let days = report.firstDate.flatMap(Self.day).flatMap { first in
      report.lastDate.flatMap(Self.day).map { (first, $0) }
    }
    for (rank, speaker) in report.speakers.enumerated() {
      html += section(speaker, rank: rank, report: report, days: days, first: statementNumber)
      statementNumber += speaker.statements.count
    }
    html += "</section>\n</main>\n"
    html += "<footer>Made by <code>quotegraph report</code> from the graph's statements.</footer>\n"
    return html + script(report) + "</body>\n</html>\n"
  }

  // MARK: Parts

  func network(_ report: Report) -> String {
    let network = report.network
    guard !network.nodes.isEmpty else { return "" }
    let maxCount = Double(report.speakers.first?.statements.count ?? 1)
    var svg = "<section id=\"network\">\n<h2>Network</h2>\n"
    svg +=
      "<p class=\"legend\"><span class=\"key met\"></span> met (MET) "
      + "<span class=\"key co\"></span> quoted in the same article · the \(network.nodes.count) "
      + "most quoted speakers, circles sized by statements</p>\n"
    svg +=
      "<svg viewBox=\"0 0 \(Self.number(network.width)) \(Self.number(network.height))\" "
      + "role=\"img\" aria-label=\"Network of speakers\">\n"
    for edge in network.edges {
      let a = network.nodes[edge.from]
      let b = network.nodes[edge.to]
      let names = [a, b].map { report.speakers[$0.speaker].name }
      var title = names.joined(separator: " – ")
      var parts: [String] = []
      if edge.met > 0 { parts.append("met in \(Report.count(edge.met, "article"))") }
      if edge.coQuoted > 0 {
        parts.append("quoted together in \(Report.count(edge.coQuoted, "article"))")
      }
      title += ": " + parts.joined(separator: ", ")
      let width = min(1 + Double(edge.met + edge.coQuoted).squareRoot(), 6)
      svg +=
        "<line class=\"\(edge.met > 0 ? "met" : "co")\" x1=\"\(Self.number(a.x))\" "
        + "y1=\"\(Self.number(a.y))\" x2=\"\(Self.number(b.x))\" y2=\"\(Self.number(b.y))\" "
        + "stroke-width=\"\(Self.number(width))\"><title>\(Self.escape(title))</title></line>\n"
    }
    for node in network.nodes {
      let speaker = report.speakers[node.speaker]
      let radius = 5 + 15 * (Double(speaker.statements.count) / maxCount).squareRoot()
      svg +=
        "<a href=\"#\(Report.anchor(node.speaker))\" class=\"node\" data-speaker=\"\(node.speaker)\">"
        + "<title>\(Self.escape(Report.fullName(speaker))): "
        + "\(Report.count(speaker.statements.count, "statement"))</title>"
        + "<circle cx=\"\(Self.number(node.x))\" cy=\"\(Self.number(node.y))\" "
        + "r=\"\(Self.number((radius * 10).rounded() / 10))\"></circle>"
        + "<text x=\"\(Self.number(node.x))\" y=\"\(Self.number(node.y + radius + 13))\">"
        + "\(Self.escape(speaker.name))</text></a>\n"
    }
    return svg + "</svg>\n</section>\n"
  }

  func index(_ report: Report) -> String {
    var html = """
      <section id="index">
      <h2>Speakers</h2>
      <table>
      <thead><tr><th>#</th><th>Speaker</th><th class="num">Statements</th>\
      <th class="num">Articles</th><th>Dates</th></tr></thead>
      <tbody>

      """
    for (rank, speaker) in report.speakers.enumerated() {
      html +=
        "<tr data-speaker=\"\(rank)\"><td class=\"num\">\(rank + 1)</td>"
        + "<td><a href=\"#\(Report.anchor(rank))\">\(Self.escape(speaker.name))</a>"
        + (speaker.nameEnglish.map { " <span class=\"en\">\(Self.escape($0))</span>" } ?? "")
        + "</td><td class=\"num count\">\(speaker.statements.count)</td>"
        + "<td class=\"num\">\(speaker.articleCount)</td>"
        + "<td>\(Self.escape(Report.dateRange(speaker.firstDate, speaker.lastDate) ?? ""))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n</section>\n"
  }

  func section(
    _ speaker: Report.Speaker, rank: Int, report: Report, days: (Int64, Int64)?, first: Int
  ) -> String {
    var html =
      "<article class=\"speaker\" id=\"\(Report.anchor(rank))\" data-speaker=\"\(rank)\">\n"
      + "<h2>\(rank + 1). \(Self.escape(speaker.name))"
      + (speaker.nameEnglish.map { " <span class=\"en\">\(Self.escape($0))</span>" } ?? "")
      + "</h2>\n"
    var facts = [
      "<span class=\"count\">\(Report.count(speaker.statements.count, "statement"))</span>",
      Report.count(speaker.articleCount, "article"),
    ]
    if let range = Report.dateRange(speaker.firstDate, speaker.lastDate) {
      facts.append(Self.escape(range))
    }
    facts.append("<code>\(Self.escape(speaker.id))</code>")
    html += "<p class=\"facts\">" + facts.joined(separator: " · ") + "</p>\n"
    if !speaker.roles.isEmpty {
      html +=
        "<p class=\"roles\">Roles: " + speaker.roles.map(Self.escape).joined(separator: ", ")
        + "</p>\n"
    }
    if !speaker.met.isEmpty {
      let rankOf = Dictionary(
        report.speakers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
      let met = speaker.met.map { contact in
        let name = Self.escape(contact.name)
        let label =
          rankOf[contact.id].map { "<a href=\"#\(Report.anchor($0))\">\(name)</a>" } ?? name
        return label + (contact.articles > 1 ? " (\(contact.articles) articles)" : "")
      }
      html += "<p class=\"met\">Met: " + met.joined(separator: ", ") + "</p>\n"
    }
    if let days { html += timeline(speaker, days: days) }
    html += "<ol class=\"statements\">\n"
    for (offset, statement) in speaker.statements.enumerated() {
      var when = ["<time>\(Self.escape(statement.date ?? "undated"))</time>"]
      if let outlet = statement.outlet { when.append(Self.escape(outlet)) }
      when.append("<span class=\"cue\">\(Self.escape(statement.cue))</span>")
      when.append(
        "<span class=\"kind \(Self.kindClass(statement.kind))\">\(Self.escape(statement.kind))</span>"
      )
      if !statement.saidTo.isEmpty {
        when.append("to " + statement.saidTo.map(Self.escape).joined(separator: ", "))
      }
      if !statement.reportedBy.isEmpty {
        when.append("via " + statement.reportedBy.map(Self.escape).joined(separator: ", "))
      }
      html +=
        "<li class=\"statement\" data-i=\"\(first + offset)\">"
        + "<div class=\"when\">\(when.joined(separator: " · "))</div>"
        + "<blockquote>\(Self.escape(statement.text))</blockquote>"
      let title = Self.escape(statement.title ?? statement.url ?? "")
      if let url = Self.safeURL(statement.url) {
        html +=
          "<a class=\"source\" href=\"\(Self.escape(url))\" rel=\"noopener noreferrer\">\(title)</a>"
      } else if !title.isEmpty {
        html += "<span class=\"source\">\(title)</span>"
      }
      html += "</li>\n"
    }
    return html + "</ol>\n</article>\n"
  }

  /// Statements by day along the report's whole date range: one dot per day, larger for more.
  func timeline(_ speaker: Report.Speaker, days: (first: Int64, last: Int64)) -> String {
    var perDay: [(day: Int64, date: String, count: Int)] = []
    for statement in speaker.statements {
      guard let date = statement.date, let day = Self.day(date) else { continue }
      if let last = perDay.last, last.day == day {
        perDay[perDay.count - 1].count += 1
      } else {
        perDay.append((day, date, 1))
      }
    }
    guard !perDay.isEmpty else { return "" }
    let width = 600.0
    let span = Double(max(days.last - days.first, 1))
    var svg =
      "<svg class=\"timeline\" viewBox=\"0 0 \(Self.number(width)) 28\" role=\"img\" "
      + "aria-label=\"Statements over time\">"
      + "<line x1=\"10\" y1=\"14\" x2=\"\(Self.number(width - 10))\" y2=\"14\"></line>"
    for point in perDay {
      let x =
        days.last == days.first
        ? width / 2 : 10 + Double(point.day - days.first) / span * (width - 20)
      let radius = min(3 + Double(point.count).squareRoot() * 1.5, 11)
      svg +=
        "<circle cx=\"\(Self.number((x * 10).rounded() / 10))\" cy=\"14\" "
        + "r=\"\(Self.number((radius * 10).rounded() / 10))\"><title>\(Self.escape(point.date)): "
        + "\(Report.count(point.count, "statement"))</title></circle>"
    }
    return svg + "</svg>\n"
  }

  /// The data the search box filters on, one entry per statement element in page order.
  func script(_ report: Report) -> String {
    var speakers: [JSONValue] = []
    var statements: [JSONValue] = []
    for (rank, speaker) in report.speakers.enumerated() {
      let names = [speaker.name, speaker.nameEnglish ?? ""] + speaker.aliases + [speaker.id]
      speakers.append(.object(["names": .string(names.joined(separator: " "))]))
      for statement in speaker.statements {
        let words = [
          statement.text, statement.outlet ?? "", statement.date ?? "", statement.cue,
          statement.title ?? "",
        ]
        statements.append(
          .object([
            "speaker": .int(rank), "kind": .string(statement.kind),
            "words": .string(words.joined(separator: " ")),
          ]))
      }
    }
    let data = JSONValue.object([
      "speakers": .array(speakers), "statements": .array(statements),
    ])
    return "<script type=\"application/json\" id=\"report-data\">"
      + Self.scriptSafeJSON(data.serialized()) + "</script>\n<script>\(Self.code)</script>\n"
  }

  // MARK: Escaping

  /// Text for an HTML text node or a double-quoted attribute value.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // Control characters have no business in a page (an escape sequence from a terminal
      // paste, a NUL): they go, line breaks and tabs stay.
      case "\n", "\t": out.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// JSON that cannot end the `<script>` element it sits in nor open a comment: `<`, `>` and
  /// `&` appear only inside JSON strings, where `\u003c` means the same.
  public static func scriptSafeJSON(_ json: String) -> String {
    var out = ""
    for scalar in json.unicodeScalars {
      switch scalar {
      case "<": out += "\\u003c"
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The URL when it is http or https; nil for javascript:, data: and anything else.
  public static func safeURL(_ url: String?) -> String? {
    guard let url else { return nil }
    let trimmed = TerminalText.clean(url)
    let lower = trimmed.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !trimmed.contains(" ")
    else { return nil }
    return trimmed
  }

  static func kindClass(_ kind: String) -> String {
    QuoteKind(rawValue: kind)?.rawValue ?? "other"
  }

  /// Days since 1970 of a date or time.
  static func day(_ date: String) -> Int64? {
    Timestamp.parseISO8601(date).map { $0 >= 0 ? $0 / 86_400 : ($0 - 86_399) / 86_400 }
  }

  /// A coordinate as SVG wants it: 12, 12.5 (never 12.0).
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0
      ? sign + String(magnitude / 10) : sign + "\(magnitude / 10).\(magnitude % 10)"
  }
}
