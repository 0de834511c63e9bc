#!/usr/bin/env python3
"""How often quotegraph names the speaker of a quotation in a novel (WP speaker identification).

usage: eval-wp-speakers.py QUOTEGRAPH_BINARY WP_DIR [--verbose]

WP_DIR is `shared/eval/wp_speaker_id`: 298 dev instances from the novel 平凡的世界, each 21
sentences whose 11th holds the quotation, its speaker and a category: explicit (a speech verb
names the speaker beside the quotation), implicit (the speaker is in a neighbouring sentence
without a speech verb) or latent (turn-taking: no sentence near names the speaker).
`name_list.txt` gives each character's aliases.

Each instance becomes one article run through `quotegraph extract -`, its sentences joined
into paragraphs the way the novel prints them (see `paragraphs`). The statement
whose text overlaps the 11th sentence's quotation is the prediction; it is right when its
speaker (the person or organisation its `SAID` edge starts from) goes by one of the gold
character's aliases, or by a name holding one of two characters or more. Prints, per category
and overall: instances, statements found there, statements with a speaker, right speakers,
and the precision of the attributed ones. A different domain from news (dialogue, characters
named by their given name alone): the figures measure the attributor where its cues hold.
"""
import json
import os
import subprocess
import sys
from html import escape

binary, folder = sys.argv[1], sys.argv[2]
verbose = "--verbose" in sys.argv
CATEGORIES = ("explicit", "implicit", "latent")

aliases = []
with open(os.path.join(folder, "name_list.txt"), encoding="utf-8") as names:
    for line in names:
        fields = line.split()
        if fields:
            aliases.append(fields[1:])


def instances(path):
    with open(path, encoding="utf-8") as f:
        blocks = f.read().strip().split("\n\n")
    for block in blocks:
        lines = block.split("\n")
        fields = dict(line.split(": ", 1) for line in lines[-3:])
        yield {
            "index": lines[0].split(": ", 1)[1],
            "sentences": lines[1:22],
            "speaker": fields["Speaker"],
            "speaker_index": int(fields["Speaker index"]),
            "category": fields["Category"],
        }


def paragraphs(sentences):
    """Paragraphs of the article, and the offset of the 11th sentence in its text.

    The release gives sentences, not the novel's paragraphs. A sentence that leaves a
    quotation open goes on with the next ones until it closes; a sentence that is one whole
    quotation takes the narrative sentence after it (“采五的。”少平说。), as novels print a line
    of dialogue and its attribution; every other sentence is a paragraph.
    """
    result, current, open_quotes, target = [], "", 0, None
    offset = 0
    for number, sentence in enumerate(sentences):
        if current and open_quotes <= 0:
            whole_quotation = current.startswith("“") and current.endswith("”")
            if not (whole_quotation and not sentence.startswith("“")) or "”" in current[1:-1]:
                result.append(current)
                offset += len(current) + 1
                current = ""
        if number == 10:
            target = offset + len(current)
        current += sentence
        open_quotes = max(0, open_quotes + sentence.count("“") - sentence.count("”"))
    if current:
        result.append(current)
    return result, target


items = []
for category in CATEGORIES:
    path = os.path.join(folder, "dev", f"dev_{category}.txt")
    for item in instances(path):
        item["id"] = f"{category}-{item['index']}"
        items.append(item)

lines = []
for item in items:
    paras, target = paragraphs(item["sentences"])
    item["target"] = (target, target + len(item["sentences"][10]))
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paras)
    article = f"<!--0-->\n[wp {item['id']}](wp:{item['id']})\n------\n\n{body}\n"
    lines.append(json.dumps({"source": item["id"], "content": article}, ensure_ascii=False))
run = subprocess.run([binary, "extract", "-", "--quiet"], input="\n".join(lines) + "\n",
                     capture_output=True, text=True)
if run.returncode > 1:
    sys.exit(f"eval-wp-speakers: quotegraph failed: {run.stderr}")

nodes, said, quoted_in = {}, {}, {}
for line in run.stdout.splitlines():
    record = json.loads(line)
    if record["type"] == "node":
        nodes[record["id"]] = record
    elif record["label"] == "SAID":
        said[record["end"]["id"]] = record["start"]["id"]
    elif record["label"] == "QUOTED_IN":
        quoted_in.setdefault(record["end"]["id"], []).append(record["start"]["id"])
article_of = {n["properties"]["source"]: i for i, n in nodes.items() if "Article" in n["labels"]}


def speaker_names(quote):
    """The names of the person the graph says spoke (none for a pronoun left unresolved)."""
    speaker = said.get(quote)
    if not speaker:
        return []
    props = nodes[speaker]["properties"]
    return [props.get("name", "")] + props.get("aliases", [])


def right(names, gold):
    return any(name == alias or (len(alias) >= 2 and alias in name)
               for name in names for alias in gold)


totals = {c: [0, 0, 0, 0] for c in CATEGORIES}
for item in items:
    count = totals[item["category"]]
    count[0] += 1
    start, end = item["target"]
    found = [q for q in quoted_in.get(article_of.get(item["id"]), [])
             if nodes[q]["properties"]["start"] < end and start < nodes[q]["properties"]["end"]]
    if not found:
        if verbose:
            print(f"none   {item['id']} gold {item['speaker']}: {item['sentences'][10][:40]}")
        continue
    count[1] += 1
    quote = found[0]
    names = speaker_names(quote)
    if not names:
        if verbose:
            print(f"nobody {item['id']} gold {item['speaker']}: {item['sentences'][10][:40]}")
        continue
    count[2] += 1
    if right(names, aliases[item["speaker_index"]]):
        count[3] += 1
    elif verbose:
        print(f"wrong  {item['id']} gold {item['speaker']} got {names[0]}: "
              f"{item['sentences'][10][:40]}")

print("category   instances  statement  with speaker  right  precision")
for category in CATEGORIES + ("all",):
    if category == "all":
        count = [sum(totals[c][i] for c in CATEGORIES) for i in range(4)]
    else:
        count = totals[category]
    precision = count[3] / count[2] if count[2] else 0.0
    print(f"{category:<10} {count[0]:>9} {count[1]:>10} {count[2]:>13} {count[3]:>6}  {precision:.3f}")
