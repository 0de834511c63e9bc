#!/usr/bin/env python3
"""Derives the data behind person.discover.v1 from the gazetteer's own people and public text.

usage: scripts/derive-name-model.py [--shared ../shared] [--gazetteers Gazetteers]

Writes, deterministically (sorted rows, fixed smoothing):
  Gazetteers/name-model.tsv  kind form count weight
      surname  first character of the 2- and 3-character Chinese names in people.tsv (any
               count), plus curated/surnames.tsv (compound surnames: 欧阳, 司马 ...)
      given    characters of the given names of those names
      foreign  characters of the transliterated names (those with a middle dot) in people.tsv
      weight = ln(P(char | kind)) - ln(P(char | news text)), add-0.5 / add-1 smoothing, clipped to
      [-8, 8]; "news text" is every CJK character of shared/corpus (4.6 MB of BBC, CNA and RFI
      articles, no labels).
  Gazetteers/name-traps.tsv  word note
      words of the Cilin thesaurus (shared/gazetteer-sources/cilin) that look like a surname
      plus a given name (2 or 3 characters, first character a surname) and are no person in
      people.tsv: 王国, 高度, 耿直, 和蔼 ...; plus curated/name-traps.tsv.
No evaluation set is read.
"""
import math
import os
import re
import sys
from collections import Counter

args = sys.argv[1:]
shared = args[args.index("--shared") + 1] if "--shared" in args else "../shared"
gaz = args[args.index("--gazetteers") + 1] if "--gazetteers" in args else "Gazetteers"
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
DOTS = "·•‧・﹒．"


def tsv(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


people = tsv(os.path.join(gaz, "people.tsv"))
names = [r["name"] for r in people]
curated_surnames = [r["word"] for r in tsv(os.path.join(gaz, "curated", "surnames.tsv"))]
curated_traps = [r["word"] for r in tsv(os.path.join(gaz, "curated", "name-traps.tsv"))]

surname_counts = Counter(n[0] for n in names if CJK.match(n) and len(n) in (2, 3))
surnames = {c for c, k in surname_counts.items() if k >= 1}
given = Counter()
for n in names:
    if CJK.match(n) and len(n) in (2, 3) and n[0] in surnames:
        given.update(n[1:])
for compound in curated_surnames:
    for n in names:
        if CJK.match(n) and n.startswith(compound) and len(n) in (3, 4):
            given.update(n[len(compound):])
foreign = Counter()
for n in names:
    if any(d in n for d in DOTS):
        for ch in n:
            if "\u4e00" <= ch <= "\u9fff":
                foreign[ch] += 1

background = Counter()
for root, _, files in sorted(os.walk(os.path.join(shared, "corpus"))):
    for name in sorted(files):
        with open(os.path.join(root, name), encoding="utf-8", errors="ignore") as f:
            background.update(ch for ch in f.read() if "\u4e00" <= ch <= "\u9fff")
B = sum(background.values())
V = len(background) + 1


def weight(count, total, char):
    w = math.log((count + 0.5) / (total + 0.5 * V)) - math.log((background[char] + 1) / (B + V))
    return max(-8.0, min(8.0, w))


rows = []
S = sum(surname_counts[c] for c in surnames)
for c in sorted(surnames):
    rows.append(("surname", c, surname_counts[c], weight(surname_counts[c], S, c)))
for compound in sorted(set(curated_surnames)):
    k = sum(1 for n in names if n.startswith(compound))
    rows.append(("surname", compound, k, weight(max(k, 3), S, compound[0])))
G = sum(given.values())
for c in sorted(given):
    rows.append(("given", c, given[c], weight(given[c], G, c)))
F = sum(foreign.values())
for c in sorted(foreign):
    if foreign[c] >= 2:
        rows.append(("foreign", c, foreign[c], weight(foreign[c], F, c)))
rows.sort(key=lambda r: (r[0], r[1]))
with open(os.path.join(gaz, "name-model.tsv"), "w", encoding="utf-8") as out:
    out.write("kind\tform\tcount\tweight\n")
    for kind, form, count, w in rows:
        out.write(f"{kind}\t{form}\t{count}\t{w:.3f}\n")

person_names = set(names)
for r in people:
    person_names.update(a for a in r["aliases"].split("|") if a)
traps = {}
with open(os.path.join(shared, "gazetteer-sources", "cilin", "cilin.txt"), encoding="gb18030") as f:
    for line in f:
        for word in line.split()[1:]:
            if (CJK.match(word) and len(word) in (2, 3) and word[0] in surnames
                    and word not in person_names):
                traps.setdefault(word, "cilin")
for word in curated_traps:
    traps[word] = "curated"
with open(os.path.join(gaz, "name-traps.tsv"), "w", encoding="utf-8") as out:
    out.write("word\tnote\n")
    for word in sorted(traps):
        out.write(f"{word}\t{traps[word]}\n")
print(f"name-model.tsv: {len(rows)} rows; name-traps.tsv: {len(traps)} words", file=sys.stderr)
