#!/usr/bin/env python3
"""The HTML report in a real browser: headless Chromium renders the report of the sample archive
to a PNG and dumps the DOM after the page's script ran; the page must have loaded without
console errors (its script sets data-ready="1" on <body> at the end and records errors in
data-errors) and show the expected speakers. A report of hostile statements must run none of
them.

    python3 Tests/interop/report_browser.py .build/debug/quotegraph Tests/Fixtures/sample [OUT]

OUT (default: a temporary folder) keeps graph.jsonl, report.html, report.png and dom.html.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

EXPECTED_SPEAKERS = ["约翰·克里", "迈克·蓬佩奥", "韩正", "库德洛", "纳瓦罗"]
HOSTILE = [
    "<script>document.title='pwned'</script>",
    "\"><img src=x onerror=\"document.title='pwned'\">",
    "</script><script>document.title='pwned'</script>",
    "<svg onload=\"document.title='pwned'\"></svg>\u2028<!--",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("report_browser: no chromium on PATH (apt-get install chromium)")


def browse(browser: str, page: str, out: str, screenshot: bool) -> tuple[str, str]:
    """The DOM after the page's script ran, and the browser's log."""
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
              "--window-size=1280,2000", "--enable-logging=stderr", "--v=0",
              "--virtual-time-budget=5000", f"--user-data-dir={out}/chromium-profile"]
    if screenshot:
        shot = subprocess.run(common + [f"--screenshot={out}/report.png", "file://" + page],
                              capture_output=True, text=True, timeout=120)
        if shot.returncode != 0 or not os.path.getsize(f"{out}/report.png"):
            sys.exit(f"report_browser: no screenshot\n{shot.stderr[-2000:]}")
    dump = subprocess.run(common + ["--dump-dom", "file://" + page],
                          capture_output=True, text=True, timeout=120)
    if dump.returncode != 0:
        sys.exit(f"report_browser: --dump-dom failed\n{dump.stderr[-2000:]}")
    return dump.stdout, dump.stderr


def console_errors(log: str) -> list[str]:
    """Console messages the page produced (Chromium logs them as CONSOLE lines)."""
    return [line for line in log.splitlines()
            if "CONSOLE" in line and ("error" in line.lower() or "Uncaught" in line)]


def check_page(dom: str, log: str, name: str) -> None:
    body = re.search(r"<body[^>]*>", dom)
    if not body or 'data-ready="1"' not in body.group(0):
        sys.exit(f"report_browser: {name}: the page's script did not finish (no data-ready)")
    if "data-errors" in body.group(0):
        sys.exit(f"report_browser: {name}: script errors: {body.group(0)}")
    errors = console_errors(log)
    if errors:
        sys.exit(f"report_browser: {name}: console errors:\n" + "\n".join(errors))


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, sample = os.path.abspath(sys.argv[1]), sys.argv[2]
    out = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="qg-report-")
    os.makedirs(out, exist_ok=True)
    browser = chromium()

    graph, page = f"{out}/graph.jsonl", f"{out}/report.html"
    subprocess.run([binary, "extract", sample, "-q", "-o", graph], check=True)
    subprocess.run([binary, "report", graph, "-o", page], check=True)
    dom, log = browse(browser, page, out, screenshot=True)
    with open(f"{out}/dom.html", "w", encoding="utf-8") as file:
        file.write(dom)
    check_page(dom, log, "sample")
    text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
    missing = [name for name in EXPECTED_SPEAKERS if name not in text]
    if missing:
        sys.exit(f"report_browser: speakers missing from the page: {missing}")
    sections = re.findall(r'<article class="speaker"[^>]*>', dom)
    statements = re.findall(r'<li class="statement"[^>]*>', dom)
    shown = re.search(r'<span id="shown"[^>]*>([^<]*)</span>', dom)
    if not shown or f"{len(statements)} statements" != shown.group(1):
        sys.exit(f"report_browser: the script counted {shown and shown.group(1)!r}, "
                 f"the page has {len(statements)} statements")
    print(f"sample: {len(sections)} speakers, {len(statements)} statements, "
          f"no console errors; screenshot {out}/report.png")

    # The search box, through the page's #q= link: the script must show exactly the statements
    # whose speaker names, words, outlet, date or kind hold every term.
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>',
                                dom, re.S).group(1))
    malformed, log = browse(browser, page + "#q=%E4%ZZ", out, False)
    check_page(malformed, log, "a malformed #q= link")
    for query in ["克里 direct", "韓正", "tiktok 2020-07-18", "Pompeo"]:
        terms = query.lower().split()
        expected = sum(
            all(term in (data["speakers"][s["speaker"]]["names"] + " " + s["words"] + " "
                         + s["kind"]).lower() for term in terms)
            for s in data["statements"])
        if expected == 0:
            sys.exit(f"report_browser: the query {query!r} should find something in the sample")
        filtered, log = browse(browser, page + "#q=" + urllib.parse.quote(query), out, False)
        check_page(filtered, log, f"search {query!r}")
        shown = re.search(r'<span id="shown"[^>]*>([^<]*)</span>', filtered).group(1)
        visible = len(re.findall(r'<li class="statement" data-i="\d+">', filtered))
        if shown != f"{expected} of {len(statements)} statements" or visible != expected:
            sys.exit(f"report_browser: search {query!r}: the page shows {shown!r} "
                     f"({visible} visible), expected {expected}")
        print(f"search {query!r}: {expected} of {len(statements)} statements")

    # Hostile statements and names: shown as text, never run.
    lines = [
        {"type": "node", "id": "article:x", "labels": ["Article"],
         "properties": {"url": "javascript:document.title='pwned'", "title": HOSTILE[1],
                        "published": "2020-01-01T00:00:00Z", "outlet": HOSTILE[0]}},
        {"type": "node", "id": "person:x", "labels": ["Person"],
         "properties": {"name": HOSTILE[2], "aliases": [HOSTILE[3]], "name_en": HOSTILE[1]}},
    ]
    for i, statement in enumerate(HOSTILE):
        lines += [
            {"type": "node", "id": f"quote:{i}", "labels": ["Quote"],
             "properties": {"text": statement, "kind": "direct", "cue": HOSTILE[i - 1]}},
            {"type": "relationship", "id": f"said:{i}", "label": "SAID",
             "start": {"id": "person:x", "labels": ["Person"]},
             "end": {"id": f"quote:{i}", "labels": ["Quote"]}, "properties": {}},
            {"type": "relationship", "id": f"quoted:{i}", "label": "QUOTED_IN",
             "start": {"id": f"quote:{i}", "labels": ["Quote"]},
             "end": {"id": "article:x", "labels": ["Article"]}, "properties": {}},
        ]
    hostile_graph, hostile_page = f"{out}/hostile.jsonl", f"{out}/hostile.html"
    with open(hostile_graph, "w", encoding="utf-8") as file:
        file.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    subprocess.run([binary, "report", hostile_graph, "-o", hostile_page], check=True)
    dom, log = browse(browser, hostile_page, out, screenshot=False)
    check_page(dom, log, "hostile")
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    if not title or "pwned" in title.group(1):
        sys.exit(f"report_browser: a hostile statement ran: title {title and title.group(1)!r}")
    if re.search(r"<img|<svg onload|href=\"javascript:", dom):
        sys.exit("report_browser: a hostile statement became markup")
    text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
    for statement in HOSTILE[:2]:
        if statement not in text:
            sys.exit(f"report_browser: hostile statement not shown as text: {statement!r}")
    print("hostile: statements shown as text, nothing ran, title unchanged")


if __name__ == "__main__":
    main()
