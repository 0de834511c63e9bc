#!/usr/bin/env python3
"""How often quotegraph names the speaker CFN's annotators marked.

usage: eval-cfn-speakers.py QUOTEGRAPH_BINARY CFN_DEV_JSON [--verbose]

Takes the sentences of the CFN 1.0 dev set (Chinese FrameNet) that have a 说话者 (speaker)
frame element, runs each through `quotegraph extract -` as a one-paragraph article, and
compares the speaker span of the statement whose cue is the frame's target with the gold
speaker span. Prints the share of sentences where they match exactly, where they overlap, and
where quotegraph attributed no statement at that target. Offsets are Unicode characters; CFN's
ends are inclusive, quotegraph's exclusive.
"""
import json
import subprocess
import sys
from html import escape

binary, path = sys.argv[1], sys.argv[2]
verbose = "--verbose" in sys.argv
sentences = []
for item in json.load(open(path, encoding="utf-8")):
    speakers = [s for s in item["cfn_spans"] if s["fe_name"] == "说话者"]
    if speakers:
        sentences.append((item, speakers[0]))

lines = []
for item, _ in sentences:
    article = f"<!--0-->\n[cfn {item['sentence_id']}](cfn:{item['sentence_id']})\n------\n\n<p>{escape(item['text'], quote=False)}</p>\n"
    lines.append(json.dumps({"source": str(item["sentence_id"]), "content": article}, ensure_ascii=False))
run = subprocess.run([binary, "extract", "-", "--quiet"], input="\n".join(lines) + "\n",
                     capture_output=True, text=True)
if run.returncode > 1:
    sys.exit(f"eval-cfn-speakers: quotegraph failed: {run.stderr}")

nodes, said, quoted_in = {}, {}, {}
for line in run.stdout.splitlines():
    record = json.loads(line)
    if record["type"] == "node":
        nodes[record["id"]] = record
    elif record["label"] == "SAID":
        said[record["end"]["id"]] = record["properties"]
    elif record["label"] == "QUOTED_IN":
        quoted_in.setdefault(record["end"]["id"], []).append(record["start"]["id"])
article_of = {n["properties"]["source"]: i for i, n in nodes.items() if "Article" in n["labels"]}

exact = overlap = attributed = 0
for item, gold in sentences:
    gold_start, gold_end = gold["start"], gold["end"] + 1
    target_start = item["target"]["start"]
    best = None
    for quote in quoted_in.get(article_of.get(str(item["sentence_id"])), []):
        # The speaker's span is on the Quote node, resolved to an entity or not (a lone 他).
        props = nodes[quote]["properties"]
        if "speaker_start" not in props:
            continue
        # The statement whose speaker stands nearest before the frame's target.
        distance = abs(target_start - props["speaker_end"])
        if best is None or distance < best[0]:
            best = (distance, props["speaker_start"], props["speaker_end"], props["speaker_text"])
    if best is None:
        if verbose:
            print(f"none   gold {item['text'][gold_start:gold_end]!r} in {item['text']}")
        continue
    attributed += 1
    _, start, end, text = best
    if (start, end) == (gold_start, gold_end):
        exact += 1
        overlap += 1
    elif start < gold_end and gold_start < end:
        overlap += 1
        if verbose:
            print(f"part   gold {item['text'][gold_start:gold_end]!r} got {text!r}")
    elif verbose:
        print(f"wrong  gold {item['text'][gold_start:gold_end]!r} got {text!r}")

total = len(sentences)
print(f"CFN dev sentences with a 说话者 (speaker) element: {total}")
print(f"found a statement with a speaker span: {attributed} ({attributed / total:.3f})")
print(f"speaker span matches gold exactly: {exact} ({exact / total:.3f}); overlaps gold: {overlap} ({overlap / total:.3f})")
print(f"of those attributed, exact: {exact / max(attributed, 1):.3f}, overlapping: {overlap / max(attributed, 1):.3f}")
