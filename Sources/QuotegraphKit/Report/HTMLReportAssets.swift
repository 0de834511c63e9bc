// The page's inline style and script. They live in the binary rather than in resource files so
// that the report is one self-contained file from a self-contained executable.
extension HTMLReportRenderer {
  static let style = """

    :root { color-scheme: light dark; --fg: #1d2329; --muted: #5f6b76; --line: #d8dee4;
      --bg: #ffffff; --panel: #f6f8fa; --accent: #0b6bcb; --met: #c2410c; --co: #94a3b8; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e6edf3; --muted: #9aa7b3; --line: #30363d; --bg: #0d1117; --panel: #161b22;
        --accent: #58a6ff; --met: #fb923c; --co: #56606b; } }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.55;
      font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC",
        "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
    header { position: sticky; top: 0; z-index: 2; background: var(--bg);
      border-bottom: 1px solid var(--line); padding: 12px 24px 10px; }
    h1 { font-size: 22px; margin: 0 0 2px; }
    h2 { font-size: 19px; margin: 0 0 4px; }
    main { max-width: 1100px; margin: 0 auto; padding: 8px 24px 40px; }
    section { margin-top: 20px; }
    .meta, .legend, .facts, .roles, .met, .when, footer { color: var(--muted); font-size: 13px; }
    .meta { margin: 0; }
    code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    .controls { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
    #search { flex: 1; max-width: 520px; font: inherit; padding: 5px 10px; border-radius: 6px;
      border: 1px solid var(--line); background: var(--panel); color: var(--fg); }
    select { font: inherit; padding: 4px 6px; border-radius: 6px; border: 1px solid var(--line);
      background: var(--panel); color: var(--fg); }
    #shown { color: var(--muted); font-size: 13px; }
    #network svg { width: 100%; height: auto; background: var(--panel); border-radius: 8px;
      border: 1px solid var(--line); }
    #network line.met { stroke: var(--met); stroke-opacity: .8; }
    #network line.co { stroke: var(--co); stroke-opacity: .55; }
    #network circle { fill: var(--accent); fill-opacity: .85; stroke: var(--bg); stroke-width: 1.5; }
    #network text { font-size: 12px; text-anchor: middle; fill: var(--fg);
      paint-order: stroke; stroke: var(--panel); stroke-width: 3px; }
    #network .faded { opacity: .2; }
    .key { display: inline-block; width: 18px; height: 3px; vertical-align: middle; margin-left: 8px; }
    .key.met { background: var(--met); } .key.co { background: var(--co); }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); }
    th { color: var(--muted); font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .en { color: var(--muted); font-weight: normal; font-size: .85em; }
    a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
    .speaker { border-top: 1px solid var(--line); padding-top: 14px; margin-top: 22px;
      scroll-margin-top: 110px; }
    .facts, .roles, .met { margin: 2px 0; }
    .timeline { display: block; width: 100%; max-width: 600px; height: 28px; margin: 6px 0; }
    .timeline line { stroke: var(--line); stroke-width: 2; }
    .timeline circle { fill: var(--accent); fill-opacity: .6; }
    ol.statements { list-style: none; padding: 0; margin: 8px 0 0; }
    .statement { margin: 0 0 12px; padding: 6px 12px; border-left: 3px solid var(--line); }
    .statement:hover { border-left-color: var(--accent); }
    blockquote { margin: 2px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .source { font-size: 13px; overflow-wrap: anywhere; }
    .kind { border-radius: 4px; padding: 0 5px; font-size: 12px; background: var(--panel);
      border: 1px solid var(--line); }
    .kind.direct { border-color: var(--accent); }
    .empty { font-size: 18px; margin-top: 40px; }
    footer { text-align: center; padding: 20px; }

    """

  static let code = """

    "use strict";
    (function () {
      var errors = [];
      window.addEventListener("error", function (event) {
        errors.push(String(event.message));
        document.body.setAttribute("data-errors", errors.join("\\n"));
      });
      var data = JSON.parse(document.getElementById("report-data").textContent);
      var search = document.getElementById("search");
      var kind = document.getElementById("kind");
      var shown = document.getElementById("shown");
      var items = document.querySelectorAll("li.statement");
      var sections = document.querySelectorAll("article.speaker");
      var rows = document.querySelectorAll("#index tbody tr");
      var nodes = document.querySelectorAll("#network .node");
      var haystacks = data.statements.map(function (statement) {
        var speaker = data.speakers[statement.speaker];
        return (speaker.names + " " + statement.words + " " + statement.kind).toLowerCase();
      });
      function apply() {
        var terms = search ? search.value.toLowerCase().split(/\\s+/).filter(Boolean) : [];
        var wanted = kind ? kind.value : "";
        var perSpeaker = data.speakers.map(function () { return 0; });
        var total = 0;
        for (var i = 0; i < items.length; i++) {
          var index = Number(items[i].getAttribute("data-i"));
          var statement = data.statements[index];
          var visible = (!wanted || statement.kind === wanted) && terms.every(function (term) {
            return haystacks[index].indexOf(term) >= 0;
          });
          items[i].hidden = !visible;
          if (visible) { perSpeaker[statement.speaker] += 1; total += 1; }
        }
        sections.forEach(function (section) {
          var count = perSpeaker[Number(section.getAttribute("data-speaker"))];
          section.hidden = count === 0;
        });
        rows.forEach(function (row) {
          var count = perSpeaker[Number(row.getAttribute("data-speaker"))];
          row.hidden = count === 0;
          row.querySelector(".count").textContent = String(count);
        });
        nodes.forEach(function (node) {
          var count = perSpeaker[Number(node.getAttribute("data-speaker"))];
          node.classList.toggle("faded", count === 0);
        });
        if (shown) {
          shown.textContent = total === data.statements.length
            ? total + " statements"
            : total + " of " + data.statements.length + " statements";
        }
      }
      // A link to report.html#q=王毅 opens the page filtered.
      if (search && location.hash.indexOf("#q=") === 0) {
        try {
          search.value = decodeURIComponent(location.hash.slice(3));
        } catch (error) {
          search.value = location.hash.slice(3);
        }
      }
      if (search) { search.addEventListener("input", apply); }
      if (kind) { kind.addEventListener("change", apply); }
      apply();
      document.body.setAttribute("data-ready", "1");
    })();

    """
}
